package facts

import (
	"strings"

	"github.com/factdeck/factdeck/quiz"
)

// casualtyWords mark a count as losses.
var casualtyWords = lowerSet(`killed|dead|wounded|injured|died|captured|prisoners|prisoner|executed|missing|casualties`)

// personNouns count people: only people captured are losses.
var personNouns = lowerSet(`soldiers|fighters|rebels|troops|men|militants|civilians|people|personnel|officers|
commanders|insurgents|members|prisoners|students|residents|children|women|gunmen|militiamen|jihadists|
policemen|guards|pilots|sailors|marines|conscripts|defenders|attackers|combatants|others`)

// qualifiers may precede a count and belong to it: "about 100,000 residents".
var qualifiers = lowerSet(`about|approximately|around|nearly|over|some|at least|more than|least|almost`)

// vagueNumbers are amounts that count with "of": "dozens of villages".
var vagueNumbers = lowerSet(`dozens|hundreds|thousands|millions|scores|tens`)

// measureUnits are units of length and area: "5,933 km2", "15–20 km".
var measureUnits = lowerSet(`km|km2|km²|mi|miles|mile|kilometres|kilometers|kilometre|kilometer|metres|meters|m|ha|hectares|acres|sq`)

// countFactsProse reads counts and casualties: "2,892 refugees", "killed 16
// civilians and injured 20 others", "about 100,000 residents", "dozens of
// villages", "four T-55 tanks", measurements with their ranges ("5,933 km2
// to 6,097 km2", "15–20 km demilitarized zone").
func (e *extractor) countFactsProse(c *sentCtx) {
	toks := c.s.toks
	for k := 0; k < len(toks); k++ {
		v, ok := numberValue(toks[k].s)
		if !ok || yearOf(toks[k].s) > 0 {
			continue
		}
		if k+1 < len(toks) && isCap(toks[k+1].s) && !isModel(toks, k+1) {
			continue // years, "3000 Apartments", "One Syrian Army colonel"
		}
		if k > 0 && (monthOf(toks[k-1].s) > 0 || toks[k-1].s == "-" || isCap(toks[k-1].s) && !sentenceOpeners[strings.ToLower(toks[k-1].s)] && k > 1) {
			continue // "Regiment 46", "T-55", "December 5"
		}
		b := k + 1 // where the noun starts
		if b+1 < len(toks) && (toks[b].s == "–" || toks[b].s == "-") {
			if _, isNum := numberValue(toks[b+1].s); isNum && yearOf(toks[b+1].s) == 0 {
				b += 2 // "15–20 km"
			}
		}
		if b+1 < len(toks) && vagueNumbers[strings.ToLower(toks[k].s)] && toks[b].s == "of" {
			b++ // "dozens of villages", "thousands of civilians"
		}
		if b < len(toks) && isModel(toks, b) {
			b++ // "four T-55 tanks"
		}
		n := b
		for n < len(toks) && n < b+3 && isWordTok(toks[n].s) && !lowerJoiners[toks[n].s] && toks[n].s != "to" && !casualtyWords[toks[n].s] && monthOf(toks[n].s) == 0 {
			if _, isNum := numberValue(toks[n].s); isNum || isVerb(toks, n) && !measureUnits[toks[n-1].s] {
				break
			}
			n++
			if strings.HasSuffix(toks[n-1].s, "s") || toks[n-1].s == "people" {
				break
			}
		}
		if n == b || dayOf(toks[k].s) > 0 && n < len(toks) && monthOf(toks[n].s) > 0 {
			continue
		}
		if measureUnits[toks[n-1].s] && n+2 < len(toks) && (toks[n].s == "to" || toks[n].s == "–") && toks[n+2].s == toks[n-1].s {
			if _, isNum := numberValue(toks[n+1].s); isNum {
				n += 3 // "5,933 km2 to 6,097 km2"
			}
		}
		e.countFact(c, k, b, n, v)
		k = n - 1
	}
}

// includedLoss returns the loss verb of the count that ends just before
// the comma at toks[k] ("killing four people"), or "".
func includedLoss(toks []token, k int) string {
	for j := k - 1; j > 0 && j >= k-4; j-- {
		if _, ok := numberValue(toks[j].s); ok {
			w := toks[j-1].s
			if casualtyWords[strings.TrimSuffix(w, "ing")+"ed"] {
				return strings.TrimSuffix(w, "ing") + "ed"
			}
			if casualtyWords[w] {
				return w
			}
			return ""
		}
	}
	return ""
}

// isModel reports whether toks[k] is a model designation such as "T-55" or
// "BGM-71" before a lower-case noun.
func isModel(toks []token, k int) bool {
	w := toks[k].s
	return k+1 < len(toks) && isLowerWord(toks[k+1].s) && strings.ContainsAny(w, "0123456789") && isCap(w) && strings.Contains(w, "-")
}

// countFact records the count in toks[k:n], with its qualifier and, for
// losses, the verb: "16 civilians killed".
func (e *extractor) countFact(c *sentCtx, k, b, n int, v float64) {
	toks := c.s.toks
	a := k
	if a > 0 && qualifiers[strings.ToLower(toks[a-1].s)] {
		a--
		if a > 0 && strings.EqualFold(toks[a-1].s, "at") {
			a--
		}
	}
	noun := c.tokText(b, n)
	value := c.tokText(a, n)
	kind := quiz.KindCount
	verb := ""
	switch {
	case n < len(toks) && casualtyWords[toks[n].s]:
		verb = toks[n].s
	case n+1 < len(toks) && (toks[n].s == "were" || toks[n].s == "was") && casualtyWords[toks[n+1].s]:
		verb = toks[n+1].s
	case n+3 < len(toks) && (toks[n].s == "were" || toks[n].s == "was") && toks[n+1].s == "taken" && strings.HasPrefix(toks[n+2].s, "prisoner"):
		verb = "taken prisoner" // "3 rebels were taken prisoners"
	case a > 0 && toks[a-1].s == "captured" && !personNouns[strings.ToLower(toks[n-1].s)]:
		// "captured five city districts" is a capture, not a loss.
	case a > 0 && casualtyWords[strings.TrimSuffix(toks[a-1].s, "ing")+"ed"]:
		verb = strings.TrimSuffix(toks[a-1].s, "ing") + "ed"
	case a > 0 && casualtyWords[toks[a-1].s]:
		verb = toks[a-1].s
	case a > 2 && toks[a-1].s == "including" && toks[a-2].s == ",":
		verb = includedLoss(toks, a-2) // "killing four people, including two students"
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
