package gen

import (
	"iter"
	"strings"
)

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
	switch name {
	case "United States", "United Kingdom", "Netherlands", "Soviet Union", "United Nations", "Confederacy", "Union":
		return true
	}
	with, without := 0, 0
	text := g.doc.Text
	for i := range occurrences(text, name, maxOccurrences) {
		off := i + len(name)
		if off < len(text) && isWordByte(text[off]) {
			continue // a longer name
		}
		prev := strings.Fields(text[max(0, i-40):i])
		if len(prev) == 0 {
			continue
		}
		p := prev[len(prev)-1]
		next := strings.Fields(text[off:min(len(text), off+30)])
		modifier := len(next) > 0 && lowerWord(next[0]) && !nameEnders[next[0]] && !bareBefore[next[0]] &&
			!strings.HasSuffix(next[0], ",") || strings.HasPrefix(text[off:], "-") || strings.HasPrefix(text[off:], "–")
		switch {
		case modifier:
			// "the Rojava conflict", "the Raqqa campaign": the article is the noun's
		case p == "the" || p == "The":
			with++
		case bareBefore[p]:
			without++
		}
	}
	var v bool
	switch {
	case with != without:
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

// theSlip reports "the" before a one-word name that the document otherwise
// writes bare: "the SAA and the Hezbollah captured …" where the article
// says "Hezbollah" everywhere else.
func (g *generator) theSlip(s string) bool {
	for off := 0; ; {
		i := strings.Index(s[off:], "the ")
		if i < 0 {
			return false
		}
		i += off
		off = i + 4
		if i > 0 && isWordByte(s[i-1]) {
			continue
		}
		rest := s[off:]
		j := strings.IndexFunc(rest, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') })
		if j < 0 {
			j = len(rest)
		}
		w := rest[:j]
		if len(w) < 3 || !upperStart(w) || j < len(rest) && rest[j] == ' ' && j+1 < len(rest) && upperStart(rest[j+1:]) {
			continue // "the Syrian Army": a name of several words
		}
		if j < len(rest) && rest[j] != ' ' && rest[j] != ',' && rest[j] != '.' {
			continue // "the al-Nusra", "the Hezbollah-led": not a bare word
		}
		if acronymRE.MatchString(w) || strings.HasSuffix(w, "s") || theHeadWords[strings.ToLower(w)] {
			continue // "the SOHR", "the Kurds", "the Army": both are written
		}
		if j < len(rest) && rest[j] == ' ' {
			next := strings.Fields(rest[j+1:])
			if len(next) == 0 || !nameEnders[next[0]] || (next[0] == "and" || next[0] == "or") && (len(next) < 2 || next[1] != "the") {
				continue // "the Idlib countryside", "the Barzeh and Qaboun districts": a modifier
			}
		}
		with, without := g.collectionArticleUse(w)
		if without >= 5 && without >= 3*with {
			return true
		}
	}
}

// collectionArticleUse sums articleUse over the document and the others.
func (g *generator) collectionArticleUse(w string) (with, without int) {
	if m, ok := g.articleMemo[w]; ok {
		return m[0], m[1]
	}
	with, without = articleUse(g.doc.Text, w)
	for _, d := range g.others {
		a, b := articleUse(d.Text, w)
		with, without = with+a, without+b
	}
	if g.articleMemo == nil {
		g.articleMemo = map[string][2]int{}
	}
	g.articleMemo[w] = [2]int{with, without}
	return with, without
}

// articleUse counts a word written after "the" and after another
// lower-case word in a text's prose.
func articleUse(text, w string) (with, without int) {
	for i := range occurrences(text, w, 4*maxOccurrences) {
		off := i + len(w)
		if off < len(text) && isWordByte(text[off]) || i > 0 && isWordByte(text[i-1]) {
			continue
		}
		prev := strings.Fields(text[max(0, i-30):i])
		if len(prev) == 0 {
			continue
		}
		switch p := prev[len(prev)-1]; {
		case p == "the" || p == "The":
			with++
		case lowerWord(p) && !strings.HasSuffix(p, ","):
			without++
		}
	}
	return with, without
}

// nameEnders may follow a name that stands alone as a noun phrase.
var nameEnders = map[string]bool{"and": true, "or": true, "had": true, "has": true, "have": true, "were": true,
	"was": true, "captured": true, "took": true, "seized": true, "launched": true,
	"in": true, "on": true, "at": true, "from": true, "with": true, "to": true, "for": true}

// bareBefore are the words after which a name that takes no article shows
// it: "by Hezbollah", "against Turkey" (an adjective, as in "separate
// Syrian Democratic Forces", says nothing).
var bareBefore = map[string]bool{"by": true, "with": true, "from": true, "against": true, "to": true, "for": true,
	"of": true, "between": true, "under": true, "joined": true, "backed": true, "supported": true,
	"attacked": true, "fought": true, "captured": true, "and": true, "into": true, "on": true, "at": true}

// occurrences yields the byte offsets of v in text, left to right and not
// overlapping, at most limit of them (limit < 0: all): the bounded scans of a
// name's mentions keep generation linear in the document's size.
func occurrences(text, v string, limit int) iter.Seq[int] {
	return func(yield func(int) bool) {
		if v == "" {
			return
		}
		for off, n := 0, 0; off < len(text) && (limit < 0 || n < limit); n++ {
			i := strings.Index(text[off:], v)
			if i < 0 {
				return
			}
			i += off
			off = i + len(v)
			if !yield(i) {
				return
			}
		}
	}
}
