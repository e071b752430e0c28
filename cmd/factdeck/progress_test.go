package main

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/factdeck/factdeck/quiz/srs"
	"github.com/factdeck/factdeck/store"
)

// progressFixture is a learner in New York with five reviews of three
// cards recorded on a fake clock: "now" is Wednesday 4 March 2026, 10:00
// in New York (15:00 UTC).
type progressFixture struct {
	a       *testApp
	learner int64
	now     time.Time
	docID   int64
}

func newProgressFixture(t *testing.T) progressFixture {
	t.Helper()
	a := newTestApp(t)
	now := time.Date(2026, 3, 4, 15, 0, 0, 0, time.UTC)
	a.srv.now = func() time.Time { return now }
	a.get(t, "/") // creates the learner
	learner := learnerOf(t, a)
	ctx := context.Background()
	settings := srs.DefaultSettings()
	settings.TimeZone = "America/New_York"
	if err := a.db.UpdateLearnerSettings(ctx, learner, settings); err != nil {
		t.Fatal(err)
	}
	sched, err := srs.NewScheduler(settings.Parameters())
	if err != nil {
		t.Fatal(err)
	}
	docs, _ := a.db.Documents(ctx, store.DocumentFilter{})
	cards, err := a.db.Cards(ctx, store.CardFilter{DocID: docs[0].ID})
	if err != nil || len(cards) < 3 {
		t.Fatalf("cards: %d, %v", len(cards), err)
	}
	A, B, C := cards[0].ID, cards[1].ID, cards[2].ID
	for i, rv := range []struct {
		card   string
		rating srs.Rating
		at     string
	}{
		{A, srs.Easy, "2026-03-01T15:00:00Z"},  // 1 March in New York: New -> Review
		{B, srs.Easy, "2026-03-01T16:00:00Z"},  // 1 March
		{A, srs.Again, "2026-03-04T03:00:00Z"}, // 22:00 on 3 March in New York (4 March in UTC): a fail
		{B, srs.Good, "2026-03-04T14:00:00Z"},  // 4 March: a pass
		{C, srs.Good, "2026-03-04T14:30:00Z"},  // 4 March: a new card, not in retention
	} {
		at, _ := time.Parse(time.RFC3339, rv.at)
		_, err := a.db.RecordReview(ctx, store.ReviewInput{LearnerID: learner, CardID: rv.card, DocID: docs[0].ID,
			Rating: rv.rating, ReviewedAt: at, ShownToken: "t" + itoa(int64(i))}, sched)
		if err != nil {
			t.Fatal(err)
		}
	}
	return progressFixture{a: a, learner: learner, now: now, docID: docs[0].ID}
}

func text(doc *goquery.Document, sel string) string {
	return strings.Join(strings.Fields(doc.Find(sel).First().Text()), " ")
}

