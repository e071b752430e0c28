package gen

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/factdeck/factdeck/quiz"
)

// WriteJSON writes {"cards":[…]} as in docs/cards.md, indented.
func WriteJSON(w io.Writer, cards []quiz.Card) error {
	if cards == nil {
		cards = []quiz.Card{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(struct {
		Cards []quiz.Card `json:"cards"`
	}{cards})
}

// WriteText writes the cards for a person to read: kind, id and score,
// the prompt, the options or items, the answer and the source.
func WriteText(w io.Writer, cards []quiz.Card) error {
	for _, c := range cards {
		var b strings.Builder
		held := ""
		if c.Held {
			held = " HELD"
		}
		fmt.Fprintf(&b, "[%s] %s  score %.2f%s  (%s)\n", c.Kind, c.ID, c.Score, held, c.Topic)
		fmt.Fprintf(&b, "  Q: %s\n", c.Prompt)
		for i, ch := range c.Choices {
			mark := " "
			if i == c.Correct {
				mark = "*"
			}
			fmt.Fprintf(&b, "   %s %c) %s\n", mark, 'a'+i, ch)
		}
		if c.Kind == quiz.CardMatch {
			for _, it := range c.Items {
				fmt.Fprintf(&b, "   - %s ↔ %s\n", it.Left, it.Right)
			}
		}
		fmt.Fprintf(&b, "  A: %s\n", c.Answer)
		if len(c.Accept) > 0 {
			fmt.Fprintf(&b, "     also accepted: %s\n", strings.Join(c.Accept, "; "))
		}
		fmt.Fprintf(&b, "  Source [%d:%d]: %s\n\n", c.Source.Start, c.Source.End, c.Source.Text)
		if _, err := io.WriteString(w, b.String()); err != nil {
			return err
		}
	}
	return nil
}
