package gen

import (
	"regexp"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/factdeck/factdeck/quiz"
)

// generator holds one document's facts and the indexes the card builders
// share: topics, per-side value sets, alias groups and distractor pools.
type generator struct {
	doc     Doc
	slug    string
	opts    Options
	facts   []quiz.Fact
	topics  map[string]topicInfo // by Topic.ID and by display name
	style   dateStyle
	docNorm string // the whole document normalised, to test "mentioned here"

	sides      map[sideKey][]string       // values per topic, fact kind and side
	slotValues map[string]map[string]bool // norm values per topic and fact kind
	alias      *aliasIndex
	pool       map[string][]poolValue // distractor candidates per class

	framesCache               [][]*frame                 // frames per fact, built once
	bySource                  map[[2]int][]quiz.Fact     // facts per cited source span
	seenDates                 map[string]map[string]bool // ISO dates reported per topic
	eventIndex                map[string][]datedEvent    // dated sentences per topic, built on first use (repeat.go)
	mentionMemo               map[string]bool
	theMemo                   map[string]bool            // takesThe per name
	quotedMemo                map[string]float64         // quotedPenalty per quoted sentence
	nearNums                  map[int][][2]float64       // numbersNear per fact start
	bySide                    map[sideKey][]quiz.Fact    // belligerent facts per topic and side (sideFacts)
	docPlaces                 []string                   // the document's place names, built on first use
	others                    []Doc                      // the collection's other documents
	articleMemo               map[string][2]int          // articleUse over the collection, per word
	partOf                    map[string]int             // norm "part of" value → documents giving it
	partDocs                  int                        // documents seen by notePartOf
	commands                  map[string]map[string]bool // norm commander → norm belligerents of the sides they led, in any document
	cleanMemo                 map[string]string
	dateMemo                  map[string][]dateHit
	saneMemo                  map[string]bool
	vagueMemo                 map[string]bool     // vagueRef per text and topic
	garbleMemo                map[string]bool     // garbled or leaning, per quoted sentence
	verbMemo                  map[string]bool     // hasVerb per quoted sentence
	grammarMemo               map[string]bool     // ungrammatical per quoted sentence
	mentionAsMemo             map[string]bool     // mentionedAs per candidate
	skelMemo                  map[string]string   // skeleton per person name
	cityMemo                  map[string]bool     // isCity per place
	provinces                 map[string]bool     // built on first use by provinceNames
	surnames                  map[string]bool     // last words of the document's people, built on first use
	sideNames                 map[string]bool     // norm names of belligerents and units, to spot two run together
	placeNames                map[string]bool     // norm one-word place names of the collection
	firstNames                map[string]bool     // lower-case first words of the collection's people, to spot cut names
	namesByFirst, namesByLast map[string][]string // the collection's people's names by first and last word
	year                      int                 // docYear of the document
	mainName                  string              // norm name of the main topic
	topicSpan                 map[string][2]int   // day numbers of a topic's infobox date range
	allies                    map[string][]int    // norm name → the other documents' sides listing it
	sideGroups                [][]string          // norm names per side of another document
}

// sane memoises saneValue: distractor pools see the same values in every
// document of the collection.
func (g *generator) sane(f quiz.Fact, v string) bool {
	k := string(f.Kind) + "\x00" + string(f.Entity) + "\x00" + v
	ok, seen := g.saneMemo[k]
	if !seen {
		ok = saneShared(f, v) && !g.joined(f, v) &&
			!(f.Kind == quiz.KindUnit && words(v) == 1 && g.placeNames[norm(v)] && !states[strings.ToLower(v)])
		g.saneMemo[k] = ok
	}
	return ok && !g.cutValue(f, v)
}

// vague memoises vagueRef: the cards of one sentence quote it alike.
func (g *generator) vague(text, topicBase string) bool {
	k := text + "\x00" + topicBase
	v, ok := g.vagueMemo[k]
	if !ok {
		v = vagueRef(text, topicBase)
		g.vagueMemo[k] = v
	}
	return v
}

