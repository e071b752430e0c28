package gen

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/factdeck/factdeck/quiz"
)

// cloze blanks the frame's answer in its cleaned sentence, and once per
// sentence also an important common-noun span: good gaps are often not
// named entities ("the ____ of Aleppo": outskirts).
func (g *generator) cloze(fr *frame) []quiz.Card {
	if !fr.prose || !fr.hasBlank() || (!typedClass(fr.class) && words(fr.answer) > 5) {
		return nil
	}
	var out []quiz.Card
	if !fr.shown {
		c := g.newCard(quiz.CardCloze, fr, blankStem(fr)+hint(fr.class), fr.sent[fr.blank[0]:fr.blank[1]])
		c.AnswerType = answerType(fr.class)
		c.Accept = g.alias.of(c.Answer)
		out = append(out, c)
	}
	if nc, ok := g.nounCloze(fr); ok {
		out = append(out, nc)
	}
	return out
}

// hint names the type of the blank so the sentence has one reading.
func hint(class string) string {
	switch class {
	case "date", "number", "person", "place":
		return " (" + class + ")"
	}
	return ""
}

// nounRE finds a determiner followed by up to one lowercase modifier and a
// lowercase head noun, with what follows it.
var nounRE = regexp.MustCompile(`\b(?:the|a|an|its|their)\s+((?:[a-z][a-z-]+\s+)?[a-z][a-z-]{4,})\b(\s+of\b|[,.;])?`)

// termNouns are the terms of the subject worth a gap of their own: what a
// siege, an enclave or a ceasefire is belongs to the lesson; "release",
// "series" or "phase" only to the sentence.
var termNouns = map[string]bool{"siege": true, "ceasefire": true, "truce": true, "armistice": true,
	"enclave": true, "exclave": true, "blockade": true, "encirclement": true, "stalemate": true,
	"stronghold": true, "garrison": true, "insurgency": true,
	"mutiny": true, "defection": true, "defections": true, "parole": true, "counteroffensive": true,
	"airlift":       true,
	"de-escalation": true, "corridor": true, "checkpoint": true, "checkpoints": true, "salient": true,
	"bridgehead": true, "fortifications": true, "entrenchments": true, "earthworks": true, "trenches": true,
	"pontoon": true, "ambush": true, "massacre": true, "referendum": true, "annexation": true,
	"secession": true, "emancipation": true, "conscription": true, "amnesty": true, "caliphate": true,
	"militia": true, "militias": true, "guerrillas": true, "sanctions": true, "embargo": true,
	"occupation": true, "partition": true, "autonomy": true, "federation": true, "sieges": true,
	"uprising": true, "coup": true,
	"neighbourhoods": false, "outskirts": false}

// dullNouns are heads too vague or too easy to make a useful gap.
var dullNouns = map[string]bool{
	"other": true, "others": true, "number": true, "first": true, "latter": true, "former": true,
	"following": true, "same": true, "time": true, "times": true, "course": true, "hours": true,
	"result": true, "morning": true, "evening": true, "afternoon": true, "night": true, "midnight": true,
	"source": true, "sources": true, "reports": true, "world": true, "whole": true, "largest": true,
	"larger": true, "several": true, "various": true, "areas": true, "parts": true, "aftermath": true,
	"rebels": true, "rebel": true, "forces": true, "government": true, "groups": true, "group": true,
	"army": true, "city": true, "country": true, "conflict": true, "fighting": true,
	"total": true, "majority": true, "minority": true, "rest": true, "remainder": true, "couple": true,
	"handful": true, "bulk": true, "range": true, "variety": true, "amount": true, "half": true,
	"north": true, "south": true, "east": true, "west": true, "northeast": true, "northwest": true,
	"southeast": true, "southwest": true, "side": true, "part": true,
	// Nouns the words around them call up: "demanding the _____ of a
	// prisoner", "the campaign for the _____ of Indian Territory".
	"control": true, "release": true, "capture": true, "recapture": true, "end": true, "start": true,
	"beginning": true, "middle": true, "center": true, "centre": true, "wake": true, "fall": true,
	"death": true, "deaths": true, "killing": true, "killings": true, "help": true, "support": true,
	"use": true, "name": true, "leader": true, "leadership": true, "members": true, "member": true,
	"residents": true, "people": true, "civilians": true, "soldiers": true, "fighters": true, "troops": true,
	"town": true, "village": true, "villages": true, "area": true, "region": true, "province": true,
	"attack": true, "attacks": true, "battle": true, "offensive": true, "operation": true, "war": true,
	"order": true, "orders": true, "command": true, "surrender": true, "withdrawal": true, "retreat": true,
	"defeat": true, "victory": true, "loss": true, "losses": true, "head": true, "edge": true,
}

// nounCloze blanks the best common-noun span of the sentence: preferring
// spans followed by "of" or ending a clause, longest first.
func (g *generator) nounCloze(fr *frame) (quiz.Card, bool) {
	best, bestScore := [2]int{}, 0
	for _, m := range nounRE.FindAllStringSubmatchIndex(fr.sent, -1) {
		s, e := m[2], m[3]
		span := fr.sent[s:e]
		head := lastWord(span)
		if !termNouns[strings.ToLower(head)] {
			continue // "demanding the _____ of a prisoner" (release): words around a plain noun call it up
		}
		if dullNouns[head] || dullNouns[firstWord(span)] || overlaps(s, e, fr.blank) || strings.HasSuffix(head, "ly") ||
			strings.Contains(span, "-") && strings.Contains(span, " ") {
			continue
		}
		if strings.Count(strings.ToLower(fr.sent), strings.ToLower(head)) > 1 {
			continue // the head appears elsewhere: the gap is given away
		}
		sc := len(span)
		if m[4] >= 0 {
			sc += 10
		}
		if m[4] < 0 || !strings.Contains(fr.sent[m[4]:m[5]], "of") {
			continue // only "the _____ of X": "broke the _____" (siege) the verb calls up
		}
		if sc > bestScore {
			best, bestScore = [2]int{s, e}, sc
		}
	}
	if bestScore == 0 {
		return quiz.Card{}, false
	}
	nf := *fr
	nf.blank = best
	nf.answer = fr.sent[best[0]:best[1]]
	nf.class = "noun"
	c := g.newCard(quiz.CardCloze, &nf, blankStem(&nf)+nounHint(nf.answer), nf.answer, "noun")
	c.AnswerType = "name"
	return c, true
}

func overlaps(s, e int, b [2]int) bool { return s < b[1] && b[0] < e }

// nounHint gives the first letter and length of each word of a common-noun
// gap, so that a synonym ("edge" for "outskirts", "evacuation" for "entry")
// is ruled out and the gap has one answer.
func nounHint(answer string) string {
	ws := strings.Fields(answer)
	parts := make([]string, len(ws))
	for i, w := range ws {
		r := []rune(w)
		parts[i] = fmt.Sprintf("%c… (%d letters)", r[0], len(r))
	}
	if len(ws) == 1 {
		return " (hint: " + parts[0] + ")"
	}
	return " (hint: " + itoa(len(ws)) + " words: " + strings.Join(parts, ", ") + ")"
}
