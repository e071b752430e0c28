package gen

import (
	"strings"

	"github.com/factdeck/factdeck/quiz"
)

// distractors returns up to n wrong answers of the frame's type: for side
// values the other sides first; otherwise values of the same class from
// this document, then from the others; nearby dates of the same precision;
// numbers of the same magnitude and rounding. None is a value the document
// also gives as true for the same slot, and all are distinct after
// normalisation from each other and from the answer.
func (g *generator) distractors(fr *frame, n int, seed string) []string {
	var cands []string
	switch fr.class {
	case "date":
		cands = g.dateCands(fr)
	case "number":
		cands = numberCands(fr)
	default:
		cands = g.poolCands(fr, seed)
	}
	seen := map[string]bool{}
	for k := range fr.exclude {
		seen[k] = true
	}
	seen[norm(fr.answer)] = true
	var out []string
	for _, c := range cands {
		k := norm(c)
		na := norm(fr.answer)
		if fr.class != "date" && fr.class != "number" && strings.Contains(strings.ToLower(c), strings.ToLower(fr.answer)) {
			continue // "McClellan's Army" for "McClellan"
		}
		if fr.class == "place" && !sameForm(c, fr.answer) {
			continue // "Daraa Governorate" for a governorate, not a town
		}
		if k == "" || seen[k] || g.alias.same(c, fr.answer) || (fr.class != "date" && fr.class != "number" && (containsWord(k, na) || containsWord(na, k))) {
			continue
		}
		seen[k] = true
		out = append(out, c)
		if len(out) == n {
			break
		}
	}
	return out
}

// dateCands proposes nearby dates of the answer's precision, never a date
// the same topic reports for anything.
func (g *generator) dateCands(fr *frame) []string {
	r := *fr.date
	var out []string
	for _, off := range []int{-3, 5, 2, -6, 9, -2, 4, -9, 12, -12} {
		s := shiftDate(r.Start, off)
		if g.seenDates[fr.t.id][s.ISO()] {
			continue // the topic reports something on that date
		}
		if r.End.IsZero() {
			out = append(out, formatDate(s, g.style))
			continue
		}
		e := shiftDate(r.End, off)
		out = append(out, formatRange(quiz.DateRange{Start: s, End: e}, g.style))
	}
	return out
}

// numberCands proposes counts of the same magnitude, written like the answer.
func numberCands(fr *frame) []string {
	if fr.num == nil {
		return nil
	}
	var out []string
	for _, v := range nearbyNumbers(fr.num.v) {
		out = append(out, formatNumber(v, fr.num.text))
	}
	return out
}

// poolCands lists values of the same class: the topic's other sides first
// (verified wrong), then this document, then other documents. A candidate
// from another document must not be named in this one at all when the
// question is about sides: the text might put it on the asked side.
func (g *generator) poolCands(fr *frame, seed string) []string {
	var out []string
	side := fr.f.Side > 0 && isSideKind(fr.f.Kind)
	if side {
		out = append(out, g.otherSides(fr)...)
	}
	if side && (fr.f.Kind == quiz.KindStrength || fr.f.Kind == quiz.KindCasualties) {
		// Strength and loss cells mix numbers, claims and labels; only the
		// topic's other sides are verified wrong and written alike.
		return out
	}
	here, there := []string{}, []string{}
	for _, p := range g.pool[fr.class] {
		if !plausible(p.v, fr.answer) || strings.Contains(fr.sent, p.v) || !p.here && !g.sameEra(p.year) {
			continue
		}
		switch {
		case p.here && side:
			// Another topic's belligerent may well have fought here too.
			continue
		case p.here:
			here = append(here, p.v)
		case side && g.mentioned(p.v):
			continue
		default:
			there = append(there, p.v)
		}
	}
	r := newRNG(seed)
	rotate(here, r)
	rotate(there, r)
	out = append(out, here...)
	return append(out, there...)
}

// rotate starts a candidate list at a seeded position, so that cards of one
// document do not all share the same distractors, while keeping order.
func rotate(xs []string, r *rng) {
	if len(xs) < 2 {
		return
	}
	k := r.intn(len(xs))
	tmp := append(append([]string{}, xs[k:]...), xs[:k]...)
	copy(xs, tmp)
}

// plausible keeps distractors of a length comparable to the answer, so the
// right option does not stand out by its size alone.
func plausible(c, answer string) bool {
	lc, la := len(c), len(answer)
	if lc == 0 {
		return false
	}
	return lc <= 3*la+12 && la <= 3*lc+12
}

// adminHeads are the head nouns of administrative places; a place answer with
// one gets options with the same head.
var adminHeads = map[string]bool{"governorate": true, "province": true, "county": true, "parish": true,
	"district": true, "region": true, "state": true, "countryside": true}

// sameForm reports whether a place option has the answer's form: the same
// administrative head noun, or none when the answer has none; an answer
// that starts in lower case ("northwestern Syria") matches nothing.
func sameForm(c, answer string) bool {
	if answer == "" || strings.ToLower(answer[:1]) == answer[:1] {
		return false
	}
	ha, hc := strings.ToLower(lastWord(answer)), strings.ToLower(lastWord(c))
	if adminHeads[ha] || adminHeads[hc] {
		return ha == hc
	}
	return true
}
