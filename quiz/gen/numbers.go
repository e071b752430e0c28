package gen

import (
	"math"
	"regexp"
	"strconv"
	"strings"
)

// numberRE finds a count in text: 22, 2,892, 100 000, 5,933.5.
var numberRE = regexp.MustCompile(`\b\d{1,3}(?:[,\x{00a0} ]\d{3})+(?:\.\d+)?\b|\b\d+(?:\.\d+)?\b`)

// numberHit is a number found in a sentence.
type numberHit struct {
	start, end int
	v          float64
	text       string
}

var plainDigitsRE = regexp.MustCompile(`^\d+$`)

// findNumbers returns the numbers written in s.
func findNumbers(s string) []numberHit {
	var out []numberHit
	for _, m := range numberRE.FindAllStringIndex(s, -1) {
		t := s[m[0]:m[1]]
		v, ok := parseNumber(t)
		if ok {
			out = append(out, numberHit{m[0], m[1], v, t})
		}
	}
	return out
}

// parseNumber reads a number written with or without thousands separators.
func parseNumber(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	r := strings.NewReplacer(",", "", " ", "", "\u00a0", "")
	v, err := strconv.ParseFloat(r.Replace(s), 64)
	return v, err == nil
}

// parseAnswerNumber reads a typed answer that is only a number, allowing
// words such as "about" or a trailing noun ("100,000 residents").
func parseAnswerNumber(s string) (float64, bool) {
	hits := findNumbers(s)
	if len(hits) != 1 {
		return 0, false
	}
	return hits[0].v, true
}

// formatNumber writes v like the example: with thousands separators when
// the example has them (or v has five digits or more), without otherwise.
func formatNumber(v float64, example string) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	sep := strings.Contains(example, ",") || (v >= 10000 && !plainDigitsRE.MatchString(example))
	if !sep || v < 1000 {
		return s
	}
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString("." + frac)
	}
	return b.String()
}

// rounding returns the power of ten v is rounded to (22 → 1, 2,892 → 1,
// 100,000 → 100,000, 10,000 → 10,000), at most a tenth of the leading unit.
func rounding(v float64) float64 {
	if v <= 0 || v != math.Trunc(v) {
		return 1
	}
	r := 1.0
	for math.Mod(v, r*10) == 0 {
		r *= 10
	}
	return r
}

// nearbyNumbers proposes wrong counts of the same magnitude and rounding as
// v: scaled by plausible factors, then rounded like v.
func nearbyNumbers(v float64) []float64 {
	r := rounding(v)
	if v >= 10 && r == v {
		// 100,000 rounds to itself: move in steps of the leading digit.
		r = v / 10
		if v/r < 5 {
			r = v / 4
		}
	}
	var out []float64
	seen := map[float64]bool{v: true}
	for _, f := range []float64{1.5, 0.6, 2, 0.4, 1.25, 0.8, 3, 2.5} {
		n := math.Round(v*f/r) * r
		if n <= 0 || seen[n] || n == math.Trunc(v) {
			continue
		}
		seen[n] = true
		out = append(out, n)
	}
	return out
}
