package gen

import (
	"regexp"
	"strings"

	"github.com/factdeck/factdeck/quiz"
)

// frame is one fact seen as a question: what is asked, the answer, where
// the answer sits in the (cleaned) source sentence and which other values
// are also true and so may never be offered as wrong.
type frame struct {
	f        quiz.Fact
	t        topicInfo
	sent     string // cleaned source sentence, its opening resolved
	sentOK   bool   // the sentence stands on its own (no dangling pronoun)
	prose    bool   // a sentence, not an infobox cell
	answer   string
	class    string // distractor class
	question string // a natural question; "" when only a blank-stem fits
	typedOK  bool   // the answer is unique and short enough to type
	blank    [2]int // answer span in sent; zero when not found
	date     *quiz.DateRange
	dateHit  *dateHit
	num      *numberHit
	exclude  map[string]bool       // norm values that are also true
	state    func(v string) string // true/false statement with v as value
	key      string                // fact identity for ids
	noSwap   bool                  // no verified-false swap exists
	dates    int                   // date expressions in the sentence (dateFrame)
	when     *whenMemo             // whenQuestion's answer, computed once
	named    string                // the name an abbreviation stands for (aliasFrame)
	pool     *poolLists            // poolScan's candidates, computed once
	shown    bool                  // the sentence names the answer elsewhere: no blank card
	ps       *personSlot           // what person options must share, computed once
	accept   []string              // other right answers the frame knows of (typed)
}

// hasBlank reports whether the answer was found in the sentence.
func (fr *frame) hasBlank() bool { return fr.blank[1] > fr.blank[0] }

// frames turns a fact into the questions it supports: the value itself and,
// for a dated prose fact, its date.
func (g *generator) frames(f quiz.Fact) []*frame {
	t := g.topicOf(f)
	base := frame{f: f, t: t, exclude: map[string]bool{}}
	base.sent = g.cleaned(f.Text)
	base.prose = looksSentence(base.sent) && f.Side == 0
	base.sentOK = true
	if base.prose {
		base.sent, base.sentOK = resolveStart(base.sent, t)
		base.sent = g.nameCity(base.sent, t)
	}
	base.key = strings.Join([]string{string(f.Kind), t.id, itoa(f.Side), norm(f.Value), norm(f.Subject)}, "|")
	sents := []string{base.sent}
	if base.prose {
		if parts := spliceParts(base.sent); parts != nil {
			// A comma splice is quoted clause by clause: each is a sentence
			// of its own, and the fact's value lies in one of them.
			sents = parts
		}
	}
	var value, date *frame
	for k, s := range sents {
		b := base
		b.sent = s
		b.exclude = map[string]bool{}
		if value == nil {
			if fr, ok := g.valueFrame(b); ok && (!fr.prose || len(sents) == 1 || fr.hasBlank()) {
				value = fr
			}
		}
		if date == nil {
			if fr, ok := g.dateFrame(b); ok && !(len(sents) > 1 && k == 0 && fr.dateHit != nil && fr.dateHit.end >= len(s)-2) {
				date = fr // a date just before the splice may belong to either clause
			}
		}
	}
	var out []*frame
	for _, fr := range []*frame{value, date} {
		if fr != nil {
			trimTail(fr)
			out = append(out, fr)
		}
	}
	return out
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	neg := n < 0
	if neg {
		n = -n
	}
	for ; n > 0; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	if neg {
		s = "-" + s
	}
	return s
}

var sentenceEndRE = regexp.MustCompile(`[.!?]["”']?$`)

func looksSentence(s string) bool {
	return words(s) >= 5 && sentenceEndRE.MatchString(s) && !strings.Contains(s, "|")
}

