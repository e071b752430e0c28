package store

import (
	"context"
	"fmt"
	"time"

	"github.com/factdeck/factdeck/quiz/srs"
)

// QueueHead is what a review page shows: the next card, how many cards
// today's queue of the deck still holds, and the learner's reviews of the
// deck today.
type QueueHead struct {
	Items      []QueueItem // the head of the queue: one item, or none when the deck is done for today
	Counts     QueueCounts
	Reviewed   int // reviews of the deck's cards (of every deck when DocID and SetID are 0) since the start of the learner's today
	Remembered int // of those, the ones graded Hard, Good or Easy
}

// Remaining is the number of cards left in today's queue, the head included.
func (h QueueHead) Remaining() int {
	return max(h.Counts.New+h.Counts.Learning+h.Counts.Review, len(h.Items))
}

// Head reads a review page's data in one read transaction: the same queue as
// DueCards with Limit 1, the counts of QueueCounts and the day's tally of
// DeckTally, with today's review counts read once. req.Limit is ignored.
func (db *DB) Head(ctx context.Context, req QueueRequest) (QueueHead, error) {
	req.Limit = 1
	c := db.cache
	if c == nil {
		h, _, err := db.head(ctx, req, false)
		return h, err
	}
	if h, ok := c.cachedHead(req); ok {
		return h, nil
	}
	st := c.learnerStamp(req.LearnerID) // before reading: a write meanwhile voids the result
	h, until, err := db.head(ctx, req, true)
	if err != nil {
		return h, err
	}
	start, _ := dayBounds(req.Now, req.Settings.Location())
	kept := h
	kept.Items = append([]QueueItem(nil), h.Items...) // the caller's slice is its own
	put(&c.mu, c.heads, headKey{req.LearnerID, req.DocID, req.SetID, req.TopicID}, headEntry{
		stamp: st, settings: cloneSettings(req.Settings), ahead: req.LearnAhead, from: req.Now, until: until,
		dayStart: start, head: kept, newAtHead: len(h.Items) == 1 && h.Items[0].Queue == QueueNew,
	})
	return h, nil
}

// head reads Head's result and, when withUntil, the time until which time
// alone does not change it.
func (db *DB) head(ctx context.Context, req QueueRequest, withUntil bool) (QueueHead, time.Time, error) {
	var h QueueHead
	var until time.Time
	err := db.readTx(ctx, func(tx *readTx) error {
		q, err := h.openQueue(ctx, tx, req)
		if err != nil {
			return err
		}
		if req.DocID == 0 && req.SetID == 0 {
			h.Items, err = q.dueCards(ctx, tx)
		} else {
			h.Items, err = q.head(ctx, tx)
		}
		if err != nil {
			return err
		}
		if h.Counts, err = q.counts(ctx, tx); err != nil || !withUntil {
			return err
		}
		until, err = nextChange(ctx, tx, q)
		return err
	})
	return h, until, err
}

// openQueue resolves req as openQueue does and reads the deck's tally of
// today in the same query: both count the learner's reviews of today.
func (h *QueueHead) openQueue(ctx context.Context, tx *readTx, req QueueRequest) (queue, error) {
	q := queue{QueueRequest: req}
	q.dayStart, q.dayEnd = dayBounds(req.Now, req.Settings.Location())
	deck := `doc_id = $6`
	args := []any{int(srs.New), int(srs.Review), req.LearnerID, ts(q.dayStart), ts(q.dayEnd), req.DocID}
	switch {
	case req.SetID != 0:
		deck, args[5] = `doc_id = (SELECT doc_id FROM sets WHERE id = $6)`, req.SetID
	case req.DocID == 0:
		deck = `$6 = 0` // every deck
	case req.TopicID != "":
		deck = `doc_id = $6 AND card_id IN (SELECT card_id FROM cards WHERE doc_id = $6 AND topic_id = $7)`
		args = append(args, req.TopicID)
	}
	var newDone, reviewsDone int
	err := tx.QueryRowContext(ctx, `SELECT
		COALESCE(SUM(CASE WHEN before_state = $1 THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN before_state = $2 THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN `+deck+` THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN `+deck+` AND rating > 1 THEN 1 ELSE 0 END), 0)
		FROM reviews WHERE learner_id = $3 AND reviewed_at >= $4 AND reviewed_at < $5`, args...,
	).Scan(&newDone, &reviewsDone, &h.Reviewed, &h.Remembered)
	if err != nil {
		return q, fmt.Errorf("store: reviews today of learner %d: %w", req.LearnerID, err)
	}
	q.newLeft = max(req.Settings.NewPerDay-newDone, 0)
	q.reviewLeft = max(req.Settings.ReviewsPerDay-reviewsDone, 0)
	return q, nil
}

