package facts

import (
	"strings"

	"github.com/factdeck/factdeck/quiz"
)

// dayAnaphora open a sentence that happens on the day last dated: "That
// day, …", "Later that day, …", "During the afternoon, …", "Meanwhile, …".
var dayAnaphora = lowerSet(`that day|later that day|earlier that day|the same day|on the same day|
later the same day|that night|that evening|that morning|during the morning|during the afternoon|
during the evening|during the night|in the morning|in the afternoon|in the evening|meanwhile|concurrently|
simultaneously|at the same time`)

// anaphoraLen returns how many tokens a leading day anaphora takes, when a
// comma follows it, else 0.
func anaphoraLen(toks []token) int {
	for n := 1; n <= 4 && n < len(toks); n++ {
		if toks[n].s == "," && dayAnaphora[strings.ToLower(joinTokens(toks[:n]))] {
			return n
		}
	}
	return 0
}

// eventNouns end the name of an event that a date modifies: "the March 2020
// Idlib ceasefire", "The 2024 Hama offensive".
var eventNouns = lowerSet(`offensive|ceasefire|cease-fire|clashes|battle|war|campaign|uprising|attack|attacks|
siege|massacre|coup|agreement|accord|treaty|elections|election|protests|revolution|intervention|operation|
insurgency|conflict|crisis|truce|armistice|invasion|raid|bombing|bombings|earthquake`)

// refPreps introduce an event used as a point of reference in time.
var refPreps = lowerSet(`since|after|before|following|until|till`)

// namedEvent returns the end of an event name that the date mention m
// modifies ("since the March 2020 Idlib ceasefire", "The March 2020 Daraa
// clashes was …"), or -1. Only year and month dates name events this way,
// and only after a temporal preposition or at the start of the sentence;
// "during the 2024 … offensive" is a part-of relation instead.
func namedEvent(toks []token, m dateMention) int {
	if m.r.Start.Day != 0 || !m.r.End.IsZero() || m.ti == 0 {
		return -1
	}
	prev := strings.ToLower(toks[m.ti-1].s)
	if prev == "the" && m.ti >= 2 {
		prev = strings.ToLower(toks[m.ti-2].s)
	}
	if !refPreps[prev] && !(prev == "the" && m.ti == 1) {
		return -1
	}
	k := m.tj
	for k < len(toks) && k < m.tj+6 && isCap(toks[k].s) && monthOf(toks[k].s) == 0 {
		k++
	}
	switch {
	case k == m.tj:
		return -1
	case eventNouns[strings.ToLower(toks[k-1].s)]:
		return k
	case k < len(toks) && eventNouns[toks[k].s]:
		return k + 1
	}
	return -1
}

// beganEnded reports whether two date mentions are the ends of one span:
// "began in 2012 and ended in 2016".
func beganEnded(toks []token, a, b dateMention) bool {
	if a.ti < 2 || b.ti-a.tj != 3 || a.r.Start.Day != 0 && b.r.Start.Day == 0 {
		return false
	}
	switch strings.ToLower(toks[a.ti-2].s) {
	case "began", "started", "begun":
	default:
		return false
	}
	mid := strings.ToLower(joinTokens(toks[a.tj:b.ti]))
	return mid == "and ended in" || mid == "and ended on" || mid == "and lasted until" || mid == "and ended by"
}

// anaphoraFact dates a sentence that opens with a day anaphora ("That day,
// the AANES …") with the day last dated in the topic.
func (e *extractor) anaphoraFact(c *sentCtx, ctx *dateCtx) {
	n := anaphoraLen(c.s.toks)
	if n == 0 || ctx.day == 0 || ctx.month == 0 {
		return
	}
	f := c.fact(quiz.KindDate, c.tokText(0, n), quiz.EntityDate)
	f.Date = &quiz.DateRange{Start: quiz.Date{Year: ctx.year, Month: ctx.month, Day: ctx.day}}
	f.Span = c.spanTok(e.doc, 0, n)
	f.Subject, f.Event = eventOf(c, 0, n)
	if f.Event != "" {
		e.add(c.topic, f)
	}
}

