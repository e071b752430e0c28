package srs

import (
	"math"
	"testing"
	"time"
)

// BenchmarkNext measures the hot path: a Review card answered Good with the
// learner parameters (fuzz and short-term on).
func BenchmarkNext(b *testing.B) {
	s := mustScheduler(b, LearnerParameters())
	c := Card{State: Review, Stability: 12.5, Difficulty: 5.3, Reps: 7, LastReview: t0, Due: t0.AddDate(0, 0, 12)}
	now := t0.AddDate(0, 0, 13)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Next(c, Good, now, "card-123"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNextLearning measures a same-day learning step.
func BenchmarkNextLearning(b *testing.B) {
	s := mustScheduler(b, LearnerParameters())
	c := Card{State: Learning, Stability: 2.3065, Difficulty: 2.1, Step: 1, Reps: 1, LastReview: t0, Due: t0.Add(10 * time.Minute)}
	now := t0.Add(10 * time.Minute)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Next(c, Good, now, "card-123"); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzSchedule drives random cards through random reviews in both variants
// and checks the invariants every outcome must keep.
func FuzzSchedule(f *testing.F) {
	f.Add(0.0, 0.0, uint8(0), true, int64(0), []byte{3, 0, 3, 1, 1, 200, 4, 255})
	f.Add(36500.0, 1.0, uint8(2), false, int64(20000000000), []byte{4, 255, 4, 255, 1, 0})
	f.Add(0.5, 9.9, uint8(3), true, int64(-1000000), []byte{1, 1, 2, 2, 3, 3})
	f.Fuzz(func(t *testing.T, stab, diff float64, state uint8, short bool, start int64, ops []byte) {
		p := LearnerParameters()
		p.EnableShortTerm = short
		s := mustScheduler(t, p)
		now := time.Unix(start%(300*365*86400), 0).UTC() // around 1670..2270
		c := fuzzCard(stab, diff, State(state%4), now)
		for i := 0; i+1 < len(ops) && i < 64; i += 2 {
			now = now.Add(time.Duration(ops[i+1]) * time.Duration(ops[i+1]) * time.Duration(ops[i+1]) * time.Minute)
			r := Rating(ops[i]%4 + 1)
			next, err := s.Next(c, r, now, "fuzz")
			if err != nil {
				t.Fatalf("review %d of %+v: %v", i/2, c, err)
			}
			checkInvariants(t, c, next, now)
			c = next
		}
	})
}

// fuzzCard builds a valid card from arbitrary numbers.
func fuzzCard(stab, diff float64, st State, now time.Time) Card {
	c := NewCard(now)
	if st == New {
		return c
	}
	if math.IsNaN(stab) || math.IsInf(stab, 0) {
		stab = 1
	}
	if math.IsNaN(diff) || math.IsInf(diff, 0) {
		diff = 5
	}
	c.State = st
	c.Stability = clamp(math.Abs(stab), MinStability, MaxStability)
	c.Difficulty = clamp(diff, MinDifficulty, MaxDifficulty)
	c.LastReview = now.Add(-time.Duration(int(c.Stability)%1000) * 24 * time.Hour)
	c.Reps = 3
	return c
}

func checkInvariants(t *testing.T, before, after Card, now time.Time) {
	t.Helper()
	switch {
	case math.IsNaN(after.Stability) || math.IsNaN(after.Difficulty):
		t.Fatalf("NaN after %+v: %+v", before, after)
	case after.Stability < MinStability || after.Stability > MaxStability:
		t.Fatalf("stability %v out of range after %+v", after.Stability, before)
	case after.Difficulty < MinDifficulty || after.Difficulty > MaxDifficulty:
		t.Fatalf("difficulty %v out of range after %+v", after.Difficulty, before)
	case !after.Due.After(now):
		t.Fatalf("due %v not after review %v: %+v -> %+v", after.Due, now, before, after)
	case !after.State.Valid() || after.State == New:
		t.Fatalf("state %v after review", after.State)
	case after.Reps != before.Reps+1 || after.Lapses < before.Lapses || !after.LastReview.Equal(now):
		t.Fatalf("bookkeeping: %+v -> %+v", before, after)
	case after.ScheduledDays < 0 || after.ElapsedDays < 0 || after.Step < 0:
		t.Fatalf("negative counts: %+v", after)
	}
}
