package main

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/factdeck/factdeck/quiz/srs"
	"github.com/factdeck/factdeck/store"
)

// seedReviews records reviews of the first deck's cards for the learner,
// spread over the past weeks, so the charts have something to draw.
func seedReviews(t *testing.T, a *testApp, learner int64) {
	t.Helper()
	ctx := context.Background()
	sched, err := srs.NewScheduler(srs.DefaultSettings().Parameters())
	if err != nil {
		t.Fatal(err)
	}
	docs, _ := a.db.Documents(ctx, store.DocumentFilter{})
	cards, _ := a.db.Cards(ctx, store.CardFilter{DocID: docs[0].ID})
	now := time.Now()
	n := 0
	for day := 39; day >= 0; day -= 3 {
		for i := 0; i < day%7+1 && n < len(cards); i++ {
			rating := []srs.Rating{srs.Easy, srs.Good, srs.Again, srs.Hard}[(day+i)%4]
			_, err := a.db.RecordReview(ctx, store.ReviewInput{LearnerID: learner, CardID: cards[n%8].ID,
				DocID: docs[0].ID, Rating: rating, ReviewedAt: now.AddDate(0, 0, -day).Add(time.Duration(i) * time.Minute),
				ShownToken: fmt.Sprint("b", n)}, sched)
			if err != nil {
				t.Fatal(err)
			}
			n++
		}
	}
}

func noSideScroll(t *testing.T, ctx context.Context, page string, width int64) {
	t.Helper()
	overflow, err := chromedp.Run(ctx, chromedp.Evaluate[bool](
		`document.documentElement.scrollWidth > document.documentElement.clientWidth`))
	if err != nil {
		t.Fatal(err)
	}
	if overflow {
		t.Errorf("%s scrolls sideways at %d px", page, width)
	}
}

func TestBrowserProgressAndSettings(t *testing.T) {
	for _, tc := range []struct {
		width int64
		js    bool
	}{{360, true}, {1280, true}, {360, false}, {1280, false}} {
		name := fmt.Sprintf("%d-js=%v", tc.width, tc.js)
		t.Run(name, func(t *testing.T) {
			a := newTestApp(t)
			ctx := newBrowser(t, tc.width, 900, tc.js)
			if err := chromedp.Do(ctx, chromedp.Navigate(a.ts.URL+"/")); err != nil {
				t.Fatal(err)
			}
			seedReviews(t, a, learnerOf(t, a))
			if err := chromedp.Do(ctx, chromedp.Navigate(a.ts.URL+"/progress"),
				chromedp.WaitVisible(chromedp.CSS(`[data-testid="heatmap"]`))); err != nil {
				t.Fatal(err)
			}
			cells, err := chromedp.Run(ctx, chromedp.Evaluate[int](
				`document.querySelectorAll('[data-testid="heatmap"] rect:not(.hm-0)').length`))
			if err != nil || cells == 0 {
				t.Errorf("heatmap shows %d days with reviews (%v)", cells, err)
			}
			noSideScroll(t, ctx, "progress", tc.width)
			if tc.js {
				checkAxe(t, ctx, "progress "+name)
				if tc.width == 360 || tc.width == 1280 {
					screenshot(t, ctx, fmt.Sprintf("progress-%d", tc.width))
				}
			}
			settingsFlow(t, ctx, a, tc.width, tc.js)
		})
	}
}

// settingsFlow shows the settings, submits an invalid retention (kept,
// with its message), then saves the dark theme and checks the progress
// page in it.
func settingsFlow(t *testing.T, ctx context.Context, a *testApp, width int64, js bool) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(a.ts.URL+"/settings"),
		chromedp.WaitVisible(chromedp.CSS(`#f-desired_retention`))); err != nil {
		t.Fatal(err)
	}
	noSideScroll(t, ctx, "settings", width)
	if js {
		checkAxe(t, ctx, "settings")
		if width == 360 {
			screenshot(t, ctx, "settings-360")
		}
	}
	if err := chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS(`#f-desired_retention`), "0.5"),
		chromedp.Click(chromedp.CSS(`[data-testid="save"]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="error-desired_retention"]`))); err != nil {
		t.Fatalf("invalid retention: %v", err)
	}
	kept, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('#f-desired_retention').value`))
	if kept != "0.5" {
		t.Errorf("typed retention shown as %q after the error", kept)
	}
	noSideScroll(t, ctx, "settings with errors", width)
	if js {
		checkAxe(t, ctx, "settings with errors")
	}
	if err := chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS(`#f-desired_retention`), "0.9"),
		chromedp.Click(chromedp.CSS(`input[name="theme"][value="dark"]`)),
		chromedp.Click(chromedp.CSS(`[data-testid="save"]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="flash"]`)),
		chromedp.Navigate(a.ts.URL+"/progress"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="heatmap"]`))); err != nil {
		t.Fatalf("save dark theme: %v", err)
	}
	bg, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.body).backgroundColor`))
	if bg != "rgb(21, 23, 26)" {
		t.Errorf("dark theme background %q, want rgb(21, 23, 26)", bg)
	}
	if js {
		checkAxe(t, ctx, "progress, dark theme")
	}
}
