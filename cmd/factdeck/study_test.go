package main

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/factdeck/factdeck/quiz/srs"
	"github.com/factdeck/factdeck/store"
)

// firstDeck is the path of the seed's deck.
func firstDeck(t testing.TB, a *testApp) string {
	t.Helper()
	docs, err := a.db.Documents(context.Background(), store.DocumentFilter{})
	if err != nil || len(docs) == 0 {
		t.Fatalf("no documents: %v", err)
	}
	return "/decks/" + itoa(docs[0].ID)
}

// itoa formats an id for a URL.
func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// post sends a same-origin form.
func (a *testApp) post(t *testing.T, path string, form url.Values) (*http.Response, string) {
	t.Helper()
	return a.do(t, http.MethodPost, path, strings.NewReader(form.Encode()), map[string]string{
		"Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin",
	})
}

// answerShown answers the card on the study page (the first choice, a
// typed guess, or places in order) and returns the result page with the
// card id and token.
func answerShown(t *testing.T, a *testApp, deck, body string) (card, token, result string) {
	t.Helper()
	doc := page(t, body)
	q := doc.Find(`[data-testid="question"]`)
	if q.Length() == 0 {
		t.Fatalf("no question on the study page:\n%s", body)
	}
	form := url.Values{"choice": {"0"}, "answer": {"something"}}
	q.Find(`input[type="hidden"]`).Each(func(_ int, in *goquery.Selection) {
		form.Set(in.AttrOr("name", ""), in.AttrOr("value", ""))
	})
	for i := 0; i < q.Find("select").Length(); i++ {
		form.Set("pos"+itoa(int64(i)), itoa(int64(i+1)))
	}
	res, result := a.get(t, deck+"/study/check?"+form.Encode())
	if res.StatusCode != http.StatusOK {
		t.Fatalf("check answer: status %d, want 200", res.StatusCode)
	}
	return form.Get("card"), form.Get("token"), result
}

func TestStudyLoop(t *testing.T) {
	a := newTestApp(t)
	deck := firstDeck(t, a)
	ctx := context.Background()

	res, body := a.get(t, deck)
	if res.StatusCode != 200 || !strings.Contains(body, "Battle of Aleppo (2024)") {
		t.Fatalf("deck page %d", res.StatusCode)
	}
	reviewed := map[string]bool{}
	for i := 0; i < 5; i++ {
		_, body = a.get(t, deck+"/study")
		card, token, body := answerShown(t, a, deck, body)
		doc := page(t, body)
		if doc.Find(`[data-testid="result"]`).Length() == 0 {
			t.Fatalf("after answering, no result shown")
		}
		if src := doc.Find(`[data-testid="source"]`).Text(); strings.TrimSpace(src) == "" {
			t.Error("result does not quote its source")
		}
		if n := doc.Find(`.grades button`).Length(); n != 4 {
			t.Fatalf("%d grade buttons, want 4", n)
		}
		grade := url.Values{"card": {card}, "token": {token}, "rating": {"3"}, "shown": {"0"}}
		if res, _ := a.post(t, deck+"/study/grade", grade); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("grade: %d", res.StatusCode)
		}
		// A double click sends the same grade again: recorded once.
		if res, _ := a.post(t, deck+"/study/grade", grade); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("second grade: %d", res.StatusCode)
		}
		if reviewed[card] {
			t.Errorf("card %s shown twice in one session", card)
		}
		reviewed[card] = true
	}
	learner := learnerOf(t, a)
	rs, err := a.db.Reviews(ctx, learner, time.Now().Add(-time.Hour), time.Now().Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 5 {
		t.Fatalf("%d reviews logged after five graded cards (each double-submitted), want 5", len(rs))
	}

	// Undo takes the last review back: the card is new again.
	last := rs[len(rs)-1]
	if res, _ := a.post(t, deck+"/study/undo", url.Values{}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("undo: %d", res.StatusCode)
	}
	rs, _ = a.db.Reviews(ctx, learner, time.Now().Add(-time.Hour), time.Now().Add(time.Hour))
	if len(rs) != 4 {
		t.Fatalf("%d reviews after undo, want 4", len(rs))
	}
	if st, _ := a.db.CardState(ctx, learner, last.CardID); st.Reps != 0 {
		t.Errorf("undone card still has %d reps", st.Reps)
	}
	_, body = a.get(t, deck+"/study")
	if got := page(t, body).Find(`[data-testid="progress"]`).AttrOr("value", ""); got != "4" {
		t.Errorf("progress after undo shows %q done, want 4", got)
	}
}

