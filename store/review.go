package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/factdeck/factdeck/quiz"
	"github.com/factdeck/factdeck/quiz/srs"
)

// Review is one row of the review log: who rated which card how, when,
// and the learner's memory of the card before and after.
type Review struct {
	ID         int64
	LearnerID  int64
	CardID     string
	DocID      int64 // the document version the card was shown from
	Rating     srs.Rating
	ReviewedAt time.Time
	Duration   time.Duration // time taken to answer, stored in milliseconds
	ShownToken string        // identifies one showing of the card (see ReviewInput)
	Before     srs.Card
	After      srs.Card // After.ElapsedDays and After.ScheduledDays are the review's elapsed and scheduled days
	// Replayed is set by RecordReview when this answer had been recorded
	// already (a double submit): nothing was written.
	Replayed bool
}

// ReviewInput is one answer to record.
type ReviewInput struct {
	LearnerID  int64
	CardID     string
	DocID      int64
	Rating     srs.Rating
	ReviewedAt time.Time
	Duration   time.Duration
	// ShownToken identifies the showing of the card the answer belongs to
	// (e.g. a random token rendered into the answer form). A second submit
	// with the same learner, card and token is the same answer.
	ShownToken string
}

func (in ReviewInput) validate() error {
	switch {
	case in.LearnerID <= 0:
		return quiz.Invalid("learner", "is required")
	case in.CardID == "" || in.DocID <= 0:
		return quiz.Invalid("card", "is required")
	case !in.Rating.Valid():
		return quiz.Invalid("rating", "must be Again, Hard, Good or Easy")
	case in.ShownToken == "":
		return quiz.Invalid("shown_token", "is required")
	case in.ReviewedAt.IsZero():
		return quiz.Invalid("reviewed_at", "is required")
	case in.Duration < 0:
		return quiz.Invalid("duration", "must not be negative")
	}
	return nil
}

// RecordReview applies the learner's rating to the card with sched and
// records it: it reads the current state, computes the next one (seeded
// with the card id, as the answer buttons' srs.Scheduler.Preview must be),
// and writes the log row and the new state in one transaction. A double
// submit (same learner, card and shown token) writes nothing and returns
// the review recorded the first time, with Replayed set.
func (db *DB) RecordReview(ctx context.Context, in ReviewInput, sched *srs.Scheduler) (Review, error) {
	if err := in.validate(); err != nil {
		return Review{}, err
	}
	var r Review
	// REPEATABLE READ is enough (db.learnerTxAt): a double submit collides
	// on the reviews unique key, two grades of one card on the card_states row.
	err := db.learnerTxAt(ctx, sql.LevelRepeatableRead, in.LearnerID, func(tx *sql.Tx) error {
		var err error
		r, err = recordReview(ctx, tx, in, sched, ts(db.now()))
		return err
	})
	return r, err
}

func recordReview(ctx context.Context, tx *sql.Tx, in ReviewInput, sched *srs.Scheduler, now string) (Review, error) {
	if r, err := reviewByToken(ctx, tx, in); !errors.Is(err, quiz.ErrNotFound) {
		r.Replayed = err == nil
		return r, err
	}
	var one int
	if err := tx.QueryRowContext(ctx, `SELECT 1 FROM cards WHERE doc_id = $1 AND card_id = $2`,
		in.DocID, in.CardID).Scan(&one); err != nil {
		return Review{}, fmt.Errorf("store: review card %s of document %d: %w", in.CardID, in.DocID, notFound(err))
	}
	before, err := cardState(ctx, tx, in.LearnerID, in.CardID, in.ReviewedAt)
	if err != nil {
		return Review{}, err
	}
	after, err := sched.Next(before, in.Rating, in.ReviewedAt, in.CardID)
	if err != nil {
		return Review{}, fmt.Errorf("store: schedule card %s: %w", in.CardID, err)
	}
	r := Review{LearnerID: in.LearnerID, CardID: in.CardID, DocID: in.DocID, Rating: in.Rating,
		ReviewedAt: in.ReviewedAt.UTC(), Duration: in.Duration.Truncate(time.Millisecond),
		ShownToken: in.ShownToken, Before: before, After: after}
	inserted, err := insertReview(ctx, tx, &r)
	if err != nil {
		return Review{}, err
	}
	if !inserted { // lost a race the single writer should make impossible
		r, err := reviewByToken(ctx, tx, in)
		r.Replayed = true
		return r, err
	}
	return r, putCardState(ctx, tx, in.LearnerID, in.CardID, after, now)
}

