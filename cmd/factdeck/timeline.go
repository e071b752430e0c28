package main

import (
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/factdeck/factdeck/quiz/doc"
	"github.com/factdeck/factdeck/quiz/facts"
	"github.com/factdeck/factdeck/views"
)

// Timeline chart geometry, in SVG units (the width is always 1000).
const (
	chartWidth = 1000
	chartTop   = 40 // below the tick labels
	rowHeight  = 16
)

// handleTimelineShow draws the deck's dated events: a year overview, then
// every year zoomed in with its events listed. ?topic=ID narrows to one topic.
func (s *server) handleTimelineShow(w http.ResponseWriter, r *http.Request) {
	d, err := s.deckWithBody(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	x, err := facts.Extract(d.Body)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	all := doc.Events(x, d.Body)
	pieces := doc.Parse(d.Body).Pieces()
	topic := r.URL.Query().Get("topic")
	vm := views.TimelineVM{Chrome: s.chrome(r, "Timeline · "+d.Title), DeckID: d.ID, Title: d.Title}
	seen := map[string]bool{}
	var evs []doc.Event
	for _, e := range all {
		if !seen[e.TopicID] {
			seen[e.TopicID] = true
			vm.Topics = append(vm.Topics, views.TopicOption{ID: e.TopicID, Name: e.Topic, Selected: e.TopicID == topic})
		}
		if topic == "" || e.TopicID == topic {
			evs = append(evs, e)
			if topic != "" {
				vm.Topic = e.Topic
			}
		}
	}
	vm.Count = len(evs)
	vm.Overview = overview(evs)
	vm.Years = years(evs, func(e doc.Event) string {
		start := e.Start
		if k := doc.Locate(pieces, e.Start); k >= 0 {
			start = pieces[k].Start
		}
		return fmt.Sprintf("/decks/%d/read#s%d", d.ID, start)
	})
	s.render(w, r, http.StatusOK, views.TimelinePage(vm))
}

// overview is the year-axis chart of every event, one row each.
func overview(evs []doc.Event) views.Chart {
	if len(evs) == 0 {
		return views.Chart{}
	}
	sc := doc.YearScale(evs, chartWidth)
	c := chartFrame(len(evs))
	n := sc.To.Year() - sc.From.Year()
	step := max(1, (n+11)/12) // at most a dozen labels
	for y := sc.From.Year(); y < sc.To.Year(); y += step {
		c.Ticks = append(c.Ticks, views.Tick{X: num(sc.X(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC))), Label: strconv.Itoa(y)})
	}
	for i, e := range evs {
		c.Marks = append(c.Marks, mark(sc, e, i))
	}
	c.Desc = fmt.Sprintf("Overview: %d events from %d to %d, one row each in date order; every year is listed below.",
		len(evs), sc.From.Year(), sc.To.Year()-1)
	return c
}

// years zooms into each year that has events starting in it: a month axis
// (so days a week apart stand apart) and the list of its events.
func years(evs []doc.Event, href func(doc.Event) string) []views.TimelineYear {
	var out []views.TimelineYear
	for i := 0; i < len(evs); {
		y := evs[i].From.Year()
		j := i
		for j < len(evs) && evs[j].From.Year() == y {
			j++
		}
		sc := zoom(evs[i:j], y)
		ty := views.TimelineYear{Year: y, ID: "y" + strconv.Itoa(y), Chart: chartFrame(j - i)}
		ty.Chart.Ticks = ticks(sc)
		for k, e := range evs[i:j] {
			ty.Chart.Marks = append(ty.Chart.Marks, mark(sc, e, k))
			ty.Events = append(ty.Events, views.TimelineEvent{When: doc.FormatRange(e.Date), Precision: precision(e),
				Label: e.Label, Topic: e.Topic, Href: href(e)})
		}
		ty.Chart.Desc = fmt.Sprintf("%s to %s %d: %d events, listed below.",
			sc.From.Format("January"), sc.To.Add(-time.Hour).Format("January"), y, j-i)
		out = append(out, ty)
		i = j
	}
	return out
}

// chartFrame sizes a chart for rows events.
func chartFrame(rows int) views.Chart {
	h := chartTop + rows*rowHeight + 8
	return views.Chart{Height: strconv.Itoa(h), AxisY: strconv.Itoa(chartTop - 4)}
}

// mark draws event e on row i: a dot for a single day, else a bar over
// every day the date can mean.
func mark(sc doc.Scale, e doc.Event, i int) views.Mark {
	top := float64(chartTop + i*rowHeight)
	m := views.Mark{Class: e.Precision()}
	if e.Point() {
		m.Point, m.X, m.Y = true, num(sc.X(e.From)), num(top+8)
		return m
	}
	x0, x1 := sc.X(e.From), sc.X(e.To)
	m.X, m.Y, m.W = num(x0), num(top+3), num(max(x1-x0, 4))
	return m
}

// precision says in words how much of the date the source gives.
func precision(e doc.Event) string {
	switch e.Precision() {
	case "day":
		return "a day"
	case "month":
		return "the whole month"
	case "year":
		return "the whole year"
	}
	return "a range"
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) }

// zoom is the scale of one year's chart: the whole months its finer-dated
// events cover, so that days a few apart in a busy fortnight stand apart.
// Events dated only by the year (or running past it) span the whole chart,
// cut at its edges; the list under the chart says how far they run.
func zoom(evs []doc.Event, y int) doc.Scale {
	start, end := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(y+1, 1, 1, 0, 0, 0, 0, time.UTC)
	lo, hi := end, start
	for _, e := range evs {
		if e.Precision() == "year" {
			continue
		}
		if e.From.Before(lo) {
			lo = e.From
		}
		if e.To.After(hi) {
			hi = e.To
		}
	}
	if !hi.After(lo) {
		return doc.Scale{From: start, To: end, Width: chartWidth}
	}
	if lo.Before(start) {
		lo = start
	}
	if hi.After(end) {
		hi = end
	}
	from := time.Date(y, lo.Month(), 1, 0, 0, 0, 0, time.UTC)
	to := time.Date(hi.Year(), hi.Month(), 1, 0, 0, 0, 0, time.UTC)
	if to.Before(hi) {
		to = to.AddDate(0, 1, 0)
	}
	return doc.Scale{From: from, To: to, Width: chartWidth}
}

// ticks marks months, or for a chart of three months or less the 1st,
// 8th, 15th and 22nd of each month.
func ticks(sc doc.Scale) []views.Tick {
	var out []views.Tick
	short := sc.To.Sub(sc.From) <= 93*24*time.Hour
	for t := sc.From; t.Before(sc.To); t = t.AddDate(0, 1, 0) {
		if !short {
			out = append(out, views.Tick{X: num(sc.X(t)), Label: t.Format("Jan")})
			continue
		}
		for _, d := range []int{1, 8, 15, 22} {
			day := time.Date(t.Year(), t.Month(), d, 0, 0, 0, 0, time.UTC)
			label := strconv.Itoa(d)
			if d == 1 {
				label = day.Format("2 Jan")
			}
			out = append(out, views.Tick{X: num(sc.X(day)), Label: label})
		}
	}
	return out
}
