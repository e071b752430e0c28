package srs

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/factdeck/factdeck/quiz"
)

// Bounds of the learner settings.
const (
	MinRetention         = 0.70
	MaxRetention         = 0.99
	MaxNewPerDay         = 9999
	MaxReviewsPerDay     = 99999
	DefaultNewPerDay     = 20
	DefaultReviewsPerDay = 200
)

// Settings are what a learner may change about scheduling.
type Settings struct {
	DesiredRetention float64         // probability of recall aimed for at the due date
	MaximumInterval  int             // days, 1..36500
	LearningSteps    []time.Duration // same-day steps for new cards
	RelearningSteps  []time.Duration // same-day steps after a lapse
	NewPerDay        int             // new cards introduced per day
	ReviewsPerDay    int             // reviews shown per day at most
	TimeZone         string          // IANA name; "today" begins at midnight there
}

// DefaultSettings are the settings of a new learner.
func DefaultSettings() Settings {
	p := LearnerParameters()
	return Settings{
		DesiredRetention: p.RequestRetention,
		MaximumInterval:  p.MaximumInterval,
		LearningSteps:    p.LearningSteps,
		RelearningSteps:  p.RelearningSteps,
		NewPerDay:        DefaultNewPerDay,
		ReviewsPerDay:    DefaultReviewsPerDay,
		TimeZone:         "UTC",
	}
}

// Field names used in validation errors; they match the settings form.
const (
	FieldRetention       = "desired_retention"
	FieldMaximumInterval = "maximum_interval"
	FieldLearningSteps   = "learning_steps"
	FieldRelearningSteps = "relearning_steps"
	FieldNewPerDay       = "new_per_day"
	FieldReviewsPerDay   = "reviews_per_day"
	FieldTimeZone        = "time_zone"
)

// Validate returns a *quiz.ValidationError naming every invalid field, or nil.
func (s Settings) Validate() error {
	v := &quiz.ValidationError{Fields: map[string]string{}}
	if !(s.DesiredRetention >= MinRetention && s.DesiredRetention <= MaxRetention) {
		v.Fields[FieldRetention] = fmt.Sprintf("desired retention must be between %.2f and %.2f", MinRetention, MaxRetention)
	}
	if s.MaximumInterval < 1 || s.MaximumInterval > int(MaxStability) {
		v.Fields[FieldMaximumInterval] = fmt.Sprintf("maximum interval must be 1 to %d days", int(MaxStability))
	}
	if msg := checkSteps(s.LearningSteps); msg != "" {
		v.Fields[FieldLearningSteps] = msg
	}
	if msg := checkSteps(s.RelearningSteps); msg != "" {
		v.Fields[FieldRelearningSteps] = msg
	}
	if s.NewPerDay < 0 || s.NewPerDay > MaxNewPerDay {
		v.Fields[FieldNewPerDay] = fmt.Sprintf("new cards per day must be 0 to %d", MaxNewPerDay)
	}
	if s.ReviewsPerDay < 0 || s.ReviewsPerDay > MaxReviewsPerDay {
		v.Fields[FieldReviewsPerDay] = fmt.Sprintf("reviews per day must be 0 to %d", MaxReviewsPerDay)
	}
	if msg := checkTimeZone(s.TimeZone); msg != "" {
		v.Fields[FieldTimeZone] = msg
	}
	if len(v.Fields) == 0 {
		return nil
	}
	return v
}

func checkSteps(steps []time.Duration) string {
	if len(steps) > maxSteps {
		return fmt.Sprintf("at most %d steps", maxSteps)
	}
	for _, d := range steps {
		if d < time.Minute || d > maxStep || d%time.Minute != 0 {
			return fmt.Sprintf("each step must be whole minutes from 1m to %dd", int(maxStep/(24*time.Hour)))
		}
	}
	return ""
}

func checkTimeZone(name string) string {
	if name == "" || name == "Local" {
		return "choose a time zone such as Europe/Paris or UTC"
	}
	if _, err := time.LoadLocation(name); err != nil {
		return fmt.Sprintf("unknown time zone %q", name)
	}
	return ""
}

