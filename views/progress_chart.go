package views

import (
	"fmt"
	"math"

	"github.com/factdeck/factdeck/quiz/stats"
)

// Forecast geometry, in SVG user units.
const (
	fcLeft   = 30
	fcTop    = 6
	fcStep   = 20
	fcHeight = 100
)

type monthLabel struct {
	x    int
	text string
}

// monthLabels names each month above the first week column that begins in it.
func monthLabels(h stats.Heatmap) []monthLabel {
	var out []monthLabel
	for w := 1; w < len(h.Weeks); w++ {
		first := h.Weeks[w][0].Date
		if first.Month != h.Weeks[w-1][0].Date.Month && w < len(h.Weeks)-2 {
			out = append(out, monthLabel{hmLeft + w*hmStep, first.Format("Jan")})
		}
	}
	return out
}

func dayLabel(d stats.Date) string { return d.Format("Mon 2 Jan 2006") }

func heatmapDesc(h stats.Heatmap) string {
	first, last := h.Weeks[0][0].Date, h.Weeks[len(h.Weeks)-1][0].Date
	for _, d := range h.Weeks[len(h.Weeks)-1] {
		if !d.Future {
			last = d.Date
		}
	}
	s := fmt.Sprintf("%s from %s to %s, on %s; the busiest day had %s.",
		plural(h.Total, "review"), dayLabel(first), dayLabel(last), plural(h.ActiveDays, "day"), plural(h.Max, "review"))
	return s + " Darker squares are busier days; the table below lists every day with reviews."
}

type stateSegment struct {
	name, class string
	n           int
	x, w        float64
}

func stateSegments(s stats.StateCounts) []stateSegment {
	segs := []stateSegment{{"New", "st-new", s.New, 0, 0}, {"Learning", "st-learning", s.Learning, 0, 0},
		{"Review", "st-review", s.Review, 0, 0}, {"Relearning", "st-relearning", s.Relearning, 0, 0}}
	x := 0.0
	for i := range segs {
		if s.Total() > 0 {
			segs[i].w = 100 * float64(segs[i].n) / float64(s.Total())
		}
		segs[i].x = x
		x += segs[i].w
	}
	return segs
}

func statesDesc(s stats.StateCounts) string {
	return fmt.Sprintf("Cards by state: %d new, %d learning, %d review, %d relearning, of %s.",
		s.New, s.Learning, s.Review, s.Relearning, plural(s.Total(), "card"))
}

func retentionText(r stats.Retention) string {
	rate, ok := r.Rate()
	if !ok {
		return "No reviews yet"
	}
	return fmt.Sprintf("%.1f%%", 100*rate)
}

func barHeight(n, most int) int {
	if n <= 0 || most <= 0 {
		return 0
	}
	return max(2, int(math.Round(float64(fcHeight*n)/float64(most))))
}

func forecastDay(i int, d stats.Date) string {
	switch i {
	case 0:
		return "Today, " + d.Format("Mon 2 Jan")
	case 1:
		return "Tomorrow, " + d.Format("Mon 2 Jan")
	}
	return d.Format("Mon 2 Jan")
}

func forecastTick(i int, d stats.Date) string {
	if i == 0 {
		return "Today"
	}
	return d.Format("2 Jan")
}

func forecastTotal(f stats.Forecast) int {
	n := 0
	for _, d := range f.Days {
		n += d.Count
	}
	return n
}

func forecastDesc(f stats.Forecast) string {
	busiest, day := 0, 0
	for i, d := range f.Days {
		if d.Count > busiest {
			busiest, day = d.Count, i
		}
	}
	s := fmt.Sprintf("%s due over the next 30 days, %d today.", plural(forecastTotal(f), "card"), f.Days[0].Count)
	if busiest > 0 {
		s += fmt.Sprintf(" The busiest day is %s with %s.", forecastDay(day, f.Days[day].Date), plural(busiest, "card"))
	}
	return s
}

func topicName(t stats.TopicMastery) string {
	if t.Name == "" {
		return "(no topic)"
	}
	return t.Name
}

func percent(x float64) string { return fmt.Sprintf("%.0f%%", 100*x) }

func forecastSummary(f stats.Forecast) string {
	s := plural(f.Days[0].Count, "card") + " due today"
	if f.Overdue > 0 {
		s += fmt.Sprintf(" (including %d overdue)", f.Overdue)
	}
	s += fmt.Sprintf("; %s over the next 30 days", plural(forecastTotal(f), "card"))
	if f.Later > 0 {
		s += fmt.Sprintf(", and %d later", f.Later)
	}
	return s + "."
}
