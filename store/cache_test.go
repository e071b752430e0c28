package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/factdeck/factdeck/quiz"
	"github.com/factdeck/factdeck/quiz/srs"
	"github.com/factdeck/factdeck/store/storetest"
)

// TestHeadCacheFollowsWrites drives one deck through a seeded random walk
// of everything that changes a learner's queue (grades, undos, settings,
// regenerated cards, another learner's grades, the clock moving through
// learning steps and midnight) and checks after every step that the cached
// DB.Head says exactly what a fresh read says.
func TestHeadCacheFollowsWrites(t *testing.T) {
	storetest.SQLiteOnly(t) // the cache is off on PostgreSQL
	ctx := context.Background()
	d := newQueueDeck(t)
	other, err := d.db.CreateLearner(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sched, err := srs.NewScheduler(srs.DefaultParameters())
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(7, 11))
	now := time.Date(2026, 5, 1, 20, 0, 0, 0, time.UTC)
	settings := srs.DefaultSettings()
	settings.NewPerDay = 5
	hits := 0
	for step := range 400 {
		req := QueueRequest{LearnerID: d.learner, DocID: d.doc.ID, Now: now, Settings: settings, LearnAhead: 20 * time.Minute}
		if _, ok := d.db.cache.cachedHead(req); ok {
			hits++
		}
		got, err := d.db.Head(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		want, _, err := d.db.head(ctx, req, false)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(summarize(got.Items), summarize(want.Items)) || got.Counts != want.Counts ||
			got.Reviewed != want.Reviewed || got.Remembered != want.Remembered {
			t.Fatalf("step %d at %s: cached head %v %+v %d/%d, fresh %v %+v %d/%d", step, now.Format(time.Kitchen),
				summarize(got.Items), got.Counts, got.Reviewed, got.Remembered,
				summarize(want.Items), want.Counts, want.Reviewed, want.Remembered)
		}
		if len(got.Items) == 1 && !reflect.DeepEqual(got.Items[0].State, want.Items[0].State) {
			t.Fatalf("step %d: cached state %+v, fresh %+v", step, got.Items[0].State, want.Items[0].State)
		}
		switch op := rng.IntN(10); {
		case op < 4 && len(got.Items) == 1: // grade the head
			in := ReviewInput{LearnerID: d.learner, CardID: got.Items[0].Card.ID, DocID: d.doc.ID,
				Rating: srs.Rating(1 + rng.IntN(4)), ReviewedAt: now, ShownToken: fmt.Sprint("t", step)}
			if _, err := d.db.RecordReview(ctx, in, sched); err != nil {
				t.Fatal(err)
			}
		case op == 4: // undo the latest grade
			if rv, err := d.db.LatestReview(ctx, d.learner, d.doc.ID); err == nil {
				if _, err := d.db.UndoReview(ctx, d.learner, rv.ID); err != nil {
					t.Fatal(err)
				}
			}
		case op == 5: // new limits
			settings.NewPerDay = 1 + rng.IntN(6)
			if err := d.db.UpdateLearnerSettings(ctx, d.learner, settings); err != nil {
				t.Fatal(err)
			}
		case op == 6: // the document's cards regenerated, one of them now held
			var cards []quiz.Card
			held := rng.IntN(20)
			for i := range 20 {
				cards = append(cards, quiz.Card{ID: fmt.Sprintf("s-c%02d", i), Kind: quiz.CardMCQ, Prompt: "q", Answer: "a", Held: i == held})
			}
			if err := d.db.SaveCards(ctx, d.doc.ID, cards); err != nil {
				t.Fatal(err)
			}
		case op == 7: // another learner grades: nothing changes for this one
			in := ReviewInput{LearnerID: other, CardID: "s-c01", DocID: d.doc.ID, Rating: srs.Good, ReviewedAt: now, ShownToken: fmt.Sprint("o", step)}
			if _, err := d.db.RecordReview(ctx, in, sched); err != nil && err != quiz.ErrConflict {
				t.Fatal(err)
			}
		default: // time passes: seconds to hours, through learning steps and midnight
			now = now.Add(time.Duration(rng.IntN(4*3600)) * time.Second / 4)
		}
	}
	if hits == 0 {
		t.Error("the cache never served a head")
	}
	t.Logf("%d of 400 heads served from the cache", hits)
}

// TestSessionCache checks that a cached session follows commits, deletes
// and its own expiry.
func TestSessionCache(t *testing.T) {
	storetest.SQLiteOnly(t) // the cache is off on PostgreSQL
	ctx := context.Background()
	d := newQueueDeck(t)
	s := d.db.Sessions()
	now := time.Now()
	d.db.now = func() time.Time { return now }
	find := func(want string, wantOK bool) {
		t.Helper()
		for range 2 { // the second read is served by the cache
			b, ok, err := s.FindCtx(ctx, "tok")
			if err != nil || ok != wantOK || string(b) != want {
				t.Fatalf("FindCtx = %q %v %v, want %q %v", b, ok, err, want, wantOK)
			}
		}
	}
	find("", false)
	if err := s.CommitCtx(ctx, "tok", []byte("one"), now.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	find("one", true)
	if err := s.CommitCtx(ctx, "tok", []byte("two"), now.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	find("two", true)
	now = now.Add(2 * time.Hour) // expired, though still stored
	find("", false)
	now = now.Add(-2 * time.Hour)
	if err := s.DeleteCtx(ctx, "tok"); err != nil {
		t.Fatal(err)
	}
	find("", false)
}
