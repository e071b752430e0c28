package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/factdeck/factdeck/quiz"
	"github.com/factdeck/factdeck/quiz/gen"
	"github.com/factdeck/factdeck/store"
)

// quizForm is the setup form as a browser sends it with every topic and
// kind ticked.
func quizForm(t *testing.T, a *testApp, deck string, change map[string][]string) url.Values {
	t.Helper()
	_, body := a.get(t, deck+"/quiz")
	f := url.Values{"count": {"10"}, "feedback": {"end"}}
	page(t, body).Find(`input[type="checkbox"][checked]`).Each(func(_ int, s *goquery.Selection) {
		name, _ := s.Attr("name")
		v, _ := s.Attr("value")
		f.Add(name, v)
	})
	for k, v := range change {
		f[k] = v
	}
	return f
}

// startQuiz posts the setup form and returns the attempt's path.
func startQuiz(t *testing.T, a *testApp, deck string, f url.Values) string {
	t.Helper()
	res, body := a.post(t, deck+"/quiz", f)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("POST quiz: %d, want 303\n%s", res.StatusCode, body)
	}
	return res.Header.Get("Location")
}

// shownQuestion reads the question on a quiz page.
func shownQuestion(t *testing.T, body string) (card string, pos int) {
	t.Helper()
	q := page(t, body).Find(`[data-testid="question"]`)
	if q.Length() == 0 {
		t.Fatalf("no question on the page:\n%s", body)
	}
	card, _ = q.Find(`input[name="card"]`).Attr("value")
	p, _ := q.Find(`input[name="position"]`).Attr("value")
	pos, _ = strconv.Atoi(p)
	return card, pos
}

// answerForm builds the form that answers a card right or wrong.
func answerForm(c quiz.Card, pos int, right bool) url.Values {
	f := url.Values{"card": {c.ID}, "position": {strconv.Itoa(pos)}}
	switch c.Kind {
	case quiz.CardMCQ, quiz.CardTrueFalse:
		choice := c.Correct
		if !right {
			choice = (c.Correct + 1) % len(c.Choices)
		}
		f.Set("choice", strconv.Itoa(choice))
	case quiz.CardOrder:
		for i, label := range gen.Presented(c) {
			place := slices.IndexFunc(c.Items, func(it quiz.Item) bool { return it.Left == label }) + 1
			if !right {
				place = len(c.Items) + 1 - place
			}
			f.Set(fmt.Sprintf("pos%d", i), strconv.Itoa(place))
		}
	case quiz.CardMatch:
		for i := range c.Items {
			j := i
			if !right {
				j = (i + 1) % len(c.Items)
			}
			f.Set(fmt.Sprintf("m%d", i), c.Items[j].Right)
		}
	default:
		f.Set("answer", c.Answer)
		if !right {
			f.Set("answer", "zzzz qqqq")
		}
	}
	return f
}

// answerQuestion answers the question on screen and returns where the
// answer redirected.
func answerQuestion(t *testing.T, a *testApp, quizPath string, right bool) (card string, pos int, loc string) {
	t.Helper()
	_, body := a.get(t, quizPath)
	card, pos = shownQuestion(t, body)
	c := mustCard(t, a, quizPath, card)
	res, body := a.post(t, quizPath+"/answer", answerForm(c, pos, right))
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("answer %d: status %d\n%s", pos, res.StatusCode, body)
	}
	return card, pos, res.Header.Get("Location")
}

