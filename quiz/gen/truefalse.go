package gen

import (
	"strings"

	"github.com/factdeck/factdeck/quiz"
)

// trueFalse builds the true statement of a fact and, when a verified-false
// value of the same type exists, a false one made by swapping it in.
func (g *generator) trueFalse(fr *frame) []quiz.Card {
	if fr.state == nil || fr.prose && fr.question == "" && !g.hasVerb(fr.sent) {
		return nil // no statement to judge: "On 1 August, an ISIL sleeper in Sarrin."
	}
	var out []quiz.Card
	truth := fr.state(fr.answer)
	if fr.prose && fr.question == "" {
		truth = fr.sent // the sentence itself, not a re-rendering of it
	}
	out = append(out, g.tfCard(fr, truth, true, ""))
	if fr.noSwap || (fr.num != nil && (strings.HasPrefix(fr.sent[fr.num.end:], " percent") || hedgedNumber(fr.sent, fr.num.start))) || (fr.dateHit != nil && (fr.date.End.Year != 0 || rangeAround(fr.sent, *fr.dateHit))) {
		return out
	}
	seed := g.cardID(quiz.CardTrueFalse, fr.key, "false")
	ds := g.distractors(fr, 1, seed)
	if len(ds) == 0 {
		return out
	}
	v := ds[0]
	if fr.hasBlank() && insideQuotes(fr.sent, fr.blank[0]) {
		return out // "the \"Battle of the Hero Martyr Bassel al-Assad\"": a swapped name inside a title is absurd
	}
	if (fr.class == "person" || fr.f.Kind == quiz.KindCommander) && !strings.Contains(g.doc.Text, v) {
		return out // a person from another article ("General Kioumars Pourhashemi" as Syria's 2012 defence minister) is false at a glance
	}
	if fr.dateHit != nil && fr.dateHit.d.Year == 0 {
		v = dropYear(v)
	}
	fc := g.tfCard(fr, fr.state(v), false, v)
	if np := norm(fc.Prompt); containsWord(np, norm(fr.answer)) || fr.class == "date" && dateGiven(np, fr.answer) {
		return out // the topic's name shows the true value: the swap is seen at once
	}
	return append(out, fc)
}

// rangeAround reports a date that is one end of a span ("2014 and 2015",
// "2012 – 2016"), where swapping one end garbles the sentence.
func rangeAround(s string, h dateHit) bool {
	around := s[max(0, h.start-8):min(len(s), h.end+8)]
	return strings.Contains(around, "–") || strings.Contains(around, " and ") || strings.Contains(around, " to ") || strings.Contains(around, "-")
}

// dropYear shortens "4 December 2024" to "4 December" (and "December 4,
// 2024" to "December 4") to match a sentence that gives no year.
func dropYear(v string) string {
	if i := strings.LastIndex(v, " "); i > 0 {
		return strings.TrimSuffix(v[:i], ",")
	}
	return v
}

func (g *generator) tfCard(fr *frame, statement string, truth bool, swapped string) quiz.Card {
	prompt := "True or false: " + statement
	if fr.prose && fr.question == "" {
		prompt = fr.t.name + ": true or false? " + statement
	}
	answer := "True"
	if !truth {
		answer = "False"
	}
	c := g.newCard(quiz.CardTrueFalse, fr, prompt, answer, answer, norm(swapped))
	c.Choices = []string{"True", "False"}
	if !truth {
		c.Correct = 1
		c.Explanation = "False: the source gives " + fr.answer + ", not " + swapped + ". " + c.Explanation
	}
	return c
}

// numberHedges before a count make it a bound or an estimate: "at least 27
// people" stays true when the article later says 40, so no other number
// is verifiably false.
var numberHedges = []string{"at least", "more than", "over", "some", "around", "about", "nearly", "almost",
	"approximately", "up to", "fewer than", "less than", "under", "roughly", "estimated", "an estimated",
	"as many as", "upwards of", "in excess of", "close to", "reportedly", "dozens", "hundreds"}

// hedgedNumber reports a number introduced by a hedge.
func hedgedNumber(sent string, start int) bool {
	pre := strings.ToLower(strings.TrimRight(sent[:start], " "))
	for _, h := range numberHedges {
		if strings.HasSuffix(pre, " "+h) || pre == h {
			return true
		}
	}
	return false
}
