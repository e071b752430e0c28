package store_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/factdeck/factdeck/quiz"
	"github.com/factdeck/factdeck/store"
)

// mustImport stores a document version and fails the test on error.
func mustImport(t *testing.T, db *store.DB, slug, body string) quiz.Document {
	t.Helper()
	d, _, err := db.ImportDocument(context.Background(), quiz.Document{Slug: slug, Title: slug, Body: body, Source: "seed"})
	if err != nil {
		t.Fatalf("ImportDocument(%s): %v", slug, err)
	}
	return d
}

// makeCards builds cards with ids slug-<name>, alternating kinds.
func makeCards(slug string, names ...string) []quiz.Card {
	kinds := []quiz.CardKind{quiz.CardMCQ, quiz.CardTyped}
	var out []quiz.Card
	for i, n := range names {
		out = append(out, quiz.Card{
			ID: slug + "-" + n, Kind: kinds[i%2], Topic: "T", TopicID: fmt.Sprintf("t%d", i%3),
			Prompt: "Q " + n, Answer: "A " + n, Score: 0.9, Source: quiz.Source{Doc: slug},
		})
	}
	return out
}

func mustSaveCards(t *testing.T, db *store.DB, docID int64, cards []quiz.Card) {
	t.Helper()
	if err := db.SaveCards(context.Background(), docID, cards); err != nil {
		t.Fatalf("SaveCards(%d): %v", docID, err)
	}
}

func cardIDs(cs []quiz.Card) []string {
	var ids []string
	for _, c := range cs {
		ids = append(ids, c.ID)
	}
	return ids
}

func TestSaveCardsIdempotentAndFilters(t *testing.T) {
	db := mustOpenDB(t, filepath.Join(t.TempDir(), "c.db"))
	ctx := context.Background()
	doc := mustImport(t, db, "s", "text")
	cards := makeCards("s", "a", "b", "c", "d")
	cards[3].Held = true
	mustSaveCards(t, db, doc.ID, cards)
	mustSaveCards(t, db, doc.ID, cards) // again: nothing changes

	tests := []struct {
		name string
		f    store.CardFilter
		want []string
	}{
		{"doc", store.CardFilter{DocID: doc.ID}, []string{"s-a", "s-b", "s-c"}},
		{"with held", store.CardFilter{DocID: doc.ID, IncludeHeld: true}, []string{"s-a", "s-b", "s-c", "s-d"}},
		{"kind", store.CardFilter{DocID: doc.ID, Kind: quiz.CardTyped}, []string{"s-b"}},
		{"topic", store.CardFilter{DocID: doc.ID, TopicID: "t0", IncludeHeld: true}, []string{"s-a", "s-d"}},
		{"all heads", store.CardFilter{}, []string{"s-a", "s-b", "s-c"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := db.Cards(ctx, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			if ids := cardIDs(got); !reflect.DeepEqual(ids, tc.want) {
				t.Errorf("Cards = %v, want %v", ids, tc.want)
			}
		})
	}
	got, err := db.Card(ctx, doc.ID, "s-d")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, cards[3]) {
		t.Errorf("Card round trip:\n got %+v\nwant %+v", got, cards[3])
	}
	if _, err := db.Card(ctx, doc.ID, "s-zz"); !errors.Is(err, quiz.ErrNotFound) {
		t.Errorf("unknown card: err = %v, want ErrNotFound", err)
	}
	if err := db.SaveCards(ctx, 999, cards); !errors.Is(err, quiz.ErrNotFound) {
		t.Errorf("unknown document: err = %v, want ErrNotFound", err)
	}
	if err := db.SaveCards(ctx, doc.ID, append(cards, cards[0])); err == nil {
		t.Error("duplicate card id accepted")
	}
}

func TestStaleMarking(t *testing.T) {
	db := mustOpenDB(t, filepath.Join(t.TempDir(), "stale.db"))
	ctx := context.Background()
	v1 := mustImport(t, db, "s", "first text")
	mustSaveCards(t, db, v1.ID, makeCards("s", "a", "b", "c"))
	learner, err := db.CreateLearner(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sched := mustScheduler(t)
	for _, id := range []string{"s-a", "s-c"} {
		in := store.ReviewInput{LearnerID: learner, CardID: id, DocID: v1.ID, Rating: 3, ReviewedAt: t0, ShownToken: "x"}
		if _, err := db.RecordReview(ctx, in, sched); err != nil {
			t.Fatal(err)
		}
	}

	v2 := mustImport(t, db, "s", "second text")
	mustSaveCards(t, db, v2.ID, makeCards("s", "a", "b", "d")) // c is gone, d is new

	stale := map[string]bool{"s-a": false, "s-b": false, "s-c": true}
	for id, want := range stale {
		if got, err := db.CardStale(ctx, v1.ID, id); err != nil || got != want {
			t.Errorf("v1 %s stale = %v, %v; want %v", id, got, err, want)
		}
	}
	v1cards, _ := db.Cards(ctx, store.CardFilter{DocID: v1.ID})
	if ids := cardIDs(v1cards); !reflect.DeepEqual(ids, []string{"s-a", "s-b"}) {
		t.Errorf("v1 live cards = %v", ids)
	}
	v1all, _ := db.Cards(ctx, store.CardFilter{DocID: v1.ID, IncludeStale: true})
	if len(v1all) != 3 {
		t.Errorf("v1 with stale: %d cards, want 3", len(v1all))
	}
	heads, _ := db.Cards(ctx, store.CardFilter{})
	if ids := cardIDs(heads); !reflect.DeepEqual(ids, []string{"s-a", "s-b", "s-d"}) {
		t.Errorf("head cards = %v, want v2's", ids)
	}
	// Progress is keyed by card id: a's state carries over to v2, c's is kept.
	for _, id := range []string{"s-a", "s-c"} {
		st, err := db.CardState(ctx, learner, id)
		if err != nil || st.Reps != 1 {
			t.Errorf("state of %s after new version: reps %d, err %v; want 1", id, st.Reps, err)
		}
	}

	// Regenerating v2 without b marks v2's b stale, and v1's b with it.
	mustSaveCards(t, db, v2.ID, makeCards("s", "a", "d"))
	for _, tc := range []struct {
		doc  int64
		id   string
		want bool
	}{{v2.ID, "s-b", true}, {v1.ID, "s-b", true}, {v1.ID, "s-a", false}, {v2.ID, "s-d", false}} {
		if got, _ := db.CardStale(ctx, tc.doc, tc.id); got != tc.want {
			t.Errorf("doc %d %s stale = %v, want %v", tc.doc, tc.id, got, tc.want)
		}
	}
	// c coming back in a third version revives v1's row.
	v3 := mustImport(t, db, "s", "third text")
	mustSaveCards(t, db, v3.ID, makeCards("s", "a", "c"))
	if got, _ := db.CardStale(ctx, v1.ID, "s-c"); got {
		t.Error("v1 s-c still stale after it came back in v3")
	}
	if got, _ := db.CardStale(ctx, v2.ID, "s-d"); !got {
		t.Error("v2 s-d not stale after v3 dropped it")
	}
}
