// Package facts reads a source document (an encyclopedia-style article with
// an optional flattened infobox, or plain prose) and returns its topics and
// typed facts, each citing its source by byte offsets into the original
// text. It is pure and deterministic: text in, facts out.
package facts

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/factdeck/factdeck/quiz"
)

// Errors for input that is not text.
var (
	// ErrInvalidUTF8 means the document is not valid UTF-8.
	ErrInvalidUTF8 = errors.New("document is not valid UTF-8 text")
	// ErrBinary means the document holds NUL bytes, as binary files do.
	ErrBinary = errors.New("document is binary (contains NUL bytes)")
)

// sent is one sentence of a paragraph, in cleaned coordinates.
type sent struct {
	i, j int
	toks []token
}

// para is one prose paragraph (a line of the document).
type para struct {
	cl    cleaned
	sents []sent
	topic int
}

// extractor holds the state of one extraction.
type extractor struct {
	doc      string
	lex      *lexicon
	topics   []quiz.Topic
	hints    []string // per topic: a code name or place to tell it apart
	facts    []quiz.Fact
	factTop  []int // topic index of each fact
	seen     map[string]bool
	dateCtxs map[int]*dateCtx
	ev       eventTopics
	acr      map[string]string       // initials → the name they abbreviate
	surnames map[string]int          // last word of a person's full name → topics named in full (bit per topic < 64)
	short    map[int]map[string]bool // per topic: the short forms of its name (shortForms)
	ranges   map[topicRange]bool     // ranges of dates of the date facts recorded (rangeKnown)
	ibWords  map[int]map[string]bool // per topic: name words of its infobox parties (thirdParty)
	lead     leadWords               // name words of the lead paragraph read so far (thirdParty)
}

// Extract reads doc and returns its topics and facts. It fails only for
// input that is not text; an empty document gives an empty extraction.
func Extract(doc string) (quiz.Extraction, error) {
	if i := strings.IndexByte(doc, 0); i >= 0 {
		return quiz.Extraction{}, fmt.Errorf("%w: NUL at byte %d", ErrBinary, i)
	}
	if !utf8.ValidString(doc) {
		i := invalidAt([]byte(doc))
		return quiz.Extraction{}, fmt.Errorf("%w: invalid byte at %d", ErrInvalidUTF8, i)
	}
	e := &extractor{doc: doc, lex: newLexicon(), seen: map[string]bool{},
		ev: eventTopics{byKey: map[string]int{}, lastOf: map[string]int{}}}
	lines := splitLines(doc)
	ib := parseInfobox(doc, lines)
	paras := e.paragraphs(lines[ib.end:])
	e.learnNames(paras)
	e.learnAcronyms(paras)
	e.findTopics(ib, paras)
	e.infoboxFacts(ib)
	e.learnInfoboxParties()
	for k := range paras {
		e.proseFacts(&paras[k])
	}
	disambiguate(e.topics, e.hints)
	return e.result(), nil
}

// invalidAt returns the offset of the first invalid UTF-8 sequence.
func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// paragraphs cleans and splits the prose lines, skipping blank lines, table
// rows and headings.
func (e *extractor) paragraphs(lines []line) []para {
	var out []para
	for _, l := range lines {
		s := trimSpan(e.doc, span(l))
		if s.j == s.i || isPipeRow(e.doc, l) || strings.HasPrefix(e.doc[s.i:s.j], "|") || isHeading(e.doc[s.i:s.j]) {
			continue
		}
		p := para{cl: clean(e.doc, s.i, s.j)}
		for _, sp := range sentences(p.cl.text) {
			p.sents = append(p.sents, sent{i: sp[0], j: sp[1], toks: tokenize(p.cl.text[sp[0]:sp[1]])})
		}
		out = append(out, p)
	}
	return out
}

// isHeading reports whether a line is a section heading: short, and not
// ending like a sentence.
func isHeading(s string) bool {
	if len(s) > 80 || strings.Count(s, " ") > 8 {
		return false
	}
	return !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "\"") && !strings.HasSuffix(s, ".”")
}

// result assembles the extraction, filling each fact's topic.
func (e *extractor) result() quiz.Extraction {
	x := quiz.Extraction{Topics: e.topics, Facts: e.facts}
	for k := range x.Facts {
		t := e.topics[e.factTop[k]]
		x.Facts[k].Topic, x.Facts[k].TopicID = t.Name, t.ID
	}
	if len(e.topics) > 0 {
		x.Title = e.topics[0].Name
	}
	if len(x.Topics) == 0 {
		x.Topics = nil
	}
	return x
}

// add records a fact unless the same fact was already recorded.
func (e *extractor) add(topic int, f quiz.Fact) {
	if f.Value == "" || topic < 0 || topic >= len(e.topics) {
		return
	}
	key := fmt.Sprint(topic, f.Kind, f.Side, strings.ToLower(f.Value), f.Start, f.Role)
	if e.seen[key] {
		return
	}
	e.seen[key] = true
	if f.Span[1] > f.Span[0] && e.doc[f.Span[0]:f.Span[1]] != f.Value {
		f.Span = [2]int{}
	}
	f.Text = e.doc[f.Start:f.End]
	e.facts = append(e.facts, f)
	e.factTop = append(e.factTop, topic)
	if f.Kind == quiz.KindPerson || f.Kind == quiz.KindCommander {
		e.learnSurname(f.Value, topic)
	}
	if f.Kind == quiz.KindDate && f.Date != nil && !f.Date.End.IsZero() {
		if e.ranges == nil {
			e.ranges = map[topicRange]bool{}
		}
		e.ranges[topicRange{topic, *f.Date}] = true
	}
}

// learnSurname records the family name of a person named in full
// ("Bassel al-Assad" → "assad"), so that the name alone can be read later.
func (e *extractor) learnSurname(name string, topic int) {
	ws := strings.Fields(name)
	if len(ws) < 2 {
		return
	}
	last := strings.ToLower(ws[len(ws)-1])
	if h := strings.LastIndexByte(last, '-'); h >= 0 && particles[last[:h]] {
		last = last[h+1:]
	}
	if e.surnames == nil {
		e.surnames = map[string]int{}
	}
	e.surnames[last] |= 1 << (topic % 63)
}

// spanOf returns the original bytes of cleaned text[i:j] as a span, when
// they hold the same text (no marker was removed inside).
func spanOf(doc string, cl *cleaned, i, j int) [2]int {
	a, b := cl.orig(i, j)
	if doc[a:b] == cl.text[i:j] {
		return [2]int{a, b}
	}
	return [2]int{}
}
