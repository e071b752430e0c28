package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/factdeck/factdeck/seeds"
	"github.com/factdeck/factdeck/store"
	"github.com/factdeck/factdeck/store/storetest"
)

// Several app servers on one database, as behind a load balancer: each
// node has its own store handle (its own connection pool, as a separate
// process would), its own scs session manager over the shared sessions
// table, and its own HTTP server on its own port. They run in the
// PostgreSQL pass only: a SQLite file is served by one server
// (docs/deploy.md).

type testNode struct {
	srv *server
	db  *store.DB
	url string
}

// newTestCluster starts n nodes on one new database, all at once (opening,
// migrating and seeding concurrently, as servers deployed together do),
// and returns them with the log they all wrote.
func newTestCluster(t *testing.T, n int) ([]*testNode, *syncBuffer) {
	t.Helper()
	if !storetest.Postgres() {
		t.Skip("several app servers share a PostgreSQL database; runs in the PostgreSQL pass")
	}
	dsn := storetest.DSN(t, filepath.Join(t.TempDir(), "cluster.db"))
	logs := &syncBuffer{}
	log := slog.New(slog.NewTextHandler(logs, nil))
	nodes := make([]*testNode, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range n {
		wg.Go(func() {
			<-start
			ctx := context.Background()
			db, err := store.Open(ctx, dsn)
			if err != nil {
				errs[i] = err
				return
			}
			t.Cleanup(func() { db.Close() })
			if errs[i] = seed(ctx, db, log); errs[i] != nil {
				return
			}
			srv := newServer(db, log.With("node", i), config{})
			ts := httptest.NewServer(srv.routes())
			t.Cleanup(ts.Close)
			nodes[i] = &testNode{srv: srv, db: db, url: ts.URL}
		})
	}
	close(start)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("node %d of %d: %v", i, n, err)
		}
	}
	return nodes, logs
}

// TestClusterStartsTogetherSeedsOnce: three servers started at once on an
// empty database import each seed once and make the cards once.
func TestClusterStartsTogetherSeedsOnce(t *testing.T) {
	nodes, logs := newTestCluster(t, 3)
	docs, err := nodes[0].db.Documents(context.Background(), store.DocumentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != len(seeds.Names()) {
		t.Errorf("%d documents for %d seeds", len(docs), len(seeds.Names()))
	}
	for _, d := range docs {
		if d.Version != 1 {
			t.Errorf("seed %s is at version %d after one start: imported more than once", d.Slug, d.Version)
		}
	}
	out := logs.String()
	if got := strings.Count(out, "imported seed document"); got != len(seeds.Names()) {
		t.Errorf("%d seed imports logged by 3 servers, want %d (one per seed)", got, len(seeds.Names()))
	}
	if got := strings.Count(out, "cards ready"); got != len(docs) {
		t.Errorf("cards made %d times for %d documents by 3 servers, want once per document", got, len(docs))
	}
	if got := strings.Count(out, "cards up to date"); got != 2 {
		t.Errorf("%d servers found the cards made, want 2", got)
	}
}

// studyForm loads the study page of deck on node and returns the shown
// card's form with an answer filled in (first option, or a typed guess).
func studyForm(t *testing.T, c *http.Client, deck string) url.Values {
	t.Helper()
	res, err := c.Get(deck + "/study")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s/study = %d", deck, res.StatusCode)
	}
	doc, err := goquery.NewDocumentFromReader(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	form := url.Values{"choice": {"0"}, "answer": {"x"}}
	doc.Find(`[data-testid="question"] input[type="hidden"]`).Each(func(_ int, in *goquery.Selection) {
		form.Set(in.AttrOr("name", ""), in.AttrOr("value", ""))
	})
	doc.Find(`[data-testid="question"] select`).Each(func(i int, _ *goquery.Selection) {
		form.Set(fmt.Sprintf("pos%d", i), fmt.Sprint(i+1))
	})
	if form.Get("card") == "" || form.Get("token") == "" {
		t.Fatalf("GET %s/study shows no card", deck)
	}
	return form
}

func gradeForm(form url.Values, rating string) url.Values {
	return url.Values{"card": {form.Get("card")}, "token": {form.Get("token")},
		"shown": {form.Get("shown")}, "rating": {rating}}
}

// TestClusterLearnerMovesBetweenServers: one browser whose requests land
// on either server, as a load balancer without sticky sessions sends them:
// a card shown by A is checked and graded on B, A then shows the next card,
// an undo on A takes back B's grade, and the flash message A put in the
// session is shown by B.
func TestClusterLearnerMovesBetweenServers(t *testing.T) {
	nodes, _ := newTestCluster(t, 2)
	a, b := nodes[0], nodes[1]
	ctx := context.Background()
	docs, err := a.db.Documents(ctx, store.DocumentFilter{})
	if err != nil || len(docs) == 0 {
		t.Fatalf("no documents: %v", err)
	}
	deck := "/decks/" + itoa(docs[0].ID)
	jar, _ := cookiejar.New(nil) // cookies are per host, not per port: both servers get them
	c := loopbackClient(jar)

	first := studyForm(t, c, a.url+deck)
	if err := getDiscard(c, b.url+deck+"/study/check?"+first.Encode()); err != nil {
		t.Fatalf("check on B of the card A showed: %v", err)
	}
	if err := postForm(c, b.url+deck+"/study/grade", gradeForm(first, "3")); err != nil {
		t.Fatalf("grade on B: %v", err)
	}
	next := studyForm(t, c, a.url+deck)
	if next.Get("card") == first.Get("card") {
		t.Errorf("A shows card %s again after B recorded its grade", first.Get("card"))
	}
	if n, err := a.db.CountLearners(ctx); err != nil || n != 1 {
		t.Fatalf("%d learners after one browser used both servers, want 1 (%v)", n, err)
	}
	learner := onlyLearnerReviews(t, a.db, 1)
	if learner[0].CardID != first.Get("card") || learner[0].ShownToken != first.Get("token") {
		t.Errorf("review logged for %s/%s, want the card A showed, %s/%s", learner[0].CardID,
			learner[0].ShownToken, first.Get("card"), first.Get("token"))
	}

	if err := postForm(c, a.url+deck+"/study/undo", url.Values{}); err != nil {
		t.Fatalf("undo on A: %v", err)
	}
	res, body := getBody(t, c, b.url+deck)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET deck on B = %d", res.StatusCode)
	}
	if flash := page(t, body).Find(`[data-testid="flash"]`).Text(); flash != "Last grade undone." {
		t.Errorf("B shows flash %q after the undo on A, want %q", flash, "Last grade undone.")
	}
	onlyLearnerReviews(t, b.db, 0)
	if again := studyForm(t, c, b.url+deck); again.Get("card") != first.Get("card") {
		t.Errorf("after the undo B shows %s, want the ungraded card %s again", again.Get("card"), first.Get("card"))
	}
}