// insertReview writes r and sets its ID; it reports false when the unique
// (learner, card, shown token) constraint says the answer is already there.
func insertReview(ctx context.Context, tx *sql.Tx, r *Review) (bool, error) {
	args := []any{r.LearnerID, r.CardID, r.DocID, int(r.Rating), ts(r.ReviewedAt),
		r.Duration.Milliseconds(), r.After.ElapsedDays, r.ShownToken}
	args = append(append(args, srsArgs(r.Before)...), srsArgs(r.After)...)
	err := tx.QueryRowContext(ctx, `INSERT INTO reviews (learner_id, card_id, doc_id, rating,
		reviewed_at, duration_ms, elapsed_days, shown_token, `+srsColumns("before_")+`, `+srsColumns("after_")+`)
		VALUES (`+placeholders(1, len(args))+`)
		ON CONFLICT (learner_id, card_id, shown_token) DO NOTHING RETURNING id`, args...).Scan(&r.ID)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("store: insert review of %s: %w", r.CardID, err)
	}
	return true, nil
}

// CardState returns the learner's memory of a card: a new card due now if
// the learner has never reviewed it.
func (db *DB) CardState(ctx context.Context, learnerID int64, cardID string) (srs.Card, error) {
	return cardState(ctx, db.read, learnerID, cardID, db.now())
}

func cardState(ctx context.Context, q queryer, learnerID int64, cardID string, now time.Time) (srs.Card, error) {
	var row srsRow
	err := q.QueryRowContext(ctx, `SELECT `+srsColumns("")+` FROM card_states
		WHERE learner_id = $1 AND card_id = $2`, learnerID, cardID).Scan(row.dest()...)
	if errors.Is(err, sql.ErrNoRows) {
		return srs.NewCard(now), nil
	}
	if err != nil {
		return srs.Card{}, fmt.Errorf("store: state of card %s: %w", cardID, err)
	}
	return row.card()
}

// putCardState stores c as the learner's state of the card; a New card is
// stored as no row, which is what a never-reviewed card looks like.
func putCardState(ctx context.Context, tx *sql.Tx, learnerID int64, cardID string, c srs.Card, updatedAt string) error {
	if c.State == srs.New {
		_, err := tx.ExecContext(ctx, `DELETE FROM card_states WHERE learner_id = $1 AND card_id = $2`,
			learnerID, cardID)
		if err != nil {
			return fmt.Errorf("store: reset card %s: %w", cardID, err)
		}
		return nil
	}
	args := append([]any{learnerID, cardID}, srsArgs(c)...)
	args = append(args, updatedAt)
	set := ""
	for _, f := range srsFields {
		set += f + " = excluded." + f + ", "
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO card_states (learner_id, card_id, `+srsColumns("")+`, updated_at)
		VALUES (`+placeholders(1, len(args))+`)
		ON CONFLICT (learner_id, card_id) DO UPDATE SET `+set+`updated_at = excluded.updated_at`, args...)
	if err != nil {
		return fmt.Errorf("store: save state of card %s: %w", cardID, err)
	}
	return nil
}

// UndoReview takes back a learner's review: the card's state before it is
// restored and the log row deleted, in one transaction. Only the latest
// review of a card can be undone (quiz.ErrConflict otherwise), since an
// older one's before-state would erase the reviews after it.
func (db *DB) UndoReview(ctx context.Context, learnerID, reviewID int64) (Review, error) {
	var r Review
	err := db.learnerTx(ctx, learnerID, func(tx *sql.Tx) error {
		var err error
		r, err = undoReview(ctx, tx, learnerID, reviewID, ts(db.now()))
		return err
	})
	return r, err
}

func undoReview(ctx context.Context, tx *sql.Tx, learnerID, reviewID int64, now string) (Review, error) {
	r, err := reviewBy(ctx, tx, `id = $1 AND learner_id = $2`, reviewID, learnerID)
	if err != nil {
		return Review{}, fmt.Errorf("store: undo review %d: %w", reviewID, err)
	}
	var latest int64
	if err := tx.QueryRowContext(ctx, `SELECT MAX(id) FROM reviews WHERE learner_id = $1 AND card_id = $2`,
		learnerID, r.CardID).Scan(&latest); err != nil {
		return Review{}, fmt.Errorf("store: undo review %d: %w", reviewID, err)
	}
	if latest != reviewID {
		return Review{}, fmt.Errorf("store: undo review %d: card %s was reviewed since: %w",
			reviewID, r.CardID, quiz.ErrConflict)
	}
	if err := putCardState(ctx, tx, learnerID, r.CardID, r.Before, now); err != nil {
		return Review{}, err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM reviews WHERE id = $1`, reviewID); err != nil {
		return Review{}, fmt.Errorf("store: delete review %d: %w", reviewID, err)
	}
	return r, nil
}

