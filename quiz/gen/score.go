package gen

import (
	"regexp"
	"strings"

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
	return finiteVerbRE.MatchString(fr.answer) || digitRE.MatchString(fr.answer) || fr.blank[0] == 0 || words(fr.answer) > 4
}

var markupRE = regexp.MustCompile(`\[[^\]]{0,40}\]|\||\{\{|==|https?://`)

var relativeDayRE = regexp.MustCompile(`(?i)\b(?:the next|that|the same|the following|the previous) (?:day|night|morning|evening)\b|\blater (?:in|that) (?:the )?day\b|\bat that (?:point|moment)\b`)

var vagueWords = []string{"reportedly", "some", "several", "various", "many", "other", "such",
	"latter", "former", "aforementioned", "allegedly", "approximately"}

// scoreFrame scores a card from its frame's features.
func scoreFrame(c quiz.Card, fr *frame) float64 {
	s := 1.0
	if fr.prose && !fr.sentOK && (fr.question == "" || c.Kind == quiz.CardCloze || c.Kind == quiz.CardTrueFalse) {
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
	case "date", "number", "person", "place", "group", "state", "codename", "acronym", "belligerent",
		"commander", "unit", "operation", "alias":
	default:
		s -= penaltyPhrase
	}
	if fr.prose && vagueRef(quoted(c.Prompt), fr.t.base) {
		s -= penaltyVagueRef
	}
	if c.Kind == quiz.CardCloze && loosePhraseGap(fr) {
		s -= penaltyLoosePhrase
	}
	return clamp(s - promptPenalty(c.Prompt, c.Answer))
}

// promptPenalty scores what every card kind shares: markup, pronoun
// starts, vague words, length of prompt and answer.
func promptPenalty(prompt, answer string) float64 {
	p := 0.0
	if markupRE.MatchString(prompt) || markupRE.MatchString(answer) {
		p += penaltyMarkup
	}
	if startsWithPronoun(prompt) || startsWithPronoun(quoted(prompt)) {
		p += penaltyPronounStart
	}
	lw := " " + strings.ToLower(quoted(prompt)) + " "
	v := 0.0
	for _, w := range vagueWords {
		if strings.Contains(lw, " "+w+" ") {
			v += penaltyVagueWord
		}
	}
	p += min(v, 3*penaltyVagueWord)
	if connectiveRE.MatchString(quoted(prompt)) {
		p += penaltyConnective
	}
	if relativeDayRE.MatchString(quoted(prompt)) {
		p += penaltyVagueStart // "by the next day": which day?
	}
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
