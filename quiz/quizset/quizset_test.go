package quizset

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/factdeck/factdeck/quiz"
	"github.com/factdeck/factdeck/quiz/study"
)

// deck builds cards over three topics of very different sizes and all kinds.
func deck() []quiz.Card {
	var cards []quiz.Card
	sizes := map[string]int{"big": 40, "mid": 6, "small": 2}
	for _, t := range []string{"big", "mid", "small"} {
		for i := 0; i < sizes[t]; i++ {
			cards = append(cards, quiz.Card{
				ID: fmt.Sprintf("%s-%02d", t, i), TopicID: t, Kind: Kinds[i%len(Kinds)],
				FactKey: fmt.Sprintf("%s-fact-%d", t, i/2), // two cards per fact
			})
		}
	}
	cards = append(cards, quiz.Card{ID: "held", TopicID: "small", Kind: quiz.CardMCQ, Held: true})
	return cards
}

func byID(cards []quiz.Card) map[string]quiz.Card {
	m := map[string]quiz.Card{}
	for _, c := range cards {
		m[c.ID] = c
	}
	return m
}

func TestPickDeterministicAndOrderFree(t *testing.T) {
	s := DefaultSettings()
	a, err := Pick(deck(), s, 42)
	if err != nil {
		t.Fatal(err)
	}
	rev := deck()
	slices.Reverse(rev)
	b, _ := Pick(rev, s, 42)
	if !slices.Equal(a, b) {
		t.Errorf("same seed, cards in another order: %v then %v", a, b)
	}
	c, _ := Pick(deck(), s, 43)
	if slices.Equal(a, c) {
		t.Errorf("seeds 42 and 43 picked the same questions in the same order: %v", a)
	}
	if len(a) != 10 {
		t.Errorf("picked %d cards, want 10", len(a))
	}
}

func TestPickSpreadsTopicsKindsAndFacts(t *testing.T) {
	cards := byID(deck())
	for seed := uint64(0); seed < 50; seed++ {
		ids, err := Pick(deck(), DefaultSettings(), seed)
		if err != nil {
			t.Fatal(err)
		}
		topics, kinds, facts := map[string]int{}, map[quiz.CardKind]int{}, map[string]bool{}
		for _, id := range ids {
			c := cards[id]
			if c.Held {
				t.Fatalf("seed %d: picked held card %s", seed, id)
			}
			topics[c.TopicID]++
			kinds[c.Kind]++
			if facts[c.FactKey] {
				t.Errorf("seed %d: fact %s asked twice though others were left", seed, c.FactKey)
			}
			facts[c.FactKey] = true
		}
		// Round robin over new facts: small has one fact, mid three, big the rest.
		if topics["small"] != 1 || topics["mid"] != 3 || topics["big"] != 6 {
			t.Errorf("seed %d: questions per topic %v, want small 1, mid 3, big 6", seed, topics)
		}
		if len(kinds) < 5 {
			t.Errorf("seed %d: only %d kinds among 10 questions: %v", seed, len(kinds), kinds)
		}
	}
}

func TestPickFilters(t *testing.T) {
	cards := byID(deck())
	s := DefaultSettings()
	s.Topics, s.Kinds, s.Count = []string{"mid", "small"}, []quiz.CardKind{quiz.CardMCQ, quiz.CardTyped}, 50
	ids, err := Pick(deck(), s, 1)
	if err != nil {
		t.Fatal(err)
	}
	// mid has mcq at 0 and typed at 2; small has mcq at 0 (the held mcq is out).
	want := []string{"mid-00", "mid-02", "small-00"}
	got := slices.Clone(ids)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("picked %v, want %v", got, want)
	}
	for _, id := range ids {
		if c := cards[id]; c.Kind != quiz.CardMCQ && c.Kind != quiz.CardTyped {
			t.Errorf("picked a %s card", c.Kind)
		}
	}
	s.Kinds = []quiz.CardKind{quiz.CardMatch}
	s.Topics = []string{"small"}
	var verr *quiz.ValidationError
	if _, err := Pick(deck(), s, 1); !errors.As(err, &verr) {
		t.Errorf("no matching card: err = %v, want a validation error", err)
	}
}

