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
