package doc

import "strings"

// span is a byte range [i, j) of the original text.
type span struct{ i, j int }

// splitLines returns the lines of text without their line ends.
func splitLines(text string) []span {
	var out []span
	for i := 0; i < len(text); {
		j := strings.IndexByte(text[i:], '\n')
		end := len(text)
		if j >= 0 {
			end = i + j
		}
		e := end
		if e > i && text[e-1] == '\r' {
			e--
		}
		out = append(out, span{i, e})
		i = end + 1
	}
	return out
}

// trim drops blanks at both ends of s.
func trim(text string, s span) span {
	for s.i < s.j && (text[s.i] == ' ' || text[s.i] == '\t' || text[s.i] == '\r') {
		s.i++
	}
	for s.j > s.i && (text[s.j-1] == ' ' || text[s.j-1] == '\t' || text[s.j-1] == '\r') {
		s.j--
	}
	return s
}

// isPipeRow reports whether a line is a table row: it ends in a pipe.
func isPipeRow(text string, l span) bool {
	return strings.HasSuffix(strings.TrimSpace(text[l.i:l.j]), "|")
}

// isSeparator reports whether a row is a Markdown table rule "---|---|".
func isSeparator(text string, l span) bool {
	return strings.Trim(text[l.i:l.j], "-|: \t") == "" && strings.Contains(text[l.i:l.j], "-")
}

// cells splits a pipe row into its non-empty cells, cleaned.
func cells(text string, l span) []Piece {
	var out []Piece
	start := l.i
	for k := l.i; k <= l.j; k++ {
		if k < l.j && text[k] != '|' {
			continue
		}
		s := trim(text, span{start, k})
		start = k + 1
		if s.j == s.i {
			continue
		}
		if p := piece(text, s); p.Text != "" {
			out = append(out, p)
		}
	}
	return out
}

// piece cleans text[s.i:s.j] into a displayed piece.
func piece(text string, s span) Piece {
	cl := clean(text, s.i, s.j)
	a, b := cl.span(0, len(cl.text))
	return Piece{cl.text, a, b}
}

// parseInfobox reads the infobox at the top of text in either shape: a
// label row followed by rows of per-side cells, or "Label | side 1 | side
// 2 |" on one row. It returns nil and 0 when the text starts with prose,
// else the infobox and the index of the first line after it.
func parseInfobox(text string, lines []span) (*Infobox, int) {
	k := 0
	for k < len(lines) && trim(text, lines[k]).i == lines[k].j {
		k++
	}
	if k >= len(lines) {
		return nil, 0
	}
	ib := &Infobox{}
	first := lines[k]
	switch {
	case isPipeRow(text, first):
		cs := cells(text, first)
		if len(cs) == 0 {
			return nil, 0
		}
		ib.Title = cs[0]
	case first.j-first.i <= 200 && pipeRowSoon(text, lines, k+1):
		ib.Title = piece(text, trim(text, first))
	default:
		return nil, 0
	}
	if ib.Title.Text == "" {
		return nil, 0
	}
	for k++; k < len(lines); k++ {
		l := lines[k]
		if t := trim(text, l); strings.HasPrefix(text[t.i:t.j], "Part of ") && ib.PartOf.End == 0 {
			if cs := cells(text, l); len(cs) > 0 {
				ib.PartOf = cs[0]
				ib.PartOf.Text = strings.TrimPrefix(ib.PartOf.Text, "Part of ")
			}
			continue
		}
		if !isPipeRow(text, l) {
			break
		}
		if !isSeparator(text, l) {
			ib.row(cells(text, l))
		}
	}
	return ib, k
}

// pipeRowSoon reports whether one of the next three lines is a pipe row.
func pipeRowSoon(text string, lines []span, k int) bool {
	for n := k; n < len(lines) && n < k+3; n++ {
		if isPipeRow(text, lines[n]) {
			return true
		}
	}
	return false
}

// row files one infobox row: a known label alone starts a section; a label
// with cells is a section of one row; other rows belong to the open section
// or, before any, are captions.
func (ib *Infobox) row(cs []Piece) {
	if len(cs) == 0 {
		return
	}
	label := isLabel(cs[0].Text)
	open := len(ib.Sections) > 0 && isLabel(ib.Sections[len(ib.Sections)-1].Label.Text)
	switch {
	case label && len(cs) == 1:
		ib.Sections = append(ib.Sections, Section{Label: cs[0]})
	case len(cs) > 1 && (label || !open):
		ib.Sections = append(ib.Sections, Section{Label: cs[0], Rows: []Row{{Cells: cs[1:]}}})
		ib.Columns = max(ib.Columns, len(cs)-1)
	case len(ib.Sections) > 0:
		s := &ib.Sections[len(ib.Sections)-1]
		s.Rows = append(s.Rows, Row{Cells: cs})
		ib.Columns = max(ib.Columns, len(cs))
	default:
		ib.Captions = append(ib.Captions, cs...)
	}
}

// isLabel reports whether a cell is a known infobox label.
func isLabel(s string) bool {
	return labels[strings.ToLower(strings.Trim(s, " :.;"))]
}
