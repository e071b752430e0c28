package main

import (
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
)

// The load tests drive the real server on loopback with many concurrent
// clients, bounded in count and time. They run when FACTDECK_LOAD=1
// (scripts/bench), because their figures mean little on a loaded CI box.

func loadEnabled(t testing.TB) {
	if os.Getenv("FACTDECK_LOAD") != "1" {
		t.Skip("set FACTDECK_LOAD=1 (scripts/bench) to run the load tests")
	}
}

func loopbackClient(jar http.CookieJar) *http.Client {
	return &http.Client{
		Jar:       jar,
		Transport: &http.Transport{MaxIdleConnsPerHost: 256, MaxConnsPerHost: 256},
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
		Timeout: 10 * time.Second,
	}
}

// throughput runs workers that call do until d has passed and returns the
// requests per second and the number of errors.
func throughput(workers int, d time.Duration, do func(worker int) error) (rps float64, errs int64) {
	var n, bad atomic.Int64
	deadline := time.Now().Add(d)
	var wg sync.WaitGroup
	start := time.Now()
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for time.Now().Before(deadline) {
				if err := do(w); err != nil {
					bad.Add(1)
				}
				n.Add(1)
			}
		}(w)
	}
	wg.Wait()
	return float64(n.Load()) / time.Since(start).Seconds(), bad.Load()
}

func getDiscard(c *http.Client, u string) error {
	res, err := c.Get(u)
	if err != nil {
		return err
	}
	_, _ = io.Copy(io.Discard, res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %d", u, res.StatusCode)
	}
	return nil
}

// TestLoadReviewPage compares the review page's throughput with a bare
// net/http handler measured in the same run: the page must reach 0.25× of it.
func TestLoadReviewPage(t *testing.T) {
	loadEnabled(t)
	a := newTestApp(t)
	a.srv.log = discardLogger()
	deck := firstDeck(t, a)
	bare := newBareServer(t)
	const workers, d = 32, 3 * time.Second

	bareClient := loopbackClient(nil)
	bareRPS, bareErrs := throughput(workers, d, func(int) error { return getDiscard(bareClient, bare) })

	clients := make([]*http.Client, workers)
	for i := range clients {
		jar, _ := cookiejar.New(nil)
		clients[i] = loopbackClient(jar)
		if err := getDiscard(clients[i], a.ts.URL+deck+"/study"); err != nil {
			t.Fatal(err)
		}
	}
	pageRPS, pageErrs := throughput(workers, d, func(w int) error {
		return getDiscard(clients[w], a.ts.URL+deck+"/study")
	})
	// The same page with every view read from the database, as the first
	// view after each grade is (a grade invalidates the learner's cached
	// queue head): reported, not held to the target.
	a.db.SetLocalCache(false)
	coldRPS, coldErrs := throughput(workers, d, func(w int) error {
		return getDiscard(clients[w], a.ts.URL+deck+"/study")
	})
	a.db.SetLocalCache(true)
	ratio := pageRPS / bareRPS
	t.Logf("cpu %s ×%d: bare handler %.0f req/s, review page %.0f req/s (ratio %.2f), uncached %.0f req/s (ratio %.2f)",
		cpuModel(), runtime.NumCPU(), bareRPS, pageRPS, ratio, coldRPS, coldRPS/bareRPS)
	if bareErrs+pageErrs+coldErrs > 0 {
		t.Errorf("errors: bare %d, review page %d, uncached %d", bareErrs, pageErrs, coldErrs)
	}
	if ratio < 0.25 {
		t.Errorf("review page at %.2f× the bare handler, want ≥ 0.25×", ratio)
	}
}