func mustCard(t *testing.T, a *testApp, quizPath, id string) quiz.Card {
	t.Helper()
	var doc int64
	fmt.Sscanf(quizPath, "/decks/%d/", &doc)
	c, err := a.db.Card(context.Background(), doc, id)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func quizID(t *testing.T, path string) int64 {
	t.Helper()
	id, err := strconv.ParseInt(path[strings.LastIndex(path, "/")+1:], 10, 64)
	if err != nil {
		t.Fatalf("quiz path %q", path)
	}
	return id
}

func TestQuizTenQuestionsToScorePage(t *testing.T) {
	a := newTestApp(t)
	deck := firstDeck(t, a)
	res, body := a.get(t, deck+"/quiz")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("setup page %d", res.StatusCode)
	}
	setup := page(t, body)
	if v, _ := setup.Find(`#count`).Attr("value"); v != "10" {
		t.Errorf("default number of questions %q, want 10", v)
	}
	if setup.Find(`input[name="topics"]:not([checked])`).Length() != 0 || setup.Find(`input[name="kinds"]:not([checked])`).Length() != 0 {
		t.Error("not every topic and kind is ticked by default")
	}
	if setup.Find(`input[name="schedule"][checked]`).Length() != 0 {
		t.Error("counting answers toward the schedule is on by default")
	}
	quizPath := startQuiz(t, a, deck, quizForm(t, a, deck, nil))
	asked := map[string]bool{}
	for i := 1; i <= 10; i++ {
		card, pos, loc := answerQuestion(t, a, quizPath, i%2 == 1)
		if pos != i || asked[card] {
			t.Fatalf("step %d asked position %d (card %s, asked before: %v)", i, pos, card, asked[card])
		}
		asked[card] = true
		if loc != quizPath {
			t.Errorf("feedback at the end: answer redirected to %q, want %q", loc, quizPath)
		}
	}
	_, body = a.get(t, quizPath)
	doc := page(t, body)
	items := doc.Find(`[data-testid="item"]`)
	if items.Length() != 10 {
		t.Fatalf("score page lists %d questions, want 10", items.Length())
	}
	var sum float64
	items.Each(func(i int, it *goquery.Selection) {
		if strings.TrimSpace(it.Find(`[data-testid="source"]`).Text()) == "" {
			t.Errorf("question %d: no source quoted", i+1)
		}
		if href, _ := it.Find(`[data-testid="source-link"]`).Attr("href"); !strings.HasPrefix(href, deck+"/read#s") {
			t.Errorf("question %d: source link %q", i+1, href)
		}
		if strings.TrimSpace(it.Find(`[data-testid="answer"]`).Text()) == "" {
			t.Errorf("question %d: right answer missing", i+1)
		}
		if i%2 == 0 && it.AttrOr("data-verdict", "") != "correct" {
			t.Errorf("question %d was answered right but shows %q", i+1, it.Find(".verdict").Text())
		}
		var p float64
		fmt.Sscanf(strings.TrimSpace(it.Find(".verdict .muted").Text()), "(%g of 1 point)", &p)
		sum += p
	})
	points, _ := strconv.ParseFloat(doc.Find(`[data-testid="points"]`).Text(), 64)
	if points < 5 || points >= 10 || points != float64(int(sum*100+0.5))/100 {
		t.Errorf("score %v points, questions add up to %v; want at least the 5 right ones and not all", points, sum)
	}
	if doc.Find(`[data-testid="retry"]`).Length() == 0 {
		t.Error("no retry button though questions were missed")
	}
	rs, _ := a.db.Reviews(context.Background(), learnerOf(t, a), time.Time{}, time.Now().Add(time.Hour))
	if len(rs) != 0 {
		t.Errorf("a quiz without scheduling recorded %d reviews", len(rs))
	}
	_, body = a.get(t, deck+"/quiz/history")
	rows := page(t, body).Find(`[data-testid="attempt"]`)
	if rows.Length() != 1 || !strings.Contains(rows.Text(), doc.Find(`[data-testid="percent"]`).Text()[1:]) {
		t.Errorf("history: %d rows, %q; want the attempt with its score %s", rows.Length(), rows.Text(), doc.Find(`[data-testid="percent"]`).Text())
	}
}

func TestQuizFeedbackNowAndDoubleSubmit(t *testing.T) {
	a := newTestApp(t)
	deck := firstDeck(t, a)
	quizPath := startQuiz(t, a, deck, quizForm(t, a, deck, map[string][]string{"feedback": {"now"}, "count": {"5"}}))
	_, body := a.get(t, quizPath)
	card, pos := shownQuestion(t, body)
	c := mustCard(t, a, quizPath, card)
	res, _ := a.post(t, quizPath+"/answer", answerForm(c, pos, false))
	if loc := res.Header.Get("Location"); loc != quizPath+"/q/1#verdict" {
		t.Fatalf("answer redirected to %q, want the feedback page", loc)
	}
	_, body = a.get(t, quizPath+"/q/1")
	fb := page(t, body)
	if v := fb.Find(`[data-testid="verdict"]`).Text(); v != "Wrong" && v != "Partly right" {
		t.Errorf("feedback verdict %q for a wrong answer", v)
	}
	if fb.Find(`[data-testid="answer"]`).Text() != c.Answer || strings.TrimSpace(fb.Find(`[data-testid="source"]`).Text()) == "" {
		t.Errorf("feedback lacks the right answer %q or the source", c.Answer)
	}
	if next, _ := fb.Find(`[data-testid="next"]`).Attr("href"); next != quizPath {
		t.Errorf("next link %q", next)
	}
	// The same question again, now answered right (a back button and a
	// resubmit): the first answer stands.
	res, _ = a.post(t, quizPath+"/answer", answerForm(c, pos, true))
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("resubmit: %d", res.StatusCode)
	}
	q, err := a.db.Quiz(context.Background(), learnerOf(t, a), quizID(t, quizPath))
	if err != nil {
		t.Fatal(err)
	}
	if len(q.Answers) != 1 || q.Answers[0].Outcome.Verdict == "correct" {
		t.Errorf("after a double submit: %d answers, first %q; want the one wrong answer", len(q.Answers), q.Answers[0].Outcome.Verdict)
	}
	_, body = a.get(t, quizPath)
	if _, pos := shownQuestion(t, body); pos != 2 {
		t.Errorf("after answering question 1 the quiz shows question %d", pos)
	}
}

