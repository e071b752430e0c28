// Package gen turns the facts read from a document into study cards of six
// kinds (multiple choice, cloze, typed answer, true/false, timeline order and
// matching), each citing its source sentence by byte offsets, with a stable
// id and a quality score. It is pure and deterministic: the same documents
// always give the same cards in the same order.
//
// The approach is overgenerate-and-rank (after Heilman & Smith): every fact
// yields several candidate cards, each card is scored from hand-set features
// of its source sentence, answer and prompt, and cards below
// Options.MinScore are kept but marked Held for a teacher's review.
package gen

import (
	"strings"

	"github.com/factdeck/factdeck/quiz"
)

// Doc is one source document with what the fact extractor read from it.
type Doc struct {
	ID         string // document id or file name; its slug prefixes card ids
	Text       string // the original text; facts' offsets point into it
	Extraction quiz.Extraction
}

// Options tune generation. The zero value is not useful: start from
// DefaultOptions.
type Options struct {
	// MinScore is the quality threshold: cards scoring below it are Held.
	MinScore float64
	// DropHeld removes held cards from the output instead of marking them.
	DropHeld bool
}

// DefaultMinScore is the quality below which a card is held for review.
const DefaultMinScore = 0.5

// DefaultOptions holds cards below DefaultMinScore for review.
func DefaultOptions() Options { return Options{MinScore: DefaultMinScore} }

// Generate returns the cards for doc, in a stable order: per fact in
// document order the mcq, typed, true/false and cloze cards, then the
// timeline and matching cards. others are the other documents of the
// collection; they only lend distractors.
func Generate(doc Doc, others []Doc, opts Options) []quiz.Card {
	g := newGenerator(doc, others, opts)
	var cards []quiz.Card
	for _, frs := range g.allFrames() {
		for _, fr := range frs {
			cards = append(cards, g.mcq(fr)...)
			cards = append(cards, g.typed(fr)...)
			cards = append(cards, g.trueFalse(fr)...)
			cards = append(cards, g.cloze(fr)...)
		}
	}
	cards = append(cards, g.orderCards()...)
	cards = append(cards, g.matchCards()...)
	return g.finish(cards)
}

// finish scores the cards, drops duplicates (same id, or same kind, prompt
// and answer) and applies the review threshold.
func (g *generator) finish(cards []quiz.Card) []quiz.Card {
	seenID := map[string]bool{}
	seenQ := map[string]bool{}
	out := cards[:0]
	for _, c := range cards {
		q := string(c.Kind) + "\x00" + norm(c.Prompt) + "\x00" + norm(c.Answer)
		if seenID[c.ID] || seenQ[q] || givesAway(&c) {
			continue
		}
		seenID[c.ID], seenQ[q] = true, true
		if placeholderIn(c.Prompt) || placeholderName(c.Topic) {
			c.Score = 0 // an untitled article's "Document" topic: the student cannot tell what is meant
		}
		c.Held = c.Score < g.opts.MinScore
		if c.Held && g.opts.DropHeld {
			continue
		}
		out = append(out, c)
	}
	return out
}

// placeholderName reports the extractor's name for an untitled article.
func placeholderName(s string) bool { return strings.TrimSpace(s) == "Document" }

// placeholderIn reports "Document" used as a name in a prompt.
func placeholderIn(prompt string) bool { return containsWords(prompt, "Document") }

// givesAway drops accepted aliases that the prompt itself shows and
// reports whether the prompt shows the answer (or an alias of it), which
// would make the card trivially guessable.
func givesAway(c *quiz.Card) bool {
	switch c.Kind {
	case quiz.CardMCQ, quiz.CardTyped, quiz.CardCloze:
	default:
		return false
	}
	np := norm(c.Prompt)
	var keep []string
	for _, a := range c.Accept {
		if !containsWord(np, norm(a)) {
			keep = append(keep, a)
		}
	}
	c.Accept = keep
	return containsWord(np, norm(c.Answer)) || c.FactKind != quiz.KindDate && namesGiven(np, c.Answer) ||
		(c.AnswerType == "date" || c.Kind == quiz.CardMCQ && c.FactKind == quiz.KindDate) && dateGiven(np, c.Answer)
}

