package gen

import (
	"regexp"
	"strings"
)

// Sentences a student cannot read on their own: they lean on the one
// before ("For example, …", "Other factions …"), state a condition rather
// than report an event ("By June 2017, Raqqa remained …"), or are worded
// wrongly in the source (a comma splice, "to have had taken").

// leaningOpeners open a sentence that continues or illustrates the one
// before it: the claim, the contrast or the set it refers to is not shown.
var leaningOpeners = []string{"For example", "For instance", "However", "But", "Instead", "Thus",
	"Therefore", "Consequently", "As a result", "In addition", "Additionally", "Furthermore", "Moreover",
	"Nevertheless", "Nonetheless", "In response", "In return", "In turn", "Similarly", "Likewise", "Again",
	"Still", "Otherwise", "Despite this", "Despite that", "Because of this", "Due to this", "After this",
	"After that", "Following this", "Other", "Another", "Others", "Both", "Such", "The other", "The rest",
	"The remaining", "Either", "Neither", "In contrast", "By contrast", "On the other hand", "Even so", "And",
	"Yet", "Hence", "In the meantime", "At the same time", "By then", "By that time", "Simultaneously",
	"Concurrently", "Meanwhile", "Later", "Also", "Afterwards", "Thereafter", "Subsequently", "In retaliation",
	"In reprisal", "At the time", "By this point", "By this time", "At this point", "In more", "More", "In further"}

// repeatWords tell of something happening again, after an earlier time the
// sentence does not show: "defeated Price again", "a new attempt".
var repeatWords = []string{" again", " once more", " a new attempt", " a second attempt", " another attempt",
	" a fresh attempt", " anew"}

// otherQuantifiers before "other" near a sentence's start count more of
// something the sentence before introduced: "Two other airstrikes …".
var otherQuantifiers = map[string]bool{"two": true, "three": true, "four": true, "five": true, "six": true,
	"seven": true, "eight": true, "nine": true, "ten": true, "several": true, "many": true, "some": true,
	"few": true, "numerous": true, "various": true, "dozens": true, "hundreds": true}

// countsOthers reports a sentence that opens by counting others of
// something: "Two other airstrikes …", "Several other villages …".
func countsOthers(l string) bool {
	ws := strings.Fields(l)
	for i := 1; i < len(ws) && i < 5; i++ {
		if ws[i] == "other" && (otherQuantifiers[ws[i-1]] || isDigits(ws[i-1])) {
			return true
		}
	}
	return false
}

func isDigits(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if (w[i] < '0' || w[i] > '9') && w[i] != ',' {
			return false
		}
	}
	return true
}

// leaningAsides sit inside a sentence and point back the same way: "On 26
// September, for example, …".
var leaningAsides = []string{", for example,", ", for instance,", ", however,", ", therefore,", ", though,",
	", in turn,", ", in response,", ", as a result,", ", in addition,", ", nevertheless,", ", instead,",
	", too,", ", in contrast,", ", by contrast,", ", meanwhile,", ", meanwhile "}

// leansOnPrevious reports a sentence that continues the one before it, so
// that as a quoted statement it misses what it illustrates or answers.
func leansOnPrevious(s string) bool { return leansOnPreviousLower(s, strings.ToLower(s)) }

// leansOnPreviousUndated is leansOnPrevious for a timeline item, a clause
// whose date was cut off: the checks that a date would excuse are left to
// the whole sentence.
func leansOnPreviousUndated(s string) bool {
	l := strings.ToLower(s)
	return leansCore(s, l) || backOpener(l)
}

// leansOnPreviousLower is leansOnPrevious given s and its lower-cased form.
func leansOnPreviousLower(s, l string) bool {
	if leansCore(s, l) {
		return true
	}
	return leansUndated(s, l) && undated(s)
}

// undated reports a sentence that gives no date.
func undated(s string) bool { return len(findDates(s)) == 0 && !monthNamed(s) }

// undated is undated with the sentence's dates memoised.
func (g *generator) undated(s string) bool { return len(g.dates(s)) == 0 && !monthNamed(s) }

