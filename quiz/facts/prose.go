package facts

import (
	"strings"

	"github.com/factdeck/factdeck/quiz"
)

// irregularPast are past-tense verbs that do not end in "-ed".
var irregularPast = lowerSet(`began|took|fell|fought|led|left|won|lost|broke|came|went|held|struck|drove|ran|
made|became|gave|met|sent|withdrew|overran|retook|rose|saw|set|shot|spent|stood|swept|threw|beat|hit|cut|
put|split|hid|said|told|sought|brought|built|caught|chose|fled|got|grew|kept|laid|lay|was|were|is|are|has|had|
remained|declared|ended|began|launched|captured|seized|entered|occurred|joined|became|died`)

// participles name or describe the noun before them rather than act:
// "a group called …", "a region known as …".
var participles = lowerSet(`called|named|known|dubbed|nicknamed|titled|termed|styled`)

// asideStarters open a clause that sits between a subject and its verb.
var asideStarters = lowerSet(`along|including|led|backed|supported|which|who|whose|together|alongside|
especially|namely|such|with|both|as|mainly|mostly|primarily`)

// sentCtx is one sentence being read, with its paragraph.
type sentCtx struct {
	p     *para
	s     sent
	text  string // cleaned sentence
	topic int
	lead  bool // the paragraph is the first of its topic
}

// fact starts a fact citing the sentence.
func (c *sentCtx) fact(kind quiz.FactKind, value string, entity quiz.Entity) quiz.Fact {
	a, b := c.p.cl.orig(c.s.i, c.s.j)
	return quiz.Fact{Kind: kind, Value: value, Entity: entity, Start: a, End: b}
}

// spanTok returns the original bytes of tokens toks[a:b] when verbatim.
func (c *sentCtx) spanTok(doc string, a, b int) [2]int {
	return spanOf(doc, &c.p.cl, c.s.i+c.s.toks[a].i, c.s.i+c.s.toks[b-1].j)
}

// tokText is the cleaned text of tokens toks[a:b] as written.
func (c *sentCtx) tokText(a, b int) string {
	if b <= a {
		return ""
	}
	return c.text[c.s.toks[a].i:c.s.toks[b-1].j]
}

// proseFacts reads the facts of every sentence of a paragraph.
func (e *extractor) proseFacts(p *para) {
	ctx := e.dateContext(p.topic)
	leadKey := "lead\x00" + string(rune(p.topic))
	lead := !e.seen[leadKey]
	e.seen[leadKey] = true
	n0 := len(e.facts)
	for _, s := range p.sents {
		c := &sentCtx{p: p, s: s, text: p.cl.text[s.i:s.j], topic: p.topic, lead: lead}
		e.dateFacts(c, ctx)
		e.relationFacts(c)
		e.placeFacts(c)
		e.proseUnitFacts(c)
		e.countFactsProse(c)
		e.outcomeFacts(c)
	}
	if lead && len(p.sents) > 0 {
		e.dropNameDate(n0, p)
		e.namePlace(p)
	}
}

// dateContext returns the running date context of a topic.
func (e *extractor) dateContext(topic int) *dateCtx {
	if e.dateCtxs == nil {
		e.dateCtxs = map[int]*dateCtx{}
	}
	ctx := e.dateCtxs[topic]
	if ctx == nil {
		ctx = &dateCtx{}
		if d := e.topics[topic].Date; !d.IsZero() && e.topics[topic].Main {
			ctx.year = d.Start.Year
		}
		e.dateCtxs[topic] = ctx
	}
	return ctx
}

