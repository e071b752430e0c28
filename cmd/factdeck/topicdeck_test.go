package main

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// TestTopicDeckStudy studies one topic of the seed on its own, from the
// home page's link: every card served belongs to that topic, the topic's
// counts move and the document's do too, and a card of another topic
// cannot be graded through the topic's deck.
func TestTopicDeckStudy(t *testing.T) {
	a := newTestApp(t)
	ctx := context.Background()
	deck := firstDeck(t, a)
	d, all := deckOf(t, a)
	_, body := a.get(t, "/")
	links := page(t, body).Find(`[data-testid="topic-deck"]`)
	if links.Length() < 3 {
		t.Fatalf("home page lists %d topic decks for the seed, want several", links.Length())
	}
	// The smallest topic deck: studying it alone must not leak other topics.
	var path, name string
	links.Each(func(_ int, l *goquery.Selection) {
		path, name = l.AttrOr("href", ""), l.Text()
	})
	if !strings.HasPrefix(path, deck+"/topics/") || !strings.HasSuffix(path, "/study") {
		t.Fatalf("topic deck link %q", path)
	}
	topicDeck := strings.TrimSuffix(path, "/study")
	topicID := strings.TrimPrefix(topicDeck, deck+"/topics/")
	newBefore := a.newCount(t, deck)
	for i := 0; i < 4; i++ {
		_, body := a.get(t, path)
		if !strings.Contains(page(t, body).Find("title").Text(), name) {
			t.Errorf("topic deck page title %q does not name the topic %q", page(t, body).Find("title").Text(), name)
		}
		card, token, _ := answerShown(t, a, topicDeck, body)
		c, err := a.db.Card(ctx, d.ID, card)
		if err != nil {
			t.Fatal(err)
		}
		if c.TopicID != topicID {
			t.Fatalf("topic deck %s served card %s of topic %s", topicID, card, c.TopicID)
		}
		if res, _ := a.post(t, topicDeck+"/study/grade", url.Values{"card": {card}, "token": {token}, "rating": {"4"}, "shown": {"0"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("grade: %d", res.StatusCode)
		}
	}
	if got := a.newCount(t, deck); got != newBefore-4 {
		t.Errorf("the document's new count went %d → %d after four cards of one topic, want −4", newBefore, got)
	}
	// A card of another topic is refused by this topic's deck: the form is
	// treated as stale and nothing is recorded.
	other := ""
	for _, c := range all {
		if c.TopicID != topicID {
			other = c.ID
			break
		}
	}
	before := a.newCount(t, deck)
	res, _ := a.post(t, topicDeck+"/study/grade", url.Values{"card": {other}, "token": {"x"}, "rating": {"3"}, "shown": {"0"}})
	if res.StatusCode != http.StatusSeeOther || a.newCount(t, deck) != before {
		t.Errorf("grading another topic's card through the topic deck: %d, new count %d → %d", res.StatusCode, before, a.newCount(t, deck))
	}
	for _, p := range []string{deck + "/topics/no-such-topic/study", deck + "/topics/saraqib/study"} {
		if res, _ := a.get(t, p); res.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s = %d, want 404 (unknown, or too small to study alone)", p, res.StatusCode)
		}
	}
	// The deck page links the same topic decks.
	_, body = a.get(t, deck)
	if page(t, body).Find(`[data-testid="topic-study"][href="`+path+`"]`).Length() != 1 {
		t.Errorf("deck page does not link the topic deck %s", path)
	}
}
