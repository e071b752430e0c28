// Package study grades a learner's answer to a card and suggests an FSRS
// rating from it. It is the rule the review page applies: answer first,
// see the source, then grade (the suggestion can be changed).
package study

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"strings"

	"github.com/factdeck/factdeck/quiz"
	"github.com/factdeck/factdeck/quiz/gen"
	"github.com/factdeck/factdeck/quiz/srs"
)

// Verdict names how an answer went.
type Verdict string

// Verdicts.
const (
	Correct  Verdict = "correct"
	Close    Verdict = "close"    // a typed answer with a small typo
	Wrong    Verdict = "wrong"    //
	Revealed Verdict = "revealed" // a flashcard-style card shown without an answer
	Hint     Verdict = "hint"     // no verdict yet: the answer was ambiguous
)

// Answer is what the learner submitted; which fields matter depends on the
// card's kind.
type Answer struct {
	Choice int      // mcq, truefalse: index into card.Choices; -1 when none
	Text   string   // typed, cloze
	Order  []string // order: item labels in the learner's order
	Match  []string // match: the right-hand side chosen for each left-hand item, by position
}

// Outcome is the graded answer.
type Outcome struct {
	Verdict   Verdict
	Credit    float64 // 0..1: partial credit for order and match cards
	Given     string  // the learner's answer in words
	Message   string  // an explanation of the verdict when useful
	Suggested srs.Rating
}

// Grade checks ans against card.
func Grade(card quiz.Card, ans Answer) Outcome {
	var o Outcome
	switch card.Kind {
	case quiz.CardMCQ, quiz.CardTrueFalse:
		o = gradeChoice(card, ans)
	case quiz.CardOrder:
		o = gradeOrder(card, ans)
	case quiz.CardMatch:
		o = gradeMatch(card, ans)
	case quiz.CardCloze:
		if strings.TrimSpace(ans.Text) == "" {
			o = Outcome{Verdict: Revealed}
			break
		}
		o = gradeTyped(card, ans)
	default:
		o = gradeTyped(card, ans)
	}
	o.Suggested = suggest(o)
	return o
}

func gradeChoice(card quiz.Card, ans Answer) Outcome {
	if ans.Choice < 0 || ans.Choice >= len(card.Choices) {
		return Outcome{Verdict: Wrong, Message: "No option was chosen."}
	}
	o := Outcome{Given: card.Choices[ans.Choice], Credit: 0, Verdict: Wrong}
	if ans.Choice == card.Correct {
		o.Verdict, o.Credit = Correct, 1
	}
	return o
}

func gradeTyped(card quiz.Card, ans Answer) Outcome {
	v := gen.CheckTyped(card, ans.Text)
	o := Outcome{Given: strings.TrimSpace(ans.Text), Message: v.Message}
	switch v.Grade {
	case gen.Exact:
		o.Verdict, o.Credit = Correct, 1
	case gen.Close:
		o.Verdict, o.Credit = Close, 1
	case gen.Hint:
		o.Verdict = Hint
	default:
		o.Verdict = Wrong
	}
	return o
}

func gradeOrder(card quiz.Card, ans Answer) Outcome {
	credit := gen.OrderCredit(card, ans.Order)
	o := Outcome{Given: strings.Join(ans.Order, " → "), Credit: credit}
	switch {
	case len(ans.Order) != len(card.Items):
		o.Verdict, o.Credit = Wrong, 0
		o.Message = "Every event needs its own place."
	case credit == 1:
		o.Verdict = Correct
	default:
		o.Verdict = Wrong
		o.Message = fmt.Sprintf("%.0f%% of the pairs of events were in the right order.", credit*100)
	}
	return o
}

func gradeMatch(card quiz.Card, ans Answer) Outcome {
	right := 0
	var given []string
	for i, it := range card.Items {
		got := ""
		if i < len(ans.Match) {
			got = ans.Match[i]
		}
		if got == it.Right {
			right++
		}
		given = append(given, it.Left+" → "+got)
	}
	o := Outcome{Given: strings.Join(given, "; ")}
	if len(card.Items) > 0 {
		o.Credit = float64(right) / float64(len(card.Items))
	}
	o.Verdict = Wrong
	if right == len(card.Items) {
		o.Verdict = Correct
	} else {
		o.Message = fmt.Sprintf("%d of %d pairs were right.", right, len(card.Items))
	}
	return o
}

// suggest maps a verdict to the grade a learner would usually give: a close
// typed answer or a partly right ordering is Hard; wrong is Again.
func suggest(o Outcome) srs.Rating {
	switch o.Verdict {
	case Correct:
		return srs.Good
	case Close:
		return srs.Hard
	case Revealed:
		return srs.Good
	case Hint:
		return srs.Hard
	}
	if o.Credit >= 0.5 {
		return srs.Hard
	}
	return srs.Again
}

// ShowToken identifies one showing of a card to a learner: it is derived
// from the learner, the card and the learner's memory of it, so every tab
// showing the card in the same state carries the same token, and grading
// it twice (a double click, the back button, a second tab) is recognised
// as the same answer. Once graded, the state and so the token change.
func ShowToken(learnerID int64, cardID string, c srs.Card) string {
	h := sha256.New()
	fmt.Fprintf(h, "%d\x00%s\x00%d\x00%d\x00%d", learnerID, cardID, c.Reps, c.LastReview.UnixNano(), c.State)
	return hex.EncodeToString(h.Sum(nil)[:12])
}

// LapsesBeforeReread is how many times a card must have been forgotten
// before the review shows its source passage again instead of just
// repeating the question.
const LapsesBeforeReread = 2

// citation matches the citation markers and editorial notes of an
// encyclopedia dump: [24], [a], [ better source needed ].
var citation = regexp.MustCompile(`\s?\[\s*(?:\d{1,4}|[a-z]{1,2}|[^\]\n]{0,60}(?:needed|citation|clarification|verify|dubious|when\?|who\?)[^\]\n]{0,40})\s*\]`)

// Passage returns the paragraph of doc that holds the byte range
// [start, end), without citation markers, for a learner to re-read.
func Passage(doc string, start, end int) string {
	if start < 0 || end > len(doc) || start > end {
		return ""
	}
	from := strings.LastIndexByte(doc[:start], '\n') + 1
	to := strings.IndexByte(doc[end:], '\n')
	if to < 0 {
		to = len(doc)
	} else {
		to += end
	}
	return strings.TrimSpace(citation.ReplaceAllString(doc[from:to], ""))
}
