package gen

import (
	"strings"

	"github.com/factdeck/factdeck/quiz"
)

// mcq builds a four-option multiple-choice card: the answer and three
// distractors of its type, shuffled deterministically by the card's id.
func (g *generator) mcq(fr *frame) []quiz.Card {
	prompt, ok := question(fr, "Which")
	if !ok || (fr.question == "" && !typedClass(fr.class)) || fr.shown {
		// Phrases from other sentences differ in grammar from the blank:
		// the right option would stand out. Phrases get cloze cards only.
		return nil
	}
	if fr.class == "place" && fr.hasBlank() && strings.HasPrefix(fr.sent[fr.blank[1]:], ", ") &&
		upperStart(strings.TrimPrefix(fr.sent[fr.blank[1]:], ", ")) {
		return nil // "at _____, Maryland": options must lie in Maryland, which the pools cannot check
	}
	if fr.num != nil && boundedNumber(fr.sent, fr.num.start) {
		return nil // "less than _____ kilometres": smaller options make true sentences too
	}
	c := g.newCard(quiz.CardMCQ, fr, prompt, fr.answer)
	ds := g.distractors(fr, 3, c.ID)
	if len(ds) < 3 {
		return nil
	}
	if echoesStem(prompt, fr.answer, ds) {
		return nil // "code name of the … operation in Idlib Governorate?" → the one option with "Idlib"
	}
	choices := append([]string{fr.answer}, ds...)
	c.Correct = shuffle(newRNG(c.ID), choices, 0)
	c.Choices = choices
	return []quiz.Card{c}
}

// echoesStem reports an answer that shares a distinctive word with the
// question while no distractor does: the echo points to it.
func echoesStem(prompt, answer string, ds []string) bool {
	if !sharesDistinctWord(answer, prompt) {
		return false
	}
	for _, d := range ds {
		if sharesDistinctWord(d, prompt) {
			return false
		}
	}
	return true
}

// sharesDistinctWord reports a word of a, not a generic or short one, that
// b also has: "Al-Qusayr and its district" and "Battle of al-Qusayr".
func sharesDistinctWord(a, b string) bool {
	nb := " " + norm(b) + " "
	for _, w := range strings.Fields(norm(a)) {
		if len(w) >= 3 && !genericWords[w] && !stopWords[w] && strings.Contains(nb, " "+w+" ") {
			return true
		}
		if len(w) >= 6 && !genericWords[w] && !stopWords[w] {
			for _, x := range strings.Fields(nb) {
				if len(x) >= 6 && x[0] == w[0] && consonants(x) == consonants(w) {
					return true // "Saraqeb" for "Saraqib"
				}
			}
		}
	}
	return false
}

// stopWords carry no name.
var stopWords = map[string]bool{"with": true, "from": true, "into": true, "that": true, "this": true,
	"their": true, "which": true, "were": true, "was": true, "and": true, "its": true, "side": true,
	"forces": true, "battle": true, "units": true, "unit": true, "these": true, "other": true,
	// words of many organisations' names: sharing them says nothing
	"government": true, "national": true, "democratic": true, "islamic": true, "republic": true, "front": true,
	"movement": true, "council": true, "party": true, "brigade": true, "division": true, "syrian": true,
	"turkish": true, "kurdish": true, "iraqi": true, "russian": true, "american": true, "union": true,
	"confederate": true, "federal": true, "people": true, "popular": true, "liberation": true, "arab": true,
	"revolutionary": true, "resistance": true, "interim": true, "military": true, "operation": true,
	"offensive": true, "army": true, "state": true, "states": true, "united": true}

// numberBounds before a count make it a bound: any option on its far side
// is true as well.
var numberBounds = []string{"at least", "more than", "over", "up to", "fewer than", "less than", "under",
	"nearly", "almost", "as many as", "upwards of", "in excess of", "no more than", "at most"}

// boundedNumber reports a number introduced by a bound.
func boundedNumber(sent string, start int) bool {
	pre := strings.ToLower(strings.TrimRight(sent[:start], " "))
	for _, b := range numberBounds {
		if strings.HasSuffix(pre, " "+b) || pre == b {
			return true
		}
	}
	return false
}

// consonants drops a word's vowels: spellings of one transliterated name
// ("Saraqib", "Saraqeb") share them.
func consonants(w string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case 'a', 'e', 'i', 'o', 'u', 'y':
			return -1
		}
		return r
	}, w)
}