func TestFormParse(t *testing.T) {
	topics := []string{"a", "b"}
	good := Form{Count: "12", Kinds: []string{"mcq", "typed"}, Feedback: "end", Schedule: "on", Topics: []string{"b"}}
	s, err := good.Parse(topics)
	if err != nil {
		t.Fatal(err)
	}
	if s.Count != 12 || !s.Schedule || s.FeedbackNow() || !slices.Equal(s.Topics, []string{"b"}) || len(s.Kinds) != 2 {
		t.Errorf("parsed %+v", s)
	}
	all, err := Form{Count: "10", Kinds: []string{"mcq"}, Feedback: "now", Topics: topics}.Parse(topics)
	if err != nil || all.Topics != nil || all.Schedule {
		t.Errorf("every topic ticked: %+v, %v; want no topic filter, no scheduling", all, err)
	}
	for _, tc := range []struct {
		name  string
		form  Form
		field string
	}{
		{"count not a number", Form{Count: "ten", Kinds: []string{"mcq"}, Feedback: "now"}, FieldCount},
		{"count too small", Form{Count: "4", Kinds: []string{"mcq"}, Feedback: "now"}, FieldCount},
		{"count too large", Form{Count: "51", Kinds: []string{"mcq"}, Feedback: "now"}, FieldCount},
		{"no kinds", Form{Count: "10", Feedback: "now"}, FieldKinds},
		{"unknown kind", Form{Count: "10", Kinds: []string{"essay"}, Feedback: "now"}, FieldKinds},
		{"unknown topic", Form{Count: "10", Kinds: []string{"mcq"}, Feedback: "now", Topics: []string{"z"}}, FieldTopics},
		{"feedback", Form{Count: "10", Kinds: []string{"mcq"}, Feedback: "later"}, FieldFeedback},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.form.Parse(topics)
			var verr *quiz.ValidationError
			if !errors.As(err, &verr) || verr.Fields[tc.field] == "" {
				t.Errorf("err = %v, want a message for %s", err, tc.field)
			}
		})
	}
	if f := FormOf(DefaultSettings(), topics); !slices.Equal(f.Topics, topics) || f.Count != "10" || len(f.Kinds) != len(Kinds) {
		t.Errorf("default form %+v: want every topic and kind ticked, 10 questions", f)
	}
}

func TestTallyAndMissed(t *testing.T) {
	answers := []Graded{
		{Position: 3, CardID: "c", Outcome: study.Outcome{Verdict: study.Wrong, Credit: 0.5}}, // half a match
		{Position: 1, CardID: "a", Outcome: study.Outcome{Verdict: study.Correct, Credit: 1}},
		{Position: 2, CardID: "b", Outcome: study.Outcome{Verdict: study.Close, Credit: 1}},
		{Position: 4, CardID: "d", Outcome: study.Outcome{Verdict: study.Revealed}},
		{Position: 5, CardID: "e", Outcome: study.Outcome{Verdict: study.Wrong}},
	}
	s := Tally(6, answers)
	if s.Points != 2.5 || s.Correct != 2 || s.Answered != 5 || s.Done() || s.Percent() != 42 {
		t.Errorf("Tally = %+v (%d%%), want 2.5 points, 2 correct, 5 of 6 answered, 42%%", s, s.Percent())
	}
	if got, want := Missed(answers), []string{"c", "d", "e"}; !slices.Equal(got, want) {
		t.Errorf("Missed = %v, want %v", got, want)
	}
	if got := Next(6, answers); got != 6 {
		t.Errorf("Next = %d, want 6", got)
	}
	if got := Next(5, answers); got != 0 {
		t.Errorf("Next with all answered = %d, want 0", got)
	}
}

func TestPickRepeatsFactsOnlyWhenNothingElseLeft(t *testing.T) {
	cards := byID(deck())
	s := DefaultSettings()
	s.Topics = []string{"mid", "small"} // 8 cards, 4 facts
	for _, tc := range []struct{ count, facts int }{{4, 4}, {6, 4}, {50, 4}} {
		s.Count = tc.count
		ids, err := Pick(deck(), s, 7)
		if err != nil {
			t.Fatal(err)
		}
		facts := map[string]bool{}
		for _, id := range ids {
			facts[cards[id].FactKey] = true
		}
		if len(ids) != min(tc.count, 8) || len(facts) != tc.facts {
			t.Errorf("count %d: %d questions over %d facts, want %d over %d", tc.count, len(ids), len(facts), min(tc.count, 8), tc.facts)
		}
	}
}
