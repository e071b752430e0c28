package store

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/factdeck/factdeck/quiz/srs"
)

// A process-local read cache for the three things every study page view
// reads: the session, the learner's settings and the head of the learner's
// queue (DB.Head). With SQLite this process is the only writer, so it knows
// every write: a write that concerns one learner (a review, an undo, the
// learner's settings) bumps that learner's stripe, any other write (cards,
// documents, sets, accounts) bumps the global generation, and a session
// write bumps the session's stripe. A reader notes the counters before it
// reads the database and stores its result under them; a result is served
// only while they are unchanged, so a write that lands while a result is
// being read makes that result unusable rather than stale. Queue heads also
// expire when time moves a learning card into the queue, and at the
// learner's midnight.
//
// With several app servers on one database (PostgreSQL) another node's
// writes are invisible here, so the cache is off (DB.local false): see
// docs/deploy.md.

// stripes is the number of per-learner (and per-session) counters. Learners
// share stripes by id; a shared stripe only costs an extra database read.
const stripes = 1 << 12

// cacheEntries bounds each cache; when full an arbitrary entry is dropped.
const cacheEntries = 1 << 14

type localCache struct {
	gen      atomic.Uint64
	learners [stripes]atomic.Uint64
	sessions [stripes]atomic.Uint64

	mu       sync.Mutex
	heads    map[headKey]headEntry
	settings map[int64]settingsEntry
	sess     map[string]sessionEntry
}

func newLocalCache() *localCache {
	return &localCache{
		heads:    map[headKey]headEntry{},
		settings: map[int64]settingsEntry{},
		sess:     map[string]sessionEntry{},
	}
}

// stamp is the counters a cached result was read under.
type stamp struct{ gen, stripe uint64 }

func (c *localCache) learnerStamp(id int64) stamp {
	return stamp{c.gen.Load(), c.learners[uint64(id)%stripes].Load()}
}

func (c *localCache) sessionStamp(token string) stamp {
	return stamp{0, c.sessions[fnv(token)%stripes].Load()}
}

func (c *localCache) touchLearner(id int64) { c.learners[uint64(id)%stripes].Add(1) }
func (c *localCache) touchSession(t string) { c.sessions[fnv(t)%stripes].Add(1) }
func (c *localCache) touchAll()             { c.gen.Add(1) }

func fnv(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// put stores v under k in m, dropping an arbitrary entry when m is full.
func put[K comparable, V any](mu *sync.Mutex, m map[K]V, k K, v V) {
	mu.Lock()
	defer mu.Unlock()
	if _, ok := m[k]; !ok && len(m) >= cacheEntries {
		for old := range m {
			delete(m, old)
			break
		}
	}
	m[k] = v
}

func get[K comparable, V any](mu *sync.Mutex, m map[K]V, k K) (V, bool) {
	mu.Lock()
	defer mu.Unlock()
	v, ok := m[k]
	return v, ok
}

type headKey struct {
	learner, doc, set int64
	topic             string
}

type headEntry struct {
	stamp
	settings  srs.Settings
	ahead     time.Duration
	from      time.Time // the Now it was read at
	until     time.Time // when time changes it: a learning card comes due, or midnight
	dayStart  time.Time
	head      QueueHead
	newAtHead bool
}

type settingsEntry struct {
	stamp
	settings srs.Settings
}

type sessionEntry struct {
	stamp
	data   []byte
	expiry time.Time
	found  bool
}

// sameLimits reports whether two settings give the same queue.
func sameLimits(a, b srs.Settings) bool {
	return a.NewPerDay == b.NewPerDay && a.ReviewsPerDay == b.ReviewsPerDay && a.TimeZone == b.TimeZone
}

// cachedHead is DB.Head's result for req if a cached one still holds.
func (c *localCache) cachedHead(req QueueRequest) (QueueHead, bool) {
	e, ok := get(&c.mu, c.heads, headKey{req.LearnerID, req.DocID, req.SetID, req.TopicID})
	if !ok || e.stamp != c.learnerStamp(req.LearnerID) || !sameLimits(e.settings, req.Settings) ||
		e.ahead != req.LearnAhead || req.Now.Before(e.from) || !req.Now.Before(e.until) {
		return QueueHead{}, false
	}
	if start, _ := dayBounds(req.Now, req.Settings.Location()); !start.Equal(e.dayStart) {
		return QueueHead{}, false
	}
	h := e.head
	h.Items = append([]QueueItem(nil), h.Items...)
	if e.newAtHead { // a new card's state is "new as of now"
		h.Items[0].State = srs.NewCard(req.Now)
	}
	return h, true
}

// nextChange is when time alone changes the learner's queue after now:
// the earliest moment a learning card comes due or comes within the
// learn-ahead window, or the end of the learner's day.
func nextChange(ctx context.Context, tx *readTx, q queue) (time.Time, error) {
	var due, aheadDue sql.NullString
	err := tx.QueryRowContext(ctx, `SELECT MIN(due), MIN(CASE WHEN due > $3 THEN due END)
		FROM card_states WHERE learner_id = `+learnerArg+` AND state IN (1, 3) AND due > $2`,
		q.LearnerID, ts(q.Now), ts(q.Now.Add(max(q.LearnAhead, 0)))).Scan(&due, &aheadDue)
	if err != nil {
		return time.Time{}, fmt.Errorf("store: next learning step of learner %d: %w", q.LearnerID, err)
	}
	until := q.dayEnd
	for _, v := range []struct {
		s     sql.NullString
		shift time.Duration
	}{{due, 0}, {aheadDue, max(q.LearnAhead, 0)}} {
		if !v.s.Valid {
			continue
		}
		t, err := parseTS(v.s.String)
		if err != nil {
			return time.Time{}, err
		}
		if t = t.Add(-v.shift); t.Before(until) {
			until = t
		}
	}
	return until, nil
}

// cloneSettings copies s so that a caller changing its slices cannot change
// the cached value.
func cloneSettings(s srs.Settings) srs.Settings {
	s.LearningSteps = append([]time.Duration(nil), s.LearningSteps...)
	s.RelearningSteps = append([]time.Duration(nil), s.RelearningSteps...)
	if len(s.LearningSteps) == 0 {
		s.LearningSteps = nil
	}
	if len(s.RelearningSteps) == 0 {
		s.RelearningSteps = nil
	}
	return s
}

// SetLocalCache turns the process-local read cache on or off; call it
// before the database is shared between goroutines. It is on for SQLite,
// where this process sees every write; the load tests turn it off to
// measure reads that reach the database, as the first page view after
// every grade does. On PostgreSQL it stays off: other app servers write
// the same database, and their writes never reach this cache.
func (db *DB) SetLocalCache(on bool) {
	switch {
	case on && db.dialect == postgres:
		db.cache = nil
	case on && db.cache == nil:
		db.cache = newLocalCache()
	case !on:
		db.cache = nil
	}
}