// head is dueCards with Limit 1 for one document or set, in one query: the
// first row of each of the four queues; the first queue that has one wins.
// (Picking it here rather than with ORDER BY spares SQLite a sort in a
// temporary b-tree on every page view.)
func (q queue) head(ctx context.Context, tx *readTx) ([]QueueItem, error) {
	join, jargs := q.deckJoin()
	join += q.topic(8)
	states := func(k int, cond string) string {
		return fmt.Sprintf(`SELECT * FROM (SELECT %d AS k, c.doc_id, %s AS body, c.held, %s
			FROM card_states s JOIN cards c ON %s AND %s
			WHERE s.learner_id = `+learnerArg+` AND %s ORDER BY s.due, s.card_id LIMIT 1) AS q%d`,
			k, q.bodyColumn(), srsColumns("s."), join, q.live()+q.served(), cond, k)
	}
	deck, order := `c.doc_id = $2`, `c.doc_id, c.seq`
	if q.SetID != 0 {
		deck = setDeck
		order = `(SELECT sc.pos FROM set_cards sc WHERE sc.set_id = $2 AND sc.card_id = c.card_id)`
	}
	deck += q.topic(8)
	fresh := `SELECT * FROM (SELECT 3 AS k, c.doc_id, ` + q.bodyColumn() + ` AS body, c.held,
		0, 0.0, 0.0, '', NULL, 0, 0, 0, 0, 0
		FROM cards c WHERE ` + deck + ` AND ` + q.live() + q.unlocked() + `
		AND NOT EXISTS (SELECT 1 FROM card_states s WHERE s.learner_id = ` + learnerArg + ` AND s.card_id = c.card_id)
		AND $6 > 0 ORDER BY ` + order + ` LIMIT 1) AS q3`
	ahead := q.Now
	if q.LearnAhead > 0 {
		ahead = q.Now.Add(q.LearnAhead)
	}
	// Limits are literals, and the daily limits are conditions: SQLite
	// reads a bound LIMIT while planning, and then plans the statement
	// again whenever that parameter is bound anew (every page view).
	rows, err := tx.QueryContext(ctx, states(1, `s.state IN (1, 3) AND s.due <= $3`)+`
		UNION ALL `+states(2, `s.state = 2 AND s.due < $4 AND $5 > 0`)+`
		UNION ALL `+fresh+`
		UNION ALL `+states(4, `s.state IN (1, 3) AND s.due > $3 AND s.due <= $7`),
		append([]any{q.LearnerID, jargs[0], ts(q.Now), ts(q.dayEnd), q.reviewLeft, q.newLeft, ts(ahead)}, q.topicArgs()...)...)
	if err != nil {
		return nil, fmt.Errorf("store: next card of learner %d: %w", q.LearnerID, err)
	}
	defer rows.Close()
	best, bestK := headRow{}, 0
	for rows.Next() {
		var r headRow
		if err := rows.Scan(append([]any{&r.k, &r.doc, &r.card.body, &r.card.held}, r.st.dest()...)...); err != nil {
			return nil, fmt.Errorf("store: next card of learner %d: %w", q.LearnerID, err)
		}
		if bestK == 0 || r.k < bestK {
			best, bestK = r, r.k
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: next card of learner %d: %w", q.LearnerID, err)
	}
	if bestK == 0 {
		return nil, nil
	}
	it := QueueItem{DocID: best.doc, Queue: [...]QueueKind{1: QueueLearning, 2: QueueReview, 3: QueueNew, 4: QueueLearning}[bestK]}
	if it.Card, err = scanCard(best.card); err != nil {
		return nil, err
	}
	if bestK == 3 {
		it.State = srs.NewCard(q.Now)
	} else if it.State, err = best.st.card(); err != nil {
		return nil, err
	}
	return []QueueItem{it}, nil
}

// headRow is one row of the head query: the queue it came from and the card.
type headRow struct {
	k    int
	doc  int64
	card cardBody
	st   srsRow
}
