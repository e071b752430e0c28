package store

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/factdeck/factdeck/store/storetest"
)

// TestMergeCoversEveryLearnerTable fails when a migration adds a table
// with a learner column that MergeLearner does not know about (for
// example quiz attempts): add it to learnerTables with its merge rule.
func TestMergeCoversEveryLearnerTable(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, storetest.DSN(t, filepath.Join(t.TempDir(), "m.db")))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	columns := `SELECT m.name, p.name FROM sqlite_master m
		JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND p.name LIKE '%learner%'`
	if db.Postgres() {
		columns = `SELECT table_name, column_name FROM information_schema.columns
			WHERE table_schema = current_schema() AND column_name LIKE '%learner%'`
	}
	rows, err := db.read.QueryContext(ctx, columns)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	known := map[string]bool{"accounts.learner_id": true}
	for _, lt := range learnerTables {
		known[lt.Table+"."+lt.Column] = true
	}
	found := 0
	for rows.Next() {
		var table, column string
		if err := rows.Scan(&table, &column); err != nil {
			t.Fatal(err)
		}
		found++
		if !known[table+"."+column] {
			t.Errorf("%s.%s holds learner data but MergeLearner does not move it (store/account.go learnerTables)", table, column)
		}
	}
	if found < len(learnerTables) {
		t.Errorf("found %d learner columns in the schema, fewer than the %d tables merged", found, len(learnerTables))
	}
}
