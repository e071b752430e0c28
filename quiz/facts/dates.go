package facts

import (
	"strconv"
	"strings"
	"time"

	"github.com/factdeck/factdeck/quiz"
)

// months maps month names and their abbreviations to 1..12.
var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// monthOf returns the month a capitalised word names, or 0. "May" and "March"
// count only when a number is next to them; the caller checks that.
func monthOf(w string) int {
	if len(w) < 3 || len(w) > 10 || !isCap(w) {
		return 0
	}
	var buf [10]byte
	w = strings.TrimSuffix(w, ".")
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return months[string(buf[:len(w)])] // no allocation for the lookup
}

// yearContext are the words after which a bare four-digit number is a year.
var yearContext = map[string]bool{
	"in": true, "since": true, "from": true, "to": true, "until": true, "till": true,
	"by": true, "between": true, "and": true, "of": true, "during": true, "early": true,
	"late": true, "mid": true, "before": true, "after": true, "around": true, "(": true,
	"summer": true, "spring": true, "autumn": true, "fall": true, "winter": true,
	"–": true, "-": true, "—": true, ",": true, "throughout": true, "end": true,
}

// dateMention is a date or range found in a sentence at text[i:j].
type dateMention struct {
	i, j   int // bytes of the sentence
	ti, tj int // tokens
	r      quiz.DateRange
}

// dateCtx carries the last full year and month seen, to resolve partial
// dates such as "On 28 November" or "on December 5".
type dateCtx struct {
	year, month, day int
}

// yearOf parses a plausible year token.
func yearOf(w string) int {
	if len(w) != 4 || !allDigits(w) {
		return 0
	}
	y, _ := strconv.Atoi(w)
	if y < 1000 || y > 2100 {
		return 0
	}
	return y
}

// dayOf parses a day-of-month token: "5", "05", "5th".
func dayOf(w string) int {
	if len(w) == 0 || w[0] < '0' || w[0] > '9' || len(w) > 4 {
		return 0
	}
	w = strings.TrimRight(w, "stndrh")
	if len(w) == 0 || len(w) > 2 || !allDigits(w) {
		return 0
	}
	d, _ := strconv.Atoi(w)
	if d < 1 || d > 31 {
		return 0
	}
	return d
}

// isDash reports whether w joins the ends of a range.
func isDash(w string) bool {
	return w == "–" || w == "-" || w == "—" || w == "to" || w == "until" || w == "/" || w == "and"
}

// point is one parsed date before resolution: zero fields are unknown.
type point struct {
	d       quiz.Date
	i, j    int // token range
	hasYear bool
}

// parsePoint reads one date at toks[k]: "29 November 2024", "November 29,
// 2024", "December 5", "November 2024", "early March 2013" or a bare year
// in a year context.
func parsePoint(toks []token, k int) (point, bool) {
	w := func(i int) string {
		if i < len(toks) {
			return toks[i].s
		}
		return ""
	}
	if d := dayOf(w(k)); d > 0 && monthOf(w(k+1)) > 0 {
		p := point{d: quiz.Date{Month: monthOf(w(k + 1)), Day: d}, i: k, j: k + 2}
		if y := yearOf(w(k + 2)); y > 0 {
			p.d.Year, p.j, p.hasYear = y, k+3, true
		}
		return p, true
	}
	if m := monthOf(w(k)); m > 0 {
		if d := dayOf(w(k + 1)); d > 0 && !(w(k+2) == "," && dayOf(w(k+3)) > 0) {
			p := point{d: quiz.Date{Month: m, Day: d}, i: k, j: k + 2}
			if w(k+2) == "," && yearOf(w(k+3)) > 0 {
				p.d.Year, p.j, p.hasYear = yearOf(w(k+3)), k+4, true
			} else if yearOf(w(k+2)) > 0 {
				p.d.Year, p.j, p.hasYear = yearOf(w(k+2)), k+3, true
			}
			return p, true
		}
		if y := yearOf(w(k + 1)); y > 0 {
			return point{d: quiz.Date{Year: y, Month: m}, i: k, j: k + 2, hasYear: true}, true
		}
		if (w(k+1) == "–" || w(k+1) == "-" || w(k+1) == "to") && monthOf(w(k+2)) > monthOf(w(k)) && yearOf(w(k+3)) > 0 {
			// "October–November 2016": the first month takes the year of the second.
			return point{d: quiz.Date{Year: yearOf(w(k + 3)), Month: m}, i: k, j: k + 1, hasYear: true}, true
		}
		return point{}, false
	}
	if y := yearOf(w(k)); y > 0 && k > 0 && yearContext[strings.ToLower(w(k-1))] {
		next := w(k + 1)
		seasonal := seasons[strings.ToLower(w(k-1))]
		if next != "" && (isCap(next) && !seasonal || next == "km") && monthOf(next) == 0 {
			return point{}, false // "the 2024 Hama offensive" is a name
		}
		return point{d: quiz.Date{Year: y}, i: k, j: k + 1, hasYear: true}, true
	}
	if y := yearOf(w(k)); y > 0 && k == 0 {
		return point{d: quiz.Date{Year: y}, i: k, j: k + 1, hasYear: true}, true
	}
	return point{}, false
}

