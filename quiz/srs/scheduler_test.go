package srs

import (
	"math"
	"strings"
	"testing"
	"time"
)

var t0 = time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)

func mustScheduler(t testing.TB, p Parameters) *Scheduler {
	t.Helper()
	s, err := NewScheduler(p)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func mustPreview(t testing.TB, s *Scheduler, c Card, now time.Time) Outcomes {
	t.Helper()
	o, err := s.Preview(c, now, "card-1")
	if err != nil {
		t.Fatal(err)
	}
	return o
}

func TestDerivedConstants(t *testing.T) {
	m := newModel(DefaultParameters())
	if m.factor != 0.98034649 || m.im != 1 || m.decay != -0.1542 {
		t.Errorf("factor, im, decay = %v, %v, %v; want 0.98034649, 1, -0.1542", m.factor, m.im, m.decay)
	}
	want := [4]float64{6.4133, 5.11217071, 2.11810397, -4.7716307}
	for i, g := range Ratings {
		if got := m.initDifficulty(g); math.Abs(got-want[i]) > 1e-12 {
			t.Errorf("D0(%v) = %v, want %v", g, got, want[i])
		}
	}
}

func TestJSRound(t *testing.T) {
	for _, tc := range []struct{ in, want float64 }{
		{0.5, 1}, {1.5, 2}, {2.5, 3}, {-0.5, 0}, {-1.5, -1}, {-2.5, -2},
		{0.49999999999999994, 0}, {-0.49999999999999994, 0}, {3.7, 4}, {-3.7, -4},
	} {
		if got := jsRound(tc.in); got != tc.want {
			t.Errorf("jsRound(%v) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// step describes an expected outcome: state, delay from the review, step index.
type step struct {
	state State
	delay time.Duration
	index int
}

func expectSteps(t *testing.T, o Outcomes, want [4]step) {
	t.Helper()
	for i, w := range want {
		got := o[i]
		if got.State != w.state || got.Due.Sub(got.LastReview) != w.delay || got.Step != w.index {
			t.Errorf("%v: got %v after %v at step %d, want %v after %v at step %d",
				Ratings[i], got.State, got.Due.Sub(got.LastReview), got.Step, w.state, w.delay, w.index)
		}
	}
}

func TestShortTermSteps(t *testing.T) {
	s := mustScheduler(t, DefaultParameters())
	day := 24 * time.Hour
	newCard := mustPreview(t, s, NewCard(t0), t0)
	expectSteps(t, newCard, [4]step{
		{Learning, time.Minute, 0}, {Learning, 6 * time.Minute, 0},
		{Learning, 10 * time.Minute, 1}, {Review, 8 * day, 0},
	})
	learning := newCard.For(Good)
	at := learning.Due
	expectSteps(t, mustPreview(t, s, learning, at), [4]step{
		{Learning, time.Minute, 0}, {Learning, 6 * time.Minute, 1},
		{Review, 2 * day, 0}, {Review, 4 * day, 0}, // S_short(2.3065, Easy) = 3.94
	})
	review := mustPreview(t, s, learning, at).For(Good)
	lapse := mustPreview(t, s, review, review.Due).For(Again)
	if lapse.State != Relearning || lapse.Lapses != 1 || lapse.Due.Sub(lapse.LastReview) != 10*time.Minute {
		t.Fatalf("lapse = %+v, want Relearning in 10m with 1 lapse", lapse)
	}
	o := mustPreview(t, s, lapse, lapse.Due)
	if o[0].Due.Sub(o[0].LastReview) != 10*time.Minute || o[1].Due.Sub(o[1].LastReview) != 15*time.Minute {
		t.Errorf("relearning Again, Hard = %v, %v; want 10m, 15m", o[0].Due.Sub(o[0].LastReview), o[1].Due.Sub(o[1].LastReview))
	}
	if o[2].State != Review || o[3].State != Review || o[0].Lapses != 1 {
		t.Errorf("relearning Good/Easy should graduate without another lapse: %+v", o)
	}
}

func TestLongTermNewCard(t *testing.T) {
	p := DefaultParameters()
	p.EnableShortTerm = false
	o := mustPreview(t, mustScheduler(t, p), NewCard(t0), t0)
	for i, want := range []int{1, 2, 3, 8} {
		if o[i].ScheduledDays != want || o[i].State != Review || o[i].Lapses != 0 {
			t.Errorf("%v: %d days in %v with %d lapses, want %d days in Review, 0 lapses",
				Ratings[i], o[i].ScheduledDays, o[i].State, o[i].Lapses, want)
		}
	}
}

func TestCalendarDays(t *testing.T) {
	s := mustScheduler(t, DefaultParameters())
	for _, tc := range []struct {
		last, now time.Time
		want      int
	}{
		{time.Date(2026, 3, 1, 23, 59, 0, 0, time.UTC), time.Date(2026, 3, 2, 0, 5, 0, 0, time.UTC), 1},
		{time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC), time.Date(2026, 3, 2, 8, 59, 0, 0, time.UTC), 1},
		{time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 3, 1, 23, 59, 0, 0, time.UTC), 0},
		{time.Date(1969, 12, 31, 23, 0, 0, 0, time.UTC), time.Date(1970, 1, 1, 1, 0, 0, 0, time.UTC), 1},
		// Calendar days are UTC days, whatever the location of the times.
		{time.Date(2026, 3, 1, 20, 0, 0, 0, time.FixedZone("X", -5*3600)), time.Date(2026, 3, 2, 0, 30, 0, 0, time.UTC), 0},
		// A review dated before the previous one counts as the same day.
		{time.Date(2026, 3, 5, 9, 0, 0, 0, time.UTC), time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC), 0},
	} {
		c := Card{State: Review, Stability: 5, Difficulty: 5, LastReview: tc.last, Due: tc.last}
		got, err := s.Next(c, Good, tc.now, "")
		if err != nil {
			t.Fatal(err)
		}
		if got.ElapsedDays != tc.want {
			t.Errorf("%v -> %v: elapsed %d days, want %d", tc.last, tc.now, got.ElapsedDays, tc.want)
		}
	}
}

func TestFarFuture(t *testing.T) {
	s := mustScheduler(t, DefaultParameters())
	now := time.Date(9000, 6, 1, 12, 0, 0, 0, time.UTC)
	c := Card{State: Review, Stability: MaxStability, Difficulty: 1, LastReview: now.AddDate(-100, 0, 0), Due: now}
	got, err := s.Next(c, Easy, now, "")
	if err != nil {
		t.Fatal(err)
	}
	if d := got.Due.Unix() - now.Unix(); d != int64(got.ScheduledDays)*86400 || got.ScheduledDays < 36500 {
		t.Errorf("due %v is %d s after review, scheduled %d days", got.Due, d, got.ScheduledDays)
	}
	if r := s.Retrievability(got, got.Due.AddDate(1500, 0, 0)); !(r > 0 && r < 0.9) {
		t.Errorf("retrievability 1500 years later = %v", r)
	}
}

func TestRetrievability(t *testing.T) {
	s := mustScheduler(t, DefaultParameters())
	if r := s.Retrievability(NewCard(t0), t0.AddDate(1, 0, 0)); r != 0 {
		t.Errorf("new card: %v, want 0", r)
	}
	c := Card{State: Review, Stability: 10, Difficulty: 5, LastReview: t0}
	for _, tc := range []struct {
		at   time.Time
		want float64
	}{
		{t0.Add(-time.Hour), 1}, // before the review: clamped to 0 days
		{t0.Add(23 * time.Hour), 1},
		{t0.Add(24 * time.Hour), s.m.forgettingCurve(1, 10)},
		{t0.Add(10 * 24 * time.Hour), 0.9},
	} {
		if got := s.Retrievability(c, tc.at); math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("at %v: %v, want %v", tc.at, got, tc.want)
		}
	}
}

func TestNextRejectsBadInput(t *testing.T) {
	s := mustScheduler(t, DefaultParameters())
	for name, tc := range map[string]struct {
		c Card
		r Rating
	}{
		"rating 0":       {NewCard(t0), 0},
		"rating 5":       {NewCard(t0), 5},
		"state 7":        {Card{State: 7}, Good},
		"NaN stability":  {Card{State: Review, Stability: math.NaN(), Difficulty: 5}, Good},
		"difficulty 11":  {Card{State: Review, Stability: 3, Difficulty: 11}, Good},
		"negative steps": {Card{State: Learning, Step: -1}, Good},
	} {
		if _, err := s.Next(tc.c, tc.r, t0, ""); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	p := DefaultParameters()
	p.RequestRetention = 1
	if _, err := NewScheduler(p); err == nil {
		t.Error("retention 1 accepted")
	}
}

// TestVectorsCanFail proves the harness reports a wrong replay with the
// case, the review and the field.
func TestVectorsCanFail(t *testing.T) {
	vf := loadVectors(t, "testdata/vectors_short.jsonl")
	s := mustScheduler(t, vf.params)
	c := vf.cases[0]
	c.Expected = append([]vecCard(nil), c.Expected...)
	c.Expected[2].Stability += 1e-7
	c.Expected[3].Due = "2030-01-01T00:00:00.000Z"
	c.Expected[4].Lapses = 9
	r := 0.5
	c.Retrievability = append([]vecProbe{{At: c.Expected[len(c.Expected)-1].Due, R: &r}}, c.Retrievability...)
	bad, _ := replayCase(t, s, c)
	got := strings.Join(bad, "\n")
	for _, want := range []string{
		"case 0 (all_good_on_time) review 2: stability",
		"case 0 (all_good_on_time) review 3: due",
		"case 0 (all_good_on_time) review 4: lapses: got 0, want 9",
		"case 0 (all_good_on_time) probe 0: r",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("mismatches do not report %q:\n%s", want, got)
		}
	}
	if len(bad) != 4 {
		t.Errorf("%d mismatches, want 4:\n%s", len(bad), got)
	}
}
