package gen

import (
	"regexp"
	"strings"
)

// Grammar slips a source sentence can carry into a card verbatim: a verb
// that disagrees with its subject ("The Kurdish enclave … were besieged"),
// a participle for a past tense ("the army overrun a field hospital"), a
// bare verb where a participle belongs (", bring the total …"), a missing
// article ("in eastern countryside of Tabqa") or a capital "The" after a
// comma. A student reads the card as our wording, so the card is held.

// slipREs are the fixed-form slips, each behind a substring that every
// match contains, so that a sentence is run only through the patterns it
// could match (the patterns are those of one alternation, tested apart).
var slipREs = []struct {
	guard string
	re    *regexp.Regexp
}{
	{", ", regexp.MustCompile(`, (?:bring|take|raise|push|make|leave|force|cause|mark|increase) (?:the|a|an|their|its|his|her) `)},
	{" of", regexp.MustCompile(`\b(?:in|into|from|to|toward|towards|across|throughout|on) (?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern|ward)? (?:countryside|part|side|edge|bank|flank|sector|section|portion|half|outskirts) of\b`)},
	{", The ", regexp.MustCompile(`, The [A-Z]{2,}\b`)},
	{"and then ", regexp.MustCompile(`\band then [a-z]+ing\b`)},
	{" %", regexp.MustCompile(`\d %`)},
	{" other ", regexp.MustCompile(`\d other (?:wounded|killed|injured|dead)\b`)},
	{"in the dawn of", regexp.MustCompile(`\bin the dawn of\b`)},
	{", and the ", regexp.MustCompile(`\bthe [a-z]+, and the [A-Z]`)},
	{"the rebel's", regexp.MustCompile(`\bthe rebel's\b`)},
	{", that", regexp.MustCompile(`\b(?:stated|said|reported|announced|claimed) on [^,]{3,25}, that\b`)},
	{"'s", regexp.MustCompile(`\b(?:of|as well as|with|and) [A-Z][\w-]+ (?:leader|commander|chief|president|minister)'s\b`)}, // "as well as Hezbollah leader's brother"
	{"army who", regexp.MustCompile(`\barmy who\b`)},                                                                         // "Lee's army who were"
	{"ing", regexp.MustCompile(`\. [A-Z][a-z]+ing\b`)},                                                                       // "… Washington, D.C. Withdrawing a few miles"
	{" of", regexp.MustCompile(`\b(?:[Ii]n|[Oo]n|[Aa]t|[Bb]y|[Dd]uring) (?:early|late) (?:morning|evening|afternoon|hours|night) of\b`)},
}

// fixedSlip reports a sentence matching one of slipREs.
func fixedSlip(s string) bool {
	for _, p := range slipREs {
		if strings.Contains(s, p.guard) && p.re.MatchString(s) {
			return true
		}
	}
	return false
}

// openingSlipRE finds slips at a sentence's start: "On 7 March 18 more
// rebels" (a comma is missing), "The Battle of Olustee or Battle of Ocean
// Pond, was fought" (a comma between subject and verb), "Yara Abbas, a
// Syrian female TV reporter was killed" (an appositive left open).
var openingSlipRE = regexp.MustCompile(
	`^On \d{1,2} [A-Z][a-z]+ \d{1,3} |^On [A-Z][a-z]+ \d{1,2} \d{1,3} ` +
		`|^On \d{1,2} [A-Z][a-z]+(?: \d{4})? [A-Z]|^On [A-Z][a-z]+ \d{1,2}(?:, \d{4})? [A-Z]` + // "On 5 July Hezbollah and …": no comma
		`|^[A-Z][^,]{0,80}[a-z], (?:was|were) ` +
		`|(?:^|, )[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)+, (?:a|an|the) [^,]{3,60}? (?:was|were) `)

// participlePasts are past participles that differ from the simple past;
// with no auxiliary before them they stand for a misspelt past tense.
var participlePasts = map[string]bool{"overrun": true, "begun": true, "swum": true, "sunk": true, "shrunk": true,
	"sprung": true, "rung": true, "drunk": true}

// auxiliaries may stand before a participle.
var auxiliaries = map[string]bool{"had": true, "has": true, "have": true, "having": true, "was": true,
	"were": true, "been": true, "be": true, "being": true, "is": true, "are": true, "to": true, "and": true,
	"or": true, "not": true, "get": true, "got": true, "gets": true, "never": true, "already": true,
	"also": true, "just": true, "recently": true, "then": true, "nearly": true, "almost": true}