// Location returns the settings' time zone, UTC if it cannot be loaded.
func (s Settings) Location() *time.Location {
	if loc, err := time.LoadLocation(s.TimeZone); err == nil && s.TimeZone != "Local" {
		return loc
	}
	return time.UTC
}

// Parameters are the scheduler parameters for these settings: default
// weights, short-term steps on, fuzz on.
func (s Settings) Parameters() Parameters {
	p := LearnerParameters()
	p.RequestRetention = s.DesiredRetention
	p.MaximumInterval = s.MaximumInterval
	p.LearningSteps = append([]time.Duration(nil), s.LearningSteps...)
	p.RelearningSteps = append([]time.Duration(nil), s.RelearningSteps...)
	return p
}

// SettingsForm is the settings as typed into a form, before parsing.
type SettingsForm struct {
	DesiredRetention string // "0.9" or "90" (percent)
	MaximumInterval  string
	LearningSteps    string // "1m 10m"
	RelearningSteps  string // "10m"
	NewPerDay        string
	ReviewsPerDay    string
	TimeZone         string
}

// Form returns s written as the settings form shows it.
func (s Settings) Form() SettingsForm {
	return SettingsForm{
		DesiredRetention: strconv.FormatFloat(s.DesiredRetention, 'f', -1, 64),
		MaximumInterval:  strconv.Itoa(s.MaximumInterval),
		LearningSteps:    FormatSteps(s.LearningSteps),
		RelearningSteps:  FormatSteps(s.RelearningSteps),
		NewPerDay:        strconv.Itoa(s.NewPerDay),
		ReviewsPerDay:    strconv.Itoa(s.ReviewsPerDay),
		TimeZone:         s.TimeZone,
	}
}

// Parse parses and validates the form. Its error is a *quiz.ValidationError
// with one message per invalid field.
func (f SettingsForm) Parse() (Settings, error) {
	var s Settings
	v := &quiz.ValidationError{Fields: map[string]string{}}
	s.DesiredRetention = parseRetention(f.DesiredRetention, v)
	s.MaximumInterval = parseInt(f.MaximumInterval, FieldMaximumInterval, "maximum interval", v)
	s.NewPerDay = parseInt(f.NewPerDay, FieldNewPerDay, "new cards per day", v)
	s.ReviewsPerDay = parseInt(f.ReviewsPerDay, FieldReviewsPerDay, "reviews per day", v)
	var err error
	if s.LearningSteps, err = ParseSteps(f.LearningSteps); err != nil {
		v.Fields[FieldLearningSteps] = err.Error()
	}
	if s.RelearningSteps, err = ParseSteps(f.RelearningSteps); err != nil {
		v.Fields[FieldRelearningSteps] = err.Error()
	}
	s.TimeZone = strings.TrimSpace(f.TimeZone)
	if err := s.Validate(); err != nil {
		for k, msg := range err.(*quiz.ValidationError).Fields {
			if _, ok := v.Fields[k]; !ok {
				v.Fields[k] = msg
			}
		}
	}
	if len(v.Fields) > 0 {
		return s, v
	}
	return s, nil
}

// parseRetention accepts a fraction ("0.9") or a percentage ("90", "90%").
func parseRetention(in string, v *quiz.ValidationError) float64 {
	in = strings.TrimSpace(in)
	pct := strings.HasSuffix(in, "%")
	x, err := strconv.ParseFloat(strings.TrimSuffix(in, "%"), 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		v.Fields[FieldRetention] = "desired retention must be a number such as 0.9 or 90%"
		return 0
	}
	if pct || x > 1 {
		x /= 100
	}
	return x
}

func parseInt(in, field, name string, v *quiz.ValidationError) int {
	n, err := strconv.Atoi(strings.TrimSpace(in))
	if err != nil {
		v.Fields[field] = name + " must be a whole number"
	}
	return n
}
