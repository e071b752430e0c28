package store

import (
	"context"
	"fmt"
	"time"

	"github.com/factdeck/factdeck/quiz/srs"
)

// CardRecall is a learner's memory of one card at a moment, for progress
// displays.
type CardRecall struct {
	CardID         string
	State          srs.Card // srs.NewCard(now) if never reviewed
	Retrievability float64  // probability of recall at now; 0 for a new card
}

// Recall returns the learner's retrievability of every servable (not held,
// not stale) card of a document version at now, in generated order; docID
// 0 means the head version of every document. sched must carry the
// learner's parameters (srs.Settings.Parameters) for the forgetting curve.
func (db *DB) Recall(ctx context.Context, learnerID, docID int64, now time.Time, sched *srs.Scheduler) ([]CardRecall, error) {
	var out []CardRecall
	err := db.readTx(ctx, func(tx *readTx) error {
		var err error
		out, err = recall(ctx, tx, learnerID, docID, now, sched)
		return err
	})
	return out, err
}

func recall(ctx context.Context, tx *readTx, learnerID, docID int64, now time.Time, sched *srs.Scheduler) ([]CardRecall, error) {
	deck := `c.doc_id = $2`
	if docID == 0 {
		deck = `c.is_head = 1 AND $2 = 0`
	}
	rows, err := tx.QueryContext(ctx, `SELECT c.card_id, s.card_id IS NOT NULL, `+
		srsNullColumns+` FROM cards c
		LEFT JOIN card_states s ON s.learner_id = $1 AND s.card_id = c.card_id
		WHERE `+deck+` AND c.held = 0 AND c.stale = 0
		ORDER BY c.doc_id, c.seq`, learnerID, docID)
	if err != nil {
		return nil, fmt.Errorf("store: recall of learner %d: %w", learnerID, err)
	}
	defer rows.Close()
	var out []CardRecall
	for rows.Next() {
		var r CardRecall
		var seen bool
		var st srsRow
		if err := rows.Scan(append([]any{&r.CardID, &seen}, st.dest()...)...); err != nil {
			return nil, fmt.Errorf("store: recall of learner %d: %w", learnerID, err)
		}
		r.State = srs.NewCard(now)
		if seen {
			if r.State, err = st.card(); err != nil {
				return nil, err
			}
			r.Retrievability = sched.Retrievability(r.State, now)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: recall of learner %d: %w", learnerID, err)
	}
	return out, nil
}

// srsNullColumns reads the card_states columns of a LEFT JOIN with
// defaults where no row matched, so that srsRow can scan them.
var srsNullColumns = `COALESCE(s.state, 0), COALESCE(s.stability, 0), COALESCE(s.difficulty, 0),
	COALESCE(s.due, ''), s.last_review, COALESCE(s.scheduled_days, 0), COALESCE(s.elapsed_days, 0),
	COALESCE(s.step, 0), COALESCE(s.reps, 0), COALESCE(s.lapses, 0)`
