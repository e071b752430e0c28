package doc

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/factdeck/factdeck/quiz"
)

// Event is one dated happening of a document, for the timeline.
type Event struct {
	Date    quiz.DateRange
	Label   string // "Tahrir al-Sham entered Aleppo"
	Topic   string
	TopicID string
	Text    string // the source sentence, citation markers removed
	Start   int    // the source's byte offset: the read page's anchor s{Start}
	From    time.Time
	To      time.Time // exclusive: "November 2024" runs to 1 December 2024
}

// Point reports whether the event is a single known day; anything coarser
// or longer is a span.
func (e Event) Point() bool {
	return e.Date.End.IsZero() && e.Date.Start.Precision() == quiz.PrecisionDay
}

// Precision names how exactly the event is dated: "day", "month", "year"
// or "range".
func (e Event) Precision() string {
	if !e.Date.End.IsZero() {
		return "range"
	}
	switch e.Date.Start.Precision() {
	case quiz.PrecisionDay:
		return "day"
	case quiz.PrecisionMonth:
		return "month"
	}
	return "year"
}

// Events returns the dated facts of an extraction as events, earliest
// first; the same event read twice from one sentence is kept once.
func Events(x quiz.Extraction, doc string) []Event {
	var out []Event
	seen := map[string]bool{}
	for _, f := range x.Facts {
		if f.Date == nil || f.Date.IsZero() {
			continue
		}
		e := Event{Date: *f.Date, Topic: f.Topic, TopicID: f.TopicID, Start: f.Start, Label: label(f)}
		if f.Start >= 0 && f.End <= len(doc) && f.Start <= f.End {
			e.Text = clean(doc, f.Start, f.End).text
		}
		e.From, e.To = Bounds(e.Date)
		if !e.To.After(e.From) {
			continue // an end before its start: not drawable, and not honest
		}
		key := e.Date.Start.ISO() + e.Date.End.ISO() + "|" + e.Label + "|" + strconv.Itoa(e.Start)
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, e)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].From.Equal(out[j].From) {
			return out[i].From.Before(out[j].From)
		}
		return out[i].To.Before(out[j].To)
	})
	return out
}

// label words a dated fact: its subject and event when the extractor found
// them, else the value, prefixed by the topic for context.
func label(f quiz.Fact) string {
	ev := strings.TrimSpace(f.Event)
	subj := strings.TrimSpace(f.Subject)
	switch {
	case ev != "" && subj != "":
		return upperFirst(subj + " " + ev)
	case ev != "":
		return f.Topic + ": " + ev
	case f.Kind == quiz.KindDate && f.Topic != "":
		return f.Topic
	}
	return f.Topic + ": " + f.Value
}

func upperFirst(s string) string {
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return s
}

// Bounds returns the days a date range covers, to its precision: "2016" is
// the whole year, "November 2024" the month, a day one day. To is exclusive.
func Bounds(r quiz.DateRange) (from, to time.Time) {
	from = first(r.Start)
	end := r.Start
	if !r.End.IsZero() {
		end = r.End
	}
	switch end.Precision() {
	case quiz.PrecisionDay:
		to = first(end).AddDate(0, 0, 1)
	case quiz.PrecisionMonth:
		to = first(end).AddDate(0, 1, 0)
	default:
		to = first(end).AddDate(1, 0, 0)
	}
	return from, to
}

// first is the first day a date can mean.
func first(d quiz.Date) time.Time {
	m, day := max(d.Month, 1), max(d.Day, 1)
	return time.Date(d.Year, time.Month(min(m, 12)), min(day, 31), 0, 0, 0, 0, time.UTC)
}

// FormatRange writes a date range as a reader says it, to its precision:
// "29 November 2024", "November 2024", "2016", "27 November – 8 December
// 2024", "2012–2016".
func FormatRange(r quiz.DateRange) string {
	if r.End.IsZero() {
		return formatDate(r.Start)
	}
	s, e := r.Start, r.End
	switch {
	case s.Precision() == quiz.PrecisionYear && e.Precision() == quiz.PrecisionYear:
		return strconv.Itoa(s.Year) + "–" + strconv.Itoa(e.Year)
	case s.Year == e.Year && s.Month == e.Month && s.Precision() == quiz.PrecisionDay && e.Precision() == quiz.PrecisionDay:
		return strconv.Itoa(s.Day) + "–" + formatDate(e)
	case s.Year == e.Year && s.Precision() == e.Precision() && s.Precision() != quiz.PrecisionYear:
		return strings.TrimSuffix(formatDate(s), " "+strconv.Itoa(s.Year)) + " – " + formatDate(e)
	}
	return formatDate(s) + " – " + formatDate(e)
}

// formatDate writes "29 November 2024", "November 2024" or "2024".
func formatDate(d quiz.Date) string {
	switch d.Precision() {
	case quiz.PrecisionDay:
		return strconv.Itoa(d.Day) + " " + monthName(d.Month) + " " + strconv.Itoa(d.Year)
	case quiz.PrecisionMonth:
		return monthName(d.Month) + " " + strconv.Itoa(d.Year)
	case quiz.PrecisionYear:
		return strconv.Itoa(d.Year)
	}
	return ""
}

// monthName is the English name of month m (1..12).
func monthName(m int) string {
	if m < 1 || m > 12 {
		return ""
	}
	return time.Month(m).String()
}

// Scale maps days between From and To onto [0, Width] units.
type Scale struct {
	From, To time.Time
	Width    float64
}

// X returns the position of t on the scale, clamped to its ends.
func (s Scale) X(t time.Time) float64 {
	if !t.After(s.From) {
		return 0
	}
	if !t.Before(s.To) {
		return s.Width
	}
	return s.Width * t.Sub(s.From).Hours() / s.To.Sub(s.From).Hours()
}

// YearScale is the scale of the whole years from the earliest event's
// start to the latest event's end; zero for no events.
func YearScale(evs []Event, width float64) Scale {
	if len(evs) == 0 {
		return Scale{}
	}
	lo, hi := evs[0].From, evs[0].To
	for _, e := range evs {
		if e.From.Before(lo) {
			lo = e.From
		}
		if e.To.After(hi) {
			hi = e.To
		}
	}
	from := time.Date(lo.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	to := time.Date(hi.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	if to.Before(hi) {
		to = to.AddDate(1, 0, 0)
	}
	return Scale{From: from, To: to, Width: width}
}
