package store_test

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/factdeck/factdeck/quiz"
	"github.com/factdeck/factdeck/store"
	"github.com/factdeck/factdeck/store/storetest"
)

func mustOpenDB(t *testing.T, path string) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), storetest.DSN(t, path))
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestOpenRefusesMemory(t *testing.T) {
	if _, err := store.Open(context.Background(), ":memory:"); err == nil {
		t.Fatal("Open(:memory:) succeeded; want an error")
	}
}

func TestMigrationsApplyOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f.db")
	ctx := context.Background()
	db := mustOpenDB(t, path)
	first, err := db.Migrations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(first) == 0 || first[0] != "migrations/0001_init.sql" {
		t.Fatalf("applied migrations = %v, want 0001_init first", first)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db2 := mustOpenDB(t, path) // reopening must not fail on CREATE TABLE
	again, err := db2.Migrations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(again) != len(first) {
		t.Fatalf("after reopen %d migrations recorded, want %d", len(again), len(first))
	}
}

func TestPragmasOnEveryConnection(t *testing.T) {
	storetest.SQLiteOnly(t)
	db := mustOpenDB(t, filepath.Join(t.TempDir(), "p.db"))
	ctx := context.Background()
	for _, tc := range []struct{ pragma, want string }{
		{"journal_mode", "wal"},
		{"foreign_keys", "1"},
		{"busy_timeout", "5000"},
		{"synchronous", "2"}, // FULL
	} {
		vals, err := db.Pragma(ctx, tc.pragma, 4)
		if err != nil {
			t.Fatal(err)
		}
		for i, v := range vals {
			if v != tc.want {
				t.Errorf("connection %d: PRAGMA %s = %q, want %q", i, tc.pragma, v, tc.want)
			}
		}
	}
}

func TestImportDocumentVersions(t *testing.T) {
	db := mustOpenDB(t, filepath.Join(t.TempDir(), "d.db"))
	ctx := context.Background()
	doc := quiz.Document{Slug: "s", Title: "Battle of X", Body: "Battle of X | |\nFirst text.", Source: "seed", Topics: []string{"Battle of X", "Y"}}

	d1, created, err := db.ImportDocument(ctx, doc)
	if err != nil || !created || d1.Version != 1 {
		t.Fatalf("first import: %+v created=%v err=%v", d1, created, err)
	}
	d1b, created, err := db.ImportDocument(ctx, doc)
	if err != nil || created || d1b.ID != d1.ID {
		t.Fatalf("same text imported again: id %d (want %d) created=%v err=%v", d1b.ID, d1.ID, created, err)
	}
	doc.Body += "\nA correction."
	d2, created, err := db.ImportDocument(ctx, doc)
	if err != nil || !created || d2.Version != 2 {
		t.Fatalf("changed text: %+v created=%v err=%v", d2, created, err)
	}
	old, err := db.Document(ctx, d1.ID)
	if err != nil {
		t.Fatal(err)
	}
	if old.Body != "Battle of X | |\nFirst text." {
		t.Errorf("version 1 body was overwritten: %q", old.Body)
	}
	list, err := db.Documents(ctx, store.DocumentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].ID != d2.ID {
		t.Fatalf("Documents lists %d docs (first id %v), want only the latest version %d", len(list), list, d2.ID)
	}
	if got := list[0].Topics; len(got) != 2 || got[1] != "Y" {
		t.Errorf("topics = %q", got)
	}
	if _, err := db.Document(ctx, 999); err != quiz.ErrNotFound {
		t.Errorf("unknown id: err = %v, want ErrNotFound", err)
	}
}

func TestSessionStore(t *testing.T) {
	db := mustOpenDB(t, filepath.Join(t.TempDir(), "s.db"))
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	db.SetClock(func() time.Time { return now })
	ss := db.Sessions()
	if err := ss.Commit("tok", []byte("data"), now.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := ss.Commit("tok", []byte("data2"), now.Add(2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	b, ok, err := ss.Find("tok")
	if err != nil || !ok || string(b) != "data2" {
		t.Fatalf("Find = %q, %v, %v; want data2", b, ok, err)
	}
	now = now.Add(3 * time.Hour)
	if _, ok, _ := ss.Find("tok"); ok {
		t.Error("expired session still found")
	}
	n, err := ss.DeleteExpired(context.Background())
	if err != nil || n != 1 {
		t.Errorf("DeleteExpired = %d, %v; want 1", n, err)
	}
}

func TestLearners(t *testing.T) {
	db := mustOpenDB(t, filepath.Join(t.TempDir(), "l.db"))
	ctx := context.Background()
	id, err := db.CreateLearner(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if ok, err := db.LearnerExists(ctx, id); err != nil || !ok {
		t.Errorf("LearnerExists(%d) = %v, %v", id, ok, err)
	}
	if ok, _ := db.LearnerExists(ctx, id+100); ok {
		t.Error("unknown learner reported as existing")
	}
}

func TestSetDocumentTopics(t *testing.T) {
	db := mustOpenDB(t, filepath.Join(t.TempDir(), "t.db"))
	ctx := context.Background()
	d, _, err := db.ImportDocument(ctx, quiz.Document{Slug: "s", Title: "T", Body: "body", Source: "seed", Topics: []string{"Old"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.SetDocumentTopics(ctx, d.ID, []string{"A", "B"}); err != nil {
		t.Fatal(err)
	}
	got, err := db.Document(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Topics) != 2 || got.Topics[1] != "B" || got.Body != "body" || got.Version != 1 {
		t.Errorf("after SetDocumentTopics: %+v", got)
	}
}

// TestConcurrentOpensMigrateOnce opens one new database from several
// goroutines at once, as app servers starting together would: every open
// succeeds and each migration is recorded once.
func TestConcurrentOpensMigrateOnce(t *testing.T) {
	dsn := storetest.DSN(t, filepath.Join(t.TempDir(), "c.db"))
	ctx := context.Background()
	const n = 8
	dbs := make([]*store.DB, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range n {
		wg.Go(func() {
			<-start
			dbs[i], errs[i] = store.Open(ctx, dsn)
		})
	}
	close(start)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("open %d of %d: %v", i, n, err)
		}
		t.Cleanup(func() { dbs[i].Close() })
	}
	got, err := dbs[0].Migrations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, m := range got {
		if seen[m] {
			t.Errorf("migration %s recorded twice", m)
		}
		seen[m] = true
	}
	ref := mustOpenDB(t, filepath.Join(t.TempDir(), "ref.db"))
	want, err := ref.Migrations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Errorf("%d migrations recorded after %d concurrent opens, want %d", len(got), n, len(want))
	}
}
