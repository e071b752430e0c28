package srs

import (
	"errors"
	"fmt"
	"time"
)

// Scheduler applies FSRS-6 with fixed Parameters. It is immutable and safe
// for concurrent use; build one per parameter set and reuse it.
type Scheduler struct {
	p Parameters
	m model
}

// NewScheduler validates p and derives the constants the formulas need.
func NewScheduler(p Parameters) (*Scheduler, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	p.LearningSteps = append([]time.Duration(nil), p.LearningSteps...)
	p.RelearningSteps = append([]time.Duration(nil), p.RelearningSteps...)
	return &Scheduler{p: p, m: newModel(p)}, nil
}

// Parameters returns the parameters the scheduler was built with.
func (s *Scheduler) Parameters() Parameters {
	p := s.p
	p.LearningSteps = append([]time.Duration(nil), p.LearningSteps...)
	p.RelearningSteps = append([]time.Duration(nil), p.RelearningSteps...)
	return p
}

// Outcomes are the four possible next states of a card, indexed by Rating-1.
type Outcomes [4]Card

// For returns the outcome of rating r, which must be valid (see Rating.Valid).
func (o Outcomes) For(r Rating) Card { return o[r-1] }

// ErrRating is returned for a rating other than Again, Hard, Good or Easy.
var ErrRating = errors.New("srs: rating must be 1 (Again) to 4 (Easy)")

// Next returns the card after the learner rates it r at time now. seed
// identifies the card (its id is a good seed): with fuzz on, the same card,
// repetition and seed always get the same interval.
func (s *Scheduler) Next(c Card, r Rating, now time.Time, seed string) (Card, error) {
	if !r.Valid() {
		return Card{}, ErrRating
	}
	o, err := s.Preview(c, now, seed)
	if err != nil {
		return Card{}, err
	}
	return o[r-1], nil
}

// Preview returns what each rating would do to c at time now, for the answer
// buttons; Next(c, r, now, seed) equals Preview(c, now, seed).For(r).
//
// All four are computed together because in the Review state the Hard, Good
// and Easy intervals are forced apart (h ≤ g < e), so each depends on the others.
func (s *Scheduler) Preview(c Card, now time.Time, seed string) (Outcomes, error) {
	if err := checkCard(c); err != nil {
		return Outcomes{}, err
	}
	rv := s.begin(c, now, seed)
	switch {
	case !s.p.EnableShortTerm:
		return s.longTerm(&rv), nil
	case c.State == Review:
		return s.review(&rv), nil
	default:
		return s.learning(&rv), nil
	}
}

// checkCard rejects memory states the formulas would turn into NaN.
func checkCard(c Card) error {
	switch {
	case !c.State.Valid():
		return fmt.Errorf("srs: invalid card state %d", c.State)
	case c.Step < 0 || c.Reps < 0 || c.Lapses < 0:
		return errors.New("srs: negative step, reps or lapses")
	case c.State == New || (c.Stability == 0 && c.Difficulty == 0):
		return nil
	case !(c.Stability >= MinStability && c.Stability <= MaxStability):
		return fmt.Errorf("srs: stability %v outside [%v, %v]", c.Stability, MinStability, MaxStability)
	case !(c.Difficulty >= MinDifficulty && c.Difficulty <= MaxDifficulty):
		return fmt.Errorf("srs: difficulty %v outside [%v, %v]", c.Difficulty, MinDifficulty, MaxDifficulty)
	}
	return nil
}

// review is one review in progress.
type review struct {
	prev Card      // the card as it was shown
	base Card      // prev with the bookkeeping every outcome shares
	now  time.Time // UTC
	t    int       // calendar days since the previous review
	u    float64   // fuzz draw
}

func (s *Scheduler) begin(c Card, now time.Time, seed string) review {
	now = now.UTC()
	rv := review{prev: c, now: now}
	if c.State != New && !c.LastReview.IsZero() {
		// A review dated before the previous one counts as the same day.
		rv.t = max(0, unixDay(now)-unixDay(c.LastReview))
	}
	rv.base = c
	rv.base.Reps++
	rv.base.LastReview = now
	rv.base.ElapsedDays = rv.t
	if s.p.EnableFuzz {
		rv.u = fuzzDraw(seed, rv.base.Reps)
	}
	return rv
}

// memoryAfter is the memory after rating g, or the initial memory of a New card.
func (s *Scheduler) memoryAfter(rv *review, g Rating) memory {
	c := rv.prev
	if c.State == New {
		return s.m.nextMemory(memory{}, 0, 0, g)
	}
	mem := memory{d: c.Difficulty, s: c.Stability}
	var r float64
	if mem.s > 0 {
		r = s.m.forgettingCurve(float64(rv.t), mem.s)
	}
	return s.m.nextMemory(mem, float64(rv.t), r, g)
}

// outcome is base with the memory after rating g.
func (s *Scheduler) outcome(rv *review, g Rating) Card {
	c := rv.base
	mem := s.memoryAfter(rv, g)
	c.Difficulty, c.Stability = mem.d, mem.s
	return c
}

// interval is the fuzzed interval in days for stability stab.
func (s *Scheduler) interval(rv *review, stab float64) int {
	ivl := s.m.interval(stab, s.p.MaximumInterval)
	if s.p.EnableFuzz {
		ivl = fuzzInterval(ivl, rv.t, s.p.MaximumInterval, rv.u)
	}
	return ivl
}

// schedule makes c a Review card due ivl days after the review.
func schedule(c *Card, rv *review, ivl int) {
	c.State = Review
	c.Step = 0
	c.ScheduledDays = ivl
	c.Due = addDays(rv.now, ivl)
}

// unixDay is the number of the UTC calendar day t falls on.
func unixDay(t time.Time) int {
	return int(floorDiv(t.Unix(), 86400))
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// addDays adds whole 24-hour days without time.Duration, which overflows
// after about 292 years.
func addDays(t time.Time, days int) time.Time {
	return time.Unix(t.Unix()+int64(days)*86400, int64(t.Nanosecond())).UTC()
}

// Retrievability is the probability that the learner recalls c at time now,
// for progress displays: 0 for a New card, otherwise the forgetting curve at
// the number of whole 24-hour periods since the last review (ts-fsrs
// get_retrievability; the scheduler itself counts calendar days).
func (s *Scheduler) Retrievability(c Card, now time.Time) float64 {
	if c.State == New || !(c.Stability > 0) || c.LastReview.IsZero() {
		return 0
	}
	days := max(0, floorDiv(now.UnixMilli()-c.LastReview.UnixMilli(), 86400000))
	return s.m.forgettingCurve(float64(days), c.Stability)
}