// dateFacts records each date of a sentence with the event it dates.
func (e *extractor) dateFacts(c *sentCtx, ctx *dateCtx) {
	e.anaphoraFact(c, ctx)
	ms := findDates(c.s.toks, ctx)
	ms = append(ms, yearEvents(c.s.toks, ms)...)
	for k := 0; k < len(ms); k++ {
		m := ms[k]
		if k+1 < len(ms) && beganEnded(c.s.toks, m, ms[k+1]) {
			e.rangeFact(c, m, ms[k+1])
			k++
			continue
		}
		f := c.fact(quiz.KindDate, c.text[m.i:m.j], quiz.EntityDate)
		r := m.r
		f.Date = &r
		f.Span = c.spanTok(e.doc, m.ti, m.tj)
		if a := parenthesisedName(c.s.toks, m); a >= 0 {
			f.Event = c.tokText(a, m.ti-1) // "the American Civil War (1861–1865)"
		} else if end := namedEvent(c.s.toks, m); end > 0 {
			f.Event = c.tokText(m.ti, end) // the event the date names
		} else if a := dateNamesEvent(c.s.toks, m); a >= 0 {
			k := m.ti - 1
			for toks := c.s.toks; toks[k].s != "in" && toks[k].s != "from"; k-- {
			}
			f.Event = c.tokText(a, k) // "the government offensive in 2018"
			if e.rangeKnown(c.topic, r) {
				continue // "After the battle from 2012 to 2016" after "began in 2012 and ended in 2016"
			}
		} else if inRestrictiveRelative(c.s.toks, m.ti) {
			continue
		} else {
			f.Subject, f.Event = eventOf(c, m.ti, m.tj)
			if f.Subject == "" && f.Event != "" && !e.topics[c.topic].Main {
				f.Subject = e.topics[c.topic].Base // a lead paragraph is about its subject
			}
		}
		if f.Event == "" || membershipState(f.Event) {
			continue // a date of nothing, or the date of a membership fact
		}
		e.add(c.topic, f)
	}
}

// isVerb reports whether toks[k] looks like a finite past-tense verb.
func isVerb(toks []token, k int) bool {
	w := toks[k].s
	if h := strings.LastIndexByte(w, '-'); h > 0 && isLowerWord(w) && h+1 < len(w) {
		w = w[h+1:] // "counter-attacked"; "Turkish-backed" is not lower-case
		if !strings.HasSuffix(w, "ed") || strings.HasPrefix(toks[k].s, "well-") {
			return false
		}
	}
	if !isLowerWord(w) {
		return false
	}
	if k > 0 {
		switch strings.ToLower(toks[k-1].s) {
		case "the", "a", "an", "its", "their", "of", "most", "well", "relatively", "highly", "by", "with", "into", "against", "for", "from":
			return false // "supported by allied groups": an adjective
		case "and":
			if !irregularPast[w] { // "and wounded"; but "and declared"
				return false
			}
		}
	}
	if participles[w] && (k == 0 || !isAux(toks[k-1].s)) {
		return false // "a coalition called the Military Operations Command"
	}
	return irregularPast[w] || (len(w) > 4 && strings.HasSuffix(w, "ed"))
}