// valueFrame asks for the fact's value.
func (g *generator) valueFrame(fr frame) (*frame, bool) {
	f := fr.f
	v := strings.Trim(stripFlags(strings.TrimSpace(f.Value)), `"“”`)
	if v == "" || strings.ContainsAny(v, "[]|") || (f.Kind == quiz.KindDate && f.Date != nil) || !nameLike(v) {
		return nil, false
	}
	if f.Kind == quiz.KindDefinition && !containsWord(norm(g.cleaned(f.Text)), norm(v)) {
		return g.definitionFrame(fr, v)
	}
	if f.Kind == quiz.KindMembership {
		if sf, ok := g.supportFrame(fr, v); ok {
			return sf, true
		}
	}
	if !containsWord(norm(g.cleaned(f.Text)), norm(v)) && f.Number == 0 && f.Entity != quiz.EntityNumber {
		return nil, false // the value must be read in its source, not inferred
	}
	fr.answer = v
	fr.class = classOf(f)
	fr.exclude[norm(v)] = true
	for _, a := range g.alias.of(v) {
		fr.exclude[norm(a)] = true
	}
	switch {
	case f.Side > 0 && isSideKind(f.Kind):
		return g.sideFrame(fr)
	case f.Kind == quiz.KindCodename:
		return g.codenameFrame(fr)
	case f.Kind == quiz.KindAlias:
		return g.aliasFrame(fr)
	case f.Number != 0 || f.Entity == quiz.EntityNumber:
		return g.numberFrame(fr)
	}
	return g.blankFrame(fr)
}

func isSideKind(k quiz.FactKind) bool {
	switch k {
	case quiz.KindBelligerent, quiz.KindCommander, quiz.KindUnit, quiz.KindStrength, quiz.KindCasualties:
		return true
	}
	return false
}

// locate finds v once in the sentence; a value that occurs twice would be
// given away by its other occurrence, so it is not blanked.
func locate(sent, v string) ([2]int, bool) {
	i := strings.Index(sent, v)
	if i < 0 {
		lower := strings.ToLower(sent)
		i = strings.Index(lower, strings.ToLower(v))
		if i < 0 {
			return [2]int{}, false
		}
		if strings.Contains(lower[i+len(v):], strings.ToLower(v)) {
			return [2]int{}, false
		}
		return [2]int{i, i + len(v)}, true
	}
	if strings.Contains(sent[i+len(v):], v) {
		return [2]int{}, false
	}
	return [2]int{i, i + len(v)}, true
}

// definitionFrame states a definition the extractor put together from a
// sentence that does not hold it in one piece ("a region known as "Greater
// Idlib", consisting of …" → Greater Idlib is a region consisting of …): a
// true statement only, when the term and every word of the definition are
// in the source.
func (g *generator) definitionFrame(fr frame, v string) (*frame, bool) {
	subj := fr.f.Subject
	if subj == "" || placeholderName(subj) {
		subj = fr.t.base
	}
	src := norm(g.cleaned(fr.f.Text))
	if subj == "" || v == "" || v[0] < 'a' || v[0] > 'z' || !containsWord(src, norm(subj)) || words(v) > 15 {
		return nil, false
	}
	for _, w := range strings.Fields(norm(v)) {
		if !containsWord(src, w) {
			return nil, false // a word the source does not have: not read, inferred
		}
	}
	art := "a "
	if strings.ContainsRune("aeiou", rune(v[0])) {
		art = "an "
	}
	fr.answer, fr.class, fr.prose, fr.noSwap = v, "phrase", false, true
	fr.state = func(x string) string { return subj + " is " + art + x + "." }
	return &fr, true
}

