package facts

import (
	"strings"

	"github.com/factdeck/factdeck/quiz"
)

// placePreps introduce where something happened or lies: "in the Hama
// Governorate", "around al-Fouaa", "near Sharpsburg".
var placePreps = lowerSet(`in|around|near|at|outside|into|across|throughout|toward|towards|inside|within`)

// compass are direction words: "south of Aleppo", "in northwestern Syria".
var compass = lowerSet(`north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|
south-east|south-west|northern|southern|eastern|western|northeastern|northwestern|southeastern|southwestern|
north-eastern|north-western|south-eastern|south-western|central|upper|lower`)

// placeOfNouns are lower-case nouns that name a place by the name after
// "of": "the city of Raqqa", "the western outskirts of Aleppo", "the
// provinces of Hama, Idlib and Aleppo".
var placeOfNouns = lowerSet(`city|town|village|outskirts|province|provinces|governorate|region|district|
countryside|suburbs|regions|areas|port|capital|county|state|island|valley|vicinity|area|heights|mountains|river`)

// placeHeads are lower-case nouns that end a place name: "Hatay province".
var placeHeads = lowerSet(`province|governorate|district|region|countryside|county|provinces|governorates`)

// notPlaceHeads end names that are events, works or groups, never places.
var notPlaceHeads = lowerSet(`War|Battle|Offensive|Campaign|Revolution|Crisis|Conflict|Ceasefire|Agreement|
Accord|Treaty|Siege|Massacre|Uprising|Insurgency|Clashes|Operation|Council|Times|Post|News|Institute|
University|Observatory|Press|Agency|Committee`)

// placeFacts records the places a sentence says something happened in or
// lies at: a place after a locative preposition, a direction ("south of
// Aleppo"), a place noun ("the city of Raqqa") or "-based" ("Idlib and
// Hama-based"). A place is recorded once per topic, and only from the
// topic's lead paragraph: later paragraphs tell sub-events ("projectiles hit
// student housing in the University of Aleppo") whose places are not where
// the topic happened.
func (e *extractor) placeFacts(c *sentCtx) {
	if !c.lead {
		return
	}
	toks := c.s.toks
	defining := len(c.p.sents) > 0 && c.p.sents[0].i == c.s.i
	if defining {
		e.learnLead(c) // the defining sentence names the topic's parties
	}
	other := e.otherEvents(c)
	if !defining {
		defer e.learnLead(c)
	}
	for k := 0; k < len(toks); k++ {
		w := strings.ToLower(toks[k].s)
		switch {
		case other != nil && other[k]:
			// a place of another event (otherEvents)
		case placePreps[w] && k > 0 && !(k == 1 && isCap(toks[0].s) && !sentenceOpeners[strings.ToLower(toks[0].s)]):
			// "Insurgency in Idlib was …": a preposition inside the
			// opening title is part of the name, not a place fact.
			k = e.placeList(c, k+1, w) - 1
		case w == "of" && k > 0 && (compass[toks[k-1].s] || placeOfNouns[toks[k-1].s]):
			// lower case only: "State of Iraq" is part of a name.
			k = e.placeList(c, k+1, toks[k-1].s) - 1
		case strings.HasSuffix(w, "-based") && isCap(toks[k].s):
			e.basedPlaces(c, k)
		}
	}
}

// basedPlaces reads "Idlib and Hama-based": the places before "-based".
func (e *extractor) basedPlaces(c *sentCtx, k int) {
	toks := c.s.toks
	name := toks[k].s[:len(toks[k].s)-len("-based")]
	e.addPlace(c, name, [2]int{}, "based")
	if k >= 2 && toks[k-1].s == "and" && isCap(toks[k-2].s) && !sentenceOpeners[strings.ToLower(toks[k-2].s)] {
		e.addPlace(c, toks[k-2].s, c.spanTok(e.doc, k-2, k-1), "based")
	}
}

