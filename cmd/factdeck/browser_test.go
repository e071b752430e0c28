package main

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/factdeck/factdeck/store/storetest"
)

// requireTools is set by scripts/test: a missing browser then fails the
// test instead of skipping it.
func requireTools() bool { return os.Getenv("FACTDECK_REQUIRE_TOOLS") == "1" }

func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if requireTools() {
		t.Fatal("chromium is not installed (scripts/test installs Debian's chromium package)")
	}
	t.Skip("chromium not installed; run scripts/test")
	return ""
}

// newBrowser starts headless Chromium for one test. Background networking
// is off: the test machines have no network but loopback. Browser tests
// check pages, scripts and layout, which do not depend on the database, so
// they run in the SQLite pass only: the HTTP tests cover every route on
// PostgreSQL, and CI stays within its time.
func newBrowser(t *testing.T, width, height int64, js bool) context.Context {
	t.Helper()
	storetest.SQLiteOnly(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath(t)),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.WindowSize(int(width), int(height)),
	)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	var opts2 []chromedp.EmulateViewportOption
	if width < 600 {
		opts2 = append(opts2, chromedp.EmulateMobile, chromedp.EmulatePortrait)
	}
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(width, height, opts2...),
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled,
				emulation.SetScriptExecutionDisabledParams{Value: !js})
			return err
		}),
	); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// axeViolation is the part of an axe-core result the tests report.
type axeViolation struct {
	ID    string `json:"id"`
	Help  string `json:"help"`
	Nodes []struct {
		Target []any `json:"target"`
	} `json:"nodes"`
}

// checkAxe fails the test for every axe-core violation on the current page.
func checkAxe(t *testing.T, ctx context.Context, page string) {
	t.Helper()
	for _, v := range axeViolations(t, ctx, page) {
		t.Errorf("%s: axe %s: %s (%d nodes, first %v)", page, v.ID, v.Help, len(v.Nodes), v.Nodes[0].Target)
	}
}

// axeViolations runs axe-core (from npm, injected through DevTools, which the
// page's CSP does not restrict) on the current page.
func axeViolations(t *testing.T, ctx context.Context, page string) []axeViolation {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", "browser", "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		if requireTools() {
			t.Fatalf("axe-core missing (npm ci in cmd/factdeck/testdata/browser): %v", err)
		}
		t.Skip("axe-core not installed; run scripts/test")
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](string(src))); err != nil {
		t.Fatalf("%s: inject axe: %v", page, err)
	}
	out, err := chromedp.Run(ctx, chromedp.Evaluate[string](
		`axe.run(document, {resultTypes: ["violations"]}).then(r => JSON.stringify(r.violations))`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: axe: %v", page, err)
	}
	var vs []axeViolation
	if err := json.Unmarshal([]byte(out), &vs); err != nil {
		t.Fatalf("%s: axe output: %v", page, err)
	}
	return vs
}

// screenshot saves a full-page PNG under docs/screenshots when
// FACTDECK_SCREENSHOTS=1 (the README links them).
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	if os.Getenv("FACTDECK_SCREENSHOTS") != "1" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join("..", "..", "docs", "screenshots", name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestBrowserHome(t *testing.T) {
	a := newTestApp(t)
	for _, tc := range []struct {
		name  string
		width int64
		js    bool
	}{
		{"home-360", 360, true},
		{"home-1280", 1280, true},
		{"home-nojs-360", 360, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := newBrowser(t, tc.width, 900, tc.js)
			if err := chromedp.Do(ctx, chromedp.Navigate(a.ts.URL+"/")); err != nil {
				t.Fatal(err)
			}
			title, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`[data-testid="doc-title"]`), chromedp.NodeVisible))
			if err != nil {
				t.Fatal(err)
			}
			if title != "Battle of Aleppo (2024)" {
				t.Errorf("first document = %q", title)
			}
			overflow, err := chromedp.Run(ctx, chromedp.Evaluate[bool](
				`document.documentElement.scrollWidth > document.documentElement.clientWidth`))
			if err != nil {
				t.Fatal(err)
			}
			if overflow {
				t.Errorf("page scrolls sideways at %d px", tc.width)
			}
			if tc.js {
				checkAxe(t, ctx, tc.name)
				screenshot(t, ctx, tc.name)
			}
		})
	}
}

// TestAxeFindsViolations proves the accessibility check can fail: an image
// without alternative text added to a clean page is reported.
func TestAxeFindsViolations(t *testing.T) {
	a := newTestApp(t)
	ctx := newBrowser(t, 1280, 900, true)
	if err := chromedp.Do(ctx, chromedp.Navigate(a.ts.URL+"/")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](
		`document.querySelector("main").appendChild(document.createElement("img")).src = "/x.png"`)); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, v := range axeViolations(t, ctx, "home with a bad image") {
		found = found || v.ID == "image-alt"
	}
	if !found {
		t.Error("axe did not report an <img> without alt")
	}
}
