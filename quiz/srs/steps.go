package srs

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// maxSteps bounds how many (re)learning steps a learner may set.
const maxSteps = 20

// ParseSteps reads learning steps written as Anki writes them: whole numbers
// with a unit m, h or d, separated by spaces or commas ("1m 10m", "1h", "1d").
// An empty string means no steps (FSRS schedules in days from the start).
func ParseSteps(s string) ([]time.Duration, error) {
	fields := strings.FieldsFunc(s, func(r rune) bool {
		return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r'
	})
	if len(fields) > maxSteps {
		return nil, fmt.Errorf("at most %d steps", maxSteps)
	}
	steps := make([]time.Duration, 0, len(fields))
	for _, f := range fields {
		d, err := parseStep(f)
		if err != nil {
			return nil, err
		}
		steps = append(steps, d)
	}
	return steps, nil
}

func parseStep(f string) (time.Duration, error) {
	bad := fmt.Errorf("%q is not a step: write a whole number and m, h or d, like 10m, 1h or 1d", f)
	if len(f) < 2 {
		return 0, bad
	}
	var unit time.Duration
	switch strings.ToLower(f[len(f)-1:]) {
	case "m":
		unit = time.Minute
	case "h":
		unit = time.Hour
	case "d":
		unit = 24 * time.Hour
	default:
		return 0, bad
	}
	digits := f[:len(f)-1]
	for _, r := range digits {
		if r < '0' || r > '9' {
			return 0, bad
		}
	}
	n, err := strconv.Atoi(digits)
	if err != nil || n > int(maxStep/unit) {
		return 0, fmt.Errorf("step %q is longer than %d days", f, int(maxStep/(24*time.Hour)))
	}
	if n == 0 {
		return 0, errors.New("a step must be at least 1 minute")
	}
	return time.Duration(n) * unit, nil
}

// FormatSteps writes steps in the form ParseSteps reads, in the largest
// unit that divides each step.
func FormatSteps(steps []time.Duration) string {
	parts := make([]string, len(steps))
	for i, d := range steps {
		parts[i] = formatStep(d)
	}
	return strings.Join(parts, " ")
}

func formatStep(d time.Duration) string {
	switch {
	case d != 0 && d%(24*time.Hour) == 0:
		return strconv.FormatInt(int64(d/(24*time.Hour)), 10) + "d"
	case d != 0 && d%time.Hour == 0:
		return strconv.FormatInt(int64(d/time.Hour), 10) + "h"
	default:
		return strconv.FormatInt(int64(d/time.Minute), 10) + "m"
	}
}
