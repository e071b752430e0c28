package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/factdeck/factdeck/store"
	"github.com/factdeck/factdeck/store/storetest"
)

// TestMain runs the tests on SQLite and, when FACTDECK_TEST_PG is set,
// again on PostgreSQL (store/storetest).
func TestMain(m *testing.M) { storetest.Main(m) }

// testApp is the real router over a real database (a SQLite file, or a
// fresh PostgreSQL database in the PostgreSQL pass) and real sessions.
type testApp struct {
	srv    *server
	db     *store.DB
	ts     *httptest.Server
	client *http.Client
}

func newTestApp(t testing.TB) *testApp {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, storetest.DSN(t, filepath.Join(t.TempDir(), "app.db")))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if err := importSeeds(ctx, db, log); err != nil {
		t.Fatal(err)
	}
	if err := prepareDecks(ctx, db, log); err != nil {
		t.Fatal(err)
	}
	srv := newServer(db, log, config{})
	ts := httptest.NewServer(srv.routes())
	t.Cleanup(ts.Close)
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}
	return &testApp{srv: srv, db: db, ts: ts, client: client}
}

// get fetches path and returns the response with its body read.
func (a *testApp) do(t *testing.T, method, path string, body io.Reader, hdr map[string]string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, a.ts.URL+path, body)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	res, err := a.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, string(b)
}

func (a *testApp) get(t *testing.T, path string) (*http.Response, string) {
	t.Helper()
	return a.do(t, http.MethodGet, path, nil, nil)
}

func page(t *testing.T, body string) *goquery.Document {
	t.Helper()
	d, err := goquery.NewDocumentFromReader(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestHomeListsSeedDocuments(t *testing.T) {
	a := newTestApp(t)
	res, body := a.get(t, "/")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET / = %d", res.StatusCode)
	}
	titles := page(t, body).Find(`[data-testid="doc-title"]`)
	if titles.Length() == 0 || titles.First().Text() != "Battle of Aleppo (2024)" {
		t.Fatalf("first document title = %q, want Battle of Aleppo (2024)", titles.First().Text())
	}
	meta := page(t, body).Find(`[data-testid="doc-meta"]`).First().Text()
	if !strings.Contains(meta, "KB") {
		t.Errorf("document meta %q does not show its size", meta)
	}
}

func TestLearnerCreatedOnceAndKept(t *testing.T) {
	a := newTestApp(t)
	for i := 0; i < 3; i++ {
		if res, _ := a.get(t, "/"); res.StatusCode != http.StatusOK {
			t.Fatalf("GET / #%d = %d", i, res.StatusCode)
		}
	}
	n, err := a.db.CountLearners(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if n != 1 {
		t.Fatalf("%d learners after three visits with one cookie jar, want 1", n)
	}
	// A second browser is a second learner.
	other := &http.Client{}
	jar, _ := cookiejar.New(nil)
	other.Jar = jar
	res, err := other.Get(a.ts.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if n, _ := a.db.CountLearners(context.Background()); n != 2 {
		t.Fatalf("%d learners after a second browser visited, want 2", n)
	}
}

func TestSessionCookie(t *testing.T) {
	a := newTestApp(t)
	res, _ := a.get(t, "/")
	var c *http.Cookie
	for _, k := range res.Cookies() {
		if k.Name == "factdeck" {
			c = k
		}
	}
	if c == nil {
		t.Fatal("no factdeck session cookie set")
	}
	if !c.HttpOnly || c.SameSite != http.SameSiteLaxMode || c.MaxAge < 7*24*3600 {
		t.Errorf("cookie HttpOnly=%v SameSite=%v MaxAge=%d; want HttpOnly, Lax, persistent for weeks", c.HttpOnly, c.SameSite, c.MaxAge)
	}
}

func TestSecureCookieName(t *testing.T) {
	srv := newServer(nil, slog.New(slog.NewTextHandler(io.Discard, nil)), config{secureCookies: true})
	if srv.sessions.Cookie.Name != "__Host-factdeck" || !srv.sessions.Cookie.Secure {
		t.Errorf("secure cookies: name %q secure %v", srv.sessions.Cookie.Name, srv.sessions.Cookie.Secure)
	}
}

func TestSecurityHeaders(t *testing.T) {
	a := newTestApp(t)
	for _, tc := range []struct {
		name, method, path string
		hdr                map[string]string
		wantStatus         int
	}{
		{"home", "GET", "/", nil, http.StatusOK},
		{"healthz", "GET", "/healthz", nil, http.StatusOK},
		{"unknown page", "GET", "/no/such/page", nil, http.StatusNotFound},
		{"cross-origin post", "POST", "/", map[string]string{"Sec-Fetch-Site": "cross-site"}, http.StatusForbidden},
		{"cross-origin post by Origin", "POST", "/", map[string]string{"Origin": "https://evil.example"}, http.StatusForbidden},
		{"same-origin post to a GET route", "POST", "/", map[string]string{"Sec-Fetch-Site": "same-origin"}, http.StatusMethodNotAllowed},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, _ := a.do(t, tc.method, tc.path, strings.NewReader("x=1"), tc.hdr)
			if res.StatusCode != tc.wantStatus {
				t.Errorf("status = %d, want %d", res.StatusCode, tc.wantStatus)
			}
			h := res.Header
			if got := h.Get("Content-Security-Policy"); got != csp {
				t.Errorf("CSP = %q", got)
			}
			if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") != "same-origin" {
				t.Errorf("nosniff/referrer headers missing: %v", h)
			}
		})
	}
}

