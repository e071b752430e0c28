package srs

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
	"time"
)

func TestFuzzRangeReference(t *testing.T) {
	// Values worked out by hand from the reference formula.
	for _, tc := range []struct{ ivl, elapsed, lo, hi int }{
		{3, 0, 2, 4},             // delta 1.075
		{8, 0, 6, 10},            // delta 1.775
		{8, 7, 8, 10},            // lo raised to elapsed+1
		{8, 20, 6, 10},           // ivl <= elapsed: no raise
		{30, 0, 27, 33},          // delta 1+0.675+1.3+0.5 = 3.475
		{100, 0, 93, 107},        // delta 6.975
		{36500, 0, 34673, 36500}, // delta 1826.975
	} {
		lo, hi := FuzzRange(tc.ivl, tc.elapsed, 36500)
		if lo != tc.lo || hi != tc.hi {
			t.Errorf("FuzzRange(%d, %d) = [%d, %d], want [%d, %d]", tc.ivl, tc.elapsed, lo, hi, tc.lo, tc.hi)
		}
	}
}

// TestFuzzIntervalCoversRange checks that every draw lands inside the range
// and every day of the range can be drawn.
func TestFuzzIntervalCoversRange(t *testing.T) {
	for ivl := 1; ivl <= 400; ivl++ {
		for _, elapsed := range []int{0, 1, ivl / 2, ivl, ivl + 3} {
			seen := map[int]bool{}
			for i := 0; i < 2000; i++ {
				u := float64(i) / 2000
				got := fuzzInterval(ivl, elapsed, 36500, u)
				if ivl < 3 {
					if got != ivl {
						t.Fatalf("ivl %d fuzzed to %d", ivl, got)
					}
					continue
				}
				lo, hi := FuzzRange(ivl, elapsed, 36500)
				if got < lo || got > hi {
					t.Fatalf("fuzzInterval(%d, %d, u=%v) = %d outside [%d, %d]", ivl, elapsed, u, got, lo, hi)
				}
				seen[got] = true
			}
			if lo, hi := FuzzRange(ivl, elapsed, 36500); ivl >= 3 && len(seen) != hi-lo+1 {
				t.Errorf("ivl %d elapsed %d: drew %d of %d days", ivl, elapsed, len(seen), hi-lo+1)
			}
		}
	}
}

func TestFuzzDeterministic(t *testing.T) {
	s := mustScheduler(t, LearnerParameters())
	c := Card{State: Review, Stability: 40, Difficulty: 5, Reps: 6, LastReview: t0, Due: t0.AddDate(0, 0, 40)}
	now := t0.AddDate(0, 0, 40)
	a, err1 := s.Next(c, Good, now, "card-42")
	b, err2 := s.Next(c, Good, now, "card-42")
	if err1 != nil || err2 != nil || a != b {
		t.Fatalf("same review twice: %+v (%v) and %+v (%v)", a, err1, b, err2)
	}
	days := map[int]bool{}
	for i := 0; i < 100; i++ {
		got, _ := s.Next(c, Good, now, fmt.Sprintf("card-%d", i))
		days[got.ScheduledDays] = true
	}
	if len(days) < 3 {
		t.Errorf("100 cards got only %d different intervals: fuzz is not spreading them", len(days))
	}
	var sum float64
	for i := 0; i < 10000; i++ {
		sum += fuzzDraw("card", i)
	}
	if mean := sum / 10000; math.Abs(mean-0.5) > 0.02 {
		t.Errorf("mean draw %v, want about 0.5", mean)
	}
}

// TestFuzzedIntervalsInRange replays many random cards with fuzz on and
// checks each outcome against the reference range of its own stability,
// allowing only the moves the h ≤ g < e ordering makes.
func TestFuzzedIntervalsInRange(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, short := range []bool{true, false} {
		p := LearnerParameters()
		p.EnableShortTerm = short
		s := mustScheduler(t, p)
		for n := 0; n < 3000; n++ {
			last := t0.Add(time.Duration(rng.IntN(1000*24)) * time.Hour)
			c := Card{State: Review, Stability: math.Exp(rng.Float64()*10 - 3), Difficulty: 1 + 9*rng.Float64(),
				Reps: rng.IntN(20), LastReview: last}
			c.Stability = math.Min(c.Stability, MaxStability)
			now := last.Add(time.Duration(rng.IntN(500*24)) * time.Hour)
			o, err := s.Preview(c, now, fmt.Sprint(n))
			if err != nil {
				t.Fatal(err)
			}
			checkFuzzedOutcomes(t, s, o, short)
		}
	}
}

func checkFuzzedOutcomes(t *testing.T, s *Scheduler, o Outcomes, short bool) {
	t.Helper()
	first := 1 // Again relearns with short-term steps on
	if !short {
		first = 0
	}
	prev := -1
	for i := first; i < 4; i++ {
		c := o[i]
		base := s.m.interval(c.Stability, s.p.MaximumInterval)
		lo, hi := base, base
		if base >= 3 {
			lo, hi = FuzzRange(base, c.ElapsedDays, s.p.MaximumInterval)
		}
		got := c.ScheduledDays
		ordered := i > first && got == prev+1 // pushed up past the rating below
		pulled := i == first && got <= lo     // pulled down to the rating above
		if (got < lo || got > hi) && !ordered && !pulled {
			t.Fatalf("%v: %d days outside [%d, %d] for S=%v (t=%d)", Ratings[i], got, lo, hi, c.Stability, c.ElapsedDays)
		}
		if i > first && got <= prev {
			t.Fatalf("%v: %d days not after %d", Ratings[i], got, prev)
		}
		prev = got
	}
}
