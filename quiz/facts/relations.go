package facts

import (
	"strings"
	"unicode"

	"github.com/factdeck/factdeck/quiz"
)

// relationFacts reads aliases, code names, memberships, people, definitions
// and geography from a sentence.
func (e *extractor) relationFacts(c *sentCtx) {
	toks := c.s.toks
	for k := 0; k < len(toks); k++ {
		w := strings.ToLower(toks[k].s)
		switch {
		case w == "(" && k+2 < len(toks) && toks[k+2].s == ")" && isAcronym(toks[k+1].s) && k > 0:
			e.aliasFact(c, k+1, k+2, capStart(toks, k))
		case (w == "known" && k+1 < len(toks) && toks[k+1].s == "as" || w == "called" && k > 0 && toks[k-1].s == "also") &&
			!(k > 0 && placeOfNouns[toks[k-1].s]): // "a region known as "Greater Idlib"" names a place
			n := 2
			if w == "called" {
				n = 1
			}
			if a, b := nameAfter(toks, k+n); b > a {
				e.aliasFact(c, a, b, -1)
			} else if a, b := lowerName(toks, k+n); b > a {
				e.aliasFact(c, a, b, -1) // "also known as the first battle of Raqqa"
			}
		case w == "codenamed" || w == "code-named" || w == "named" && k > 0 && strings.EqualFold(toks[k-1].s, "code") ||
			w == "named" && k+2 < len(toks) && toks[k+1].s == "the" && toks[k+2].s == "\"":
			e.codenameFact(c, k+1)
		case (w == "called" || w == "named" || w == "known" && k+1 < len(toks) && toks[k+1].s == "as") && k > 1:
			n := 1
			if w == "known" {
				n = 2
			}
			if a, b := nameAfter(toks, k+n); b > a && isCap(toks[a].s) {
				e.namingDefinition(c, k, a, b)
			}
		case w == "joined" || w == "joining" || w == "spearheaded" || w == "supporting" ||
			w == "aligned" || w == "allied" ||
			w == "left" && k+1 < len(toks) && (isAcronym(toks[k+1].s) || toks[k+1].s == "the" && k+2 < len(toks) && isCap(toks[k+2].s)) ||
			w == "part" && k > 0 && k+1 < len(toks) && toks[k+1].s == "of" && partOfVerbs[toks[k-1].s] ||
			(w == "led" || w == "backed" || w == "supported") && k+1 < len(toks) && toks[k+1].s == "by":
			e.membershipFact(c, k)
		case w == "bordering" || w == "located" || w == "situated" || w == "belonging" || w == "capital":
			e.geographyFacts(c, k)
		case (roleWords[w] || isRank(toks[k].s)) && k+1 < len(toks):
			k = e.personFacts(c, k)
		case isAcronym(toks[k].s) && allLetters(toks[k].s) && !(k > 0 && toks[k-1].s == "(" && k+1 < len(toks) && toks[k+1].s == ")"):
			e.bareAcronymFact(c, k)
		case e.surnames[w] != 0 && e.surnameAlone(c, k):
			f := c.fact(quiz.KindPerson, toks[k].s, quiz.EntityPerson)
			f.Span = c.spanTok(e.doc, k, k+1)
			e.add(c.topic, f)
		case isCap(toks[k].s) && (k == 0 || !isCap(toks[k-1].s)) && e.shortFormAt(c, k) > k:
			r := e.shortFormAt(c, k)
			e.aliasFact(c, k, r, -1)
			k = r - 1
		case (w == "of" || w == "in" || w == "within") && k > 0 && memberNouns[toks[k-1].s] && k+2 < len(toks):
			e.groupsOfFact(c, k)
		case depictNouns[w] && k+2 < len(toks) && toks[k+1].s == "of":
			e.depictedPerson(c, k)
		case initialsName(toks, k) > k:
			r := initialsName(toks, k)
			f := c.fact(quiz.KindPerson, strings.TrimSuffix(strings.TrimSuffix(c.tokText(k, r), "'s"), "’s"), quiz.EntityPerson)
			f.Span = c.spanTok(e.doc, k, r)
			e.add(c.topic, f)
			k = r - 1
		}
	}
	if i, j, ok := followingHead(toks); ok && c.s.i == 0 {
		e.definitionFact(c, upperFirst(c.tokText(i, j)))
	} else if c.s.i == 0 && c.topicDefined(e) || c.lead && pronounDefinition(toks) {
		e.definitionFact(c, e.topics[c.topic].Base)
	}
}