// onlyLearnerReviews returns the reviews of the database's one learner
// and fails unless there are want of them.
func onlyLearnerReviews(t *testing.T, db *store.DB, want int) []store.Review {
	t.Helper()
	rs, err := db.Reviews(context.Background(), 1, time.Time{}, time.Now().Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != want {
		t.Fatalf("%d reviews logged, want %d", len(rs), want)
	}
	return rs
}

func getBody(t *testing.T, c *http.Client, u string) (*http.Response, string) {
	t.Helper()
	res, err := c.Get(u)
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

// TestClusterConcurrentLearners: 200 learners at once, split across two
// servers, each shown a card by one server and grading it on the other,
// every fourth one double-submitting each grade to both servers at once.
// Every acknowledged grade is logged exactly once: no review lost, none
// duplicated.
func TestClusterConcurrentLearners(t *testing.T) {
	nodes, _ := newTestCluster(t, 2)
	ctx := context.Background()
	docs, err := nodes[0].db.Documents(ctx, store.DocumentFilter{})
	if err != nil || len(docs) == 0 {
		t.Fatalf("no documents: %v", err)
	}
	deck := "/decks/" + itoa(docs[0].ID)
	const learners, grades = 200, 3
	type grade struct{ card, token string }
	acked := make([]map[grade]bool, learners)
	var failures atomic.Int64
	var wg sync.WaitGroup
	start := make(chan struct{})
	for l := range learners {
		acked[l] = map[grade]bool{}
		wg.Go(func() {
			jar, _ := cookiejar.New(nil)
			c := loopbackClient(jar)
			show, grader := nodes[l%2], nodes[(l+1)%2]
			<-start
			for range grades {
				form, err := showCard(c, show.url+deck)
				if err != nil {
					t.Errorf("learner %d: %v", l, err)
					failures.Add(1)
					return
				}
				g := gradeForm(form, fmt.Sprint(1+l%4))
				targets := []*testNode{grader}
				if l%4 == 0 {
					targets = nodes // a double click that the balancer splits
				}
				var sub sync.WaitGroup
				ok := make([]bool, len(targets))
				for i, n := range targets {
					sub.Go(func() {
						if err := postForm(c, n.url+deck+"/study/grade", g); err != nil {
							t.Errorf("learner %d: %v", l, err)
							failures.Add(1)
							return
						}
						ok[i] = true
					})
				}
				sub.Wait()
				for _, v := range ok {
					if v {
						acked[l][grade{form.Get("card"), form.Get("token")}] = true
					}
				}
			}
		})
	}
	close(start)
	wg.Wait()
	if failures.Load() > 0 {
		t.Fatalf("%d requests failed", failures.Load())
	}
	n, err := nodes[0].db.CountLearners(ctx)
	if err != nil || n != learners {
		t.Fatalf("%d learners, want %d (%v)", n, learners, err)
	}
	total, logged := 0, 0
	for id := int64(1); id <= int64(n); id++ {
		rs, err := nodes[id%2].db.Reviews(ctx, id, time.Time{}, time.Now().Add(time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		seen := map[grade]bool{}
		for _, r := range rs {
			k := grade{r.CardID, r.ShownToken}
			if seen[k] {
				t.Errorf("learner %d: review of %s with token %s logged twice", id, r.CardID, r.ShownToken)
			}
			seen[k] = true
		}
		logged += len(rs)
	}
	for l := range acked {
		total += len(acked[l])
	}
	if total != learners*grades {
		t.Errorf("%d grades acknowledged, want %d", total, learners*grades)
	}
	if logged != total {
		t.Errorf("%d reviews logged for %d acknowledged grades", logged, total)
	}
	t.Logf("%s: %d learners × %d grades on 2 servers: %d reviews, %d transactions retried",
		storetest.Engine(), learners, grades, logged, nodes[0].db.TxRetries()+nodes[1].db.TxRetries())
}

// showCard is studyForm for a goroutine: it returns an error instead of
// failing the test.
func showCard(c *http.Client, deck string) (url.Values, error) {
	res, err := c.Get(deck + "/study")
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s/study = %d", deck, res.StatusCode)
	}
	doc, err := goquery.NewDocumentFromReader(res.Body)
	if err != nil {
		return nil, err
	}
	form := url.Values{}
	doc.Find(`[data-testid="question"] input[type="hidden"]`).Each(func(_ int, in *goquery.Selection) {
		form.Set(in.AttrOr("name", ""), in.AttrOr("value", ""))
	})
	if form.Get("card") == "" {
		return nil, fmt.Errorf("GET %s/study shows no card", deck)
	}
	return form, nil
}

// TestLoadGradingCapacity measures what one app server sustains when its
// learners never pause: 32 browsers, each in a closed loop of show, check
// and grade, for 8 s, a new learner every 10 grades (new cards run out
// after a day's 20). The grades per second, divided by how often a real
// learner grades, sizes a deployment (docs/deploy.md). FACTDECK_LOAD=1.
func TestLoadGradingCapacity(t *testing.T) {
	loadEnabled(t)
	a := newTestApp(t)
	a.srv.log = discardLogger()
	deck := a.ts.URL + firstDeck(t, a)
	const workers, d, perLearner = 32, 8 * time.Second, 10
	clients := make([]*http.Client, workers)
	done := make([]int, workers)
	var mu sync.Mutex
	var lat []time.Duration
	start := time.Now()
	var firstErr atomic.Value
	_, errs := throughput(workers, d, func(w int) error {
		if clients[w] == nil || done[w] == perLearner {
			jar, _ := cookiejar.New(nil)
			clients[w], done[w] = loopbackClient(jar), 0
		}
		g, err := gradeOne(clients[w], deck, func() {})
		if err != nil {
			firstErr.CompareAndSwap(nil, err.Error())
			return err
		}
		done[w]++
		mu.Lock()
		lat = append(lat, g)
		mu.Unlock()
		return nil
	})
	elapsed := time.Since(start)
	if len(lat) == 0 {
		t.Fatalf("no grade succeeded (%d errors)", errs)
	}
	slices.Sort(lat)
	t.Logf("%s, cpu %s ×%d: %d browsers grading without pause: %.0f grades/s (each a show, a check and a grade), grade POST p50 %v p99 %v, errors %d, transactions retried %d",
		storetest.Engine(), cpuModel(), runtime.NumCPU(), workers, float64(len(lat))/elapsed.Seconds(),
		lat[len(lat)/2], lat[len(lat)*99/100], errs, a.db.TxRetries())
	if errs > 0 {
		t.Errorf("%d errors, the first: %v", errs, firstErr.Load())
	}
	sizes, err := a.db.TableBytes(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	n, _ := a.db.CountLearners(t.Context())
	t.Logf("%s: %d reviews by %d learners: reviews %d bytes per review, card_states %d bytes per review, sessions %d bytes per learner (tables with their indexes)",
		storetest.Engine(), len(lat), n, sizes["reviews"]/int64(len(lat)), sizes["card_states"]/int64(len(lat)), sizes["sessions"]/int64(n))
}
