package facts

import (
	"strconv"
	"strings"

	"github.com/factdeck/factdeck/quiz"
)

// infoboxFacts turns the infobox cells into facts of the main topic.
func (e *extractor) infoboxFacts(ib infobox) {
	if len(e.topics) == 0 {
		return
	}
	if ib.partOf.j > ib.partOf.i {
		e.partOfFacts(ib.partOf)
	}
	if ib.caption.j > ib.caption.i {
		e.captionFacts(ib.caption)
	}
	for _, c := range ib.cells {
		switch c.kind {
		case quiz.KindBelligerent, quiz.KindCommander, quiz.KindUnit:
			e.nameFacts(c)
		case quiz.KindStrength, quiz.KindCasualties:
			e.countFacts(c)
		default:
			e.wholeCellFact(c)
		}
	}
}

// nameFacts splits a cell of names into one fact per name.
func (e *extractor) nameFacts(c ibCell) {
	person := c.kind == quiz.KindCommander
	for _, n := range splitCell(e.doc, c.cell, person, e.lex) {
		v := trimPunct(n.value)
		if v == "" || isUnknown(v) {
			continue
		}
		f := quiz.Fact{Kind: c.kind, Side: c.side, Value: v, Role: n.role, Start: c.cell.i, End: c.cell.j,
			Span: [2]int{n.sp.i, n.sp.i + len(v)}}
		switch {
		case person:
			f.Entity = quiz.EntityPerson
		case isState(v):
			f.Entity = quiz.EntityState
		default:
			f.Entity = quiz.EntityGroup
		}
		e.add(0, f)
	}
}

// isUnknown reports whether a value says nothing: "Unknown", "None", "N/A".
func isUnknown(v string) bool {
	switch strings.ToLower(v) {
	case "unknown", "none", "n/a", "see order of battle", "various":
		return true
	}
	return false
}

// wholeCellFact records a date, location, result or part-of cell whole.
func (e *extractor) wholeCellFact(c ibCell) {
	cl := clean(e.doc, c.cell.i, c.cell.j)
	v := trimPunct(cl.text)
	if v == "" || isUnknown(v) {
		return
	}
	f := quiz.Fact{Kind: c.kind, Side: c.side, Value: v, Start: c.cell.i, End: c.cell.j,
		Span: spanOf(e.doc, &cl, 0, len(cl.text))}
	switch c.kind {
	case quiz.KindDate:
		f.Entity = quiz.EntityDate
		ctx := dateCtx{}
		if ds := findDates(tokenize(cl.text), &ctx); len(ds) > 0 {
			r := ds[0].r
			if len(ds) > 1 && !ds[len(ds)-1].r.Start.Before(r.Start) {
				last := ds[len(ds)-1].r
				r.End = last.Start
				if !last.End.IsZero() {
					r.End = last.End
				}
			}
			f.Date = &r
			if e.topics[0].Date.IsZero() {
				e.topics[0].Date = r
			}
		}
	case quiz.KindLocation:
		f.Entity = quiz.EntityPlace
	case quiz.KindOutcome:
		f.Entity = quiz.EntityPhrase
	case quiz.KindPartOf:
		f.Entity = quiz.EntityOperation
	}
	e.add(0, f)
}

// countFacts splits a strength or casualties cell into items that each
// start with a number: "132 fighters killed, 36 infiltrators executed".
func (e *extractor) countFacts(c ibCell) {
	cl := clean(e.doc, c.cell.i, c.cell.j)
	toks := tokenize(cl.text)
	start := 0
	for k := 0; k <= len(toks); k++ {
		if k < len(toks) && (k == 0 || !startsCountItem(toks, k)) {
			continue
		}
		if k > start {
			a, b := toks[start].i, toks[k-1].j
			v := trimPunct(cl.text[a:b])
			if v != "" && !isUnknown(v) {
				f := quiz.Fact{Kind: c.kind, Side: c.side, Value: v, Entity: quiz.EntityNumber,
					Start: c.cell.i, End: c.cell.j, Span: spanOf(e.doc, &cl, a, a+len(v))}
				f.Number, f.Noun = numberNoun(tokenize(v))
				e.add(0, f)
			}
		}
		start = k
	}
}