// leansUndated reports the leans that a date in the sentence excuses: "The
// Army also captured areas …", "… killed in the fighting".
func leansUndated(s, l string) bool {
	if i := strings.Index(l, " also "); i >= 0 && !strings.HasPrefix(l[i:], " also known") &&
		!strings.HasPrefix(l[i:], " also called") && !strings.HasSuffix(l[:i], " but") && !strings.Contains(l[:i], "not only") {
		return true // "The Army also captured areas in the Rima Farms region.": also, besides what, and when?
	}
	return backReference(s, l) // "26 rebels and 15 soldiers were killed in the fighting.": which fighting, when?
}

// leansCore is leansOnPreviousLower without the leans a date excuses.
func leansCore(s, l string) bool {
	s = strings.TrimLeft(s, "\"“ ")
	for _, o := range leaningOpeners {
		if strings.HasPrefix(s, o) && (len(s) == len(o) || !isWordByte(s[len(o)])) {
			return true
		}
	}
	for _, a := range leaningAsides {
		if strings.Contains(l, a) {
			return true
		}
	}
	if countsOthers(strings.TrimLeft(l, "\"“ ")) || countsMore(l) {
		return true
	}
	for _, r := range repeatWords {
		if i := strings.Index(l, r); i >= 0 && (i+len(r) == len(l) || !isWordByte(l[i+len(r)])) {
			return true
		}
	}
	if i := strings.Index(l, " another "); i >= 0 {
		if rest := l[i+len(" another "):]; rest != "" && rest[0] >= 'a' && rest[0] <= 'z' {
			return true // "captured another village": which other one?
		}
	}
	if i := strings.Index(l, " also "); i >= 0 && !strings.HasPrefix(l[i:], " also known") &&
		!strings.HasPrefix(l[i:], " also called") && !strings.HasSuffix(l[:i], " but") && !strings.Contains(l[:i], "not only") {
		return true // "By 20 July, the Syrian Army also expelled ISIL …": also, besides what?
	}
	if backOpener(l) {
		return true // "Additional ISIS propaganda images …", "Overall, …": in addition to what?
	}
	if objectPronoun(l) {
		return true // "The Union troops followed it and brushed with it": followed what?
	}
	for _, w := range []string{" was later ", " were later ", " had later ", " would later ", " was subsequently ",
		" were subsequently ", " subsequently ", " was eventually ", " were eventually "} {
		if strings.Contains(l, w) {
			return true // "Dozens of executed bodies were later found on 24 August": later than what?
		}
	}
	if i := strings.Index(l, " later "); i >= 0 && eventVerbs(strings.Fields(l[:i])) == 0 && !strings.Contains(l[:i], ",") {
		return true // "Dozens of executed bodies were later found on 18 August": later than what?
	}
	return strings.HasSuffix(strings.TrimRight(l, ".!\"” "), " as well") && strings.Contains(l, " it ")
}

// openDatePreps before a date make it a bound, not the date of the event:
// "By June 2017, Raqqa remained …" was true before June as well.
var openDatePreps = map[string]bool{"by": true, "until": true, "till": true, "since": true, "before": true,
	"after": true, "through": true, "throughout": true, "from": true, "as of": true, "prior to": true,
	"up to": true, "as early as": true, "as late as": true, "following": true, "around": true, "about": true,
	"circa": true, "approximately": true, "roughly": true, "c.": true}

// boundDate reports a date introduced as a bound ("by", "until", "since",
// "after" …), possibly with "early"/"late"/"mid" between.
func boundDate(sent string, start int) bool {
	ws := strings.Fields(strings.ToLower(sent[:start]))
	for len(ws) > 0 {
		w := strings.Trim(ws[len(ws)-1], ",")
		n := len(ws)
		switch {
		case w == "early" || w == "late" || w == "mid" || w == "mid-":
			ws = ws[:n-1]
			continue
		case w == "of" && n >= 2 && timeOfWords[ws[n-2]]:
			ws = ws[:n-2] // "by the end of", "by the morning of", "in the early hours of"
			for len(ws) > 0 && (ws[len(ws)-1] == "the" || ws[len(ws)-1] == "early" || ws[len(ws)-1] == "late") {
				ws = ws[:len(ws)-1]
			}
			continue
		}
		break
	}
	if len(ws) == 0 {
		return false
	}
	last := ws[len(ws)-1]
	if openDatePreps[last] {
		return true
	}
	if len(ws) >= 2 && openDatePreps[ws[len(ws)-2]+" "+last] {
		return true
	}
	return len(ws) >= 3 && openDatePreps[strings.Join(ws[len(ws)-3:], " ")]
}

