package gen

import (
	"regexp"
	"strings"
)

// Prompts should be short and self-contained. These helpers trim a quoted
// sentence to the clause that matters and find references a student cannot
// resolve ("these groups", "the offensive" of another topic).

// tailClauseRE matches a trailing participial or relative clause that adds
// detail after the asked span: ", killing 12 people", ", which …".
var tailClauseRE = regexp.MustCompile(`, (?:killing|injuring|wounding|leading|greatly|forcing|facing|making|which|while|following|amidst|resulting|prompting|causing|bringing|marking|as well as|after which|thereby|effectively|reportedly|despite|in an attempt|in what)\b`)

// trimTail cuts a long quoted sentence after the asked span at the first
// trailing clause, so the prompt is the clause that holds the answer. The
// shortened sentence is still true: only detail after the answer goes.
func trimTail(fr *frame) {
	if !fr.prose || words(fr.sent) <= 20 {
		return
	}
	end := fr.blank[1]
	if fr.dateHit != nil {
		end = max(end, fr.dateHit.end)
	}
	if fr.num != nil {
		end = max(end, fr.num.end)
	}
	m := tailClauseRE.FindStringIndex(fr.sent[end:])
	if m == nil {
		return
	}
	cut := fr.sent[:end+m[0]] + "."
	if words(cut) < 6 || strings.Count(cut, "\"")%2 == 1 || strings.Count(cut, "(") != strings.Count(cut, ")") {
		return
	}
	fr.sent = cut
}

// cityTopicRE finds the place a battle topic is about: "Battle of Aleppo
// (2024)" → Aleppo, so that "the city" in its sentences can be named.
var cityTopicRE = regexp.MustCompile(`^(?:Battle|Siege|Fall|Capture|Liberation|Sack) of ((?:(?:al|as|ar|ad|ash|an|at|az|el)-)?[A-Z][\p{L}'’-]+)(?: \(|$)`)

// vagueNounRE finds a definite description whose referent lies outside the
// sentence, with the word after it.
var vagueNounRE = regexp.MustCompile(`\b[Tt]he (offensive|operation|attack|assault|group|groups|movement|organisation|organization|campaign|clashes|raid|raids|attacks|airstrikes|ceasefire|truce|advance|district|neighborhood|neighbourhood|city|town|village|faction|factions|battle|siege|area|region|province)\b(?:\s+(\w+)(?:\s+([\w'’-]+))?)?`)

// boundWords after a vague noun tie it to a name in the same sentence:
// "the city of Hama", "the offensive on Aleppo".
var boundWords = map[string]bool{"of": true, "on": true, "against": true, "in": true, "at": true,
	"near": true, "for": true, "to": true, "from": true, "around": true, "called": true, "known": true, "named": true}

// placeNoun are the vague nouns of places: a date after them does not say
// which place.
var placeNoun = map[string]bool{"city": true, "town": true, "village": true, "area": true, "region": true, "province": true,
	"district": true, "neighborhood": true, "neighbourhood": true}

// unnamedCraft reports "on board"/"aboard" with no vehicle named: "There
// were 35 people on board" (of what?).
func unnamedCraft(text string) bool {
	l := strings.ToLower(text)
	if !strings.Contains(l, "on board") && !strings.Contains(l, "aboard") {
		return false
	}
	for _, v := range []string{"plane", "aircraft", "helicopter", "ship", "boat", "bus", "vehicle", "truck", "train", "convoy", "jet", "vessel"} {
		if strings.Contains(l, v) {
			return false
		}
	}
	return true
}

// bound reports a vague noun tied to a name by the words after it: "the
// offensive on Aleppo", "the city of Hama", "the group known as …"; not "the
// city on 10 June".
func bound(n, w1, w2 string) bool {
	l := strings.ToLower(w1)
	if !boundWords[l] {
		return false
	}
	if (l == "in" || l == "on") && !placeNoun[n] && (monthWords[w2] || w2 == "early" || w2 == "late" || w2 == "mid" ||
		w2 != "" && w2[0] >= '0' && w2[0] <= '9') {
		return true // "the offensive in early March 2013": a dated event is pinned down; a place is not
	}
	switch l {
	case "called", "known", "named":
		return true
	}
	if w2 == "the" || w2 == "" {
		return l == "of" // "the city of the …"
	}
	return upperStart(w2) && !monthWords[w2] || strings.HasPrefix(w2, "al-")
}