// pronounDefinition reports whether a sentence defines its paragraph's
// subject through a pronoun: "It is the third cross-border operation by …".
func pronounDefinition(toks []token) bool {
	if len(toks) < 5 || toks[3].s == "time" || toks[4].s == "time" {
		return false // "It is the first time fighting has broken out …" states an event
	}
	return (toks[0].s == "It" || toks[0].s == "This") && copulas[toks[1].s] && definitional(toks, 1)
}

// namingDefinition records the indefinite noun phrase that a name is given
// to as the name's definition: "a coalition of Syrian opposition groups
// called the Military Operations Command". The name at toks[a:b] follows
// the naming word at toks[k].
func (e *extractor) namingDefinition(c *sentCtx, k, a, b int) {
	toks := c.s.toks
	np := npStart(toks, k)
	if np == k-2 && isArticle(toks[np].s) {
		e.consistingDefinition(c, np+1, a, b)
		return
	}
	if np >= k-2 || (toks[np].s != "a" && toks[np].s != "an") {
		return // "a region known as …" says nothing by itself
	}
	name := c.tokText(a, b)
	f := c.fact(quiz.KindDefinition, c.tokText(np, k), quiz.EntityPhrase)
	f.Span = c.spanTok(e.doc, np, k)
	f.Subject = name
	e.add(e.topicNamed(name, c.topic), f)
}

// partOfVerbs make "part of" a membership: "it was part of the Syrian
// Revolutionary Command Council".
var partOfVerbs = lowerSet(`was|were|is|are|became|become|remained|formally|officially`)

// capStart returns the start of the name run that ends just before toks[k].
func capStart(toks []token, k int) int {
	a := k
	for a > 0 && a > k-12 && (isCap(toks[a-1].s) || isParticleWord(toks[a-1].s) || lowerJoiners[toks[a-1].s] && a-2 >= 0 &&
		(isCap(toks[a-2].s) || lowerJoiners[toks[a-2].s] && a-3 >= 0 && isCap(toks[a-3].s))) { // "of Iraq and the Levant"
		a--
	}
	for a < k && lowerJoiners[toks[a].s] {
		a++
	}
	return a
}

// aliasFact records an alias; full is where the full name starts (for an
// acronym in parentheses), or -1.
func (e *extractor) aliasFact(c *sentCtx, a, b, full int) {
	if key := "alias\x00" + c.tokText(a, b); e.seen[key] {
		return // an acronym is defined once per document
	} else {
		e.seen[key] = true
	}
	f := c.fact(quiz.KindAlias, c.tokText(a, b), quiz.EntityGroup)
	f.Span = c.spanTok(e.doc, a, b)
	if full >= 0 && full < a-1 {
		run := c.s.toks[full : a-1]
		if s := acronymStart(run, c.s.toks[a].s); s >= 0 {
			full += s
		}
		f.Subject = c.tokText(full, a-1)
		// "… in the Syrian National Army (SNA)": the alias belongs to the
		// topic of that name when the document has one.
		e.addAlias(c.topic, f.Subject, f.Value)
		if t := e.topicNamed(f.Subject, -1); t >= 0 {
			e.addAlias(t, f.Subject, f.Value)
			e.add(t, f)
			return
		}
	} else {
		f.Subject = e.topics[c.topic].Base
		e.addAlias(c.topic, "", f.Value)
	}
	e.add(c.topic, f)
}