// timeOfWords name a part of a date: "the end of", "the morning of".
var timeOfWords = map[string]bool{"end": true, "start": true, "beginning": true, "middle": true, "morning": true,
	"evening": true, "night": true, "afternoon": true, "hours": true, "course": true, "dawn": true, "eve": true}

// statives are verbs of a standing condition.
var statives = map[string]bool{"remained": true, "remains": true, "remain": true, "stayed": true, "existed": true,
	"lay": true, "lies": true, "belonged": true, "belongs": true, "consisted": true, "contained": true,
	"numbered": true, "comprised": true, "housed": true, "hosted": true}

// beVerbs are forms of "to be".
var beVerbs = map[string]bool{"was": true, "were": true, "is": true, "are": true}

// stateWords after "was/were" describe a standing condition: "was still",
// "were the only", "was under ISIL control".
var stateWords = map[string]bool{"still": true, "only": true, "one": true, "under": true, "home": true, "sole": true,
	"last": true, "largest": true, "biggest": true, "main": true}

// stateParticiples after "was/were" describe where or how something
// stood, not what happened: "was engaged in the battle", "were besieged".
var stateParticiples = map[string]bool{"engaged": true, "besieged": true, "surrounded": true, "encircled": true,
	"located": true, "stationed": true, "deployed": true, "present": true, "involved": true, "active": true,
	"positioned": true, "trapped": true, "entrenched": true, "garrisoned": true, "held": true,
	"controlled": true, "occupied": true, "based": true, "concentrated": true, "near": true, "close": true,
	"away": true, "inside": true, "within": true, "outside": true, "in": true, "at": true, "on": true}

// stateAdverbs may stand between "was/were" and what follows.
var stateAdverbs = map[string]bool{"reportedly": true, "allegedly": true, "also": true, "already": true,
	"now": true, "merely": true, "just": true, "apparently": true, "then": true, "again": true, "not": true}

// distanceWords before "away" or "from" give a standing distance: "merely
// metres away from Zabadani centre".
var distanceWords = map[string]bool{"metres": true, "meters": true, "kilometres": true, "kilometers": true,
	"km": true, "miles": true, "yards": true}

// stative reports a clause that states a condition ("Raqqa remained the
// only …", "there were still two ISIL holdouts", "X was the only …", "the
// YPG was engaged in the battle", "was reportedly making further advances")
// rather than an event: asking when it happened has no one answer, and a
// shifted date does not make it false.
func stative(s string) bool {
	if ongoingFighting(strings.ToLower(s)) || underControlRE.MatchString(s) {
		return true
	}
	ws := strings.Fields(strings.ToLower(s))
	firstBe := false
	for i, raw := range ws {
		w := strings.Trim(raw, ",.;:()\"“”")
		if statives[w] {
			return true
		}
		if distanceWords[w] && i+1 < len(ws) && strings.Trim(ws[i+1], ",.") == "away" {
			return true
		}
		if (w == "further" && i+1 < len(ws) && strings.HasPrefix(ws[i+1], "advance") ||
			strings.HasPrefix(w, "advanc") && i+1 < len(ws) && strings.Trim(ws[i+1], ",.") == "further") &&
			eventVerbs(ws) <= 1 && !strings.Contains(s, "capturing") && !strings.Contains(s, "seizing") &&
			!strings.Contains(s, "taking") {
			return true // "made further advances", "advanced further": one step of many, nothing else told
		}
		if w == "had" && !firstBe && i+1 < len(ws) && (eventVerb(ws[i+1]) || participlePasts[strings.Trim(ws[i+1], ",.")] ||
			strings.Trim(ws[i+1], ",.") == "been") {
			return true // "On 2 September, Hezbollah had captured 70–75%": a standing result, not that day's event
		}
		if eventVerb(raw) && !(i > 0 && beVerbs[strings.Trim(ws[i-1], ",")]) {
			firstBe = true // the main clause tells an event: a later "was" is in a clause of its own
		}
		if !beVerbs[w] || i+1 >= len(ws) {
			continue
		}
		if firstBe {
			continue // a later "was" belongs to a clause of its own: "…, which was stationed …"
		}
		firstBe = true
		n := strings.Trim(ws[i+1], ",.;:()\"“”")
		if stateWords[n] || (n == "the" || n == "a") && i+2 < len(ws) && stateWords[strings.Trim(ws[i+2], ",.")] {
			return true
		}
		j := i + 1
		for j < len(ws) && stateAdverbs[strings.Trim(ws[j], ",")] {
			j++
		}
		if j < len(ws) {
			n = strings.Trim(ws[j], ",.;:()\"“”")
			if stateParticiples[n] || stateWords[n] || len(n) > 4 && strings.HasSuffix(n, "ing") && !strings.HasSuffix(n, "thing") && n != "during" {
				return true // "was engaged", "were merely …", "was making further advances"
			}
		}
	}
	return false
}

