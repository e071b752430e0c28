package gen

import (
	"sort"
	"strings"

	"github.com/factdeck/factdeck/quiz"
)

// pair is one true pairing for a matching card, with the fact behind it.
type pair struct {
	left, right string
	fr          *frame
}

// matchCards builds matching cards of 3–5 true pairs: code name ↔
// operation, abbreviation ↔ full name, belligerent or unit ↔ side, and
// event ↔ date.
func (g *generator) matchCards() []quiz.Card {
	var code, abbr []pair
	sides := map[string][]pair{}
	var order []string
	for _, frs := range g.allFrames() {
		for _, fr := range frs {
			switch {
			case fr.f.Kind == quiz.KindCodename && fr.question != "":
				name := strings.TrimSuffix(strings.TrimPrefix(fr.question, "What was the code name of "), "?")
				code = append(code, pair{fr.answer, upperFirst(name), fr})
			case fr.class == "acronym":
				abbr = append(abbr, pair{fr.answer, fr.named, fr})
			case (fr.f.Kind == quiz.KindBelligerent || fr.f.Kind == quiz.KindUnit) && fr.question != "":
				k := fr.t.id + "|" + string(fr.f.Kind)
				if sides[k] == nil {
					order = append(order, k)
				}
				sides[k] = append(sides[k], pair{fr.answer, g.sideLabel(fr), fr})
			}
		}
	}
	var out []quiz.Card
	out = append(out, g.matchWindows(uniquePairs(code), "Match each code name to its operation.")...)
	out = append(out, g.matchWindows(uniquePairs(abbr), "Match each abbreviation to the name it stands for.")...)
	for _, k := range order {
		ps := uniquePairs(sides[k])
		if len(distinctRights(ps)) < 2 {
			continue
		}
		what := "belligerent"
		if ps[0].fr.f.Kind == quiz.KindUnit {
			what = "unit"
		}
		out = append(out, g.matchWindows(interleave(ps), ps[0].fr.t.name+": match each "+what+" to the side it was on.")...)
	}
	dates := g.events()
	var dp []pair
	for _, e := range chain(dates) {
		dp = append(dp, pair{e.fr.t.name + ": " + e.label, formatDate(e.fr.date.Start, g.style), e.fr})
	}
	out = append(out, g.matchWindows(dp, "Match each event to its date.")...)
	return out
}

// sideLabel names a side by its principal belligerents (sideName).
func (g *generator) sideLabel(fr *frame) string {
	if fr.f.Kind == quiz.KindBelligerent {
		// One belligerent names its side for every item, and is no item
		// itself: labels that each leave out a different name match by what
		// they leave out ("Russia ↔ the side of Ba'athist Syria; Ba'athist
		// Syria ↔ the side of Russia").
		for _, b := range g.sides[sideKey{fr.t.id, quiz.KindBelligerent, fr.f.Side}] {
			if g.onOtherSide(fr.t.id, b, fr.f.Side) {
				continue
			}
			if g.alias.same(b, fr.answer) || sameNation(b, fr.answer) {
				return ""
			}
			return "the side of " + g.theName(b)
		}
		return ""
	}
	if n := g.sideName(fr.t.id, fr.f.Side, fr.answer); n != "" {
		return "the side of " + n
	}
	return ""
}

// uniquePairs drops pairs whose left repeats, or that name their own side.
func uniquePairs(ps []pair) []pair {
	seen := map[string]bool{}
	var out []pair
	for _, p := range ps {
		k := norm(p.left)
		if seen[k] || p.right == "" || strings.HasSuffix(p.right, " "+p.left) || containsWord(norm(p.right), k) {
			continue
		}
		dup := false
		for _, o := range out {
			if ko := norm(o.left); containsWord(ko, k) || containsWord(k, ko) {
				dup = true // "Republican Guard" beside "Syrian Republican Guard": one unit twice
			}
		}
		if dup {
			continue
		}
		seen[k] = true
		out = append(out, p)
	}
	return out
}

func distinctRights(ps []pair) map[string]bool {
	m := map[string]bool{}
	for _, p := range ps {
		m[p.right] = true
	}
	return m
}

// interleave alternates sides so that each window mixes them.
func interleave(ps []pair) []pair {
	groups := map[string][]pair{}
	var keys []string
	for _, p := range ps {
		if groups[p.right] == nil {
			keys = append(keys, p.right)
		}
		groups[p.right] = append(groups[p.right], p)
	}
	sort.Strings(keys)
	var out []pair
	for i := 0; len(out) < len(ps); i++ {
		for _, k := range keys {
			if i < len(groups[k]) {
				out = append(out, groups[k][i])
			}
		}
	}
	return out
}

// matchWindows cuts pairs into cards of up to five (at least three).
func (g *generator) matchWindows(ps []pair, prompt string) []quiz.Card {
	var out []quiz.Card
	for i := 0; i+3 <= len(ps); i += 5 {
		j := min(i+5, len(ps))
		if len(ps)-j > 0 && len(ps)-j < 3 {
			j = max(i+3, len(ps)-3)
		}
		if len(distinctRights(ps[i:j])) >= 2 && distinctSides(ps[i:j]) != 1 {
			out = append(out, g.matchCard(ps[i:j], prompt)) // five units of one side match nothing
		}
		i = j - 5
	}
	return out
}

func (g *generator) matchCard(ps []pair, prompt string) quiz.Card {
	var keys, answers, quotes []string
	items := make([]quiz.Item, len(ps))
	for i, p := range ps {
		items[i] = quiz.Item{Left: p.left, Right: p.right}
		answers = append(answers, p.left+" ↔ "+p.right)
		keys = append(keys, p.fr.key+"|"+norm(g.cleaned(p.fr.f.Text)))
		quotes = append(quotes, "\u201c"+strings.TrimSpace(p.fr.f.Text)+"\u201d ("+p.fr.t.name+")")
	}
	first := ps[0].fr
	c := quiz.Card{
		ID:          g.cardID(quiz.CardMatch, keys...),
		Kind:        quiz.CardMatch,
		Topic:       first.t.name,
		TopicID:     first.t.id,
		FactKind:    first.f.Kind,
		Prompt:      prompt,
		Answer:      strings.Join(answers, "; "),
		Items:       items,
		FactKey:     g.factKey(strings.Join(keys, "\x1e")),
		Explanation: "Sources: " + strings.Join(dedupe(quotes), "; "),
		Source:      quiz.Source{Doc: g.doc.ID, Text: first.f.Text, Start: first.f.Start, End: first.f.End},
	}
	c.Score = clamp(1 - promptPenalty(c.Prompt, "") - labelPenalty(answers))
	return c
}

func dedupe(xs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// distinctSides counts the infobox sides of side-tagged pairs (0 for other
// pairs): three belligerents of one side, each labelled by another of them,
// match by the name each label leaves out.
func distinctSides(ps []pair) int {
	m := map[int]bool{}
	for _, p := range ps {
		if p.fr.f.Side > 0 {
			m[p.fr.f.Side] = true
		}
	}
	return len(m)
}
