// Package store keeps factdeck's data in SQLite (modernc.org/sqlite, no cgo):
// documents, learners and sessions. It maps rows to quiz types; raw SQL lives
// here and nowhere else.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"sync"
	"time"

	"github.com/factdeck/factdeck/quiz"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// pragmas are set in the DSN so that every pooled connection gets them; a
// PRAGMA run with Exec would reach one connection only. synchronous(FULL):
// see docs/storage.md for why.
var pragmas = []string{
	"busy_timeout(5000)",
	"journal_mode(WAL)",
	"foreign_keys(1)",
	"synchronous(FULL)",
}

// readPool is the number of read connections; SQLite in WAL mode lets
// readers run beside the single writer.
const readPool = 4

// DB is factdeck's database: one writer connection (so writes never fight
// over the lock) and a small pool of readers.
type DB struct {
	path  string
	write *sql.DB
	read  *sql.DB
	now   func() time.Time
	stmts sync.Map // query text -> *sql.Stmt on the read pool

	docMeta sync.Map // document id -> quiz.Document without body (versions are immutable)

	// cache holds sessions, settings and queue heads read by this process
	// (store/cache.go); nil when other processes write the same database.
	cache *localCache
}

// Open opens (creating if needed) the SQLite database at path and applies
// any migrations not yet applied.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" || path == ":memory:" {
		return nil, fmt.Errorf("store: a database file path is required")
	}
	w, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		return nil, fmt.Errorf("store: open writer: %w", err)
	}
	w.SetMaxOpenConns(1)
	w.SetConnMaxIdleTime(0)
	r, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("store: open reader: %w", err)
	}
	r.SetMaxOpenConns(readPool)
	db := &DB{path: path, write: w, read: r, now: time.Now, cache: newLocalCache()}
	if err := db.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

func dsn(path string, writer bool) string {
	q := url.Values{}
	for _, p := range pragmas {
		q.Add("_pragma", p)
	}
	if writer {
		q.Set("_txlock", "immediate")
	} else {
		q.Add("_pragma", "query_only(1)")
	}
	return "file:" + path + "?" + q.Encode()
}

// readStmt returns a prepared statement for a hot read query, prepared
// once and reused: parsing SQL was a tenth of a page view's CPU time.
func (db *DB) readStmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := db.stmts.Load(query); ok {
		return st.(*sql.Stmt), nil
	}
	st, err := db.read.PrepareContext(ctx, query)
	if err != nil {
		return nil, fmt.Errorf("store: prepare: %w", err)
	}
	if prev, loaded := db.stmts.LoadOrStore(query, st); loaded {
		st.Close()
		return prev.(*sql.Stmt), nil
	}
	return st, nil
}

// Close closes both pools; the WAL is checkpointed by SQLite when the last
// connection closes.
func (db *DB) Close() error {
	db.stmts.Range(func(_, v any) bool {
		v.(*sql.Stmt).Close()
		return true
	})
	return errors.Join(db.read.Close(), db.write.Close())
}

// Ping checks that the database answers.
func (db *DB) Ping(ctx context.Context) error {
	return db.read.PingContext(ctx)
}

// Path is the database file's path.
func (db *DB) Path() string { return db.path }

// SetClock replaces the clock used for created_at stamps (tests).
func (db *DB) SetClock(now func() time.Time) { db.now = now }

// Pragma reads a pragma's value on n distinct connections of the read pool
// and on the writer, for tests and diagnostics.
func (db *DB) Pragma(ctx context.Context, name string, n int) ([]string, error) {
	var out []string
	conns := make([]*sql.Conn, 0, n+1)
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for i := 0; i <= n; i++ {
		pool := db.read
		if i == n {
			pool = db.write
		}
		c, err := pool.Conn(ctx)
		if err != nil {
			return nil, fmt.Errorf("store: conn: %w", err)
		}
		conns = append(conns, c)
		var v string
		if err := c.QueryRowContext(ctx, "PRAGMA "+name).Scan(&v); err != nil {
			return nil, fmt.Errorf("store: pragma %s: %w", name, err)
		}
		out = append(out, v)
	}
	return out, nil
}

// IntegrityCheck runs PRAGMA integrity_check and returns its verdict ("ok").
func (db *DB) IntegrityCheck(ctx context.Context) (string, error) {
	var v string
	err := db.read.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&v)
	return v, err
}

// timeLayout is the one way the database stores times: UTC with a fixed
// nine-digit fraction, so that comparing the text compares the instants.
const timeLayout = "2006-01-02T15:04:05.000000000Z"

func ts(t time.Time) string { return t.UTC().Format(timeLayout) }

func parseTS(s string) (time.Time, error) { return time.Parse(timeLayout, s) }

// notFound maps sql.ErrNoRows to quiz.ErrNotFound.
func notFound(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return quiz.ErrNotFound
	}
	return err
}

// tx runs fn in a write transaction: begin, call, commit; rolled back on error.
func (db *DB) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	t, err := db.write.BeginTx(ctx, nil)
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
	db.touchAll()
	return nil
}

// learnerTx is tx for a write that concerns one learner only (their
// reviews, settings or quizzes): it invalidates that learner's cached reads
// instead of every cached read.
func (db *DB) learnerTx(ctx context.Context, learnerID int64, fn func(*sql.Tx) error) error {
	t, err := db.write.BeginTx(ctx, nil)
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
	db.touchLearner(learnerID)
	return nil
}

// touchAll invalidates every cached read (store/cache.go); touchLearner
// those of one learner. Both run after the write has committed.
func (db *DB) touchAll() {
	if db.cache != nil {
		db.cache.touchAll()
	}
}

func (db *DB) touchLearner(id int64) {
	if db.cache != nil {
		db.cache.touchLearner(id)
	}
}