// parseDayRange reads "16–31 December 2012", "7/8 December" and
// "September 16–18, 1862".
func parseDayRange(toks []token, k int) (point, point, bool) {
	w := func(i int) string {
		if i < len(toks) {
			return toks[i].s
		}
		return ""
	}
	if d1 := dayOf(w(k)); d1 > 0 && (w(k+1) == "–" || w(k+1) == "-" || w(k+1) == "/") {
		if end, ok := parsePoint(toks, k+2); ok && end.d.Day > 0 && end.d.Day >= d1 {
			start := end
			start.d.Day, start.i = d1, k
			return start, end, true
		}
	}
	if m := monthOf(w(k)); m > 0 {
		d1, d2 := dayOf(w(k+1)), dayOf(w(k+3))
		if d1 > 0 && d2 > d1 && (w(k+2) == "–" || w(k+2) == "-") {
			a := point{d: quiz.Date{Month: m, Day: d1}, i: k, j: k + 4}
			if w(k+4) == "," && yearOf(w(k+5)) > 0 {
				a.d.Year, a.j, a.hasYear = yearOf(w(k+5)), k+6, true
			}
			b := a
			b.d.Day = d2
			return a, b, true
		}
	}
	return point{}, point{}, false
}

// findDates returns the dates in a tokenised sentence, resolving partial
// dates from ctx and updating it. Ranges "27 November – 8 December 2024",
// "from 2012 to 2016" and "between 2014 and 2015" become one mention.
func findDates(toks []token, ctx *dateCtx) []dateMention {
	var out []dateMention
	for k := 0; k < len(toks); k++ {
		if m, ok := weekdayDate(toks, k, ctx); ok {
			out = append(out, m)
			continue
		}
		a, b, isRange := parseDayRange(toks, k)
		if !isRange {
			var ok bool
			if a, ok = parsePoint(toks, k); !ok {
				continue
			}
			if a.j+1 < len(toks) && isDash(toks[a.j].s) && (toks[a.j].s != "and" || k > 0 && strings.EqualFold(toks[k-1].s, "between")) {
				if b, ok = parsePoint(toks, a.j+1); ok && (b.hasYear || b.d.Month > 0) {
					isRange = true
				}
			}
		}
		if !isRange {
			b = point{}
		}
		keep := *ctx
		r, ok := resolve(a, b, isRange, ctx)
		if ok && a.d.Day == 0 && k > 2 && keep.year != 0 {
			*ctx = keep // "since March 2020" looks back; it does not move the story on
		}
		if !ok {
			continue
		}
		last := a.j
		if isRange {
			last = b.j
		}
		out = append(out, dateMention{i: toks[a.i].i, j: toks[last-1].j, ti: a.i, tj: last, r: r})
		k = last - 1
	}
	return out
}