// rangeFact records "began in 2012 and ended in 2016" as one span.
func (e *extractor) rangeFact(c *sentCtx, a, b dateMention) {
	r := quiz.DateRange{Start: a.r.Start, End: b.r.Start}
	if !b.r.End.IsZero() {
		r.End = b.r.End
	}
	if !a.r.Start.Before(r.End) {
		return
	}
	f := c.fact(quiz.KindDate, formatRange(r), quiz.EntityDate)
	f.Date = &r
	f.Subject, _ = eventOf(c, a.ti, a.tj)
	f.Event = strings.ToLower(c.s.toks[a.ti-2].s) + " and " + c.s.toks[b.ti-2].s
	e.add(c.topic, f)
}

// relativeSubject returns the antecedent of a relative pronoun before
// toks[verb] (", which began …"): the noun phrase before the comma, back to
// a preposition or verb, or "".
func relativeSubject(c *sentCtx, verb int) string {
	toks := c.s.toks
	if verb < 3 || toks[verb-2].s != "," {
		return ""
	}
	switch strings.ToLower(toks[verb-1].s) {
	case "which", "who", "that":
	default:
		return ""
	}
	end := verb - 2
	start := end
	for start > 0 && start > end-6 && isWordTok(toks[start-1].s) && !stopBefore(toks, start-1) {
		start--
	}
	if start == end {
		return ""
	}
	s := c.tokText(start, end)
	if strings.HasPrefix(s, "The ") {
		s = "the " + s[4:]
	}
	return s
}

// stopBefore reports whether toks[k] ends a noun phrase looking back.
func stopBefore(toks []token, k int) bool {
	w := strings.ToLower(toks[k].s)
	return refPreps[w] || yearContext[w] && w != "of" || isVerb(toks, k) || w == "than" || w == "at" || w == "on" || w == "with"
}

// yearEvents finds years that only name an event ("The 2024 Hama offensive
// was …", "since the 2018 offensive"), which findDates leaves alone because
// a bare number after "the" is rarely a year otherwise.
func yearEvents(toks []token, ms []dateMention) []dateMention {
	var out []dateMention
	for k := 1; k < len(toks) && k < maxClause*4; k++ {
		y := yearOf(toks[k].s)
		if y == 0 || !strings.EqualFold(toks[k-1].s, "the") || covered(ms, k) {
			continue
		}
		m := dateMention{i: toks[k].i, j: toks[k].j, ti: k, tj: k + 1, r: quiz.DateRange{Start: quiz.Date{Year: y}}}
		if namedEvent(toks, m) > 0 {
			out = append(out, m)
		}
	}
	return out
}

// covered reports whether token k lies in one of the mentions.
func covered(ms []dateMention, k int) bool {
	for _, m := range ms {
		if k >= m.ti && k < m.tj {
			return true
		}
	}
	return false
}

// dateNamesEvent returns the start of the event noun phrase that a date
// right after it dates ("since the government offensive in 2018", "After a series of
// clashes in early 2019", "After the battle from 2012 to 2016") when a
// temporal preposition introduces it, or -1; the phrase ends before "in" or
// "from".
func dateNamesEvent(toks []token, m dateMention) int {
	k := m.ti - 1
	for k > 0 && (toks[k].s == "early" || toks[k].s == "late" || toks[k].s == "mid") {
		k--
	}
	if k < 1 || (toks[k].s != "in" && toks[k].s != "from") || !eventNouns[strings.ToLower(toks[k-1].s)] {
		return -1
	}
	a := npStart(toks, k-1)
	if a == 0 || !refPreps[strings.ToLower(toks[a-1].s)] {
		return -1 // "launched the offensive in early March 2013": the verb's event
	}
	for a < k-1 && isArticle(toks[a].s) {
		a++
	}
	return a
}

