package facts

import (
	"strings"

	"github.com/factdeck/factdeck/quiz"
)

// initials returns the acronym a name's words make: "Syrian Democratic
// Forces" → "SDF", "Hayat Tahrir al-Sham" → "HTS"; "" for one word.
func initials(run []token) string {
	var b strings.Builder
	n := 0
	for _, t := range run {
		w := t.s
		if lowerJoiners[w] {
			continue
		}
		if isParticleWord(w) {
			h := strings.IndexByte(w, '-')
			if h < 0 || h+1 >= len(w) {
				continue
			}
			w = w[h+1:]
		}
		if w == "" || !isCap(w) && !isParticleWord(t.s) {
			return ""
		}
		b.WriteString(strings.ToUpper(w[:1]))
		n++
	}
	if n < 2 {
		return ""
	}
	return b.String()
}

// learnAcronyms maps the initials of every multi-word name in the prose to
// the name, so that an acronym used without a definition ("clashes between
// SNA and SDF") can be read as the alias of a name the document spells out
// elsewhere ("the Kurdish-led Syrian Democratic Forces"). Initials shared
// by two different names are ambiguous and dropped.
func (e *extractor) learnAcronyms(paras []para) {
	e.acr = map[string]string{}
	for k := range paras {
		p := &paras[k]
		for _, s := range p.sents {
			for i := 0; i < len(s.toks); i++ {
				r := capRun(s.toks, i)
				if r-i < 2 {
					continue
				}
				// Every suffix: "the Kurdish-led Syrian Democratic Forces"
				// also spells "Syrian Democratic Forces".
				for a := i; a < r-1; a++ {
					if lowerJoiners[s.toks[a].s] || isParticleWord(s.toks[a].s) {
						continue
					}
					ini := initials(s.toks[a:r])
					if len(ini) < 2 {
						continue
					}
					name := p.cl.text[s.i+s.toks[a].i : s.i+s.toks[r-1].j]
					if old, ok := e.acr[ini]; ok && old != name {
						e.acr[ini] = ""
					} else {
						e.acr[ini] = name
					}
				}
				i = r - 1
			}
		}
	}
}

// bareAcronymFact records an acronym used without a definition as the
// alias of the name whose initials it is.
func (e *extractor) bareAcronymFact(c *sentCtx, k int) {
	w := c.s.toks[k].s
	name := e.acr[w]
	if name == "" || e.seen["alias\x00"+w] {
		return
	}
	e.seen["alias\x00"+w] = true
	f := c.fact(quiz.KindAlias, w, quiz.EntityGroup)
	f.Span = c.spanTok(e.doc, k, k+1)
	f.Subject = name
	e.add(e.topicNamed(name, c.topic), f)
}

// topicNamed returns the topic whose name is name, else def.
func (e *extractor) topicNamed(name string, def int) int {
	for k, t := range e.topics {
		if sameName(t.Base, name) {
			return k
		}
	}
	return def
}
