package gen

import (
	"strings"

	"github.com/factdeck/factdeck/quiz"
)

// A date question has one right answer only if the event it dates is not
// reported on another date too: "Rebels seized control of Morek" happened
// at the start of the battle and again at its end, and "SOHR confirmed the
// government advancements" on two days. Such a sentence is not asked by its
// date.

// datedEvent is a dated sentence of a topic reduced to its content words.
type datedEvent struct {
	text  string
	iso   string
	stems map[string]bool
}

// eventStopWords carry no event: articles, prepositions, auxiliaries.
var eventStopWords = map[string]bool{"the": true, "and": true, "for": true, "from": true, "with": true,
	"into": true, "onto": true, "that": true, "this": true, "was": true, "were": true, "had": true, "has": true,
	"have": true, "been": true, "its": true, "their": true, "his": true, "her": true, "they": true, "which": true,
	"who": true, "also": true, "then": true, "there": true, "after": true, "before": true, "during": true,
	"again": true, "later": true, "some": true, "all": true}

// eventStems are the content words of s outside its date phrases, cut to
// five letters so that "advanced" and "advancements" meet.
func (g *generator) eventStems(s string) map[string]bool {
	for _, h := range g.dates(s) {
		s = s[:h.start] + strings.Repeat(" ", h.end-h.start) + s[h.end:]
	}
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 0x80)
	}) {
		if len(w) < 3 || eventStopWords[w] {
			continue
		}
		if len(w) > 5 {
			w = w[:5]
		}
		out[w] = true
	}
	return out
}

// datedEvents lists the topic's dated prose sentences, built once.
func (g *generator) datedEvents(topicID string) []datedEvent {
	if g.eventIndex == nil {
		g.eventIndex = map[string][]datedEvent{}
		for _, f := range g.facts {
			if f.Date == nil || f.Date.Start.IsZero() || !looksSentence(f.Text) {
				continue
			}
			g.eventIndex[f.TopicID] = append(g.eventIndex[f.TopicID],
				datedEvent{text: f.Text, iso: f.Date.Start.ISO(), stems: g.eventStems(f.Text)})
		}
	}
	return g.eventIndex[topicID]
}

// reportedTwice reports a dated sentence whose event the topic also reports
// on another date: every content word of this sentence (at least two) is in
// another dated sentence of the topic whose date differs.
func (g *generator) reportedTwice(sent string, date quiz.Date, topicID string) bool {
	stems := g.eventStems(sent)
	if len(stems) < 2 {
		return false
	}
	iso := date.ISO()
	for _, e := range g.datedEvents(topicID) {
		if e.iso == iso || e.text == sent || len(e.stems) < len(stems) {
			continue
		}
		all := true
		for w := range stems {
			if !e.stems[w] {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}
