package store

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"github.com/factdeck/factdeck/quiz/srs"
)

// The benchmark fixture: benchDocs documents of benchCards cards each, and
// 1,000,000 card states: a heavy learner, a learner who has finished every
// review (so the next card must come from the new cards, past everything
// already studied) and many ordinary learners.
const (
	benchDocs     = 400
	benchCards    = 250
	heavyStates   = 40_000
	doneStates    = 20_000
	typicalStates = 1_000
	typicalCount  = 940
	benchStates   = heavyStates + doneStates + typicalStates*typicalCount
)

var benchNow = time.Date(2026, 6, 1, 15, 0, 0, 0, time.UTC)

type benchLearners struct{ heavy, done, typical int64 }

func benchCardID(doc, card int) string { return fmt.Sprintf("d%03d-c%04d", doc, card) }

// buildBenchDB fills a new database file with the fixture in a handful of
// transactions with prepared statements.
func buildBenchDB(b *testing.B, path string) benchLearners {
	ctx := context.Background()
	db, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	now := ts(benchNow)
	must := func(err error) {
		if err != nil {
			b.Fatal(err)
		}
	}
	must(db.tx(ctx, func(tx *sql.Tx) error {
		doc, err := tx.Prepare(`INSERT INTO documents (id, slug, version, title, hash, body, source, created_at)
			VALUES ($1, $2, 1, $2, $2, '', 'seed', $3)`)
		must(err)
		card, err := tx.Prepare(`INSERT INTO cards (doc_id, card_id, seq, kind, held, stale, is_head, body,
			created_at, updated_at) VALUES ($1, $2, $3, 'mcq', 0, 0, 1, $4, $5, $5)`)
		must(err)
		for d := range benchDocs {
			_, err := doc.Exec(d+1, fmt.Sprintf("d%03d", d), now)
			must(err)
			for c := range benchCards {
				id := benchCardID(d, c)
				_, err := card.Exec(d+1, id, c, `{"id":"`+id+`","kind":"mcq","prompt":"When?","answer":"1066"}`, now)
				must(err)
			}
		}
		_, err = tx.Exec(`INSERT INTO learners (id, created_at) VALUES ($1, $2)`, 1, now)
		return err
	}))
	rng := rand.New(rand.NewPCG(1, 2))
	learner := int64(0)
	// addLearner gives a new learner n states on the cards of consecutive
	// documents from firstDoc; allReviewFuture makes every state a review
	// not due yet.
	addLearner := func(n, firstDoc int, allReviewFuture bool) int64 {
		learner++
		id := learner
		must(db.tx(ctx, func(tx *sql.Tx) error {
			if id > 1 {
				if _, err := tx.Exec(`INSERT INTO learners (id, created_at) VALUES ($1, $2)`, id, now); err != nil {
					return err
				}
			}
			st, err := tx.Prepare(`INSERT INTO card_states (learner_id, card_id, ` + srsColumns("") + `, updated_at)
				VALUES (` + placeholders(1, 13) + `)`)
			if err != nil {
				return err
			}
			var last Review
			for i := range n {
				c := benchState(rng, allReviewFuture)
				doc := (firstDoc + i/benchCards) % benchDocs
				args := append([]any{id, benchCardID(doc, i%benchCards)}, srsArgs(c)...)
				if _, err := st.Exec(append(args, now)...); err != nil {
					return err
				}
				last = Review{LearnerID: id, CardID: benchCardID(doc, i%benchCards), DocID: int64(doc + 1),
					Rating: srs.Good, ReviewedAt: benchNow.AddDate(0, 0, -1), ShownToken: "t",
					Before: srs.NewCard(benchNow), After: c}
			}
			// The log row RecordReview would have left for the latest new card.
			_, err = insertReview(ctx, tx, &last)
			return err
		}))
		return id
	}
	var l benchLearners
	l.heavy = addLearner(heavyStates, 0, false)
	l.done = addLearner(doneStates, 0, true)
	for i := range typicalCount {
		id := addLearner(typicalStates, (i*7)%benchDocs, false)
		if i == typicalCount/2 {
			l.typical = id
		}
	}
	return l
}

