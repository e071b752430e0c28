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
		if vagueLoss(toks, k) {
			e.vagueLossFact(c, k)
			continue
		}
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

// vagueDeterminers count people without a number: "Several important
// commanders … were killed".
var vagueDeterminers = lowerSet(`several|many|numerous|some`)

// vagueLoss reports whether a vague determiner at toks[k] opens a noun
// phrase of people (at most three words) that the clause reports as lost.
func vagueLoss(toks []token, k int) bool {
	if !vagueDeterminers[strings.ToLower(toks[k].s)] {
		return false
	}
	n := vagueNounEnd(toks, k)
	return n > 0 && lossAfter(toks, n) != ""
}

// vagueNounEnd returns the end of the people noun phrase after toks[k], or 0.
func vagueNounEnd(toks []token, k int) int {
	for n := k + 1; n < len(toks) && n <= k+3; n++ {
		if !isLowerWord(toks[n].s) {
			return 0
		}
		if personNouns[toks[n].s] {
			return n + 1
		}
	}
	return 0
}

// lossAfter returns the loss verb after a noun phrase ending at toks[n],
// across an aside (", including …,"): "were killed" gives "killed".
func lossAfter(toks []token, n int) string {
	if n < len(toks) && toks[n].s == "," && n+1 < len(toks) && asideStarters[toks[n+1].s] {
		n = skipAside(toks, n+1) + 1
	}
	if n+1 < len(toks) && (toks[n].s == "were" || toks[n].s == "was") && casualtyWords[toks[n+1].s] {
		return toks[n+1].s
	}
	return ""
}

