package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// fillAndSubmit types into a form's empty fields, clicks
// its submit button and waits for what the next page shows.
func fillAndSubmit(t *testing.T, ctx context.Context, fields map[string]string, submit, waitFor string) {
	t.Helper()
	var steps []chromedp.Action[chromedp.Void]
	for sel, v := range fields {
		steps = append(steps, chromedp.SendKeys(chromedp.CSS(sel), v))
	}
	steps = append(steps, chromedp.Click(chromedp.CSS(submit)), chromedp.WaitVisible(chromedp.CSS(waitFor)))
	if err := chromedp.Do(ctx, steps...); err != nil {
		body, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href + "\n" + document.body.innerText`))
		t.Fatalf("submit %s, waiting for %s: %v\n%s", submit, waitFor, err, body)
	}
}

func textOf(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel), chromedp.NodeVisible))
	if err != nil {
		t.Fatalf("text of %s: %v", sel, err)
	}
	return strings.TrimSpace(s)
}

// TestBrowserAccount studies anonymously, signs up, logs out and logs in
// again, with JavaScript on and off; axe-core checks every account page.
func TestBrowserAccount(t *testing.T) {
	for _, js := range []bool{true, false} {
		name := map[bool]string{true: "js", false: "nojs"}[js]
		t.Run(name, func(t *testing.T) {
			a := newTestApp(t)
			deck := firstDeck(t, a)
			fresh := a.otherBrowser().newCount(t, deck)
			ctx := newBrowser(t, 360, 800, js)
			ctx, cancel := context.WithTimeout(ctx, 90*time.Second)
			defer cancel()
			axe := func(page string) {
				if js {
					checkAxe(t, ctx, page)
				}
			}
			if err := chromedp.Do(ctx, chromedp.Navigate(a.ts.URL+deck+"/study"),
				chromedp.WaitVisible(chromedp.CSS(`[data-testid="question"]`))); err != nil {
				t.Fatal(err)
			}
			studyOne(t, ctx, js)
			studyOne(t, ctx, js)

			if err := chromedp.Do(ctx, chromedp.Navigate(a.ts.URL+"/account"),
				chromedp.WaitVisible(chromedp.CSS(`[data-testid="account-who"]`))); err != nil {
				t.Fatal(err)
			}
			if who := textOf(t, ctx, `[data-testid="account-who"]`); !strings.Contains(who, "without an account") {
				t.Errorf("anonymous account page says %q", who)
			}
			axe("account-anonymous")
			if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[data-testid="signup-link"]`)),
				chromedp.WaitVisible(chromedp.CSS(`[data-testid="signup-form"]`))); err != nil {
				t.Fatal(err)
			}
			axe("signup")
			fillAndSubmit(t, ctx, map[string]string{"#signup-username": "ada", "#signup-password": "too short"},
				`[data-testid="signup-submit"]`, `[data-testid="error-password"]`)
			if v, _ := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("#signup-username"))); v != "ada" {
				t.Errorf("after a refused sign-up the username field holds %q", v)
			}
			axe("signup-errors")
			if js {
				screenshot(t, ctx, "signup-errors-360")
			}
			fillAndSubmit(t, ctx, map[string]string{"#signup-password": "a long enough passphrase"},
				`[data-testid="signup-submit"]`, `[data-testid="account-name"]`)
			if who := textOf(t, ctx, `[data-testid="account-name"]`); who != "ada" {
				t.Errorf("signed in as %q", who)
			}
			axe("account")
			if overflow, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](
				`document.documentElement.scrollWidth > document.documentElement.clientWidth`)); overflow {
				t.Error("the account page scrolls sideways at 360 px")
			}
			if js {
				screenshot(t, ctx, "account-360")
			}

			if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[data-testid="logout"]`)),
				chromedp.WaitVisible(chromedp.CSS(`[data-testid="docs"]`))); err != nil {
				t.Fatal(err)
			}
			if flash := textOf(t, ctx, `[data-testid="flash"]`); !strings.Contains(flash, "Logged out") {
				t.Errorf("flash after logout: %q", flash)
			}
			if err := chromedp.Do(ctx, chromedp.Navigate(a.ts.URL+"/login"),
				chromedp.WaitVisible(chromedp.CSS(`[data-testid="login-form"]`))); err != nil {
				t.Fatal(err)
			}
			axe("login")
			fillAndSubmit(t, ctx, map[string]string{"#login-username": "ADA", "#login-password": "wrong password"},
				`[data-testid="login-submit"]`, `[data-testid="form-error"]`)
			axe("login-error")
			fillAndSubmit(t, ctx, map[string]string{"#login-password": "a long enough passphrase"},
				`[data-testid="login-submit"]`, `[data-testid="flash"]`)
			if flash := textOf(t, ctx, `[data-testid="flash"]`); !strings.Contains(flash, "Signed in as ada") {
				t.Errorf("flash after login: %q", flash)
			}
			// The two cards studied before signing up are still the account's.
			if err := chromedp.Do(ctx, chromedp.Navigate(a.ts.URL+deck),
				chromedp.WaitVisible(chromedp.CSS(`[data-testid="counts"]`))); err != nil {
				t.Fatal(err)
			}
			if got := textOf(t, ctx, `[data-testid="counts"] .count.new strong`); got != itoa(int64(fresh-2)) {
				t.Errorf("after logging in again the deck shows %s new, want %d", got, fresh-2)
			}
		})
	}
}
