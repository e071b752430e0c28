package store_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/factdeck/factdeck/quiz"
	"github.com/factdeck/factdeck/quiz/teach"
)

// TestTeacherQuotaConcurrentUploads: uploads that each fit the teacher's
// quota but not together, sent at once through two handles on one
// database (two app servers): exactly one is stored. On PostgreSQL this is
// what the upload's SERIALIZABLE transaction is for: each checks the quota
// and inserts, and the write skew aborts and retries all but one.
func TestTeacherQuotaConcurrentUploads(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "q.db")
	servers := []interface {
		CreateTeacherDocument(context.Context, int64, quiz.Document, []quiz.Card) (quiz.Document, error)
	}{mustOpenDB(t, path), mustOpenDB(t, path)}
	db := mustOpenDB(t, path)
	owner, err := db.CreateLearner(ctx)
	if err != nil {
		t.Fatal(err)
	}
	full := strings.Repeat("x", teach.MaxDocumentBytes)
	for i := range 4 { // 8 MB of 10
		if _, err := db.CreateTeacherDocument(ctx, owner, quiz.Document{Slug: fmt.Sprint("d", i), Title: "T", Body: full[i:]}, nil); err != nil {
			t.Fatal(err)
		}
	}
	const n = 6
	errs := make([]error, n)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range n {
		wg.Go(func() {
			<-start
			body := strings.Repeat(string(rune('a'+i)), 3<<19) // 1.5 MB: one fits, two do not
			_, errs[i] = servers[i%2].CreateTeacherDocument(ctx, owner, quiz.Document{Slug: fmt.Sprint("u", i), Title: "U", Body: body}, nil)
		})
	}
	close(start)
	wg.Wait()
	stored := 0
	for i, err := range errs {
		var verr *quiz.ValidationError
		switch {
		case err == nil:
			stored++
		case !errors.As(err, &verr):
			t.Errorf("upload %d: %v, want stored or refused for the quota", i, err)
		}
	}
	if stored != 1 {
		t.Errorf("%d of %d concurrent uploads stored, want exactly 1", stored, n)
	}
	if q, _ := db.TeacherQuota(ctx, owner); q.Bytes > teach.MaxTotalBytes {
		t.Errorf("teacher keeps %d bytes, over the %d quota", q.Bytes, teach.MaxTotalBytes)
	}
}
