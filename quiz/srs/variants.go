package srs

import (
	"time"
)

// minutesPerDay separates same-day steps from steps that schedule in days.
const minutesPerDay = 1440

// stepDelay is the ts-fsrs learning-steps strategy: the delay in minutes and
// the next step index for rating g of a card in state st at step cur. ok is
// false when the card graduates (no step applies).
func (s *Scheduler) stepDelay(st State, cur int, g Rating) (minutes, next int, ok bool) {
	steps := s.p.LearningSteps
	if st == Review || st == Relearning {
		steps = s.p.RelearningSteps
	}
	n := len(steps)
	if n == 0 || cur >= n {
		return 0, 0, false
	}
	mins := func(i int) int { return int(steps[i] / time.Minute) }
	if st == Review {
		if g != Again {
			return 0, 0, false
		}
		return mins(cur), 0, true
	}
	switch g {
	case Again:
		return mins(0), 0, true
	case Hard:
		// Always from the first two steps, whatever the current step.
		if n == 1 {
			return int(jsRound(float64(mins(0)) * 1.5)), cur, true
		}
		return int(jsRound(float64(mins(0)+mins(1)) / 2)), cur, true
	case Good:
		if cur+1 < n && mins(cur+1) != 0 {
			return mins(cur + 1), cur + 1, true
		}
	}
	return 0, 0, false
}

// applySteps schedules c, the outcome of rating g, by the (re)learning steps:
// a same-day step keeps it in state to, a step of a day or more or
// graduation makes it a Review card.
func (s *Scheduler) applySteps(c *Card, rv *review, g Rating, to State) {
	minutes, next, ok := s.stepDelay(rv.prev.State, rv.prev.Step, g)
	switch {
	case ok && minutes > 0 && minutes < minutesPerDay:
		c.State = to
		c.Step = next
		c.ScheduledDays = 0
		c.Due = rv.now.Add(time.Duration(minutes) * time.Minute)
	case ok && minutes >= minutesPerDay:
		c.State = Review
		c.Step = next
		c.ScheduledDays = minutes / minutesPerDay
		c.Due = rv.now.Add(time.Duration(minutes) * time.Minute)
	default:
		schedule(c, rv, s.interval(rv, c.Stability))
	}
}

// learning handles New, Learning and Relearning cards with short-term
// steps on. Each rating is independent of the others here: no ordering.
func (s *Scheduler) learning(rv *review) Outcomes {
	to := Learning
	if rv.prev.State == Relearning {
		to = Relearning
	}
	var o Outcomes
	for i, g := range Ratings {
		o[i] = s.outcome(rv, g)
		s.applySteps(&o[i], rv, g, to)
	}
	return o
}

// review handles Review cards with short-term steps on: Again relearns,
// Hard, Good and Easy get intervals forced into h ≤ g < e.
func (s *Scheduler) review(rv *review) Outcomes {
	var o Outcomes
	for i, g := range Ratings {
		o[i] = s.outcome(rv, g)
	}
	h := s.interval(rv, o[1].Stability)
	g := s.interval(rv, o[2].Stability)
	e := s.interval(rv, o[3].Stability)
	h = min(h, g)
	g = max(g, h+1)
	e = max(e, g+1)
	schedule(&o[1], rv, h)
	schedule(&o[2], rv, g)
	schedule(&o[3], rv, e)
	s.applySteps(&o[0], rv, Again, Relearning)
	o[0].Lapses++
	return o
}

// longTerm handles every state with short-term steps off: no same-day steps,
// all four intervals forced into a < h < g < e, every card becomes Review.
func (s *Scheduler) longTerm(rv *review) Outcomes {
	var o Outcomes
	var ivl [4]int
	for i, g := range Ratings {
		o[i] = s.outcome(rv, g)
		ivl[i] = s.interval(rv, o[i].Stability)
	}
	ivl[0] = min(ivl[0], ivl[1])
	ivl[1] = max(ivl[1], ivl[0]+1)
	ivl[2] = max(ivl[2], ivl[1]+1)
	ivl[3] = max(ivl[3], ivl[2]+1)
	for i := range o {
		schedule(&o[i], rv, ivl[i])
	}
	if rv.prev.State != New {
		o[0].Lapses++
	}
	return o
}
