package store

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"
	"time"
	_ "time/tzdata" // the test's time zone must load without system tzdata

	"github.com/factdeck/factdeck/quiz"
	"github.com/factdeck/factdeck/quiz/srs"
	"github.com/factdeck/factdeck/store/storetest"
)

// queueDeck is one document of 20 cards s-c00..s-c19 and one learner.
type queueDeck struct {
	db      *DB
	doc     quiz.Document
	learner int64
}

func newQueueDeck(t *testing.T) queueDeck {
	t.Helper()
	var cards []quiz.Card
	for i := range 20 {
		cards = append(cards, quiz.Card{ID: fmt.Sprintf("s-c%02d", i), Kind: quiz.CardMCQ, Prompt: "q", Answer: "a"})
	}
	cards[8].Held = true
	return newDeckOf(t, cards)
}

// newDeckOf is a fresh database with one document of the given cards and
// one learner.
func newDeckOf(t *testing.T, cards []quiz.Card) queueDeck {
	t.Helper()
	ctx := context.Background()
	db, err := Open(ctx, storetest.DSN(t, filepath.Join(t.TempDir(), "q.db")))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	doc, _, err := db.ImportDocument(ctx, quiz.Document{Slug: "s", Title: "s", Body: "text", Source: "seed"})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.SaveCards(ctx, doc.ID, cards); err != nil {
		t.Fatal(err)
	}
	learner, err := db.CreateLearner(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return queueDeck{db, doc, learner}
}

// setState writes a card state directly, bypassing the scheduler.
func (d queueDeck) setState(t *testing.T, card string, st srs.State, due time.Time) {
	t.Helper()
	c := srs.Card{State: st, Stability: 10, Difficulty: 5, Due: due, LastReview: due.AddDate(0, 0, -10),
		ScheduledDays: 10, Reps: 3}
	err := d.db.tx(context.Background(), func(tx *sql.Tx) error {
		return putCardState(context.Background(), tx, d.learner, card, c, ts(due))
	})
	if err != nil {
		t.Fatal(err)
	}
}

func (d queueDeck) review(t *testing.T, card string, r srs.Rating, at time.Time) {
	t.Helper()
	sched, err := srs.NewScheduler(srs.DefaultParameters()) // fuzz off
	if err != nil {
		t.Fatal(err)
	}
	in := ReviewInput{LearnerID: d.learner, CardID: card, DocID: d.doc.ID, Rating: r, ReviewedAt: at, ShownToken: card}
	if _, err := d.db.RecordReview(context.Background(), in, sched); err != nil {
		t.Fatal(err)
	}
}

type queued struct {
	Kind QueueKind
	ID   string
}

func summarize(items []QueueItem) []queued {
	var out []queued
	for _, it := range items {
		out = append(out, queued{it.Queue, it.Card.ID})
	}
	return out
}

// TestQueueAcrossMidnight checks ordering and daily limits for a learner in
// New York just before and just after local midnight, which fall on the
// same UTC date (04:30 and 05:05 UTC).
func TestQueueAcrossMidnight(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	local := func(day, h, m int) time.Time { return time.Date(2026, 1, day, h, m, 0, 0, ny) }
	before, after := local(10, 23, 30), local(11, 0, 5)
	d := newQueueDeck(t)
	d.setState(t, "s-c00", srs.Learning, before.Add(-5*time.Minute))
	d.setState(t, "s-c01", srs.Relearning, before.Add(-20*time.Minute))
	d.setState(t, "s-c02", srs.Learning, before.Add(5*time.Minute)) // only with learn-ahead
	d.setState(t, "s-c03", srs.Review, local(9, 8, 0))
	d.setState(t, "s-c04", srs.Review, local(10, 23, 50)) // due later today
	d.setState(t, "s-c05", srs.Review, local(11, 0, 1))   // due tomorrow locally, same UTC day
	d.setState(t, "s-c06", srs.Review, local(10, 12, 0))
	d.setState(t, "s-c07", srs.Review, local(20, 12, 0))
	// Today (local): two new cards introduced and one review done.
	d.review(t, "s-c10", srs.Easy, local(10, 9, 0))
	d.review(t, "s-c11", srs.Easy, local(10, 9, 1))
	d.review(t, "s-c07", srs.Good, local(10, 10, 0))
	// Yesterday: does not count against today.
	d.review(t, "s-c12", srs.Easy, local(9, 22, 0))

	settings := srs.DefaultSettings()
	settings.NewPerDay, settings.ReviewsPerDay, settings.TimeZone = 3, 3, "America/New_York"
	L, R, N := QueueLearning, QueueReview, QueueNew
	tests := []struct {
		name   string
		now    time.Time
		doc    int64
		ahead  time.Duration
		limit  int
		want   []queued
		counts QueueCounts
	}{
		{"before midnight", before, d.doc.ID, 10 * time.Minute, 0,
			[]queued{{L, "s-c01"}, {L, "s-c00"}, {R, "s-c03"}, {R, "s-c06"}, {N, "s-c09"}, {L, "s-c02"}},
			QueueCounts{New: 1, Learning: 3, Review: 2}},
		{"all documents", before, 0, 0, 0,
			[]queued{{L, "s-c01"}, {L, "s-c00"}, {R, "s-c03"}, {R, "s-c06"}, {N, "s-c09"}},
			QueueCounts{New: 1, Learning: 3, Review: 2}},
		{"next card", before, d.doc.ID, 0, 1, []queued{{L, "s-c01"}}, QueueCounts{New: 1, Learning: 3, Review: 2}},
		{"after midnight", after, d.doc.ID, 0, 0,
			[]queued{{L, "s-c01"}, {L, "s-c00"}, {L, "s-c02"}, {R, "s-c03"}, {R, "s-c06"}, {R, "s-c04"},
				{N, "s-c09"}, {N, "s-c13"}, {N, "s-c14"}},
			QueueCounts{New: 3, Learning: 3, Review: 3}},
	}
	ctx := context.Background()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req := QueueRequest{LearnerID: d.learner, DocID: tc.doc, Now: tc.now, Settings: settings,
				Limit: tc.limit, LearnAhead: tc.ahead}
			items, err := d.db.DueCards(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			if got := summarize(items); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("DueCards =\n %v\nwant %v", got, tc.want)
			}
			n, err := d.db.QueueCounts(ctx, req)
			if err != nil || n != tc.counts {
				t.Errorf("QueueCounts = %+v, %v; want %+v", n, err, tc.counts)
			}
			// The review page reads the same queue's head, counts and the
			// deck's tally of today in one go.
			h, err := d.db.Head(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			if got := summarize(h.Items); !reflect.DeepEqual(got, tc.want[:1]) || h.Counts != tc.counts {
				t.Errorf("Head = %v %+v, want %v %+v", got, h.Counts, tc.want[:1], tc.counts)
			}
			if len(h.Items) == 1 && !reflect.DeepEqual(h.Items[0], items[0]) {
				t.Errorf("Head item = %+v\nDueCards' first = %+v", h.Items[0], items[0])
			}
			reviewed, remembered, err := d.db.DeckTally(ctx, d.learner, d.doc.ID, startOfLocalDay(tc.now, settings))
			// This learner's only deck: its tally is the all-decks tally.
			if err != nil || h.Reviewed != reviewed || h.Remembered != remembered {
				t.Errorf("Head tally %d/%d, DeckTally %d/%d (%v)", h.Reviewed, h.Remembered, reviewed, remembered, err)
			}
		})
	}
}

