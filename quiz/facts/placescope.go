package facts

import (
	"strings"

	"github.com/factdeck/factdeck/quiz"
)

// A location fact of a topic says where the topic happened or lies. A lead
// paragraph also names places of other events: one that was only planned
// ("a planned offensive to isolate rebel forces in Aleppo City"), one that
// came before ("After being defeated at Westport near Kansas City, …"), one
// named in passing ("after … the Battle of Idlib, where they took back the
// main city of Idlib province"), and what a third party did ("…, and the
// Russian Armed Forces again conducted … strikes … throughout northwestern
// Syria"). otherEvents marks the tokens of such parts of a sentence, so that
// placeFacts reads no place there.

// irrealisMods before an event noun make it an event that has not happened:
// "a planned offensive", "a future attack".
var irrealisMods = lowerSet(`planned|proposed|intended|future|potential|possible|hypothetical|expected|
anticipated|upcoming|projected|prospective|contemplated`)

// militaryEvents name military events.
var militaryEvents = lowerSet(`offensive|offensives|attack|attacks|assault|assaults|operation|operations|campaign|
campaigns|invasion|invasions|advance|battle|battles|siege|strike|strikes|counteroffensive|counterattack|
counter-offensive|counter-attack|landing|landings|expedition|raid|raids|push|thrust|drive`)

// preventVerbs say that what follows did not happen: "to prevent Union
// supporters … from fleeing … to … Kansas".
var preventVerbs = lowerSet(`prevent|prevented|preventing|prevents|stop|stopped|stopping|forestall`)

// priorOpeners open a sentence with an adjunct about an earlier or later
// event: "After being defeated at Westport, …".
var priorOpeners = lowerSet(`after|before|prior|following`)

// coordinators start a coordinate clause after a comma: ", and the Russian
// Armed Forces again conducted …".
var coordinators = lowerSet(`and|but|while|whereas`)

// otherEvents returns, for the tokens of c's sentence, whether each belongs
// to a part of the sentence about another event (nil when none does).
func (e *extractor) otherEvents(c *sentCtx) []bool {
	toks := c.s.toks
	var mark []bool
	set := func(a, b int) {
		if mark == nil {
			mark = make([]bool, len(toks))
		}
		for k := a; k < b; k++ {
			mark[k] = true
		}
	}
	// "After being defeated at Westport near Kansas City on October 23,
	// Price's army began to retreat …": the adjunct up to its comma.
	if len(toks) > 2 && priorOpeners[strings.ToLower(toks[0].s)] && (toks[0].s != "Prior" || toks[1].s == "to") {
		set(0, firstComma(toks, 1, min(len(toks), maxClause)))
	}
	for k := 1; k < len(toks); k++ {
		w := strings.ToLower(toks[k].s)
		switch {
		case irrealisMods[w] && (k+1 < len(toks) && militaryEvents[strings.ToLower(toks[k+1].s)] ||
			k+2 < len(toks) && isLowerWord(toks[k+1].s) && militaryEvents[strings.ToLower(toks[k+2].s)]):
			end := clauseStop(toks, k)
			set(k, end)
			k = end
		case preventVerbs[w] && isLowerWord(toks[k].s) && hasFrom(toks, k):
			end := clauseStop(toks, k)
			set(k, end)
			k = end
		case w == "where" && toks[k-1].s == "," && e.otherNamedEvent(c, k-1):
			end := clauseStop(toks, k)
			set(k, end)
			k = end
		case (toks[k].s == ";" || toks[k].s == "," && k+1 < len(toks) && coordinators[toks[k+1].s]) && e.thirdParty(c, k):
			end := clauseStop(toks, k+1)
			set(k, end)
			k = end
		}
	}
	return mark
}

// clauseStop returns where a marked part that starts at toks[k] ends: at the
// next semicolon or at the end of the sentence, at most maxClause tokens on.
func clauseStop(toks []token, k int) int {
	end := min(len(toks), k+maxClause)
	for j := k + 1; j < end; j++ {
		if toks[j].s == ";" {
			return j
		}
	}
	return end
}

// hasFrom reports whether "from" follows toks[k] within a few words, as in
// "prevent Union supporters of the Creek Nation … from fleeing".
func hasFrom(toks []token, k int) bool {
	for j := k + 1; j < len(toks) && j < k+15; j++ {
		if toks[j].s == "from" {
			return true
		}
		if toks[j].s == ";" || fullStop(toks, j) {
			return false
		}
	}
	return false
}

// otherNamedEvent reports whether the words before the comma at toks[k]
// end with the name of an event that is not the topic: "the Battle of Idlib
// of March 2012, where …".
func (e *extractor) otherNamedEvent(c *sentCtx, k int) bool {
	toks := c.s.toks
	for j := k - 1; j >= 0 && j >= k-6; j-- {
		if !notPlaceHeads[strings.ToLower(toks[j].s)] || !isCap(toks[j].s) {
			continue
		}
		a := j
		for a > 0 && a > j-12 && (isCap(toks[a-1].s) || toks[a-1].s == "of") && !sentenceOpeners[strings.ToLower(toks[a-1].s)] {
			a--
		}
		b := min(capRun(toks, j), j+12)
		name := strings.ToLower(c.tokText(a, b))
		t := e.topics[c.topic]
		return !strings.Contains(strings.ToLower(t.Name), name) && !strings.Contains(strings.ToLower(t.Base), name)
	}
	return false
}

