package gen

import "github.com/factdeck/factdeck/quiz"

// mcq builds a four-option multiple-choice card: the answer and three
// distractors of its type, shuffled deterministically by the card's id.
func (g *generator) mcq(fr *frame) []quiz.Card {
	prompt, ok := question(fr, "Which")
	if !ok || (fr.question == "" && !typedClass(fr.class)) || fr.shown {
		// Phrases from other sentences differ in grammar from the blank:
		// the right option would stand out. Phrases get cloze cards only.
		return nil
	}
	c := g.newCard(quiz.CardMCQ, fr, prompt, fr.answer)
	ds := g.distractors(fr, 3, c.ID)
	if len(ds) < 3 {
		return nil
	}
	choices := append([]string{fr.answer}, ds...)
	c.Correct = shuffle(newRNG(c.ID), choices, 0)
	c.Choices = choices
	return []quiz.Card{c}
}