func TestQuizScheduleOptIn(t *testing.T) {
	a := newTestApp(t)
	deck := firstDeck(t, a)
	quizPath := startQuiz(t, a, deck, quizForm(t, a, deck, map[string][]string{"schedule": {"on"}, "count": {"5"}}))
	var cards []string
	for i := 0; i < 2; i++ {
		card, pos, _ := answerQuestion(t, a, quizPath, true)
		cards = append(cards, card)
		a.post(t, quizPath+"/answer", answerForm(mustCard(t, a, quizPath, card), pos, true)) // double submit
	}
	rs, err := a.db.Reviews(context.Background(), learnerOf(t, a), time.Time{}, time.Now().Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 2 {
		t.Fatalf("%d reviews after two answers (each sent twice), want 2", len(rs))
	}
	id := quizID(t, quizPath)
	for i, r := range rs {
		if r.CardID != cards[i] || r.ShownToken != fmt.Sprintf("quiz-%d-%d", id, i+1) || r.Rating.String() != "Good" {
			t.Errorf("review %d: card %s token %s rating %s; want %s, quiz-%d-%d, Good", i, r.CardID, r.ShownToken, r.Rating, cards[i], id, i+1)
		}
	}
}

func TestQuizOtherLearnerNotFound(t *testing.T) {
	a := newTestApp(t)
	deck := firstDeck(t, a)
	quizPath := startQuiz(t, a, deck, quizForm(t, a, deck, nil))
	_, body := a.get(t, quizPath)
	card, _ := shownQuestion(t, body)

	mine := a.client.Jar
	jar, _ := cookiejar.New(nil)
	a.client.Jar = jar // another browser: another learner
	for _, tc := range []struct{ method, path string }{
		{"GET", quizPath}, {"GET", quizPath + "/q/1"},
		{"POST", quizPath + "/answer"}, {"POST", quizPath + "/retry"},
	} {
		var res *http.Response
		if tc.method == "GET" {
			res, _ = a.get(t, tc.path)
		} else {
			res, _ = a.post(t, tc.path, url.Values{"card": {card}, "position": {"1"}, "choice": {"0"}})
		}
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("another learner: %s %s = %d, want 404", tc.method, tc.path, res.StatusCode)
		}
	}
	a.client.Jar = mine
	for _, p := range []string{"/decks/999/quiz/" + itoa(quizID(t, quizPath)), deck + "/quiz/99999", deck + "/quiz/x", quizPath + "/q/0"} {
		if res, _ := a.get(t, p); res.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s = %d, want 404", p, res.StatusCode)
		}
	}
	if res, _ := a.get(t, quizPath); res.StatusCode != http.StatusOK {
		t.Errorf("the owner's own quiz: %d", res.StatusCode)
	}
}