// stativeAt reports a state dated by the date at start: the clause before
// the date has no event verb and the sentence states a condition.
func stativeAt(sent string, start int) bool {
	pre := sent[:start]
	if i := strings.LastIndex(pre, ", "); i >= 0 {
		pre = pre[i+2:]
	}
	for _, w := range strings.Fields(pre) {
		if eventVerb(w) {
			return false // "launched on 30 April": the date is the event's
		}
	}
	return stative(sent)
}

// pastIrregulars are simple-past forms finiteVerbRE does not see by suffix.
var pastIrregulars = map[string]bool{"took": true, "fell": true, "began": true, "led": true, "fought": true,
	"won": true, "broke": true, "sent": true, "went": true, "held": true, "made": true, "left": true, "came": true,
	"became": true, "struck": true, "ran": true, "drove": true, "withdrew": true, "overran": true, "lost": true,
	"met": true, "set": true, "blew": true, "retook": true, "shot": true, "hit": true, "began,": true, "rode": true,
	"fled": true, "seized": true, "saw": true, "gave": true, "brought": true, "built": true, "caught": true,
	"chose": true, "did": true, "found": true, "got": true, "kept": true, "laid": true, "put": true, "rose": true,
	"said": true, "sought": true, "spread": true, "stood": true, "swept": true, "threw": true, "told": true,
	"wrote": true, "undertook": true, "overtook": true, "forsook": true, "bore": true, "slew": true, "stole": true}

// eventVerbs counts the simple-past verbs among ws.
func eventVerbs(ws []string) int {
	n := 0
	for _, w := range ws {
		if eventVerb(w) {
			n++
		}
	}
	return n
}

// eventVerb reports a lower-case simple-past verb.
func eventVerb(raw string) bool {
	w := strings.Trim(raw, ",.;:()\"“”")
	if w == "" || w[0] < 'a' || w[0] > 'z' {
		return false
	}
	return pastIrregulars[w] || strings.HasSuffix(w, "ed") && len(w) > 4 && !notVerbsEd[w]
}

// notVerbsEd end in -ed without being verbs.
var notVerbsEd = map[string]bool{"hundred": true, "armed": true, "red": true, "need": true, "speed": true,
	"indeed": true, "bed": true, "seed": true, "shed": true, "feed": true, "deed": true, "sacred": true,
	"kindred": true, "naked": true, "wicked": true, "rugged": true, "ragged": true, "beloved": true,
	"aged": true, "based": true, "backed": true, "so-called": true, "united": true, "located": true,
	"stationed": true, "situated": true, "trapped": true, "positioned": true, "named": true, "called": true,
	"equipped": true, "armed,": true}

