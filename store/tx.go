package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

// txAttempts bounds how often a write transaction is tried when
// PostgreSQL aborts it as a serialization failure or a deadlock victim.
const txAttempts = 8

// tx runs fn in a write transaction: begin, call, commit; rolled back on
// error. On SQLite the single writer connection serialises transactions.
// On PostgreSQL the transaction is SERIALIZABLE, so code written against
// SQLite's one-writer-at-a-time keeps its meaning (a quota check, version
// numbers, a merge), and an abort with SQLSTATE 40001 (serialization
// failure) or 40P01 (deadlock) runs fn again after a jittered backoff, as
// CockroachDB and YugabyteDB also require. fn must therefore only set
// variables it assigns afresh on every call. After the commit every cached
// read is invalidated (store/cache.go).
func (db *DB) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	if err := db.retryTx(ctx, sql.LevelSerializable, fn); err != nil {
		return err
	}
	db.touchAll()
	return nil
}

// learnerTx is tx for a write that concerns one learner only (their
// reviews, settings or quizzes): it invalidates that learner's cached reads
// instead of every cached read.
func (db *DB) learnerTx(ctx context.Context, learnerID int64, fn func(*sql.Tx) error) error {
	return db.learnerTxAt(ctx, sql.LevelSerializable, learnerID, fn)
}

// learnerTxAt is learnerTx at a chosen isolation level on PostgreSQL.
// REPEATABLE READ suits a transaction whose every conflict is on a row it
// writes or a unique key it inserts: PostgreSQL then aborts the later
// writer with 40001, which is retried, without SERIALIZABLE's predicate
// locks on index pages, which abort transactions of unrelated learners
// whose keys share a page (docs/storage.md).
func (db *DB) learnerTxAt(ctx context.Context, level sql.IsolationLevel, learnerID int64, fn func(*sql.Tx) error) error {
	if err := db.retryTx(ctx, level, fn); err != nil {
		return err
	}
	db.touchLearner(learnerID)
	return nil
}

// retryTx runs fn in a transaction at level on PostgreSQL, retrying it on
// 40001 and 40P01; SQLite has one level, and its busy waits are
// busy_timeout's.
func (db *DB) retryTx(ctx context.Context, level sql.IsolationLevel, fn func(*sql.Tx) error) error {
	if db.dialect != postgres {
		return db.tx1(ctx, nil, fn)
	}
	opts := &sql.TxOptions{Isolation: level}
	backoff := 2 * time.Millisecond
	for attempt := 1; ; attempt++ {
		err := db.tx1(ctx, opts, fn)
		if err == nil || attempt == txAttempts || !retryable(err) {
			return err
		}
		db.retries.Add(1)
		d := backoff/2 + rand.N(backoff) // uniform in [backoff/2, 3·backoff/2)
		select {
		case <-ctx.Done():
			return errors.Join(err, ctx.Err())
		case <-time.After(d):
		}
		backoff = min(2*backoff, 200*time.Millisecond)
	}
}

func (db *DB) tx1(ctx context.Context, opts *sql.TxOptions, fn func(*sql.Tx) error) error {
	t, err := db.write.BeginTx(ctx, opts)
	if err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	defer t.Rollback()
	if err := fn(t); err != nil {
		return err
	}
	if err := t.Commit(); err != nil {
		return fmt.Errorf("store: commit: %w", err)
	}
	return nil
}

// readOpts are the options of a read-only transaction whose queries must
// see one snapshot: SQLite's read transactions do; PostgreSQL's do from
// REPEATABLE READ up (READ COMMITTED takes a snapshot per statement).
func (db *DB) readOpts() *sql.TxOptions {
	if db.dialect == postgres {
		return &sql.TxOptions{ReadOnly: true, Isolation: sql.LevelRepeatableRead}
	}
	return &sql.TxOptions{ReadOnly: true}
}

// retryable reports a PostgreSQL serialization failure or deadlock.
func retryable(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40001" || pe.Code == "40P01")
}

// TxRetries is how many write transactions were retried since Open
// (serialization failures and deadlocks on PostgreSQL), for tests and
// diagnostics.
func (db *DB) TxRetries() int64 { return db.retries.Load() }
