package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/factdeck/factdeck/quiz"
	"github.com/factdeck/factdeck/quiz/quizset"
	"github.com/factdeck/factdeck/quiz/srs"
	"github.com/factdeck/factdeck/quiz/study"
)

// Quiz is one self-test attempt of a learner on a deck (a document
// version), with the answers given so far in position order.
type Quiz struct {
	ID        int64
	LearnerID int64
	DocID     int64
	Settings  quizset.Settings
	Seed      uint64
	CardIDs   []string // the questions, in order: position p asks CardIDs[p-1]
	RetryOf   int64    // the attempt whose missed cards this one asks again; 0 if none
	CreatedAt time.Time
	Answers   []quizset.Graded
}

// QuizInput is a new attempt.
type QuizInput struct {
	LearnerID int64
	DocID     int64
	Settings  quizset.Settings
	Seed      uint64
	CardIDs   []string
	RetryOf   int64
	CreatedAt time.Time
}

// CreateQuiz stores a new attempt. The card ids must be cards of the
// document version (quiz.ErrNotFound otherwise), and a retry must retry
// one of the learner's own attempts.
func (db *DB) CreateQuiz(ctx context.Context, in QuizInput) (Quiz, error) {
	switch {
	case in.LearnerID <= 0:
		return Quiz{}, quiz.Invalid("learner", "is required")
	case len(in.CardIDs) == 0:
		return Quiz{}, quiz.Invalid("cards", "a quiz needs at least one question")
	case in.CreatedAt.IsZero():
		return Quiz{}, quiz.Invalid("created_at", "is required")
	}
	settings, err := json.Marshal(in.Settings)
	if err != nil {
		return Quiz{}, fmt.Errorf("store: encode quiz settings: %w", err)
	}
	ids, err := json.Marshal(in.CardIDs)
	if err != nil {
		return Quiz{}, fmt.Errorf("store: encode quiz cards: %w", err)
	}
	q := Quiz{LearnerID: in.LearnerID, DocID: in.DocID, Settings: in.Settings, Seed: in.Seed,
		CardIDs: in.CardIDs, RetryOf: in.RetryOf, CreatedAt: in.CreatedAt.UTC()}
	err = db.learnerTx(ctx, in.LearnerID, func(tx *sql.Tx) error {
		if err := checkQuizCards(ctx, tx, in); err != nil {
			return err
		}
		var retry any
		if in.RetryOf != 0 {
			retry = in.RetryOf
		}
		return tx.QueryRowContext(ctx, `INSERT INTO quizzes
			(learner_id, doc_id, settings, seed, card_ids, retry_of, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
			in.LearnerID, in.DocID, string(settings), int64(in.Seed), string(ids), retry, ts(in.CreatedAt),
		).Scan(&q.ID)
	})
	if err != nil {
		return Quiz{}, fmt.Errorf("store: create quiz: %w", err)
	}
	return q, nil
}

func checkQuizCards(ctx context.Context, tx *sql.Tx, in QuizInput) error {
	var one int
	for _, id := range in.CardIDs {
		err := tx.QueryRowContext(ctx, `SELECT 1 FROM cards WHERE doc_id = $1 AND card_id = $2`, in.DocID, id).Scan(&one)
		if err != nil {
			return fmt.Errorf("card %s of document %d: %w", id, in.DocID, notFound(err))
		}
	}
	if in.RetryOf != 0 {
		err := tx.QueryRowContext(ctx, `SELECT 1 FROM quizzes WHERE id = $1 AND learner_id = $2`,
			in.RetryOf, in.LearnerID).Scan(&one)
		if err != nil {
			return fmt.Errorf("retried quiz %d: %w", in.RetryOf, notFound(err))
		}
	}
	return nil
}

// Quiz returns one of the learner's attempts with its answers. Another
// learner's attempt is quiz.ErrNotFound, exactly like a missing one.
func (db *DB) Quiz(ctx context.Context, learnerID, id int64) (Quiz, error) {
	q, err := quizBy(ctx, db.read, learnerID, id)
	if err != nil {
		return Quiz{}, err
	}
	rows, err := db.read.QueryContext(ctx, `SELECT position, card_id, verdict, credit, given, message,
		suggested, answered_at FROM quiz_answers WHERE quiz_id = $1 ORDER BY position`, id)
	if err != nil {
		return Quiz{}, fmt.Errorf("store: answers of quiz %d: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		a, err := scanGraded(rows)
		if err != nil {
			return Quiz{}, fmt.Errorf("store: answers of quiz %d: %w", id, err)
		}
		q.Answers = append(q.Answers, a)
	}
	if err := rows.Err(); err != nil {
		return Quiz{}, fmt.Errorf("store: answers of quiz %d: %w", id, err)
	}
	return q, nil
}

func quizBy(ctx context.Context, q queryer, learnerID, id int64) (Quiz, error) {
	var z Quiz
	var settings, ids, created string
	var seed int64
	var retry sql.NullInt64
	err := q.QueryRowContext(ctx, `SELECT id, learner_id, doc_id, settings, seed, card_ids, retry_of, created_at
		FROM quizzes WHERE id = $1 AND learner_id = $2`, id, learnerID).
		Scan(&z.ID, &z.LearnerID, &z.DocID, &settings, &seed, &ids, &retry, &created)
	if err != nil {
		return Quiz{}, fmt.Errorf("store: quiz %d: %w", id, notFound(err))
	}
	z.Seed, z.RetryOf = uint64(seed), retry.Int64
	if err := json.Unmarshal([]byte(settings), &z.Settings); err != nil {
		return Quiz{}, fmt.Errorf("store: quiz %d settings: %w", id, err)
	}
	if err := json.Unmarshal([]byte(ids), &z.CardIDs); err != nil {
		return Quiz{}, fmt.Errorf("store: quiz %d cards: %w", id, err)
	}
	if z.CreatedAt, err = parseTS(created); err != nil {
		return Quiz{}, fmt.Errorf("store: quiz %d created_at: %w", id, err)
	}
	return z, nil
}

func scanGraded(s scanner) (quizset.Graded, error) {
	var a quizset.Graded
	var verdict, at string
	var suggested int
	if err := s.Scan(&a.Position, &a.CardID, &verdict, &a.Outcome.Credit, &a.Outcome.Given,
		&a.Outcome.Message, &suggested, &at); err != nil {
		return a, err
	}
	a.Outcome.Verdict, a.Outcome.Suggested = study.Verdict(verdict), srs.Rating(suggested)
	t, err := parseTS(at)
	a.AnsweredAt = t
	return a, err
}

// AnswerQuiz records the graded answer to one question of the learner's
// attempt. The position must exist and ask a.CardID (a
// *quiz.ValidationError otherwise); another learner's attempt is
// quiz.ErrNotFound. A question already answered (a double submit, the back
// button) keeps its first answer: that one is returned with replayed set.
func (db *DB) AnswerQuiz(ctx context.Context, learnerID, quizID int64, a quizset.Graded) (got quizset.Graded, replayed bool, err error) {
	err = db.learnerTx(ctx, learnerID, func(tx *sql.Tx) error {
		replayed = false // a retried transaction starts again
		z, err := quizBy(ctx, tx, learnerID, quizID)
		if err != nil {
			return err
		}
		if a.Position < 1 || a.Position > len(z.CardIDs) || z.CardIDs[a.Position-1] != a.CardID {
			return quiz.Invalid("position", "this question is not part of the quiz")
		}
		o := a.Outcome
		err = tx.QueryRowContext(ctx, `INSERT INTO quiz_answers (quiz_id, position, card_id, verdict, credit,
			given, message, suggested, answered_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
			ON CONFLICT (quiz_id, position) DO NOTHING RETURNING position`,
			quizID, a.Position, a.CardID, string(o.Verdict), o.Credit, o.Given, o.Message, int(o.Suggested),
			ts(a.AnsweredAt)).Scan(&got.Position)
		if errors.Is(err, sql.ErrNoRows) {
			replayed = true
			got, err = scanGraded(tx.QueryRowContext(ctx, `SELECT position, card_id, verdict, credit, given,
				message, suggested, answered_at FROM quiz_answers WHERE quiz_id = $1 AND position = $2`,
				quizID, a.Position))
			return err
		}
		if err != nil {
			return err
		}
		got = a
		got.AnsweredAt = a.AnsweredAt.UTC()
		return nil
	})
	if err != nil {
		return quizset.Graded{}, false, fmt.Errorf("store: answer quiz %d: %w", quizID, err)
	}
	return got, replayed, nil
}

// QuizSummary is one line of a learner's quiz history.
type QuizSummary struct {
	ID        int64
	CreatedAt time.Time
	RetryOf   int64
	Score     quizset.Score
}

// QuizHistory lists the learner's attempts on a deck, newest first, each
// scored by quizset.Tally.
func (db *DB) QuizHistory(ctx context.Context, learnerID, docID int64) ([]QuizSummary, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT q.id, q.created_at, q.card_ids, q.retry_of,
			a.position, a.card_id, a.verdict, a.credit, a.given, a.message, a.suggested, a.answered_at
		FROM quizzes q LEFT JOIN quiz_answers a ON a.quiz_id = q.id
		WHERE q.learner_id = $1 AND q.doc_id = $2
		ORDER BY q.created_at DESC, q.id DESC, a.position`, learnerID, docID)
	if err != nil {
		return nil, fmt.Errorf("store: quiz history: %w", err)
	}
	defer rows.Close()
	var out []QuizSummary
	var questions []int
	var answers [][]quizset.Graded
	for rows.Next() {
		var id int64
		var created, ids string
		var retry sql.NullInt64
		var ans nullGraded
		if err := rows.Scan(append([]any{&id, &created, &ids, &retry}, ans.dest()...)...); err != nil {
			return nil, fmt.Errorf("store: quiz history: %w", err)
		}
		if len(out) == 0 || out[len(out)-1].ID != id {
			s, n, err := summaryOf(id, created, ids, retry)
			if err != nil {
				return nil, err
			}
			out, questions, answers = append(out, s), append(questions, n), append(answers, nil)
		}
		if ans.position.Valid {
			answers[len(answers)-1] = append(answers[len(answers)-1], ans.graded())
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: quiz history: %w", err)
	}
	for i := range out {
		out[i].Score = quizset.Tally(questions[i], answers[i])
	}
	return out, nil
}

func summaryOf(id int64, created, ids string, retry sql.NullInt64) (QuizSummary, int, error) {
	s := QuizSummary{ID: id, RetryOf: retry.Int64}
	var cards []string
	if err := json.Unmarshal([]byte(ids), &cards); err != nil {
		return s, 0, fmt.Errorf("store: quiz %d cards: %w", id, err)
	}
	t, err := parseTS(created)
	if err != nil {
		return s, 0, fmt.Errorf("store: quiz %d created_at: %w", id, err)
	}
	s.CreatedAt = t
	return s, len(cards), nil
}

// nullGraded scans the answer side of a LEFT JOIN: every column is NULL
// for an attempt with no answer yet.
type nullGraded struct {
	position       sql.NullInt64
	card, verdict  sql.NullString
	credit         sql.NullFloat64
	given, message sql.NullString
	suggested      sql.NullInt64
	answeredAt     sql.NullString
}

func (n *nullGraded) dest() []any {
	return []any{&n.position, &n.card, &n.verdict, &n.credit, &n.given, &n.message, &n.suggested, &n.answeredAt}
}

func (n *nullGraded) graded() quizset.Graded {
	at, _ := parseTS(n.answeredAt.String)
	return quizset.Graded{Position: int(n.position.Int64), CardID: n.card.String, AnsweredAt: at,
		Outcome: study.Outcome{Verdict: study.Verdict(n.verdict.String), Credit: n.credit.Float64,
			Given: n.given.String, Message: n.message.String, Suggested: srs.Rating(n.suggested.Int64)}}
}
