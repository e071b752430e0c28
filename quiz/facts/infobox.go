package facts

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/factdeck/factdeck/quiz"
)

// span is a byte range [i, j) of the original document.
type span struct{ i, j int }

// line is one line of the document (without its newline).
type line struct {
	i, j int
}

// ibRow is an infobox value: a label's kind and the cell that holds it.
type ibCell struct {
	kind quiz.FactKind
	side int // 1-based, 0 for rows that belong to no side
	cell span
}

// infobox is the flattened infobox at the top of a document.
type infobox struct {
	title   span
	partOf  span
	caption span // a picture caption: the first lone cell before any label
	cells   []ibCell
	sides   int // number of belligerent cells
	end     int // index of the first line after the infobox
}

// labelKinds maps infobox labels (lower case) to the kind of their values.
var labelKinds = map[string]quiz.FactKind{
	"belligerents": quiz.KindBelligerent, "combatants": quiz.KindBelligerent,
	"commanders and leaders": quiz.KindCommander, "commanders": quiz.KindCommander,
	"leaders": quiz.KindCommander, "units involved": quiz.KindUnit, "units": quiz.KindUnit,
	"strength": quiz.KindStrength, "casualties and losses": quiz.KindCasualties,
	"casualties": quiz.KindCasualties, "date": quiz.KindDate, "dates": quiz.KindDate,
	"location": quiz.KindLocation, "place": quiz.KindLocation, "result": quiz.KindOutcome,
	"territorial changes": quiz.KindOutcome, "part of": quiz.KindPartOf,
}

// splitLines returns the lines of doc.
func splitLines(doc string) []line {
	var out []line
	for i := 0; i <= len(doc); {
		j := strings.IndexByte(doc[i:], '\n')
		if j < 0 {
			if i < len(doc) {
				out = append(out, line{i, len(doc)})
			}
			break
		}
		end := i + j
		if end > i && doc[end-1] == '\r' {
			end--
		}
		out = append(out, line{i, end})
		i += j + 1
	}
	return out
}

// cells splits a pipe row into trimmed cell spans, empty cells included,
// trailing empty cells dropped.
func cells(doc string, l line) []span {
	var out []span
	start := l.i
	for k := l.i; k <= l.j; k++ {
		if k == l.j || doc[k] == '|' {
			out = append(out, trimSpan(doc, span{start, k}))
			start = k + 1
		}
	}
	for len(out) > 0 && out[len(out)-1].i == out[len(out)-1].j {
		out = out[:len(out)-1]
	}
	return out
}

// trimSpan trims blanks at both ends of s.
func trimSpan(doc string, s span) span {
	for s.i < s.j && (doc[s.i] == ' ' || doc[s.i] == '\t' || doc[s.i] == '\r') {
		s.i++
	}
	for s.j > s.i && (doc[s.j-1] == ' ' || doc[s.j-1] == '\t' || doc[s.j-1] == '\r') {
		s.j--
	}
	return s
}

// nonEmpty returns the indexes of the non-empty cells.
func nonEmpty(cs []span) []int {
	var out []int
	for k, c := range cs {
		if c.j > c.i {
			out = append(out, k)
		}
	}
	return out
}

// isPipeRow reports whether a line is a table row.
func isPipeRow(doc string, l line) bool {
	return strings.Count(doc[l.i:l.j], "|") >= 1 && strings.HasSuffix(strings.TrimSpace(doc[l.i:l.j]), "|")
}

// isSeparator reports whether a row is a Markdown table rule "---|---|".
func isSeparator(doc string, l line) bool {
	return strings.Trim(doc[l.i:l.j], "-|: \t") == "" && strings.Contains(doc[l.i:l.j], "-")
}

