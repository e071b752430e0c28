// Package store keeps factdeck's data in SQLite (modernc.org/sqlite, no cgo)
// or in PostgreSQL (pgx through database/sql): documents, learners and
// sessions. It maps rows to quiz types; raw SQL lives here and nowhere else.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/factdeck/factdeck/quiz"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	_ "modernc.org/sqlite"             // registers the "sqlite" driver
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

// pgPool is the number of connections one app server keeps to PostgreSQL;
// N servers use N times as many (docs/deploy.md).
const pgPool = 16

// dialect is the engine behind a DB, for the few places where SQL differs.
type dialect int

const (
	sqlite dialect = iota
	postgres
)

// DB is factdeck's database. On SQLite: one writer connection (so writes
// never fight over the lock) and a small pool of readers. On PostgreSQL:
// one pool, which write and read both name.
type DB struct {
	path      string // the SQLite file, or the PostgreSQL URL as given
	dialect   dialect
	write     *sql.DB
	read      *sql.DB
	now       func() time.Time
	stmts     sync.Map     // query text -> *sql.Stmt on the read pool
	preparing sync.Map     // query text -> true while preparedStmt prepares it
	retries   atomic.Int64 // write transactions retried (see tx)

	docMeta sync.Map // document id -> quiz.Document without body (versions are immutable)

	// cache holds sessions, settings and queue heads read by this process
	// (store/cache.go); nil when other processes write the same database.
	cache *localCache
}

// Open opens the database and applies any migrations not yet applied:
// a postgres:// or postgresql:// URL opens PostgreSQL, anything else is the
// path of a SQLite file, created if needed.
func Open(ctx context.Context, path string) (*DB, error) {
	if IsPostgres(path) {
		return openPostgres(ctx, path)
	}
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

// IsPostgres tells whether dsn names a PostgreSQL database.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

func openPostgres(ctx context.Context, dsn string) (*DB, error) {
	p, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", Redact(dsn), err)
	}
	p.SetMaxOpenConns(pgPool)
	p.SetMaxIdleConns(pgPool)
	p.SetConnMaxIdleTime(5 * time.Minute)
	db := &DB{path: dsn, dialect: postgres, write: p, read: p, now: time.Now}
	if err := p.PingContext(ctx); err != nil {
		p.Close()
		return nil, fmt.Errorf("store: connect to %s: %w", Redact(dsn), err)
	}
	if err := db.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// Redact returns dsn with any password replaced, for logs.
func Redact(dsn string) string {
	if !IsPostgres(dsn) {
		return dsn
	}
	u, err := url.Parse(dsn)
	if err != nil {
		return "postgres://(unparsable URL)"
	}
	return u.Redacted()
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

// preparedStmt is readStmt for a caller inside a read transaction: the
// statement if it is prepared already, else nil, and it is prepared in the
// background for next time. Preparing takes a pool connection, and a burst
// of first page views whose transactions hold every connection of the read
// pool while each waits for one more would wait for ever
// (TestFirstReadsAtOnce). On PostgreSQL it is always nil: pgx prepares and
// caches statements per connection itself.
func (db *DB) preparedStmt(query string) *sql.Stmt {
	if db.dialect == postgres {
		return nil
	}
	if st, ok := db.stmts.Load(query); ok {
		return st.(*sql.Stmt)
	}
	if _, busy := db.preparing.LoadOrStore(query, true); !busy {
		go func() {
			defer db.preparing.Delete(query)
			_, _ = db.readStmt(context.Background(), query) // an error is the query's, reported when it runs
		}()
	}
	return nil
}

// readStmt returns a prepared statement for a hot read query, prepared
// once and reused: parsing SQL was a tenth of a page view's CPU time.
// It takes a pool connection: inside a read transaction use preparedStmt.
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
	if db.read == db.write {
		return db.write.Close()
	}
	return errors.Join(db.read.Close(), db.write.Close())
}

// Ping checks that the database answers.
func (db *DB) Ping(ctx context.Context) error {
	return db.read.PingContext(ctx)
}

// Path is the database file's path, or the PostgreSQL URL, as given to Open.
func (db *DB) Path() string { return db.path }

// Postgres tells whether the database is PostgreSQL.
func (db *DB) Postgres() bool { return db.dialect == postgres }

// SetClock replaces the clock used for created_at stamps (tests).
func (db *DB) SetClock(now func() time.Time) { db.now = now }

// Pragma reads a pragma's value on n distinct connections of the read pool
// and on the writer, for tests and diagnostics.
func (db *DB) Pragma(ctx context.Context, name string, n int) ([]string, error) {
	if db.dialect != sqlite {
		return nil, errors.New("store: pragmas are SQLite's")
	}
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
	if db.dialect != sqlite {
		return "", errors.New("store: integrity_check is SQLite's")
	}
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