// benchState is a plausible memory state: 2% in (re)learning around now,
// the rest reviews due from a month ago to a year ahead.
func benchState(rng *rand.Rand, allReviewFuture bool) srs.Card {
	c := srs.Card{State: srs.Review, Stability: 1 + rng.Float64()*100, Difficulty: 1 + rng.Float64()*9,
		ScheduledDays: 10, Reps: 4}
	switch {
	case allReviewFuture:
		c.Due = benchNow.Add(time.Duration(1+rng.IntN(365*24)) * time.Hour * 24 / 24).Add(48 * time.Hour)
	case rng.IntN(50) == 0:
		c.State = srs.Learning + srs.State(2*rng.IntN(2))
		c.Due = benchNow.Add(time.Duration(rng.IntN(120)-60) * time.Minute)
	default:
		c.Due = benchNow.Add(time.Duration(rng.IntN(395*24)-30*24) * time.Hour)
	}
	c.LastReview = c.Due.AddDate(0, 0, -10)
	return c
}

// BenchmarkDueCards measures the next-card query (DueCards with Limit 1)
// against 1,000,000 card states, next to a primary-key lookup measured in
// the same run; each result reports its ratio to that baseline.
func BenchmarkDueCards(b *testing.B) {
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "bench.db")
	start := time.Now()
	l := buildBenchDB(b, path)
	db, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.read.QueryRow(`SELECT COUNT(*) FROM card_states`).Scan(&n); err != nil || n != benchStates {
		b.Fatalf("fixture has %d card states (%v), want %d", n, err, benchStates)
	}
	b.Logf("fixture: %d card states, %d cards, built in %v", n, benchDocs*benchCards, time.Since(start).Round(time.Millisecond))

	settings := srs.DefaultSettings()
	req := func(learner, doc int64, limit int) QueueRequest {
		return QueueRequest{LearnerID: learner, DocID: doc, Now: benchNow, Settings: settings, Limit: limit}
	}
	typicalDoc := int64((l.typical-3)*7%benchDocs + 1) // a document the typical learner studies
	var baseline float64
	cases := []struct {
		name string
		run  func() error
	}{
		{"baseline-pk-CardState", func() error {
			_, err := db.CardState(ctx, l.typical, benchCardID(int(typicalDoc-1), 7))
			return err
		}},
		{"next-typical-doc", func() error { return due(ctx, db, req(l.typical, typicalDoc, 1)) }},
		{"next-typical-all", func() error { return due(ctx, db, req(l.typical, 0, 1)) }},
		{"next-heavy-doc", func() error { return due(ctx, db, req(l.heavy, 1, 1)) }},
		{"next-heavy-all", func() error { return due(ctx, db, req(l.heavy, 0, 1)) }},
		{"next-done-doc-new", func() error { return due(ctx, db, req(l.done, 81, 1)) }},
		{"next-done-all-new", func() error { return due(ctx, db, req(l.done, 0, 1)) }},
		{"page20-heavy-all", func() error { return due(ctx, db, req(l.heavy, 0, 20)) }},
		{"counts-typical-doc", func() error { _, err := db.QueueCounts(ctx, req(l.typical, typicalDoc, 0)); return err }},
		{"counts-heavy-all", func() error { _, err := db.QueueCounts(ctx, req(l.heavy, 0, 0)); return err }},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if err := c.run(); err != nil {
					b.Fatal(err)
				}
			}
			ns := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
			if baseline == 0 {
				baseline = ns
			}
			b.ReportMetric(ns/baseline, "x_baseline")
		})
	}
}

// due runs DueCards and insists on a card, so that an empty queue cannot
// pass for a fast one.
func due(ctx context.Context, db *DB, req QueueRequest) error {
	items, err := db.DueCards(ctx, req)
	if err == nil && len(items) == 0 {
		err = fmt.Errorf("no card due for learner %d", req.LearnerID)
	}
	return err
}
