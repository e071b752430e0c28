package export

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/factdeck/factdeck/quiz"
)

// flat puts s on one line: tabs and line breaks become spaces.
func flat(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// Quizlet writes Quizlet's import text: one card a line, term TAB
// definition. The term is the question with its options inline; the
// definition is the answer.
func Quizlet(w io.Writer, set Set) error {
	var b strings.Builder
	for _, c := range set.Cards {
		b.WriteString(flat(strings.ReplaceAll(question(c), "\n", "; ")))
		b.WriteByte('\t')
		b.WriteString(flat(answer(c)))
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// choiceCard reports whether a card has choices a quiz game can show:
// multiple choice and true/false with 2 to 4 options.
func choiceCard(c quiz.Card) bool {
	return (c.Kind == quiz.CardMCQ || c.Kind == quiz.CardTrueFalse) &&
		len(c.Choices) >= 2 && len(c.Choices) <= 4 && c.Correct >= 0 && c.Correct < len(c.Choices)
}

// Blooket writes Blooket's CSV import template: a title row, the header row,
// then one multiple-choice question a row (time limit 20 s). Blooket's
// template holds only choice questions, so other kinds are left out.
func Blooket(w io.Writer, set Set) error {
	cw := csv.NewWriter(w)
	rows := [][]string{
		{"Blooket\nImport Template", "", "", "", "", "", "", ""},
		{"Question #", "Question Text", "Answer 1", "Answer 2", "Answer 3\n(Optional)",
			"Answer 4\n(Optional)", "Time Limit (sec)\n(Max: 300 seconds)",
			"Correct Answer(s)\n(Only include Answer #)"},
	}
	n := 0
	for _, c := range set.Cards {
		if !choiceCard(c) {
			continue
		}
		n++
		row := []string{strconv.Itoa(n), c.Prompt, "", "", "", "", "20", strconv.Itoa(c.Correct + 1)}
		copy(row[2:6], c.Choices)
		rows = append(rows, row)
	}
	for i, row := range rows {
		var err error
		if i < 2 {
			err = cw.Write(row)
		} else {
			err = writeSafe(cw, row)
		}
		if err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// Gimkit writes Gimkit's CSV import template: a title row, the header row,
// then question, correct answer and up to three incorrect answers a row.
// Gimkit needs at least one incorrect answer, so only choice questions go in.
func Gimkit(w io.Writer, set Set) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"Gimkit Spreadsheet Import Template", "", "", "", ""}); err != nil {
		return err
	}
	header := []string{"Question", "Correct Answer", "Incorrect Answer 1",
		"Incorrect Answer 2 (Optional)", "Incorrect Answer 3 (Optional)"}
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, c := range set.Cards {
		if !choiceCard(c) {
			continue
		}
		row := []string{c.Prompt, c.Choices[c.Correct], "", "", ""}
		k := 2
		for i, ch := range c.Choices {
			if i != c.Correct {
				row[k] = ch
				k++
			}
		}
		if err := writeSafe(cw, row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
