package facts

import (
	"strings"

	"github.com/factdeck/factdeck/quiz"
)

// membershipFact records "joined X", "led by X", "backed by X", "was part
// of X" at toks[k] as a minimal phrase: for a passive ("groups led by X",
// "fighters aligned with X") the noun phrase just before the verb and the
// verb's object; for an active verb the clause's subject (unless a pronoun)
// and the object. A date, a new clause or a circumstance ends it
// ("joined the Army of Conquest on 24 March 2015 and took part …").
func (e *extractor) membershipFact(c *sentCtx, k int) {
	toks := c.s.toks
	var start int
	switch toks[k].s {
	case "aligned", "allied":
		start = npStart(toks, k)
		if k+1 < len(toks) && toks[k+1].s != "with" && toks[k+1].s != "to" {
			start = k // an adjective: "allied Turkish-backed rebel groups in the Syrian Interim Government"
		}
	case "led", "backed", "supported", "spearheaded":
		start = npStart(toks, k)
	default:
		start = clauseStart(toks, k)
		if np := npStart(toks, k); np < k && np > start && isArticle(toks[np].s) {
			start = np // "But after a few months the group left HTS"
		}
		if k-start > 8 {
			start = k
		}
	}
	end := outcomeEnd(toks, k)
	if start == k && end-k < 3 && (toks[k].s == "allied" || toks[k].s == "aligned") {
		return // "and allied groups" says nothing about whom
	}
	for start < k && (pronouns[strings.ToLower(toks[start].s)] || trailingJunk[strings.ToLower(toks[start].s)] || relativeWords[strings.ToLower(toks[start].s)]) {
		start++
	}
	f := c.fact(quiz.KindMembership, c.tokText(start, end), quiz.EntityPhrase)
	f.Span = c.spanTok(e.doc, start, end)
	if start == k && !e.topics[c.topic].Main && (toks[k].s == "joined" || toks[k].s == "joining" || toks[k].s == "left") {
		// No subject in the clause ("It joined …", "the group … by
		// joining …"): in a related article's paragraph that is the topic.
		f.Value = e.topics[c.topic].Base + " " + f.Value
	}
	for n := k + 1; n < end; n++ {
		if r := capRun(toks, n); r > n {
			f.Subject = c.tokText(n, r)
			break
		}
	}
	e.add(c.topic, f)
	if (toks[k].s == "joined" || toks[k].s == "joining") && f.Subject != "" {
		e.alongsideFact(c, end, f.Subject)
	}
}

// alongsideFact records the second member of a joint membership: "joining
// the Syrian Liberation Front alongside Ahrar al-Sham" also says that Ahrar
// al-Sham joined it. toks[k] is where the first membership ended.
func (e *extractor) alongsideFact(c *sentCtx, k int, org string) {
	toks := c.s.toks
	for j := k; j < len(toks) && j < k+3; j++ {
		n := -1
		switch {
		case toks[j].s == "alongside":
			n = j + 1
		case (toks[j].s == "along" || toks[j].s == "together") && j+1 < len(toks) && toks[j+1].s == "with":
			n = j + 2
		}
		if n < 0 {
			continue
		}
		if n < len(toks) && isArticle(toks[n].s) {
			n++
		}
		r := capRun(toks, n)
		if r <= n {
			return
		}
		f := c.fact(quiz.KindMembership, c.tokText(n, r)+" joined the "+org, quiz.EntityPhrase)
		f.Subject = org
		e.add(c.topic, f)
		return
	}
}

// memberNouns are plural nouns for the member groups of an organisation.
var memberNouns = lowerSet(`groups|factions|brigades|militias|battalions`)

// groupsOfFact records "Turkish-backed rebel groups of the Syrian Interim
// Government" (a plural member noun at toks[k-1], "of"/"in" at toks[k]) as a
// membership: the organisation must be a capitalised name ending in a head
// noun. "allied … groups in …" is read by membershipFact.
func (e *extractor) groupsOfFact(c *sentCtx, k int) {
	toks := c.s.toks
	n := k + 1
	if isArticle(toks[n].s) {
		n++
	}
	r := capRun(toks, n)
	if r-n < 2 || !headNouns[strings.ToLower(toks[r-1].s)] {
		return
	}
	start := npStart(toks, k-1)
	for start < k-1 && (isArticle(toks[start].s) || trailingJunk[toks[start].s]) {
		start++
	}
	for j := start; j < k; j++ {
		if toks[j].s == "allied" || toks[j].s == "aligned" {
			return
		}
	}
	f := c.fact(quiz.KindMembership, c.tokText(start, r), quiz.EntityPhrase)
	f.Span = c.spanTok(e.doc, start, r)
	f.Subject = c.tokText(n, r)
	e.add(c.topic, f)
}
