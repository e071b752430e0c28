package study

import (
	"slices"

	"github.com/factdeck/factdeck/quiz"
)

// The ladder. One fact usually gives several cards: a multiple-choice or
// true/false card that asks to recognise it, a cloze that asks to complete
// its sentence, a typed card that asks to recall it unprompted. Studying all
// of them from the first day repeats the fact three times and gives the
// answer away between siblings. Instead a learner meets a fact on its
// lowest rung; the next rung's card is introduced only once the card below
// has graduated to a review interval of Unlock days; and a card whose fact
// has moved up (the learner has started a higher rung) is no longer served:
// the fact is studied as the harder card from then on.

// Steps of the ladder, by card kind.
const (
	StepRecognise = iota // multiple choice, true/false, ordering, matching
	StepComplete         // cloze
	StepRecall           // typed answer
)

// KindStep is the ladder step of a card kind.
func KindStep(k quiz.CardKind) int {
	switch k {
	case quiz.CardCloze:
		return StepComplete
	case quiz.CardTyped:
		return StepRecall
	}
	return StepRecognise
}

// Unlock is the stability in days that a fact's card on rung r-1 must reach
// (in the Review state) before its card on rung r is introduced, by r. With
// FSRS-6's default parameters a card answered Good through its learning
// steps graduates with a stability of about 2.3 days (w2), so rung 1 opens
// when the recognition card graduates, and rung 2 after one more successful
// review at the next rung (a stability of about a week or more).
var Unlock = []float64{0, 2, 7}

// UnlockAt is the stability that opens rung r (r ≥ 1); rungs above the
// table use its last entry.
func UnlockAt(r int) float64 {
	return Unlock[min(max(r, 1), len(Unlock)-1)]
}

// Rungs returns each card's rung on its fact's ladder: the number of
// distinct lower steps among the servable (not held) cards of the same fact.
// A fact without a recognition card starts at its cloze; a card with no fact
// key, or a held card, is rung 0 and blocks nothing.
func Rungs(cards []quiz.Card) []int {
	steps := map[string][]int{} // fact key → distinct steps of its servable cards, sorted
	for _, c := range cards {
		if c.FactKey == "" || c.Held {
			continue
		}
		s := KindStep(c.Kind)
		if st := steps[c.FactKey]; !slices.Contains(st, s) {
			st = append(st, s)
			slices.Sort(st)
			steps[c.FactKey] = st
		}
	}
	out := make([]int, len(cards))
	for i, c := range cards {
		if c.FactKey == "" || c.Held {
			continue
		}
		out[i] = slices.Index(steps[c.FactKey], KindStep(c.Kind))
	}
	return out
}
