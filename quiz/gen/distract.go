package gen

import (
	"regexp"
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
		if fr.class == "place" && ownedBlank(fr) {
			return nil
		}
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
		if fr.class == "place" && (!sameForm(c, fr.answer) || g.placeMisfit(fr, c) || !theFits(fr, c)) {
			continue // "Daraa Governorate" for a governorate, not a town
		}
		if k == "" || seen[k] || g.alias.same(c, fr.answer) || (fr.class != "date" && fr.class != "number" && (containsWord(k, na) || containsWord(na, k))) {
			continue
		}
		if fr.f.Kind == quiz.KindCodename && g.placeElsewhere(c, fr.t.name) {
			continue // "Idlib De-escalation …" as the Battle of Raqqa's code name: false at a glance
		}
		if fr.class == "number" && g.reportedNear(fr.f, c) {
			continue // 80 killed where the next sentence gives "40 to 107 killed" for the same attack
		}
		if (fr.f.Kind == quiz.KindCasualties || fr.f.Kind == quiz.KindStrength) && namesForce(c) != namesForce(fr.answer) {
			continue // "29 SAA killed" beside "479+ killed (pro-government claim)": the form tells
		}
		if (fr.f.Kind == quiz.KindCasualties || fr.f.Kind == quiz.KindStrength) && g.sameSideClaim(fr, c) {
			continue // "300 killed" when this side lists "300 killed (opposition claim)": also true
		}
		if fr.class == "place" && sharesName(c, out) {
			continue // "Aleppo City" beside "Aleppo"
		}
		if fr.class != "place" && fr.class != "date" && fr.class != "number" && clusters(c, out, fr.answer) {
			continue // "Turkish Land Forces", "Turkish Air Force" beside "Kieba Martyrs Brigade": the odd one out is right
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
	offs := []int{-3, 5, 2, -6, 9, -2, 4, -9, 12, -12}
	if r.Start.Precision() == quiz.PrecisionYear {
		offs = []int{-2, 2, -1, 1, -3, 3, 4, -4} // 2009 and 2020 for a 2015 event are ruled out at a glance
	}
	for _, off := range offs {
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
	percent := strings.HasPrefix(fr.sent[fr.num.end:], " percent") || strings.HasPrefix(fr.sent[fr.num.end:], "%") ||
		strings.HasPrefix(fr.sent[fr.num.end:], " %") || strings.HasPrefix(fr.sent[fr.num.end:], " per cent")
	var out []string
	floor := includedCount(fr.sent[fr.num.end:])
	for _, v := range nearbyNumbers(fr.num.v) {
		if percent && v > 100 {
			continue // "captured 140 percent of the mountains"
		}
		if v <= floor {
			continue // "killing 10 people, including 11 rebels"
		}
		out = append(out, formatNumber(v, fr.num.text))
	}
	return out
}

// poolCands lists values of the same class: the topic's other sides first
// (verified wrong), then this document, then other documents. A candidate
// from another document must not be named in this one at all when the
// question is about sides: the text might put it on the asked side.
// poolLists are a frame's candidates before their per-card order: the
// verified-wrong values of the topic's other sides, then this document's,
// then other documents'.
type poolLists struct{ verified, here, there []string }

// poolCands returns the frame's candidates in the order of card seed: the
// scan of the pools is done once per frame, its choice and true/false
// cards share it.
func (g *generator) poolCands(fr *frame, seed string) []string {
	if fr.pool == nil {
		fr.pool = g.poolScan(fr)
	}
	here := append([]string(nil), fr.pool.here...)
	there := append([]string(nil), fr.pool.there...)
	r := newRNG(seed)
	rotate(here, r)
	rotate(there, r)
	out := append([]string(nil), fr.pool.verified...)
	out = append(out, here...)
	return append(out, there...)
}

func (g *generator) poolScan(fr *frame) *poolLists {
	var out []string
	side := fr.f.Side > 0 && isSideKind(fr.f.Kind)
	if side {
		out = append(out, g.otherSides(fr)...)
	}
	if side && (fr.f.Kind == quiz.KindStrength || fr.f.Kind == quiz.KindCasualties) {
		// Strength and loss cells mix numbers, claims and labels; only the
		// topic's other sides are verified wrong and written alike.
		return &poolLists{verified: out}
	}
	here, there := []string{}, []string{}
	ps := g.personSlotOf(fr)
	var allies map[string]bool
	if side && (fr.f.Kind == quiz.KindBelligerent || fr.f.Kind == quiz.KindUnit) {
		var same []string
		for _, k := range []quiz.FactKind{quiz.KindBelligerent, quiz.KindUnit} {
			same = append(same, g.sides[sideKey{fr.t.id, k, fr.f.Side}]...)
		}
		allies = g.alliesOf(same)
	}
	tn := norm(fr.t.name)
	for _, p := range g.pool[fr.class] {
		if !plausible(p.v, fr.answer) || strings.Contains(fr.sent, p.v) || !p.here && !g.sameEra(p.year) {
			continue
		}
		if p.here && fr.class == "place" && g.besideAnswer(fr.answer, p.v) {
			continue // "Caving Banks" for "Horseshoe Bend": "at Chusto-Talasah, or Caving Banks, on the Horseshoe Bend"
		}
		if p.here && (fr.class == "person" || fr.class == "commander") && g.nearFact(fr.f, p.v) {
			continue // "Also killed were … Hassan Turkomani" next to the sentence: swapped in, he was killed too
		}
		if fr.class == "place" && (p.same || containsWord(tn, p.n) || g.alias.same(p.v, fr.t.base)) {
			continue // "Chusto-Talasah", "Caving Banks" for a place in the Battle of Chusto-Talasah: the battle's own site
		}
		if ps != nil && !ps.fits(p, fr.answer) {
			continue // "Researchers _____ and Michael Weiss": researchers only, not commanders
		}
		if (fr.class == "commander" || fr.class == "person") && g.samePerson(p.v, fr.answer) {
			continue // "Qasem Sadedine" for "Kassem Saadeddin"
		}
		if fr.f.Kind == quiz.KindCommander && side && g.ledSide(p.v, g.sides[sideKey{fr.t.id, quiz.KindBelligerent, fr.f.Side}]) {
			continue // Bashar al-Assad for the Syrian Arab Republic's side: he led it elsewhere
		}
		switch {
		case p.here && side:
			// Another topic's belligerent may well have fought here too.
			continue
		case p.here:
			here = append(here, p.v)
		case fr.class == "person" && (ps == nil || ps.role != "scholar"):
			continue // "Ban Ki-moon" as a rebel leader: people from other articles are wrong at a glance (researchers aside)
		case side && (g.mentionedNorm(p.n) || g.mentionedAs(p.v)):
			continue // the text may put it on the asked side under another form ("US-led", "ISIL")
		case len(allies) > 0 && allies[p.n]:
			continue // fought beside the asked side in another battle: may have here too
		default:
			there = append(there, p.v)
		}
	}
	return &poolLists{verified: out, here: here, there: there}
}

// countryForms are the adjectives and abbreviations by which a text names
// a country without its name: a "United States" option is not verified
// wrong where "US-led Coalition airstrikes" backed the asked side.
var countryForms = map[string][]string{
	"united states": {"us", "u s", "usa", "american", "americans", "cjtf"}, "russia": {"russian", "russians"},
	"turkey": {"turkish", "turks", "tsk"}, "iran": {"iranian", "iranians", "irgc"}, "iraq": {"iraqi", "iraqis"},
	"israel": {"israeli", "idf"}, "lebanon": {"lebanese"}, "jordan": {"jordanian"}, "saudi arabia": {"saudi"},
	"qatar": {"qatari"}, "united kingdom": {"uk", "british", "britain"}, "france": {"french"},
	"germany": {"german"}, "egypt": {"egyptian"}, "libya": {"libyan"}, "yemen": {"yemeni"},
	"china": {"chinese"}, "syria": {"syrian"}, "afghanistan": {"afghan"}, "pakistan": {"pakistani"},
}

// mentionedAs reports a candidate the document names under another form: a
// country by its adjective or abbreviation, a group by its initials
// ("ISIL" for "Islamic State of Iraq and the Levant").
func (g *generator) mentionedAs(v string) bool {
	m, ok := g.mentionAsMemo[v]
	if !ok {
		m = g.mentionedAsUncached(v)
		g.mentionAsMemo[v] = m
	}
	return m
}

func (g *generator) mentionedAsUncached(v string) bool {
	n := norm(v)
	for _, f := range countryForms[n] {
		if g.mentioned(f) {
			return true
		}
	}
	if in := initials(v); len(in) >= 3 && g.mentioned(in) {
		return true
	}
	return false
}

// initials are the first letters of a name's capitalised words: "Islamic
// State of Iraq and the Levant" → "isil".
func initials(v string) string {
	var b strings.Builder
	for _, w := range strings.Fields(v) {
		if upperStart(w) {
			b.WriteByte(w[0] + 'a' - 'A')
		}
	}
	return b.String()
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

// states are US states and the countries of the shipped documents: a state
// answer ("Linn County, _____") takes states as options, a town takes towns.
var states = func() map[string]bool {
	m := map[string]bool{}
	for _, s := range strings.Split("alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|"+
		"georgia|hawaii|idaho|illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|"+
		"minnesota|mississippi|missouri|montana|nebraska|nevada|new hampshire|new jersey|new mexico|new york|"+
		"north carolina|north dakota|ohio|oklahoma|oregon|pennsylvania|rhode island|south carolina|south dakota|"+
		"tennessee|texas|utah|vermont|virginia|washington|west virginia|wisconsin|wyoming|indian territory|"+
		"syria|turkey|iraq|iran|lebanon|jordan|israel|russia|egypt|libya|yemen|united states", "|") {
		m[s] = true
	}
	return m
}()

// waterHeads end the names of rivers and creeks.
var waterHeads = map[string]bool{"river": true, "creek": true, "run": true, "bayou": true, "lake": true,
	"branch": true, "ford": true, "canal": true}

// regionWords open the name of a region rather than a town or province.
var regionWords = map[string]bool{"greater": true, "northern": true, "southern": true, "eastern": true,
	"western": true, "upper": true, "lower": true, "central": true, "north": true, "south": true, "east": true,
	"west": true, "northeastern": true, "northwestern": true, "southeastern": true, "southwestern": true}

// ownedBlank reports a blank after a possessive ("Turkey's _____"): the
// owner narrows the answer to its own places, which other documents' place
// values do not respect, so no options are offered.
func ownedBlank(fr *frame) bool {
	if !fr.hasBlank() {
		return false
	}
	pre := strings.TrimRight(fr.sent[:fr.blank[0]], " ")
	return strings.HasSuffix(pre, "'s") || strings.HasSuffix(pre, "’s") || strings.HasSuffix(pre, "s'")
}

// namesForce reports a loss or strength cell that names a force with a
// capitalised word ("29 SAA killed", "60–108 Hezbollah killed").
func namesForce(v string) bool {
	depth := 0
	for _, w := range strings.Fields(v) {
		open := strings.HasPrefix(w, "(")
		if open {
			depth++
		}
		if depth == 0 && upperStart(w) {
			return true // "21 YPG fighters killed", not "300+ killed (Al Rai claim)"
		}
		if strings.HasSuffix(w, ")") && depth > 0 {
			depth--
		}
	}
	return false
}

// theHeads are the common nouns that end a place name taking "the": "the
// Shenandoah Valley", "the Dunker Church".
var theHeads = map[string]bool{"valley": true, "river": true, "mountains": true, "heights": true, "creek": true,
	"church": true, "ridge": true, "hill": true, "hills": true, "farm": true, "plains": true, "road": true, "pike": true,
	"turnpike": true, "ford": true, "run": true, "landing": true, "bridge": true, "harbor": true, "bay": true,
	"island": true, "peninsula": true, "dam": true, "airbase": true, "citadel": true, "square": true, "district": true,
	"countryside": true, "desert": true, "wilderness": true, "confederacy": true, "union": true, "house": true,
	"orchard": true, "woods": true, "wood": true, "station": true, "junction": true, "tavern": true, "mill": true,
	"mills": true, "gap": true, "pass": true, "springs": true, "crossroads": true, "field": true, "den": true,
	"hospital": true, "airport": true, "prison": true, "mosque": true, "stadium": true, "roundabout": true,
	"market": true, "hotel": true, "school": true, "college": true, "academy": true, "base": true, "plant": true,
	"silos": true, "bend": true, "banks": true, "shoal": true, "pond": true, "grove": true, "courthouse": true}

// theFits reports whether option c reads after the "the" before the blank
// when the answer does: "into the _____" takes "Shenandoah Valley", not
// "Sharpsburg".
func theFits(fr *frame, c string) bool {
	if !fr.hasBlank() || !strings.HasSuffix(strings.ToLower(fr.sent[:fr.blank[0]]), "the ") {
		return true
	}
	return theHeads[strings.ToLower(lastWord(c))] == theHeads[strings.ToLower(lastWord(fr.answer))]
}

// sameSideClaim reports a loss or strength option that a value of the asked
// side repeats once its bracketed note is dropped.
func (g *generator) sameSideClaim(fr *frame, c string) bool {
	nc := norm(withoutNote(c))
	for _, v := range g.sides[sideKey{fr.t.id, fr.f.Kind, fr.f.Side}] {
		if norm(withoutNote(v)) == nc {
			return true
		}
	}
	return false
}

// withoutNote drops a bracketed note: "300 killed (opposition claim)".
func withoutNote(v string) string {
	if i := strings.IndexByte(v, '('); i > 0 {
		return strings.TrimSpace(v[:i])
	}
	return v
}

// sharesName reports a place option that shares a name word with one
// already chosen.
func sharesName(c string, chosen []string) bool {
	for _, o := range chosen {
		no := " " + norm(o) + " "
		for _, w := range strings.Fields(norm(c)) {
			if !genericWords[w] && len(w) > 2 && strings.Contains(no, " "+w+" ") {
				return true
			}
		}
	}
	return false
}

// placeMisfit reports a place option that does not fit the blank's
// sentence: it shares a name with a place the sentence already names
// ("Aleppo City" in "… of Hama, _____ and Aleppo"), or the blank sits in a
// list of provinces and the option is not known as one (a town).
func (g *generator) placeMisfit(fr *frame, c string) bool {
	ns := " " + norm(fr.sent) + " "
	for _, w := range strings.Fields(norm(c)) {
		if !genericWords[w] && len(w) > 2 && strings.Contains(ns, " "+w+" ") {
			return true
		}
	}
	if !fr.hasBlank() || adminHeads[strings.ToLower(lastWord(fr.answer))] {
		return false
	}
	pre := strings.ToLower(fr.sent[max(0, fr.blank[0]-60):fr.blank[0]])
	if !strings.Contains(pre, "province") && !strings.Contains(pre, "governorate") {
		return false
	}
	return !g.provinceNames()[norm(c)]
}

// provinceNames lists the names that the pools know with an administrative
// head ("Raqqa" from "Raqqa Governorate").
func (g *generator) provinceNames() map[string]bool {
	if g.provinces == nil {
		g.provinces = map[string]bool{}
		for _, p := range g.pool["place"] {
			if w := lastWord(p.v); w != p.v && adminHeads[strings.ToLower(w)] {
				g.provinces[norm(strings.TrimSuffix(p.v, " "+w))] = true
			}
		}
	}
	return g.provinces
}

// sameForm reports whether a place option has the answer's form: the same
// administrative head noun, or none when the answer has none; an answer
// that starts in lower case ("northwestern Syria") matches nothing.
func sameForm(c, answer string) bool {
	if answer == "" || strings.ToLower(answer[:1]) == answer[:1] || c == "" || strings.ToLower(c[:1]) == c[:1] {
		return false // "northwestern Syria", "al-Fouaa" beside "Idlib": a region or a spelling gives it away
	}
	if regionWords[firstWord(c)] != regionWords[firstWord(answer)] {
		return false // "Greater Idlib" beside towns
	}
	if waterHeads[strings.ToLower(lastWord(c))] != waterHeads[strings.ToLower(lastWord(answer))] {
		return false // "Chickahominy River" beside towns
	}
	if states[strings.ToLower(c)] != states[strings.ToLower(answer)] || strings.Count(c, ",") != strings.Count(answer, ",") {
		return false // "Kansas" beside towns; "Tremseh, Hama, Syria" beside single names
	}
	ha, hc := strings.ToLower(lastWord(answer)), strings.ToLower(lastWord(c))
	if adminHeads[ha] || adminHeads[hc] {
		return ha == hc
	}
	return true
}

// clusters reports an option that shares a distinctive word with an option
// already chosen which the answer lacks: three "Turkish …" units beside one
// that is not, or "Republican Guard" beside "Syrian Republican Guard", make
// the answer the odd one out.
func clusters(c string, chosen []string, answer string) bool {
	na := " " + norm(answer) + " "
	for _, o := range chosen {
		no := " " + norm(o) + " "
		for _, w := range strings.Fields(norm(c)) {
			if genericWords[w] || len(w) < 3 || strings.Contains(na, " "+w+" ") {
				continue
			}
			if strings.Contains(no, " "+w+" ") {
				return true
			}
		}
	}
	return false
}

// nearWindow is how far around a fact's sentence another name counts as
// part of the same passage.
const nearWindow = 700

// nearFact reports a name written within nearWindow bytes of the fact's
// source: a person of the same passage may share the fact (killed in the
// same attack, at the same meeting), so they are no verified wrong answer.
func (g *generator) nearFact(f quiz.Fact, v string) bool {
	return strings.Contains(g.passage(f), v)
}

// passage is the document's text within nearWindow of a fact's source.
func (g *generator) passage(f quiz.Fact) string {
	t := g.doc.Text
	lo, hi := max(0, f.Start-nearWindow), min(len(t), f.End+nearWindow)
	if lo >= hi {
		return ""
	}
	return t[lo:hi]
}

// besideAnswer reports a place the document names within a few words of
// the answer somewhere: the two may be one place, or one inside the other.
func (g *generator) besideAnswer(answer, v string) bool {
	t := g.doc.Text
	for i := range occurrences(t, answer, maxOccurrences) {
		if strings.Contains(t[max(0, i-80):min(len(t), i+len(answer)+80)], v) {
			return true
		}
	}
	return false
}

// spanNumberRE finds a number or a span of numbers: "107", "40 to 107",
// "10–26".
var spanNumberRE = regexp.MustCompile(`\d[\d,]*(?:\.\d+)?(?:\s*(?:–|-|to)\s*\d[\d,]*(?:\.\d+)?)?`)

// reportedNear reports a number option that the passage around the fact
// gives too, alone or inside a span: other reports of the same toll.
func (g *generator) reportedNear(f quiz.Fact, c string) bool {
	v, ok := parseNumber(c)
	if !ok {
		return false
	}
	for _, r := range g.numbersNear(f) {
		if r[0] <= v && v <= r[1] {
			return true
		}
	}
	return false
}

// numbersNear lists the numbers and spans of numbers written within
// nearWindow of a fact's source, read once per fact.
func (g *generator) numbersNear(f quiz.Fact) [][2]float64 {
	if rs, ok := g.nearNums[f.Start]; ok {
		return rs
	}
	var rs [][2]float64
	if p := g.passage(f); p != "" {
		for _, m := range spanNumberRE.FindAllString(p, -1) {
			parts := strings.FieldsFunc(m, func(r rune) bool { return r == '–' || r == '-' || r == ' ' })
			var ns []float64
			for _, p := range parts {
				if p == "to" {
					continue
				}
				if n, ok := parseNumber(p); ok {
					ns = append(ns, n)
				}
			}
			switch len(ns) {
			case 1:
				rs = append(rs, [2]float64{ns[0], ns[0]})
			case 2:
				rs = append(rs, [2]float64{ns[0], ns[1]})
			}
		}
	}
	if g.nearNums == nil {
		g.nearNums = map[int][][2]float64{}
	}
	g.nearNums[f.Start] = rs
	return rs
}

// placeElsewhere reports an option that names a place the topic's name
// does not.
func (g *generator) placeElsewhere(c, topic string) bool {
	nt := " " + norm(topic) + " "
	for _, w := range strings.Fields(norm(c)) {
		if g.placeNames[w] && !strings.Contains(nt, " "+w+" ") {
			return true
		}
	}
	return false
}

// includedCount reads "including 11 rebels" right after a count: the count
// must be larger.
func includedCount(rest string) float64 {
	i := strings.Index(rest, "including ")
	if i < 0 || i > 40 {
		return 0
	}
	w := firstWord(rest[i+len("including "):])
	if n, ok := parseNumber(strings.Trim(w, ",.;")); ok {
		return n
	}
	return 0
}
