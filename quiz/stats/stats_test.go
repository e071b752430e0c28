package stats

import (
	"math"
	"testing"
	"time"
	_ "time/tzdata" // zones load without system tzdata

	"github.com/factdeck/factdeck/quiz/srs"
)

func mustLoad(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func utc(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestReviewsCountOnTheLearnersDay(t *testing.T) {
	paris := mustLoad(t, "Europe/Paris")
	tokyo := mustLoad(t, "Asia/Tokyo")
	ny := mustLoad(t, "America/New_York")
	for _, tc := range []struct {
		name string
		loc  *time.Location
		now  string
		at   string
		want Date // the day the review is counted on
	}{
		{"UTC evening is the same day in UTC", time.UTC, "2025-06-10T12:00:00Z", "2025-06-09T23:59:59Z", Date{2025, 6, 9}},
		{"23:30 UTC is past midnight in Paris (summer, UTC+2)", paris, "2025-06-10T12:00:00Z", "2025-06-09T22:30:00Z", Date{2025, 6, 10}},
		{"21:59 UTC is still the day before in Paris", paris, "2025-06-10T12:00:00Z", "2025-06-09T21:59:00Z", Date{2025, 6, 9}},
		{"15:00 UTC is the next morning in Tokyo", tokyo, "2025-06-10T12:00:00Z", "2025-06-09T15:00:00Z", Date{2025, 6, 10}},
		{"03:59 UTC is the evening before in New York", ny, "2025-06-10T12:00:00Z", "2025-06-10T03:59:00Z", Date{2025, 6, 9}},
		{"spring-forward day in Paris is one day", paris, "2025-03-31T12:00:00Z", "2025-03-30T21:30:00Z", Date{2025, 3, 30}},
		{"fall-back day in New York is one day", ny, "2025-11-03T12:00:00Z", "2025-11-03T04:30:00Z", Date{2025, 11, 2}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := Compute(Input{Now: utc(tc.now), Location: tc.loc, Reviews: []Review{{CardID: "a", Rating: srs.Good, At: utc(tc.at)}}})
			var got []Date
			for _, w := range p.Heatmap.Weeks {
				for _, d := range w {
					if d.Count > 0 {
						got = append(got, d.Date)
					}
				}
			}
			if len(got) != 1 || got[0] != tc.want {
				t.Errorf("review counted on %v, want %v", got, tc.want)
			}
		})
	}
}

func TestHeatmapGrid(t *testing.T) {
	now := utc("2025-06-11T09:00:00Z") // a Wednesday
	p := Compute(Input{Now: now, Location: time.UTC, Reviews: []Review{
		{At: utc("2025-06-11T08:00:00Z")}, {At: utc("2025-06-11T08:01:00Z")}, {At: utc("2025-06-11T08:02:00Z")},
		{At: utc("2025-06-11T08:03:00Z")}, {At: utc("2025-06-10T08:00:00Z")},
		{At: utc("2024-06-09T08:00:00Z")}, // before the grid's first Monday: not shown
	}})
	h := p.Heatmap
	first, last := h.Weeks[0][0], h.Weeks[HeatmapWeeks-1]
	if first.Date != (Date{2024, 6, 10}) || first.Date.Weekday() != time.Monday {
		t.Errorf("grid starts %v (%v), want Monday 2024-06-10", first.Date, first.Date.Weekday())
	}
	if last[2].Date != (Date{2025, 6, 11}) || last[2].Future || !last[3].Future || !last[6].Future {
		t.Errorf("last week: today %v future=%v, Thursday future=%v", last[2].Date, last[2].Future, last[3].Future)
	}
	if h.Total != 5 || h.ActiveDays != 2 || h.Max != 4 {
		t.Errorf("total %d active %d max %d, want 5, 2, 4", h.Total, h.ActiveDays, h.Max)
	}
	if last[2].Level != Levels || last[1].Level != 1 || last[0].Level != 0 {
		t.Errorf("levels %d %d %d, want %d 1 0", last[2].Level, last[1].Level, last[0].Level, Levels)
	}
	if got := Since(now, time.UTC); !got.Equal(utc("2024-06-10T00:00:00Z")) {
		t.Errorf("Since = %v", got)
	}
}

func TestLevels(t *testing.T) {
	for _, tc := range []struct{ n, most, want int }{
		{0, 10, 0}, {1, 10, 1}, {3, 10, 2}, {5, 10, 2}, {6, 10, 3}, {8, 10, 4}, {10, 10, 4}, {1, 1, 4},
	} {
		if got := level(tc.n, tc.most); got != tc.want {
			t.Errorf("level(%d of %d) = %d, want %d", tc.n, tc.most, got, tc.want)
		}
	}
}

func TestStreak(t *testing.T) {
	paris := mustLoad(t, "Europe/Paris")
	now := utc("2025-06-11T06:00:00Z") // 08:00 in Paris
	day := func(s string) Review { return Review{At: utc(s)} }
	for _, tc := range []struct {
		name    string
		reviews []Review
		since   time.Time
		want    Streak
	}{
		{"nothing", nil, time.Time{}, Streak{}},
		{"today only", []Review{day("2025-06-11T05:00:00Z")}, time.Time{}, Streak{Days: 1, Today: true}},
		{"three days ending today", []Review{day("2025-06-09T10:00:00Z"), day("2025-06-10T10:00:00Z"), day("2025-06-11T05:00:00Z")},
			time.Time{}, Streak{Days: 3, Today: true}},
		{"ending yesterday still counts", []Review{day("2025-06-09T10:00:00Z"), day("2025-06-10T10:00:00Z")},
			time.Time{}, Streak{Days: 2}},
		{"ending the day before yesterday is broken", []Review{day("2025-06-08T10:00:00Z"), day("2025-06-09T10:00:00Z")},
			time.Time{}, Streak{}},
		{"a gap ends the run", []Review{day("2025-06-07T10:00:00Z"), day("2025-06-09T10:00:00Z"), day("2025-06-10T10:00:00Z")},
			time.Time{}, Streak{Days: 2}},
		// 22:30 UTC on the 10th is 00:30 on the 11th in Paris: today, not yesterday.
		{"Paris midnight: a late UTC review is today", []Review{day("2025-06-10T22:30:00Z")}, time.Time{}, Streak{Days: 1, Today: true}},
		// 21:30 UTC on the 9th is 23:30 on the 9th in Paris: two days ago.
		{"Paris midnight: 23:30 two days ago breaks it", []Review{day("2025-06-09T21:30:00Z")}, time.Time{}, Streak{}},
		{"run reaching the start of the data may be longer", []Review{day("2025-06-10T10:00:00Z"), day("2025-06-11T05:00:00Z")},
			utc("2025-06-09T22:00:00Z"), Streak{Days: 2, Today: true, AtLeast: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Compute(Input{Now: now, Location: paris, Reviews: tc.reviews, Since: tc.since}).Streak
			if got != tc.want {
				t.Errorf("streak = %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestRetentionIsAnkisTrueRetention(t *testing.T) {
	now := utc("2025-06-30T12:00:00Z")
	r := func(before srs.State, rating srs.Rating, at string) Review {
		return Review{Before: before, Rating: rating, At: utc(at)}
	}
	for _, tc := range []struct {
		name       string
		reviews    []Review
		pass, fail int
		rate       float64
		ok         bool
	}{
		{"no reviews: no rate", nil, 0, 0, 0, false},
		{"Hard, Good and Easy pass; Again fails", []Review{
			r(srs.Review, srs.Hard, "2025-06-29T10:00:00Z"), r(srs.Review, srs.Good, "2025-06-29T10:00:00Z"),
			r(srs.Review, srs.Easy, "2025-06-29T10:00:00Z"), r(srs.Review, srs.Again, "2025-06-29T10:00:00Z"),
		}, 3, 1, 0.75, true},
		{"new, learning and relearning answers do not count", []Review{
			r(srs.New, srs.Again, "2025-06-29T10:00:00Z"), r(srs.Learning, srs.Good, "2025-06-29T10:00:00Z"),
			r(srs.Relearning, srs.Again, "2025-06-29T10:00:00Z"), r(srs.Review, srs.Good, "2025-06-29T10:00:00Z"),
		}, 1, 0, 1, true},
		{"window is today and the 29 days before", []Review{
			r(srs.Review, srs.Again, "2025-05-31T23:59:59Z"), // day 31 back: out
			r(srs.Review, srs.Good, "2025-06-01T00:00:00Z"),  // first day of the window
			r(srs.Review, srs.Good, "2025-06-30T11:00:00Z"),  // today
		}, 2, 0, 1, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Compute(Input{Now: now, Location: time.UTC, Reviews: tc.reviews}).Retention
			rate, ok := got.Rate()
			if got.Passed != tc.pass || got.Failed != tc.fail || ok != tc.ok || math.Abs(rate-tc.rate) > 1e-9 {
				t.Errorf("retention %+v rate %v %v, want %d passed %d failed rate %v %v", got, rate, ok, tc.pass, tc.fail, tc.rate, tc.ok)
			}
			if got.From != (Date{2025, 6, 1}) {
				t.Errorf("window starts %v, want 2025-06-01", got.From)
			}
		})
	}
}

func TestForecast(t *testing.T) {
	tokyo := mustLoad(t, "Asia/Tokyo")
	now := utc("2025-06-10T20:00:00Z") // 05:00 on the 11th in Tokyo
	card := func(st srs.State, due string) Card { return Card{State: srs.Card{State: st, Due: utc(due)}} }
	f := Compute(Input{Now: now, Location: tokyo, Cards: []Card{
		card(srs.New, "2025-06-10T00:00:00Z"),        // new: not in the forecast
		card(srs.Review, "2025-06-01T00:00:00Z"),     // overdue: today
		card(srs.Learning, "2025-06-10T20:10:00Z"),   // later today
		card(srs.Review, "2025-06-11T14:59:00Z"),     // 23:59 on the 11th in Tokyo: today
		card(srs.Review, "2025-06-11T15:00:00Z"),     // 00:00 on the 12th: tomorrow
		card(srs.Relearning, "2025-07-10T12:00:00Z"), // 21:00 on 10 July: day 29, the last shown
		card(srs.Review, "2025-07-10T15:00:00Z"),     // 11 July: later
	}}).Forecast
	if f.Days[0].Date != (Date{2025, 6, 11}) || f.Days[0].Count != 3 || f.Overdue != 1 {
		t.Errorf("today %v: %d due (%d overdue), want 2025-06-11: 3 (1)", f.Days[0].Date, f.Days[0].Count, f.Overdue)
	}
	if f.Days[1].Count != 1 || f.Days[29].Count != 1 || f.Later != 1 || f.Max != 3 {
		t.Errorf("tomorrow %d, day 29 %d, later %d, max %d; want 1, 1, 1, 3", f.Days[1].Count, f.Days[29].Count, f.Later, f.Max)
	}
}

func TestStatesAndMastery(t *testing.T) {
	now := utc("2025-06-10T12:00:00Z")
	recall := func(c srs.Card, _ time.Time) float64 { return c.Stability } // stands in for retrievability
	cards := []Card{
		{ID: "1", TopicID: "t1", Topic: "Aleppo", State: srs.Card{State: srs.Review, Stability: 0.9}},
		{ID: "2", TopicID: "t1", Topic: "Aleppo", State: srs.Card{State: srs.Learning, Stability: 0.5}},
		{ID: "3", TopicID: "t1", Topic: "Aleppo"}, // new: counts 0
		{ID: "4", TopicID: "t2", Topic: "Idlib", State: srs.Card{State: srs.Relearning, Stability: 0.4}},
		{ID: "5", TopicID: "t3", Topic: "Hama"},
	}
	p := Compute(Input{Now: now, Cards: cards, Recall: recall})
	if want := (StateCounts{New: 2, Learning: 1, Review: 1, Relearning: 1}); p.States != want || p.States.Total() != 5 {
		t.Errorf("states %+v, want %+v", p.States, want)
	}
	want := []TopicMastery{
		{ID: "t1", Name: "Aleppo", Cards: 3, Studied: 2, Mastery: (0.9 + 0.5) / 3},
		{ID: "t2", Name: "Idlib", Cards: 1, Studied: 1, Mastery: 0.4},
		{ID: "t3", Name: "Hama", Cards: 1},
	}
	if len(p.Topics) != len(want) {
		t.Fatalf("topics %+v", p.Topics)
	}
	for i := range want {
		g := p.Topics[i]
		if g.ID != want[i].ID || g.Name != want[i].Name || g.Cards != want[i].Cards || g.Studied != want[i].Studied ||
			math.Abs(g.Mastery-want[i].Mastery) > 1e-9 {
			t.Errorf("topic %d = %+v, want %+v", i, g, want[i])
		}
	}
}