// addAlias adds an alias to the topic it names.
func (e *extractor) addAlias(topic int, subject, alias string) {
	t := &e.topics[topic]
	if subject != "" && !sameName(subject, t.Base) {
		return
	}
	for _, a := range t.Aliases {
		if a == alias {
			return
		}
	}
	t.Aliases = append(t.Aliases, alias)
}

// codenameFact records the code name after "code named" at toks[k].
func (e *extractor) codenameFact(c *sentCtx, k int) {
	toks := c.s.toks
	stop := k + 10
	for k < len(toks) && k < stop && (toks[k].s == "by" || isLowerWord(toks[k].s) && toks[k].s != "the" && k+1 < len(toks) && toks[k+1].s != "\"") {
		if toks[k].s == "as" {
			break
		}
		k++
	}
	a, b := nameAfter(toks, k)
	if b <= a {
		return
	}
	if a == 0 || toks[a-1].s != "\"" {
		b = nameTail(toks, b)
	}
	f := c.fact(quiz.KindCodename, c.tokText(a, b), quiz.EntityOperation)
	f.Span = c.spanTok(e.doc, a, b)
	e.add(c.topic, f)
}

// nameTail carries an unquoted code name over one or two lower-case nouns
// that end it before "by" or a comma ("Idlib De-escalation Control Force
// activities by Turkey"); a preposition, article, conjunction or verb ends
// the name as before ("Dawn of Idlib in August").
func nameTail(toks []token, b int) int {
	j := b
	for j < len(toks) && j < b+2 && isLowerWord(toks[j].s) && !lowerJoiners[toks[j].s] && !stopTail[toks[j].s] && !isVerb(toks, j) && !isAux(toks[j].s) {
		j++
	}
	if j > b && j < len(toks) && (toks[j].s == "by" || toks[j].s == "," || toks[j].s == ".") {
		return j
	}
	return b
}

// stopTail are lower-case words that never continue a name.
var stopTail = lowerSet(`in|on|at|to|by|for|from|with|into|against|near|during|after|before|and|or|but|the|a|an|
which|that|who|as|was|were|is|are|launched|began|started|ended`)

// npStart returns the start of the noun phrase that ends before toks[k]:
// "the Military Operations Command" in "… groups called the Military
// Operations Command led by …". It stops at a comma, a parenthesis, a
// preposition, a verb or a participle, and reads at most 8 tokens.
func npStart(toks []token, k int) int {
	j := k
	for j > 0 && k-j < 8 {
		w := toks[j-1].s
		lw := strings.ToLower(w)
		if w == "," || w == ";" || w == "(" || w == ")" || w == ":" || isAux(lw) || participles[lw] || isVerb(toks, j-1) ||
			npStops[lw] || relativeWords[lw] {
			break
		}
		j--
		if lw == "the" || lw == "a" || lw == "an" {
			break // a noun phrase starts at its article
		}
	}
	return j
}

// npStops end a noun phrase read backwards.
var npStops = lowerSet(`in|on|at|from|to|by|with|for|into|against|between|range|as|than|after|before|during|while|
within|without|also|has|have|had|being|toward|towards|across|through|throughout|under|over|alongside`)

