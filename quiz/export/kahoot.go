package export

import (
	"fmt"
	"io"
	"strconv"

	"github.com/factdeck/factdeck/quiz"
)

// Kahoot's limits, as its spreadsheet template states them.
const (
	KahootQuestionMax = 120 // characters in a question
	KahootAnswerMax   = 75  // characters in an answer
)

// KahootTimes are the time limits (seconds) Kahoot's importer accepts.
var KahootTimes = []int{5, 10, 20, 30, 60, 90, 120, 240}

// kahootHeaderRow is the row of column titles; questions start below it.
const kahootHeaderRow = 8

// kahootFits reports whether a card can be a Kahoot quiz question: choices
// it can show, within Kahoot's length limits. Cards that do not fit are
// left out rather than cut, since a cut question may not be answerable.
func kahootFits(c quiz.Card) bool {
	if !choiceCard(c) || len([]rune(c.Prompt)) > KahootQuestionMax {
		return false
	}
	for _, ch := range c.Choices {
		if len([]rune(ch)) > KahootAnswerMax || ch == "" {
			return false
		}
	}
	return true
}

// kahootTime gives a reading-time limit: 20 s plus a second for every 12
// characters, rounded up to an allowed limit.
func kahootTime(c quiz.Card) int {
	n := len([]rune(c.Prompt))
	for _, ch := range c.Choices {
		n += len([]rune(ch))
	}
	need := 20 + n/12
	for _, t := range KahootTimes {
		if t >= need {
			return t
		}
	}
	return KahootTimes[len(KahootTimes)-1]
}

// Kahoot writes a Kahoot quiz spreadsheet (.xlsx) in the layout of Kahoot's
// import template: instructions above, column titles on row 8, then one
// question a row with up to four answers, a time limit and the correct
// answer's number. Only multiple choice and true/false cards within
// Kahoot's limits go in.
func Kahoot(w io.Writer, set Set) error {
	sh := &sheet{}
	sh.row(1, "", "Quiz template")
	sh.row(2, "", "Add questions, at least two answer alternatives, time limit and choose correct answers (at least one).")
	sh.row(3, "", fmt.Sprintf("Questions have a limit of %d characters and answers %d characters max.", KahootQuestionMax, KahootAnswerMax))
	sh.row(4, "", "Exported by factdeck: "+set.Name)
	sh.row(kahootHeaderRow, "",
		"Question - max 120 characters",
		"Answer 1 - max 75 characters", "Answer 2 - max 75 characters",
		"Answer 3 - max 75 characters", "Answer 4 - max 75 characters",
		"Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
		"Correct answer(s) - choose at least one")
	n := 0
	for _, c := range set.Cards {
		if !kahootFits(c) {
			continue
		}
		n++
		cells := []any{n, c.Prompt, "", "", "", "", kahootTime(c), c.Correct + 1}
		for i, ch := range c.Choices {
			cells[2+i] = ch
		}
		sh.row(kahootHeaderRow+n, cells...)
	}
	return writeXLSX(w, set, "Sheet1", sh)
}

// sheet collects the rows of one worksheet.
type sheet struct {
	rows    []*node
	strings []string
	index   map[string]int
}

// row adds row r (1-based) with cells from column A: ints as numbers,
// strings as shared strings (empty strings leave the cell out).
func (s *sheet) row(r int, cells ...any) {
	if s.index == nil {
		s.index = map[string]int{}
	}
	row := el("row").at("r", strconv.Itoa(r))
	for i, v := range cells {
		ref := string(rune('A'+i)) + strconv.Itoa(r)
		switch v := v.(type) {
		case int:
			row.add(el("c", tx("v", strconv.Itoa(v))).at("r", ref))
		case string:
			if v == "" {
				continue
			}
			k, ok := s.index[v]
			if !ok {
				k = len(s.strings)
				s.index[v] = k
				s.strings = append(s.strings, v)
			}
			row.add(el("c", tx("v", strconv.Itoa(k))).at("r", ref, "t", "s"))
		}
	}
	s.rows = append(s.rows, row)
}