// placeList reads one place, or a list of them, starting at toks[k]:
// "the northern Hama Governorate", "northwestern Syria", "Idlib, Aleppo and
// Hama Governorates". It returns the token after what it read.
func (e *extractor) placeList(c *sentCtx, k int, role string) int {
	toks := c.s.toks
	type item struct{ a, b, dir int }
	var items []item
	for len(items) < 6 {
		n := k
		if n+4 < len(toks) && (toks[n].s == "a" || toks[n].s == "an") && placeOfNouns[toks[n+1].s] &&
			(toks[n+2].s == "known" || toks[n+2].s == "called") {
			// "in a region known as "Greater Idlib""
			if a, b := nameAfter(toks, n+3+boolInt(toks[n+2].s == "known")); b > a && isPlaceName(toks, a, b) {
				items = append(items, item{a, b, -1})
				k = b
			}
			break
		}
		if n < len(toks) && (toks[n].s == "the" || toks[n].s == "The") {
			n++
			if n+1 < len(toks) && placeOfNouns[toks[n].s] && isCap(toks[n+1].s) {
				n++ // "in the regions Idlib Governorate"
			}
		}
		dir := -1
		if n+1 < len(toks) && compass[strings.ToLower(toks[n].s)] && isLowerWord(toks[n].s) {
			dir = n
			n++
		}
		if n+1 < len(toks) && isParticleWord(toks[n].s) && strings.Contains(toks[n].s, "-") {
			// "around al-Fouaa": a place that starts with a particle.
			items = append(items, item{n, max(n+1, capRun(toks, n+1)), dir})
			k = items[len(items)-1].b
			break
		}
		a, b, ok := placeName(toks, n)
		if !ok || b-a == 1 && a > 0 && toks[a-1].s == "the" && b < len(toks) && isLowerWord(toks[b].s) && !placeHeads[toks[b].s] {
			break // "into the Rebel rearguard": a modifier, not a place
		}
		items = append(items, item{a, b, dir})
		k = b
		if k+2 < len(toks) && toks[k].s == "," && (toks[k+1].s == "especially" || toks[k+1].s == "including" || toks[k+1].s == "notably") {
			k += 2 // "in Aleppo, especially the Western Aleppo countryside"
			continue
		}
		if k+1 < len(toks) && (toks[k].s == "," || toks[k].s == "and" || toks[k].s == "or") {
			if toks[k].s == "," && k+2 < len(toks) && (toks[k+1].s == "and" || toks[k+1].s == "or") {
				k++
			}
			if !isCap(toks[k+1].s) {
				break
			}
			k++
			continue
		}
		break
	}
	if len(items) == 0 {
		return k
	}
	// A plural head shared by a list: "Idlib, Aleppo and Hama Governorates".
	last := items[len(items)-1]
	head := ""
	if lw := toks[last.b-1].s; last.b-last.a > 1 && strings.HasSuffix(lw, "s") && placeHeads[strings.ToLower(lw)] && len(items) > 1 {
		head = strings.TrimSuffix(lw, "s")
		items[len(items)-1].b--
	}
	for _, it := range items {
		v := c.tokText(it.a, it.b)
		span := c.spanTok(e.doc, it.a, it.b)
		if it.dir >= 0 && isState(v) {
			// "northwestern Syria" names a region of a state; "northern
			// Hama Governorate" is the governorate.
			v = c.tokText(it.dir, it.b)
			span = c.spanTok(e.doc, it.dir, it.b)
		}
		if head != "" {
			v += " " + head
			span = [2]int{}
		}
		e.addPlace(c, v, span, role)
	}
	return k
}

// boolInt is 1 for true.
func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// placeName reads a capitalised place name at toks[n] and returns its
// tokens. It refuses dates, organisations, events, demonyms used as
// adjectives ("Syrian opposition groups") and possessives of people.
func placeName(toks []token, n int) (int, int, bool) {
	if n >= len(toks) || !isCap(toks[n].s) || sentenceOpeners[strings.ToLower(toks[n].s)] || monthOf(toks[n].s) > 0 ||
		ranks[strings.ToLower(strings.TrimSuffix(toks[n].s, "."))] || roleWords[strings.ToLower(toks[n].s)] ||
		strings.Contains(toks[n].s, "-") && !isParticleWord(toks[n].s) && isLowerWord(toks[n].s[strings.IndexByte(toks[n].s, '-')+1:]) {
		return 0, 0, false
	}
	a := n
	// "Turkey's Hatay province": the state is the possessor, the place
	// is what it owns.
	if strings.HasSuffix(toks[n].s, "'s") || strings.HasSuffix(toks[n].s, "’s") {
		if !isState(strings.TrimSuffix(strings.TrimSuffix(toks[n].s, "'s"), "’s")) {
			return 0, 0, false
		}
		a = n + 1
		if a >= len(toks) || !isCap(toks[a].s) {
			return 0, 0, false
		}
	}
	b := capRun(toks, a)
	for b > a && (toks[b-1].s == "of" || toks[b-1].s == "the" || toks[b-1].s == "and") {
		b--
	}
	if b <= a {
		return 0, 0, false
	}
	if b < len(toks) && placeHeads[strings.ToLower(toks[b].s)] {
		b++
	}
	if !isPlaceName(toks, a, b) {
		return 0, 0, false
	}
	return a, b, true
}

