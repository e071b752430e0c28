// Package stats turns a learner's review log and card states into the
// numbers of the progress page: a year of reviews per day, cards by state,
// true retention, a due forecast, the study streak and mastery per topic.
// Everything is a pure function of its input; "today" is the learner's
// calendar day in their time zone, so a review at 23:30 in Paris counts on
// that Paris day whatever the server's clock says.
package stats

import (
	"time"

	"github.com/factdeck/factdeck/quiz/srs"
)

// Sizes of the progress views.
const (
	HeatmapWeeks  = 53 // columns of the heatmap: this week and the 52 before
	RetentionDays = 30 // true retention is measured over today and the 29 days before
	ForecastDays  = 30 // the forecast covers today and the 29 days after
	Levels        = 4  // heatmap shades for days with reviews (0 is no reviews)
)

// Review is one row of the review log, as much of it as progress needs.
type Review struct {
	CardID string
	Rating srs.Rating
	At     time.Time
	Before srs.State // the card's state when it was answered
}

// Card is one card of the deck with the learner's memory of it.
type Card struct {
	ID      string
	TopicID string
	Topic   string
	State   srs.Card // State srs.New when the learner never reviewed it
}

// Input is everything the progress numbers are computed from.
type Input struct {
	Now      time.Time
	Location *time.Location // the learner's time zone; nil means UTC
	// Reviews are the learner's reviews, complete from Since on (earlier
	// ones may be missing); Since(Now, Location) is enough for every view.
	Reviews []Review
	Since   time.Time // zero: Reviews is the whole history
	Cards   []Card
	// Recall is the probability of recalling a card at a moment
	// (srs.Scheduler.Retrievability); it is never called for new cards.
	Recall func(srs.Card, time.Time) float64
}

// Progress is the progress page's numbers.
type Progress struct {
	Heatmap   Heatmap
	States    StateCounts
	Retention Retention
	Forecast  Forecast
	Streak    Streak
	Topics    []TopicMastery
}

// Compute aggregates in into the progress numbers.
func Compute(in Input) Progress {
	loc := in.Location
	if loc == nil {
		loc = time.UTC
	}
	today := dateOf(in.Now, loc)
	perDay := map[Date]int{}
	for _, r := range in.Reviews {
		perDay[dateOf(r.At, loc)]++
	}
	return Progress{
		Heatmap:   heatmap(perDay, today),
		States:    countStates(in.Cards),
		Retention: retention(in.Reviews, today, loc),
		Forecast:  forecast(in.Cards, today, loc),
		Streak:    streak(perDay, today, in.Since, loc),
		Topics:    mastery(in.Cards, in.Now, in.Recall),
	}
}

// Since is the earliest moment whose reviews Compute needs: local midnight
// of the first day of the heatmap (which is also long before the
// retention window starts).
func Since(now time.Time, loc *time.Location) time.Time {
	if loc == nil {
		loc = time.UTC
	}
	return heatmapStart(dateOf(now, loc)).Midnight(loc)
}

// Date is a calendar day, without a time zone.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

func dateOf(t time.Time, loc *time.Location) Date {
	y, m, d := t.In(loc).Date()
	return Date{y, m, d}
}

// AddDays returns the day n days after d (before, for negative n).
func (d Date) AddDays(n int) Date {
	y, m, dd := time.Date(d.Year, d.Month, d.Day+n, 12, 0, 0, 0, time.UTC).Date()
	return Date{y, m, dd}
}

// Midnight is the moment d begins in loc.
func (d Date) Midnight(loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

// Weekday is d's day of the week.
func (d Date) Weekday() time.Weekday { return d.noonUTC().Weekday() }

// Before reports whether d is an earlier day than e.
func (d Date) Before(e Date) bool { return d.noonUTC().Before(e.noonUTC()) }

// String is d as ISO 8601, e.g. 2025-03-30.
func (d Date) String() string { return d.noonUTC().Format(time.DateOnly) }

// Format formats d with a time.Format layout (no clock fields).
func (d Date) Format(layout string) string { return d.noonUTC().Format(layout) }

func (d Date) noonUTC() time.Time { return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC) }

// daysBetween is the number of calendar days from d to e.
func daysBetween(d, e Date) int {
	return int(e.noonUTC().Sub(d.noonUTC()).Hours() / 24)
}
