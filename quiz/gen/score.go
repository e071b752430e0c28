package gen

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/factdeck/factdeck/quiz"
)

// Hand-set feature weights of the quality score (Heilman & Smith-style
// overgenerate-and-rank, without a learned model). A card starts at 1 and
// loses weight per feature; DefaultMinScore holds cards that lose half.
const (
	penaltyMarkup       = 0.6  // leftover [12], |, {{ in the prompt or answer
	penaltyPronounStart = 0.55 // the prompt or quoted sentence opens with a pronoun
	penaltyVagueStart   = 0.55 // "The offensive …" that the topic does not resolve
	penaltyLongSentence = 0.15 // source sentence over 45 words; twice over 65
	penaltyShortSource  = 0.15 // fewer than 6 words of source
	penaltyPhrase       = 0.1  // the answer is a phrase, not a name, date or number
	penaltyLongAnswer   = 0.2  // answer over 8 words; twice over 15
	penaltyVagueWord    = 0.05 // hedges and vague quantifiers in the quoted text, each
	penaltyLongPrompt   = 0.1  // prompt over 60 words
	penaltyVagueRef     = 0.55 // "these groups", "the offensive" of another topic, "this time"
	penaltyLoosePhrase  = 0.55 // a verb phrase or clause blanked: many fillers fit
	penaltyConnective   = 0.2  // the quoted sentence opens with "However", "Meanwhile": it leans on the one before
)

// loosePhraseGap reports a phrase blank (not a name, date, number or noun)
// that holds a verb, a digit or opens the sentence: "was repulsed and
// _____" has many right answers.
func loosePhraseGap(fr *frame) bool {
	if typedClass(fr.class) || fr.class == "noun" {
		return false
	}
	a := fr.answer
	return finiteVerbRE.MatchString(a) || digitRE.MatchString(a) || fr.blank[0] == 0 || words(a) > 4 ||
		a != "" && a[0] >= 'a' && a[0] <= 'z' || // "capturing Khansir", "fall of Yabrud": a phrase, many fillers
		commonWordIn(a) // "during the _____" → "Syrian civil war": "conflict" fits as well
}

// presentVerbRE finds the present-tense verbs of leads: "is one of the 14
// governorates", "refers to a military operation".
var presentVerbRE = regexp.MustCompile(`\b(?:is|are|has|have|remains|lies|refers|includes|consists|borders|serves|contains)\b`)

// hasVerb reports a clause with a finite verb.
func hasVerb(s string) bool { return finiteVerbRE.MatchString(s) || presentVerbRE.MatchString(s) }

// listMember reports a blank that is one item of an open list: "units such
// as A, B, and _____", "including A and _____".
func listMember(fr *frame) bool {
	if !fr.hasBlank() {
		return false
	}
	pre := fr.sent[:fr.blank[0]]
	if !strings.HasSuffix(pre, ", ") && !strings.HasSuffix(pre, " and ") && !strings.HasSuffix(pre, "such as ") &&
		!strings.HasSuffix(pre, "including ") {
		if post := fr.sent[fr.blank[1]:]; !strings.HasPrefix(post, ", ") && !strings.HasPrefix(post, " and ") {
			return false
		}
	}
	l := strings.ToLower(pre)
	if i := strings.LastIndexAny(l, ";:"); i >= 0 {
		l = l[i:]
	}
	for _, m := range []string{"such as", "including", "among others", "among them", "like "} {
		if strings.Contains(l, m) {
			return true
		}
	}
	return false
}

// commonWordIn reports a lower-case content word in a name-like answer.
func commonWordIn(a string) bool {
	for _, w := range strings.Fields(a) {
		switch w {
		case "of", "the", "and", "de", "in", "on", "for":
			continue
		}
		if w[0] >= 'a' && w[0] <= 'z' && !strings.HasPrefix(w, "al-") && !strings.HasPrefix(w, "ad-") &&
			!strings.HasPrefix(w, "el-") && !strings.HasPrefix(w, "wal-") {
			return true
		}
	}
	return false
}

// hasMarkup reports leftover wiki markup: a short bracketed span ("[12]",
// "[citation needed]"), a table bar, a template or heading marker, a URL.
// String checks, not a regular expression: the score runs once per card and
// was a fifth of the generation time with one.
func hasMarkup(s string) bool {
	if strings.Contains(s, "|") || strings.Contains(s, "{{") || strings.Contains(s, "==") ||
		strings.Contains(s, "http://") || strings.Contains(s, "https://") {
		return true
	}
	for i, r := range s {
		if r != '[' {
			continue
		}
		if j := strings.IndexByte(s[i+1:], ']'); j >= 0 && utf8.RuneCountInString(s[i+1:i+1+j]) <= 40 {
			return true
		}
	}
	return false
}

