package store

import (
	"context"
	"fmt"
	"time"
)

// SetQuestionResult is how a set's members did on one of its questions.
type SetQuestionResult struct {
	CardID   string
	Answered int // members who answered it at least once
	Reviews  int // answers in all
	Correct  int // answers graded Hard, Good or Easy
}

// SetStudentResult is one member's progress through a set.
type SetStudentResult struct {
	LearnerID  int64
	Username   string // "" for an anonymous learner
	Studied    int    // distinct questions answered
	Reviews    int
	Correct    int
	LastReview time.Time // zero if none
}

// SetResults returns per-question and per-student results of one of the
// owner's sets, from its members' review log. Another teacher's set gives
// empty results: the owner check is in each query.
func (db *DB) SetResults(ctx context.Context, owner, setID int64) ([]SetQuestionResult, []SetStudentResult, error) {
	qs, err := db.setQuestionResults(ctx, owner, setID)
	if err != nil {
		return nil, nil, err
	}
	ss, err := db.setStudentResults(ctx, owner, setID)
	return qs, ss, err
}

func (db *DB) setQuestionResults(ctx context.Context, owner, setID int64) ([]SetQuestionResult, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT sc.card_id, COUNT(DISTINCT r.learner_id), COUNT(r.id),
		COALESCE(SUM(CASE WHEN r.rating > 1 THEN 1 ELSE 0 END), 0)
		FROM sets s JOIN set_cards sc ON sc.set_id = s.id
		LEFT JOIN set_members m ON m.set_id = s.id
		LEFT JOIN reviews r ON r.card_id = sc.card_id AND r.learner_id = m.learner_id
		WHERE s.id = $1 AND s.owner_id = $2
		GROUP BY sc.card_id, sc.pos ORDER BY sc.pos`, setID, owner)
	if err != nil {
		return nil, fmt.Errorf("store: set %d results: %w", setID, err)
	}
	defer rows.Close()
	var out []SetQuestionResult
	for rows.Next() {
		var q SetQuestionResult
		if err := rows.Scan(&q.CardID, &q.Answered, &q.Reviews, &q.Correct); err != nil {
			return nil, fmt.Errorf("store: set %d results: %w", setID, err)
		}
		out = append(out, q)
	}
	return out, rows.Err()
}

func (db *DB) setStudentResults(ctx context.Context, owner, setID int64) ([]SetStudentResult, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT m.learner_id, COALESCE(a.username, ''),
		COUNT(DISTINCT r.card_id), COUNT(r.id), COALESCE(SUM(CASE WHEN r.rating > 1 THEN 1 ELSE 0 END), 0),
		COALESCE(MAX(r.reviewed_at), '')
		FROM sets s JOIN set_members m ON m.set_id = s.id
		LEFT JOIN accounts a ON a.learner_id = m.learner_id
		LEFT JOIN reviews r ON r.learner_id = m.learner_id
			AND r.card_id IN (SELECT card_id FROM set_cards WHERE set_id = s.id)
		WHERE s.id = $1 AND s.owner_id = $2
		GROUP BY m.learner_id, a.username ORDER BY m.learner_id`, setID, owner)
	if err != nil {
		return nil, fmt.Errorf("store: set %d students: %w", setID, err)
	}
	defer rows.Close()
	var out []SetStudentResult
	for rows.Next() {
		var st SetStudentResult
		var last string
		if err := rows.Scan(&st.LearnerID, &st.Username, &st.Studied, &st.Reviews, &st.Correct, &last); err != nil {
			return nil, fmt.Errorf("store: set %d students: %w", setID, err)
		}
		if last != "" {
			if st.LastReview, err = parseTS(last); err != nil {
				return nil, fmt.Errorf("store: set %d students: %w", setID, err)
			}
		}
		out = append(out, st)
	}
	return out, rows.Err()
}
