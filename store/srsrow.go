package store

import (
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/factdeck/factdeck/quiz/srs"
)

// srsFields are the columns that hold an srs.Card, in the order srsArgs
// writes them and srsRow reads them. card_states uses them bare, the review
// log with a before_ and an after_ prefix.
var srsFields = []string{"state", "stability", "difficulty", "due", "last_review",
	"scheduled_days", "elapsed_days", "step", "reps", "lapses"}

// srsColumns lists srsFields with a prefix, comma separated.
func srsColumns(prefix string) string {
	cols := make([]string, len(srsFields))
	for i, f := range srsFields {
		cols[i] = prefix + f
	}
	return strings.Join(cols, ", ")
}

// placeholders returns "$from, $from+1, …" for n parameters.
func placeholders(from, n int) string {
	ps := make([]string, n)
	for i := range ps {
		ps[i] = fmt.Sprintf("$%d", from+i)
	}
	return strings.Join(ps, ", ")
}

// srsArgs are the column values of c. A zero LastReview is NULL.
func srsArgs(c srs.Card) []any {
	var last any
	if !c.LastReview.IsZero() {
		last = ts(c.LastReview)
	}
	return []any{int(c.State), c.Stability, c.Difficulty, ts(c.Due), last,
		c.ScheduledDays, c.ElapsedDays, c.Step, c.Reps, c.Lapses}
}

// srsRow receives the srsFields columns of one row.
type srsRow struct {
	state                               int
	stability, difficulty               float64
	due                                 string
	last                                sql.NullString
	scheduled, elapsed, step, reps, lap int
}

func (r *srsRow) dest() []any {
	return []any{&r.state, &r.stability, &r.difficulty, &r.due, &r.last,
		&r.scheduled, &r.elapsed, &r.step, &r.reps, &r.lap}
}

func (r *srsRow) card() (srs.Card, error) {
	c := srs.Card{
		State: srs.State(r.state), Stability: r.stability, Difficulty: r.difficulty,
		ScheduledDays: r.scheduled, ElapsedDays: r.elapsed, Step: r.step, Reps: r.reps, Lapses: r.lap,
	}
	if !c.State.Valid() {
		return c, fmt.Errorf("store: card state %d is not a valid state", r.state)
	}
	var err error
	if c.Due, err = parseTS(r.due); err != nil {
		return c, fmt.Errorf("store: card due: %w", err)
	}
	if r.last.Valid {
		if c.LastReview, err = parseTS(r.last.String); err != nil {
			return c, fmt.Errorf("store: card last review: %w", err)
		}
	}
	return c, nil
}

// dayBounds returns the bounds of the learner's day containing now, in loc:
// from local midnight to the next local midnight (23 or 25 hours long on
// daylight-saving days).
func dayBounds(now time.Time, loc *time.Location) (start, end time.Time) {
	y, m, d := now.In(loc).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, loc), time.Date(y, m, d+1, 0, 0, 0, 0, loc)
}
