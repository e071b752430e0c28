package facts

import (
	"strings"

	"github.com/factdeck/factdeck/quiz"
)

// unitNouns name military formations in prose; a list after one of them
// ("units such as …", "militias …, including …", "garrison consisting of
// …") names units.
var unitNouns = lowerSet(`unit|units|formation|formations|militia|militias|brigades|battalions|regiments|
divisions|garrison|garrisons`)

// leaderNouns name commanders in prose: "commanders, including …", "its
// military leader, Abu Abdullah Taoum, …".
var leaderNouns = lowerSet(`commander|commanders|leader|leaders`)

// proseUnitFacts reads units and commanders that the text itself names as
// such. A value already given by the infobox for the topic is not repeated.
func (e *extractor) proseUnitFacts(c *sentCtx) {
	toks := c.s.toks
	for k := 0; k < len(toks) && k < 4*maxClause; k++ {
		w := strings.ToLower(toks[k].s)
		kind := quiz.KindUnit
		switch {
		case unitNouns[w]:
		case leaderNouns[w]:
			kind = quiz.KindCommander
		default:
			continue
		}
		start := listStart(toks, k, !strings.HasSuffix(w, "s"))
		if start < 0 {
			continue
		}
		org := -1
		if kind == quiz.KindUnit && strings.HasSuffix(w, "s") {
			org = ownerBefore(toks, k)
		}
		for _, n := range listNames(toks, start, kind == quiz.KindCommander) {
			e.proseNameFact(c, kind, n[0], n[1])
			if org >= 0 {
				// "Syrian National Army (SNA) units such as the Northern
				// Storm Brigade, …": each named unit is part of the army.
				name, owner := c.tokText(n[0], n[1]), c.tokText(org, ownerEnd(toks, org))
				f := c.fact(quiz.KindMembership, name+" part of the "+owner, quiz.EntityPhrase)
				f.Subject = owner
				e.add(c.topic, f)
			}
		}
	}
}

// ownerBefore returns the start of the organisation named right before a
// plural unit noun at toks[k] ("Syrian National Army (SNA) units"), or -1:
// a capitalised name ending in a head noun, with an optional acronym in
// parentheses.
func ownerBefore(toks []token, k int) int {
	j := k
	if j >= 3 && toks[j-1].s == ")" && toks[j-3].s == "(" && isAcronym(toks[j-2].s) {
		j -= 3
	}
	if j < 2 || !headNouns[strings.ToLower(toks[j-1].s)] {
		return -1
	}
	a := j - 1
	for a > 0 && a > j-8 && (isCap(toks[a-1].s) || isParticleWord(toks[a-1].s)) && !sentenceOpeners[strings.ToLower(toks[a-1].s)] {
		a--
	}
	if a == j-1 {
		return -1 // a head noun alone ("Army units") names no one
	}
	return a
}

// ownerEnd returns the end of the name that ownerBefore found at toks[a].
func ownerEnd(toks []token, a int) int {
	e := a
	for e < len(toks) && (isCap(toks[e].s) || isParticleWord(toks[e].s)) {
		e++
	}
	return e
}

// listStart returns where the list that a unit or leader noun at toks[k]
// introduces begins, or -1: after "such as", "including" or "consisting
// of" within a few words, or, for a singular noun, an apposition
// ("unit on the path, Regiment 46, …").
func listStart(toks []token, k int, singular bool) int {
	for j := k + 1; j < len(toks) && j < k+10; j++ {
		w := strings.ToLower(toks[j].s)
		switch {
		case w == "such" && j+1 < len(toks) && toks[j+1].s == "as":
			return j + 2
		case w == "including":
			return j + 1
		case w == "consisting" && j+1 < len(toks) && toks[j+1].s == "of":
			return j + 2
		case w == "," && singular && j+1 < len(toks):
			if e := nameRun(toks, j+1); e > j+1 && e < len(toks) && toks[e].s == "," {
				return j + 1
			}
			return -1
		case w == "." || w == ";" || w == "(":
			return -1
		}
	}
	return -1
}

// nameRun returns the end of a unit name at toks[k]: capitalised words,
// particles, joiners and numbers ("25th Special Mission Forces Division",
// "Regiment 46"), or k when none starts there.
func nameRun(toks []token, k int) int {
	if k >= len(toks) || !isCap(toks[k].s) && !(toks[k].s[0] >= '0' && toks[k].s[0] <= '9' && len(toks[k].s) > 2) {
		return k
	}
	end := k + 1
	for e := k + 1; e < len(toks) && e < k+10; e++ {
		w := toks[e].s
		switch {
		case isCap(w) || isParticleWord(w) || allDigits(w) && e == end:
			end = e + 1
		case w == "of" || w == "the":
			continue
		default:
			return end
		}
	}
	return end
}

// listNames returns the names of a list "A, B and C" from toks[k]. In a
// list of people a rank or role before the name is skipped ("Islamic
// Revolutionary Guard Corps general Kioumars Pourhashemi").
func listNames(toks []token, k int, person bool) [][2]int {
	var out [][2]int
	for len(out) < 12 && k < len(toks) {
		if strings.EqualFold(toks[k].s, "the") {
			k++
		}
		e := nameRun(toks, k)
		if person && e < len(toks) && e+1 < len(toks) && roleWords[strings.ToLower(toks[e].s)] {
			k = e + 1
			e = nameRun(toks, k)
		}
		if e == k || sentenceOpeners[strings.ToLower(toks[k].s)] {
			break
		}
		out = append(out, [2]int{k, e})
		switch {
		case e+1 < len(toks) && toks[e].s == "," && toks[e+1].s == "and":
			k = e + 2
		case e < len(toks) && (toks[e].s == "," || toks[e].s == "and"):
			k = e + 1
		default:
			return out
		}
	}
	return out
}

// proseNameFact records one unit or commander named in prose.
func (e *extractor) proseNameFact(c *sentCtx, kind quiz.FactKind, a, b int) {
	v := c.tokText(a, b)
	key := strings.ToLower(v)
	if kind == quiz.KindCommander && b-a < 2 || e.infoboxHas(c.topic, kind, key) {
		return
	}
	ent := quiz.EntityGroup
	if kind == quiz.KindCommander {
		ent = quiz.EntityPerson
	}
	f := c.fact(kind, v, ent)
	f.Span = c.spanTok(e.doc, a, b)
	e.add(c.topic, f)
}

// infoboxHas reports whether the topic's infobox already gave the value.
func (e *extractor) infoboxHas(topic int, kind quiz.FactKind, low string) bool {
	for k, f := range e.facts {
		if k >= 2000 {
			break // the infobox comes first and is small; keep this bounded
		}
		if f.Kind == kind && f.Side != 0 && e.factTop[k] == topic && strings.ToLower(f.Value) == low {
			return true
		}
	}
	return false
}
