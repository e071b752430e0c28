package gen

import (
	"regexp"
	"sort"
	"strings"

	"github.com/factdeck/factdeck/quiz"
)

// event is a dated happening that can stand alone on a timeline.
type event struct {
	fr     *frame
	label  string // "Tahrir al-Sham entered Aleppo"
	lo, hi int    // day numbers covered by its date
}

// events lists the document's dated prose facts with a self-contained
// label, sorted by time. Several events may share a date; chains pick one
// per date.
func (g *generator) events() []event {
	var out []event
	seen := map[string]bool{}
	for _, frs := range g.allFrames() {
		for _, fr := range frs {
			if fr.date == nil || fr.dateHit == nil || !fr.sentOK || !fr.date.End.IsZero() {
				continue
			}
			label, ok := eventLabel(fr)
			if !ok || seen[norm(label)] || g.vague(label, fr.t.base) {
				continue
			}
			seen[norm(label)] = true
			lo, hi := dayRange(fr.date.Start)
			out = append(out, event{fr, label, lo, hi})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].lo < out[j].lo })
	return out
}

// chains returns orderings of events, one event per date: the k-th chain
// takes the k-th event reported for each date (cycling when a date has
// fewer), so that different events of the same days make different cards.
func chains(evs []event) [][]event {
	var dates []string
	byDate := map[string][]event{}
	for _, e := range evs {
		k := e.fr.date.Start.ISO()
		if byDate[k] == nil {
			dates = append(dates, k)
		}
		byDate[k] = append(byDate[k], e)
	}
	most := 0
	for _, es := range byDate {
		most = max(most, len(es))
	}
	var out [][]event
	for k := 0; k < min(most, 3); k++ {
		var c []event
		for _, d := range dates {
			es := byDate[d]
			c = append(c, es[k%len(es)])
		}
		out = append(out, chain(c))
	}
	return out
}

func dayRange(d quiz.Date) (int, int) {
	switch d.Precision() {
	case quiz.PrecisionYear:
		return d.Year * 372, d.Year*372 + 371
	case quiz.PrecisionMonth:
		b := d.Year*372 + (d.Month-1)*31
		return b, b + 30
	}
	n := dayNumber(d)
	return n, n
}

var clauseCutRE = regexp.MustCompile(`,\s+(?:which|who|where|while|making|capturing|killing|following|after|as|amidst|leading)\b.*$`)

// finiteVerbRE wants a past-tense verb, so a label is a clause, not a
// fragment left by cutting the sentence.
var finiteVerbRE = regexp.MustCompile(`\b(?:\w+ed|took|fell|began|led|fought|won|broke|sent|went|held|made|left|came|became|struck|ran|drove|withdrew|overran|lost|met|set|blew|was|were|had)\b`)

var connectiveRE = regexp.MustCompile(`^(?:However|But|Instead|Also|Meanwhile|Subsequently|Then|Later|Thus|Therefore|And)\b`)

// asideRE matches a comma-bounded aside that a timeline label can lose:
// ", along with allied groups in the Military Operations Command,".
var asideRE = regexp.MustCompile(`, (?:along with|together with|supported by|backed by|aided by|assisted by|joined by|alongside|with the support of|in coordination with) [^,]{3,90},`)

// eventLabel shortens the sentence without its date to its main clause.
func eventLabel(fr *frame) (string, bool) {
	rest, ok := withoutDate(fr.sent, *fr.dateHit)
	if !ok || subordinateDate(fr.sent, fr.dateHit.start) {
		return "", false // "… after Raqqa which was captured in March 2013": not this event's date
	}
	rest = asideRE.ReplaceAllString(rest, "")
	rest = timingRE.ReplaceAllString(rest, "") // "Hama eventually fell" would tell it is last
	rest = strings.TrimSuffix(clauseCutRE.ReplaceAllString(rest, ""), ".")
	if words(rest) > 18 {
		rest = lastClause(rest)
	}
	if !finiteVerbRE.MatchString(rest) || words(rest) > 18 || words(rest) < 3 || startsWithPronoun(rest) ||
		vagueStartRE.MatchString(rest) && !namedStart(rest) || connectiveRE.MatchString(rest) || unboundPronoun(rest) ||
		leansOnPreviousUndated(rest) || leansOnPrevious(fr.sent) || danglingRelative(rest) || repeats(rest) {
		return "", false
	}
	return upperFirst(rest), true
}

