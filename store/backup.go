package store

import (
	"context"
	"errors"
	"fmt"
	"os"
)

// Backup writes a consistent copy of the SQLite database to dest, a file
// that must not exist yet, with VACUUM INTO: it reads one snapshot, so the
// server may keep serving (and writing) meanwhile, and the copy is compact
// and ready to open. PostgreSQL has its own tools (pg_dump, base backups;
// docs/deploy.md).
func (db *DB) Backup(ctx context.Context, dest string) error {
	if db.dialect != sqlite {
		return errors.New("store: backup copies SQLite files; back PostgreSQL up with pg_dump or pg_basebackup")
	}
	if _, err := os.Stat(dest); err == nil {
		return fmt.Errorf("store: backup: %s exists", dest)
	}
	if _, err := db.write.ExecContext(ctx, `VACUUM INTO $1`, dest); err != nil {
		return fmt.Errorf("store: backup to %s: %w", dest, err)
	}
	return nil
}

// TableBytes reports the space each table takes with its indexes, in
// bytes, for sizing a deployment (docs/deploy.md).
func (db *DB) TableBytes(ctx context.Context) (map[string]int64, error) {
	q := `SELECT m.tbl_name, SUM(s.pgsize) FROM dbstat s JOIN sqlite_master m ON m.name = s.name
		GROUP BY m.tbl_name`
	if db.dialect == postgres {
		q = `SELECT c.relname, pg_total_relation_size(c.oid) FROM pg_class c
			JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE n.nspname = current_schema() AND c.relkind = 'r'`
	}
	rows, err := db.read.QueryContext(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("store: table sizes: %w", err)
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var name string
		var n int64
		if err := rows.Scan(&name, &n); err != nil {
			return nil, fmt.Errorf("store: table sizes: %w", err)
		}
		out[name] = n
	}
	return out, rows.Err()
}
