package store_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/factdeck/factdeck/quiz/srs"
	"github.com/factdeck/factdeck/store"
	"github.com/factdeck/factdeck/store/storetest"
)

// durabilityEnv names the database file the child process writes to.
const durabilityEnv = "FACTDECK_DURABILITY_DB"

// TestDurabilityChild is the child of TestReviewSurvivesKill: it records
// reviews as fast as it can and prints "ack <learner> <id>" after each
// RecordReview returns, until it is killed.
func TestDurabilityChild(t *testing.T) {
	path := os.Getenv(durabilityEnv)
	if path == "" {
		t.Skip("run by TestReviewSurvivesKill")
	}
	ctx := context.Background()
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	learner, err := db.CreateLearner(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sched := mustScheduler(t)
	at := t0
	for i := 0; ; i++ {
		in := store.ReviewInput{LearnerID: learner, CardID: fmt.Sprintf("s-c%d", i%10), DocID: 1,
			Rating: srs.Rating(1 + i%4), ReviewedAt: at, Duration: time.Second, ShownToken: strconv.Itoa(i)}
		r, err := db.RecordReview(ctx, in, sched)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Printf("ack %d %d\n", learner, r.ID)
		at = at.Add(7 * time.Minute)
	}
}

// TestReviewSurvivesKill SIGKILLs a process that is recording reviews and
// checks that every review it acknowledged is in the reopened database,
// with its card state, and that the file is intact.
func TestReviewSurvivesKill(t *testing.T) {
	storetest.SQLiteOnly(t)
	if testing.Short() {
		t.Skip("starts a child process")
	}
	path := filepath.Join(t.TempDir(), "kill.db")
	db := mustOpenDB(t, path)
	doc := mustImport(t, db, "s", "text")
	mustSaveCards(t, db, doc.ID, makeCards("s", "c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9"))
	if doc.ID != 1 {
		t.Fatalf("document id %d, the child assumes 1", doc.ID)
	}
	db.Close()

	cmd := exec.Command(os.Args[0], "-test.run=^TestDurabilityChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), durabilityEnv+"="+path)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var learner int64
	var acked []int64
	lines := bufio.NewScanner(out)
	killed := false
	for lines.Scan() {
		f := strings.Fields(lines.Text())
		if len(f) != 3 || f[0] != "ack" {
			continue
		}
		learner, _ = strconv.ParseInt(f[1], 10, 64)
		id, _ := strconv.ParseInt(f[2], 10, 64)
		acked = append(acked, id)
		if len(acked) == 200 && !killed {
			if err := cmd.Process.Kill(); err != nil { // SIGKILL: no deferred code runs
				t.Fatal(err)
			}
			killed = true
		}
	}
	if err := cmd.Wait(); err == nil || !killed {
		t.Fatalf("child ended by itself (err %v) after %d acks; want it killed", err, len(acked))
	}
	t.Logf("child killed after %d acknowledged reviews", len(acked))

	db = mustOpenDB(t, path)
	ctx := context.Background()
	if v, err := db.IntegrityCheck(ctx); err != nil || v != "ok" {
		t.Fatalf("integrity_check = %q, %v", v, err)
	}
	for _, id := range acked {
		if _, err := db.Review(ctx, learner, id); err != nil {
			t.Fatalf("acknowledged review %d: %v", id, err)
		}
	}
	// Every card's state is the After of its latest logged review: the log
	// and the state committed together.
	all, err := db.Reviews(ctx, learner, time.Time{}, t0.AddDate(100, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	latest := map[string]srs.Card{}
	for _, r := range all {
		latest[r.CardID] = r.After
	}
	for card, want := range latest {
		if got, err := db.CardState(ctx, learner, card); err != nil || got != want {
			t.Errorf("%s: state %+v, %v; want the latest review's %+v", card, got, err, want)
		}
	}
}
