package export

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/factdeck/factdeck/quiz"
)

// MoodleWeights are the answer grades (percent) Moodle accepts on import,
// as in its grade menu; importing any other value (33, 12, …) fails. The
// negative grades are the same list negated.
var MoodleWeights = []float64{
	100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20,
	16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0,
}

// MoodleWeight rounds percent down (towards zero) to the nearest grade in
// MoodleWeights, so that partial credit never rises by rounding.
func MoodleWeight(percent float64) float64 {
	sign := 1.0
	if percent < 0 {
		sign, percent = -1, -percent
	}
	for _, w := range MoodleWeights {
		if w <= percent+1e-9 {
			return sign * w
		}
	}
	return 0
}

// IsMoodleWeight reports whether percent is one of Moodle's grades
// (to Moodle's five decimals).
func IsMoodleWeight(percent float64) bool {
	for _, w := range MoodleWeights {
		if math.Abs(math.Abs(percent)-w) < 1e-5 {
			return true
		}
	}
	return false
}

// formatWeight writes a grade as Moodle writes it: no trailing zeros.
func formatWeight(w float64) string {
	return strconv.FormatFloat(MoodleWeight(w), 'f', -1, 64)
}

// ordinal is 1st, 2nd, 3rd, … for the position answers of an order card.
func ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return fmt.Sprintf("%d%s", n, suffix)
}

// pairs are the (question, answer) pairs of a card that Moodle asks as a
// matching question: match cards' own pairs, and order cards' events each
// matched to their position (1st, 2nd, …), since core Moodle has no ordering
// question. Moodle needs at least three pairs; ok is false otherwise.
func pairs(c quiz.Card) (ps []quiz.Item, ok bool) {
	switch c.Kind {
	case quiz.CardMatch:
		ps = c.Items
	case quiz.CardOrder:
		for i, it := range c.Items {
			ps = append(ps, quiz.Item{Left: it.Left, Right: ordinal(i + 1)})
		}
	}
	return ps, len(ps) >= 3
}

// trueFalse reports whether a true/false card's statement is true.
func trueFalse(c quiz.Card) bool {
	return answer(c) == "True"
}

// moodleShortAnswer escapes "*", which Moodle's short-answer grading reads
// as a wildcard.
func moodleShortAnswer(s string) string { return strings.ReplaceAll(s, "*", `\*`) }
