package store

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/factdeck/factdeck/quiz"
	"github.com/factdeck/factdeck/quiz/srs"
)

// TestTopicDeck studies one topic of a document on its own: its queue,
// counts, head and today's tally see that topic's cards only.
func TestTopicDeck(t *testing.T) {
	ctx := context.Background()
	var cards []quiz.Card
	for i := range 12 {
		topic := "raqqa"
		if i%3 == 0 {
			topic = "hama"
		}
		cards = append(cards, quiz.Card{ID: fmt.Sprintf("c%02d", i), Kind: quiz.CardMCQ, TopicID: topic, Prompt: "q", Answer: "a"})
	}
	d := newDeckOf(t, cards)
	db, doc, learner := d.db, d.doc, d.learner
	sched, _ := srs.NewScheduler(srs.DefaultParameters())
	now := time.Date(2026, 4, 2, 10, 0, 0, 0, time.UTC)
	for _, id := range []string{"c00", "c01", "c02"} { // one hama card, two raqqa cards
		in := ReviewInput{LearnerID: learner, CardID: id, DocID: doc.ID, Rating: srs.Easy, ReviewedAt: now.Add(-time.Hour), ShownToken: id}
		if _, err := db.RecordReview(ctx, in, sched); err != nil {
			t.Fatal(err)
		}
	}
	settings := srs.DefaultSettings()
	req := QueueRequest{LearnerID: learner, DocID: doc.ID, TopicID: "hama", Now: now, Settings: settings}
	items, err := db.DueCards(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, it := range items {
		ids = append(ids, it.Card.ID)
		if it.Card.TopicID != "hama" {
			t.Errorf("topic deck served %s of topic %q", it.Card.ID, it.Card.TopicID)
		}
	}
	if fmt.Sprint(ids) != "[c03 c06 c09]" {
		t.Errorf("topic queue %v, want the three hama cards not yet studied", ids)
	}
	n, err := db.QueueCounts(ctx, req)
	if err != nil || n != (QueueCounts{New: 3}) {
		t.Errorf("topic counts %+v (%v), want 3 new", n, err)
	}
	h, err := db.Head(ctx, req)
	if err != nil || len(h.Items) != 1 || h.Items[0].Card.ID != "c03" || h.Counts != n || h.Reviewed != 1 {
		t.Errorf("topic head %v %+v reviewed %d (%v), want c03, 3 new, 1 reviewed today", summarize(h.Items), h.Counts, h.Reviewed, err)
	}
	// The whole document still sees every topic.
	req.TopicID = ""
	if h, err := db.Head(ctx, req); err != nil || h.Reviewed != 3 || h.Items[0].Card.ID != "c03" {
		t.Errorf("document head %v reviewed %d (%v)", summarize(h.Items), h.Reviewed, err)
	}
	req.TopicID = "raqqa"
	if n, err := db.QueueCounts(ctx, req); err != nil || n.New != 6 {
		t.Errorf("raqqa counts %+v (%v), want 6 new", n, err)
	}
}
