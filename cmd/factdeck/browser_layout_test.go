package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestMatchRowsFitPhone: a matching card whose options are long side names
// ("the side of the Syrian Salvation Government and the Syrian Interim
// Government") must not make a phone's page scroll sideways. The page is
// the question view's markup for a match card with the app's own CSS.
func TestMatchRowsFitPhone(t *testing.T) {
	css, err := os.ReadFile("../../assets/css/app.css")
	if err != nil {
		t.Fatal(err)
	}
	page := `<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width, initial-scale=1">` +
		`<title>match</title><style>` + string(css) + `</style></head><body><main><form><fieldset>` +
		`<legend>Battle of Aleppo (2024): match each unit to the side it was on.</legend>` +
		`<div class="order-row"><label for="m-0">Ajnad al-Kavkaz</label><select id="m-0"><option value="">Choose…</option>` +
		`<option>the side of the Syrian Salvation Government and the Syrian Interim Government</option>` +
		`<option>the side of Ba'athist Syria and its allies</option></select></div>` +
		`</fieldset></form></main></body></html>`
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(page)) }))
	defer ts.Close()
	ctx := newBrowser(t, 360, 800, true)
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL), chromedp.WaitVisible(chromedp.CSS(`#m-0`))); err != nil {
		t.Fatal(err)
	}
	noSidewaysScroll(t, ctx, "match card")
}
