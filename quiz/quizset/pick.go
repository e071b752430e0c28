package quizset

import (
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/factdeck/factdeck/quiz"
)

// Pick chooses the cards of a new attempt from a deck's cards: those of
// the chosen topics and kinds, never a card held for a teacher's review,
// at most s.Count of them. Every topic gets its turn before any topic gets
// a second question, within a topic the kind asked least so far comes
// first, and two cards of one fact are asked together only when nothing
// else is left. The same cards, settings and seed give the same questions
// in the same order, whatever order the cards come in. A topic whose facts
// have all been asked sits out until no topic has a new fact left. A deck with no card
// matching the settings is a *quiz.ValidationError.
func Pick(cards []quiz.Card, s Settings, seed uint64) ([]string, error) {
	var pool []quiz.Card
	for _, c := range cards {
		if !c.Held && slices.Contains(s.Kinds, c.Kind) && (len(s.Topics) == 0 || slices.Contains(s.Topics, c.TopicID)) {
			pool = append(pool, c)
		}
	}
	if len(pool) == 0 {
		return nil, quiz.Invalid(FieldKinds, "no questions of these kinds on these topics: choose more")
	}
	slices.SortFunc(pool, func(a, b quiz.Card) int { return strings.Compare(a.ID, b.ID) })
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	rng.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })

	var topics []string
	byTopic := map[string][]quiz.Card{}
	for _, c := range pool {
		if _, ok := byTopic[c.TopicID]; !ok {
			topics = append(topics, c.TopicID)
		}
		byTopic[c.TopicID] = append(byTopic[c.TopicID], c)
	}
	kindUsed := map[quiz.CardKind]int{}
	factUsed := map[string]bool{}
	var picked []string
	repeats := false // a round with no new fact left allows repeating facts
	for len(picked) < s.Count && len(picked) < len(pool) {
		before := len(picked)
		for _, t := range topics {
			if len(picked) == s.Count {
				break
			}
			left := byTopic[t]
			if len(left) == 0 {
				continue
			}
			best := 0
			for i, c := range left {
				if penalty(c, kindUsed, factUsed) < penalty(left[best], kindUsed, factUsed) {
					best = i
				}
			}
			c := left[best]
			if !repeats && c.FactKey != "" && factUsed[c.FactKey] {
				continue
			}
			byTopic[t] = slices.Delete(left, best, best+1)
			picked = append(picked, c.ID)
			kindUsed[c.Kind]++
			if c.FactKey != "" {
				factUsed[c.FactKey] = true
			}
		}
		repeats = len(picked) == before
	}
	rng.Shuffle(len(picked), func(i, j int) { picked[i], picked[j] = picked[j], picked[i] })
	return picked, nil
}

// penalty orders a topic's candidates: a fact already asked weighs more
// than any number of questions of the same kind.
func penalty(c quiz.Card, kindUsed map[quiz.CardKind]int, factUsed map[string]bool) int {
	p := kindUsed[c.Kind]
	if c.FactKey != "" && factUsed[c.FactKey] {
		p += 1 << 20
	}
	return p
}
