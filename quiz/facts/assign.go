package facts

import (
	"strings"

	"github.com/factdeck/factdeck/quiz"
)

// capRun returns the end of the run of name words starting at toks[k]:
// capitalised words joined by "of", "the", particles ("al-Sham") and, after
// an "of", "and" ("Autonomous Administration of North and East Syria").
func capRun(toks []token, k int) int {
	if k >= len(toks) || !isCap(toks[k].s) {
		return k
	}
	end, hasOf := k+1, false
	for e := k + 1; e < len(toks) && e < k+10; e++ {
		w := toks[e].s
		switch {
		case isCap(w) || isParticleWord(w) || (allDigits(w) && !isCap(toks[e-1].s) && false):
			end = e + 1
		case w == "of" || w == "the" || w == "de" || (w == "and" && hasOf):
			hasOf = hasOf || w == "of"
			continue
		default:
			return end
		}
	}
	return end
}

// sentenceOpeners are capitalised words that begin sentences, not names.
var sentenceOpeners = lowerSet(`The|On|In|A|An|At|By|During|After|Before|Among|Also|Later|However|
Meanwhile|Concurrently|Several|Some|Other|Regular|One|Two|Its|Their|His|Her|This|That|These|Those|It|They|
Hours|Around|With|Instead|Between|Within|Since|Following|Although|While|When|As|Many|Both|Most|Various|Researchers`)

// learnNames adds the names the prose uses to the lexicon, so that infobox
// cells can be split where the prose shows where a name ends.
func (e *extractor) learnNames(paras []para) {
	for _, p := range paras {
		for _, s := range p.sents {
			for k := 0; k < len(s.toks); {
				if k == 0 || (k > 0 && s.toks[k-1].s == "\"") {
					for k < len(s.toks) && sentenceOpeners[strings.ToLower(s.toks[k].s)] {
						k++
					}
				}
				end := capRun(s.toks, k)
				if end == k {
					k++
					continue
				}
				e.lex.add(joinTokens(s.toks[k:end]))
				if end+2 < len(s.toks) && s.toks[end].s == "(" && s.toks[end+2].s == ")" && isAcronym(s.toks[end+1].s) {
					if a := acronymStart(s.toks[k:end], s.toks[end+1].s); a >= 0 {
						e.lex.add(joinTokens(s.toks[k+a : end]))
					}
					e.lex.add(s.toks[end+1].s)
				}
				k = end
			}
		}
	}
}

// acronymStart returns the index in run where the name an acronym stands for
// begins ("Hayat Tahrir al-Sham" for "HTS"), or -1.
func acronymStart(run []token, acr string) int {
	for a := len(run) - 1; a >= 0; a-- {
		var b strings.Builder
		for _, t := range run[a:] {
			w := t.s
			if lowerJoiners[w] {
				continue
			}
			if isParticleWord(w) {
				if h := strings.IndexByte(w, '-'); h > 0 {
					w = w[h+1:]
				}
			}
			b.WriteString(strings.ToUpper(w[:1]))
		}
		if b.String() == strings.ToUpper(acr) {
			return a
		}
	}
	return -1
}

// findTopics makes the main topic (from the title row) and one topic per
// paragraph that opens by defining its subject; other paragraphs continue
// the main article, or after a related article's lead take a topic from the
// event they describe (unnamedTopic).
func (e *extractor) findTopics(ib infobox, paras []para) {
	if ib.title.j > ib.title.i {
		title := e.doc[ib.title.i:ib.title.j]
		e.topics = append(e.topics, quiz.Topic{Name: title, Base: title, Main: true, Start: ib.title.i, End: len(e.doc)})
		e.hints = append(e.hints, "")
	}
	cur := 0
	for k := range paras {
		p := &paras[k]
		if len(p.sents) > 0 {
			t, hint, ok := e.paragraphTopic(p)
			if !ok && len(e.topics) == 0 {
				t, ok = e.leadSubject(p)
			}
			if ok {
				if len(e.topics) > 0 && sameName(e.topics[0].Base, t.Base) {
					cur = 0
				} else {
					t.Main = len(e.topics) == 0
					e.topics = append(e.topics, t)
					e.hints = append(e.hints, hint)
					cur = len(e.topics) - 1
				}
			} else if len(e.topics) > 0 && !e.topics[cur].Main {
				cur = e.unnamedTopic(p, paras, cur)
			}
		}
		if len(e.topics) == 0 {
			e.topics = append(e.topics, quiz.Topic{Name: "Document", Base: "Document", Main: true})
			e.hints = append(e.hints, "")
		}
		p.topic = cur
	}
	if len(e.topics) == 0 && ib.title.j > ib.title.i {
		return
	}
	for k := range e.topics {
		if k+1 < len(e.topics) && !e.topics[k].Main {
			e.topics[k].End = e.topics[k+1].Start
		}
	}
}

