package main

import (
	"context"
	"testing"
	"time"

	"github.com/factdeck/factdeck/quiz"
	"github.com/factdeck/factdeck/quiz/srs"
	"github.com/factdeck/factdeck/quiz/study"
	"github.com/factdeck/factdeck/store"
)

// TestLadderOnSeed checks the ladder on the shipped seed deck: a new
// learner meets each fact on one step only (its recognition card, or its
// cloze when it has none), and the harder siblings are held back rather
// than lost: every servable card is either offered or waits on a sibling.
func TestLadderOnSeed(t *testing.T) {
	a := newTestApp(t)
	ctx := context.Background()
	docs, err := a.db.Documents(ctx, store.DocumentFilter{})
	if err != nil || len(docs) == 0 {
		t.Fatalf("no documents: %v", err)
	}
	learner, err := a.db.CreateLearner(ctx)
	if err != nil {
		t.Fatal(err)
	}
	settings := srs.DefaultSettings()
	settings.NewPerDay = 9999
	items, err := a.db.DueCards(ctx, store.QueueRequest{LearnerID: learner, DocID: docs[0].ID, Now: time.Now(), Settings: settings})
	if err != nil {
		t.Fatal(err)
	}
	all, err := a.db.Cards(ctx, store.CardFilter{DocID: docs[0].ID})
	if err != nil {
		t.Fatal(err)
	}
	step := map[string]int{} // fact → the step offered
	offered := map[string]bool{}
	for _, it := range items {
		c := it.Card
		offered[c.ID] = true
		if c.FactKey == "" {
			continue
		}
		if s, ok := step[c.FactKey]; ok && s != study.KindStep(c.Kind) {
			t.Errorf("fact %s offered on two steps at once (%s among them)", c.FactKey, c.ID)
		}
		step[c.FactKey] = study.KindStep(c.Kind)
	}
	waiting := 0
	for _, c := range all {
		if c.Held || offered[c.ID] {
			continue
		}
		s, ok := step[c.FactKey]
		if !ok || study.KindStep(c.Kind) <= s {
			t.Errorf("card %s (%s) is neither offered nor waiting on an easier sibling", c.ID, c.Kind)
		}
		if c.Kind == quiz.CardMCQ || c.Kind == quiz.CardTrueFalse {
			t.Errorf("recognition card %s held back", c.ID)
		}
		waiting++
	}
	if waiting == 0 {
		t.Error("no card waits on the ladder: the seed's facts should give harder siblings")
	}
	t.Logf("%d cards offered to a new learner, %d waiting on the ladder", len(items), waiting)
}