// garbled memoises the garbled check per quoted sentence.
func (g *generator) garbled(s string) bool {
	v, ok := g.garbleMemo[s]
	if !ok {
		v = garbled(s) || leansOnPrevious(s)
		g.garbleMemo[s] = v
	}
	return v
}

// ungrammatical memoises ungrammatical per quoted sentence.
func (g *generator) ungrammatical(s string) bool {
	v, ok := g.grammarMemo[s]
	if !ok {
		v = ungrammatical(s) || g.theSlip(s)
		g.grammarMemo[s] = v
	}
	return v
}

// hasVerb memoises hasVerb per quoted sentence.
func (g *generator) hasVerb(s string) bool {
	v, ok := g.verbMemo[s]
	if !ok {
		v = hasVerb(s)
		g.verbMemo[s] = v
	}
	return v
}

// personName reports a value that is the surname of one of the document's
// people (persons and commanders).
func (g *generator) personName(v string) bool {
	if g.surnames == nil {
		g.surnames = map[string]bool{}
		for _, f := range g.facts {
			if f.Entity == quiz.EntityPerson || f.Kind == quiz.KindCommander {
				if w := lastWord(strings.TrimSpace(f.Value)); strings.Contains(strings.TrimSpace(f.Value), " ") {
					g.surnames[norm(w)] = true
				}
			}
		}
	}
	return g.surnames[norm(v)]
}

// cleaned memoises clean for source texts, which many cards share.
func (g *generator) cleaned(s string) string {
	c, ok := g.cleanMemo[s]
	if !ok {
		c = clean(s)
		g.cleanMemo[s] = c
	}
	return c
}

// allFrames returns the frames of every fact, computing them once.
func (g *generator) allFrames() [][]*frame {
	if g.framesCache == nil {
		g.framesCache = make([][]*frame, len(g.facts))
		for i, f := range g.facts {
			g.framesCache[i] = g.frames(f)
		}
	}
	return g.framesCache
}

// dates finds the dates of a sentence, memoised: sentences are scanned by
// several frames.
func (g *generator) dates(s string) []dateHit {
	if h, ok := g.dateMemo[s]; ok {
		return h
	}
	h := findDates(s)
	g.dateMemo[s] = h
	return h
}

type sideKey struct {
	topic string
	kind  quiz.FactKind
	side  int
}

// poolValue is a distractor candidate and whether it comes from this document.
type poolValue struct {
	v    string
	here bool
	year int    // the year the value's document is mostly about; 0 unknown
	role string // for people: the role family named before the name ("researchers")
	aff  string // for people: the side word named before the name ("confederate")
	same bool   // from another document about the same main topic (the NPS summary of a battle's lead)
	n    string // norm(v), computed once
	rank string // for people: the military rank written right before the name ("colonel")
}

// docYear is the year a document's dated facts mostly fall in, so that
// distractors from other documents come from the same era (no American
// Civil War generals for a Syrian battle). 0 when the document has no dates.
func docYear(d Doc) int {
	count := map[int]int{}
	best, n := 0, 0
	for _, f := range d.Extraction.Facts {
		if f.Date == nil || f.Date.Start.Year == 0 {
			continue
		}
		y := f.Date.Start.Year
		count[y]++
		if count[y] > n || count[y] == n && y < best {
			best, n = y, count[y]
		}
	}
	return best
}

// sameEra reports whether another document's year is close to this one's.
// A document or candidate without any dated fact is of no known era: only
// another undated one is taken, so that a Syrian battle without dates gets
// no American Civil War places as options.
func (g *generator) sameEra(year int) bool {
	if g.year == 0 || year == 0 {
		return g.year == year
	}
	return year-g.year <= 40 && g.year-year <= 40
}

