package facts

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/factdeck/factdeck/quiz"
)

// copulas introduce the definition in a topic's first sentence.
var copulas = map[string]bool{"was": true, "is": true, "were": true, "are": true, "refers": true, "took": true}

// notSubjects are sentence openers that never name a topic.
var notSubjects = map[string]bool{
	"in": true, "on": true, "during": true, "after": true, "before": true, "it": true,
	"they": true, "this": true, "that": true, "these": true, "those": true, "he": true,
	"she": true, "there": true, "by": true, "with": true, "as": true, "although": true,
	"however": true, "while": true, "when": true, "following": true, "from": true,
}

// topicHead finds the subject a paragraph's first sentence defines:
// "The battle of Raqqa, also known as …, was fought …", "Saraqib is a city".
// It returns the name's token range, or ok false.
func topicHead(toks []token) (i, j int, ok bool) {
	if len(toks) < 3 || notSubjects[strings.ToLower(toks[0].s)] {
		return 0, 0, false
	}
	if strings.EqualFold(toks[0].s, "the") {
		i = 1
	}
	j = i
	for j < len(toks) && j < i+14 && !copulas[toks[j].s] && toks[j].s != "," {
		j++
	}
	if j == i || j >= len(toks)-1 {
		return 0, 0, false
	}
	if toks[j].s == "," && !isNamingComma(toks, j) {
		return 0, 0, false
	}
	if toks[j].s != "," && !definitional(toks, j) {
		return 0, 0, false
	}
	if !hasCapWord(toks[i:j], i == 0 && j-i > 1) || (i == 0 && sentenceOpeners[strings.ToLower(toks[0].s)]) {
		return 0, 0, false
	}
	return i, j, true
}

// isNamingComma reports whether the comma at toks[j] opens an alias or code
// name clause ("also known as", "code named", "named") that ends before a
// copula.
func isNamingComma(toks []token, j int) bool {
	if j+2 >= len(toks) {
		return false
	}
	w := strings.ToLower(toks[j+1].s)
	if w != "also" && w != "code" && w != "codenamed" && w != "code-named" && w != "named" {
		return false
	}
	for k := j + 1; k < len(toks); k++ {
		if copulas[toks[k].s] && k > 0 && toks[k-1].s == "," {
			return definitional(toks, k)
		}
	}
	return false
}

// definitional reports whether the copula at toks[k] starts a definition.
func definitional(toks []token, k int) bool {
	for k < len(toks) && toks[k].s == "," {
		k++
	}
	if k+1 >= len(toks) || !copulas[toks[k].s] {
		return false
	}
	next := strings.ToLower(toks[k+1].s)
	switch toks[k].s {
	case "refers":
		return next == "to"
	case "took":
		return next == "place"
	}
	switch next {
	case "a", "an", "one", "the", "fought", "launched":
		return true
	}
	return false
}

// hasCapWord reports whether a name has a capitalised word, not counting a
// sentence-initial one.
func hasCapWord(ts []token, skipFirst bool) bool {
	for k, t := range ts {
		if k == 0 && skipFirst {
			continue
		}
		if isCap(t.s) || allDigits(t.s) {
			return true
		}
	}
	return false
}

// baseName drops a trailing date from a topic name: "Aleppo offensive of
// October–November 2016" becomes "Aleppo offensive".
func baseName(name string) string {
	if k := strings.LastIndex(name, " of "); k > 0 {
		rest := strings.Fields(name[k+4:])
		if len(rest) > 0 && (monthOf(strings.Split(rest[0], "–")[0]) > 0 || yearOf(rest[0]) > 0) {
			return name[:k]
		}
	}
	return name
}

// upperFirst capitalises the first letter: "battle of Raqqa" → "Battle of Raqqa".
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// slug makes a topic id: lower-case letters and digits joined by dashes.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}

