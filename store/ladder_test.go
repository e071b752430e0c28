package store

import (
	"context"
	"database/sql"
	"reflect"
	"testing"
	"time"

	"github.com/factdeck/factdeck/quiz"
	"github.com/factdeck/factdeck/quiz/srs"
)

// TestLadder follows one fact up its ladder: recognition first, the cloze
// once the recognition card has graduated, the typed card once the cloze is
// stable; a card below the learner's rung is no longer served; and cards
// the ladder holds back do not use up the day's new-card limit.
func TestLadder(t *testing.T) {
	ctx := context.Background()
	d := newDeckOf(t, []quiz.Card{
		{ID: "typed", Kind: quiz.CardTyped, FactKey: "f"},
		{ID: "cloze", Kind: quiz.CardCloze, FactKey: "f"},
		{ID: "mcq", Kind: quiz.CardMCQ, FactKey: "f"},
		{ID: "other", Kind: quiz.CardTyped, FactKey: "g"}, // alone on its fact: bottom rung
	})
	db, doc, learner := d.db, d.doc, d.learner
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	settings := srs.DefaultSettings()
	settings.NewPerDay = 2
	req := QueueRequest{LearnerID: learner, DocID: doc.ID, Now: now, Settings: settings}
	state := func(card string, st srs.State, stability float64, due time.Time) {
		t.Helper()
		c := srs.Card{State: st, Stability: stability, Difficulty: 5, Due: due, LastReview: now.AddDate(0, 0, -1), Reps: 2}
		if err := db.tx(ctx, func(tx *sql.Tx) error { return putCardState(ctx, tx, learner, card, c, ts(due)) }); err != nil {
			t.Fatal(err)
		}
	}
	check := func(step string, want []queued, counts QueueCounts) {
		t.Helper()
		items, err := db.DueCards(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		if got := summarize(items); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: queue %v, want %v", step, got, want)
		}
		n, err := db.QueueCounts(ctx, req)
		if err != nil || n != counts {
			t.Errorf("%s: counts %+v (%v), want %+v", step, n, err, counts)
		}
		h, err := db.Head(ctx, req)
		if err != nil || !reflect.DeepEqual(summarize(h.Items), want[:min(1, len(want))]) || h.Counts != counts {
			t.Errorf("%s: head %v %+v (%v), want %v %+v", step, summarize(h.Items), h.Counts, err, want[:min(1, len(want))], counts)
		}
	}
	L, R, N := QueueLearning, QueueReview, QueueNew

	// Day one: the recognition card and the other fact's card; the cloze
	// and the typed card wait without taking the two new slots.
	check("new learner", []queued{{N, "mcq"}, {N, "other"}}, QueueCounts{New: 2})

	// Still learning the recognition card: nothing unlocks.
	state("mcq", srs.Learning, 0.5, now.Add(-time.Minute))
	check("learning", []queued{{L, "mcq"}, {N, "other"}}, QueueCounts{New: 1, Learning: 1})

	// Graduated with a stability of 3 days: the cloze opens, the typed card
	// does not (it needs 7 days at the rung below it).
	state("mcq", srs.Review, 3, now.AddDate(0, 0, 3))
	check("graduated", []queued{{N, "cloze"}, {N, "other"}}, QueueCounts{New: 2})

	// The learner starts the cloze: the recognition card retires, even when
	// due, and the typed card still waits.
	state("mcq", srs.Review, 3, now.Add(-time.Hour))
	state("cloze", srs.Learning, 0.5, now.Add(-time.Minute))
	check("cloze started", []queued{{L, "cloze"}, {N, "other"}}, QueueCounts{New: 1, Learning: 1})

	// The cloze is stable at 8 days: the typed card opens.
	state("cloze", srs.Review, 8, now.AddDate(0, 0, 8))
	check("cloze stable", []queued{{N, "typed"}, {N, "other"}}, QueueCounts{New: 2})

	// Another fact's review comes first, as ever.
	state("other", srs.Review, 10, now.Add(-time.Hour))
	check("review due", []queued{{R, "other"}, {N, "typed"}}, QueueCounts{New: 1, Review: 1})
}