func newGenerator(doc Doc, others []Doc, opts Options) *generator {
	g := &generator{
		doc: doc, slug: slug(doc.ID), opts: opts,
		topics:        map[string]topicInfo{},
		sides:         map[sideKey][]string{},
		slotValues:    map[string]map[string]bool{},
		pool:          map[string][]poolValue{},
		docNorm:       " " + norm(doc.Text) + " ",
		bySource:      map[[2]int][]quiz.Fact{},
		seenDates:     map[string]map[string]bool{},
		mentionMemo:   map[string]bool{},
		cleanMemo:     map[string]string{},
		dateMemo:      map[string][]dateHit{},
		saneMemo:      map[string]bool{},
		vagueMemo:     map[string]bool{},
		garbleMemo:    map[string]bool{},
		verbMemo:      map[string]bool{},
		grammarMemo:   map[string]bool{},
		mentionAsMemo: map[string]bool{},
		commands:      map[string]map[string]bool{},
		quotedMemo:    map[string]float64{},
		skelMemo:      map[string]string{},
		cityMemo:      map[string]bool{},
		sideNames:     map[string]bool{},
		placeNames:    map[string]bool{},
		firstNames:    map[string]bool{},
		namesByFirst:  map[string][]string{}, namesByLast: map[string][]string{},
		allies:    map[string][]int{},
		topicSpan: map[string][2]int{},
	}
	g.others = others
	for _, d := range append([]Doc{doc}, others...) {
		for _, f := range d.Extraction.Facts {
			if (f.Kind == quiz.KindBelligerent || f.Kind == quiz.KindUnit) && words(f.Value) >= 2 {
				g.sideNames[norm(f.Value)] = true
			}
			if f.Entity == quiz.EntityPlace && words(f.Value) == 1 {
				g.placeNames[norm(f.Value)] = true // "Idlib" of "Elements from Idlib, Raqqa, Hama and Homs groups" is no unit
			}
			if (f.Entity == quiz.EntityPerson || f.Kind == quiz.KindCommander) && words(f.Value) >= 2 {
				g.firstNames[firstWord(f.Value)] = true
				v := strings.TrimSpace(f.Value)
				ws := strings.Fields(v)
				if !containsStr(g.namesByFirst[ws[0]], v) {
					g.namesByFirst[ws[0]] = append(g.namesByFirst[ws[0]], v)
					g.namesByLast[ws[len(ws)-1]] = append(g.namesByLast[ws[len(ws)-1]], v)
				}
			}
		}
	}
	for _, t := range doc.Extraction.Topics {
		if t.Name == "" || t.Name == "Document" {
			t.Name, t.Base = titleFromID(doc.ID), titleFromID(doc.ID)
		}
		t.Name, t.Base = cleanTopicName(t.Name), cleanTopicName(t.Base)
		ti := newTopicInfo(t, doc.Text)
		g.topics[t.ID] = ti
		if _, ok := g.topics["name:"+t.Name]; !ok {
			g.topics["name:"+t.Name] = ti
		}
	}
	for _, f := range doc.Extraction.Facts {
		if f.Start < 0 || f.End > len(doc.Text) || f.Start > f.End || doc.Text[f.Start:f.End] != f.Text {
			continue // a fact that cannot cite its source verbatim makes no card
		}
		g.facts = append(g.facts, f)
		k := [2]int{f.Start, f.End}
		g.bySource[k] = append(g.bySource[k], f)
	}
	g.mainName = norm(mainTopicName(doc))
	g.style = docStyle(g.facts)
	g.year = docYear(doc)
	g.alias = newAliasIndex(doc.Extraction)
	g.index()
	g.addPool(doc, true)
	for _, o := range others {
		if o.ID != doc.ID {
			g.addPool(o, false)
		}
	}
	return g
}

// titleFromID names an untitled document after its file name:
// "battle_of_antietam.nps" → "Battle of Antietam".
func titleFromID(id string) string {
	if i := strings.IndexByte(id, '.'); i > 0 {
		id = id[:i]
	}
	ws := strings.FieldsFunc(id, func(r rune) bool { return r == '_' || r == '-' || r == ' ' })
	for i, w := range ws {
		switch {
		case i > 0 && (w == "of" || w == "the" || w == "and" || w == "at" || w == "in"):
		default:
			ws[i] = upperFirst(w)
		}
	}
	if len(ws) == 0 {
		return "Document"
	}
	return strings.Join(ws, " ")
}