// relativeDays are the phrases that date an event by another sentence's
// day ("by the next day") or moment ("at that point").
var relativeDays = func() []string {
	var out []string
	for _, a := range []string{"the next", "that", "the same", "the following", "the previous"} {
		for _, b := range []string{"day", "night", "morning", "evening"} {
			out = append(out, a+" "+b)
		}
	}
	return append(out, "later in the day", "later in day", "later that day", "later that the day",
		"at that point", "at that moment", "days later", "day later", "weeks later", "week later",
		"the day after", "the day before", "earlier that day", "days earlier", "day earlier", "during the day",
		"during the night", "following weeks", "following days", "following months", "following week",
		"following month", "the next week", "the next few days", "the next days", "that week", "that month",
		"the same week", "the same month", "weeks that followed", "days that followed", "previous two days", "previous several days", "end of the day", "end of that day",
		"previous three days", "previous few days", "previous days", "previous week", "previous weeks",
		"past two days", "past few days", "past week", "past 24 hours", "previous 24 hours")
}()

// hasRelativeDay reports one of relativeDays as whole words, ignoring case.
func hasRelativeDay(s string) bool { return hasRelativeDayLower(strings.ToLower(s)) }

// hasRelativeDayLower is hasRelativeDay of a lower-cased text.
func hasRelativeDayLower(l string) bool {
	if ordinalDay(l) {
		return true // "On the 8th, Grant sent …": the 8th of which month?
	}
	if !strings.Contains(l, "day") && !strings.Contains(l, "night") && !strings.Contains(l, "morning") &&
		!strings.Contains(l, "evening") && !strings.Contains(l, "point") && !strings.Contains(l, "moment") &&
		!strings.Contains(l, "week") && !strings.Contains(l, "month") {
		return false
	}
	for _, p := range relativeDays {
		if containsWords(l, p) {
			return true
		}
	}
	return false
}

// ordinalDay reports "the 8th", "the 21st": a day of an unnamed month.
func ordinalDay(l string) bool {
	for off := 0; ; {
		i := strings.Index(l[off:], "the ")
		if i < 0 {
			return false
		}
		j := off + i + 4
		off = j
		k := j
		for k < len(l) && l[k] >= '0' && l[k] <= '9' {
			k++
		}
		if k == j || k+2 > len(l) {
			continue
		}
		switch l[k : k+2] {
		case "st", "nd", "rd", "th":
			if rest := l[k+2:]; rest == "" || rest[0] == ',' || rest[0] == '.' || strings.HasPrefix(rest, " of ") {
				return true // not "the 25th Special Mission Forces Division"
			}
		}
	}
}

// dayParts date an event by a time of day only.
var dayParts = []string{"by morning", "by midnight", "by nightfall", "by dawn", "by evening", "by noon",
	"by the evening", "by the morning", "in the evening", "in the morning", "in the afternoon", "at night",
	"at midnight", "at dawn", "overnight", "course of the day", "course of the night", "the day's"}

// asksDate reports a prompt whose answer is the date: the day it names is
// what the card asks for.
func asksDate(prompt string) bool {
	return strings.Contains(prompt, "(date)") || strings.Contains(prompt, " date ") || strings.Contains(prompt, "In which month") ||
		strings.Contains(prompt, "In which year")
}

// dayPartOnly reports a time of day in a text that names no day: "By
// morning, rebel forces had seized …" (which morning?).
func dayPartOnly(s string) bool { return dayPartOnlyLower(s, strings.ToLower(s)) }

// dayPartOnlyLower is dayPartOnly given s and its lower-cased form.
func dayPartOnlyLower(s, l string) bool {
	if !strings.Contains(l, "morning") && !strings.Contains(l, "night") && !strings.Contains(l, "dawn") &&
		!strings.Contains(l, "evening") && !strings.Contains(l, "noon") && !strings.Contains(l, "course") &&
		!strings.Contains(l, "day's") {
		return false
	}
	hit := false
	for _, p := range dayParts {
		if containsWords(l, p) {
			hit = true
			break
		}
	}
	if !hit {
		return false
	}
	for m := range monthWords {
		if strings.Contains(s, m) {
			return false
		}
	}
	return true
}

// containsWords reports phrase in s with a word boundary on each side.
func containsWords(s, phrase string) bool {
	for off := 0; ; {
		i := strings.Index(s[off:], phrase)
		if i < 0 {
			return false
		}
		i += off
		j := i + len(phrase)
		if (i == 0 || !isWordByte(s[i-1])) && (j == len(s) || !isWordByte(s[j])) {
			return true
		}
		off = i + 1
	}
}