// repeats reports a label that tells of a step in a series ("advanced
// further", "captured another village", "seized two more villages"): on a
// timeline it cannot be told from its neighbours.
func repeats(s string) bool {
	l := " " + strings.ToLower(strings.TrimSuffix(s, ".")) + " "
	for _, w := range []string{" again ", " another ", " more ", " also ", " continued ", " still ", " later ",
		" recaptured ", " retook ", " regained ", " re-took ", " re-captured ", " once more ", " final "} {
		if strings.Contains(l, w) {
			return true
		}
	}
	ws := strings.Fields(l)
	for i, w := range ws {
		if w != "further" {
			continue
		}
		if i+1 == len(ws) {
			return true // "advanced further"
		}
		switch strings.Trim(ws[i+1], ",") {
		case "south", "north", "east", "west", "into", "inside", "toward", "towards", "south-east", "southeast",
			"northeast", "northwest", "southwest":
		default:
			return true // "further advances"
		}
	}
	return false
}

// namedStart reports an opening definite description tied to a name:
// "The whole city of Hama …".
func namedStart(s string) bool {
	ws := strings.Fields(s)
	for i := 1; i < len(ws) && i <= 4; i++ {
		if ws[i] == "of" && i+1 < len(ws) && upperStart(ws[i+1]) {
			return true
		}
	}
	return false
}

// unboundPronoun reports a pronoun a label cannot resolve: a subject
// pronoun anywhere, a demonstrative, or a possessive before any name ("its
// allies" after "the Syrian Arab Army" is resolved).
func unboundPronoun(s string) bool {
	if vagueDet(s) || earlyPronoun(s) {
		return true
	}
	for _, w := range strings.Fields(s) {
		switch strings.ToLower(strings.Trim(w, ",.;:()\"“”")) {
		case "it", "they", "he", "she", "them", "him", "these", "those", "this":
			return true
		}
	}
	return false
}

// danglingRelative reports a label ending in a relative clause that lost
// its object with the date: "… which started".
func danglingRelative(s string) bool {
	ws := strings.Fields(strings.TrimSuffix(s, "."))
	return len(ws) >= 2 && relWords[strings.ToLower(ws[len(ws)-2])]
}

// lastClauseRE finds a final independent clause after a comma: ", the whole
// city of Hama eventually fell to the rebels".
var lastClauseRE = regexp.MustCompile(`, ((?:the|[A-Z])[^,]{10,120})$`)

// lastClause keeps the final clause of a comma-spliced sentence when it has
// its own subject and past-tense verb; otherwise the sentence is returned.
func lastClause(s string) string {
	m := lastClauseRE.FindStringSubmatch(s)
	if m == nil || !finiteVerbRE.MatchString(m[1]) || words(m[1]) < 5 {
		return s
	}
	return m[1]
}

// chain keeps events whose dates do not overlap, so each pair can be told
// apart (a month is not ordered against a day inside it).
func chain(evs []event) []event {
	var out []event
	for _, e := range evs {
		if len(out) > 0 && e.lo <= out[len(out)-1].hi {
			continue
		}
		out = append(out, e)
	}
	return out
}