// geographyFacts records where a place lies: "bordering Turkey's Hatay
// province to the north, …", "located east of Idlib", "The provincial
// capital is Idlib".
func (e *extractor) geographyFacts(c *sentCtx, k int) {
	toks := c.s.toks
	w := strings.ToLower(toks[k].s)
	end := clauseEnd(toks, k)
	if w == "bordering" {
		end = min(len(toks), k+maxClause)
	}
	for n := k + 1; n < end; n++ {
		if w == "capital" {
			if toks[n].s != "is" {
				continue
			}
			n++ // "The provincial capital is Idlib"
		}
		if w != "bordering" && w != "capital" && (placePreps[toks[n].s] || toks[n].s == "to") {
			n++ // "situated in northwestern Syria", "belonging to the Idlib Governorate"
		}
		if w != "bordering" && n+2 < end && compass[strings.ToLower(toks[n].s)] && toks[n+1].s == "of" {
			n += 2 // "located east of Idlib"
		}
		if n < end && toks[n].s == "the" {
			n++
		}
		dir := -1
		if n+1 < end && compass[toks[n].s] {
			dir, n = n, n+1
		}
		a, r, ok := placeName(toks, n)
		if !ok {
			if w != "bordering" {
				return
			}
			continue
		}
		v, span := c.tokText(a, r), c.spanTok(e.doc, a, r)
		if dir >= 0 && isState(v) {
			v, span = c.tokText(dir, r), c.spanTok(e.doc, dir, r)
		}
		e.addPlace(c, v, span, w)
		n = r - 1
		if w != "bordering" {
			return
		}
	}
}

// trimDots drops dots at the end of a name.
func trimDots(toks []token, n, r int) int {
	for r > n && toks[r-1].s == "." {
		r--
	}
	return r
}

// initialsName returns the end of a name shaped "First I. Last" ("Ulysses
// S. Grant", "William T. Sherman") starting at toks[k], or k: a middle
// initial marks a person's name wherever it stands.
func initialsName(toks []token, k int) int {
	if k+3 >= len(toks) || !isCap(toks[k].s) || len(toks[k].s) < 2 || sentenceOpeners[strings.ToLower(toks[k].s)] ||
		!isInitials(toks[k+1].s) || toks[k+2].s != "." || isInitials(toks[k].s) {
		return k
	}
	r := personEnd(toks, k)
	if r <= k+2 || isInitials(toks[r-1].s) || headNouns[strings.ToLower(toks[r-1].s)] {
		return k
	}
	return r
}

// topicDefined reports whether the sentence opens its topic's paragraph.
func (c *sentCtx) topicDefined(e *extractor) bool {
	_, _, ok := topicHead(c.s.toks)
	return ok && !e.topics[c.topic].Main || ok && c.topic == 0
}

// definitionFact records "X is one of the 14 governorates of Syria": the
// phrase after the copula, up to the first comma.
func (e *extractor) definitionFact(c *sentCtx, subject string) {
	toks := c.s.toks
	k := 0
	for k < len(toks) && !(copulas[toks[k].s] && definitional(toks, k)) {
		k++
	}
	if k >= len(toks)-1 {
		return
	}
	k++
	if toks[k-1].s == "refers" || toks[k-1].s == "took" {
		k++
	}
	end := clauseEnd(toks, k)
	if end-k < 2 {
		return
	}
	f := c.fact(quiz.KindDefinition, c.tokText(k, end), quiz.EntityPhrase)
	f.Span = c.spanTok(e.doc, k, end)
	f.Subject = subject
	e.add(c.topic, f)
	e.duringFacts(c)
}

// duringFacts records the larger conflict a topic belongs to: "… during the
// Syrian civil war", "during the 2024 Syrian opposition offensive, a phase".
func (e *extractor) duringFacts(c *sentCtx) {
	toks := c.s.toks
	for k := 0; k+2 < len(toks); k++ {
		if toks[k].s != "during" || toks[k+1].s != "the" {
			continue
		}
		a, b := k+2, k+2
		for b < len(toks) && b < a+8 && (isWordTok(toks[b].s) && toks[b].s != "in" && toks[b].s != "between" && toks[b].s != "and") {
			b++
		}
		if b > a && hasCapWord(toks[a:b], false) {
			f := c.fact(quiz.KindPartOf, c.tokText(a, b), quiz.EntityOperation)
			f.Span = c.spanTok(e.doc, a, b)
			e.add(c.topic, f)
		}
	}
}

// allLetters reports whether w is made of letters only.
func allLetters(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return w != ""
}

// isArticle reports whether w is an article.
func isArticle(w string) bool {
	switch strings.ToLower(w) {
	case "the", "a", "an":
		return true
	}
	return false
}

