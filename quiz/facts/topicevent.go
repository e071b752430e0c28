package facts

import (
	"strconv"
	"strings"

	"github.com/factdeck/factdeck/quiz"
)

// launchNouns name military events a paragraph can be about, after a launch verb.
var launchNouns = lowerSet(`offensive|counteroffensive|counter-offensive|operation|campaign|attack|assault|
invasion|incursion|siege|uprising|insurgency`)

// launchVerbs start an event: "launched an offensive".
var launchVerbs = lowerSet(`launched|launching|began|started|initiated|mounted|opened|staged`)

// eventAdjs may sit between a launch verb and its event noun.
var eventAdjs = lowerSet(`a|an|the|their|its|his|her|new|major|large-scale|military|joint|surprise|ground|
full-scale|renewed|final|lightning|massive|coordinated`)

// eventTopics remembers the topics made from launched events.
type eventTopics struct {
	byKey   map[string]int         // noun and date → topic
	lastOf  map[string]int         // noun → last topic launched with it
	names   map[string][]eventName // "<year> … <noun>" names in the document, by year and noun
	places  map[string]map[string]bool
	scanned bool
}

// eventName is a name such as "2024 Northwestern Syria offensive".
type eventName struct {
	year       int
	noun, name string
	mid        []string // the words between year and noun, lower-cased
}

// unnamedTopic picks the topic of a paragraph that does not define a
// subject, read after a related article's lead (cur is not the main topic):
// a paragraph whose first sentence launches a dated event ("On 27 November
// 2024, … launched an offensive") gets a topic of its own, named as the
// document names that event elsewhere ("2024 Northwestern Syria offensive")
// or else "Offensive (27 November 2024)"; a paragraph that refers back to a
// launched event ("the offensive", "their offensive") joins it; any other
// falls back to the main topic.
func (e *extractor) unnamedTopic(p *para, paras []para, cur int) int {
	s := p.sents[0]
	toks := s.toks
	if noun, k := launchedEvent(toks); noun != "" {
		ctx := dateCtx{}
		for _, m := range findDates(toks[:k], &ctx) {
			if m.r.Start.Year == 0 {
				continue
			}
			key := noun + "\x00" + formatRange(m.r)
			if t, ok := e.ev.byKey[key]; ok {
				return t
			}
			name := e.nameEvent(paras, p, noun, m.r)
			a, _ := p.cl.orig(0, 0)
			e.topics = append(e.topics, quiz.Topic{Name: name, Base: name, Date: m.r, Start: a})
			e.hints = append(e.hints, "")
			t := len(e.topics) - 1
			e.ev.byKey[key], e.ev.lastOf[noun] = t, t
			return t
		}
	}
	for _, ps := range p.sents {
		for k := 0; k+1 < len(ps.toks); k++ {
			w := strings.ToLower(ps.toks[k].s)
			if w != "the" && w != "their" && w != "its" {
				continue
			}
			n := k + 1
			if n+1 < len(ps.toks) && (ps.toks[n].s == "latest" || ps.toks[n].s == "ongoing" || ps.toks[n].s == "current") {
				n++
			}
			if t, ok := e.ev.lastOf[strings.ToLower(ps.toks[n].s)]; ok {
				return t
			}
		}
	}
	for k, t := range e.topics {
		if t.Main {
			return k
		}
	}
	return cur
}

// launchedEvent finds "launched an offensive" in a sentence and returns
// the event noun and the index of the launch verb.
func launchedEvent(toks []token) (string, int) {
	for k := 0; k < len(toks); k++ {
		if !launchVerbs[strings.ToLower(toks[k].s)] {
			continue
		}
		for n := k + 1; n < len(toks) && n <= k+4; n++ {
			w := strings.ToLower(toks[n].s)
			if launchNouns[w] {
				return w, k
			}
			if !eventAdjs[w] {
				break
			}
		}
	}
	return "", 0
}

// nameEvent names a launched event: the document's name "<year> … <noun>"
// whose words best match the places the event happened in (in this
// paragraph or in any sentence of the same date), else "<Noun> (<date>)".
func (e *extractor) nameEvent(paras []para, p *para, noun string, d quiz.DateRange) string {
	e.scanEventNames(paras)
	places := map[string]bool{}
	for _, s := range p.sents {
		addPlaceWords(places, s.toks)
	}
	for w := range e.ev.places[formatRange(d)] {
		places[w] = true
	}
	best, bestScore := "", 0
	for _, c := range e.ev.names[strconv.Itoa(d.Start.Year)+noun] {
		score := 0
		for _, w := range c.mid {
			if places[w] {
				score++
			}
		}
		if score > bestScore {
			best, bestScore = c.name, score
		}
	}
	if best != "" {
		return upperFirst(best)
	}
	return upperFirst(noun) + " (" + formatRange(d) + ")"
}

// scanEventNames reads, once per document, the names of the form "<year>
// … <noun>" and the place words of every dated sentence.
func (e *extractor) scanEventNames(paras []para) {
	if e.ev.scanned {
		return
	}
	e.ev.scanned = true
	e.ev.places = map[string]map[string]bool{}
	e.ev.names = map[string][]eventName{}
	for k := range paras {
		p := &paras[k]
		for _, s := range p.sents {
			toks := s.toks
			for n := 1; n < len(toks); n++ {
				if len(toks[n].s) < 6 || !isLowerWord(toks[n].s) || !launchNouns[toks[n].s] {
					continue
				}
				noun := toks[n].s
				for y := n - 1; y >= 0 && y >= n-5; y-- {
					if yr := yearOf(toks[y].s); yr > 0 {
						if y < n-1 {
							c := eventName{year: yr, noun: noun, name: p.cl.text[s.i+toks[y].i : s.i+toks[n].j]}
							for _, t := range toks[y+1 : n] {
								c.mid = append(c.mid, strings.ToLower(t.s))
							}
							key := strconv.Itoa(yr) + noun
							e.ev.names[key] = append(e.ev.names[key], c)
						}
						break
					}
					if r := []rune(toks[y].s); !isWordRune(r[0]) {
						break
					}
				}
			}
			if !hasMonth(toks) {
				continue // the places of day-dated sentences only
			}
			ctx := dateCtx{}
			if ds := findDates(toks, &ctx); len(ds) > 0 && ds[0].r.Start.Year > 0 {
				key := formatRange(ds[0].r)
				if e.ev.places[key] == nil {
					e.ev.places[key] = map[string]bool{}
				}
				addPlaceWords(e.ev.places[key], toks)
			}
		}
	}
}

// addPlaceWords adds the lower-cased capitalised words of the place
// phrases of a sentence ("in Northwestern Syria").
func addPlaceWords(set map[string]bool, toks []token) {
	for k := 0; k < len(toks); k++ {
		if !placePreps[toks[k].s] {
			continue
		}
		for n := k + 1; n < len(toks) && n <= k+7; n++ {
			w := toks[n].s
			if isCap(w) {
				set[strings.ToLower(w)] = true
			} else if w != "the" && w != "," && w != "and" && !compass[w] {
				break
			}
		}
	}
}

// hasMonth reports whether a sentence names a month.
func hasMonth(toks []token) bool {
	for _, t := range toks {
		if monthOf(t.s) > 0 {
			return true
		}
	}
	return false
}
