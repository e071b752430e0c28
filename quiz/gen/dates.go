package gen

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/factdeck/factdeck/quiz"
)

var monthNames = []string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// monthIndex maps full and abbreviated month names (lower case) to 1..12.
var monthIndex = func() map[string]int {
	m := map[string]int{"sept": 9}
	for i, n := range monthNames {
		m[strings.ToLower(n)] = i + 1
		m[strings.ToLower(n[:3])] = i + 1
	}
	return m
}()

const monthPat = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?`

// dateStyle is how a document writes day dates.
type dateStyle int

const (
	styleDMY dateStyle = iota // 29 November 2024
	styleMDY                  // November 29, 2024
)

// dateHit is a date expression found in a sentence.
type dateHit struct {
	start, end int
	d          quiz.Date // Year zero when the text gives none
	style      dateStyle
}

var dateREs = []struct {
	re    *regexp.Regexp
	order string // which groups hold day, month, year
	style dateStyle
}{
	{regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?` + monthPat + `,?\s+(\d{4})\b`), "dmy", styleDMY},
	{regexp.MustCompile(`(?i)\b` + monthPat + `\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`), "mdy", styleMDY},
	{regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`), "ymd", styleDMY},
	{regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?` + monthPat + `\b`), "dm", styleDMY},
	{regexp.MustCompile(`(?i)\b` + monthPat + `\s+(\d{1,2})(?:st|nd|rd|th)?\b`), "md", styleMDY},
	{regexp.MustCompile(`(?i)\b` + monthPat + `,?\s+(\d{4})\b`), "my", styleDMY},
	{regexp.MustCompile(`\b(1[0-9]\d\d|20\d\d)\b`), "y", styleDMY},
}

// findDates returns the date expressions in s, longest first at each
// position and without overlaps, in text order.
func findDates(s string) []dateHit {
	if !strings.ContainsAny(s, "0123456789") {
		return nil // every date pattern needs a digit
	}
	var hits []dateHit
	taken := make([]bool, len(s)+1)
	month, dash := mentionsMonth(s), strings.IndexByte(s, '-') >= 0
	for _, p := range dateREs {
		if p.order == "ymd" && !dash || p.order != "ymd" && p.order != "y" && !month {
			continue // cheap pre-checks: the regular expressions are most of the cost
		}
		for _, m := range p.re.FindAllStringSubmatchIndex(s, -1) {
			if taken[m[0]] || taken[m[1]-1] {
				continue
			}
			d, ok := hitDate(s, m, p.order)
			if !ok {
				continue
			}
			for i := m[0]; i < m[1]; i++ {
				taken[i] = true
			}
			hits = append(hits, dateHit{m[0], m[1], d, p.style})
		}
	}
	sort.Slice(hits, func(i, j int) bool { return hits[i].start < hits[j].start })
	return hits
}

// mentionsMonth reports whether s may hold a month name: every month
// pattern starts with one of these three letters, in any case.
func mentionsMonth(s string) bool {
	l := strings.ToLower(s)
	for _, m := range [...]string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} {
		if strings.Contains(l, m) {
			return true
		}
	}
	return false
}

func hitDate(s string, m []int, order string) (quiz.Date, bool) {
	g := func(i int) string { return s[m[2*i]:m[2*i+1]] }
	num := func(i int) int { n, _ := strconv.Atoi(g(i)); return n }
	mon := func(i int) int { return monthIndex[strings.ToLower(g(i))] }
	var d quiz.Date
	switch order {
	case "dmy":
		d = quiz.Date{Year: num(3), Month: mon(2), Day: num(1)}
	case "mdy":
		d = quiz.Date{Year: num(3), Month: mon(1), Day: num(2)}
	case "ymd":
		d = quiz.Date{Year: num(1), Month: num(2), Day: num(3)}
	case "dm":
		d = quiz.Date{Month: mon(2), Day: num(1)}
	case "md":
		d = quiz.Date{Month: mon(1), Day: num(2)}
	case "my":
		d = quiz.Date{Year: num(2), Month: mon(1)}
	case "y":
		d = quiz.Date{Year: num(1)}
	}
	if d.Month < 0 || d.Month > 12 || d.Day < 0 || d.Day > 31 || (d.Month == 0 && d.Day != 0) {
		return d, false
	}
	if order != "y" && d.Month == 0 {
		return d, false
	}
	return d, true
}

