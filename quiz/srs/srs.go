// Package srs schedules reviews with FSRS-6, reproducing ts-fsrs 5.4.2
// exactly (see docs/fsrs.md). Everything here is a pure function: the review
// time comes in as an argument and fuzz is seeded by the caller, so the same
// review always gives the same result.
package srs

import (
	"fmt"
	"time"
)

// Rating is the learner's answer to a card, numbered as FSRS numbers it.
type Rating int8

// The four ratings.
const (
	Again Rating = 1
	Hard  Rating = 2
	Good  Rating = 3
	Easy  Rating = 4
)

// Ratings lists the four ratings in button order.
var Ratings = [4]Rating{Again, Hard, Good, Easy}

// Valid reports whether r is one of the four ratings.
func (r Rating) Valid() bool { return r >= Again && r <= Easy }

// String returns the rating's English name.
func (r Rating) String() string {
	switch r {
	case Again:
		return "Again"
	case Hard:
		return "Hard"
	case Good:
		return "Good"
	case Easy:
		return "Easy"
	}
	return fmt.Sprintf("Rating(%d)", int(r))
}

// State is where a card is in its life, numbered as ts-fsrs numbers it (the
// values are stored in the database and review log).
type State int8

// The four card states.
const (
	New        State = 0
	Learning   State = 1
	Review     State = 2
	Relearning State = 3
)

// Valid reports whether s is one of the four states.
func (s State) Valid() bool { return s >= New && s <= Relearning }

// String returns the state's name as ts-fsrs spells it.
func (s State) String() string {
	switch s {
	case New:
		return "New"
	case Learning:
		return "Learning"
	case Review:
		return "Review"
	case Relearning:
		return "Relearning"
	}
	return fmt.Sprintf("State(%d)", int(s))
}

// ParseState is the inverse of State.String.
func ParseState(name string) (State, error) {
	for s := New; s <= Relearning; s++ {
		if s.String() == name {
			return s, nil
		}
	}
	return 0, fmt.Errorf("srs: unknown state %q", name)
}

// Card is one learner's memory of one card: everything the scheduler needs
// and returns. The zero Stability and Difficulty of a New card mean "no memory
// yet". Times are returned in UTC.
type Card struct {
	State         State
	Stability     float64 // days until retrievability falls to 90%
	Difficulty    float64 // 1 (easy) .. 10 (hard)
	Due           time.Time
	LastReview    time.Time // zero until the first review
	ScheduledDays int       // days from LastReview to Due; 0 inside (re)learning steps
	ElapsedDays   int       // calendar days between the two latest reviews (ts-fsrs elapsed_days)
	Step          int       // index into the (re)learning steps (ts-fsrs learning_steps)
	Reps          int       // reviews so far
	Lapses        int       // times a Review card was forgotten
}

// NewCard returns a card never reviewed, due at now.
func NewCard(now time.Time) Card {
	return Card{State: New, Due: now.UTC()}
}
