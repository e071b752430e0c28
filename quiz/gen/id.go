package gen

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"strings"

	"github.com/factdeck/factdeck/quiz"
)

// cardID derives a card's id from the document slug, the card kind and the
// fact's identity (kind, topic, side, value, subject), the asked value and
// the normalised source sentence: never from wording or counters, so
// regenerating a document gives the same ids, and a card whose sentence
// changed gets a new id (its old id then marks the stale card).
func (g *generator) cardID(kind quiz.CardKind, parts ...string) string {
	return g.slug + "-" + string(kind) + "-" + hash(parts...)[:12]
}

// factKey identifies a fact without its sentence, so that a store can tell
// a changed fact (same key, new id) from a new one.
func (g *generator) factKey(key string) string {
	return g.slug + "-" + hash(key)[:12]
}

func hash(parts ...string) string {
	h := sha256.Sum256([]byte(strings.Join(parts, "\x1f")))
	return hex.EncodeToString(h[:])
}

// rng is a small deterministic generator (splitmix64) seeded per card, so
// shuffles depend only on the card's id.
type rng struct{ s uint64 }

func newRNG(id string) *rng {
	h := sha256.Sum256([]byte(id))
	return &rng{binary.LittleEndian.Uint64(h[:8])}
}

func (r *rng) next() uint64 {
	r.s += 0x9e3779b97f4a7c15
	z := r.s
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

func (r *rng) intn(n int) int { return int(r.next() % uint64(n)) }

// shuffle permutes xs in place (Fisher–Yates) and returns the new index of
// the element that was at index keep.
func shuffle[T any](r *rng, xs []T, keep int) int {
	for i := len(xs) - 1; i > 0; i-- {
		j := r.intn(i + 1)
		xs[i], xs[j] = xs[j], xs[i]
		switch keep {
		case i:
			keep = j
		case j:
			keep = i
		}
	}
	return keep
}
