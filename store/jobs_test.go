package store_test

import (
	"context"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestClaimJobOncePerPeriod: a periodic job is claimed by one caller per
// period, however many servers try, and again once the period is over.
func TestClaimJobOncePerPeriod(t *testing.T) {
	db := mustOpenDB(t, filepath.Join(t.TempDir(), "j.db"))
	ctx := context.Background()
	now := time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)
	db.SetClock(func() time.Time { return now })
	claim := func() bool {
		ok, err := db.ClaimJob(ctx, "cleanup", time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}
	if !claim() {
		t.Fatal("first claim refused")
	}
	now = now.Add(30 * time.Minute)
	if claim() {
		t.Error("claimed again 30 minutes into an hourly period")
	}
	now = now.Add(25 * time.Minute)
	const n = 8
	var won atomic.Int32
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			if claim() {
				won.Add(1)
			}
		})
	}
	wg.Wait()
	if won.Load() != 1 {
		t.Errorf("%d of %d concurrent claims won after the period, want 1", won.Load(), n)
	}
}

func TestJobDone(t *testing.T) {
	db := mustOpenDB(t, filepath.Join(t.TempDir(), "j.db"))
	ctx := context.Background()
	if done, err := db.JobDone(ctx, "decks", "k1"); err != nil || done {
		t.Fatalf("JobDone before any run = %v, %v", done, err)
	}
	if err := db.FinishJob(ctx, "decks", "k1"); err != nil {
		t.Fatal(err)
	}
	if done, _ := db.JobDone(ctx, "decks", "k1"); !done {
		t.Error("job finished with k1 not reported done")
	}
	if done, _ := db.JobDone(ctx, "decks", "k2"); done {
		t.Error("job reported done for a key it never finished")
	}
}

// TestExclusive: on PostgreSQL, start-up work guarded by Exclusive never
// overlaps between two handles on one database (two app servers).
func TestExclusive(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.db")
	a, b := mustOpenDB(t, path), mustOpenDB(t, path)
	var inside, overlaps, runs atomic.Int32
	work := func() error {
		if inside.Add(1) > 1 {
			overlaps.Add(1)
		}
		time.Sleep(50 * time.Millisecond)
		inside.Add(-1)
		runs.Add(1)
		return nil
	}
	var wg sync.WaitGroup
	for _, db := range []interface {
		Exclusive(context.Context, string, func() error) error
	}{a, b, a, b} {
		wg.Go(func() {
			if err := db.Exclusive(context.Background(), "seed", work); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if runs.Load() != 4 {
		t.Errorf("%d runs, want 4", runs.Load())
	}
	if a.Postgres() && overlaps.Load() > 0 {
		t.Errorf("%d overlapping runs on PostgreSQL, want none", overlaps.Load())
	}
}