// isPlaceName reports whether toks[a:b] can name a place.
func isPlaceName(toks []token, a, b int) bool {
	first, lastW := toks[a].s, toks[b-1].s
	if strings.HasSuffix(lastW, "'s") || strings.HasSuffix(lastW, "’s") || isAcronym(first) && b-a == 1 {
		return false
	}
	if headNouns[strings.ToLower(lastW)] {
		return false
	}
	var sb strings.Builder
	for k := a; k < b; k++ {
		if notPlaceHeads[strings.ToLower(toks[k].s)] {
			return false // "Second Battle of Idlib", "Syrian Civil War"
		}
		if k > a {
			sb.WriteByte(' ')
		}
		sb.WriteString(toks[k].s)
	}
	if orgNames[strings.ToLower(sb.String())] {
		return false
	}
	// A demonym before a lower-case noun is an adjective: "Syrian
	// opposition groups", "Turkish forces".
	if b-a == 1 && b < len(toks) && isLowerWord(toks[b].s) && !placeHeads[toks[b].s] && isDemonym(first) {
		return false
	}
	if b-a == 1 && (strings.HasSuffix(first, "ian") || strings.HasSuffix(first, "ish") || strings.HasSuffix(first, "ese")) && !isState(first) {
		return false
	}
	for k := a; k < b; k++ {
		if allDigits(toks[k].s) {
			return false
		}
	}
	return true
}

// isDemonym reports whether w looks like a nationality adjective.
func isDemonym(w string) bool {
	for _, s := range []string{"ian", "ish", "ese", "ean", "ic", "i", "an"} {
		if strings.HasSuffix(w, s) && len(w) > len(s)+2 {
			return true
		}
	}
	return false
}

// addPlace records a location fact once per topic and place. A place read
// after a preposition is the same as one already recorded under its head
// ("the provinces of Hama" after "the Hama Governorate"), and a bare state
// adds nothing once the topic has a more precise place ("… Governorates in
// Syria"); the geography relations (bordering, located, capital) are
// recorded each time, since each states its own relation.
func (e *extractor) addPlace(c *sentCtx, v string, span [2]int, role string) {
	v = trimPunct(v)
	if v == "" {
		return
	}
	top := "place\x00" + string(rune(c.topic))
	key := top + "\x00" + strings.ToLower(v)
	if e.seen[key] {
		return
	}
	geo := role == "bordering" || role == "located" || role == "situated" || role == "belonging" || role == "capital"
	head := top + "\x00head\x00" + placeHead(v)
	if !geo && (e.seen[head] || isState(v) && e.seen[top]) {
		return
	}
	e.seen[key], e.seen[head], e.seen[top] = true, true, true
	ent := quiz.EntityPlace
	if isState(v) {
		ent = quiz.EntityState
	}
	f := c.fact(quiz.KindLocation, v, ent)
	f.Span = span
	f.Role = role
	e.add(c.topic, f)
}

// placeHead is a place name without its lower-case or administrative head
// word: "Hama Governorate" and "Hama" share the head "hama".
func placeHead(v string) string {
	f := strings.Fields(strings.ToLower(v))
	for len(f) > 1 && placeHeads[strings.TrimSuffix(f[len(f)-1], "s")] {
		f = f[:len(f)-1]
	}
	return strings.Join(f, " ")
}