func TestQuizMalformedForms(t *testing.T) {
	a := newTestApp(t)
	deck := firstDeck(t, a)
	for _, tc := range []struct {
		name, field string
		change      map[string][]string
	}{
		{"count not a number", "count", map[string][]string{"count": {"ten"}}},
		{"count too small", "count", map[string][]string{"count": {"4"}}},
		{"count too large", "count", map[string][]string{"count": {"51"}}},
		{"no kinds", "kinds", map[string][]string{"kinds": nil}},
		{"unknown kind", "kinds", map[string][]string{"kinds": {"essay"}}},
		{"unknown topic", "topics", map[string][]string{"topics": {"atlantis"}}},
		{"feedback", "feedback", map[string][]string{"feedback": {"later"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := quizForm(t, a, deck, tc.change)
			res, body := a.post(t, deck+"/quiz", f)
			if res.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422", res.StatusCode)
			}
			doc := page(t, body)
			if strings.TrimSpace(doc.Find(`[data-testid="error-`+tc.field+`"]`).Text()) == "" {
				t.Errorf("no message for %s", tc.field)
			}
			if v, _ := doc.Find(`#count`).Attr("value"); v != f.Get("count") {
				t.Errorf("the form came back with count %q, want what was sent (%q)", v, f.Get("count"))
			}
		})
	}
	quizPath := startQuiz(t, a, deck, quizForm(t, a, deck, nil))
	_, body := a.get(t, quizPath)
	card, _ := shownQuestion(t, body)
	for _, f := range []url.Values{
		{"card": {card}, "position": {"one"}},
		{"card": {card}, "position": {"11"}},
		{"card": {"not-this-card"}, "position": {"1"}},
		{"card": {card}},
	} {
		if res, _ := a.post(t, quizPath+"/answer", f); res.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("answer %v: status %d, want 422", f, res.StatusCode)
		}
	}
	q, _ := a.db.Quiz(context.Background(), learnerOf(t, a), quizID(t, quizPath))
	if len(q.Answers) != 0 {
		t.Errorf("malformed answers recorded %d answers", len(q.Answers))
	}
}

func TestQuizRetryMissed(t *testing.T) {
	a := newTestApp(t)
	deck := firstDeck(t, a)
	quizPath := startQuiz(t, a, deck, quizForm(t, a, deck, map[string][]string{"count": {"6"}}))
	var missed []string
	for i := 0; i < 6; i++ {
		card, _, _ := answerQuestion(t, a, quizPath, i < 2)
		if i >= 2 {
			missed = append(missed, card)
		}
	}
	res, _ := a.post(t, quizPath+"/retry", nil)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("retry: %d", res.StatusCode)
	}
	retryPath := res.Header.Get("Location")
	if retryPath == quizPath || !strings.HasPrefix(retryPath, deck+"/quiz/") {
		t.Fatalf("retry redirected to %q", retryPath)
	}
	q, err := a.db.Quiz(context.Background(), learnerOf(t, a), quizID(t, retryPath))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(q.CardIDs, missed) || q.RetryOf != quizID(t, quizPath) {
		t.Errorf("retry asks %v (retry of %d), want the missed %v", q.CardIDs, q.RetryOf, missed)
	}
	for range missed {
		answerQuestion(t, a, retryPath, true)
	}
	_, body := a.get(t, retryPath)
	doc := page(t, body)
	if p := doc.Find(`[data-testid="percent"]`).Text(); p != "(100%)" || doc.Find(`[data-testid="retry"]`).Length() != 0 {
		t.Errorf("retry answered right: score %s, retry button shown: %v", p, doc.Find(`[data-testid="retry"]`).Length() > 0)
	}
	_, body = a.get(t, deck+"/quiz/history")
	rows := page(t, body).Find(`[data-testid="attempt"]`)
	if rows.Length() != 2 || !strings.Contains(rows.First().Text(), "(retry)") {
		t.Errorf("history after a retry: %d rows, first %q", rows.Length(), rows.First().Text())
	}
}

// TestQuizNeverAsksHeldOrStaleCards regenerates the deck without some cards
// and holds another: a new quiz asks neither.
func TestQuizNeverAsksHeldOrStaleCards(t *testing.T) {
	a := newTestApp(t)
	deck := firstDeck(t, a)
	ctx := context.Background()
	docs, _ := a.db.Documents(ctx, store.DocumentFilter{})
	cards, err := a.db.Cards(ctx, store.CardFilter{DocID: docs[0].ID})
	if err != nil {
		t.Fatal(err)
	}
	// Keep six cards: one held, the others live; the rest become stale.
	keep := cards[:6]
	keep[0].Held = true
	if err := a.db.SaveCards(ctx, docs[0].ID, keep); err != nil {
		t.Fatal(err)
	}
	quizPath := startQuiz(t, a, deck, quizForm(t, a, deck, map[string][]string{"count": {"10"}}))
	q, err := a.db.Quiz(ctx, learnerOf(t, a), quizID(t, quizPath))
	if err != nil {
		t.Fatal(err)
	}
	got := slices.Clone(q.CardIDs)
	slices.Sort(got)
	var want []string
	for _, c := range keep[1:] {
		want = append(want, c.ID)
	}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("quiz asks %v, want only the five live cards %v", got, want)
	}
	_, body := a.get(t, quizPath)
	if !strings.Contains(page(t, body).Find(`[data-testid="flash"]`).Text(), "Only 5 questions") {
		t.Error("no notice that fewer questions than asked were available")
	}
}
