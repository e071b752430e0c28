// Package quizset is the self-test quiz (Quizlet's Test mode): the settings
// a learner chooses, the cards an attempt asks (picked deterministically
// from a seed, spread across topics and kinds) and the score of the answers.
// It is pure: no storage, no clock; the caller passes the seed and times.
package quizset

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/factdeck/factdeck/quiz"
	"github.com/factdeck/factdeck/quiz/study"
)

// Bounds and defaults of the setup form.
const (
	MinQuestions     = 5
	MaxQuestions     = 50
	DefaultQuestions = 10
)

// Feedback modes.
const (
	FeedbackNow = "now" // right or wrong after each question
	FeedbackEnd = "end" // only on the score page
)

// Kinds are the card kinds a quiz can ask, in the order the form lists them.
var Kinds = []quiz.CardKind{quiz.CardMCQ, quiz.CardTrueFalse, quiz.CardTyped, quiz.CardCloze, quiz.CardOrder, quiz.CardMatch}

// Settings are what the learner chose for an attempt. Empty Topics means
// every topic of the deck.
type Settings struct {
	Topics   []string        `json:"topics,omitempty"` // topic ids
	Count    int             `json:"count"`
	Kinds    []quiz.CardKind `json:"kinds"`
	Feedback string          `json:"feedback"`
	Schedule bool            `json:"schedule"` // also count answers toward the FSRS schedule
}

// FeedbackNow reports whether each answer is shown right after it is given.
func (s Settings) FeedbackNow() bool { return s.Feedback == FeedbackNow }

// DefaultSettings are the setup form's initial choices.
func DefaultSettings() Settings {
	return Settings{Count: DefaultQuestions, Kinds: slices.Clone(Kinds), Feedback: FeedbackNow}
}

// Form is the setup form as submitted: the raw values, so that a form with
// an error can be shown again exactly as the learner filled it.
type Form struct {
	Topics   []string
	Count    string
	Kinds    []string
	Feedback string
	Schedule string // "on" when ticked
}

// Form fields, as named in the setup form and in validation errors.
const (
	FieldTopics   = "topics"
	FieldCount    = "count"
	FieldKinds    = "kinds"
	FieldFeedback = "feedback"
)

// Parse checks the form against the deck's topic ids and returns the
// settings, or a *quiz.ValidationError naming every bad field.
func (f Form) Parse(topics []string) (Settings, error) {
	v := &quiz.ValidationError{Fields: map[string]string{}}
	s := Settings{Feedback: f.Feedback, Schedule: f.Schedule == "on"}
	n, err := strconv.Atoi(strings.TrimSpace(f.Count))
	switch {
	case err != nil:
		v.Fields[FieldCount] = "enter a whole number of questions"
	case n < MinQuestions || n > MaxQuestions:
		v.Fields[FieldCount] = fmt.Sprintf("choose between %d and %d questions", MinQuestions, MaxQuestions)
	}
	s.Count = n
	for _, t := range f.Topics {
		if !slices.Contains(topics, t) {
			v.Fields[FieldTopics] = "choose topics from the list"
			break
		}
		if !slices.Contains(s.Topics, t) {
			s.Topics = append(s.Topics, t)
		}
	}
	if len(s.Topics) == len(topics) {
		s.Topics = nil // every topic: also the ones a new version adds
	}
	for _, k := range f.Kinds {
		if !slices.Contains(Kinds, quiz.CardKind(k)) {
			v.Fields[FieldKinds] = "choose kinds of question from the list"
			break
		}
		if !slices.Contains(s.Kinds, quiz.CardKind(k)) {
			s.Kinds = append(s.Kinds, quiz.CardKind(k))
		}
	}
	if len(f.Kinds) == 0 {
		v.Fields[FieldKinds] = "choose at least one kind of question"
	}
	if s.Feedback != FeedbackNow && s.Feedback != FeedbackEnd {
		v.Fields[FieldFeedback] = "choose when to see whether you were right"
	}
	if len(v.Fields) > 0 {
		return s, v
	}
	return s, nil
}

// FormOf returns s written as the setup form shows it; allTopics are the
// deck's topic ids, ticked when s names none.
func FormOf(s Settings, allTopics []string) Form {
	f := Form{Topics: s.Topics, Count: strconv.Itoa(s.Count), Feedback: s.Feedback}
	if len(f.Topics) == 0 {
		f.Topics = allTopics
	}
	for _, k := range s.Kinds {
		f.Kinds = append(f.Kinds, string(k))
	}
	if s.Schedule {
		f.Schedule = "on"
	}
	return f
}

// Graded is one answered question of an attempt. Positions count from 1.
type Graded struct {
	Position   int
	CardID     string
	Outcome    study.Outcome
	AnsweredAt time.Time
}

// Score sums an attempt's answers. Points are the credits: 1 for a right
// answer, a fraction for a partly right ordering or matching, 0 otherwise.
type Score struct {
	Questions int
	Answered  int
	Correct   int // answers with full credit
	Points    float64
}

// Percent is the score out of 100, rounded to the nearest whole number.
func (s Score) Percent() int {
	if s.Questions == 0 {
		return 0
	}
	return int(s.Points/float64(s.Questions)*100 + 0.5)
}

// Done reports whether every question has an answer.
func (s Score) Done() bool { return s.Answered >= s.Questions }

// Tally scores the answers of an attempt of n questions.
func Tally(n int, answers []Graded) Score {
	s := Score{Questions: n}
	for _, a := range answers {
		s.Answered++
		c := Credit(a.Outcome)
		s.Points += c
		if c == 1 {
			s.Correct++
		}
	}
	return s
}

// Credit is what one answer scores. A flashcard-style reveal or an answer
// too ambiguous to judge scores nothing in a test.
func Credit(o study.Outcome) float64 {
	switch o.Verdict {
	case study.Correct, study.Close:
		return 1
	case study.Revealed, study.Hint:
		return 0
	}
	return min(max(o.Credit, 0), 1)
}

// Next is the first position (from 1) of an attempt of n questions that has
// no answer yet, or 0 when every question is answered.
func Next(n int, answers []Graded) int {
	done := make(map[int]bool, len(answers))
	for _, a := range answers {
		done[a.Position] = true
	}
	for p := 1; p <= n; p++ {
		if !done[p] {
			return p
		}
	}
	return 0
}

// Missed lists, in the attempt's order, the cards whose answer scored less
// than full credit; a retry asks exactly these.
func Missed(answers []Graded) []string {
	sorted := slices.Clone(answers)
	slices.SortFunc(sorted, func(a, b Graded) int { return a.Position - b.Position })
	var out []string
	for _, a := range sorted {
		if Credit(a.Outcome) < 1 && !slices.Contains(out, a.CardID) {
			out = append(out, a.CardID)
		}
	}
	return out
}