// vagueLossFact records "Several important commanders killed".
func (e *extractor) vagueLossFact(c *sentCtx, k int) {
	toks := c.s.toks
	n := vagueNounEnd(toks, k)
	f := c.fact(quiz.KindCasualties, c.tokText(k, n)+" "+lossAfter(toks, n), quiz.EntityNumber)
	f.Noun = c.tokText(n-1, n)
	e.add(c.topic, f)
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

// outcomeFacts reads captures and outcomes as minimal phrases: "rebels
// seized 70 sites", "the whole city of Hama eventually fell to the rebels",
// "captured most of the city" (not the clause after it), a participle after
// a comma (", capturing Khansir"), control ("claimed control of the main
// square", "remained in control of …") and nominal outcomes ("following its
// capture of Hama", "the evacuation of the remaining rebel forces").
func (e *extractor) outcomeFacts(c *sentCtx) {
	toks := c.s.toks
	last := 0 // end of the previous outcome: "fell to … in 2012 and was recaptured …"
	for k := 0; k < len(toks); k++ {
		w := toks[k].s
		start := -1
		switch {
		case outcomeVerbs[w] && isVerb(toks, k) && !(w == "took" && k+1 < len(toks) && notTaking[toks[k+1].s]) &&
			!(k > 1 && (toks[k-1].s == "that" || toks[k-1].s == "who") && !isVerb(toks, k-2) && toks[k-2].s != ","):
			// (a comma-less relative clause, "fighters that surrendered …",
			// tells which fighters, not what happened)
			limit := 8
			if k > 0 && (toks[k-1].s == "was" || toks[k-1].s == "were" || toks[k-1].s == "been") {
				limit = 12 // "Incursion into … Sheikh Maqsoud was thwarted"
			}
			start = clauseStart(toks, k)
			if k-start > limit {
				start = k
			}
		case outcomeIng[w] && k > 0 && (toks[k-1].s == "," || k > 1 && toks[k-2].s == "," && strings.HasSuffix(toks[k-1].s, "ly")):
			// ", capturing Khansir", ", effectively cutting off …"
			start = k
		case w == "control" && k+1 < len(toks) && toks[k+1].s == "of":
			start = controlVerb(toks, k)
		case w == "control" && k > 1 && toks[k-2].s == "\"":
			// a quoted claim: declared themselves in "near-total control"
			start = claimVerb(toks, k-2)
		case w == "pushed" && isVerb(toks, k) && outOf(toks, k):
			start = clauseStart(toks, k) // "the Assad administration pushed rebels out of the city"
			if k-start > 8 {
				start = k
			}
		case (w == "forcing" || w == "forced") && forcedRetreat(toks, k):
			start = k // "forcing pro-government troops to retreat toward as-Safirah"
		case outcomeNouns[w] && k+2 < len(toks) && toks[k+1].s == "of" && k > 0 && !isCap(toks[k-1].s) && !backgroundNoun(toks, k):
			start = k
		}
		if start < 0 {
			continue
		}
		start = max(start, last)
		for start < k && (pronouns[strings.ToLower(toks[start].s)] || trailingJunk[strings.ToLower(toks[start].s)] || monthOf(toks[start].s) > 0 ||
			dayOf(toks[start].s) > 0 || yearOf(toks[start].s) > 0 || relativeWords[strings.ToLower(toks[start].s)]) {
			start++
		}
		end := outcomeEnd(toks, k)
		if toks[k].s == "pushed" || toks[k].s == "forcing" || toks[k].s == "forced" {
			end = outcomeEnd(toks, k+2)
		}
		if start == k-1 && isAux(toks[start].s) && start > 0 && toks[start-1].s == "," {
			start = subjectBeforeAside(toks, start-1, start)
		}
		last = end
		f := c.fact(quiz.KindOutcome, c.tokText(start, end), quiz.EntityPhrase)
		f.Span = c.spanTok(e.doc, start, end)
		e.add(c.topic, f)
		k = end - 1
	}
}

// backgroundNoun reports whether the outcome noun at toks[k] is the
// circumstance of another outcome ("captured most of the city amidst the
// collapse of pro-government forces", "following the withdrawal of …"): a
// circumstance word (amid, amidst, following, despite) and an article
// before it. "following its capture of
// Hama" names the actor and stays.
func backgroundNoun(toks []token, k int) bool {
	switch strings.ToLower(toks[max(k-2, 0)].s) {
	case "amidst", "amid", "following", "despite":
		return k > 1 && isArticle(toks[k-1].s)
	}
	return false // "after the defeat of rebel forces" is a dated outcome of its own
}

// claimVerb returns the verb that claims a quoted state opening at toks[q]
// ("declared themselves in "near-total control""), or -1.
func claimVerb(toks []token, q int) int {
	for j := q - 1; j >= 0 && j >= q-4; j-- {
		switch toks[j].s {
		case "declared", "claimed", "announced", "said":
			return j
		case ",", ".", ";":
			return -1
		}
	}
	return -1
}

// outOf reports whether "out of" follows the verb at toks[k] within a few
// words ("pushed rebels out of the city").
func outOf(toks []token, k int) bool {
	for j := k + 1; j+1 < len(toks) && j < k+6; j++ {
		if toks[j].s == "out" && toks[j+1].s == "of" {
			return true
		}
	}
	return false
}

// forcedRetreat reports whether the word at toks[k] forces someone to
// retreat ("forcing pro-government troops to retreat", "were forced to
// withdraw").
func forcedRetreat(toks []token, k int) bool {
	for j := k + 1; j+1 < len(toks) && j < k+6; j++ {
		if toks[j].s == "to" {
			switch toks[j+1].s {
			case "retreat", "withdraw", "flee", "surrender", "evacuate", "abandon":
				return true
			}
			return false
		}
	}
	return false
}

// subjectBeforeAside returns where a passive's subject starts when an aside
// separates it from the verb ("The Kurdish enclave inside the city, namely
// the neighbourhoods of …, were besieged"): before the aside opened by
// asideStarters that ends at the comma toks[c]; else def.
func subjectBeforeAside(toks []token, c, def int) int {
	a := clauseStart(toks, c)
	if a == 0 || toks[a-1].s != "," || !asideStarters[strings.ToLower(toks[a].s)] {
		return def
	}
	s := clauseStart(toks, a-1)
	if a-1-s > 8 {
		return def
	}
	return s
}

// relativeWords open a relative or subordinate clause; an outcome starts after them.
var relativeWords = lowerSet(`where|which|who|whom|whose|when|that|while|if|although|though|whereas|because`)

// outcomeIng are participles that report an outcome after a comma.
var outcomeIng = lowerSet(`capturing|seizing|taking|recapturing|retaking|overrunning|cutting|breaking|expelling`)

// outcomeNouns name an outcome before "of": "the capture of Hama".
var outcomeNouns = lowerSet(`capture|fall|evacuation|defeat|withdrawal|surrender|recapture|liberation|
encirclement|destruction|collapse`)

// notTaking follow "took" when it reports no capture: "took part", "took
// place", "took up position".
var notTaking = lowerSet(`part|place|up|office|power|note|shelter|refuge`)

// outcomeStops end an outcome phrase: what follows is a new clause or a
// circumstance, not part of the outcome.
var outcomeStops = lowerSet(`amidst|amid|after|following|while|when|where|which|who|during|before|since|until|
because|despite|including|as|whereupon|thereby|but|against|alongside`)

// controlVerb returns where a control phrase starts: the verb before
// "control" ("claimed control", "declared near-total control", "remained
// in control", "come under rebel control"), or -1.
func controlVerb(toks []token, k int) int {
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		switch toks[j].s {
		case "claimed", "declared", "remained", "be", "gained", "regained", "assumed", "took", "taken", "take", "taking", "seized",
			"retained", "lost", "come", "came":
			return j
		case ",", ".", ";":
			return -1
		}
	}
	return -1
}

