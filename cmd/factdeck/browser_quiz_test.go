package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// quizOne answers the question on screen (by keyboard for a choice when js
// is on) and moves past its feedback; it returns the position answered.
func quizOne(t *testing.T, ctx context.Context, js bool) string {
	t.Helper()
	kind, err := chromedp.Run(ctx, chromedp.Evaluate[string](
		`document.querySelector('[data-testid="question"]').dataset.kind`))
	if err != nil {
		html, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href + "\n" + document.body.innerText`))
		t.Fatalf("no question on the page: %v\n%s", err, html)
	}
	pos, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('input[name="position"]').value`))
	steps := answerSteps(kind, js)
	steps = append(steps, chromedp.WaitVisible(chromedp.CSS(`[data-testid="feedback"]`)))
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("answering quiz question %s (%s): %v", pos, kind, err)
	}
	return pos
}

func nextQuestion(t *testing.T, ctx context.Context) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[data-testid="next"]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="question"], [data-testid="score"]`))); err != nil {
		t.Fatal(err)
	}
}

func noSidewaysScroll(t *testing.T, ctx context.Context, page string) {
	t.Helper()
	overflow, err := chromedp.Run(ctx, chromedp.Evaluate[bool](
		`document.documentElement.scrollWidth > document.documentElement.clientWidth`))
	if err != nil {
		t.Fatal(err)
	}
	if overflow {
		t.Errorf("%s scrolls sideways", page)
	}
}

// TestBrowserQuiz: a new visitor opens a deck, starts a 10-question quiz
// from the deck page with the default settings (feedback after each
// question), answers all ten and sees the score page, with JavaScript on
// (keyboard for choices) and off.
func TestBrowserQuiz(t *testing.T) {
	for _, js := range []bool{true, false} {
		name := "js"
		if !js {
			name = "nojs"
		}
		t.Run(name, func(t *testing.T) {
			a := newTestApp(t)
			deck := firstDeck(t, a)
			ctx := newBrowser(t, 360, 800, js)
			ctx, cancel := context.WithTimeout(ctx, 90*time.Second)
			defer cancel()
			if err := chromedp.Do(ctx, chromedp.Navigate(a.ts.URL+deck),
				chromedp.Click(chromedp.CSS(`[data-testid="quiz"]`)),
				chromedp.WaitVisible(chromedp.CSS(`[data-testid="quiz-setup"]`))); err != nil {
				t.Fatal(err)
			}
			noSidewaysScroll(t, ctx, "quiz setup")
			if js {
				checkAxe(t, ctx, "quiz setup")
			}
			if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[data-testid="start"]`)),
				chromedp.WaitVisible(chromedp.CSS(`[data-testid="question"]`))); err != nil {
				t.Fatal(err)
			}
			noSidewaysScroll(t, ctx, "quiz question")
			if js {
				checkAxe(t, ctx, "quiz question")
				screenshot(t, ctx, "quiz-360")
			}
			var answered []string
			for i := 0; i < 10; i++ {
				answered = append(answered, quizOne(t, ctx, js))
				if i == 0 && js {
					checkAxe(t, ctx, "quiz feedback")
					focused, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.id`))
					if focused != "verdict" {
						t.Errorf("after answering, focus is on %q, want the verdict", focused)
					}
				}
				nextQuestion(t, ctx)
			}
			if got := strings.Join(answered, " "); got != "1 2 3 4 5 6 7 8 9 10" {
				t.Errorf("answered positions %s, want 1 to 10 in order", got)
			}
			items, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('[data-testid="item"]').length`))
			if err != nil || items != 10 {
				t.Fatalf("score page lists %d questions (%v), want 10", items, err)
			}
			score, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`[data-testid="score"] h2`)))
			if !strings.Contains(score, "out of 10") {
				t.Errorf("score heading %q", score)
			}
			noSidewaysScroll(t, ctx, "quiz score")
			if js {
				checkAxe(t, ctx, "quiz score")
				if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900)); err != nil {
					t.Fatal(err)
				}
				checkAxe(t, ctx, "quiz score 1280")
				screenshot(t, ctx, "score-1280")
			}
			// The attempt is in the learner's history.
			if err := chromedp.Do(ctx, chromedp.Navigate(a.ts.URL+deck+"/quiz/history"),
				chromedp.WaitVisible(chromedp.CSS(`[data-testid="attempt"]`))); err != nil {
				t.Fatal(err)
			}
			if js {
				checkAxe(t, ctx, "quiz history")
			}
		})
	}
}
