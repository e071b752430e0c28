package gen

import "strings"

// Organisation names in running text take "the" as the document writes
// them: "on the side of the Syrian Democratic Forces", "the YPG", but
// "Hezbollah", "Turkey", "Tahrir al-Sham". A name the document never writes
// in prose falls back on its head word: "… Forces", "… Army", "… Front"
// take "the".

// theHeadWords end names that take "the".
var theHeadWords = map[string]bool{"forces": true, "force": true, "army": true, "front": true, "movement": true,
	"division": true, "brigade": true, "brigades": true, "council": true, "government": true, "union": true,
	"party": true, "guard": true, "corps": true, "legion": true, "republic": true, "state": true,
	"coalition": true, "alliance": true, "command": true, "militia": true, "militias": true, "battalion": true,
	"regiment": true, "administration": true, "confederacy": true, "navy": true, "committee": true,
	"authority": true, "organization": true, "organisation": true, "group": true, "kingdom": true,
	"emirates": true, "states": true, "nations": true, "room": true, "brotherhood": true, "rebels": true,
	"mujahideen": true, "revolutionaries": true, "police": true, "units": true}

// theName writes name as running text does, with "the" when it takes one.
func (g *generator) theName(name string) string {
	if name == "" || strings.HasPrefix(strings.ToLower(name), "the ") {
		return name
	}
	if g.takesThe(name) {
		return "the " + name
	}
	return name
}

// takesThe decides from the document's prose: "the X" against X after a
// lower-case word other than "the" ("by Hezbollah"); else from the head.
func (g *generator) takesThe(name string) bool {
	if v, ok := g.theMemo[name]; ok {
		return v
	}
	with, without := 0, 0
	text := g.doc.Text
	for off, n := 0, 0; off < len(text) && n < maxOccurrences; n++ {
		i := strings.Index(text[off:], name)
		if i < 0 {
			break
		}
		i += off
		off = i + len(name)
		if off < len(text) && isWordByte(text[off]) {
			continue // a longer name
		}
		prev := strings.Fields(text[max(0, i-40):i])
		if len(prev) == 0 {
			continue
		}
		p := prev[len(prev)-1]
		switch {
		case p == "the" || p == "The":
			with++
		case lowerWord(p) && !strings.HasSuffix(p, ","):
			without++
		}
	}
	var v bool
	switch {
	case with+without > 0:
		v = with > without
	default:
		w := strings.ToLower(lastWord(name))
		v = words(name) > 1 && theHeadWords[w] || strings.Contains(name, " of ") ||
			acronymRE.MatchString(name) && !strings.HasPrefix(name, "IS")
	}
	if g.theMemo == nil {
		g.theMemo = map[string]bool{}
	}
	g.theMemo[name] = v
	return v
}
