package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/factdeck/factdeck/quiz"
	"github.com/factdeck/factdeck/quiz/srs"
	"github.com/factdeck/factdeck/store"
)

// deckOf returns the seed document and its cards.
func deckOf(t *testing.T, a *testApp) (quiz.Document, []quiz.Card) {
	t.Helper()
	ctx := context.Background()
	docs, err := a.db.Documents(ctx, store.DocumentFilter{})
	if err != nil || len(docs) == 0 {
		t.Fatalf("no documents: %v", err)
	}
	d, err := a.db.Document(ctx, docs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	cards, err := a.db.Cards(ctx, store.CardFilter{DocID: d.ID})
	if err != nil || len(cards) == 0 {
		t.Fatalf("no cards: %v", err)
	}
	return d, cards
}

func TestReadPage(t *testing.T) {
	a := newTestApp(t)
	deck := firstDeck(t, a)
	_, cards := deckOf(t, a)
	res, body := a.get(t, deck+"/read")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET read = %d", res.StatusCode)
	}
	doc := page(t, body)
	ib := doc.Find(`table[data-testid="infobox"]`)
	if ib.Length() != 1 {
		t.Fatal("no infobox table")
	}
	if c := ib.Find("caption").Text(); !strings.Contains(c, "Battle of Aleppo (2024)") || !strings.Contains(c, "Part of") {
		t.Errorf("infobox caption = %q", c)
	}
	var heads []string
	ib.Find("th").Each(func(_ int, s *goquery.Selection) { heads = append(heads, strings.TrimSpace(s.Text())) })
	if len(heads) < 3 || !strings.HasPrefix(heads[0], "Belligerents") || !strings.HasPrefix(heads[2], "Casualties and losses") {
		t.Errorf("infobox headers = %q", heads)
	}
	text := doc.Find(`[data-testid="document"]`).Text()
	if m := regexp.MustCompile(`\[\s*(\d+|[a-z]{1,2}|better source needed)\s*\]`).FindString(text); m != "" {
		t.Errorf("document shows citation marker %q", m)
	}
	if !strings.Contains(text, "Russia Iran") {
		t.Error("infobox cell text lost its words when markers were removed")
	}
	for _, c := range cards {
		id := "s" + strconv.Itoa(c.Source.Start)
		if doc.Find("#"+id).Length() != 1 {
			t.Errorf("no single anchor #%s for card %s", id, c.ID)
		}
	}
	if doc.Find(`[data-testid="legend"] li`).Length() != 4 {
		t.Error("legend does not list four levels")
	}
}

func TestReadShadingChangesAfterReview(t *testing.T) {
	a := newTestApp(t)
	deck := firstDeck(t, a)
	d, cards := deckOf(t, a)
	a.get(t, "/") // become a learner
	target := cards[0].Source.Start
	_, body := a.get(t, deck+"/read")
	sel := page(t, body).Find("#s" + strconv.Itoa(target)).Closest(".sent")
	if lv, _ := sel.Attr("data-level"); lv != "new" {
		t.Fatalf("before any review, level = %q, want new", lv)
	}
	// Grade every card of that sentence, as the study page would, and read
	// the sentence's level.
	learner := learnerOf(t, a)
	sched, _ := srs.NewScheduler(srs.DefaultSettings().Parameters())
	level := func(rating srs.Rating, at time.Time) string {
		t.Helper()
		for _, c := range cards {
			if c.Source.Start == target {
				if _, err := a.db.RecordReview(context.Background(), store.ReviewInput{LearnerID: learner, CardID: c.ID, DocID: d.ID,
					Rating: rating, ReviewedAt: at, ShownToken: c.ID + rating.String()}, sched); err != nil {
					t.Fatal(err)
				}
			}
		}
		_, body = a.get(t, deck+"/read")
		sel = page(t, body).Find("#s" + strconv.Itoa(target)).Closest(".sent")
		lv, _ := sel.Attr("data-level")
		if !sel.HasClass("lv-" + lv) {
			t.Errorf("level %q without its class", lv)
		}
		return lv
	}
	// Easy graduates a new card at once: known.
	if lv := level(srs.Easy, a.srv.now().Add(-time.Minute)); lv != "known" {
		t.Errorf("after an Easy review of its cards, level = %q, want known", lv)
	}
	// Forgotten a moment ago: retrievability is near 1 again, but the
	// sentence must show as weak while its cards are relearned.
	if lv := level(srs.Again, a.srv.now()); lv != "weak" {
		t.Errorf("just after forgetting its cards, level = %q, want weak", lv)
	}
}

func TestReadAndTimelineUnknownDeck(t *testing.T) {
	a := newTestApp(t)
	for _, tc := range []struct{ name, method, path string }{
		{"read", "GET", "/decks/999/read"},
		{"read junk id", "GET", "/decks/abc/read"},
		{"timeline", "GET", "/decks/999/timeline"},
		{"review", "POST", "/decks/999/read/review"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var res *http.Response
			if tc.method == "POST" {
				res, _ = a.post(t, tc.path, url.Values{})
			} else {
				res, _ = a.get(t, tc.path)
			}
			if res.StatusCode != http.StatusNotFound {
				t.Errorf("%s %s = %d, want 404", tc.method, tc.path, res.StatusCode)
			}
		})
	}
}