// outcomeEnd returns the end of the outcome phrase whose verb or noun is at
// toks[k]: lists of names go on ("took Khalsa, Al-Rashidin and Khan
// Tuman"); a date, a new clause ("and was recaptured …") or a circumstance
// ("amidst the collapse …") ends it.
func outcomeEnd(toks []token, k int) int {
	end := k + 1
	for end < len(toks) && end < k+16 {
		t := toks[end].s
		next := ""
		if end+1 < len(toks) {
			next = toks[end+1].s
		}
		if t == "," && outcomeVerbs[next] && strings.HasSuffix(next, "ed") {
			end++ // "defeated by HTS, expelled to Afrin": one outcome
			continue
		}
		if t == ";" || t == "." || outcomeStops[t] || (t == "," || t == ":") && !isCap(next) ||
			t == "and" && (isAux(next) || isVerb(toks, end+1) || irregularPast[next] || isLowerWord(next) && strings.HasSuffix(next, "ed") ||
				qualifiers[next] || allDigits(next) || npStops[next]) ||
			t == "in" && (next == "an" || next == "order" || next == "a") && end+2 < len(toks) && (toks[end+2].s == "attempt" || toks[end+2].s == "to" || toks[end+2].s == "bid") ||
			(t == "on" || t == "in" || t == "at" || t == "by") && isDateStart(toks, end+1) {
			break
		}
		end++
	}
	for end > k+1 && (trailingJunk[strings.ToLower(toks[end-1].s)] || toks[end-1].s == ",") {
		end--
	}
	return end
}

// isDateStart reports whether a date or time of day starts at toks[k].
func isDateStart(toks []token, k int) bool {
	if k >= len(toks) {
		return false
	}
	w := toks[k].s
	if yearOf(w) > 0 || monthOf(w) > 0 || dayOf(w) > 0 || w == "early" || w == "late" || w == "mid" || w == "midnight" {
		return true
	}
	return w == "the" && k+1 < len(toks) && (toks[k+1].s == "night" || toks[k+1].s == "morning" || toks[k+1].s == "evening" || toks[k+1].s == "afternoon" || toks[k+1].s == "end")
}