// eventOf finds who did what at the date in toks[a:b]: for "On 29 November
// 2024, … Tahrir al-Sham, along with …, entered the … city of Aleppo" the
// subject "Tahrir al-Sham" and the event "entered Aleppo"; for "… fell to
// rebel forces in 2012 and was recaptured … in 2020" the verb nearest
// before each date.
func eventOf(c *sentCtx, a, b int) (string, string) {
	toks := c.s.toks
	if b < len(toks) && toks[b].s == "," && a <= 8 && firstVerb(toks, 0, a) < 0 {
		verb := firstVerb(toks, b+1, len(toks))
		if verb < 0 {
			return "", ""
		}
		return subjectOf(c, b+1, verb), simplifyEvent(c.tokText(verb, eventEnd(toks, verb)))
	}
	start := clauseStart(toks, a)
	verb := -1
	for k := a - 1; k >= start; k-- {
		if isVerb(toks, k) {
			verb = k
			break
		}
	}
	end := a
	if verb < 0 {
		if g := gerundBefore(toks, start, a); g >= 0 {
			// "… claim to be in control … after launching their
			// offensive on Wednesday": the gerund is the event and the
			// sentence's subject its actor.
			return subjectOf(c, 0, firstComma(toks, 0, g)), c.tokText(g, a)
		}
		if verb = firstVerb(toks, b, len(toks)); verb < 0 {
			// The date's clause is an adjunct (", on February 20,
			// 1864, during …"): it dates the verb of the clause before.
			if start > 0 && toks[start].s == "(" {
				for start < a && toks[start].s != ")" {
					start++ // ", (then Indian Territory) on December 26, 1861,"
				}
				start++
			}
			if start == 0 || start >= a || !adjunctPreps[strings.ToLower(toks[start].s)] {
				return "", ""
			}
			for k := start - 2; k >= 0 && k >= a-maxClause; k-- {
				if isVerb(toks, k) {
					verb = k
					break
				}
			}
			if verb < 0 {
				return "", ""
			}
			start = clauseStart(toks, verb)
		}
		end = eventEnd(toks, verb)
	}
	if verb > 0 && isAux(toks[verb-1].s) {
		verb--
	}
	if end == a {
		v := verb
		if isAux(toks[v].s) && v+1 < a {
			v++
		}
		end = min(end, max(v+1, outcomeEnd(toks, v)))
	}
	for end > verb+1 && trailingJunk[strings.ToLower(toks[end-1].s)] {
		end--
	}
	subj := relativeSubject(c, verb)
	if first := firstVerb(toks, start, verb+1); subj == "" && first > start {
		subj = subjectOf(c, start, first)
	}
	return subj, simplifyEvent(c.tokText(verb, end))
}

// eventEnd returns the end of the event phrase whose verb is at toks[k]: the
// clause, carried over an appositive name (", Abu Abdullah Taoum,"), and
// no further than the outcome phrase would go (a date, a new clause or a
// circumstance ends it).
func eventEnd(toks []token, k int) int {
	end := clauseEnd(toks, k)
	for guard := 0; guard < 2 && end+2 < len(toks) && toks[end].s == ","; guard++ {
		r := capRun(toks, end+1)
		if r <= end+2 || r >= len(toks) || toks[r].s != "," {
			break
		}
		end = clauseEnd(toks, r+1)
	}
	return min(end, max(k+1, outcomeEnd(toks, k)))
}

// gerundBefore returns the gerund after a preposition in toks[start:a]
// ("after launching"), or -1.
func gerundBefore(toks []token, start, a int) int {
	for k := a - 1; k > start; k-- {
		if strings.HasSuffix(toks[k].s, "ing") && isLowerWord(toks[k].s) && len(toks[k].s) > 5 {
			switch toks[k-1].s {
			case "after", "before", "upon", "while", "by", "since":
				return k
			}
		}
	}
	return -1
}

// firstComma returns the index of the first comma in toks[from:to], or to.
func firstComma(toks []token, from, to int) int {
	for k := from; k < to; k++ {
		if toks[k].s == "," {
			return k
		}
	}
	return to
}

// trailingJunk are words an event phrase must not end with.
var trailingJunk = lowerSet(`of|in|on|at|the|early|late|mid|end|by|since|from|during|around|until|and|
a|an|to|between|before|after|as|for|with|night|morning|evening|beginning|start`)

// firstVerb returns the first verb in toks[from:to], skipping asides
// (", along with …,") and passive participles ("groups led by"), or -1.
func firstVerb(toks []token, from, to int) int {
	to = min(to, from+maxClause)
	byVerb := -1
	for k := from; k < to; k++ {
		if toks[k].s == "," && k+1 < len(toks) && asideStarters[strings.ToLower(toks[k+1].s)] {
			k = skipAside(toks, k+1)
			continue
		}
		if !isVerb(toks, k) {
			continue
		}
		if k+1 < len(toks) && toks[k+1].s == "by" && k > from && !isAux(toks[k-1].s) {
			if byVerb < 0 {
				byVerb = k // "groups led by …", unless no other verb follows: "Grant moved by riverboat"
			}
			continue
		}
		return k
	}
	return byVerb
}