func TestProgressPageNumbers(t *testing.T) {
	f := newProgressFixture(t)
	res, body := f.a.get(t, "/progress")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET /progress = %d", res.StatusCode)
	}
	doc := page(t, body)
	// Days are New York days: the 03:00 UTC review is on 3 March.
	for date, want := range map[string]string{"2026-03-01": "2", "2026-03-03": "1", "2026-03-04": "2", "2026-03-02": "0"} {
		got, ok := doc.Find(`[data-testid="heatmap"] rect[data-date="` + date + `"]`).Attr("data-count")
		if !ok || got != want {
			t.Errorf("heatmap %s: %q reviews, want %s", date, got, want)
		}
	}
	if n := doc.Find(`[data-testid="heatmap"] rect[data-date="2026-03-05"]`).Length(); n != 0 {
		t.Errorf("heatmap draws tomorrow")
	}
	if got := doc.Find(`[data-testid="heatmap-table"] tbody tr`).Length(); got != 3 {
		t.Errorf("heatmap table lists %d days, want 3", got)
	}
	checks := []struct{ sel, want string }{
		{`[data-testid="streak"]`, "2 days"},
		{`[data-testid="retention"]`, "50.0%"},
		{`[data-testid="retention-counts"]`, "1 passed, 1 failed."},
		{`[data-testid="year-total"]`, "5"},
		{`[data-state="st-review"] strong`, "1"},
		{`[data-state="st-learning"] strong`, "1"},
		{`[data-state="st-relearning"] strong`, "1"},
		{`[data-testid="forecast-table"] tbody tr:first-child td`, "2"},
	}
	for _, c := range checks {
		if got := text(doc, c.sel); got != c.want {
			t.Errorf("%s = %q, want %q", c.sel, got, c.want)
		}
	}
	if got := text(doc, `[data-testid="forecast-summary"]`); !strings.Contains(got, "2 cards due today (including 1 overdue); ") {
		t.Errorf("forecast summary %q", got)
	}
	if !strings.Contains(body, "As Anki counts true retention") {
		t.Error("the page does not say how retention is counted")
	}
	studied := 0
	doc.Find(`[data-testid="mastery-studied"]`).Each(func(_ int, s *goquery.Selection) {
		var n, of int
		if _, err := fmtSscanf(s.Text(), &n, &of); err == nil {
			studied += n
		}
	})
	if studied != 3 {
		t.Errorf("mastery rows count %d studied cards, want 3", studied)
	}
	for _, sel := range []string{`svg[data-testid="heatmap"]`, `svg[data-testid="forecast"]`} {
		s := doc.Find(sel)
		if role, _ := s.Attr("role"); role != "img" || s.Find("title").First().Text() == "" || s.Find("desc").Text() == "" {
			t.Errorf("%s has no role=img with a title and desc", sel)
		}
	}
}

func TestProgressDeckFilter(t *testing.T) {
	f := newProgressFixture(t)
	docs, _ := f.a.db.Documents(context.Background(), store.DocumentFilter{})
	_, body := f.a.get(t, "/progress?deck="+itoa(f.docID))
	if got := text(page(t, body), `[data-testid="year-total"]`); got != "5" {
		t.Errorf("this deck's reviews: %q, want 5", got)
	}
	if len(docs) > 1 {
		_, body = f.a.get(t, "/progress?deck="+itoa(docs[1].ID))
		doc := page(t, body)
		if got := text(doc, `[data-testid="year-total"]`); got != "0" {
			t.Errorf("another deck's reviews: %q, want 0", got)
		}
		if got := text(doc, `[data-testid="retention"]`); got != "No reviews yet" {
			t.Errorf("another deck's retention: %q", got)
		}
	}
	for _, q := range []string{"999999", "abc", "-1"} {
		if res, _ := f.a.get(t, "/progress?deck="+q); res.StatusCode != http.StatusNotFound {
			t.Errorf("?deck=%s: %d, want 404", q, res.StatusCode)
		}
	}
}

func settingsForm() url.Values {
	return url.Values{
		"desired_retention": {"0.85"}, "maximum_interval": {"3650"}, "learning_steps": {"2m 15m"},
		"relearning_steps": {"5m"}, "new_per_day": {"10"}, "reviews_per_day": {"100"},
		"time_zone": {"other"}, "time_zone_other": {"America/La_Paz"}, "theme": {"dark"},
	}
}

