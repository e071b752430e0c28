package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
)

//go:embed migrations/*.sql migrations/pg/*.sql
var migrations embed.FS

// migrateLock is the PostgreSQL advisory lock key under which migrations
// run, so that app servers starting together apply each migration once.
const migrateLock = 0x66646d6967 // "fdmig"

// migrate applies every embedded migration not yet recorded, in name order,
// each in its own transaction together with its record, so a crash leaves
// either all of a migration or none of it. On PostgreSQL, a migration with
// a file of the same name under migrations/pg/ runs that file instead
// (DDL that differs: types, identity columns); it is recorded under the
// shared name. Several servers may start at once: on PostgreSQL they queue
// on an advisory lock, on SQLite on the write lock.
func (db *DB) migrate(ctx context.Context) error {
	if db.dialect == postgres {
		unlock, err := db.advisoryLock(ctx, migrateLock)
		if err != nil {
			return fmt.Errorf("store: migration lock: %w", err)
		}
		defer unlock()
	}
	if _, err := db.write.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		name       TEXT PRIMARY KEY,
		applied_at TEXT NOT NULL
	)`); err != nil {
		return fmt.Errorf("store: migrations table: %w", err)
	}
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return fmt.Errorf("store: list migrations: %w", err)
	}
	sort.Strings(names)
	for _, name := range names {
		if err := db.applyMigration(ctx, name); err != nil {
			return err
		}
	}
	return nil
}

func (db *DB) applyMigration(ctx context.Context, name string) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx,
			`SELECT COUNT(*) FROM schema_migrations WHERE name = $1`, name).Scan(&n); err != nil {
			return fmt.Errorf("store: migration %s: %w", name, err)
		}
		if n > 0 {
			return nil
		}
		body, err := db.migrationBody(name)
		if err != nil {
			return fmt.Errorf("store: migration %s: %w", name, err)
		}
		if _, err := tx.ExecContext(ctx, string(body)); err != nil {
			return fmt.Errorf("store: migration %s: %w", name, err)
		}
		if _, err := tx.ExecContext(ctx,
			`INSERT INTO schema_migrations (name, applied_at) VALUES ($1, $2)`,
			name, ts(db.now())); err != nil {
			return fmt.Errorf("store: record migration %s: %w", name, err)
		}
		return nil
	})
}

// migrationBody is the SQL of the migration name for db's dialect.
func (db *DB) migrationBody(name string) ([]byte, error) {
	if db.dialect == postgres {
		b, err := migrations.ReadFile(path.Join(path.Dir(name), "pg", path.Base(name)))
		if err == nil {
			return b, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	return migrations.ReadFile(name)
}

// advisoryLock takes a PostgreSQL session advisory lock on a connection of
// its own, waiting for whoever holds it; unlock releases it and returns
// the connection.
func (db *DB) advisoryLock(ctx context.Context, key int64) (unlock func(), err error) {
	c, err := db.write.Conn(ctx)
	if err != nil {
		return nil, err
	}
	if _, err := c.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, key); err != nil {
		c.Close()
		return nil, err
	}
	return func() {
		// A failed unlock leaves the lock on this session: drop the
		// connection instead of returning it to the pool.
		if _, err := c.ExecContext(context.Background(), `SELECT pg_advisory_unlock($1)`, key); err != nil {
			c.Raw(func(any) error { return driver.ErrBadConn })
		}
		c.Close()
	}, nil
}

// Migrations lists the names of the applied migrations in order.
func (db *DB) Migrations(ctx context.Context) ([]string, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT name FROM schema_migrations ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("store: migrations: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