// docStyle guesses whether the document writes "29 November 2024" or
// "November 29, 2024", so answers and distractors look like its own dates.
func docStyle(facts []quiz.Fact) dateStyle {
	var b strings.Builder
	for _, f := range facts {
		if f.Date != nil {
			b.WriteString(f.Value + "; ")
		}
	}
	dmy, mdy := 0, 0
	for _, h := range findDates(b.String()) {
		if h.d.Day == 0 {
			continue
		}
		if h.style == styleMDY {
			mdy++
		} else {
			dmy++
		}
	}
	if mdy > dmy {
		return styleMDY
	}
	return styleDMY
}

func (g *generator) index() {
	for _, f := range g.facts {
		tid := g.topicOf(f).id
		k := sideKey{tid, f.Kind, f.Side}
		if v := stripFlags(f.Value); f.Side > 0 && g.sane(f, v) && !containsNorm(g.sides[k], v) {
			g.sides[k] = append(g.sides[k], v)
		}
		slot := tid + "\x00" + string(f.Kind)
		if g.slotValues[slot] == nil {
			g.slotValues[slot] = map[string]bool{}
		}
		g.slotValues[slot][norm(f.Value)] = true
		if f.Date != nil && f.Kind == quiz.KindDate && !f.Date.End.IsZero() && !looksSentence(f.Text) &&
			f.Date.Start.Precision() == quiz.PrecisionDay && f.Date.End.Precision() == quiz.PrecisionDay {
			g.topicSpan[tid] = [2]int{dayNumber(f.Date.Start), dayNumber(f.Date.End)} // the infobox's "Date" row
		}
		if f.Date != nil {
			if g.seenDates[tid] == nil {
				g.seenDates[tid] = map[string]bool{}
			}
			g.seenDates[tid][f.Date.Start.ISO()] = true
			g.seenDates[tid][f.Date.End.ISO()] = true
			if looksSentence(f.Text) && !f.Date.End.IsZero() && f.Date.Start.Precision() == quiz.PrecisionDay &&
				f.Date.End.Precision() == quiz.PrecisionDay {
				// "between 17 and 19 January": the days between are reported too
				for d, n := f.Date.Start, 0; dayNumber(d) < dayNumber(f.Date.End) && n < 31; n++ {
					d = shiftDate(d, 1)
					g.seenDates[tid][d.ISO()] = true
				}
			}
		}
	}
}

func containsNorm(list []string, v string) bool {
	n := norm(v)
	for _, x := range list {
		if norm(x) == n {
			return true
		}
	}
	return false
}

// topicOf finds the topic a fact is about, falling back to its topic name.
func (g *generator) topicOf(f quiz.Fact) topicInfo {
	if t, ok := g.topics[f.TopicID]; ok && f.TopicID != "" {
		return t
	}
	if t, ok := g.topics["name:"+f.Topic]; ok {
		return t
	}
	name := f.Topic
	if name == "" {
		name = g.doc.Extraction.Title
	}
	if name == "" || name == "Document" {
		name = titleFromID(g.doc.ID)
	}
	return topicInfo{id: name, name: name, base: name}
}

// classOf is the distractor class of a fact's value: side-tagged infobox
// values by what they are, other values by entity type.
func classOf(f quiz.Fact) string {
	switch f.Kind {
	case quiz.KindBelligerent, quiz.KindCommander, quiz.KindUnit, quiz.KindCodename,
		quiz.KindPartOf, quiz.KindStrength:
		return string(f.Kind)
	case quiz.KindCasualties:
		if f.Side > 0 {
			return string(f.Kind)
		}
	case quiz.KindLocation:
		if f.Entity == quiz.EntityPlace {
			return "place"
		}
		return string(f.Kind)
	}
	switch f.Entity {
	case quiz.EntityGroup, quiz.EntityState:
		return "group"
	case "":
		return string(f.Kind)
	}
	return string(f.Entity)
}