// Reviews lists a learner's reviews with since <= reviewed_at < until, in
// the order they were made.
func (db *DB) Reviews(ctx context.Context, learnerID int64, since, until time.Time) ([]Review, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT `+reviewColumns+` FROM reviews
		WHERE learner_id = $1 AND reviewed_at >= $2 AND reviewed_at < $3
		ORDER BY reviewed_at, id`, learnerID, ts(since), ts(until))
	if err != nil {
		return nil, fmt.Errorf("store: reviews: %w", err)
	}
	defer rows.Close()
	var out []Review
	for rows.Next() {
		r, err := scanReview(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: reviews: %w", err)
	}
	return out, nil
}

// Review returns one of a learner's reviews; quiz.ErrNotFound if the id is
// unknown or another learner's.
func (db *DB) Review(ctx context.Context, learnerID, reviewID int64) (Review, error) {
	r, err := reviewBy(ctx, db.read, `id = $1 AND learner_id = $2`, reviewID, learnerID)
	if err != nil {
		return Review{}, fmt.Errorf("store: review %d: %w", reviewID, err)
	}
	return r, nil
}

var reviewColumns = `id, learner_id, card_id, doc_id, rating, reviewed_at, duration_ms, shown_token, ` +
	srsColumns("before_") + `, ` + srsColumns("after_")

func reviewByToken(ctx context.Context, q queryer, in ReviewInput) (Review, error) {
	return reviewBy(ctx, q, `learner_id = $1 AND card_id = $2 AND shown_token = $3`,
		in.LearnerID, in.CardID, in.ShownToken)
}

func reviewBy(ctx context.Context, q queryer, where string, args ...any) (Review, error) {
	r, err := scanReview(q.QueryRowContext(ctx, `SELECT `+reviewColumns+` FROM reviews WHERE `+where, args...))
	return r, notFound(err)
}

func scanReview(s scanner) (Review, error) {
	var r Review
	var rating int
	var at string
	var ms int64
	var before, after srsRow
	dest := []any{&r.ID, &r.LearnerID, &r.CardID, &r.DocID, &rating, &at, &ms, &r.ShownToken}
	dest = append(append(dest, before.dest()...), after.dest()...)
	if err := s.Scan(dest...); err != nil {
		return r, err
	}
	r.Rating, r.Duration = srs.Rating(rating), time.Duration(ms)*time.Millisecond
	var err error
	if r.ReviewedAt, err = parseTS(at); err != nil {
		return r, fmt.Errorf("store: review %d time: %w", r.ID, err)
	}
	if r.Before, err = before.card(); err != nil {
		return r, fmt.Errorf("store: review %d: %w", r.ID, err)
	}
	if r.After, err = after.card(); err != nil {
		return r, fmt.Errorf("store: review %d: %w", r.ID, err)
	}
	return r, nil
}

// LatestReview returns the learner's most recent review of a document's
// cards (the one "undo last grade" takes back); quiz.ErrNotFound if none.
func (db *DB) LatestReview(ctx context.Context, learnerID, docID int64) (Review, error) {
	r, err := reviewBy(ctx, db.read, `learner_id = $1 AND doc_id = $2
		ORDER BY id DESC LIMIT 1`, learnerID, docID)
	if err != nil {
		return Review{}, fmt.Errorf("store: latest review: %w", err)
	}
	return r, nil
}

const deckTallySQL = `SELECT COUNT(*), COALESCE(SUM(CASE WHEN rating > 1 THEN 1 ELSE 0 END), 0)
	FROM reviews WHERE learner_id = $1 AND doc_id = $2 AND reviewed_at >= $3`

// DeckTally counts a learner's reviews of a document's cards since a time,
// and how many of them were remembered (rated Hard, Good or Easy).
func (db *DB) DeckTally(ctx context.Context, learnerID, docID int64, since time.Time) (reviewed, remembered int, err error) {
	st, err := db.readStmt(ctx, deckTallySQL)
	if err != nil {
		return 0, 0, err
	}
	if err := st.QueryRowContext(ctx, learnerID, docID, ts(since)).Scan(&reviewed, &remembered); err != nil {
		return 0, 0, fmt.Errorf("store: deck tally: %w", err)
	}
	return reviewed, remembered, nil
}
