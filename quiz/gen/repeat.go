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
	taken map[string]bool // places the sentence tells were captured
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
				datedEvent{text: f.Text, iso: f.Date.Start.ISO(), stems: g.eventStems(f.Text), taken: takenPlaces(f.Text)})
		}
	}
	return g.eventIndex[topicID]
}

// reportedTwice reports a dated sentence whose event the topic also reports
// on another date: every content word of this sentence (at least two) is in
// another dated sentence of the topic whose date differs.
func (g *generator) reportedTwice(sent, source string, date quiz.Date, topicID string) bool {
	stems := g.eventStems(sent)
	if len(stems) < 2 {
		return false
	}
	iso := date.ISO()
	taken := takenPlaces(sent)
	for _, e := range g.datedEvents(topicID) {
		if e.iso == iso || e.text == sent || e.text == source {
			continue
		}
		for p := range taken {
			if e.taken[p] {
				return true // "the military secured Maaloula" and, months later, "once more took control of Maaloula"
			}
		}
		if len(e.stems) < len(stems) {
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

// captureVerbs tell that a place changed hands.
var captureVerbs = map[string]bool{"captured": true, "seized": true, "secured": true, "retook": true,
	"recaptured": true, "regained": true, "overran": true, "stormed": true, "liberated": true, "took": true,
	"capture": true, "recapture": true, "control": true}

// takenPlaces are the names a sentence tells were captured: the capitalised
// words within a few words after a capture verb ("secured Maaloula", "took
// control of Maaloula"), or right before "fell".
func takenPlaces(s string) map[string]bool {
	ws := strings.Fields(s)
	var out map[string]bool
	add := func(j int) {
		w := strings.Trim(ws[j], ",.;:()\"“”")
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		if len(w) < 4 || !upperStart(w) || monthWords[w] {
			return
		}
		if w == ws[j] && j+1 < len(ws) && !upperStart(ws[j+1]) && !placeFollowers[strings.Trim(ws[j+1], ",.;:")] {
			return // "Aleppo airport", "Hama countryside": a place in or near it, not the place
		}
		if out == nil {
			out = map[string]bool{}
		}
		out[strings.ToLower(w)] = true
	}
	for i, raw := range ws {
		w := strings.ToLower(strings.Trim(raw, ",.;:"))
		switch {
		case captureVerbs[w]:
			for j := i + 1; j < len(ws) && j <= i+4; j++ {
				add(j)
				if strings.ContainsAny(ws[j], ",.;") {
					break
				}
			}
		case w == "fell" && i > 0:
			add(i - 1)
		}
	}
	return out
}

// placeFollowers may follow a place's name without making it a modifier.
var placeFollowers = map[string]bool{"from": true, "on": true, "in": true, "at": true, "after": true, "and": true,
	"by": true, "with": true, "to": true, "following": true, "as": true, "which": true, "for": true, "city": true,
	"town": true, "village": true, "itself": true, "fell": true, "was": true, "were": true, "had": true}