// parseInfobox reads the infobox at the top of doc in either shape: a label
// row followed by a row of cells (one per side), or "Label | side 1 | side 2 |".
func parseInfobox(doc string, lines []line) infobox {
	var ib infobox
	k := 0
	for k < len(lines) && lines[k].i == lines[k].j {
		k++
	}
	if k >= len(lines) {
		return ib
	}
	first := lines[k]
	if isPipeRow(doc, first) {
		if cs := cells(doc, first); len(cs) > 0 {
			ib.title = cs[0]
		}
	} else if first.j-first.i <= 200 && hasPipeRowSoon(doc, lines, k+1) {
		ib.title = trimSpan(doc, span(first))
	} else {
		if t := trimSpan(doc, span(first)); isHeading(doc[t.i:t.j]) && startsCap(doc[t.i:t.j]) {
			ib.title = t // a heading over plain prose names the document
		}
		return ib
	}
	k++
	rd := rowReader{doc: doc, ib: &ib}
	for ; k < len(lines); k++ {
		l := lines[k]
		text := strings.TrimSpace(doc[l.i:l.j])
		if strings.HasPrefix(text, "Part of ") && ib.partOf.j == 0 {
			c := trimSpan(doc, span(l))
			if isPipeRow(doc, l) {
				c = cells(doc, l)[0]
			}
			ib.partOf = span{c.i + len("Part of "), c.j}
			continue
		}
		if !isPipeRow(doc, l) {
			break
		}
		if !isSeparator(doc, l) {
			rd.row(cells(doc, l))
		}
	}
	ib.end = k
	return ib
}

// hasPipeRowSoon reports whether one of the next three lines is a pipe row.
func hasPipeRowSoon(doc string, lines []line, k int) bool {
	for n := k; n < len(lines) && n < k+3; n++ {
		if isPipeRow(doc, lines[n]) {
			return true
		}
	}
	return false
}

// rowReader turns infobox rows into side-tagged cells, remembering the
// label of the label-row shape.
type rowReader struct {
	doc   string
	ib    *infobox
	kind  quiz.FactKind // current label's kind, "" before the first label
	data  int           // data rows read since the label
	nside int           // cells in the first data row
}

// row handles one infobox row.
func (rd *rowReader) row(cs []span) {
	idx := nonEmpty(cs)
	if len(idx) == 0 {
		return
	}
	label := strings.ToLower(trimPunct(rd.doc[cs[idx[0]].i:cs[idx[0]].j]))
	kind, isLabel := labelKinds[label]
	switch {
	case isLabel && len(idx) == 1:
		rd.kind, rd.data, rd.nside = kind, 0, 0
	case isLabel:
		rd.kind = ""
		rd.add(kind, cs[idx[0]+1:], false)
	case rd.kind != "":
		rd.data++
		rd.add(rd.kind, cs, rd.data > 1)
	case len(idx) == 1 && len(rd.ib.cells) == 0 && rd.ib.caption.j == 0:
		if c := cs[idx[0]]; strings.Count(rd.doc[c.i:c.j], " ") >= 3 {
			rd.ib.caption = c
		}
	}
}

// add records the cells of a data row. A continuation row with fewer cells
// than sides ("22 civilians killed" under the casualties) belongs to no side.
func (rd *rowReader) add(kind quiz.FactKind, cs []span, cont bool) {
	sided := kind != quiz.KindDate && kind != quiz.KindLocation && kind != quiz.KindOutcome && kind != quiz.KindPartOf
	n := len(nonEmpty(cs))
	if !cont {
		rd.nside = len(cs)
	}
	if kind == quiz.KindBelligerent && rd.ib.sides == 0 {
		rd.ib.sides = len(cs)
	}
	for k, c := range cs {
		if c.j == c.i {
			continue
		}
		side := k + 1
		switch {
		case !sided || (cont && n < rd.nside):
			side = 0
		case rd.ib.sides > 0 && side > rd.ib.sides && kind == quiz.KindCasualties:
			side = 0
		}
		rd.ib.cells = append(rd.ib.cells, ibCell{kind: kind, side: side, cell: c})
	}
}

// startsCap reports whether s begins with an upper-case letter.
func startsCap(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