// addPool adds a document's values as distractor candidates, and notes
// which groups another document lists on one side together.
func (g *generator) addPool(d Doc, here bool) {
	year := docYear(d)
	if !here {
		g.noteAllies(d)
	}
	g.noteCommands(d)
	g.notePartOf(d)
	same := !here && g.mainName != "" && norm(mainTopicName(d)) == g.mainName
	for _, f := range d.Extraction.Facts {
		v := stripFlags(strings.TrimSpace(f.Value))
		if v == "" || len(v) > 80 || strings.ContainsAny(v, "[]|\"") || !g.sane(f, v) {
			continue
		}
		c := classOf(f)
		if c == "place" {
			if i := strings.Index(f.Text, v); i >= 0 && nameGoesOn(f.Text, i+len(v)) {
				continue // "Trail of Blood" of "Trail of Blood on Ice": no option either
			}
			if !strings.Contains(v, " ") && len(g.namesByLast[v]) > 0 {
				continue // "Davis": a person's surname read as a place
			}
		}
		role, aff, rank := "", "", ""
		if c == "person" {
			role, aff = valueRole(f.Text, v), personAff(f, v)
			if i := strings.Index(f.Text, v); i >= 0 {
				rank = rankBefore(f.Text, i)
			}
		}
		n := norm(v)
		g.pool[c] = append(g.pool[c], poolValue{v, here, year, role, aff, same, n, rank})
		if c == string(quiz.KindBelligerent) {
			g.pool["group"] = append(g.pool["group"], poolValue{v, here, year, "", "", same, n, ""})
		}
	}
}

// mainTopicName is the name of a document's main topic, or its file's.
func mainTopicName(d Doc) string {
	for _, t := range d.Extraction.Topics {
		if t.Main && t.Name != "" && !placeholderName(t.Name) {
			return cleanTopicName(strings.Split(t.Name, " (")[0])
		}
	}
	return titleFromID(d.ID)
}

// noteAllies records the belligerents and units each side of another
// document lists together: an ally of the asked side elsewhere is no
// verified wrong answer here ("Syrian National Coalition" beside the Free
// Syrian Army).
func (g *generator) noteAllies(d Doc) {
	bySide := map[string]int{}
	for _, f := range d.Extraction.Facts {
		if f.Side > 0 && (f.Kind == quiz.KindBelligerent || f.Kind == quiz.KindUnit) {
			k := f.TopicID + "\x00" + itoa(f.Side)
			i, ok := bySide[k]
			if !ok {
				i = len(g.sideGroups)
				bySide[k] = i
				g.sideGroups = append(g.sideGroups, nil)
			}
			n := looseName(f.Value)
			g.sideGroups[i] = append(g.sideGroups[i], n)
			g.allies[n] = append(g.allies[n], i)
		}
	}
}

// alliesOf returns the norm names another document lists on one side with
// any of names (or their aliases).
func (g *generator) alliesOf(names []string) map[string]bool {
	out := map[string]bool{}
	add := func(n string) {
		for _, i := range g.allies[looseName(n)] {
			for _, a := range g.sideGroups[i] {
				out[a] = true
			}
		}
	}
	for _, n := range names {
		add(n)
		for _, a := range g.alias.of(n) {
			add(a)
		}
	}
	return out
}

// mentioned reports whether the document names v anywhere.
func (g *generator) mentioned(v string) bool { return g.mentionedNorm(norm(v)) }

// mentionedNorm is mentioned of a normalised value.
func (g *generator) mentionedNorm(n string) bool {
	m, ok := g.mentionMemo[n]
	if !ok {
		m = n != "" && strings.Contains(g.docNorm, " "+n+" ")
		g.mentionMemo[n] = m
	}
	return m
}

// pronunciationRE matches a pronunciation or gloss left in a topic's name:
// "Battle of Antietam ( an-TEE-təm)", "(locally  )".
var pronunciationRE = regexp.MustCompile(`\s*\((?:\s[^()]*|(?:locally|pronounced|listen|lit\.)[^()]*|[^()0-9]*[^\x00-\x7F][^()0-9]*)\)`)

// cleanTopicName drops pronunciation residue from a topic's display name.
func cleanTopicName(s string) string {
	return strings.TrimSpace(pronunciationRE.ReplaceAllString(s, ""))
}