func isWordByte(b byte) bool {
	return b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// connectives open a sentence that leans on the one before.
var connectives = []string{"However", "But", "Instead", "Also", "Meanwhile", "Subsequently", "Then", "Later",
	"Thus", "Therefore", "And"}

// opensWithConnective is connectiveRE as string checks.
func opensWithConnective(s string) bool {
	for _, c := range connectives {
		if strings.HasPrefix(s, c) && (len(s) == len(c) || !isWordByte(s[len(c)])) {
			return true
		}
	}
	return false
}

var vagueWords = []string{"reportedly", "some", "several", "various", "many", "other", "such",
	"latter", "former", "aforementioned", "allegedly", "approximately"}

// scoreFrame scores a card from its frame's features.
func (g *generator) scoreFrame(c quiz.Card, fr *frame) float64 {
	s := 1.0
	if fr.prose && !fr.sentOK && (fr.question == "" || c.Kind == quiz.CardCloze) {
		s -= penaltyVagueStart
	}
	if fr.prose {
		n := words(fr.sent)
		switch {
		case n > 65:
			s -= 2 * penaltyLongSentence
		case n > 45:
			s -= penaltyLongSentence
		}
	} else if words(fr.f.Text) < 2 {
		s -= penaltyShortSource
	}
	switch fr.class {
	case "date", "number", "person", "place", "group", "state", "codename", "acronym", "expansion", "belligerent",
		"commander", "unit", "operation", "alias":
	default:
		s -= penaltyPhrase
	}
	if fr.prose && g.vague(quoted(c.Prompt), fr.t.base) {
		s -= penaltyVagueRef
	}
	if c.Kind == quiz.CardCloze && loosePhraseGap(fr) {
		s -= penaltyLoosePhrase
	}
	if fr.prose && subordinateFragment(fr.sent) {
		s -= penaltyHold // "When U.S. special forces crossed the Euphrates …": the main clause was cut off
	}
	if fr.prose && fr.question == "" && !g.hasVerb(fr.sent) {
		s -= penaltyHold // "On 30 July, an ISIL sleeper in Sarrin.": no verb, no statement
	}
	if fr.prose && fr.question == "" && (g.ungrammatical(fr.sent) || g.garbled(fr.sent)) {
		s -= penaltyHold // the source's own faulty wording, quoted as a statement or a stem
	}
	if (c.Kind == quiz.CardCloze || c.Kind == quiz.CardTyped) && fr.question == "" && broadRegionGap(fr) {
		s -= penaltyHold // "throughout _____": Syria, Idlib, the northwest all fit
	}
	if (c.Kind == quiz.CardCloze || c.Kind == quiz.CardTyped || c.Kind == quiz.CardMCQ) && fr.question == "" &&
		fr.class != "date" && fr.class != "number" && fr.class != "noun" && listMember(fr) {
		s -= penaltyHold // "units such as A, B, and _____": any other unit of the kind fits
	}
	if (c.Kind == quiz.CardCloze || c.Kind == quiz.CardTyped || c.Kind == quiz.CardMCQ) && fr.hasBlank() && g.courseWide(fr.answer) {
		s -= penaltyHold // "active during the _____" → "Syrian civil war": the course's own subject
	}
	if (c.Kind == quiz.CardCloze || c.Kind == quiz.CardTyped || c.Kind == quiz.CardMCQ) && fr.question == "" && fr.hasBlank() &&
		fr.class == "person" && insideQuotes(fr.sent, fr.blank[0]) {
		s -= penaltyHold // "named the \"Battle of the Hero Martyr _____\"": a name inside a title, any martyr fits
	}
	if fr.prose && fr.dateHit == nil && !fr.t.inLead(fr.f.Start) && g.undated(fr.sent) && !g.namesPlace(fr.sent) {
		s -= penaltyHold // an undated, placeless sentence of the narrative: "44 rebels and 12 soldiers were killed"
	}
	if (c.Kind == quiz.CardCloze || c.Kind == quiz.CardTyped || c.Kind == quiz.CardMCQ) && fr.question == "" &&
		fr.class == "person" && fr.hasBlank() && roleBefore(fr.sent, fr.blank[0]) == "head" {
		s -= penaltyHold // "U.S. President _____" → Lincoln: the office names the man
	}
	if c.Kind == quiz.CardTrueFalse && words(c.Prompt) > 70 {
		s -= penaltyHold // a 470-character sentence with one number changed: a reading test, not a question
	}
	if (c.Kind == quiz.CardCloze || c.Kind == quiz.CardTyped || c.Kind == quiz.CardMCQ) && fr.question == "" && fr.hasBlank() &&
		fr.class == "place" && cityStateGap(fr.sent, fr.blank[0]) {
		s -= penaltyHold // "Charleston, _____" → South Carolina: the city says it
	}
	if g.cutValue(fr.f, fr.answer) {
		s -= penaltyHold // "CJTF" of "CJTF–OIR", "Ali Abdullah" of "Ali Abdullah Ayyoub"
	}
	return clamp(s - g.promptPenalty(c.Prompt, c.Answer))
}

// promptPenalty scores what every card kind shares: markup, pronoun
// starts, vague words, length of prompt and answer.
func promptPenalty(prompt, answer string) float64 {
	return promptPenaltyWith(prompt, answer, quotedPenalty)
}

// promptPenalty is promptPenalty with the quoted sentence's part memoised:
// a sentence is quoted by the choice, typed, true/false and cloze cards of
// all its facts.
func (g *generator) promptPenalty(prompt, answer string) float64 {
	return promptPenaltyWith(prompt, answer, func(q string, dated bool) float64 {
		k := q
		if dated {
			k = "\x00" + q
		}
		v, ok := g.quotedMemo[k]
		if !ok {
			v = quotedPenalty(q, dated)
			g.quotedMemo[k] = v
		}
		return v
	})
}

func promptPenaltyWith(prompt, answer string, quotedPart func(q string, dated bool) float64) float64 {
	p := 0.0
	if hasMarkup(prompt) || hasMarkup(answer) {
		p += penaltyMarkup
	}
	q := quoted(prompt)
	if startsWithPronoun(prompt) && !startsWithPronoun(q) {
		p += penaltyPronounStart // once, whether the prompt or its quoted sentence opens with it
	}
	p += quotedPart(q, asksDate(prompt))
	switch n := words(answer); {
	case n > 15:
		p += 2 * penaltyLongAnswer
	case n > 8:
		p += penaltyLongAnswer
	}
	if words(prompt) > 60 {
		p += penaltyLongPrompt
	}
	return p
}

// quotedPenalty scores the sentence a prompt quotes: a pronoun start, vague
// words, leaning on the sentence before, a day with no date.
func quotedPenalty(q string, dated bool) float64 {
	p := 0.0
	if startsWithPronoun(q) {
		p += penaltyPronounStart
	}
	lq := strings.ToLower(q)
	lw := " " + lq + " "
	v := 0.0
	for _, w := range vagueWords {
		if strings.Contains(lw, " "+w+" ") {
			v += penaltyVagueWord
		}
	}
	p += min(v, 3*penaltyVagueWord)
	switch {
	case leansCore(q, lq) || !dated && leansUndated(q, lq) && undated(q):
		p += penaltyVagueRef // "For example, …", "Other factions …": what it continues is not shown
	case opensWithConnective(q):
		p += penaltyConnective
	}
	if hasRelativeDayLower(lq) || dayPartOnlyLower(q, lq) && !dated {
		p += penaltyVagueStart // "by the next day", "By morning" with no date: which day?
	}
	return p
}

// quoted returns the sentence a prompt shows: after the topic's colon and
// any question, or inside quotation marks.
func quoted(prompt string) string {
	if i := strings.Index(prompt, "\u201c"); i >= 0 {
		return strings.TrimSuffix(prompt[i+len("\u201c"):], "\u201d")
	}
	if i := strings.Index(prompt, "? "); i >= 0 {
		return prompt[i+2:]
	}
	if i := strings.Index(prompt, ": "); i >= 0 {
		return prompt[i+2:]
	}
	return prompt
}

func clamp(s float64) float64 {
	switch {
	case s < 0:
		return 0
	case s > 1:
		return 1
	}
	return float64(int(s*100+0.5)) / 100
}

// insideQuotes reports a position inside a quotation: an odd number of
// straight quotes before it, or more opening than closing curly ones.
func insideQuotes(s string, pos int) bool {
	pre := s[:pos]
	return strings.Count(pre, "\"")%2 == 1 || strings.Count(pre, "\u201c") > strings.Count(pre, "\u201d")
}

// cityStateGap reports a blank right after "Place, ": the state or country
// of a named town, which the town gives away.
func cityStateGap(s string, pos int) bool {
	pre := strings.TrimRight(s[:pos], " ")
	if !strings.HasSuffix(pre, ",") {
		return false
	}
	rest := s[pos:]
	if i := strings.IndexAny(rest, " ,."); i >= 0 {
		rest = rest[i:]
	}
	if strings.HasPrefix(rest, " and ") || strings.HasPrefix(rest, " or ") || strings.HasPrefix(rest, ", and ") {
		return false // "the provinces of Hama, _____ and Aleppo": a list
	}
	ws := strings.Fields(strings.TrimSuffix(pre, ","))
	return len(ws) > 0 && upperStart(ws[len(ws)-1]) && !monthWords[ws[len(ws)-1]]
}

// subordinateFragment reports a sentence that is only a dependent clause:
// it opens with "When", "While" or another subordinator and has no comma
// after which a main clause could stand.
func subordinateFragment(s string) bool {
	switch firstWord(s) {
	case "when", "while", "although", "though", "because", "since", "if", "whereas", "unless", "until":
		return !strings.Contains(s, ", ")
	}
	return false
}