// collectives take a plural verb in British usage: "the army were".
var collectives = map[string]bool{"army": true, "government": true, "police": true, "people": true,
	"majority": true, "minority": true, "number": true, "rest": true, "remainder": true, "staff": true,
	"personnel": true, "crew": true, "family": true, "public": true, "media": true, "data": true,
	"infantry": true, "artillery": true, "cavalry": true, "militia": true, "military": true, "navy": true,
	"garrison": true, "command": true, "leadership": true, "team": true, "couple": true, "total": true,
	"half": true, "third": true, "quarter": true, "percent": true, "group": true, "regime": true,
	"opposition": true, "coalition": true, "alliance": true, "force": true, "youth": true, "clergy": true,
	"brigade": true, "battalion": true, "regiment": true, "division": true, "corps": true, "unit": true,
	"party": true, "council": true, "committee": true, "administration": true, "enemy": true}

// pluralOnly end in -s and take a singular verb or have no singular.
var pluralOnly = map[string]bool{"news": true, "series": true, "species": true, "means": true,
	"headquarters": true, "barracks": true, "politics": true, "physics": true, "crossroads": true,
	"whereabouts": true, "status": true, "campus": true, "virus": true, "census": true, "chaos": true,
	"bus": true, "gas": true, "analysis": true, "basis": true, "crisis": true, "thesis": true, "emphasis": true,
	"lens": true, "corpus": true, "consensus": true, "apparatus": true, "focus": true, "radius": true}

// subjectEnds close the head of a subject noun phrase.
var subjectEnds = map[string]bool{"of": true, "in": true, "inside": true, "near": true, "from": true, "at": true,
	"on": true, "with": true, "for": true, "between": true, "including": true, "namely": true, "which": true,
	"who": true, "that": true, "under": true, "along": true, "around": true, "outside": true, "within": true,
	"led": true, "loyal": true, "based": true, "backed": true, "belonging": true, "by": true, "to": true,
	"across": true, "against": true, "during": true, "among": true}

// npOpeners open a noun phrase whose head is a common noun.
var npOpeners = map[string]bool{"the": true, "a": true, "an": true, "this": true, "that": true, "these": true,
	"those": true, "its": true, "their": true, "his": true, "her": true}

// singularBe and pluralBe are the finite forms of "to be" and "to have"
// by number.
var singularBe = map[string]bool{"was": true, "is": true, "has": true}
var pluralBe = map[string]bool{"were": true, "are": true, "have": true}

// sourceSlip reports a grammar slip of the kinds above.
func sourceSlip(sent string) bool {
	if fixedSlip(sent) || (strings.HasPrefix(sent, "On ") || strings.Contains(sent, ", ")) && openingSlipRE.MatchString(sent) || disagrees(sent) {
		return true
	}
	ws := strings.Fields(sent)
	for i := 1; i < len(ws); i++ {
		w := strings.Trim(ws[i], ",.;:")
		if !participlePasts[w] {
			continue
		}
		prev := strings.ToLower(strings.Trim(ws[i-1], ",.;:()"))
		if !auxiliaries[prev] && !strings.HasSuffix(prev, "ly") && !strings.HasSuffix(ws[i-1], ",") {
			return true // "the army overrun a rebel field hospital"
		}
	}
	return false
}

// disagrees reports a subject whose number the first "was/were" (or
// "is/are", "has/have") contradicts: "The Kurdish enclave inside Aleppo, …
// were besieged", "The rebels was …". Only a common-noun head after an
// article or possessive is judged; names, "and"-joined subjects and
// collectives are left alone.
func disagrees(sent string) bool {
	_, _, bad := agreement(sent)
	return bad
}

// singularOf is the singular of a plural "to be" or "to have".
var singularOf = map[string]string{"were": "was", "are": "is", "have": "has"}

// repairAppositive mends the one disagreement whose fix is sure: a
// singular subject whose plural appositive the verb followed ("The Kurdish
// enclave inside Aleppo, namely the neighbourhoods of Sheikh Maqsoud and
// Ashrafieh, were besieged" → "was besieged").
func repairAppositive(s string) string {
	if !strings.Contains(s, ", namely ") && !strings.Contains(s, ", i.e. ") {
		return s
	}
	at, verb, bad := agreement(s)
	if !bad || singularOf[verb] == "" || at < 0 {
		return s
	}
	pre := s[:at]
	if !strings.Contains(pre, ", namely ") && !strings.Contains(pre, ", i.e. ") {
		return s
	}
	return pre + singularOf[verb] + s[at+len(verb):]
}

