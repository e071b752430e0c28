package store

import (
	"context"
	"fmt"
)

// CreateLearner records a new anonymous learner and returns its id.
func (db *DB) CreateLearner(ctx context.Context) (int64, error) {
	var id int64
	err := db.write.QueryRowContext(ctx,
		`INSERT INTO learners (created_at) VALUES ($1) RETURNING id`, ts(db.now())).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("store: create learner: %w", err)
	}
	return id, nil
}

// LearnerExists reports whether a learner id is known.
func (db *DB) LearnerExists(ctx context.Context, id int64) (bool, error) {
	var n int
	err := db.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM learners WHERE id = $1`, id).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("store: learner: %w", err)
	}
	return n > 0, nil
}

// CountLearners returns how many learners exist.
func (db *DB) CountLearners(ctx context.Context) (int, error) {
	var n int
	err := db.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM learners`).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("store: count learners: %w", err)
	}
	return n, nil
}
