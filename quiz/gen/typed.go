package gen

import "github.com/factdeck/factdeck/quiz"

// typed builds a short-answer card for names, dates, numbers and code
// names. Accept lists the document's other names for the answer; the
// checker (CheckTyped) is lenient about form, not about content.
func (g *generator) typed(fr *frame) []quiz.Card {
	if !fr.typedOK || words(fr.answer) > 6 && !(fr.class == "expansion" && words(fr.answer) <= 8) {
		return nil
	}
	prompt, ok := question(fr, "What")
	if !ok {
		return nil
	}
	if fr.question != "" && fr.class != "date" {
		// A "which of these" question needs its options: reword for typing.
		prompt = typedWording(prompt)
	}
	c := g.newCard(quiz.CardTyped, fr, prompt, fr.answer)
	c.AnswerType = answerType(fr.class)
	c.Accept = g.alias.of(fr.answer)
	if fr.class == "expansion" {
		c.Accept = nil // "What does TFSA stand for?": the group's other names ("SNA") are not what it stands for
	}
	for _, a := range fr.accept {
		if !containsNorm(c.Accept, a) && norm(a) != norm(fr.answer) {
			c.Accept = append(c.Accept, a)
		}
	}
	return []quiz.Card{c}
}

// typedWording turns "Which of these was …" into "Who was …" style wording.
func typedWording(q string) string {
	for _, p := range [][2]string{
		{"Which of these was a commander", "Who was the commander"},
		{"Which of these fought", "Which party fought"},
	} {
		if len(q) >= len(p[0]) && q[:len(p[0])] == p[0] {
			return p[1] + q[len(p[0]):]
		}
	}
	return q
}