// perfectGarbleRE finds a double perfect ("to have had taken") and
// number disagreement after "one of the …s" ("one of the rebel groups were").
var perfectGarbleRE = regexp.MustCompile(`\b(?:have|has) had (?:[a-z]{3,}ed|taken|given|fallen|broken|seen|driven|won|lost|made|begun|beaten)\b|\bone of the (?:[a-z'-]+ ){0,3}[a-z'-]+s (?:were|are|have)\b|; to |\bto had\b|, while, |according to [^,.]+(?:, [^,.]+)?, and (?:had|has|have|was|were) `)

// commaSplice reports two independent clauses joined by a comma alone: "…,
// the rebels pushed into …, the whole city of Hama eventually fell …".
func commaSplice(s string) bool { return spliceAt(s) >= 0 }

// spliceAt returns the byte offset of the second clause of a comma splice,
// or -1.
func spliceAt(s string) int {
	segs := strings.Split(s, ", ")
	verbBefore := false
	off := 0
	for i, seg := range segs {
		start := off
		off += len(seg) + 2
		ws := strings.Fields(seg)
		if len(ws) == 0 {
			continue
		}
		if i > 0 && verbBefore && clauseStart(ws) && mainVerb(ws[1:min(len(ws), 8)]) && !conjunctiveEnd(segs[i-1]) &&
			!subordinateStart(firstWord(segs[i-1])) &&
			!(i == len(segs)-1 && attribution(ws)) {
			return start
		}
		if !verbBefore && i == 0 && subordinateStart(ws[0]) {
			continue // "After the rebels took X, …": the first clause is dependent
		}
		if mainVerb(ws) {
			verbBefore = true
		}
	}
	return -1
}

// spliceParts splits a comma-spliced sentence into its two clauses, each
// a sentence of its own: "… northern Hama." and "The whole city of Hama
// eventually fell …". Nil when s is no splice.
func spliceParts(s string) []string {
	i := spliceAt(s)
	if i < 0 {
		return nil
	}
	first := strings.TrimSpace(s[:i])
	first = strings.TrimSuffix(first, ",") + "."
	return []string{first, upperFirst(s[i:])}
}

// conjunctiveEnd reports a segment ending in "; however" or another adverb
// that joins the next clause properly.
func conjunctiveEnd(seg string) bool {
	w := strings.ToLower(lastWord(seg))
	switch w {
	case "however", "therefore", "meanwhile", "instead", "nevertheless", "nonetheless", "thus", "consequently",
		"moreover", "furthermore", "also", "then":
		return true
	}
	return strings.Contains(seg, ";") || strings.HasSuffix(w, "ly")
}

// attribution reports a short closing "the army said", "state media
// reported": a parenthetical, not a second clause.
func attribution(ws []string) bool {
	if len(ws) > 6 {
		return false
	}
	switch strings.ToLower(strings.Trim(ws[len(ws)-1], ".\"”")) {
	case "said", "stated", "reported", "claimed", "announced", "added", "noted", "wrote", "confirmed", "according":
		return true
	}
	return false
}

// clauseStart reports a segment that opens with a subject: "the" + noun or
// a capitalised name (not a month, a date or a conjunction).
func clauseStart(ws []string) bool {
	w := strings.Trim(ws[0], "\"“(")
	if w == "the" {
		return len(ws) > 2
	}
	if w == "he" || w == "she" || w == "they" || w == "it" || w == "we" {
		return len(ws) > 1 // "…, meeting little resistance on February 17, he approached …"
	}
	return upperStart(w) && !monthWords[w] && !subordinateStart(w) && w != "The" && len(ws) > 2
}

// subordinateStart opens a dependent clause or phrase.
func subordinateStart(w string) bool {
	switch strings.ToLower(strings.Trim(w, "\"“(")) {
	case "after", "before", "when", "while", "as", "although", "though", "since", "because", "if", "until",
		"once", "whereas", "coinciding", "following", "despite", "with", "without", "during", "on", "in", "by",
		"at", "from", "amid", "amidst", "according", "having", "which", "who", "where", "whom", "whose", "that",
		"and", "but", "or", "nor", "including", "such", "being", "later", "then":
		return true
	}
	return false
}