// sameName compares names ignoring case, a leading "the" and a trailing
// parenthesis: "Battle of Aleppo (2024)" and "battle of Aleppo".
func sameName(a, b string) bool {
	norm := func(s string) string {
		s = strings.ToLower(strings.TrimSpace(s))
		if k := strings.Index(s, " ("); k > 0 {
			s = s[:k]
		}
		return strings.TrimPrefix(s, "the ")
	}
	return norm(a) == norm(b)
}

// paragraphTopic reads the topic a paragraph defines, with a hint (a code
// name or direction) to tell it from others of the same name.
func (e *extractor) paragraphTopic(p *para) (quiz.Topic, string, bool) {
	s := p.sents[0]
	i, j, ok := topicHead(s.toks)
	if !ok {
		return quiz.Topic{}, "", false
	}
	j = noteless(s.toks, i, j)
	name := strings.TrimSpace(p.cl.text[s.i+s.toks[i].i : s.i+s.toks[j-1].j])
	t := quiz.Topic{Name: upperFirst(baseName(name)), Base: upperFirst(baseName(name))}
	a, _ := p.cl.orig(0, 0)
	t.Start, t.End = a, p.cl.off[len(p.cl.off)-1]
	ctx := dateCtx{}
	if ds := findDates(s.toks, &ctx); len(ds) > 0 {
		t.Date = ds[0].r
	}
	return t, topicHint(p.cl.text[s.i:s.j], s.toks), true
}

// topicHint finds a code name or a direction phrase in a topic's opening
// sentence: "Operation Dawn of Victory", "south of Aleppo".
func topicHint(text string, toks []token) string {
	for k := 0; k < len(toks); k++ {
		w := strings.ToLower(toks[k].s)
		if w == "codenamed" || w == "code-named" || (w == "named" && k > 0 && strings.EqualFold(toks[k-1].s, "code")) {
			if a, b := nameAfter(toks, k+1); b > a {
				return text[toks[a].i:toks[b-1].j]
			}
		}
	}
	for k := 1; k+2 < len(toks); k++ {
		if isDirection(toks[k].s) && toks[k+1].s == "of" && isCap(toks[k+2].s) {
			return toks[k].s + " of " + toks[k+2].s
		}
	}
	return ""
}

// isDirection reports whether w is a compass direction.
func isDirection(w string) bool {
	switch strings.ToLower(w) {
	case "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest":
		return true
	}
	return false
}

// nameAfter reads a quoted or capitalised name starting at toks[k],
// skipping "the" and "as": `"Raid of the Almighty"`, `Operation Dawn of
// Victory`. It returns the name's token range [a, b), empty when none.
func nameAfter(toks []token, k int) (int, int) {
	for k < len(toks) && (toks[k].s == "the" || toks[k].s == "as") {
		k++
	}
	if k < len(toks) && (toks[k].s == "\"" || toks[k].s == "“") {
		for e := k + 1; e < len(toks) && e < k+15; e++ {
			if toks[e].s == "\"" || toks[e].s == "”" {
				return k + 1, e
			}
		}
		return 0, 0
	}
	return k, capRun(toks, k)
}

// noteless ends a name before a second name joined by "or", and before a
// parenthesis without a digit in it, a
// pronunciation or gloss ("Battle of Antietam ( an-TEE-təm)"); a dated
// parenthesis stays ("Battle of Ras al-Ayn (2012–13)").
func noteless(toks []token, i, j int) int {
	for k := i + 1; k < j; k++ {
		if toks[k].s == "or" && k+1 < j && isCap(toks[k+1].s) {
			return k // "Second Battle of Bull Run or Battle of Second Manassas"
		}
		if toks[k].s != "(" {
			continue
		}
		for m := k + 1; m < j && toks[m].s != ")"; m++ {
			if strings.ContainsAny(toks[m].s, "0123456789") {
				return j
			}
		}
		return k
	}
	return j
}