// nameCity replaces an unbound "the city" by the battle's city.
func (g *generator) nameCity(sent string, t topicInfo) string {
	m := cityTopicRE.FindStringSubmatch(t.base)
	if m == nil {
		m = cityTopicRE.FindStringSubmatch(t.name)
	}
	if m == nil {
		m = offensiveTopicRE.FindStringSubmatch(t.base)
	}
	if m == nil && !t.event && g.calledCity(t.base) {
		m = []string{t.base, t.base} // "Saraqib is a city in …": "the city" is Saraqib
	}
	if m == nil || !g.isCity(m[1]) {
		return sent
	}
	city := m[1]
	for _, n := range []string{"outskirts", "centre", "center", "limits", "walls", "council", "hall", "gates", "districts", "suburbs"} {
		if strings.Contains(sent, "the city "+n) {
			return sent // "on the city outskirts" → not "on Idlib outskirts"
		}
	}
	return vagueNounRE.ReplaceAllStringFunc(sent, func(s string) string {
		sm := vagueNounRE.FindStringSubmatch(s)
		if sm[1] != "city" || bound(sm[1], sm[2], sm[3]) || s[0] == 'T' || strings.HasPrefix(s[len("the city"):], "-") {
			return s // "the city-center" is no place name
		}
		rest := s[len("the city"):]
		return city + rest
	})
}

// offensiveTopicRE finds the place an offensive is named after: "2024 Homs
// offensive" → Homs.
var offensiveTopicRE = regexp.MustCompile(`^(?:\d{4} )?([A-Z][\p{L}'’-]+) offensive$`)

// calledCity reports a place topic the document calls a city or town ("Saraqib
// is a city in northwestern Syria").
func (g *generator) calledCity(place string) bool {
	if strings.Contains(place, " ") || place == "" {
		return false
	}
	k := "\x00called " + place
	if v, ok := g.cityMemo[k]; ok {
		return v
	}
	p := norm(place)
	v := strings.Contains(g.docNorm, " "+p+" is a city ") || strings.Contains(g.docNorm, " "+p+" is a town ")
	g.cityMemo[k] = v
	return v
}

// isCity reports whether "the city" in a battle topic may be named after
// the topic's place: yes when the document calls the place a city or town
// ("the city of Aleppo"), no when it calls it a region ("Qalamoun mountains":
// "the city" there is Yabroud), yes otherwise.
func (g *generator) isCity(place string) bool {
	if v, ok := g.cityMemo[place]; ok {
		return v
	}
	p := norm(place)
	has := func(ks ...string) bool {
		for _, k := range ks {
			if strings.Contains(g.docNorm, " "+k+" ") {
				return true
			}
		}
		return false
	}
	v := has("city of "+p, p+" city", "town of "+p, p+" town", p+" is a city", p+" is a town") ||
		!has(p+" mountains", p+" mountain", p+" region", "region of "+p, p+" area", p+" countryside", p+" valley",
			p+" district", p+" province", p+" governorate")
	g.cityMemo[place] = v
	return v
}

// vagueRef reports a reference in the quoted text that the student cannot
// resolve: a demonstrative, "the latter", or "the offensive"/"the city" not
// tied to a name and not the topic's own head noun.
func vagueRef(text, topicBase string) bool {
	if vagueDet(text) || earlyPronoun(text) || unnamedCraft(text) {
		return true
	}
	head := topicHead(topicBase)
	for _, m := range vagueNounRE.FindAllStringSubmatch(text, -1) {
		n := m[1]
		if bound(n, m[2], m[3]) || n == head || n+"s" == head || n == head+"s" {
			continue
		}
		return true
	}
	return false
}

var monthWords = map[string]bool{"January": true, "February": true, "March": true, "April": true, "May": true,
	"June": true, "July": true, "August": true, "September": true, "October": true, "November": true, "December": true}

// vagueDet finds demonstratives and anaphora (string checks: it runs for every card's quoted
// sentence): "these/those/this" before a lower-case word, "the
// latter/former/aforementioned", "the same year/month/…".
func vagueDet(text string) bool {
	for _, d := range [...]string{"these", "those", "this", "These", "Those", "This"} {
		for off := 0; ; {
			i := strings.Index(text[off:], d)
			if i < 0 {
				break
			}
			i += off
			j := i + len(d)
			off = j
			if i > 0 && isWordByte(text[i-1]) {
				continue
			}
			k := j
			for k < len(text) && isSpaceByte(text[k]) {
				k++
			}
			if k > j && k < len(text) && text[k] >= 'a' && text[k] <= 'z' {
				return true
			}
		}
	}
	if !strings.Contains(text, "he ") {
		return false
	}
	for _, p := range [...]string{"latter", "former", "aforementioned", "same year", "same month", "same week",
		"same time", "same area", "same group", "same city"} {
		if containsWords(text, "the "+p) || containsWords(text, "The "+p) {
			return true
		}
	}
	return false
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' }

// earlyPronoun reports a personal pronoun before any name in the sentence:
// "On September 17 he headed north" (who?).
func earlyPronoun(text string) bool {
	for i, w := range strings.Fields(text) {
		w = strings.Trim(w, `,.;:"“”()`)
		if i == 0 || w == "" {
			continue
		}
		switch strings.ToLower(w) {
		case "he", "she", "they", "it", "his", "her", "their", "its", "him", "them":
			return true
		}
		if r := w[0]; r >= 'A' && r <= 'Z' && !monthWords[w] {
			return false
		}
	}
	return false
}