// thirdParty reports whether the coordinate clause after toks[k] (", and
// …", "; …") has a named actor of its own that the lead has not named
// before, as a party of the topic, in an earlier sentence or in the
// infobox: ", and the Russian Armed Forces again conducted … strikes".
func (e *extractor) thirdParty(c *sentCtx, k int) bool {
	toks := c.s.toks
	start := k + 1
	if toks[k].s == "," {
		start++
	}
	v := firstVerb(toks, start, min(len(toks), start+8))
	if v <= start || firstComma(toks, start, v) < v {
		return false
	}
	// The first name word tells the actor: "Russian" in "the Russian
	// Armed Forces" (not "Armed", which "Syrian Armed Forces" shares).
	for j := start; j < v; j++ {
		w := toks[j].s
		if !isCap(w) || sentenceOpeners[strings.ToLower(w)] || ranks[strings.ToLower(strings.TrimSuffix(w, "."))] || len(w) < 3 {
			continue
		}
		return !headNouns[strings.ToLower(w)] && !e.lead.words[actorKey(w)]
	}
	return false
}

// actorKey is how a name word is compared with the names a lead gave
// before: lower case, without a possessive, its first five letters, so that
// "Russian" matches "Russia" and "Lee's" matches "Lee".
func actorKey(w string) string {
	w = strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s"))
	n := 0
	for i := range w {
		if n == 5 {
			return w[:i]
		}
		n++
	}
	return w
}

// leadWords are the name words a lead paragraph has given so far, with its
// topic's infobox values (thirdParty).
type leadWords struct {
	p     *para
	words map[string]bool
}

// learnLead adds the capitalised words of c's sentence to the lead's words,
// starting afresh with the topic's infobox values at a new paragraph.
func (e *extractor) learnLead(c *sentCtx) {
	if e.lead.p != c.p {
		e.lead = leadWords{p: c.p, words: map[string]bool{}}
		for w := range e.ibWords[c.topic] {
			e.lead.words[w] = true
		}
	}
	for _, t := range c.s.toks {
		if isCap(t.s) {
			e.lead.words[actorKey(t.s)] = true
		}
	}
}

// learnInfoboxParties records the name words of each topic's infobox
// belligerents, commanders and units.
func (e *extractor) learnInfoboxParties() {
	for k, f := range e.facts {
		if f.Kind != quiz.KindBelligerent && f.Kind != quiz.KindCommander && f.Kind != quiz.KindUnit {
			continue
		}
		if e.ibWords == nil {
			e.ibWords = map[int]map[string]bool{}
		}
		m := e.ibWords[e.factTop[k]]
		if m == nil {
			m = map[string]bool{}
			e.ibWords[e.factTop[k]] = m
		}
		for _, w := range strings.Fields(f.Value) {
			m[actorKey(w)] = true
		}
	}
}

// namePlace records the place an event is named after ("The 2024 Homs
// offensive", "Battle of Raqqa", "Insurgency in Idlib") when its lead
// paragraph names no place of its own ("The offensive ended in the city
// being captured"). The name must stand in the lead's first sentence, which
// the fact cites.
func (e *extractor) namePlace(p *para) {
	if p.topic < 0 || p.topic >= len(e.topics) || e.seen["place\x00"+string(rune(p.topic))] {
		return
	}
	base := e.topics[p.topic].Base
	bt := tokenize(base)
	if len(bt) < 2 || len(bt) > 12 {
		return
	}
	n := -1
	last := strings.ToLower(bt[len(bt)-1].s)
	for k := 1; k+1 < len(bt); k++ {
		if (bt[k].s == "of" && eventHead[strings.ToLower(bt[k-1].s)]) || bt[k].s == "in" && eventHead[strings.ToLower(bt[k-1].s)] {
			n = k + 1 // "Battle of Raqqa", "Insurgency in Idlib"
			break
		}
	}
	if n < 0 && (eventHead[last] || militaryEvents[last]) {
		// "2024 Homs offensive", "Northern Aleppo offensive"
		for n = 0; n < len(bt)-1 && (allDigits(bt[n].s) || monthOf(bt[n].s) > 0 || compass[strings.ToLower(bt[n].s)]); n++ {
		}
	}
	if n < 0 {
		return
	}
	a, b, ok := placeName(bt, n)
	if !ok || b < len(bt)-1 && bt[b].s != "(" {
		return // the name goes on after the place: not an event named after it
	}
	v := base[bt[a].i:bt[b-1].j]
	s := p.sents[0]
	c := &sentCtx{p: p, s: s, text: p.cl.text[s.i:s.j], topic: p.topic, lead: true}
	for k := 0; k+(b-a) <= len(s.toks); k++ {
		if c.tokText(k, k+b-a) == v && (k+b-a == len(s.toks) || !isCap(s.toks[k+b-a].s)) && (k == 0 || !isCap(s.toks[k-1].s) || k > 0 && eventHead[strings.ToLower(s.toks[k-1].s)] || allDigits(s.toks[k-1].s)) {
			e.addPlace(c, v, c.spanTok(e.doc, k, k+b-a), "name")
			return
		}
	}
}
