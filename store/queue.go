package store

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/factdeck/factdeck/quiz"
	"github.com/factdeck/factdeck/quiz/srs"
	"github.com/factdeck/factdeck/quiz/study"
)

// QueueKind says why a card is in the study queue.
type QueueKind int8

// The study queues, in the order DueCards serves them (learning cards due
// within LearnAhead come last, under QueueLearning).
const (
	QueueLearning QueueKind = iota + 1 // Learning or Relearning, due now
	QueueReview                        // Review, due by the end of the learner's today
	QueueNew                           // never reviewed
)

// QueueRequest asks for a learner's study queue of one deck.
type QueueRequest struct {
	LearnerID int64
	DocID     int64 // one document version; 0 for the head version of every document
	// SetID, when not 0, narrows the deck to a teacher's question set (its
	// cards, in the set's order, as the teacher edited them, held or not);
	// DocID is then ignored.
	SetID int64
	// TopicID, with DocID, narrows the deck to the cards of one topic of
	// the document (a topic deck); ignored for a set.
	TopicID  string
	Now      time.Time
	Settings srs.Settings // daily limits and the time zone that says when "today" is
	Limit    int          // at most this many items; 0 for all (daily limits still apply)
	// LearnAhead lets learning cards due this soon after Now be served after
	// everything else, so a session can finish instead of waiting for a
	// 10-minute step (Anki's learn-ahead limit, 20 minutes by default there).
	LearnAhead time.Duration
}

// QueueItem is one card to study and the learner's memory of it.
type QueueItem struct {
	Queue QueueKind
	DocID int64 // the document version the card row belongs to
	Card  quiz.Card
	State srs.Card // srs.NewCard(Now) for a new card
}

// QueueCounts are the numbers shown beside a deck.
type QueueCounts struct {
	New      int // new cards that may still be introduced today
	Learning int // learning and relearning cards due before the end of today
	Review   int // review cards due by the end of today, within today's review limit
}

// DueCards returns the learner's study queue: learning and relearning cards
// due now (by due), then review cards due by the end of the learner's
// today (by due, at most Settings.ReviewsPerDay minus reviews done today),
// then new cards in generated order (at most Settings.NewPerDay minus new
// cards introduced today), then learning cards due within LearnAhead. Held
// and stale cards are never served. "Today" and the daily counts follow
// Settings.TimeZone and are counted over all of the learner's decks.
func (db *DB) DueCards(ctx context.Context, req QueueRequest) ([]QueueItem, error) {
	var out []QueueItem
	err := db.readTx(ctx, func(tx *readTx) error {
		var err error
		out, err = dueCards(ctx, tx, req)
		return err
	})
	return out, err
}

// QueueCounts counts the learner's new, learning and review cards of a deck
// for today, with the same rules and limits as DueCards.
func (db *DB) QueueCounts(ctx context.Context, req QueueRequest) (QueueCounts, error) {
	var n QueueCounts
	err := db.readTx(ctx, func(tx *readTx) error {
		var err error
		n, err = queueCounts(ctx, tx, req)
		return err
	})
	return n, err
}

// readTx runs fn in a read-only transaction on the read pool, so that the
// several queries of one answer see one snapshot.
func (db *DB) readTx(ctx context.Context, fn func(*readTx) error) error {
	tx, err := db.read.BeginTx(ctx, db.readOpts())
	if err != nil {
		return fmt.Errorf("store: begin read: %w", err)
	}
	defer tx.Rollback()
	return fn(&readTx{db: db, tx: tx})
}

// readTx is a read transaction whose queries reuse the pool's prepared
// statements (db.readStmt) instead of parsing their SQL every time.
type readTx struct {
	db *DB
	tx *sql.Tx
}

// QueryContext runs a cached prepared query inside the transaction (or the
// query itself until it is prepared: db.preparedStmt).
func (t *readTx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if st := t.db.preparedStmt(query); st != nil {
		return t.tx.StmtContext(ctx, st).QueryContext(ctx, args...)
	}
	return t.tx.QueryContext(ctx, query, args...)
}