func TestStudyRejectsStaleAndBadForms(t *testing.T) {
	a := newTestApp(t)
	deck := firstDeck(t, a)
	_, body := a.get(t, deck+"/study")
	card, _ := page(t, body).Find(`input[name="card"]`).Attr("value")
	// A wrong token (an old tab) changes nothing.
	res, _ := a.get(t, deck+"/study/check?"+url.Values{"card": {card}, "token": {"old"}, "choice": {"0"}}.Encode())
	if res.StatusCode != http.StatusSeeOther {
		t.Errorf("stale answer: %d, want 303 back to the card", res.StatusCode)
	}
	res, _ = a.post(t, deck+"/study/grade", url.Values{"card": {card}, "token": {"old"}, "rating": {"3"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Errorf("stale grade: %d, want 303", res.StatusCode)
	}
	if n, _, _ := a.db.DeckTally(context.Background(), learnerOf(t, a), 1, time.Time{}); n != 0 {
		t.Errorf("a stale grade was recorded (%d reviews)", n)
	}
	for _, tc := range []struct {
		name, method, path string
		form               url.Values
		want               int
	}{
		{"unknown deck", "GET", "/decks/999/study", nil, 404},
		{"non-numeric deck", "GET", "/decks/abc", nil, 404},
		{"bad rating", "POST", deck + "/study/grade", url.Values{"rating": {"9"}}, 422},
		{"grade of an unknown card", "POST", deck + "/study/grade", url.Values{"rating": {"3"}, "card": {"nope"}, "token": {"x"}}, 303},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var res *http.Response
			if tc.method == "GET" {
				res, _ = a.get(t, tc.path)
			} else {
				res, _ = a.post(t, tc.path, tc.form)
			}
			if res.StatusCode != tc.want {
				t.Errorf("status %d, want %d", res.StatusCode, tc.want)
			}
		})
	}
}

// learnerOf returns the only learner the test client created.
func learnerOf(t *testing.T, a *testApp) int64 {
	t.Helper()
	for id := int64(1); id < 10; id++ {
		if ok, _ := a.db.LearnerExists(context.Background(), id); ok {
			return id
		}
	}
	t.Fatal("no learner")
	return 0
}

// TestStudyRereadAfterLapses: a card forgotten twice comes back with its
// source passage above the question.
func TestStudyRereadAfterLapses(t *testing.T) {
	a := newTestApp(t)
	deck := firstDeck(t, a)
	ctx := context.Background()
	_, body := a.get(t, deck+"/study")
	cardID := page(t, body).Find(`input[name="card"]`).AttrOr("value", "")
	if page(t, body).Find(`[data-testid="reread"]`).Length() != 0 {
		t.Fatal("a new card came with a re-read passage")
	}
	learner := learnerOf(t, a)
	docID, _ := strconv.ParseInt(strings.TrimPrefix(deck, "/decks/"), 10, 64)
	sched, err := srs.NewScheduler(srs.DefaultParameters())
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	for i, rt := range []srs.Rating{srs.Easy, srs.Again, srs.Good, srs.Again} {
		st, _ := a.db.CardState(ctx, learner, cardID)
		if st.State != srs.New {
			now = st.Due.Add(time.Minute) // review it when due
		}
		if _, err := a.db.RecordReview(ctx, store.ReviewInput{LearnerID: learner, CardID: cardID, DocID: docID,
			Rating: rt, ReviewedAt: now, ShownToken: "t" + strconv.Itoa(i)}, sched); err != nil {
			t.Fatal(err)
		}
	}
	st, _ := a.db.CardState(ctx, learner, cardID)
	if st.Lapses != 2 {
		t.Fatalf("lapses = %d after Easy, Again, Good, Again; want 2", st.Lapses)
	}
	a.srv.now = func() time.Time { return st.Due.Add(time.Minute) }
	_, body = a.get(t, deck+"/study")
	doc := page(t, body)
	if got := doc.Find(`[data-testid="question"] input[name="card"]`).AttrOr("value", ""); got != cardID {
		t.Fatalf("the relearning card is not shown first (got %s)", got)
	}
	reread := doc.Find(`[data-testid="reread"] blockquote`).Text()
	card, _ := a.db.Card(ctx, docID, cardID)
	if reread == "" || !strings.Contains(reread, strings.TrimSpace(strings.SplitN(card.Source.Text, "[", 2)[0])[:20]) {
		t.Errorf("re-read passage %q does not contain the card's source %q", reread, card.Source.Text)
	}
	if strings.Contains(reread, "[") {
		t.Errorf("re-read passage keeps citation markers: %q", reread)
	}
}