// disambiguate names topics that share a base name by their dates, code
// names or places: "Aleppo offensive (October–November 2016)". Ids are made
// unique.
func disambiguate(topics []quiz.Topic, hints []string) {
	count := map[string]int{}
	for _, t := range topics {
		count[strings.ToLower(t.Base)]++
	}
	for k := range topics {
		t := &topics[k]
		if count[strings.ToLower(t.Base)] > 1 && !t.Main {
			switch {
			case !t.Date.IsZero():
				t.Name = t.Base + " (" + formatRange(t.Date) + ")"
			case hints[k] != "":
				t.Name = t.Base + " (" + hints[k] + ")"
			}
		}
	}
	seen := map[string]int{}
	for k := range topics {
		t := &topics[k]
		n := seen[strings.ToLower(t.Name)]
		seen[strings.ToLower(t.Name)]++
		if n > 0 {
			t.Name += " (" + strconv.Itoa(n+1) + ")"
		}
		t.ID = slug(t.Name)
		if t.ID == "" {
			t.ID = "topic-" + strconv.Itoa(k+1)
		}
		if strings.TrimSpace(t.Name) == "" {
			t.Name, t.Base = t.ID, t.ID
		}
	}
}

// leadSubject names the main topic of a document that has no title row and
// whose first sentence does not define its subject: the name the sentence
// opens with ("The Battle of Tabqa, part of …", "The Battle of Olustee or
// Battle of Ocean Pond, was fought …"). A sentence that opens with a
// preposition or an adverb names nothing.
func (e *extractor) leadSubject(p *para) (quiz.Topic, bool) {
	s := p.sents[0]
	toks := s.toks
	i := 0
	if len(toks) > 0 && strings.EqualFold(toks[0].s, "the") {
		i = 1
	}
	if i >= len(toks) || notSubjects[strings.ToLower(toks[i].s)] || sentenceOpeners[strings.ToLower(toks[i].s)] {
		return quiz.Topic{}, false
	}
	j := capRun(toks, i)
	if j == i && i+2 < len(toks) && eventHead[toks[i].s] && toks[i+1].s == "of" {
		j = capRun(toks, i+2) // "The capture of New Orleans (…)"
		if j == i+2 {
			return quiz.Topic{}, false
		}
	}
	if j-i < 2 || j >= len(toks) {
		return quiz.Topic{}, false
	}
	apposed := toks[j].s == "," || toks[j].s == "("
	if !apposed && !eventHead[strings.ToLower(toks[i].s)] && !eventHead[strings.ToLower(toks[j-1].s)] {
		return quiz.Topic{}, false
	}
	name := upperFirst(p.cl.text[s.i+toks[i].i : s.i+toks[j-1].j])
	t := quiz.Topic{Name: name, Base: name}
	a, _ := p.cl.orig(0, 0)
	t.Start, t.End = a, p.cl.off[len(p.cl.off)-1]
	ctx := dateCtx{}
	if ds := findDates(toks, &ctx); len(ds) > 0 {
		t.Date = ds[0].r
	}
	return t, true
}

// eventHead are the nouns that make a capitalised name an event's name,
// first ("Battle of Tabqa", "Siege of Kobani") or last ("Qaboun offensive").
var eventHead = lowerSet(`Battle|Siege|Fall|Capture|Attack|Assault|Campaign|Offensive|Operation|Raid|Massacre|
Bombardment|Invasion|Uprising|Revolt|Rebellion|War|Crisis|Expedition|Skirmish|Engagement|Clashes|Conflict`)

// followingHead reads the subject of a list or timeline that announces
// itself: "The following is a timeline of the Syrian civil war from November
// 2024" is about the "timeline of the Syrian civil war". The name ends
// before a date's preposition or a comma and must hold a capitalised word.
// It gives a definition, not a topic of its own: quiz/gen shows no card for
// a topic with a single definition (TestSeedCards), so the paragraph stays
// with the topic it continues.
func followingHead(toks []token) (i, j int, ok bool) {
	if len(toks) < 7 || toks[0].s != "The" || toks[1].s != "following" || !copulas[toks[2].s] || !isArticle(toks[3].s) {
		return 0, 0, false
	}
	i, j = 4, 4
	for j < len(toks) && j < i+12 && toks[j].s != "," && toks[j].s != "." && toks[j].s != "from" &&
		toks[j].s != "in" && toks[j].s != "since" && toks[j].s != "between" {
		j++
	}
	if j-i < 2 || !hasCapWord(toks[i:j], false) {
		return 0, 0, false
	}
	return i, j, true
}