func TestAssetsHashedAndImmutable(t *testing.T) {
	a := newTestApp(t)
	_, body := a.get(t, "/")
	href, ok := page(t, body).Find(`link[rel="stylesheet"]`).Attr("href")
	if !ok || !strings.HasPrefix(href, "/assets/css/app.") {
		t.Fatalf("stylesheet href = %q", href)
	}
	res, css := a.get(t, href)
	if res.StatusCode != 200 || !strings.Contains(res.Header.Get("Cache-Control"), "immutable") {
		t.Errorf("GET %s = %d, Cache-Control %q", href, res.StatusCode, res.Header.Get("Cache-Control"))
	}
	if !strings.Contains(res.Header.Get("Content-Type"), "text/css") || !strings.Contains(css, "prefers-color-scheme") {
		t.Errorf("stylesheet content type %q", res.Header.Get("Content-Type"))
	}
	if res, _ := a.get(t, "/assets/css/app.css"); res.StatusCode != http.StatusNotFound {
		t.Errorf("unhashed asset URL = %d, want 404", res.StatusCode)
	}
}

func TestPanicIsA500AndServerKeepsServing(t *testing.T) {
	a := newTestApp(t)
	h := a.srv.securityHeaders(a.srv.recoverPanics(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
		panic("boom")
	})))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	if rec.Code != http.StatusInternalServerError {
		t.Fatalf("panicking handler answered %d, want 500", rec.Code)
	}
	if strings.Contains(rec.Body.String(), "boom") {
		t.Error("the 500 page shows the panic value to the user")
	}
	if rec.Header().Get("Content-Security-Policy") == "" {
		t.Error("500 page has no CSP header")
	}
	if res, _ := a.get(t, "/healthz"); res.StatusCode != 200 {
		t.Errorf("after a panic, /healthz = %d", res.StatusCode)
	}
}

func TestBodyLimit(t *testing.T) {
	a := newTestApp(t)
	h := limitBody(10)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := io.ReadAll(r.Body); err != nil {
			a.srv.Error(w, r, err)
		}
	}))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("POST", "/", strings.NewReader(strings.Repeat("x", 100))))
	if rec.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("oversized body answered %d, want 413", rec.Code)
	}
}

func discardLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// newBareServer serves a minimal net/http handler: the baseline the load
// tests compare the app against, measured in the same run.
func newBareServer(t *testing.T) string {
	t.Helper()
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte("<!doctype html><title>ok</title><p>ok</p>"))
	}))
	t.Cleanup(ts.Close)
	return ts.URL
}
