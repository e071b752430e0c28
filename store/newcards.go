package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/factdeck/factdeck/quiz/srs"
)

// newCards lists up to n cards of the deck the learner has never reviewed
// (not held, not stale), in generated order; withBody false skips decoding
// the cards, for counting.
//
// For one document that is an index walk over its cards. For all documents
// it resumes at the document of the learner's latest new card and wraps
// around to the documents before it: walking from the first document would
// cost one probe per card already studied, tens of milliseconds for a
// learner with tens of thousands of cards (docs/storage.md).
func (q queue) newCards(ctx context.Context, tx *readTx, n int, withBody bool) ([]QueueItem, error) {
	if n <= 0 {
		return nil, nil
	}
	if q.SetID != 0 {
		return q.newCardsWhere(ctx, tx, setDeck, q.SetID, n, withBody)
	}
	if q.DocID != 0 {
		return q.newCardsWhere(ctx, tx, `c.doc_id = $2`, q.DocID, n, withBody)
	}
	from, err := q.resumeDoc(ctx, tx)
	if err != nil {
		return nil, err
	}
	out, err := q.newCardsWhere(ctx, tx, `c.doc_id >= $2`, from, n, withBody)
	if err != nil || len(out) == n || from == 0 {
		return out, err
	}
	more, err := q.newCardsWhere(ctx, tx, `c.doc_id < $2`, from, n-len(out), withBody)
	return append(out, more...), err
}

// resumeDoc is the head document of the learner's latest new card, or 0.
func (q queue) resumeDoc(ctx context.Context, tx *readTx) (int64, error) {
	var doc int64
	err := tx.QueryRowContext(ctx, `SELECT c.doc_id FROM reviews r
		JOIN cards c ON c.card_id = r.card_id AND c.is_head = 1
		WHERE r.learner_id = $1 AND r.before_state = 0
		ORDER BY r.reviewed_at DESC LIMIT 1`, q.LearnerID).Scan(&doc)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("store: latest new card of learner %d: %w", q.LearnerID, err)
	}
	return doc, nil
}

// newCardsWhere runs the new-card query with deck (using $2 = arg) as the
// document condition. The literal is_head/held/stale terms let SQLite use
// the partial index cards_new_idx for the all-documents walk.
func (q queue) newCardsWhere(ctx context.Context, tx *readTx, deck string, arg int64, n int, withBody bool) ([]QueueItem, error) {
	if q.DocID == 0 && q.SetID == 0 {
		deck += ` AND c.is_head = 1`
	}
	body := `''`
	if withBody {
		body = q.bodyColumn()
	}
	order := `c.doc_id, c.seq`
	if q.SetID != 0 {
		order = `(SELECT sc.pos FROM set_cards sc WHERE sc.set_id = $2 AND sc.card_id = c.card_id)`
	}
	rows, err := tx.QueryContext(ctx, `SELECT c.doc_id, `+body+`, c.held FROM cards c
		WHERE `+deck+q.topic(4)+` AND `+q.live()+q.unlocked()+`
		AND NOT EXISTS (SELECT 1 FROM card_states s WHERE s.learner_id = `+learnerArg+` AND s.card_id = c.card_id)
		ORDER BY `+order+` LIMIT $3`, append([]any{q.LearnerID, arg, n}, q.topicArgs()...)...)
	if err != nil {
		return nil, fmt.Errorf("store: new cards of learner %d: %w", q.LearnerID, err)
	}
	defer rows.Close()
	var out []QueueItem
	for rows.Next() {
		it := QueueItem{Queue: QueueNew, State: srs.NewCard(q.Now)}
		var cb cardBody
		if err := rows.Scan(&it.DocID, &cb.body, &cb.held); err != nil {
			return nil, fmt.Errorf("store: new cards of learner %d: %w", q.LearnerID, err)
		}
		if withBody {
			if it.Card, err = scanCard(cb); err != nil {
				return nil, err
			}
		}
		out = append(out, it)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: new cards of learner %d: %w", q.LearnerID, err)
	}
	return out, nil
}