// blankFrame is the generic frame: the value is blanked in its sentence and
// the question asks which value completes it.
func (g *generator) blankFrame(fr frame) (*frame, bool) {
	if !fr.prose {
		return g.infoboxFrame(fr)
	}
	span, ok := locate(fr.sent, fr.answer)
	if !ok {
		return nil, false
	}
	if fr.class == "person" {
		span = dropRanks(fr.sent, span) // "Brigadier General John S. Marmaduke": the rank stays in the sentence
	}
	fr.answer = fr.sent[span[0]:span[1]]
	if fr.class == "person" && (possessiveName(fr.answer) || cutAtInitial(fr.answer)) {
		return nil, false // "George G. Meade's Army": swapping or blanking it garbles the sentence
	}
	if fr.class == "place" && (g.personName(fr.answer) || len(g.namesByLast[fr.answer]) > 0) {
		return nil, false // "Hooker recrossed …": a person's surname read as a place
	}
	if nameGoesOn(fr.sent, span[1]) {
		return nil, false // "the _____ on Ice campaign": the answer is cut from a longer name
	}
	fr.blank = span
	fr.shown = namedElsewhere(&fr)
	fr.typedOK = words(fr.answer) <= 5 && typedClass(fr.class) && !fr.shown
	// Other values of the same slot in the same sentence are true as well.
	for _, x := range g.factsInSentence(fr.f) {
		if classOf(x) == fr.class {
			fr.exclude[norm(x.Value)] = true
		}
	}
	fr.state = func(v string) string { return fr.sent[:span[0]] + v + fr.sent[span[1]:] }
	fr.noSwap = !swapClass(fr.class)
	return &fr, true
}

// dropRanks moves the start of a person's span past leading rank and role
// words, so that the blank holds the name alone.
func dropRanks(sent string, span [2]int) [2]int {
	for {
		v := sent[span[0]:span[1]]
		i := strings.IndexByte(v, ' ')
		if i < 0 {
			return span
		}
		w := strings.ToLower(strings.TrimSuffix(v[:i], "."))
		if roleWords[w] == "" && roleWords[w+"."] == "" {
			return span
		}
		span[0] += i + 1
	}
}

// nameGoesOn reports a capitalised answer that the sentence continues with
// "of"/"on" and another capitalised word: "Trail of Blood" in "Trail of
// Blood on Ice".
func nameGoesOn(sent string, end int) bool {
	ws := strings.Fields(sent[end:])
	if len(ws) < 2 || end == 0 || !upperStart(sent[:end][strings.LastIndexByte(sent[:end], ' ')+1:]) {
		return false
	}
	if ws[0] != "on" && ws[0] != "of" {
		return false
	}
	nx := strings.Trim(ws[1], ",.;:")
	return upperStart(nx) && !monthWords[nx] && nx != "The"
}

// typedClass lists the answer types a student can reasonably type.
func typedClass(c string) bool {
	switch c {
	case "person", "place", "group", "operation", "codename", "date", "number", "state":
		return true
	}
	return false
}

// swapClass lists classes where swapping in another value of the document
// is verified false: a wrong group or person for a named actor. Places and
// phrases are not: many places see the same event.
func swapClass(c string) bool { return c == "person" }

// factsInSentence returns the facts citing the same source text.
func (g *generator) factsInSentence(f quiz.Fact) []quiz.Fact {
	return g.bySource[[2]int{f.Start, f.End}]
}

// infoboxFrame asks about an infobox value that has no side: location,
// result, part of, overall casualties.
func (g *generator) infoboxFrame(fr frame) (*frame, bool) {
	if !containsWord(norm(g.cleaned(fr.f.Text)), norm(fr.answer)) {
		return nil, false
	}
	ref := fr.t.ref(false)
	switch fr.f.Kind {
	case quiz.KindLocation:
		if first := strings.TrimSpace(strings.Split(fr.answer, ",")[0]); containsWord(norm(fr.t.name), norm(first)) ||
			sharesDistinctWord(first, fr.t.name) {
			return nil, false // "Where did the Battle of Sarrin take place?" → "Sarrin, …": the name says it
		}
		fr.question = "Where did " + ref + " take place?"
		fr.state = func(v string) string { return upperFirst(ref) + " took place in " + v + "." }
	case quiz.KindPartOf:
		if g.courseWide(fr.answer) {
			return nil, false // "The Battle of Morek was part of the Syrian Civil War": true of every card in the deck
		}
		// No question: other documents' "part of" cells make poor options.
		art := ""
		if strings.Contains(strings.ToLower(fr.f.Text), "the "+strings.ToLower(fr.answer)) && !strings.HasPrefix(strings.ToLower(fr.answer), "the ") {
			art = "the " // "the 2024 Syrian opposition offensives": the cell's article
		}
		fr.state = func(v string) string { return upperFirst(ref) + " was part of " + art + lowerThe(v) + "." }
	case quiz.KindOutcome:
		// No question: result cells run several outcomes together, and
		// another battle's result may be just as true here.
		return nil, false
	case quiz.KindCasualties, quiz.KindCount:
		return countFrame(fr, ref)
	default:
		return nil, false
	}
	fr.noSwap = true
	return &fr, true
}

