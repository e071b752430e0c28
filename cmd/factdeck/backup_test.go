package main

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/factdeck/factdeck/store"
	"github.com/factdeck/factdeck/store/storetest"
)

// TestBackupRestoreDrill is docs/deploy.md's restore drill: while the
// server runs, a learner grades a card and `factdeck backup` copies the
// database; a server started on the copy has the learner's review and an
// intact file. A second backup to the same name is refused.
func TestBackupRestoreDrill(t *testing.T) {
	storetest.SQLiteOnly(t)
	a := newTestApp(t)
	deck := firstDeck(t, a)
	_, body := a.get(t, deck+"/study")
	card, token, _ := answerShown(t, a, deck, body)
	if res, _ := a.post(t, deck+"/study/grade", url.Values{"card": {card}, "token": {token}, "rating": {"3"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("grade: %d", res.StatusCode)
	}
	dest := filepath.Join(t.TempDir(), "backup.db")
	var out syncBuffer
	ctx := context.Background()
	if err := run(ctx, []string{"backup", "--db", a.db.Path(), dest}, func(string) string { return "" }, nil, &out, io.Discard); err != nil {
		t.Fatalf("backup: %v", err)
	}
	if !strings.Contains(out.String(), "backed up") {
		t.Errorf("backup printed %q", out.String())
	}
	if err := run(ctx, []string{"backup", "--db", a.db.Path(), dest}, func(string) string { return "" }, nil, io.Discard, io.Discard); err == nil {
		t.Error("a backup over an existing file succeeded")
	}

	restored, err := store.Open(ctx, dest)
	if err != nil {
		t.Fatal(err)
	}
	defer restored.Close()
	if v, err := restored.IntegrityCheck(ctx); err != nil || v != "ok" {
		t.Errorf("integrity_check of the copy = %q, %v", v, err)
	}
	rs, err := restored.Reviews(ctx, 1, time.Time{}, time.Now().Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 1 || rs[0].CardID != card {
		t.Fatalf("the copy holds reviews %+v, want the one of card %s", rs, card)
	}
}