func containsStr(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// noteCommands records, for each commander of d's infoboxes, the
// belligerents of the side they led: Bashar al-Assad led the Syrian Arab
// Republic's side in one battle, so he is no wrong option for that side's
// commander in another.
func (g *generator) noteCommands(d Doc) {
	bels := map[string][]string{}
	for _, f := range d.Extraction.Facts {
		if f.Kind == quiz.KindBelligerent && f.Side > 0 {
			k := f.TopicID + "\x00" + itoa(f.Side)
			bels[k] = append(bels[k], norm(stripFlags(f.Value)))
		}
	}
	for _, f := range d.Extraction.Facts {
		if f.Kind != quiz.KindCommander || f.Side == 0 {
			continue
		}
		p := norm(stripFlags(f.Value))
		if g.commands[p] == nil {
			g.commands[p] = map[string]bool{}
		}
		for _, b := range bels[f.TopicID+"\x00"+itoa(f.Side)] {
			g.commands[p][b] = true
		}
	}
}

// ledSide reports a person who led, in some document, a side with one of
// the given belligerents.
func (g *generator) ledSide(person string, bels []string) bool {
	led := g.commands[norm(person)]
	for _, b := range bels {
		if led[norm(b)] {
			return true
		}
	}
	return false
}

// notePartOf counts the wider conflicts documents say they are part of:
// one that most of the collection names ("the Syrian civil war") is the
// course itself, no gap to fill.
func (g *generator) notePartOf(d Doc) {
	g.partDocs++
	seen := map[string]bool{}
	for _, f := range d.Extraction.Facts {
		if f.Kind != quiz.KindPartOf {
			continue
		}
		for _, part := range strings.Split(f.Value, " and ") {
			n := norm(lowerThe(strings.TrimSpace(part)))
			if n != "" && !seen[n] {
				seen[n] = true
				if g.partOf == nil {
					g.partOf = map[string]int{}
				}
				g.partOf[n]++
			}
		}
	}
}

// courseWide reports an answer naming a conflict that five or more of the
// collection's documents, and a fifteenth of them, say they are part of.
func (g *generator) courseWide(answer string) bool {
	k := g.partOf[norm(lowerThe(answer))]
	return k >= 5 && k*15 >= g.partDocs
}

// saneCache memoises saneValue and cutName across generators: they depend
// on the value and its kind only, and every document of a collection sees
// the others' values again.
var (
	saneCache sync.Map
	saneSize  atomic.Int64 // entries stored; the cache stops growing at saneLimit
)

// saneLimit bounds saneCache: a server that keeps taking uploads must not
// grow it for ever.
const saneLimit = 1 << 18

// saneShared is saneValue(f, v) && !cutName(v), memoised in saneCache.
func saneShared(f quiz.Fact, v string) bool {
	k := string(f.Kind) + "\x00" + string(f.Entity) + "\x00" + v
	if ok, seen := saneCache.Load(k); seen {
		return ok.(bool)
	}
	ok := saneValue(f, v) && !cutName(v)
	if saneSize.Load() < saneLimit {
		saneSize.Add(1)
		saneCache.Store(k, ok)
	}
	return ok
}

// namesPlace reports a sentence naming one of the document's places or
// people: an undated sentence of the narrative that does is tied down by
// it ("Researchers Hassan Hassan and Michael Weiss argued …").
func (g *generator) namesPlace(s string) bool {
	if g.docPlaces == nil {
		seen := map[string]bool{}
		g.docPlaces = []string{}
		for _, f := range g.facts {
			v := strings.TrimSpace(f.Value)
			if (f.Entity == quiz.EntityPlace || f.Entity == quiz.EntityPerson && words(v) >= 2) && len(v) >= 4 && upperStart(v) && !seen[v] {
				seen[v] = true
				g.docPlaces = append(g.docPlaces, v)
			}
		}
	}
	for _, p := range g.docPlaces {
		if i := strings.Index(s, p); i >= 0 && (i == 0 || !isWordByte(s[i-1])) && (i+len(p) == len(s) || !isWordByte(s[i+len(p)])) {
			return true
		}
	}
	return false
}

// looseName keys a group's name across spellings: "National Defence
// Force" and "National Defense Forces" are one militia.
func looseName(v string) string {
	ws := strings.Fields(norm(v))
	for i, w := range ws {
		w = strings.ReplaceAll(w, "defence", "defense")
		if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
			w = w[:len(w)-1]
		}
		ws[i] = w
	}
	return strings.Join(ws, " ")
}
