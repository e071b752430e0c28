package gen

import (
	"strings"

	"github.com/factdeck/factdeck/quiz"
)

// Verdict is the result of checking a typed answer.
type Verdict struct {
	Grade   Grade
	Message string // for Hint: what to change; for Close: the expected spelling
}

// Grade says how a typed answer compares with the expected one.
type Grade string

// Grades of a typed answer.
const (
	Exact Grade = "exact" // the same after lenient normalisation
	Close Grade = "close" // a small typo: counted apart from exact
	Wrong Grade = "wrong"
	Hint  Grade = "hint" // no verdict: the answer is ambiguous (a date such as 05/12/2024)
)

// CheckTyped grades a typed answer against a typed or cloze card. It
// ignores case, accents, punctuation, a leading "the" and the spelling of
// the al- particle; accepts the card's aliases; reads dates in any
// unambiguous format and numbers with or without separators.
func CheckTyped(card quiz.Card, answer string) Verdict {
	answer = strings.TrimSpace(answer)
	if answer == "" {
		return Verdict{Grade: Wrong}
	}
	want := append([]string{card.Answer}, card.Accept...)
	if card.AnswerType == "date" || isDateAnswer(card.Answer) {
		if v, ok := checkDate(want, answer); ok {
			return v
		}
	}
	if card.AnswerType == "number" {
		if v, ok := checkNumber(want, answer); ok {
			return v
		}
	}
	got := norm(answer)
	for _, w := range want {
		if norm(w) == got {
			return Verdict{Grade: Exact}
		}
	}
	for _, w := range want {
		nw := norm(w)
		if smallTypo(nw, got) {
			return Verdict{Grade: Close, Message: "Check the spelling: " + w}
		}
	}
	return Verdict{Grade: Wrong}
}

func isDateAnswer(s string) bool {
	_, _, ok := parseAnswerDate(s)
	return ok
}

// checkDate compares dates to the precision of the expected answer; a
// numeric date that reads two ways gets a hint, not a verdict.
func checkDate(want []string, answer string) (Verdict, bool) {
	got, ambiguous, ok := parseAnswerDate(answer)
	if ambiguous {
		return Verdict{Grade: Hint, Message: "That date can be read two ways: write the month as a word, e.g. 5 December 2024."}, true
	}
	if !ok {
		return Verdict{}, false
	}
	for _, w := range want {
		d, _, ok := parseAnswerDate(w)
		if ok && d == got {
			return Verdict{Grade: Exact}, true
		}
		// A blank that gave day and month only accepts any year.
		if hs := findDates(w); !ok && len(hs) == 1 && hs[0].d.Year == 0 && hs[0].d.Month == got.Month && hs[0].d.Day == got.Day {
			return Verdict{Grade: Exact}, true
		}
	}
	return Verdict{Grade: Wrong}, true
}

// checkNumber compares counts by value: "100000" = "100,000".
func checkNumber(want []string, answer string) (Verdict, bool) {
	got, ok := parseAnswerNumber(answer)
	if !ok {
		return Verdict{}, false
	}
	for _, w := range want {
		if v, ok := parseAnswerNumber(w); ok && v == got {
			return Verdict{Grade: Exact}, true
		}
	}
	return Verdict{Grade: Wrong}, true
}

// smallTypo reports a near miss: the same words but one, which is off by
// at most one edit (two for words of eight letters or more).
func smallTypo(want, got string) bool {
	ww, gw := strings.Fields(want), strings.Fields(got)
	if len(ww) != len(gw) || editDistance(want, got) > typoBudget(len(want)) {
		return false
	}
	off := 0
	for i := range ww {
		if ww[i] == gw[i] {
			continue
		}
		off++
		budget := 1
		if len(ww[i]) >= 8 {
			budget = 2
		}
		if len(ww[i]) < 4 || editDistance(ww[i], gw[i]) > budget {
			return false
		}
	}
	return off == 1
}

// typoBudget scales the tolerated edit distance with the answer's length:
// none for short answers, where one letter changes the word.
func typoBudget(n int) int {
	switch {
	case n < 5:
		return 0
	case n < 10:
		return 1
	case n < 20:
		return 2
	}
	return 3
}

// editDistance is the Levenshtein distance between two strings, by rune.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// OrderCredit grades a timeline answer: the share of event pairs the
// student put in the same relative order as the card (1 is all right).
// given lists the card's item labels in the student's order; labels it
// does not know are ignored.
func OrderCredit(card quiz.Card, given []string) float64 {
	pos := map[string]int{}
	for i, it := range card.Items {
		pos[it.Left] = i
	}
	var seq []int
	for _, g := range given {
		if p, ok := pos[g]; ok {
			seq = append(seq, p)
		}
	}
	n := len(card.Items)
	total := n * (n - 1) / 2
	if total == 0 {
		return 0
	}
	right := 0
	for i := range seq {
		for j := i + 1; j < len(seq); j++ {
			if seq[i] < seq[j] {
				right++
			}
		}
	}
	return float64(right) / float64(total)
}

// Presented returns the items of an order or match card in the order to
// show them: shuffled deterministically by the card's id (for match, the
// right-hand sides only; the left-hand sides keep their order).
func Presented(card quiz.Card) []string {
	out := make([]string, len(card.Items))
	for i, it := range card.Items {
		if card.Kind == quiz.CardMatch {
			out[i] = it.Right
		} else {
			out[i] = it.Left
		}
	}
	shuffle(newRNG(card.ID+"|present"), out, 0)
	return out
}
