package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Exclusive runs fn while holding the lock called name across every app
// server on the database, so that servers starting together do start-up
// work one after the other: on PostgreSQL a session advisory lock, which a
// second server waits for; on SQLite fn simply runs (one machine owns the
// file, and write transactions are serialised anyway).
func (db *DB) Exclusive(ctx context.Context, name string, fn func() error) error {
	if db.dialect != postgres {
		return fn()
	}
	unlock, err := db.advisoryLock(ctx, int64(fnv("factdeck:"+name)))
	if err != nil {
		return fmt.Errorf("store: lock %s: %w", name, err)
	}
	defer unlock()
	return fn()
}

// JobDone reports whether the one-off job name last finished with key.
func (db *DB) JobDone(ctx context.Context, name, key string) (bool, error) {
	var got string
	err := db.read.QueryRowContext(ctx, `SELECT job_key FROM jobs WHERE name = $1`, name).Scan(&got)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("store: job %s: %w", name, err)
	}
	return got == key, nil
}

// FinishJob records that the one-off job name finished with key.
func (db *DB) FinishJob(ctx context.Context, name, key string) error {
	_, err := db.write.ExecContext(ctx, `INSERT INTO jobs (name, job_key, last_run) VALUES ($1, $2, $3)
		ON CONFLICT (name) DO UPDATE SET job_key = excluded.job_key, last_run = excluded.last_run`,
		name, key, ts(db.now()))
	if err != nil {
		return fmt.Errorf("store: finish job %s: %w", name, err)
	}
	return nil
}

// ClaimJob claims this run of the periodic job name, which should run
// every interval on one of the app servers: it reports true, and records
// the run, only when no server has run the job in the last nine tenths of
// every (the slack keeps servers whose tickers drift from skipping a
// period). One statement, so two servers claiming at once cannot both win.
func (db *DB) ClaimJob(ctx context.Context, name string, every time.Duration) (bool, error) {
	now := db.now()
	var got string
	err := db.write.QueryRowContext(ctx, `INSERT INTO jobs (name, last_run) VALUES ($1, $2)
		ON CONFLICT (name) DO UPDATE SET last_run = excluded.last_run WHERE jobs.last_run <= $3
		RETURNING name`, name, ts(now), ts(now.Add(-every*9/10))).Scan(&got)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("store: claim job %s: %w", name, err)
	}
	return true, nil
}
