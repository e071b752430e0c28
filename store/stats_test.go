package store

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/factdeck/factdeck/quiz"
	"github.com/factdeck/factdeck/quiz/srs"
	"github.com/factdeck/factdeck/quiz/stats"
	"github.com/factdeck/factdeck/store/storetest"
)

// statsDeck adds a second document of three cards ("o-x", "o-y" and a
// held "o-h", topic "Other") to a queueDeck.
func statsDeck(t *testing.T) (queueDeck, quiz.Document) {
	t.Helper()
	d := newQueueDeck(t)
	ctx := context.Background()
	other, _, err := d.db.ImportDocument(ctx, quiz.Document{Slug: "o", Title: "o", Body: "other", Source: "seed"})
	if err != nil {
		t.Fatal(err)
	}
	cards := []quiz.Card{
		{ID: "o-x", Kind: quiz.CardMCQ, Topic: "Other", TopicID: "other", Prompt: "q", Answer: "a"},
		{ID: "o-y", Kind: quiz.CardMCQ, Topic: "Other", TopicID: "other", Prompt: "q", Answer: "a"},
		{ID: "o-h", Kind: quiz.CardMCQ, Topic: "Other", TopicID: "other", Prompt: "q", Answer: "a", Held: true},
	}
	if err := d.db.SaveCards(ctx, other.ID, cards); err != nil {
		t.Fatal(err)
	}
	return d, other
}

func TestStatsReviews(t *testing.T) {
	d, other := statsDeck(t)
	ctx := context.Background()
	d.review(t, "s-c00", srs.Good, t0)
	d.review(t, "s-c01", srs.Again, t0.Add(time.Hour))
	od := queueDeck{d.db, other, d.learner}
	od.review(t, "o-x", srs.Easy, t0.Add(2*time.Hour))
	d.review(t, "s-c02", srs.Good, t0.Add(48*time.Hour)) // outside the range asked for

	all, err := d.db.StatsReviews(ctx, d.learner, 0, t0, t0.Add(24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	want := []stats.Review{
		{CardID: "s-c00", Rating: srs.Good, At: t0, Before: srs.New},
		{CardID: "s-c01", Rating: srs.Again, At: t0.Add(time.Hour), Before: srs.New},
		{CardID: "o-x", Rating: srs.Easy, At: t0.Add(2 * time.Hour), Before: srs.New},
	}
	if len(all) != len(want) {
		t.Fatalf("all decks: %+v, want %+v", all, want)
	}
	for i := range want {
		if all[i] != want[i] {
			t.Errorf("review %d = %+v, want %+v", i, all[i], want[i])
		}
	}
	one, err := d.db.StatsReviews(ctx, d.learner, other.ID, t0, t0.Add(24*time.Hour))
	if err != nil || len(one) != 1 || one[0].CardID != "o-x" {
		t.Errorf("one deck: %+v, %v; want only o-x", one, err)
	}
	// Another learner sees nothing of these.
	stranger, _ := d.db.CreateLearner(ctx)
	if rs, _ := d.db.StatsReviews(ctx, stranger, 0, t0, t0.Add(24*time.Hour)); len(rs) != 0 {
		t.Errorf("another learner's stats show %d reviews", len(rs))
	}
}

func TestStatsCards(t *testing.T) {
	d, other := statsDeck(t)
	ctx := context.Background()
	od := queueDeck{d.db, other, d.learner}
	od.review(t, "o-x", srs.Good, t0)
	cs, err := d.db.StatsCards(ctx, d.learner, other.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 2 || cs[0].ID != "o-x" || cs[1].ID != "o-y" {
		t.Fatalf("cards %+v, want o-x and o-y (the held card left out)", cs)
	}
	st, _ := d.db.CardState(ctx, d.learner, "o-x")
	if cs[0].State != st || cs[0].State.State == srs.New || cs[0].Topic != "Other" || cs[0].TopicID != "other" {
		t.Errorf("reviewed card %+v, want state %+v and topic Other", cs[0], st)
	}
	if cs[1].State.State != srs.New {
		t.Errorf("unreviewed card state %v, want New", cs[1].State.State)
	}
	all, err := d.db.StatsCards(ctx, d.learner, 0)
	if err != nil || len(all) != 21 { // 19 + 2 servable head cards
		t.Errorf("all decks: %d cards, %v; want 21", len(all), err)
	}
}

// TestStatsQueriesUseIndexes checks that the review range scan is served by
// the (learner_id, reviewed_at) index, not a table scan.
func TestStatsQueriesUseIndexes(t *testing.T) {
	storetest.SQLiteOnly(t) // EXPLAIN QUERY PLAN; PostgreSQL's planner may scan tiny tables
	d := newQueueDeck(t)
	for _, docID := range []int64{0, d.doc.ID} {
		args := []any{d.learner, ts(t0), ts(t0)}
		if docID != 0 {
			args = append(args, docID)
		}
		plan := queryPlan(t, d.db, statsReviewsQuery(docID), args...)
		if !strings.Contains(plan, "reviews_learner_time_idx") {
			t.Errorf("review stats plan (deck %d) %q does not use reviews_learner_time_idx", docID, plan)
		}
	}
}

func queryPlan(t *testing.T, db *DB, query string, args ...any) string {
	t.Helper()
	rows, err := db.read.Query(`EXPLAIN QUERY PLAN `+query, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	return strings.Join(plan, "; ")
}