// mainVerb reports a simple-past verb in the words that no relative or
// subordinating word comes before and that is not a passive participle
// ("backed by Turkey").
func mainVerb(ws []string) bool {
	for i, raw := range ws {
		lw := strings.ToLower(strings.Trim(raw, ",.;:()\"“”"))
		if subordinateStart(lw) && lw != "on" && lw != "in" && lw != "at" && lw != "by" && lw != "from" {
			return false
		}
		if eventVerb(raw) {
			if i > 0 && determiners[strings.ToLower(ws[i-1])] {
				continue // "the isolated town": an adjective
			}
			if i+1 < len(ws) && strings.ToLower(ws[i+1]) == "by" {
				return false // "backed by": a participle
			}
			return true
		}
	}
	return false
}

var determiners = map[string]bool{"the": true, "a": true, "an": true, "its": true, "their": true, "his": true,
	"her": true, "this": true, "these": true, "those": true, "that": true}

// garbled reports source wording a student would stumble on beyond
// ungrammatical's simple patterns.
func garbled(s string) bool {
	return perfectGarbleRE.MatchString(s) || commaSplice(s) || strings.Count(s, "\"")%2 == 1 ||
		strings.Count(s, "(") != strings.Count(s, ")") // "in the Battle of Damascus), sporadic clashes …"
}

// backNouns, after "the" and with nothing to tie them down, name an event
// or thing the sentence before introduced: "killed in the fighting", "drove
// the Union troops from the heights".
var backNouns = []string{"fighting", "shelling", "clashes", "attack", "ambush", "assault", "raid", "bombing",
	"explosion", "incident", "strike", "airstrike", "airstrikes", "heights", "agreement", "information",
	"withdrawal", "deal", "truce", "exchange", "skirmish", "engagement", "night", "convoy", "operation",
	"attempt", "advance", "counterattack", "counter-attack", "offensive", "blast", "massacre", "siege",
	"transportation", "evacuation", "negotiations", "talks", "meeting", "process", "journey", "transfer",
	"retreat", "pursuit", "battles", "campaign", "invasion", "movement", "push", "camp", "garrison", "column",
	"town", "village"}

// backWords point back to an earlier time or claim: "the military then
// started raiding homes", "would later revise", "Additional … images".
var backWords = []string{"would later", " continued to ", " continued ", " both sides",
	" the remaining ", " the rest of ", " the latter", " the former", " the two sides"}

// backOpeners open such a sentence.
var backOpeners = []string{"additional ", "further ", "an additional ", "a further ", "overall", "in total", "in all", "altogether", "elsewhere",
	"there, ", "here, ", "the next day", "the following day", "the day after", "that day", "that night"}

// backReference reports a lower-cased sentence that leans on the one before
// by a definite event noun not tied down by "of …" or a name, by "then",
// "later", "continued", or by an opener such as "Additional" or "Overall".
func backReference(s, l string) bool {
	if backOpener(l) {
		return true
	}
	for _, w := range backWords {
		if strings.Contains(l, w) {
			return true
		}
	}
	if pluperfectMain(l) {
		return true // "Government forces had launched 15 air strikes …": had, by when?
	}
	for _, w := range []string{" then ", " later "} {
		if i := strings.Index(l, w); i >= 0 && eventVerbs(strings.Fields(l[:i])) == 0 {
			return true // "the military then started raiding homes": after what? (not "… prodded Hooker, then relieved him")
		}
	}
	for off := 0; ; {
		i := strings.Index(l[off:], "the ")
		if i < 0 {
			return false
		}
		i += off
		off = i + 4
		// The word after "the" (and, for "counter-attack", its hyphenated
		// whole) is looked up in backNounSet: one pass over the sentence.
		j := off
		for j < len(l) && isWordByte(l[j]) {
			j++
		}
		ends := []int{j}
		if j < len(l) && l[j] == '-' {
			k := j + 1
			for k < len(l) && isWordByte(l[k]) {
				k++
			}
			ends = append(ends, k)
		}
		for _, end := range ends {
			if !backNounSet[l[off:end]] {
				continue // "the attacks": not "the attack"
			}
			rest := strings.TrimLeft(l[end:], " ")
			if len(s) == len(l) && upperStart(strings.TrimLeft(s[end:], " ")) {
				continue // "part of the Operation Euphrates Shield": a name
			}
			if strings.HasPrefix(rest, "of ") || strings.HasPrefix(rest, "on ") || strings.HasPrefix(rest, "in ") ||
				strings.HasPrefix(rest, "at ") || strings.HasPrefix(rest, "against ") || strings.HasPrefix(rest, "near ") ||
				strings.HasPrefix(rest, "for ") || strings.HasPrefix(rest, "by ") || strings.HasPrefix(rest, "between ") {
				continue // "the shelling of Daraya", "the attack on the airbase": tied down
			}
			return true
		}
	}
}