// dropNameDate removes the date fact that only repeats the date in the
// topic's name ("The Aleppo offensive of October–November 2016 …", "The
// 2024 Homs offensive …") when the same lead paragraph dates the topic more
// precisely within it ("at the end of October 2016"); with no such date
// ("The 2024 Hama offensive was …") the name's date is the fact.
func (e *extractor) dropNameDate(n0 int, p *para) {
	t := e.topics[p.topic]
	if t.Main {
		return
	}
	first := p.sents[0]
	a, b := p.cl.orig(first.i, first.j)
	drop := -1
	var name quiz.DateRange
	for k := n0; k < len(e.facts); k++ {
		f := e.facts[k]
		if f.Kind == quiz.KindDate && f.Date != nil && f.Start == a && f.End == b &&
			((!t.Date.IsZero() && *f.Date == t.Date) || strings.EqualFold(f.Event, t.Base)) {
			drop, name = k, *f.Date
			break
		}
	}
	if drop < 0 {
		return
	}
	for k := n0; k < len(e.facts); k++ {
		f := e.facts[k]
		if k != drop && f.Kind == quiz.KindDate && f.Date != nil && *f.Date != name && within(*f.Date, name) {
			e.facts = append(e.facts[:drop], e.facts[drop+1:]...)
			e.factTop = append(e.factTop[:drop], e.factTop[drop+1:]...)
			return
		}
	}
}

// within reports whether the dates r fall inside the span of outer, each
// compared at the precision outer gives ("end of October 2016" is within
// "October–November 2016").
func within(r, outer quiz.DateRange) bool {
	end := outer.End
	if end.IsZero() {
		end = outer.Start
	}
	return !trunc(r.Start, outer.Start.Precision()).Before(outer.Start) && !end.Before(trunc(r.Start, end.Precision()))
}

// trunc cuts a date to a precision.
func trunc(d quiz.Date, p quiz.Precision) quiz.Date {
	if p < quiz.PrecisionDay {
		d.Day = 0
	}
	if p < quiz.PrecisionMonth {
		d.Month = 0
	}
	return d
}

// adjunctPreps open a clause that is only a time or place adjunct.
var adjunctPreps = lowerSet(`on|in|at|during|by|from|between|until|since|around|near|from`)

// parenthesisedName returns the start of the name that a date in
// parentheses right after it belongs to ("the American Civil War
// (1861–1865)"), or -1.
func parenthesisedName(toks []token, m dateMention) int {
	k := m.ti - 1
	if k < 1 || toks[k].s != "(" || m.tj >= len(toks) || toks[m.tj].s != ")" || !isCap(toks[k-1].s) {
		return -1
	}
	a := k - 1
	for a > 0 && a > k-10 && (isCap(toks[a-1].s) || isParticleWord(toks[a-1].s) ||
		(lowerJoiners[toks[a-1].s] && a > 1 && isCap(toks[a-2].s))) {
		a--
	}
	if a > 1 && toks[a-1].s == "of" && eventHead[toks[a-2].s] {
		a -= 2 // "the capture of New Orleans (April 25 – May 1, 1862)"
	}
	for a < k-1 && (strings.EqualFold(toks[a].s, "the") || toks[a].s == "of") {
		a++
	}
	return a
}

// rangeKnown reports whether a date fact of the topic already has exactly
// this range of dates: the same span named again is the same event.
func (e *extractor) rangeKnown(topic int, r quiz.DateRange) bool {
	if r.End.IsZero() {
		return false
	}
	return e.ranges[topicRange{topic, r}]
}

// topicRange keys the ranges of dates already given to a topic's events.
type topicRange struct {
	topic int
	r     quiz.DateRange
}

// inRestrictiveRelative reports whether the date at toks[a] sits in a
// relative clause without a comma and without an event verb ("cells … that
// have been active since 2018"): a state that tells which thing is meant,
// not an event; the verb before the clause ("Clashes began") is not dated
// by it. "announced that …" is a complement, not a relative clause.
func inRestrictiveRelative(toks []token, a int) bool {
	start := clauseStart(toks, a)
	for k := a - 1; k > start; k-- {
		w := toks[k].s
		if w == "that" || w == "who" {
			p := toks[k-1].s
			return (isLowerWord(p) || isCap(p)) && !isVerb(toks, k-1) && !isAux(p) && !saysVerbs[strings.ToLower(p)]
		}
		if isVerb(toks, k) {
			return false
		}
	}
	return false
}

// saysVerbs take a "that" complement.
var saysVerbs = lowerSet(`say|says|said|claim|claims|report|reports|announce|announces|state|states|believe|believed|so|such|now`)

// membershipState reports whether an event is a membership held over a time
// ("was part of …", "was a member of …"): the membership fact carries it.
func membershipState(ev string) bool {
	for _, p := range []string{"was part of ", "were part of ", "was a member of ", "were members of "} {
		if strings.HasPrefix(ev, p) {
			return true
		}
	}
	return false
}
