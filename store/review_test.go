package store_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/factdeck/factdeck/quiz"
	"github.com/factdeck/factdeck/quiz/srs"
	"github.com/factdeck/factdeck/store"
)

var t0 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

func mustScheduler(t testing.TB) *srs.Scheduler {
	t.Helper()
	s, err := srs.NewScheduler(srs.DefaultSettings().Parameters())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// deck is a database with one document of cards and one learner.
type deck struct {
	db      *store.DB
	doc     quiz.Document
	learner int64
	sched   *srs.Scheduler
}

func newDeck(t *testing.T, names ...string) deck {
	t.Helper()
	db := mustOpenDB(t, filepath.Join(t.TempDir(), "r.db"))
	doc := mustImport(t, db, "s", "text")
	mustSaveCards(t, db, doc.ID, makeCards("s", names...))
	learner, err := db.CreateLearner(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return deck{db: db, doc: doc, learner: learner, sched: mustScheduler(t)}
}

func (d deck) input(card, token string, r srs.Rating, at time.Time) store.ReviewInput {
	return store.ReviewInput{LearnerID: d.learner, CardID: card, DocID: d.doc.ID, Rating: r,
		ReviewedAt: at, Duration: 1500 * time.Millisecond, ShownToken: token}
}

func (d deck) countReviews(t *testing.T) int {
	t.Helper()
	rs, err := d.db.Reviews(context.Background(), d.learner, time.Time{}, t0.AddDate(10, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	return len(rs)
}

func TestRecordReview(t *testing.T) {
	d := newDeck(t, "a")
	ctx := context.Background()
	r, err := d.db.RecordReview(ctx, d.input("s-a", "tok1", srs.Good, t0), d.sched)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := d.sched.Next(srs.NewCard(t0), srs.Good, t0, "s-a")
	if r.Replayed || r.ID == 0 || !reflect.DeepEqual(r.After, want) || r.Before.State != srs.New {
		t.Fatalf("RecordReview = %+v; want After %+v", r, want)
	}
	st, err := d.db.CardState(ctx, d.learner, "s-a")
	if err != nil || !reflect.DeepEqual(st, want) {
		t.Errorf("CardState = %+v, %v; want %+v", st, err, want)
	}
	got, err := d.db.Review(ctx, d.learner, r.ID)
	if err != nil || !reflect.DeepEqual(got, r) {
		t.Errorf("Review(%d) =\n %+v, %v\nwant %+v", r.ID, got, err, r)
	}
	bad := []store.ReviewInput{
		d.input("s-a", "", srs.Good, t0),
		d.input("s-a", "t", 7, t0),
		d.input("", "t", srs.Good, t0),
	}
	for _, in := range bad {
		var ve *quiz.ValidationError
		if _, err := d.db.RecordReview(ctx, in, d.sched); !errors.As(err, &ve) {
			t.Errorf("RecordReview(%+v) err = %v, want a ValidationError", in, err)
		}
	}
	if _, err := d.db.RecordReview(ctx, d.input("s-zz", "t", srs.Good, t0), d.sched); !errors.Is(err, quiz.ErrNotFound) {
		t.Errorf("unknown card: err = %v, want ErrNotFound", err)
	}
}

// TestRecordReviewAtomic makes one half of a review fail with a trigger and
// checks that the other half is not there either.
func TestRecordReviewAtomic(t *testing.T) {
	for _, table := range []string{"reviews", "card_states"} {
		t.Run(table, func(t *testing.T) {
			d := newDeck(t, "a", "boom")
			ctx := context.Background()
			driver, trigger := "sqlite", `CREATE TRIGGER fail_%[1]s BEFORE INSERT ON %[1]s
				WHEN NEW.card_id = 's-boom' BEGIN SELECT RAISE(ABORT, 'injected failure'); END`
			if d.db.Postgres() {
				driver, trigger = "pgx", `CREATE FUNCTION fail_%[1]s() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN IF NEW.card_id = 's-boom' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$;
				CREATE TRIGGER fail_%[1]s BEFORE INSERT ON %[1]s FOR EACH ROW EXECUTE FUNCTION fail_%[1]s()`
			}
			raw, err := sql.Open(driver, d.db.Path())
			if err != nil {
				t.Fatal(err)
			}
			defer raw.Close()
			if _, err := raw.Exec(fmt.Sprintf(trigger, table)); err != nil {
				t.Fatal(err)
			}
			if _, err := d.db.RecordReview(ctx, d.input("s-boom", "t", srs.Good, t0), d.sched); err == nil {
				t.Fatal("RecordReview succeeded despite the failing trigger")
			}
			if n := d.countReviews(t); n != 0 {
				t.Errorf("%d review rows after a failed review, want 0", n)
			}
			if st, _ := d.db.CardState(ctx, d.learner, "s-boom"); st.State != srs.New || st.Reps != 0 {
				t.Errorf("card state after a failed review: %+v, want New", st)
			}
			// The database still works for other cards.
			if _, err := d.db.RecordReview(ctx, d.input("s-a", "t", srs.Good, t0), d.sched); err != nil {
				t.Fatal(err)
			}
			if n := d.countReviews(t); n != 1 {
				t.Errorf("%d review rows, want 1", n)
			}
		})
	}
}

func TestDoubleSubmit(t *testing.T) {
	d := newDeck(t, "a")
	ctx := context.Background()
	first, err := d.db.RecordReview(ctx, d.input("s-a", "tok", srs.Good, t0), d.sched)
	if err != nil {
		t.Fatal(err)
	}
	// The resubmit arrives later with another rating: still the same answer.
	again, err := d.db.RecordReview(ctx, d.input("s-a", "tok", srs.Again, t0.Add(time.Second)), d.sched)
	if err != nil {
		t.Fatal(err)
	}
	first.Replayed = true
	if !reflect.DeepEqual(again, first) {
		t.Errorf("double submit returned\n %+v\nwant %+v", again, first)
	}
	if n := d.countReviews(t); n != 1 {
		t.Errorf("%d review rows, want 1", n)
	}
	if st, _ := d.db.CardState(ctx, d.learner, "s-a"); st.Reps != 1 {
		t.Errorf("reps = %d after a double submit, want 1", st.Reps)
	}
}

func TestDoubleSubmitConcurrent(t *testing.T) {
	d := newDeck(t, "a")
	ctx := context.Background()
	const n = 20
	results := make([]store.Review, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			results[i], errs[i] = d.db.RecordReview(ctx, d.input("s-a", "same", srs.Good, t0), d.sched)
		}()
	}
	close(start)
	wg.Wait()
	fresh := 0
	for i := range n {
		if errs[i] != nil {
			t.Fatalf("submit %d: %v", i, errs[i])
		}
		if results[i].ID != results[0].ID {
			t.Errorf("submit %d got review %d, submit 0 got %d", i, results[i].ID, results[0].ID)
		}
		if !results[i].Replayed {
			fresh++
		}
	}
	if fresh != 1 {
		t.Errorf("%d submits recorded a review, want exactly 1", fresh)
	}
	if got := d.countReviews(t); got != 1 {
		t.Errorf("%d review rows, want 1", got)
	}
	if st, _ := d.db.CardState(ctx, d.learner, "s-a"); st.Reps != 1 {
		t.Errorf("reps = %d, want 1", st.Reps)
	}
}

func TestUndoReview(t *testing.T) {
	d := newDeck(t, "a")
	ctx := context.Background()
	r1, err := d.db.RecordReview(ctx, d.input("s-a", "1", srs.Good, t0), d.sched)
	if err != nil {
		t.Fatal(err)
	}
	r2, err := d.db.RecordReview(ctx, d.input("s-a", "2", srs.Again, t0.Add(time.Hour)), d.sched)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.db.UndoReview(ctx, d.learner, r1.ID); !errors.Is(err, quiz.ErrConflict) {
		t.Errorf("undo of an older review: err = %v, want ErrConflict", err)
	}
	if _, err := d.db.UndoReview(ctx, d.learner+1, r2.ID); !errors.Is(err, quiz.ErrNotFound) {
		t.Errorf("undo of another learner's review: err = %v, want ErrNotFound", err)
	}
	if _, err := d.db.UndoReview(ctx, d.learner, r2.ID); err != nil {
		t.Fatal(err)
	}
	if st, _ := d.db.CardState(ctx, d.learner, "s-a"); !reflect.DeepEqual(st, r1.After) {
		t.Errorf("after undo: %+v, want the state after review 1 %+v", st, r1.After)
	}
	if _, err := d.db.UndoReview(ctx, d.learner, r1.ID); err != nil {
		t.Fatal(err)
	}
	if st, _ := d.db.CardState(ctx, d.learner, "s-a"); st.State != srs.New || st.Reps != 0 {
		t.Errorf("after undoing everything: %+v, want New", st)
	}
	if n := d.countReviews(t); n != 0 {
		t.Errorf("%d review rows left, want 0", n)
	}
	// The same token can be answered again once its review was undone.
	if r, err := d.db.RecordReview(ctx, d.input("s-a", "1", srs.Easy, t0), d.sched); err != nil || r.Replayed {
		t.Errorf("re-answer after undo: %+v, %v", r, err)
	}
}

func TestReviewsRange(t *testing.T) {
	d := newDeck(t, "a", "b")
	ctx := context.Background()
	for i, at := range []time.Time{t0, t0.Add(time.Hour), t0.Add(48 * time.Hour)} {
		card := []string{"s-a", "s-b", "s-a"}[i]
		if _, err := d.db.RecordReview(ctx, d.input(card, fmt.Sprint(i), srs.Good, at), d.sched); err != nil {
			t.Fatal(err)
		}
	}
	rs, err := d.db.Reviews(ctx, d.learner, t0, t0.Add(24*time.Hour))
	if err != nil || len(rs) != 2 || rs[0].CardID != "s-a" || rs[1].CardID != "s-b" {
		t.Fatalf("Reviews = %+v, %v", rs, err)
	}
	if rs[0].Duration != 1500*time.Millisecond || rs[0].Rating != srs.Good {
		t.Errorf("review fields: %+v", rs[0])
	}
}

func TestLearnerSettings(t *testing.T) {
	d := newDeck(t)
	ctx := context.Background()
	got, err := d.db.LearnerSettings(ctx, d.learner)
	if err != nil || !reflect.DeepEqual(got, srs.DefaultSettings()) {
		t.Fatalf("new learner settings = %+v, %v; want defaults", got, err)
	}
	s := srs.DefaultSettings()
	s.DesiredRetention, s.NewPerDay, s.TimeZone = 0.85, 5, "Europe/Paris"
	s.LearningSteps, s.RelearningSteps = []time.Duration{5 * time.Minute, time.Hour, 24 * time.Hour}, nil
	if err := d.db.UpdateLearnerSettings(ctx, d.learner, s); err != nil {
		t.Fatal(err)
	}
	if got, err := d.db.LearnerSettings(ctx, d.learner); err != nil || !reflect.DeepEqual(got, s) {
		t.Errorf("settings round trip = %+v, %v; want %+v", got, err, s)
	}
	bad := s
	bad.DesiredRetention = 0.5
	var ve *quiz.ValidationError
	if err := d.db.UpdateLearnerSettings(ctx, d.learner, bad); !errors.As(err, &ve) {
		t.Errorf("invalid settings: err = %v, want a ValidationError", err)
	}
	if got, _ := d.db.LearnerSettings(ctx, d.learner); got.DesiredRetention != 0.85 {
		t.Errorf("invalid settings were written: retention %v", got.DesiredRetention)
	}
}
