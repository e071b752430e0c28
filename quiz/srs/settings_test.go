package srs

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/factdeck/factdeck/quiz"
)

func TestParseSteps(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []time.Duration
		err  string
	}{
		{"", []time.Duration{}, ""},
		{"1m 10m", []time.Duration{time.Minute, 10 * time.Minute}, ""},
		{"1m,10m, 1h", []time.Duration{time.Minute, 10 * time.Minute, time.Hour}, ""},
		{"1d", []time.Duration{24 * time.Hour}, ""},
		{"365d", []time.Duration{365 * 24 * time.Hour}, ""},
		{"366d", nil, "longer than 365 days"},
		{"0m", nil, "at least 1 minute"},
		{"10", nil, "not a step"},
		{"1.5h", nil, "not a step"},
		{"-1m", nil, "not a step"},
		{"10s", nil, "not a step"},
		{"m", nil, "not a step"},
		{"99999999999999999999m", nil, "longer than"},
		{strings.Repeat("1m ", 21), nil, "at most 20"},
	} {
		got, err := ParseSteps(tc.in)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("ParseSteps(%q) error = %v, want %q", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ParseSteps(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
	steps := []time.Duration{time.Minute, 90 * time.Minute, 2 * time.Hour, 48 * time.Hour}
	if got := FormatSteps(steps); got != "1m 90m 2h 2d" {
		t.Errorf("FormatSteps = %q", got)
	}
}

func TestSettingsDefaults(t *testing.T) {
	s := DefaultSettings()
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
	p := s.Parameters()
	if !p.EnableFuzz || !p.EnableShortTerm || p.RequestRetention != 0.9 {
		t.Errorf("learner parameters = %+v, want fuzz and short-term on, retention 0.9", p)
	}
	back, err := s.Form().Parse()
	if err != nil || !reflect.DeepEqual(back, s) {
		t.Errorf("form round trip = %+v, %v; want %+v", back, err, s)
	}
}

func TestSettingsFormParse(t *testing.T) {
	ok := DefaultSettings().Form()
	for _, tc := range []struct {
		name   string
		edit   func(*SettingsForm)
		fields []string
	}{
		{"valid", func(*SettingsForm) {}, nil},
		{"percent", func(f *SettingsForm) { f.DesiredRetention = "85%" }, nil},
		{"whole percent", func(f *SettingsForm) { f.DesiredRetention = "95" }, nil},
		{"retention low", func(f *SettingsForm) { f.DesiredRetention = "0.69" }, []string{FieldRetention}},
		{"retention high", func(f *SettingsForm) { f.DesiredRetention = "0.995" }, []string{FieldRetention}},
		{"retention text", func(f *SettingsForm) { f.DesiredRetention = "most" }, []string{FieldRetention}},
		{"retention NaN", func(f *SettingsForm) { f.DesiredRetention = "NaN" }, []string{FieldRetention}},
		{"interval 0", func(f *SettingsForm) { f.MaximumInterval = "0" }, []string{FieldMaximumInterval}},
		{"interval big", func(f *SettingsForm) { f.MaximumInterval = "36501" }, []string{FieldMaximumInterval}},
		{"no steps", func(f *SettingsForm) { f.LearningSteps, f.RelearningSteps = "", "" }, nil},
		{"bad steps", func(f *SettingsForm) { f.LearningSteps, f.RelearningSteps = "1x", "5" },
			[]string{FieldLearningSteps, FieldRelearningSteps}},
		{"limits", func(f *SettingsForm) { f.NewPerDay, f.ReviewsPerDay = "-1", "lots" },
			[]string{FieldNewPerDay, FieldReviewsPerDay}},
		{"zone", func(f *SettingsForm) { f.TimeZone = "Mars/Olympus" }, []string{FieldTimeZone}},
		{"empty zone", func(f *SettingsForm) { f.TimeZone = " " }, []string{FieldTimeZone}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := ok
			tc.edit(&f)
			_, err := f.Parse()
			if len(tc.fields) == 0 {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			var v *quiz.ValidationError
			if !errors.As(err, &v) {
				t.Fatalf("error %v (%T), want *quiz.ValidationError", err, err)
			}
			if len(v.Fields) != len(tc.fields) {
				t.Errorf("fields %v, want %v", v.Fields, tc.fields)
			}
			for _, k := range tc.fields {
				if v.Fields[k] == "" {
					t.Errorf("no message for %s in %v", k, v.Fields)
				}
			}
		})
	}
}

func TestSettingsValidateStruct(t *testing.T) {
	s := DefaultSettings()
	s.LearningSteps = []time.Duration{30 * time.Second}
	s.TimeZone = "Local"
	err := s.Validate()
	var v *quiz.ValidationError
	if !errors.As(err, &v) || v.Fields[FieldLearningSteps] == "" || v.Fields[FieldTimeZone] == "" {
		t.Fatalf("Validate = %v", err)
	}
}