func TestSettingsRoundTrip(t *testing.T) {
	a := newTestApp(t)
	_, body := a.get(t, "/settings")
	doc := page(t, body)
	if v, _ := doc.Find(`#f-desired_retention`).Attr("value"); v != "0.9" {
		t.Errorf("default retention shown as %q", v)
	}
	if _, ok := doc.Find("html").Attr("class"); ok {
		t.Error("a new visitor's page forces a theme")
	}
	res, _ := a.post(t, "/settings", settingsForm())
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/settings" {
		t.Fatalf("POST /settings = %d to %q, want 303 to /settings", res.StatusCode, res.Header.Get("Location"))
	}
	got, err := a.db.LearnerSettings(context.Background(), learnerOf(t, a))
	if err != nil {
		t.Fatal(err)
	}
	if got.DesiredRetention != 0.85 || got.MaximumInterval != 3650 || got.TimeZone != "America/La_Paz" ||
		got.NewPerDay != 10 || got.ReviewsPerDay != 100 || srs.FormatSteps(got.LearningSteps) != "2m 15m" {
		t.Errorf("saved settings %+v", got)
	}
	_, body = a.get(t, "/settings")
	doc = page(t, body)
	if got := text(doc, `[data-testid="flash"]`); got != "Settings saved." {
		t.Errorf("flash %q", got)
	}
	if cls, _ := doc.Find("html").Attr("class"); cls != "theme-dark" {
		t.Errorf("html class %q, want theme-dark", cls)
	}
	if v, _ := doc.Find(`#f-desired_retention`).Attr("value"); v != "0.85" {
		t.Errorf("retention shown as %q after saving", v)
	}
	if v, _ := doc.Find(`#time_zone_other`).Attr("value"); v != "America/La_Paz" {
		t.Errorf("unlisted zone shown as %q", v)
	}
	if v, _ := doc.Find(`select#f-time_zone option[selected]`).Attr("value"); v != "other" {
		t.Errorf("zone select on %q, want other", v)
	}
	if _, ok := doc.Find(`input[name="theme"][value="dark"]`).Attr("checked"); !ok {
		t.Error("dark theme not checked after saving")
	}
	// A listed zone goes in the select; the theme follows to other pages.
	form := settingsForm()
	form.Set("time_zone", "Europe/Paris")
	form.Set("time_zone_other", "")
	form.Set("theme", "system")
	a.post(t, "/settings", form)
	if got, _ := a.db.LearnerSettings(context.Background(), learnerOf(t, a)); got.TimeZone != "Europe/Paris" {
		t.Errorf("zone %q, want Europe/Paris", got.TimeZone)
	}
	_, body = a.get(t, "/progress")
	if _, ok := page(t, body).Find("html").Attr("class"); ok {
		t.Error("theme system still forces a class on <html>")
	}
}

func TestSettingsInvalid(t *testing.T) {
	for _, tc := range []struct {
		name, field, value, wantMsg string
	}{
		{"retention too low", "desired_retention", "0.5", "between 0.70 and 0.99"},
		{"retention not a number", "desired_retention", "lots", "must be a number"},
		{"bad steps", "learning_steps", "1x", "step"},
		{"unknown zone", "time_zone_other", "Mars/Olympus", `unknown time zone "Mars/Olympus"`},
		{"unknown theme", "theme", "neon", "choose a theme"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := newTestApp(t)
			form := settingsForm()
			form.Set(tc.field, tc.value)
			form.Set("new_per_day", "7")
			res, body := a.post(t, "/settings", form)
			if res.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422", res.StatusCode)
			}
			doc := page(t, body)
			key := tc.field
			if key == "time_zone_other" {
				key = "time_zone"
			}
			if got := text(doc, `[data-testid="error-`+key+`"]`); !strings.Contains(got, tc.wantMsg) {
				t.Errorf("message by the field %q, want it to contain %q", got, tc.wantMsg)
			}
			if v, _ := doc.Find(`#f-new_per_day`).Attr("value"); v != "7" {
				t.Errorf("another field lost what was typed: %q", v)
			}
			if tc.field != "theme" {
				id := "#f-" + tc.field
				if tc.field == "time_zone_other" {
					id = "#time_zone_other"
				}
				in := doc.Find(id)
				if v, _ := in.Attr("value"); v != tc.value {
					t.Errorf("typed value %q shown as %q", tc.value, v)
				}
				if inv, _ := in.Attr("aria-invalid"); inv != "true" {
					t.Errorf("%s aria-invalid = %q", id, inv)
				}
				if d, _ := in.Attr("aria-describedby"); !strings.Contains(d, "f-"+key+"-error") {
					t.Errorf("%s aria-describedby %q does not name the message", id, d)
				}
			}
			if got, _ := a.db.LearnerSettings(context.Background(), learnerOf(t, a)); got.DesiredRetention != srs.DefaultSettings().DesiredRetention || got.NewPerDay != srs.DefaultNewPerDay {
				t.Errorf("invalid form saved something: %+v", got)
			}
		})
	}
}

// fmtSscanf reads "N of M".
func fmtSscanf(s string, n, of *int) (int, error) {
	return fmt.Sscanf(strings.TrimSpace(s), "%d of %d", n, of)
}