// dateGiven reports a date answer whose every part the prompt shows, if
// not together: "at the end of _____" → October 2016 under the topic
// "Aleppo offensive (October–November 2016)".
func dateGiven(np, answer string) bool {
	ws := strings.Fields(norm(answer))
	if len(ws) < 2 {
		return false
	}
	for _, w := range ws {
		if !containsWord(np, w) {
			return false
		}
	}
	return true
}

// genericWords do not identify a place or group on their own.
var genericWords = map[string]bool{"governorate": true, "province": true, "county": true, "parish": true,
	"district": true, "city": true, "region": true, "syria": true, "the": true, "of": true, "and": true,
	"river": true, "state": true, "army": true, "forces": true, "al": true}

// namesGiven reports an answer whose identifying words all appear in the
// prompt: "March 2020 Daraa clashes … in the _____" → "Daraa Governorate".
func namesGiven(np, answer string) bool {
	ws := strings.Fields(norm(answer))
	if len(ws) < 2 {
		return false
	}
	n := 0
	for _, w := range ws {
		if genericWords[w] {
			continue
		}
		if !containsWord(np, w) {
			return false
		}
		n++
	}
	return n > 0
}

// topicInfo is what prompts need to name a topic.
type topicInfo struct {
	id, name, base string
	main           bool
	the            bool // the text calls it "The …"
	event          bool // a battle, offensive or other happening (vs a group or place)
	aliases        []string
	lead           [2]int // byte range of the topic's first prose paragraph
	year           int    // the year the topic starts, when known
}

// ref names the topic in running text, with "the" where the document uses it.
func (t topicInfo) ref(capital bool) string {
	if !t.the {
		return t.name
	}
	if capital {
		return "The " + t.name
	}
	return "the " + t.name
}

var eventWords = []string{"battle", "offensive", "campaign", "operation", "siege", "clashes",
	"insurgency", "war", "massacre", "raid", "assault", "attack", "timeline", "uprising", "expedition"}

func newTopicInfo(t quiz.Topic, text string) topicInfo {
	ti := topicInfo{id: t.ID, name: t.Name, base: t.Base, main: t.Main, aliases: t.Aliases}
	if ti.name == "" {
		ti.name = t.Base
	}
	if ti.base == "" {
		ti.base = ti.name
	}
	lower := strings.ToLower(ti.base)
	for _, w := range eventWords {
		if containsWord(norm(lower), w) {
			ti.event = true
		}
	}
	ti.the = startsWithThe(ti, t, text)
	ti.lead = leadOf(t, text)
	ti.year = t.Date.Start.Year
	return ti
}

// startsWithThe decides whether the topic's name takes "the": from how the
// document itself introduces it, else from whether it looks like an event
// or an organisation named by common nouns.
func startsWithThe(ti topicInfo, t quiz.Topic, text string) bool {
	if strings.HasPrefix(strings.ToLower(ti.name), "the ") {
		return false
	}
	if ti.event {
		return !strings.HasPrefix(ti.base, "Operation ")
	}
	if t.Start >= 0 && t.Start < t.End && t.End <= len(text) {
		para := text[t.Start:t.End]
		if i := strings.Index(para, ti.base); i >= 4 && strings.EqualFold(para[i-4:i], "the ") {
			return true
		}
		if strings.HasPrefix(para, ti.base) {
			return false
		}
	}
	return ti.event && !strings.HasPrefix(ti.base, "Operation ")
}

// leadOf finds a topic's first prose paragraph: the first line of its text
// that is not an infobox row and runs to a sentence or more.
func leadOf(t quiz.Topic, text string) [2]int {
	if t.Start < 0 || t.End > len(text) || t.Start >= t.End {
		return [2]int{}
	}
	for off := t.Start; off < t.End; {
		end := strings.IndexByte(text[off:t.End], '\n')
		if end < 0 {
			end = t.End - off
		}
		line := text[off : off+end]
		if len(line) >= 80 && !strings.Contains(line, " | ") && strings.Contains(line, ". ") || len(line) >= 80 && strings.HasSuffix(strings.TrimSpace(line), ".") && !strings.Contains(line, " | ") {
			return [2]int{off, off + end}
		}
		off += end + 1
	}
	return [2]int{}
}

// inLead reports a source offset inside the topic's lead paragraph.
func (t topicInfo) inLead(pos int) bool { return pos >= t.lead[0] && pos < t.lead[1] }