// TestLoadGrading runs 200 concurrent simulated learners for a fixed time.
// Each one studies as a brisk student would: it loads the card, thinks,
// checks its answer, thinks, and grades (think times 0.3–1.5 s, drawn from
// a seeded generator). Every grade POST is timed: p99 must stay under
// 50 ms, with no errors and exactly one logged review per grade.
func TestLoadGrading(t *testing.T) {
	loadEnabled(t)
	a := newTestApp(t)
	a.srv.log = discardLogger()
	deck := firstDeck(t, a)
	const learners, d = 200, 15 * time.Second
	var mu sync.Mutex
	var lat []time.Duration
	var errs atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	deadline := start.Add(d)
	for l := 0; l < learners; l++ {
		wg.Add(1)
		go func(seed uint64) {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(seed, 7))
			think := func() { time.Sleep(300*time.Millisecond + time.Duration(rng.Int64N(int64(1200*time.Millisecond)))) }
			jar, _ := cookiejar.New(nil)
			c := loopbackClient(jar)
			time.Sleep(time.Duration(rng.Int64N(int64(time.Second)))) // stagger arrivals
			for time.Now().Before(deadline) {
				d, err := gradeOne(c, a.ts.URL+deck, think)
				if err != nil {
					errs.Add(1)
					return
				}
				mu.Lock()
				lat = append(lat, d)
				mu.Unlock()
			}
		}(uint64(l))
	}
	wg.Wait()
	elapsed := time.Since(start)
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	if len(lat) == 0 {
		t.Fatalf("no grade succeeded (%d errors)", errs.Load())
	}
	p50, p99 := lat[len(lat)/2], lat[len(lat)*99/100]
	t.Logf("cpu %s ×%d: %d learners, %d grades in %v (%.0f grades/s): grade POST p50 %v p99 %v max %v, errors %d",
		cpuModel(), runtime.NumCPU(), learners, len(lat), elapsed.Round(time.Millisecond),
		float64(len(lat))/elapsed.Seconds(), p50, p99, lat[len(lat)-1], errs.Load())
	if errs.Load() > 0 {
		t.Errorf("%d learners hit an error", errs.Load())
	}
	if p99 > 50*time.Millisecond {
		t.Errorf("grade POST p99 %v, want < 50 ms", p99)
	}
	var logged int
	for id := int64(1); id <= learners+5; id++ {
		rs, _ := a.db.Reviews(t.Context(), id, start.Add(-time.Minute), time.Now().Add(time.Minute))
		logged += len(rs)
	}
	if logged != len(lat) {
		t.Errorf("%d reviews logged for %d grades (none may be lost or duplicated)", logged, len(lat))
	}
}

// gradeOne shows a card, answers it (first option or a typed guess) and
// grades it Good, timing the grade POST.
func gradeOne(c *http.Client, deck string, think func()) (time.Duration, error) {
	res, err := c.Get(deck + "/study")
	if err != nil {
		return 0, err
	}
	doc, err := goquery.NewDocumentFromReader(res.Body)
	res.Body.Close()
	if err != nil {
		return 0, err
	}
	form := url.Values{"choice": {"0"}, "answer": {"x"}}
	doc.Find(`[data-testid="question"] input[type="hidden"]`).Each(func(_ int, in *goquery.Selection) {
		form.Set(in.AttrOr("name", ""), in.AttrOr("value", ""))
	})
	if form.Get("card") == "" {
		return 0, fmt.Errorf("no card shown")
	}
	doc.Find(`[data-testid="question"] select`).Each(func(i int, _ *goquery.Selection) {
		form.Set(fmt.Sprintf("pos%d", i), fmt.Sprint(i+1))
	})
	think()
	if err := getDiscard(c, deck+"/study/check?"+form.Encode()); err != nil {
		return 0, err
	}
	think()
	start := time.Now()
	err = postForm(c, deck+"/study/grade", url.Values{"card": {form.Get("card")}, "token": {form.Get("token")},
		"shown": {form.Get("shown")}, "rating": {"3"}})
	return time.Since(start), err
}

func postForm(c *http.Client, u string, form url.Values) error {
	req, _ := http.NewRequest(http.MethodPost, u, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	res, err := c.Do(req)
	if err != nil {
		return err
	}
	_, _ = io.Copy(io.Discard, res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther {
		return fmt.Errorf("POST %s: %d", u, res.StatusCode)
	}
	return nil
}

func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return runtime.GOARCH
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "model name") {
			if i := strings.Index(line, ":"); i >= 0 {
				return strings.TrimSpace(line[i+1:])
			}
		}
	}
	return runtime.GOARCH
}

// BenchmarkStudyPage is the review page's server-side cost without the
// network: 32 learners reloading the head of a seed deck's queue, against a
// bare handler served through the same recorder as the baseline.
func BenchmarkStudyPage(b *testing.B) {
	a := newTestApp(b)
	a.srv.log = discardLogger()
	deck := firstDeck(b, a)
	h := a.srv.routes()
	// 32 learners take turns, as in TestLoadReviewPage.
	var learners [][]*http.Cookie
	for range 32 {
		first := httptest.NewRecorder()
		h.ServeHTTP(first, httptest.NewRequest(http.MethodGet, deck+"/study", nil))
		learners = append(learners, first.Result().Cookies())
	}
	turn := 0
	view := func(h http.Handler) {
		req := httptest.NewRequest(http.MethodGet, deck+"/study", nil)
		turn++
		for _, c := range learners[turn%len(learners)] {
			req.AddCookie(c)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("status %d", rec.Code)
		}
	}
	b.Run("bare", func(b *testing.B) {
		bare := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, "ok") })
		for b.Loop() {
			view(bare)
		}
	})
	b.Run("page", func(b *testing.B) {
		for b.Loop() {
			view(h)
		}
	})
	b.Run("page-uncached", func(b *testing.B) {
		a.db.SetLocalCache(false)
		defer a.db.SetLocalCache(true)
		for b.Loop() {
			view(h)
		}
	})
}