var countNounRE = regexp.MustCompile(`^(\d[\d,]*)\s+([a-z]+(?: [a-z]+)?) (killed|wounded|injured|captured|missing|displaced)$`)

// countFrame asks "How many civilians were killed in …?" for an infobox
// count such as "22 civilians killed".
func countFrame(fr frame, ref string) (*frame, bool) {
	m := countNounRE.FindStringSubmatch(fr.answer)
	if m == nil {
		return nil, false
	}
	hs := findNumbers(m[1])
	if len(hs) != 1 {
		return nil, false
	}
	h := hs[0]
	fr.num = &h
	fr.class = "number"
	fr.answer = m[1]
	fr.question = "How many " + m[2] + " were " + m[3] + " in " + ref + ", according to its infobox?"
	fr.typedOK = true
	fr.state = func(v string) string {
		return "According to its infobox, " + v + " " + m[2] + " were " + m[3] + " in " + ref + "."
	}
	fr.noSwap = false
	return &fr, true
}

func lowerThe(v string) string {
	if strings.HasPrefix(v, "The ") {
		return "the " + v[4:]
	}
	return v
}

// junkRanks are rank abbreviations cut from names.
var junkRanks = map[string]bool{"Lt": true, "Gen": true, "Col": true, "Maj": true, "Capt": true, "Brig": true,
	"Sgt": true, "Adm": true, "Cmdr": true}

// junkValue reports infobox debris: a rank cut from a name, an image caption
// ("Emblem of …", "….svg", "Flag of …"). String checks: it runs on every
// distractor candidate of every document.
func junkValue(v string) bool {
	if junkRanks[strings.TrimSuffix(v, ".")] {
		return true
	}
	l := strings.ToLower(v)
	if l == "see" || strings.HasPrefix(l, "see ") {
		return true // "See ISIL order of battle": a cross-reference, not a unit
	}
	if strings.HasPrefix(l, "emblem") && (len(l) == 6 || !isWordByte(l[6])) || containsWords(l, "flag of") {
		return true
	}
	for off := 0; ; {
		i := strings.Index(l[off:], ".svg")
		if i < 0 {
			return false
		}
		j := off + i + 4
		if j == len(l) || !isWordByte(l[j]) {
			return true
		}
		off = j
	}
}

// nameLike rejects values too slight to ask about: single function words
// or fragments left by extraction ("of", "in", "militias").
func nameLike(v string) bool {
	n := norm(v)
	if len(n) < 2 {
		return false
	}
	if strings.ToLower(v) == v && !strings.ContainsAny(v, "0123456789") && words(v) < 2 {
		return false
	}
	if junkValue(v) || strings.Count(v, "\"")%2 == 1 {
		return false
	}
	return true
}

// rangeEnd reports a number that is one end of a range: "3–4", "10 to 15",
// "between 20 and 30".
func rangeEnd(s string, start, end int) bool {
	before, after := s[max(0, start-5):start], s[end:min(len(s), end+5)]
	return strings.HasSuffix(before, "–") || strings.HasSuffix(before, "-") || strings.HasSuffix(before, " to ") ||
		strings.HasPrefix(after, "–") || strings.HasPrefix(after, "-") || strings.HasPrefix(after, " to ") ||
		strings.HasSuffix(before, " and ") && strings.Contains(strings.ToLower(s[max(0, start-40):start]), "between")
}
