package main

import (
	"context"
	"fmt"
	"io"

	"github.com/factdeck/factdeck/store"
)

// runBackup copies the SQLite database to a new file while the server may
// keep running (store.DB.Backup; docs/deploy.md has the schedule and the
// restore drill).
func runBackup(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	db := "factdeck.db"
	if v := getenv("FACTDECK_DB"); v != "" {
		db = v
	}
	fs := newFlagSet("backup", stderr)
	fs.StringVar(&db, "db", db, "SQLite database file to copy")
	if done, err := parseFlags(fs, args); done || err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "factdeck backup: name one DEST file, which must not exist")
		return errUsage
	}
	if store.IsPostgres(db) {
		return fmt.Errorf("backup copies a SQLite file; for PostgreSQL use pg_dump (docs/deploy.md)")
	}
	d, err := store.Open(ctx, db)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Backup(ctx, fs.Arg(0)); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "factdeck: backed up %s to %s\n", db, fs.Arg(0))
	return nil
}