// lowerName reads a name that starts in lower case and ends in a
// capitalised word after "of" ("the first battle of Raqqa"), up to a comma,
// "and" or a parenthesis; it returns its token range [a, b), empty when none.
func lowerName(toks []token, k int) (int, int) {
	if k < len(toks) && isArticle(toks[k].s) {
		k++
	}
	for e := k; e < len(toks) && e < k+8; e++ {
		w := toks[e].s
		if w == "of" && e > k && e+1 < len(toks) && isCap(toks[e+1].s) {
			return k, capRun(toks, e+1)
		}
		if !isLowerWord(w) || w == "and" || w == "or" || isVerb(toks, e) {
			break
		}
	}
	return 0, 0
}

// shortFormAt returns the end of a short form of the topic's own name that
// starts at toks[k] ("Zenki Movement", "Al Zenki" in the paragraphs of the
// Nour al-Din al-Zenki Movement), or k. Only names of organisations (made
// of capitalised words and particles, ending in a head noun such as
// Movement or Army) have short forms.
func (e *extractor) shortFormAt(c *sentCtx, k int) int {
	forms := e.shortForms(c.topic)
	if len(forms) == 0 {
		return k
	}
	r := capRun(c.s.toks, k)
	if r-k >= 2 && forms[strings.ToLower(c.tokText(k, r))] {
		return r
	}
	return k
}

// shortForms lists a topic name's short forms: its tails of two or more
// words that keep the head noun, with "al-" particles dropped ("Zenki
// Movement"), and "Al" before a word the name writes with "al-" ("Al
// Zenki").
func (e *extractor) shortForms(topic int) map[string]bool {
	if m, ok := e.short[topic]; ok {
		return m
	}
	if e.short == nil {
		e.short = map[int]map[string]bool{}
	}
	m := map[string]bool{}
	e.short[topic] = m
	ws := strings.Fields(e.topics[topic].Base)
	if len(ws) < 3 || !headNouns[strings.ToLower(ws[len(ws)-1])] {
		return m // "Battle of Baton Rouge": "Baton Rouge" is the place, not a short form
	}
	var bare []string
	for _, w := range ws {
		if !isParticleWord(w) && !lowerJoiners[w] && !isCap(w) {
			return m
		}
		w = strings.ToLower(w)
		if h := strings.IndexByte(w, '-'); h > 0 && isParticleWord(w) {
			m["al "+w[h+1:]] = true
			w = w[h+1:]
		}
		bare = append(bare, w)
	}
	for a := 1; a+2 <= len(bare); a++ {
		if !lowerJoiners[bare[a]] {
			m[strings.Join(bare[a:], " ")] = true
		}
	}
	return m
}

// consistingDefinition defines a name given to a bare noun by what follows
// it: "a region known as "Greater Idlib", consisting of northwest Hama,
// southern Idlib and northeastern Latakia provinces" defines Greater Idlib
// as "region consisting of …" (the fact's subject).
func (e *extractor) consistingDefinition(c *sentCtx, noun, a, b int) {
	toks := c.s.toks
	k := b
	if k < len(toks) && (toks[k].s == "\"" || toks[k].s == "”") {
		k++
	}
	if k+2 >= len(toks) || toks[k].s != "," || (toks[k+1].s != "consisting" && toks[k+1].s != "comprising") {
		return
	}
	end := k + 2
	for end < len(toks) && end < k+25 && toks[end].s != "." && toks[end].s != ";" && toks[end].s != "(" {
		end++
	}
	name := c.tokText(a, b)
	f := c.fact(quiz.KindDefinition, c.tokText(noun, noun+1)+" "+c.tokText(k+1, end), quiz.EntityPhrase)
	f.Subject = name
	// Filed under the topic of that name if there is one, else the
	// sentence's: a topic with a single definition gets no card in quiz/gen.
	e.add(e.topicNamed(name, c.topic), f)
}
