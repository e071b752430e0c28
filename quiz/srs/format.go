package srs

import (
	"math"
	"strconv"
	"time"
)

// Span lengths in seconds, as Anki uses them for answer buttons: a month is
// a twelfth of a 365-day year.
const (
	secMinute = 60.0
	secHour   = 3600.0
	secDay    = 86400.0
	secMonth  = 30.417 * secDay
	secYear   = 365 * secDay
)

// FormatInterval writes a time span for an answer button the way Anki does:
// "<1m" under a minute, then whole minutes, hours or days ("10m", "3h",
// "3d"), then months and years to one decimal ("1.2mo", "2.1y", "1y").
func FormatInterval(d time.Duration) string {
	return formatSeconds(d.Seconds())
}

// ButtonLabel is FormatInterval of the time from now until due, computed
// without time.Duration so that dues centuries away cannot overflow.
func ButtonLabel(now, due time.Time) string {
	ms := due.UnixMilli() - now.UnixMilli()
	return formatSeconds(float64(ms) / 1000)
}

// Labels are the four answer-button labels of o, shown at time now.
func (o Outcomes) Labels(now time.Time) [4]string {
	var l [4]string
	for i, c := range o {
		l[i] = ButtonLabel(now, c.Due)
	}
	return l
}

func formatSeconds(sec float64) string {
	switch {
	case sec < secMinute:
		return "<1m"
	case sec < secHour:
		return whole(sec/secMinute) + "m"
	case sec < secDay:
		return whole(sec/secHour) + "h"
	case sec < secMonth:
		return whole(sec/secDay) + "d"
	case sec < secYear:
		return tenths(sec/secMonth) + "mo"
	default:
		return tenths(sec/secYear) + "y"
	}
}

func whole(x float64) string {
	return strconv.FormatFloat(math.Round(x), 'f', 0, 64)
}

// tenths writes x to one decimal, dropping a trailing ".0".
func tenths(x float64) string {
	return strconv.FormatFloat(math.Round(x*10)/10, 'f', -1, 64)
}
