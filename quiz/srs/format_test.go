package srs

import (
	"testing"
	"time"
)

func TestFormatInterval(t *testing.T) {
	day := 24 * time.Hour
	for _, tc := range []struct {
		in   time.Duration
		want string
	}{
		{0, "<1m"},
		{59 * time.Second, "<1m"},
		{time.Minute, "1m"},
		{6 * time.Minute, "6m"},
		{10 * time.Minute, "10m"},
		{59*time.Minute + 40*time.Second, "60m"},
		{time.Hour, "1h"},
		{3 * time.Hour, "3h"},
		{90 * time.Minute, "2h"},
		{day, "1d"},
		{3 * day, "3d"},
		{30 * day, "30d"},
		{31 * day, "1mo"},
		{37 * day, "1.2mo"},
		{45 * day, "1.5mo"},
		{364 * day, "12mo"},
		{365 * day, "1y"},
		{767 * day, "2.1y"},
		{36500 * day, "100y"},
	} {
		if got := FormatInterval(tc.in); got != tc.want {
			t.Errorf("FormatInterval(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestButtonLabels(t *testing.T) {
	s := mustScheduler(t, DefaultParameters())
	got := mustPreview(t, s, NewCard(t0), t0).Labels(t0)
	if want := [4]string{"1m", "6m", "10m", "8d"}; got != want {
		t.Errorf("new card labels = %v, want %v", got, want)
	}
	far := time.Date(2400, 1, 1, 0, 0, 0, 0, time.UTC)
	if got := ButtonLabel(t0, far); got != "374.2y" {
		t.Errorf("ButtonLabel to 2400 = %q", got)
	}
}