func startOfLocalDay(now time.Time, s srs.Settings) time.Time {
	start, _ := dayBounds(now, s.Location())
	return start
}

func TestRecall(t *testing.T) {
	d := newQueueDeck(t)
	ctx := context.Background()
	d.review(t, "s-c00", srs.Good, t0)
	d.review(t, "s-c01", srs.Easy, t0)
	sched, _ := srs.NewScheduler(srs.DefaultParameters())
	at := t0.Add(72 * time.Hour)
	rs, err := d.db.Recall(ctx, d.learner, d.doc.ID, at, sched)
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 19 { // 20 cards, one held
		t.Fatalf("%d cards, want 19", len(rs))
	}
	for _, r := range rs[:2] {
		st, _ := d.db.CardState(ctx, d.learner, r.CardID)
		if want := sched.Retrievability(st, at); r.Retrievability != want || want <= 0 || want >= 1 {
			t.Errorf("%s: R = %v, want %v in (0,1)", r.CardID, r.Retrievability, want)
		}
	}
	if rs[2].Retrievability != 0 || rs[2].State.State != srs.New {
		t.Errorf("unreviewed card: %+v", rs[2])
	}
}

var t0 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

// TestNewCardsResume checks that the all-documents queue takes new cards
// from the document of the latest new card first, then wraps around.
func TestNewCardsResume(t *testing.T) {
	d := newQueueDeck(t)
	ctx := context.Background()
	other, _, err := d.db.ImportDocument(ctx, quiz.Document{Slug: "o", Title: "o", Body: "other", Source: "seed"})
	if err != nil {
		t.Fatal(err)
	}
	if err := d.db.SaveCards(ctx, other.ID, []quiz.Card{{ID: "o-1"}, {ID: "o-2"}, {ID: "o-3"}}); err != nil {
		t.Fatal(err)
	}
	sched, _ := srs.NewScheduler(srs.DefaultParameters())
	in := ReviewInput{LearnerID: d.learner, CardID: "o-1", DocID: other.ID, Rating: srs.Easy, ReviewedAt: t0, ShownToken: "x"}
	if _, err := d.db.RecordReview(ctx, in, sched); err != nil {
		t.Fatal(err)
	}
	req := QueueRequest{LearnerID: d.learner, Now: t0, Settings: srs.DefaultSettings(), Limit: 4}
	items, err := d.db.DueCards(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	want := []queued{{QueueNew, "o-2"}, {QueueNew, "o-3"}, {QueueNew, "s-c00"}, {QueueNew, "s-c01"}}
	if got := summarize(items); !reflect.DeepEqual(got, want) {
		t.Errorf("DueCards = %v, want %v", got, want)
	}
	if n, err := d.db.QueueCounts(ctx, req); err != nil || n.New != 19 {
		t.Errorf("QueueCounts = %+v, %v; want 19 new (20 daily, 1 introduced)", n, err)
	}
}