// orderCards builds timeline cards of 3–5 events: per topic, then across
// the document's topics.
func (g *generator) orderCards() []quiz.Card {
	all := g.events()
	var out []quiz.Card
	byTopic := map[string][]event{}
	var ids []string
	for _, e := range all {
		if byTopic[e.fr.t.id] == nil {
			ids = append(ids, e.fr.t.id)
		}
		byTopic[e.fr.t.id] = append(byTopic[e.fr.t.id], e)
	}
	for _, id := range ids {
		for _, c := range chains(byTopic[id]) {
			if len(c) == 0 {
				continue
			}
			out = append(out, g.orderWindows(c, c[0].fr.t.name+": put these events in the order they happened, earliest first")...)
		}
	}
	if len(ids) < 2 {
		return out
	}
	// Across topics: label each event with its topic so it stands alone.
	var undated []event
	for _, e := range all {
		if yearRE.MatchString(e.fr.t.name) || yearRE.MatchString(e.label) || monthIn(e.fr.t.name) {
			continue // "Aleppo offensive (June 2016)": the name gives its place in the order away
		}
		undated = append(undated, e)
	}
	for _, c := range chains(undated) {
		var cross []event
		for _, e := range c {
			e.label = e.fr.t.name + ": " + e.label
			cross = append(cross, e)
		}
		out = append(out, g.orderWindows(cross, g.doc.Extraction.Title+" and related events: put these in the order they happened, earliest first")...)
	}
	return out
}

// monthIn reports a month name in s.
func monthIn(s string) bool {
	for _, w := range strings.Fields(s) {
		if monthWords[strings.Trim(w, "(),")] {
			return true
		}
	}
	return false
}

// precisionNote says how far apart the items are, so the student knows
// the order is decidable: every item in a different year, else in a
// different month, else on a different day.
func precisionNote(w []event) string {
	years, months := map[int]bool{}, map[int]bool{}
	for _, e := range w {
		d := e.fr.date.Start
		years[d.Year] = true
		if d.Precision() >= quiz.PrecisionMonth {
			months[d.Year*12+d.Month] = true
		}
	}
	switch {
	case len(years) == len(w):
		return " (each in a different year)."
	case len(months) == len(w):
		return " (each in a different month)."
	}
	return " (each on a different day)."
}

// orderWindows cuts a chain into overlapping cards of four events (three
// to five).
func (g *generator) orderWindows(c []event, prompt string) []quiz.Card {
	var out []quiz.Card
	if len(c) < 3 {
		return nil
	}
	// Windows of four, starting every second event: each event is ordered
	// against both earlier and later neighbours across cards.
	for i := 0; i < len(c); i += 2 {
		j := min(i+4, len(c))
		if j-i < 3 {
			i, j = max(0, len(c)-3), len(c)
		}
		out = append(out, g.orderCard(c[i:j], prompt+precisionNote(c[i:j])))
		if j == len(c) {
			break
		}
	}
	return out
}

func (g *generator) orderCard(w []event, prompt string) quiz.Card {
	var labels, keys, quotes []string
	items := make([]quiz.Item, len(w))
	for i, e := range w {
		items[i] = quiz.Item{Left: e.label, Right: formatDate(e.fr.date.Start, g.style)}
		labels = append(labels, e.label)
		keys = append(keys, e.fr.key+"|"+norm(g.cleaned(e.fr.f.Text)))
		quotes = append(quotes, items[i].Right+": \u201c"+strings.TrimSpace(e.fr.f.Text)+"\u201d ("+e.fr.t.name+")")
	}
	first := w[0].fr
	c := quiz.Card{
		ID:          g.cardID(quiz.CardOrder, keys...),
		Kind:        quiz.CardOrder,
		Topic:       first.t.name,
		TopicID:     first.t.id,
		FactKind:    quiz.KindDate,
		Prompt:      prompt,
		Answer:      strings.Join(labels, " → "),
		Items:       items,
		FactKey:     g.factKey(strings.Join(keys, "\x1e")),
		Explanation: "In order: " + strings.Join(quotes, "; "),
		Source:      quiz.Source{Doc: g.doc.ID, Text: first.f.Text, Start: first.f.Start, End: first.f.End},
	}
	c.Score = clamp(1 - promptPenalty(c.Prompt, "") - labelPenalty(labels))
	return c
}

// labelPenalty scores the items of order and match cards like prompts.
func labelPenalty(ls []string) float64 {
	p := 0.0
	for _, l := range ls {
		p = max(p, promptPenalty(l, ""))
	}
	return p
}

// timingRE finds the words that place an event in a sequence: on a
// timeline they give the order away.
var timingRE = regexp.MustCompile(`(?i) (?:eventually|finally|ultimately|subsequently|at last|for the first time|first)\b`)