// clauseEnd returns the end of the clause that starts at toks[k]: the next
// comma, semicolon or full stop, at most 15 words on.
func clauseEnd(toks []token, k int) int {
	end := k + 1
	for end < len(toks) && end < k+16 && toks[end].s != "," && toks[end].s != ";" && !fullStop(toks, end) {
		end++
	}
	for end > k+1 && trailingJunk[strings.ToLower(toks[end-1].s)] {
		end--
	}
	return end
}

// fullStop reports whether toks[k] is a dot that ends a sentence, not the
// dot of an initial or an abbreviation ("Robert E. Lee", "Confederate Gen.
// Robert E. Lee").
func fullStop(toks []token, k int) bool {
	if toks[k].s != "." {
		return false
	}
	return k == 0 || !(isInitials(toks[k-1].s) || abbreviations[strings.ToLower(toks[k-1].s)])
}

// isAux reports whether w is an auxiliary verb ("was captured by").
func isAux(w string) bool {
	switch w {
	case "was", "were", "is", "are", "been", "be", "had", "has", "have":
		return true
	}
	return false
}

// maxClause bounds how far clause scans look, in tokens, so that a huge
// sentence without punctuation stays linear.
const maxClause = 40

// clauseStart returns the start of the comma-delimited clause holding toks[a].
func clauseStart(toks []token, a int) int {
	for k := a - 1; k >= 0 && k >= a-maxClause; k-- {
		if toks[k].s == "," || toks[k].s == ";" {
			return k + 1
		}
	}
	return max(0, a-maxClause)
}

// skipAside returns the index of the comma closing an aside opened at k, or
// the last token.
func skipAside(toks []token, k int) int {
	for end := min(len(toks), k+maxClause); k < end; k++ {
		if toks[k].s == "," {
			return k
		}
	}
	return k - 1
}

// pronouns stand for a subject named elsewhere.
var pronouns = lowerSet(`it|they|which|who|this|that|these|he|she|its|there|but|and|the following`)

// subjectOf reads the subject in toks[start:verb], preferring a name that
// ends it: "Syrian opposition group Tahrir al-Sham" → "Tahrir al-Sham". It
// returns "" for pronouns.
func subjectOf(c *sentCtx, start, verb int) string {
	toks := c.s.toks
	for start < verb && (pronouns[strings.ToLower(toks[start].s)] && start+1 < verb) {
		start++
	}
	end := start
	for end < verb && toks[end].s != "," && !copulas[toks[end].s] {
		if (toks[end].s == "led" || toks[end].s == "backed") && end+1 < verb && toks[end+1].s == "by" {
			break
		}
		end++
	}
	if end-start > 14 || end == start || pronouns[strings.ToLower(c.tokText(start, end))] {
		return ""
	}
	for k := start; k < end; k++ {
		if e := capRun(toks, k); e == end && !sentenceOpeners[strings.ToLower(toks[k].s)] {
			return c.tokText(k, e)
		} else if e > k {
			k = e - 1
		}
	}
	s := c.tokText(start, end)
	if strings.HasPrefix(s, "The ") {
		s = "the " + s[4:]
	}
	return s
}

// simplifyEvent shortens "entered the Syrian government-held city of Aleppo"
// to "entered Aleppo".
func simplifyEvent(ev string) string {
	for _, kw := range []string{" city of ", " town of ", " village of "} {
		k := strings.Index(ev, kw)
		if k < 0 {
			continue
		}
		head := ev[:k]
		if t := strings.Index(head, " the "); t >= 0 && !strings.Contains(head[t:], ",") {
			return head[:t+1] + ev[k+len(kw):]
		}
	}
	return ev
}