// agreement finds the subject's head and its first "to be"/"to have" verb
// and reports whether their numbers clash, with the verb's byte offset.
func agreement(sent string) (at int, verb string, bad bool) {
	s := sent
	base := 0
	if ws := strings.Fields(s); len(ws) > 0 && (subordinateStart(ws[0]) || strings.HasPrefix(s, "On ") || strings.HasPrefix(s, "In ")) {
		i := strings.Index(s, ", ")
		if i < 0 {
			return -1, "", false
		}
		s, base = s[i+2:], i+2
	}
	ws := strings.Fields(s)
	if len(ws) < 3 || !npOpeners[strings.ToLower(ws[0])] {
		return -1, "", false
	}
	pos, off := make([]int, len(ws)), 0
	for i, w := range ws {
		j := strings.Index(s[off:], w)
		pos[i] = base + off + j
		off += j + len(w)
	}
	head, headAt, byComma := "", 0, false
	for i, raw := range ws {
		if i > 14 {
			return -1, "", false
		}
		w := strings.ToLower(strings.Trim(raw, ",.;:()\"“”"))
		if singularBe[w] || pluralBe[w] {
			if head == "" {
				if i < 2 || !lowerWord(ws[i-1]) {
					return -1, "", false
				}
				head = strings.ToLower(strings.Trim(ws[i-1], ",.;:()\"“”"))
			}
			return pos[i], w, singularBe[w] && pluralHead(head) || pluralBe[w] && singularHead(head)
		}
		if head == "" && len(w) == 4 && isDigits(w) {
			return -1, "", false // "The March 2020 Daraa clashes was": an event's title, singular
		}
		if (w == "and" || w == "&" || w == "or" || w == "both" || w == "as") && (head == "" || byComma && i == headAt+1) {
			return -1, "", false // "The YPG and the SDF were", "The army, and the militias, were", "X as well as Y"
		}
		if head != "" {
			continue // past the head: skip the modifiers up to the verb
		}
		if i > 0 && subjectEnds[w] {
			head, headAt = strings.ToLower(strings.Trim(ws[i-1], ",.;:()\"“”")), i
			if !lowerWord(ws[i-1]) {
				return -1, "", false
			}
			continue
		}
		if i > 0 && strings.HasSuffix(raw, ",") {
			head, headAt, byComma = w, i, true
			if !lowerWord(raw) {
				return -1, "", false
			}
			continue
		}
		if i > 0 && (eventVerb(raw) || strings.HasSuffix(w, "ing")) && i+1 < len(ws) {
			return -1, "", false // a verb before any be-form: not a simple subject
		}
	}
	return -1, "", false
}

// lowerWord reports a word of lower-case letters (after trimming).
func lowerWord(raw string) bool {
	w := strings.Trim(raw, ",.;:()\"“”")
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if !(w[i] >= 'a' && w[i] <= 'z' || w[i] == '-') {
			return false
		}
	}
	return true
}

// pluralHead reports a regular plural common noun.
func pluralHead(h string) bool {
	return len(h) > 3 && strings.HasSuffix(h, "s") && !strings.HasSuffix(h, "ss") && !pluralOnly[h] &&
		!strings.HasSuffix(h, "us") && !strings.HasSuffix(h, "is") && !strings.HasSuffix(h, "ics")
}

// singularHead reports a singular common noun that takes no plural verb.
func singularHead(h string) bool {
	return len(h) > 2 && !strings.HasSuffix(h, "s") && !collectives[h] && !strings.HasSuffix(h, "ing") &&
		h != "who" && h != "which" && h != "that" && !strings.HasSuffix(h, "ly")
}

// pluralTitleRE finds an event title with a plural head taking "was": "The
// March 2020 Daraa clashes was an armed conflict".
var pluralTitleRE = regexp.MustCompile(`^(The (?:[A-Z][a-z]+ )?\d{4}(?: [A-Z][\w'’-]*)* (?:clashes|offensives|protests|battles|riots|killings|bombings|massacres|uprisings|raids|strikes)) was\b`)

// bareNounStartRE finds a sentence opening with a singular abstract noun
// and no article: "Incursion into the Kurdish-held neighborhood … was
// thwarted".
var bareNounStartRE = regexp.MustCompile(`^([A-Z][a-z]+(?:ion|ment|ance|ence))( (?:into|of|on|against|by|from|at|in|towards) )`)

// repairSlips mends slips whose fix is sure: a plural event title's verb,
// a missing article before an opening abstract noun, "taken prisoners".
func repairSlips(s string) string {
	if m := pluralTitleRE.FindStringSubmatchIndex(s); m != nil {
		s = s[:m[3]] + " were" + s[m[1]:]
	}
	if m := bareNounStartRE.FindStringSubmatch(s); m != nil && firstBe(s) == "was" {
		art := "A "
		if strings.ContainsRune("AEIOU", rune(m[1][0])) {
			art = "An "
		}
		s = art + strings.ToLower(m[1][:1]) + s[1:]
	}
	return strings.ReplaceAll(s, "taken prisoners", "taken prisoner")
}

// firstBe returns the first "was" or "were" of s.
func firstBe(s string) string {
	i, j := strings.Index(s, " was "), strings.Index(s, " were ")
	switch {
	case i >= 0 && (j < 0 || i < j):
		return "was"
	case j >= 0:
		return "were"
	}
	return ""
}
