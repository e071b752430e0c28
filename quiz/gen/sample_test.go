package gen

import (
	"math/rand/v2"
	"os"
	"strconv"
	"testing"

	"github.com/factdeck/factdeck/quiz"
)

// reviewSeed is the sampling seed of the latest card review in
// docs/quality.md (run 11; run 10 used 20261203, run 9 20261202, run 8 20261201, run 7 20261130, run 6
// 20261129, run 5 20261128, run 4 20261127, runs 1–3 20241129). GEN_SAMPLE_SEED
// overrides it, for looking at other samples while tuning without
// spoiling the blind review.
const reviewSeed = 20261204

// TestReviewSample writes the review sample (50 shown seed cards, 50 shown
// corpus cards) as text when GEN_SAMPLE names a file: the cards a person
// then reads and judges in docs/quality.md.
func TestReviewSample(t *testing.T) {
	out := os.Getenv("GEN_SAMPLE")
	if out == "" {
		t.Skip("set GEN_SAMPLE=file to write the review sample")
	}
	seed := loadDoc(t, seedPath)
	corpus := loadCorpus(t)
	fromSeed := shownOnly(Generate(seed, corpus, DefaultOptions()))
	var fromCorpus []quiz.Card
	for _, cs := range shownCorpus(seed, corpus) {
		fromCorpus = append(fromCorpus, cs...)
	}
	var rs uint64 = reviewSeed
	if v := os.Getenv("GEN_SAMPLE_SEED"); v != "" {
		n, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		rs = n
	}
	t.Logf("sampling seed %d: %d shown seed cards, %d shown corpus cards", rs, len(fromSeed), len(fromCorpus))
	r := rand.New(rand.NewPCG(rs, rs))
	pick := func(cs []quiz.Card) []quiz.Card {
		p := r.Perm(len(cs))[:50]
		var s []quiz.Card
		for _, i := range p {
			s = append(s, cs[i])
		}
		return s
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	WriteText(f, append(pick(fromSeed), pick(fromCorpus)...))
}

// shownOnly keeps the cards shown to students.
func shownOnly(cards []quiz.Card) []quiz.Card {
	var out []quiz.Card
	for _, c := range cards {
		if !c.Held {
			out = append(out, c)
		}
	}
	return out
}

// shownCorpus generates each corpus document's cards, with the seed and
// the other corpus documents as the collection, and keeps the shown ones.
func shownCorpus(seed Doc, corpus []Doc) [][]quiz.Card {
	out := make([][]quiz.Card, len(corpus))
	for i, d := range corpus {
		others := append(append([]Doc{seed}, corpus[:i]...), corpus[i+1:]...)
		out[i] = shownOnly(Generate(d, others, DefaultOptions()))
	}
	return out
}