// matchHit reports whether a date found in text states the date d (to d's
// precision); a hit without a year matches when day and month agree.
func matchHit(h quiz.Date, d quiz.Date) bool {
	if h.Year != 0 && h.Year != d.Year {
		return false
	}
	if d.Precision() == quiz.PrecisionYear {
		return h.Year == d.Year && h.Month == 0
	}
	if h.Month != d.Month || h.Day != d.Day {
		return false
	}
	return h.Year != 0 || d.Day != 0
}

// formatDate writes d to its precision in the document's style.
func formatDate(d quiz.Date, st dateStyle) string {
	switch d.Precision() {
	case quiz.PrecisionYear:
		return strconv.Itoa(d.Year)
	case quiz.PrecisionMonth:
		return fmt.Sprintf("%s %d", monthNames[d.Month-1], d.Year)
	case quiz.PrecisionDay:
		if st == styleMDY {
			return fmt.Sprintf("%s %d, %d", monthNames[d.Month-1], d.Day, d.Year)
		}
		return fmt.Sprintf("%d %s %d", d.Day, monthNames[d.Month-1], d.Year)
	}
	return ""
}

var daysIn = []int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

func monthDays(y, m int) int {
	if m == 2 && y%4 == 0 && (y%100 != 0 || y%400 == 0) {
		return 29
	}
	return daysIn[m-1]
}

// shiftDate moves d by n units of its own precision (days, months or years).
func shiftDate(d quiz.Date, n int) quiz.Date {
	switch d.Precision() {
	case quiz.PrecisionYear:
		d.Year += n
	case quiz.PrecisionMonth:
		m := d.Year*12 + d.Month - 1 + n
		d.Year, d.Month = m/12, m%12+1
	case quiz.PrecisionDay:
		for ; n > 0; n-- {
			d.Day++
			if d.Day > monthDays(d.Year, d.Month) {
				d.Day, d.Month = 1, d.Month+1
				if d.Month > 12 {
					d.Month, d.Year = 1, d.Year+1
				}
			}
		}
		for ; n < 0; n++ {
			d.Day--
			if d.Day == 0 {
				d.Month--
				if d.Month == 0 {
					d.Month, d.Year = 12, d.Year-1
				}
				d.Day = monthDays(d.Year, d.Month)
			}
		}
	}
	return d
}

// dayNumber gives a day count for spacing events apart (approximate for
// coarse precisions: the middle of the month or year).
func dayNumber(d quiz.Date) int {
	m, day := d.Month, d.Day
	if m == 0 {
		m = 7
	}
	if day == 0 {
		day = 15
	}
	return d.Year*372 + (m-1)*31 + day
}

var numericDateRE = regexp.MustCompile(`^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$`)

// parseAnswerDate reads a typed date in any unambiguous format. A numeric
// date whose day and month could be swapped (05/12/2024) is reported as
// ambiguous.
func parseAnswerDate(s string) (d quiz.Date, ambiguous, ok bool) {
	s = strings.TrimSpace(strings.Trim(s, " ."))
	if m := numericDateRE.FindStringSubmatch(s); m != nil {
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		y, _ := strconv.Atoi(m[3])
		switch {
		case a > 12 && b <= 12:
			return quiz.Date{Year: y, Month: b, Day: a}, false, true
		case b > 12 && a <= 12:
			return quiz.Date{Year: y, Month: a, Day: b}, false, true
		case a == b && a <= 12:
			return quiz.Date{Year: y, Month: a, Day: a}, false, true
		case a <= 12 && b <= 12:
			return quiz.Date{}, true, false
		}
		return quiz.Date{}, false, false
	}
	hits := findDates(s)
	if len(hits) != 1 || hits[0].start != 0 || hits[0].end != len(s) {
		return quiz.Date{}, false, false
	}
	return hits[0].d, false, hits[0].d.Year != 0
}

// monthNamed reports a month named as a word ("reached Texas in
// December"), a date with no digit; "May" is left out, being a verb too.
func monthNamed(s string) bool {
	for _, m := range monthNames {
		if m == "May" {
			continue
		}
		if i := strings.Index(s, m); i >= 0 && (i == 0 || !isWordByte(s[i-1])) &&
			(i+len(m) == len(s) || !isWordByte(s[i+len(m)])) {
			return true
		}
	}
	return false
}
