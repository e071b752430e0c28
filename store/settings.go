package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/factdeck/factdeck/quiz/srs"
)

// LearnerSettings returns the learner's scheduling settings, or
// srs.DefaultSettings if the learner never saved any.
func (db *DB) LearnerSettings(ctx context.Context, learnerID int64) (srs.Settings, error) {
	if db.cache == nil {
		return db.learnerSettings(ctx, learnerID)
	}
	st := db.cache.learnerStamp(learnerID)
	if e, ok := get(&db.cache.mu, db.cache.settings, learnerID); ok && e.stamp == st {
		return cloneSettings(e.settings), nil
	}
	s, err := db.learnerSettings(ctx, learnerID)
	if err == nil {
		put(&db.cache.mu, db.cache.settings, learnerID, settingsEntry{st, cloneSettings(s)})
	}
	return s, err
}

func (db *DB) learnerSettings(ctx context.Context, learnerID int64) (srs.Settings, error) {
	var s srs.Settings
	var learning, relearning string
	st, err := db.readStmt(ctx, `SELECT desired_retention, maximum_interval, learning_steps,
		relearning_steps, new_per_day, reviews_per_day, time_zone
		FROM learner_settings WHERE learner_id = $1`)
	if err != nil {
		return srs.Settings{}, err
	}
	err = st.QueryRowContext(ctx, learnerID).Scan(&s.DesiredRetention,
		&s.MaximumInterval, &learning, &relearning, &s.NewPerDay, &s.ReviewsPerDay, &s.TimeZone)
	if errors.Is(err, sql.ErrNoRows) {
		return srs.DefaultSettings(), nil
	}
	if err != nil {
		return srs.Settings{}, fmt.Errorf("store: settings of learner %d: %w", learnerID, err)
	}
	if s.LearningSteps, err = srs.ParseSteps(learning); err != nil {
		return srs.Settings{}, fmt.Errorf("store: learning steps of learner %d: %w", learnerID, err)
	}
	if s.RelearningSteps, err = srs.ParseSteps(relearning); err != nil {
		return srs.Settings{}, fmt.Errorf("store: relearning steps of learner %d: %w", learnerID, err)
	}
	if len(s.LearningSteps) == 0 {
		s.LearningSteps = nil
	}
	if len(s.RelearningSteps) == 0 {
		s.RelearningSteps = nil // no steps reads back as it was saved
	}
	return s, nil
}

// UpdateLearnerSettings validates s and saves it as the learner's
// settings; an invalid s is returned as srs.Settings.Validate's
// *quiz.ValidationError and nothing is written.
func (db *DB) UpdateLearnerSettings(ctx context.Context, learnerID int64, s srs.Settings) error {
	if err := s.Validate(); err != nil {
		return err
	}
	_, err := db.write.ExecContext(ctx, `INSERT INTO learner_settings (learner_id, desired_retention,
		maximum_interval, learning_steps, relearning_steps, new_per_day, reviews_per_day, time_zone, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
		ON CONFLICT (learner_id) DO UPDATE SET desired_retention = excluded.desired_retention,
			maximum_interval = excluded.maximum_interval, learning_steps = excluded.learning_steps,
			relearning_steps = excluded.relearning_steps, new_per_day = excluded.new_per_day,
			reviews_per_day = excluded.reviews_per_day, time_zone = excluded.time_zone,
			updated_at = excluded.updated_at`,
		learnerID, s.DesiredRetention, s.MaximumInterval, srs.FormatSteps(s.LearningSteps),
		srs.FormatSteps(s.RelearningSteps), s.NewPerDay, s.ReviewsPerDay, s.TimeZone, ts(db.now()))
	if err != nil {
		return fmt.Errorf("store: save settings of learner %d: %w", learnerID, err)
	}
	db.touchLearner(learnerID)
	return nil
}
