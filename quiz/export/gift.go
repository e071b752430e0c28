package export

import (
	"fmt"
	"io"
	"strings"

	"github.com/factdeck/factdeck/quiz"
)

// giftEscaper escapes GIFT's special characters (and the backslash that
// escapes them); a line break becomes GIFT's \n so that a question stays
// one paragraph (a blank line would end it).
var giftEscaper = strings.NewReplacer(
	`\`, `\\`, `~`, `\~`, `=`, `\=`, `#`, `\#`, `{`, `\{`, `}`, `\}`, `:`, `\:`,
	"\r\n", `\n`, "\n", `\n`, "\r", `\n`,
)

// giftText escapes s for any GIFT position.
func giftText(s string) string { return giftEscaper.Replace(strings.TrimSpace(s)) }

// giftPair escapes one side of a matching pair: GIFT cannot escape "->",
// so an arrow in the text becomes "→".
func giftPair(s string) string { return giftText(strings.ReplaceAll(s, "->", "→")) }

// GIFT writes Moodle's GIFT format: multiple choice, true/false ({T}/{F}),
// short answer with every accepted alias at 100%, cloze cards as a short
// answer in the sentence's gap, matching, and order cards as matching
// (event → 1st, 2nd, …) because GIFT and core Moodle have no ordering
// question. A match or order card with fewer than three pairs, which Moodle
// refuses, is written as a comment. Every card is titled with its id and
// carries its explanation and source as general feedback.
func GIFT(w io.Writer, set Set) error {
	var b strings.Builder
	if set.Name != "" {
		fmt.Fprintf(&b, "$CATEGORY: $course$/top/%s\n\n", giftText(strings.ReplaceAll(flat(set.Name), "/", "-")))
	}
	for _, c := range set.Cards {
		giftCard(&b, c)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// giftCard writes one question followed by a blank line.
func giftCard(b *strings.Builder, c quiz.Card) {
	fb := "####" + giftText(strings.TrimSpace(c.Explanation+"\n"+sourceLine(c)))
	title := "::" + giftText(c.ID) + "::"
	switch c.Kind {
	case quiz.CardMCQ:
		fmt.Fprintf(b, "%s%s{", title, giftText(c.Prompt))
		for i, ch := range c.Choices {
			mark := "~"
			if i == c.Correct {
				mark = "="
			}
			fmt.Fprintf(b, "\n\t%s%s", mark, giftText(ch))
		}
		fmt.Fprintf(b, "\n\t%s\n}\n\n", fb)
	case quiz.CardTrueFalse:
		tf := "F"
		if trueFalse(c) {
			tf = "T"
		}
		fmt.Fprintf(b, "%s%s{%s%s}\n\n", title, giftText(c.Prompt), tf, fb)
	case quiz.CardMatch, quiz.CardOrder:
		ps, ok := pairs(c)
		if !ok {
			fmt.Fprintf(b, "// %s left out: Moodle needs at least three pairs\n\n", flat(c.ID))
			return
		}
		fmt.Fprintf(b, "%s%s{", title, giftText(c.Prompt))
		for _, p := range ps {
			fmt.Fprintf(b, "\n\t=%s -> %s", giftPair(p.Left), giftPair(p.Right))
		}
		fmt.Fprintf(b, "\n\t%s\n}\n\n", fb)
	default:
		giftShort(b, c, title, fb)
	}
}

// giftShort writes a short-answer question; a cloze card's gap holds the
// answer block, so Moodle shows the blank in the sentence.
func giftShort(b *strings.Builder, c quiz.Card, title, fb string) {
	var ans strings.Builder
	ans.WriteString("{")
	for _, a := range accepted(c) {
		fmt.Fprintf(&ans, "=%%%s%%%s ", formatWeight(100), giftText(moodleShortAnswer(a)))
	}
	ans.WriteString(fb + "}")
	before, after, gap := strings.Cut(c.Prompt, blank)
	if c.Kind == quiz.CardCloze && gap {
		fmt.Fprintf(b, "%s%s%s%s\n\n", title, giftEscaper.Replace(before), ans.String(), giftEscaper.Replace(after))
		return
	}
	fmt.Fprintf(b, "%s%s%s\n\n", title, giftText(c.Prompt), ans.String())
}