// backNounSet is backNouns as a set.
var backNounSet = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range backNouns {
		m[n] = true
	}
	return m
}()

// backOpener reports a sentence opening with one of backOpeners.
func backOpener(l string) bool {
	t := strings.TrimLeft(l, "\"“ ")
	for _, o := range backOpeners {
		if strings.HasPrefix(t, o) {
			return true
		}
	}
	return false
}

// pluperfectMain reports a main clause in the past perfect ("… had
// launched …") before any simple past: it is told from a time the
// sentence does not give.
func pluperfectMain(l string) bool {
	ws := strings.Fields(l)
	for i, w := range ws {
		w = strings.Trim(w, ",.;:")
		if eventVerb(w) && !(i > 0 && beVerbs[strings.Trim(ws[i-1], ",")]) {
			return false
		}
		if w == "had" && i+1 < len(ws) && (eventVerb(ws[i+1]) || strings.Trim(ws[i+1], ",.") == "been") {
			return true
		}
		if subordinateStart(w) && i > 0 {
			return false // "… after they had …": a clause of its own
		}
	}
	return false
}

// ongoingFighting reports fighting told as going on ("heavy fighting took
// place around …", "clashes continued"): on the day before or after it
// may have gone on too.
func ongoingFighting(l string) bool {
	for _, n := range []string{"fighting ", "clashes ", "battles ", "combat "} {
		i := strings.Index(l, n)
		if i < 0 {
			continue
		}
		rest := l[i+len(n):]
		for _, v := range []string{"took place", "raged", "continued", "went on", "was ongoing", "were ongoing",
			"persisted", "occurred", "intensified", "was reported", "were reported", "erupted again"} {
			if strings.HasPrefix(rest, v) {
				return true
			}
		}
	}
	return false
}

// underControlRE finds a place told to be under someone's control: a
// state that held on many days.
var underControlRE = regexp.MustCompile(`\b(?:was|were|is|are|remained)\b[^.]{0,40}\bunder\b[^.]{0,30}\bcontrol\b`)

// objectPronoun reports a pronoun object of a past verb in a lower-cased
// sentence: it points back to something the sentence does not name
// ("followed it", "attacked them").
func objectPronoun(l string) bool {
	for _, p := range []string{"ed it", "ed them"} {
		for off := 0; ; {
			i := strings.Index(l[off:], p)
			if i < 0 {
				break
			}
			i += off
			off = i + len(p)
			if (off == len(l) || !isWordByte(l[off])) && i >= 2 && isWordByte(l[i-1]) {
				return true
			}
		}
	}
	return false
}

// countsMore reports "two more commanders", "18 more rebels": more than
// the ones the sentence before counted.
func countsMore(l string) bool {
	ws := strings.Fields(l)
	for i := 1; i < len(ws); i++ {
		if strings.Trim(ws[i], ",.") == "more" && (otherQuantifiers[ws[i-1]] || isDigits(ws[i-1])) &&
			!(i+1 < len(ws) && strings.Trim(ws[i+1], ",.") == "than") {
			return true
		}
	}
	return false
}

// unnamedCountRE finds an event told of places by number only: "captured
// two villages east of Tabqa" happened on many days.
var unnamedCountRE = regexp.MustCompile(`\b(?:two|three|four|five|six|seven|eight|nine|ten|several|a few|dozens of|\d+) (?:more )?(?:villages|towns|hills|positions|buildings|checkpoints|neighbou?rhoods|districts|farms|areas|points|sites|airstrikes|air strikes|strikes|raids|attacks)\b`)
