package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/factdeck/factdeck/quiz/srs"
	"github.com/factdeck/factdeck/quiz/stats"
)

// StatsReviews returns the learner's reviews with since <= reviewed_at <
// until, oldest first, as progress statistics need them. docID narrows
// them to the cards of one document version (by card id, so reviews made
// on an older version of a card still count); 0 means every deck. The
// (learner_id, reviewed_at) index bounds the scan.
func (db *DB) StatsReviews(ctx context.Context, learnerID, docID int64, since, until time.Time) ([]stats.Review, error) {
	args := []any{learnerID, ts(since), ts(until)}
	if docID != 0 {
		args = append(args, docID)
	}
	rows, err := db.read.QueryContext(ctx, statsReviewsQuery(docID), args...)
	if err != nil {
		return nil, fmt.Errorf("store: review stats of learner %d: %w", learnerID, err)
	}
	defer rows.Close()
	var out []stats.Review
	for rows.Next() {
		var r stats.Review
		var rating, before int
		var at string
		if err := rows.Scan(&r.CardID, &rating, &at, &before); err != nil {
			return nil, fmt.Errorf("store: review stats of learner %d: %w", learnerID, err)
		}
		r.Rating, r.Before = srs.Rating(rating), srs.State(before)
		if r.At, err = parseTS(at); err != nil {
			return nil, fmt.Errorf("store: review stats time: %w", err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: review stats of learner %d: %w", learnerID, err)
	}
	return out, nil
}

// statsReviewsQuery selects a learner's reviews in a time range ($1..$3),
// of one document version's cards ($4) when docID is not 0.
func statsReviewsQuery(docID int64) string {
	query := `SELECT card_id, rating, reviewed_at, before_state FROM reviews
		WHERE learner_id = $1 AND reviewed_at >= $2 AND reviewed_at < $3`
	if docID != 0 {
		query += ` AND card_id IN (SELECT card_id FROM cards WHERE doc_id = $4)`
	}
	return query + ` ORDER BY reviewed_at, id`
}

// StatsCards returns the servable (not held, not stale) cards of a
// document version, or of the head version of every document when docID
// is 0, in generated order, each with its topic and the learner's state
// (State srs.New if never reviewed; its Due is then meaningless).
func (db *DB) StatsCards(ctx context.Context, learnerID, docID int64) ([]stats.Card, error) {
	deck := `c.doc_id = $2`
	if docID == 0 {
		deck = `c.is_head = 1 AND $2 = 0`
	}
	rows, err := db.read.QueryContext(ctx, `SELECT c.card_id, c.topic_id, c.body, s.card_id IS NOT NULL, `+
		srsNullColumns+` FROM cards c
		LEFT JOIN card_states s ON s.learner_id = $1 AND s.card_id = c.card_id
		WHERE `+deck+` AND c.held = 0 AND c.stale = 0
		ORDER BY c.doc_id, c.seq`, learnerID, docID)
	if err != nil {
		return nil, fmt.Errorf("store: card stats of learner %d: %w", learnerID, err)
	}
	defer rows.Close()
	var out []stats.Card
	for rows.Next() {
		var c stats.Card
		var body string
		var seen bool
		var st srsRow
		if err := rows.Scan(append([]any{&c.ID, &c.TopicID, &body, &seen}, st.dest()...)...); err != nil {
			return nil, fmt.Errorf("store: card stats of learner %d: %w", learnerID, err)
		}
		var topic struct {
			Topic string `json:"topic"`
		}
		if err := json.Unmarshal([]byte(body), &topic); err != nil {
			return nil, fmt.Errorf("store: decode card %s: %w", c.ID, err)
		}
		c.Topic = topic.Topic
		if seen {
			if c.State, err = st.card(); err != nil {
				return nil, err
			}
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: card stats of learner %d: %w", learnerID, err)
	}
	return out, nil
}