// QueryRowContext runs a cached prepared single-row query inside the
// transaction.
func (t *readTx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if st := t.db.preparedStmt(query); st != nil {
		return t.tx.StmtContext(ctx, st).QueryRowContext(ctx, args...)
	}
	return t.tx.QueryRowContext(ctx, query, args...)
}

// queue is one QueueRequest resolved: today's bounds and what is left of
// the daily limits.
type queue struct {
	QueueRequest
	dayStart, dayEnd    time.Time
	newLeft, reviewLeft int
}

// openQueue resolves req: today's bounds and what is left of the daily
// limits (QueueHead.openQueue, whose tally of the deck is not needed here).
func openQueue(ctx context.Context, tx *readTx, req QueueRequest) (queue, error) {
	var h QueueHead
	return h.openQueue(ctx, tx, req)
}

func dueCards(ctx context.Context, tx *readTx, req QueueRequest) ([]QueueItem, error) {
	q, err := openQueue(ctx, tx, req)
	if err != nil {
		return nil, err
	}
	return q.dueCards(ctx, tx)
}

func (q queue) dueCards(ctx context.Context, tx *readTx) ([]QueueItem, error) {
	req := q.QueueRequest
	left := req.Limit
	if left <= 0 {
		left = math.MaxInt32
	}
	now := ts(req.Now)
	var out []QueueItem
	parts := []func(n int) ([]QueueItem, error){
		func(n int) ([]QueueItem, error) {
			return q.states(ctx, tx, QueueLearning, `s.state IN (1, 3) AND s.due <= $3`, n, now)
		},
		func(n int) ([]QueueItem, error) {
			return q.states(ctx, tx, QueueReview, `s.state = 2 AND s.due < $3`, min(n, q.reviewLeft), ts(q.dayEnd))
		},
		func(n int) ([]QueueItem, error) { return q.newCards(ctx, tx, min(n, q.newLeft), true) },
		func(n int) ([]QueueItem, error) {
			if req.LearnAhead <= 0 {
				return nil, nil
			}
			return q.states(ctx, tx, QueueLearning, `s.state IN (1, 3) AND s.due > $3 AND s.due <= $4`,
				n, now, ts(req.Now.Add(req.LearnAhead)))
		},
	}
	for _, part := range parts {
		if left == 0 {
			break
		}
		items, err := part(left)
		if err != nil {
			return nil, err
		}
		out = append(out, items...)
		left -= len(items)
	}
	return out, nil
}

// deckJoin joins a card_states row s to the card row c it is studied as:
// the row of the requested version, or the head row of its id.
func (q queue) deckJoin() (string, []any) {
	if q.SetID != 0 {
		return `c.card_id = s.card_id AND ` + setDeck, []any{q.SetID}
	}
	if q.DocID != 0 {
		return `c.doc_id = $2 AND c.card_id = s.card_id`, []any{q.DocID}
	}
	return `c.is_head = 1 AND c.card_id = s.card_id AND $2 = 0`, []any{0}
}

