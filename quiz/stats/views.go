package stats

import (
	"math"
	"time"

	"github.com/factdeck/factdeck/quiz/srs"
)

// Heatmap is a year of reviews per day as a grid of weeks (columns,
// oldest first) by weekday (rows, Monday first), the last column being
// the current week.
type Heatmap struct {
	Weeks      [HeatmapWeeks][7]Day
	Total      int // reviews in the grid
	ActiveDays int // days of the grid with at least one review
	Max        int // most reviews on one day
}

// Day is one cell of the heatmap.
type Day struct {
	Date   Date
	Count  int
	Level  int  // 0 for no reviews, else 1..Levels relative to the busiest day
	Future bool // after today: drawn as nothing
}

// heatmapStart is the Monday that begins the heatmap ending this week.
func heatmapStart(today Date) Date {
	monday := today.AddDays(-((int(today.Weekday()) + 6) % 7))
	return monday.AddDays(-7 * (HeatmapWeeks - 1))
}

func heatmap(perDay map[Date]int, today Date) Heatmap {
	var h Heatmap
	start := heatmapStart(today)
	for w := range h.Weeks {
		for d := range h.Weeks[w] {
			date := start.AddDays(7*w + d)
			day := Day{Date: date, Future: today.Before(date)}
			if !day.Future {
				day.Count = perDay[date]
			}
			h.Weeks[w][d] = day
			h.Total += day.Count
			if day.Count > 0 {
				h.ActiveDays++
			}
			h.Max = max(h.Max, day.Count)
		}
	}
	for w := range h.Weeks {
		for d := range h.Weeks[w] {
			h.Weeks[w][d].Level = level(h.Weeks[w][d].Count, h.Max)
		}
	}
	return h
}

// level shades a day's count in quarters of the busiest day.
func level(n, most int) int {
	if n <= 0 || most <= 0 {
		return 0
	}
	return min(Levels, max(1, int(math.Ceil(float64(Levels*n)/float64(most)))))
}

// StateCounts are the deck's cards by the learner's state of them.
type StateCounts struct {
	New, Learning, Review, Relearning int
}

// Total is the number of cards.
func (s StateCounts) Total() int { return s.New + s.Learning + s.Review + s.Relearning }

func countStates(cards []Card) StateCounts {
	var n StateCounts
	for _, c := range cards {
		switch c.State.State {
		case srs.Learning:
			n.Learning++
		case srs.Review:
			n.Review++
		case srs.Relearning:
			n.Relearning++
		default:
			n.New++
		}
	}
	return n
}

// Retention is Anki's "true retention" over the last RetentionDays days:
// only reviews of cards that were in the Review state count (answers in
// learning and relearning steps do not); Hard, Good and Easy pass, Again
// fails.
type Retention struct {
	Passed, Failed int
	From           Date // first day of the window; the window ends today
}

// Total is the number of reviews counted.
func (r Retention) Total() int { return r.Passed + r.Failed }

// Rate is the share of counted reviews that passed, 0..1; ok is false when
// there were none.
func (r Retention) Rate() (rate float64, ok bool) {
	if r.Total() == 0 {
		return 0, false
	}
	return float64(r.Passed) / float64(r.Total()), true
}

func retention(reviews []Review, today Date, loc *time.Location) Retention {
	ret := Retention{From: today.AddDays(-(RetentionDays - 1))}
	from, until := ret.From.Midnight(loc), today.AddDays(1).Midnight(loc)
	for _, r := range reviews {
		if r.Before != srs.Review || r.At.Before(from) || !r.At.Before(until) {
			continue
		}
		if r.Rating == srs.Again {
			ret.Failed++
		} else if r.Rating.Valid() {
			ret.Passed++
		}
	}
	return ret
}

// Forecast is how many cards fall due on each of the next ForecastDays
// days, today first; cards already overdue are counted today.
type Forecast struct {
	Days    [ForecastDays]DayCount
	Overdue int // of Days[0], due before today
	Later   int // due after the last day shown
	Max     int // largest day count
}

// DayCount is a number of cards on a day.
type DayCount struct {
	Date  Date
	Count int
}

func forecast(cards []Card, today Date, loc *time.Location) Forecast {
	var f Forecast
	for i := range f.Days {
		f.Days[i].Date = today.AddDays(i)
	}
	for _, c := range cards {
		if c.State.State == srs.New {
			continue
		}
		i := daysBetween(today, dateOf(c.State.Due, loc))
		switch {
		case i < 0:
			f.Overdue++
			f.Days[0].Count++
		case i >= ForecastDays:
			f.Later++
		default:
			f.Days[i].Count++
		}
	}
	for _, d := range f.Days {
		f.Max = max(f.Max, d.Count)
	}
	return f
}

// Streak is the run of consecutive days with at least one review that ends
// today, or yesterday when nothing has been reviewed yet today (so the
// streak is not lost in the morning).
type Streak struct {
	Days    int
	Today   bool // today has a review
	AtLeast bool // the run reaches back past the reviews given: it may be longer
}

func streak(perDay map[Date]int, today Date, since time.Time, loc *time.Location) Streak {
	s := Streak{Today: perDay[today] > 0}
	day := today
	if !s.Today {
		day = today.AddDays(-1)
	}
	for perDay[day] > 0 {
		s.Days++
		if !since.IsZero() && !day.Midnight(loc).After(since) {
			s.AtLeast = true
			break
		}
		day = day.AddDays(-1)
	}
	return s
}

// TopicMastery is how well the learner knows a topic's cards.
type TopicMastery struct {
	ID, Name string
	Cards    int
	Studied  int     // cards reviewed at least once
	Mastery  float64 // mean retrievability now, new cards counting 0
}

func mastery(cards []Card, now time.Time, recall func(srs.Card, time.Time) float64) []TopicMastery {
	var out []TopicMastery
	index := map[string]int{}
	sums := []float64{}
	for _, c := range cards {
		key := c.TopicID
		if key == "" {
			key = "name:" + c.Topic
		}
		i, ok := index[key]
		if !ok {
			i = len(out)
			index[key] = i
			out = append(out, TopicMastery{ID: c.TopicID, Name: c.Topic})
			sums = append(sums, 0)
		}
		out[i].Cards++
		if c.State.State != srs.New {
			out[i].Studied++
			if recall != nil {
				sums[i] += recall(c.State, now)
			}
		}
	}
	for i := range out {
		out[i].Mastery = sums[i] / float64(out[i].Cards)
	}
	return out
}
