package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// answerSteps answers the question on screen for its kind and submits it:
// by keyboard (digit, Space) for a choice when js is on, by clicks
// otherwise; typed answers end with Enter.
func answerSteps(kind string, js bool) []chromedp.Action[chromedp.Void] {
	switch kind {
	case "mcq", "truefalse":
		if js {
			return []chromedp.Action[chromedp.Void]{chromedp.KeyEvent("1"), chromedp.KeyEvent(" ")}
		}
		return []chromedp.Action[chromedp.Void]{chromedp.Click(chromedp.CSS(`input[name="choice"]`)), chromedp.Click(chromedp.CSS(`[data-testid="submit"]`))}
	case "order", "match":
		return []chromedp.Action[chromedp.Void]{chromedp.Evaluate[chromedp.Void](`document.querySelectorAll('[data-testid="question"] select').forEach((s, i) => { s.selectedIndex = (i % (s.options.length - 1)) + 1; })`),
			chromedp.Click(chromedp.CSS(`[data-testid="submit"]`))}
	}
	return []chromedp.Action[chromedp.Void]{chromedp.SendKeys(chromedp.CSS(`#answer`), "Aleppo\r")}
}

// studyOne answers the card on screen and grades it Good, by keyboard when
// js is on (digits, Space/Enter, 3) and by clicking otherwise.
func studyOne(t *testing.T, ctx context.Context, js bool) string {
	t.Helper()
	kind, err := chromedp.Run(ctx, chromedp.Evaluate[string](
		`document.querySelector('[data-testid="question"]').dataset.kind`))
	if err != nil {
		html, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href + "\n" + document.body.innerText`))
		t.Fatalf("no question on the page: %v\n%s", err, html)
	}
	card, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('input[name="card"]').value`))
	steps := answerSteps(kind, js)
	steps = append(steps, chromedp.WaitVisible(chromedp.CSS(`[data-testid="result"]`)))
	if js {
		steps = append(steps, chromedp.KeyEvent("3"))
	} else {
		steps = append(steps, chromedp.Click(chromedp.CSS(`[data-testid="grade-Good"]`)))
	}
	steps = append(steps, chromedp.WaitVisible(chromedp.CSS(`[data-testid="question"], [data-testid="summary"]`)))
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("studying a %s card: %v", kind, err)
	}
	return card
}

func TestBrowserStudy(t *testing.T) {
	for _, js := range []bool{true, false} {
		name := "js"
		if !js {
			name = "nojs"
		}
		t.Run(name, func(t *testing.T) {
			a := newTestApp(t)
			deck := firstDeck(t, a)
			ctx := newBrowser(t, 360, 800, js)
			ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
			defer cancel()
			if err := chromedp.Do(ctx, chromedp.Navigate(a.ts.URL+deck)); err != nil {
				t.Fatal(err)
			}
			if js {
				checkAxe(t, ctx, "deck")
				screenshot(t, ctx, "deck-360")
			}
			if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[data-testid="study"]`)),
				chromedp.WaitVisible(chromedp.CSS(`[data-testid="question"]`))); err != nil {
				t.Fatal(err)
			}
			if js {
				checkAxe(t, ctx, "question")
				screenshot(t, ctx, "question-360")
			}
			seen := map[string]bool{}
			for i := 0; i < 5; i++ {
				seen[studyOne(t, ctx, js)] = true
			}
			if len(seen) != 5 {
				t.Errorf("studied %d distinct cards in five steps", len(seen))
			}
			// Reload: progress is kept (server-side), the bar shows five done.
			if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
				t.Fatal(err)
			}
			done, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('[data-testid="progress"]').value + ""`))
			if err != nil || done != "5" {
				t.Errorf("after reload the progress bar shows %q done (%v), want 5", done, err)
			}
			learner := learnerOf(t, a)
			rs, _ := a.db.Reviews(context.Background(), learner, time.Now().Add(-time.Hour), time.Now().Add(time.Hour))
			if len(rs) != 5 {
				t.Errorf("%d reviews stored, want 5", len(rs))
			}
			if js {
				// The result page, for the accessibility check.
				studyResultPage(t, ctx)
				checkAxe(t, ctx, "result")
				screenshot(t, ctx, "result-360")
			}
		})
	}
}

// studyResultPage answers the current card and stays on the result.
func studyResultPage(t *testing.T, ctx context.Context) {
	t.Helper()
	kind, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('[data-testid="question"]').dataset.kind`))
	var steps []chromedp.Action[chromedp.Void]
	if strings.Contains("mcq truefalse", kind) {
		steps = append(steps, chromedp.Click(chromedp.CSS(`input[name="choice"]`)))
	} else if kind == "order" || kind == "match" {
		steps = append(steps, chromedp.Evaluate[chromedp.Void](`document.querySelectorAll('[data-testid="question"] select').forEach(s => { s.selectedIndex = 1; })`))
	} else {
		steps = append(steps, chromedp.SendKeys(chromedp.CSS(`#answer`), "x"))
	}
	steps = append(steps, chromedp.Click(chromedp.CSS(`[data-testid="submit"]`)), chromedp.WaitVisible(chromedp.CSS(`[data-testid="result"]`)))
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}