// states lists up to n of the learner's card states matching cond (which
// uses $3 and up for args), by due time.
func (q queue) states(ctx context.Context, tx *readTx, kind QueueKind, cond string, n int, args ...any) ([]QueueItem, error) {
	if n <= 0 {
		return nil, nil
	}
	join, jargs := q.deckJoin()
	all := append(append([]any{q.LearnerID}, jargs...), args...)
	join += q.topic(len(all) + 1)
	all = append(append(all, q.topicArgs()...), n)
	rows, err := tx.QueryContext(ctx, `SELECT c.doc_id, `+q.bodyColumn()+`, c.held, `+srsColumns("s.")+`
		FROM card_states s JOIN cards c ON `+join+` AND `+q.live()+q.served()+`
		WHERE s.learner_id = `+learnerArg+` AND `+cond+`
		ORDER BY s.due, s.card_id LIMIT $`+fmt.Sprint(len(all)), all...)
	if err != nil {
		return nil, fmt.Errorf("store: queue of learner %d: %w", q.LearnerID, err)
	}
	defer rows.Close()
	var out []QueueItem
	for rows.Next() {
		it := QueueItem{Queue: kind}
		var body string
		var held int
		var st srsRow
		if err := rows.Scan(append([]any{&it.DocID, &body, &held}, st.dest()...)...); err != nil {
			return nil, fmt.Errorf("store: queue of learner %d: %w", q.LearnerID, err)
		}
		if it.Card, err = scanCard(cardBody{body, held}); err != nil {
			return nil, err
		}
		if it.State, err = st.card(); err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

func queueCounts(ctx context.Context, tx *readTx, req QueueRequest) (QueueCounts, error) {
	q, err := openQueue(ctx, tx, req)
	if err != nil {
		return QueueCounts{}, err
	}
	return q.counts(ctx, tx)
}

func (q queue) counts(ctx context.Context, tx *readTx) (QueueCounts, error) {
	if q.SetID != 0 || q.DocID != 0 {
		return q.deckCounts(ctx, tx)
	}
	join, jargs := q.deckJoin()
	states := `SELECT 1 FROM card_states s JOIN cards c ON ` + join + ` AND ` + q.live() + q.served() + `
		WHERE s.learner_id = ` + learnerArg + ` AND `
	end := ts(q.dayEnd)
	var n QueueCounts
	fresh, err := q.newCards(ctx, tx, q.newLeft, false)
	if err != nil {
		return QueueCounts{}, err
	}
	n.New = len(fresh)
	// Each count stops at its daily limit, so a huge backlog costs no more
	// than the limit.
	counts := []struct {
		dst   *int
		query string
		args  []any
	}{
		{&n.Review, states + `s.state = 2 AND s.due < $3 LIMIT $4`, []any{jargs[0], end, q.reviewLeft}},
		{&n.Learning, states + `s.state IN (1, 3) AND s.due < $3`, []any{jargs[0], end}},
	}
	for _, c := range counts {
		err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM (`+c.query+`) AS t`,
			append([]any{q.LearnerID}, c.args...)...).Scan(c.dst)
		if err != nil {
			return QueueCounts{}, fmt.Errorf("store: queue counts of learner %d: %w", q.LearnerID, err)
		}
	}
	return n, nil
}

// deckCounts counts the queue of one document or set in a single query;
// each count stops at its daily limit.
//
// The limits are written into the SQL as literals, rounded up to a power of
// two (so a few statements serve every learner), and the counts are cut to
// what is left of today's limits here: SQLite reads a bound LIMIT while
// planning and then plans the statement again whenever that parameter is
// bound anew, which was a quarter of this read's time.
func (q queue) deckCounts(ctx context.Context, tx *readTx) (QueueCounts, error) {
	join, jargs := q.deckJoin()
	deck := `c.doc_id = $2`
	if q.SetID != 0 {
		deck = setDeck
	}
	join, deck = join+q.topic(4), deck+q.topic(4)
	states := `SELECT 1 FROM card_states s JOIN cards c ON ` + join + ` AND ` + q.live() + q.served() + `
		WHERE s.learner_id = ` + learnerArg + ` AND `
	var n QueueCounts
	err := tx.QueryRowContext(ctx, fmt.Sprintf(`SELECT
		(SELECT COUNT(*) FROM (`+states+`s.state = 2 AND s.due < $3 LIMIT %d) AS r),
		(SELECT COUNT(*) FROM (`+states+`s.state IN (1, 3) AND s.due < $3) AS l),
		(SELECT COUNT(*) FROM (SELECT 1 FROM cards c WHERE `+deck+` AND `+q.live()+q.unlocked()+`
			AND NOT EXISTS (SELECT 1 FROM card_states s WHERE s.learner_id = `+learnerArg+` AND s.card_id = c.card_id)
			LIMIT %d) AS n)`, limitBucket(q.reviewLeft), limitBucket(q.newLeft)),
		append([]any{q.LearnerID, jargs[0], ts(q.dayEnd)}, q.topicArgs()...)...).Scan(&n.Review, &n.Learning, &n.New)
	if err != nil {
		return n, fmt.Errorf("store: queue counts of learner %d: %w", q.LearnerID, err)
	}
	n.Review, n.New = min(n.Review, q.reviewLeft), min(n.New, q.newLeft)
	return n, nil
}

// limitBucket is the least power of two at or above n (0 for 0).
func limitBucket(n int) int {
	if n <= 0 {
		return 0
	}
	b := 1
	for b < n {
		b <<= 1
	}
	return b
}

// topic narrows a document deck's card rows c to the request's topic,
// given as parameter $n (see topicArgs); "" when the deck is not a topic
// deck.
func (q queue) topic(n int) string {
	if q.TopicID == "" || q.SetID != 0 || q.DocID == 0 {
		return ""
	}
	return fmt.Sprintf(` AND c.topic_id = $%d`, n)
}

// topicArgs is the parameter topic refers to, if any.
func (q queue) topicArgs() []any {
	if q.TopicID == "" || q.SetID != 0 || q.DocID == 0 {
		return nil
	}
	return []any{q.TopicID}
}

// cardBody adapts an already scanned (body, held) pair to scanCard.
type cardBody struct {
	body string
	held int
}

func (c cardBody) Scan(dest ...any) error {
	*dest[0].(*string), *dest[1].(*int) = c.body, c.held
	return nil
}

// setDeck keeps the card rows c of the set $2: rows of the set's document
// whose id the set lists.
const setDeck = `c.doc_id = (SELECT doc_id FROM sets WHERE id = $2)
	AND EXISTS (SELECT 1 FROM set_cards sc WHERE sc.set_id = $2 AND sc.card_id = c.card_id)`

// bodyColumn is the card JSON the queue serves: a set's cards carry the
// teacher's edits.
func (q queue) bodyColumn() string {
	if q.SetID != 0 {
		return setCardBody
	}
	return `c.body`
}

// live is the condition on servable card rows c: a set serves the cards
// its teacher approved, held ones included.
func (q queue) live() string {
	if q.SetID != 0 {
		return `c.stale = 0`
	}
	return `c.held = 0 AND c.stale = 0`
}

// served keeps the card rows c with a state that the ladder still serves:
// none of the learner's cards of the same fact is on a higher rung
// (quiz/study/ladder.go). A teacher's set serves every card it lists.
func (q queue) served() string {
	if q.SetID != 0 {
		return ``
	}
	return ` AND NOT EXISTS (SELECT 1 FROM cards u JOIN card_states us ON us.learner_id = ` + learnerArg + ` AND us.card_id = u.card_id
		WHERE u.doc_id = c.doc_id AND u.fact_key = c.fact_key AND u.rung > c.rung)`
}

// unlocked keeps the new card rows c that the ladder lets the learner meet:
// the bottom rung of their fact, or the rung above a card of the fact that
// the learner has brought to the Review state with the stability that
// opens the rung (study.UnlockAt). A teacher's set introduces every card.
func (q queue) unlocked() string {
	if q.SetID != 0 {
		return ``
	}
	return ` AND (c.rung = 0 OR EXISTS (SELECT 1 FROM cards l JOIN card_states ls ON ls.learner_id = ` + learnerArg + ` AND ls.card_id = l.card_id
		WHERE l.doc_id = c.doc_id AND l.fact_key = c.fact_key AND l.rung = c.rung - 1
		AND ls.state = 2 AND ls.stability >= ` + unlockStability + `))`
}

// unlockStability is study.UnlockAt(c.rung) as SQL.
var unlockStability = func() string {
	var b strings.Builder
	b.WriteString(`CASE`)
	for r := 1; r < len(study.Unlock); r++ {
		fmt.Fprintf(&b, ` WHEN c.rung = %d THEN %g`, r, study.UnlockAt(r))
	}
	fmt.Fprintf(&b, ` ELSE %g END`, study.UnlockAt(len(study.Unlock)))
	return b.String()
}()

// learnerArg is the learner id ($1) as the queue queries compare it.
// Written bare, a parameter that selects the learner's card states in a
// join is read by SQLite's planner, and the statement is then planned again
// whenever it is bound to another learner: a page view of a learner other
// than the previous one cost 5–10× more. The cast keeps the index lookup
// and makes the plan independent of the value (PostgreSQL reads it as a
// plain bigint parameter).
const learnerArg = `CAST($1 AS BIGINT)`
