package store

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/factdeck/factdeck/quiz/srs"
)

// TestFirstReadsAtOnce: a burst of first page views right after start,
// more than the read pool has connections, each reading the queue in a
// read transaction whose statements are not prepared yet. Preparing takes
// a pool connection; if the transactions held every one while waiting for
// another, they would wait for ever.
func TestFirstReadsAtOnce(t *testing.T) {
	d := newQueueDeck(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	const n = 4 * readPool
	errs := make([]error, n)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range n {
		wg.Go(func() {
			<-start
			req := QueueRequest{LearnerID: d.learner, DocID: d.doc.ID, Now: time.Now(), Settings: srs.DefaultSettings()}
			_, errs[i] = d.db.Head(ctx, req)
		})
	}
	close(start)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("read %d of %d: %v", i, n, err)
		}
	}
}
