package facts

import (
	"strings"

	"github.com/factdeck/factdeck/quiz"
)

// casualtyWords mark a count as losses.
var casualtyWords = lowerSet(`killed|dead|wounded|injured|died|captured|prisoners|prisoner|executed|missing|casualties`)

// qualifiers may precede a count and belong to it: "about 100,000 residents".
var qualifiers = lowerSet(`about|approximately|around|nearly|over|some|at least|more than|least|almost`)

// countFactsProse reads counts and casualties: "2,892 refugees", "killed 16
// civilians and injured 20 others", "about 100,000 residents".
func (e *extractor) countFactsProse(c *sentCtx) {
	toks := c.s.toks
	for k := 0; k < len(toks); k++ {
		v, ok := numberValue(toks[k].s)
		if !ok || yearOf(toks[k].s) > 0 || k+1 < len(toks) && isCap(toks[k+1].s) {
			continue // years, "3000 Apartments", "One Syrian Army colonel"
		}
		if k > 0 && (monthOf(toks[k-1].s) > 0 || toks[k-1].s == "-" || isCap(toks[k-1].s) && !sentenceOpeners[strings.ToLower(toks[k-1].s)] && k > 1) {
			continue // "Regiment 46", "T-55", "December 5"
		}
		n := k + 1
		for n < len(toks) && n < k+4 && isWordTok(toks[n].s) && !lowerJoiners[toks[n].s] && !casualtyWords[toks[n].s] && monthOf(toks[n].s) == 0 {
			if _, isNum := numberValue(toks[n].s); isNum || isVerb(toks, n) {
				break
			}
			n++
			if strings.HasSuffix(toks[n-1].s, "s") || toks[n-1].s == "people" {
				break
			}
		}
		if n == k+1 || dayOf(toks[k].s) > 0 && n < len(toks) && monthOf(toks[n].s) > 0 {
			continue
		}
		e.countFact(c, k, n, v)
		k = n - 1
	}
}

// countFact records the count in toks[k:n], with its qualifier and, for
// losses, the verb: "16 civilians killed".
func (e *extractor) countFact(c *sentCtx, k, n int, v float64) {
	toks := c.s.toks
	a := k
	if a > 0 && qualifiers[strings.ToLower(toks[a-1].s)] {
		a--
		if a > 0 && strings.EqualFold(toks[a-1].s, "at") {
			a--
		}
	}
	noun := c.tokText(k+1, n)
	value := c.tokText(a, n)
	kind := quiz.KindCount
	verb := ""
	switch {
	case n < len(toks) && casualtyWords[toks[n].s]:
		verb = toks[n].s
	case n+1 < len(toks) && (toks[n].s == "were" || toks[n].s == "was") && casualtyWords[toks[n+1].s]:
		verb = toks[n+1].s
	case a > 0 && casualtyWords[strings.TrimSuffix(toks[a-1].s, "ing")+"ed"]:
		verb = strings.TrimSuffix(toks[a-1].s, "ing") + "ed"
	case a > 0 && casualtyWords[toks[a-1].s]:
		verb = toks[a-1].s
	}
	if verb != "" {
		kind = quiz.KindCasualties
		value += " " + verb
	}
	f := c.fact(kind, value, quiz.EntityNumber)
	f.Number, f.Noun = v, noun
	if verb == "" {
		f.Span = c.spanTok(e.doc, a, n)
	}
	e.add(c.topic, f)
}

// outcomeVerbs report captures, falls and results.
var outcomeVerbs = lowerSet(`captured|seized|took|recaptured|fell|occupied|besieged|retreated|abandoned|
withdrew|expelled|defeated|broke|repelled|overran|retook|resulted|thwarted|liberated|surrendered`)

// outcomeFacts reads captures and outcomes: "rebels seized 70 sites", "the
// whole city of Hama eventually fell to the rebels".
func (e *extractor) outcomeFacts(c *sentCtx) {
	toks := c.s.toks
	for k := 0; k < len(toks); k++ {
		if !outcomeVerbs[toks[k].s] || !isVerb(toks, k) {
			continue
		}
		start := clauseStart(toks, k)
		if k-start > 8 {
			start = k
		}
		for start < k && (pronouns[strings.ToLower(toks[start].s)] || trailingJunk[strings.ToLower(toks[start].s)] || monthOf(toks[start].s) > 0 || dayOf(toks[start].s) > 0 || yearOf(toks[start].s) > 0) {
			start++
		}
		end := k + 1
		for end < len(toks) && end < k+14 && toks[end].s != ";" && toks[end].s != "." &&
			!(toks[end].s == "," && !(end+1 < len(toks) && isCap(toks[end+1].s))) {
			end++
		}
		for end > k+1 && trailingJunk[strings.ToLower(toks[end-1].s)] {
			end--
		}
		f := c.fact(quiz.KindOutcome, c.tokText(start, end), quiz.EntityPhrase)
		f.Span = c.spanTok(e.doc, start, end)
		e.add(c.topic, f)
		k = end - 1
	}
}