// seasons date a year with a capitalised word after it: "in early 2019 Al
// Zenki were …".
var seasons = lowerSet(`early|late|mid|summer|spring|autumn|fall|winter`)

// weekdays maps day names to time.Weekday values.
var weekdays = map[string]time.Weekday{"Sunday": time.Sunday, "Monday": time.Monday, "Tuesday": time.Tuesday,
	"Wednesday": time.Wednesday, "Thursday": time.Thursday, "Friday": time.Friday, "Saturday": time.Saturday}

// weekdayDate resolves "on Wednesday" against the day last dated: the day
// of that name within three days of it, which is unique. A context without
// a day gives nothing.
func weekdayDate(toks []token, k int, ctx *dateCtx) (dateMention, bool) {
	if k == 0 || !strings.HasSuffix(toks[k].s, "day") {
		return dateMention{}, false
	}
	wd, ok := weekdays[toks[k].s]
	if !ok || ctx.day == 0 || ctx.month == 0 || ctx.year == 0 {
		return dateMention{}, false
	}
	if p := strings.ToLower(toks[k-1].s); p != "on" && p != "last" && p != "this" && p != "since" && p != "until" && p != "by" {
		return dateMention{}, false
	}
	base := time.Date(ctx.year, time.Month(ctx.month), ctx.day, 12, 0, 0, 0, time.UTC)
	for off := -3; off <= 3; off++ {
		d := base.AddDate(0, 0, off)
		if d.Weekday() != wd {
			continue
		}
		ctx.year, ctx.month, ctx.day = d.Year(), int(d.Month()), d.Day()
		r := quiz.DateRange{Start: quiz.Date{Year: d.Year(), Month: int(d.Month()), Day: d.Day()}}
		return dateMention{i: toks[k].i, j: toks[k].j, ti: k, tj: k + 1, r: r}, true
	}
	return dateMention{}, false
}

// resolve fills missing years and months of a point or range from the
// other end and from the context, keeping each end's precision.
func resolve(a, b point, isRange bool, ctx *dateCtx) (quiz.DateRange, bool) {
	if isRange {
		if b.d.Year == 0 {
			b.d.Year = ctx.year
		}
		if a.d.Year == 0 {
			a.d.Year = b.d.Year
		}
		if a.d.Day > 0 && a.d.Month == 0 {
			a.d.Month = b.d.Month
		}
	} else if a.d.Year == 0 {
		a.d.Year = ctx.year
	}
	if a.d.Year == 0 {
		return quiz.DateRange{}, false
	}
	if a.d.Month == 0 && a.d.Day > 0 {
		return quiz.DateRange{}, false
	}
	r := quiz.DateRange{Start: a.d}
	if isRange && b.d.Year > 0 && b.d != a.d {
		if b.d.Before(a.d) {
			return quiz.DateRange{}, false
		}
		r.End = b.d
	}
	last := r.Start
	if !r.End.IsZero() {
		last = r.End
	}
	ctx.year, ctx.day = last.Year, last.Day
	if last.Month > 0 {
		ctx.month = last.Month
	}
	if last.Month == 0 {
		ctx.day = 0
	}
	return r, true
}

// formatRange writes a range for display: "October–November 2016",
// "29 November 2024", "2012–2016".
func formatRange(r quiz.DateRange) string {
	s := formatDate(r.Start)
	if r.End.IsZero() {
		return s
	}
	if r.Start.Year == r.End.Year && r.Start.Day == 0 && r.End.Day == 0 && r.Start.Month > 0 {
		return monthName(r.Start.Month) + "–" + formatDate(r.End)
	}
	return s + "–" + formatDate(r.End)
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

// monthName returns the English name of month m (1..12).
func monthName(m int) string {
	names := [...]string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"}
	if m < 1 || m > 12 {
		return ""
	}
	return names[m-1]
}
