package teach

import (
	"crypto/rand"
	"slices"
	"strings"

	"github.com/factdeck/factdeck/quiz"
)

// Status is where a generated card stands in the teacher's review.
type Status string

// Review statuses. An edited card counts as approved: editing is the
// teacher taking the card as their own.
const (
	Pending  Status = "pending"
	Approved Status = "approved"
	Rejected Status = "rejected"
	Edited   Status = "edited"
)

// Statuses in the order filters list them.
var Statuses = []Status{Pending, Approved, Edited, Rejected}

// Reasons a teacher may give for rejecting a card.
var Reasons = []string{"wrong", "ambiguous", "trivial", "badly worded"}

// ValidReason reports whether r is one of Reasons.
func ValidReason(r string) bool { return slices.Contains(Reasons, r) }

// Usable reports whether a card in status s may go into a question set.
func (s Status) Usable() bool { return s == Approved || s == Edited }

// Reviewed is a generated card with the teacher's decision on it.
type Reviewed struct {
	Card     quiz.Card // what students see: the edit if there is one
	Original quiz.Card // as generated
	Status   Status
	Reason   string // for Rejected
}

// StatusOf combines a stored decision ("", "approved", "rejected") and
// whether an edit exists into a Status.
func StatusOf(decision string, edited bool) Status {
	switch {
	case decision == string(Rejected):
		return Rejected
	case edited:
		return Edited
	case decision == string(Approved):
		return Approved
	}
	return Pending
}

// Filter narrows a review queue; zero fields match everything.
type Filter struct {
	TopicID  string
	Kind     quiz.CardKind
	Status   Status
	MinScore float64 // cards scoring at least this
	MaxScore float64 // and below this, when > 0
}

// Match reports whether a reviewed card passes the filter.
func (f Filter) Match(r Reviewed) bool {
	c := r.Original
	switch {
	case f.TopicID != "" && c.TopicID != f.TopicID,
		f.Kind != "" && c.Kind != f.Kind,
		f.Status != "" && r.Status != f.Status,
		c.Score < f.MinScore,
		f.MaxScore > 0 && c.Score >= f.MaxScore:
		return false
	}
	return true
}

// Apply keeps the cards that pass the filter, in order.
func (f Filter) Apply(rs []Reviewed) []Reviewed {
	var out []Reviewed
	for _, r := range rs {
		if f.Match(r) {
			out = append(out, r)
		}
	}
	return out
}

// Highlight splits a card's source sentence around its answer, so the page
// can mark the answer: before, the answer as written in the sentence,
// after. The answer is found case-insensitively; when the sentence does
// not contain it (a true/false or order card), mark is empty.
func Highlight(c quiz.Card) (before, mark, after string) {
	text := c.Source.Text
	for _, a := range append([]string{c.Answer}, c.Accept...) {
		a = strings.TrimSpace(a)
		if a == "" {
			continue
		}
		if i := strings.Index(strings.ToLower(text), strings.ToLower(a)); i >= 0 && len(strings.ToLower(text)) == len(text) {
			return text[:i], text[i : i+len(a)], text[i+len(a):]
		}
	}
	return text, "", ""
}

// Edit is what a teacher may change on a card.
type Edit struct {
	Prompt string
	Answer string
}

// ApplyEdit returns the card with the teacher's wording. For a multiple
// choice card the right choice takes the new answer too. Empty fields are
// a *quiz.ValidationError.
func ApplyEdit(c quiz.Card, e Edit) (quiz.Card, error) {
	e.Prompt, e.Answer = strings.TrimSpace(e.Prompt), strings.TrimSpace(e.Answer)
	v := &quiz.ValidationError{Fields: map[string]string{}}
	if e.Prompt == "" {
		v.Fields["prompt"] = "Write the question."
	}
	if e.Answer == "" {
		v.Fields["answer"] = "Write the answer."
	}
	if c.Kind == quiz.CardTrueFalse && e.Answer != "True" && e.Answer != "False" {
		v.Fields["answer"] = "A true/false card's answer is True or False."
	}
	if len(v.Fields) > 0 {
		return c, v
	}
	out := c
	out.Choices = slices.Clone(c.Choices)
	out.Prompt, out.Answer = e.Prompt, e.Answer
	switch c.Kind {
	case quiz.CardMCQ:
		if c.Correct >= 0 && c.Correct < len(out.Choices) {
			out.Choices[c.Correct] = e.Answer
		}
	case quiz.CardTrueFalse:
		if i := slices.Index(out.Choices, e.Answer); i >= 0 {
			out.Correct = i
		}
	case quiz.CardTyped:
		out.Accept = nil // the old aliases belonged to the old answer
	}
	return out, nil
}

// NewCard is a card a teacher writes by hand: a typed-answer question
// about a topic of the document, its source being what the teacher cites.
func NewCard(id, topic, prompt, answer, source string) (quiz.Card, error) {
	c := quiz.Card{ID: id, Kind: quiz.CardTyped, Topic: strings.TrimSpace(topic), Score: 1,
		Source: quiz.Source{Text: strings.TrimSpace(source)}}
	c, err := ApplyEdit(c, Edit{Prompt: prompt, Answer: answer})
	if err != nil {
		return c, err
	}
	c.AnswerType = "name"
	c.Explanation = c.Source.Text
	return c, nil
}

// codeAlphabet has no letters or digits that read alike (0/O, 1/I/L, 2/Z,
// 5/S, 8/B), so a code read aloud or from a board is typed right.
const codeAlphabet = "ACDEFGHJKMNPQRTUVWXY34679"

// CodeLength is the length of a class code: 25^6 ≈ 244 million codes.
const CodeLength = 6

// NewCode returns a random class code.
func NewCode() string {
	b := make([]byte, CodeLength)
	_, _ = rand.Read(b) // never fails (crypto/rand)
	for i := range b {
		b[i] = codeAlphabet[int(b[i])%len(codeAlphabet)]
	}
	return string(b)
}

// NormaliseCode reads a typed code: case, spaces and dashes do not matter.
// ok is false when it cannot be a code.
func NormaliseCode(s string) (code string, ok bool) {
	s = strings.ToUpper(strings.NewReplacer(" ", "", "-", "").Replace(strings.TrimSpace(s)))
	if len(s) != CodeLength {
		return "", false
	}
	for _, r := range s {
		if !strings.ContainsRune(codeAlphabet, r) {
			return "", false
		}
	}
	return s, true
}

// Move returns ids with ids[i] moved one place up (delta -1) or down
// (+1); a move past either end changes nothing.
func Move(ids []string, i, delta int) []string {
	out := slices.Clone(ids)
	j := i + delta
	if i < 0 || i >= len(out) || j < 0 || j >= len(out) {
		return out
	}
	out[i], out[j] = out[j], out[i]
	return out
}
