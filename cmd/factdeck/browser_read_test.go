package main

import (
	"testing"

	"github.com/chromedp/chromedp"
)

func TestBrowserReadAndTimeline(t *testing.T) {
	a := newTestApp(t)
	deck := firstDeck(t, a)
	for _, tc := range []struct {
		name, path, ready string
		width             int64
		js                bool
		shot              bool
	}{
		{"read-360", "/read", `[data-testid="infobox"]`, 360, true, true},
		{"read-1280", "/read", `[data-testid="infobox"]`, 1280, true, true},
		{"read-nojs-360", "/read", `[data-testid="infobox"]`, 360, false, false},
		{"read-nojs-1280", "/read", `[data-testid="infobox"]`, 1280, false, false},
		{"timeline-360", "/timeline", `[data-testid="events"]`, 360, true, false},
		{"timeline-1280", "/timeline", `[data-testid="events"]`, 1280, true, true},
		{"timeline-nojs-360", "/timeline", `[data-testid="events"]`, 360, false, false},
		{"timeline-nojs-1280", "/timeline", `[data-testid="events"]`, 1280, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := newBrowser(t, tc.width, 900, tc.js)
			if err := chromedp.Do(ctx, chromedp.Navigate(a.ts.URL+deck+tc.path),
				chromedp.WaitVisible(chromedp.CSS(tc.ready))); err != nil {
				t.Fatal(err)
			}
			overflow, err := chromedp.Run(ctx, chromedp.Evaluate[bool](
				`document.documentElement.scrollWidth > document.documentElement.clientWidth`))
			if err != nil {
				t.Fatal(err)
			}
			if overflow {
				t.Errorf("%s scrolls sideways at %d px", tc.path, tc.width)
			}
			// axe-core is injected through DevTools, which needs script on;
			// the no-JS runs check the same markup renders and fits.
			if tc.js {
				checkAxe(t, ctx, tc.name)
			}
			if tc.shot {
				screenshot(t, ctx, tc.name)
			}
		})
	}
}

// TestBrowserReadAnchorFromStudy follows a study page's source link: the
// read page scrolls to and outlines the cited sentence.
func TestBrowserReadAnchorFromStudy(t *testing.T) {
	a := newTestApp(t)
	deck := firstDeck(t, a)
	_, cards := deckOf(t, a)
	c := cards[len(cards)/2]
	ctx := newBrowser(t, 1280, 900, false)
	if err := chromedp.Do(ctx, chromedp.Navigate(a.ts.URL+deck+"/read#s"+itoa(int64(c.Source.Start)))); err != nil {
		t.Fatal(err)
	}
	outlined, err := chromedp.Run(ctx, chromedp.Evaluate[bool](
		`(() => { const el = document.querySelector(":target"); if (!el) return false;
		  const s = el.closest(".sent") || el; const r = s.getBoundingClientRect();
		  return getComputedStyle(s).outlineStyle !== "none" && r.top >= 0 && r.top < innerHeight; })()`))
	if err != nil {
		t.Fatal(err)
	}
	if !outlined {
		t.Error("the cited sentence is not outlined and in view")
	}
}