// startsCountItem reports whether toks[k] begins a new count in a cell.
func startsCountItem(toks []token, k int) bool {
	if _, ok := numberValue(toks[k].s); !ok && toks[k].s != "~" {
		return false
	}
	prev := strings.ToLower(toks[k-1].s)
	if prev == "," || prev == ")" {
		return true
	}
	if !isWordTok(prev) {
		return false
	}
	if _, ok := numberValue(prev); ok {
		return false
	}
	switch prev {
	case "and", "or", "to", "than", "of", "about", "least", "nearly", "over", "some", "approximately", "around", "by", "c":
		return false
	}
	return true
}

// wordNumbers are spelled-out numbers.
var wordNumbers = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "dozens": 24,
	"hundreds": 200, "thousands": 2000, "dozen": 12,
}

// numberValue parses "2,892", "100,000", "1,300+" or a word number.
func numberValue(w string) (float64, bool) {
	w = strings.TrimSuffix(w, "+")
	if w == "" || len(w) > 20 {
		return 0, false
	}
	if c := w[0]; c < '0' || c > '9' {
		if len(w) > 9 {
			return 0, false // longer than any number word
		}
		v, ok := wordNumbers[strings.ToLower(w)]
		return v, ok
	}
	if v, ok := wordNumbers[w]; ok {
		return v, true
	}
	d := strings.ReplaceAll(w, ",", "")
	if !allDigits(d) || len(d) > 12 {
		return 0, false
	}
	v, err := strconv.ParseFloat(d, 64)
	return v, err == nil
}

// numberNoun reads a count's number and the words that say what it counts.
func numberNoun(toks []token) (float64, string) {
	for k, t := range toks {
		v, ok := numberValue(t.s)
		if !ok {
			continue
		}
		var noun []string
		for e := k + 1; e < len(toks) && len(noun) < 4; e++ {
			w := toks[e].s
			if !isWordTok(w) {
				if w == "+" {
					continue
				}
				break
			}
			if _, isNum := numberValue(w); isNum {
				break
			}
			noun = append(noun, w)
		}
		return v, strings.Join(noun, " ")
	}
	return 0, ""
}

// partOfFacts records "Part of the 2024 Syrian opposition offensives during
// the Syrian civil war" as two facts: the campaign and the war.
func (e *extractor) partOfFacts(sp span) {
	cl := clean(e.doc, sp.i, sp.j)
	parts := [][2]int{{0, len(cl.text)}}
	if k := strings.Index(cl.text, " during "); k > 0 {
		parts = [][2]int{{0, k}, {k + len(" during "), len(cl.text)}}
	}
	for _, p := range parts {
		a, b := p[0], p[1]
		if strings.HasPrefix(cl.text[a:b], "the ") {
			a += len("the ")
		}
		v := trimPunct(cl.text[a:b])
		e.add(0, quiz.Fact{Kind: quiz.KindPartOf, Value: v, Entity: quiz.EntityOperation,
			Start: sp.i, End: sp.j, Span: spanOf(e.doc, &cl, a, a+len(v))})
	}
}

// captionFacts reads the people a picture caption names ("fighters toppling
// a statue of Bassel al-Assad"), citing the caption cell.
func (e *extractor) captionFacts(cap span) {
	p := &para{cl: clean(e.doc, cap.i, cap.j)}
	for _, sp := range sentences(p.cl.text) {
		s := sent{i: sp[0], j: sp[1], toks: tokenize(p.cl.text[sp[0]:sp[1]])}
		c := &sentCtx{p: p, s: s, text: p.cl.text[s.i:s.j]}
		for k := 0; k+2 < len(s.toks); k++ {
			e.depictedPerson(c, k)
		}
	}
}
