package main

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserTeacher signs up as a teacher in the browser, uploads a short
// document with JavaScript off (a refused empty upload first), and checks
// the review queue and a set page with axe-core (JavaScript on).
func TestBrowserTeacher(t *testing.T) {
	a := newTestApp(t)
	for _, js := range []bool{false, true} {
		ctx := newBrowser(t, 1280, 900, js)
		ctx, cancel := context.WithTimeout(ctx, 90*time.Second)
		defer cancel()
		user := map[bool]string{false: "nojs", true: "withjs"}[js]
		if err := chromedp.Do(ctx, chromedp.Navigate(a.ts.URL+"/signup"), chromedp.WaitVisible(chromedp.CSS("#signup-username")),
			chromedp.Click(chromedp.CSS("#signup-teacher"))); err != nil {
			t.Fatal(err)
		}
		fillAndSubmit(t, ctx, map[string]string{"#signup-username": user, "#signup-password": testPassword},
			`[data-testid="signup-submit"]`, `[data-testid="account-name"]`)
		if err := chromedp.Do(ctx, chromedp.Navigate(a.ts.URL+"/teach/documents/new"),
			chromedp.WaitVisible(chromedp.CSS("#doc-text"))); err != nil {
			t.Fatal(err)
		}
		fillAndSubmit(t, ctx, map[string]string{"#doc-title": "Kept title", "#doc-text": "   "},
			`[data-testid="upload-submit"]`, `[data-testid="upload-error"]`)
		if v, _ := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("#doc-title"))); v != "Kept title" {
			t.Errorf("title after a refused upload = %q", v)
		}
		if err := chromedp.Do(ctx, chromedp.SetValue(chromedp.CSS("#doc-text"), seedText(t))); err != nil {
			t.Fatal(err)
		}
		fillAndSubmit(t, ctx, nil, `[data-testid="upload-submit"]`, `[data-testid="review-card"]`)
		if !js {
			continue
		}
		checkAxe(t, ctx, "teacher-queue")
		// The whole queue is hundreds of cards, too tall for one screenshot: show one kind.
		href, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname`))
		if err := chromedp.Do(ctx, chromedp.Navigate(a.ts.URL+href+"?kind=truefalse"), chromedp.WaitVisible(chromedp.CSS(`[data-testid="shown"]`))); err != nil {
			t.Fatal(err)
		}
		screenshot(t, ctx, "teacher-queue-1280")
		fillAndSubmit(t, ctx, nil, `[data-testid="bulk-approve"]`, `[data-testid="flash"]`)
		if err := chromedp.Do(ctx, chromedp.Navigate(a.ts.URL+"/teach/sets/new"), chromedp.WaitVisible(chromedp.CSS("#set-name"))); err != nil {
			t.Fatal(err)
		}
		fillAndSubmit(t, ctx, map[string]string{"#set-name": "Aleppo, week 3", "#set-description": "Before Friday's lesson"},
			`[data-testid="create-set"]`, `[data-testid="set-cards"]`)
		fillAndSubmit(t, ctx, nil, `[data-testid="publish"]`, `[data-testid="class-code"]`)
		checkAxe(t, ctx, "set")
		screenshot(t, ctx, "set-1280")
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[data-testid="results-link"]`)),
			chromedp.WaitVisible(chromedp.CSS(`[data-testid="question-results"]`))); err != nil {
			t.Fatal(err)
		}
		checkAxe(t, ctx, "set results")
	}
}