// gradeShown answers and grades the card on the study page Good; it
// returns the card id, or "" at the summary.
func gradeShown(t *testing.T, a *testApp, deck string) string {
	t.Helper()
	return gradeShownAs(t, a, deck, "3")
}

// gradeShownAs is gradeShown with another rating ("1" Again … "4" Easy).
func gradeShownAs(t *testing.T, a *testApp, deck, rating string) string {
	t.Helper()
	_, body := a.get(t, deck+"/study")
	if page(t, body).Find(`[data-testid="summary"]`).Length() > 0 {
		return ""
	}
	card, token, _ := answerShown(t, a, deck, body)
	res, _ := a.post(t, deck+"/study/grade", url.Values{"card": {card}, "token": {token}, "rating": {rating}, "shown": {"0"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("grade: %d", res.StatusCode)
	}
	return card
}

func TestFocusedReviewServesOnlyWeakCards(t *testing.T) {
	a := newTestApp(t)
	deck := firstDeck(t, a)
	a.get(t, "/")
	ctx := context.Background()
	learner := learnerOf(t, a)
	set := srs.DefaultSettings()
	set.NewPerDay = 4
	if err := a.db.UpdateLearnerSettings(ctx, learner, set); err != nil {
		t.Fatal(err)
	}
	// Study one card Easy: it is known (graduated at once), and one Good: it
	// is still in its learning steps, not known yet, so the focus keeps it.
	known := gradeShownAs(t, a, deck, "4")
	learning := gradeShown(t, a, deck)
	res, _ := a.post(t, deck+"/read/review", url.Values{})
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != deck+"/study" {
		t.Fatalf("review POST = %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	// The focus the session holds is exactly the deck's weak cards.
	var focus []string
	if err := json.Unmarshal([]byte(a.sessionString(t, focusKey)), &focus); err != nil {
		t.Fatalf("study.focus is not a JSON array of strings: %v", err)
	}
	inFocus := map[string]bool{}
	for _, id := range focus {
		inFocus[id] = true
	}
	if inFocus[known] || !inFocus[learning] || len(focus) == 0 {
		t.Fatalf("focus holds %d cards, known card included: %v, learning card included: %v", len(focus), inFocus[known], inFocus[learning])
	}
	served := 0
	for i := 0; i < 40; i++ {
		id := gradeShown(t, a, deck)
		if id == "" {
			break
		}
		served++
		if !inFocus[id] {
			t.Fatalf("focused session served %s, which is not a weak card", id)
		}
	}
	if served == 0 {
		t.Fatal("focused session served nothing")
	}
	// At the summary the focus ends, and the ordinary queue is back: the
	// Easy card, known and due in days, is not in it today.
	if a.sessionString(t, focusKey) != "" {
		t.Error("focus still set after the summary")
	}
	for i := 0; i < 40; i++ {
		id := gradeShown(t, a, deck)
		if id == "" {
			break
		}
		if id == known {
			t.Fatalf("the ordinary queue served %s, graduated Easy today", id)
		}
	}
}

// sessionString reads a value of the test client's session from the store.
func (a *testApp) sessionString(t *testing.T, key string) string {
	t.Helper()
	u, _ := url.Parse(a.ts.URL)
	for _, c := range a.client.Jar.Cookies(u) {
		if c.Name == a.srv.sessions.Cookie.Name {
			ctx, err := a.srv.sessions.Load(context.Background(), c.Value)
			if err != nil {
				t.Fatal(err)
			}
			return a.srv.sessions.GetString(ctx, key)
		}
	}
	t.Fatal("no session cookie")
	return ""
}

func TestTimelinePage(t *testing.T) {
	a := newTestApp(t)
	deck := firstDeck(t, a)
	res, body := a.get(t, deck+"/timeline")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET timeline = %d", res.StatusCode)
	}
	doc := page(t, body)
	if doc.Find("svg[role=img] title").Length() == 0 {
		t.Error("timeline charts have no text alternative")
	}
	text := doc.Find(`[data-testid="events"]`).Text()
	for _, want := range []string{"November 2024", "(the whole month)", "29 November 2024", "(a day)", "2012–2016", "7–8 December 2024"} {
		if !strings.Contains(text, want) {
			t.Errorf("event list lacks %q", want)
		}
	}
	if ticks := doc.Find("#y2024").Parent().Find("text.tl-label").Text(); !strings.Contains(ticks, "1 Nov") || !strings.Contains(ticks, "1 Dec") {
		t.Errorf("2024 is not zoomed to its weeks: ticks %q", ticks)
	}
	// Every event links to a sentence the read page has.
	_, read := a.get(t, deck+"/read")
	rd := page(t, read)
	doc.Find(`[data-testid="events"] a`).Each(func(_ int, s *goquery.Selection) {
		href, _ := s.Attr("href")
		_, frag, _ := strings.Cut(href, "#")
		if rd.Find("#"+frag).Length() != 1 {
			t.Errorf("event link %s has no target on the read page", href)
		}
	})
	// The topic filter narrows the list.
	_, body = a.get(t, deck+"/timeline?topic=2024-homs-offensive")
	if n := page(t, body).Find(`[data-testid="events"] li`).Length(); n == 0 || n > 3 {
		t.Errorf("Homs offensive filter shows %d events", n)
	}
}
