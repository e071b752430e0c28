// Package doc parses a source document into the blocks the read page shows:
// the infobox (title, "Part of …", caption, labelled rows of per-side
// cells) and the prose (headings and paragraphs split into sentences).
// Citation markers ("[24]", "[a]", "[ better source needed ]") are removed
// from every displayed text, while every piece keeps the byte offsets of
// the original text it came from, the offsets card sources cite. It is pure
// and deterministic: text in, blocks out.
package doc

import (
	"sort"
	"strings"
)

// Piece is one displayed run of text (a sentence or an infobox cell) with
// the original byte range [Start, End) it was read from.
type Piece struct {
	Text  string
	Start int
	End   int
}

// Row is one infobox row: its cells, one per side (or one for the whole row).
type Row struct {
	Cells []Piece
}

// Section is an infobox label ("Belligerents") with its data rows.
type Section struct {
	Label Piece
	Rows  []Row
}

// Infobox is the flattened infobox at the top of an encyclopedia dump.
type Infobox struct {
	Title    Piece
	PartOf   Piece   // the "Part of …" line, Text without "Part of "; zero when absent
	Captions []Piece // text rows before the first label (an image caption)
	Sections []Section
	Columns  int // the most cells in a data row
}

// BlockKind tells a heading from a paragraph.
type BlockKind int

// Block kinds.
const (
	Paragraph BlockKind = iota + 1
	Heading
)

// Block is a heading (one sentence, its text) or a paragraph of sentences.
type Block struct {
	Kind      BlockKind
	Sentences []Piece
}

// Document is a parsed source document.
type Document struct {
	Infobox *Infobox // nil when the document has none
	Blocks  []Block
}

// labels are the infobox labels (lower case) that stand alone on a row with
// their values on the rows below.
var labels = map[string]bool{
	"belligerents": true, "combatants": true, "commanders and leaders": true, "commanders": true,
	"leaders": true, "units involved": true, "units": true, "strength": true,
	"casualties and losses": true, "casualties": true, "date": true, "dates": true,
	"location": true, "place": true, "result": true, "territorial changes": true,
}

// Parse reads text into display blocks. It never fails: text that is not
// an infobox is prose, and empty text gives an empty document.
func Parse(text string) Document {
	lines := splitLines(text)
	ib, k := parseInfobox(text, lines)
	d := Document{Infobox: ib}
	for _, l := range lines[k:] {
		s := trim(text, l)
		if s.j == s.i || isPipeRow(text, l) || strings.HasPrefix(text[s.i:s.j], "|") {
			continue // blank lines and the tables of navigation boxes
		}
		cl := clean(text, s.i, s.j)
		if cl.text == "" {
			continue
		}
		if isHeading(cl.text) {
			a, b := cl.span(0, len(cl.text))
			d.Blocks = append(d.Blocks, Block{Kind: Heading, Sentences: []Piece{{cl.text, a, b}}})
			continue
		}
		blk := Block{Kind: Paragraph}
		for _, sp := range sentences(cl.text) {
			a, b := cl.span(sp[0], sp[1])
			blk.Sentences = append(blk.Sentences, Piece{cl.text[sp[0]:sp[1]], a, b})
		}
		d.Blocks = append(d.Blocks, blk)
	}
	return d
}

// Pieces returns every piece of the document in document order: the
// infobox's title, part-of, captions, labels and cells, then the sentences.
func (d Document) Pieces() []Piece {
	var out []Piece
	if ib := d.Infobox; ib != nil {
		out = append(out, ib.Title)
		if ib.PartOf.End > 0 {
			out = append(out, ib.PartOf)
		}
		out = append(out, ib.Captions...)
		for _, s := range ib.Sections {
			out = append(out, s.Label)
			for _, r := range s.Rows {
				out = append(out, r.Cells...)
			}
		}
	}
	for _, b := range d.Blocks {
		out = append(out, b.Sentences...)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// Locate returns the index in pieces (sorted by Start, as Pieces returns
// them) of the piece that holds original offset off: the last piece that
// starts at or before it. A card source that starts in text no piece shows
// (a skipped table row) so lands on the piece before it; -1 when off comes
// before every piece.
func Locate(pieces []Piece, off int) int {
	return sort.Search(len(pieces), func(i int) bool { return pieces[i].Start > off }) - 1
}

// isHeading reports whether a prose line is a section heading: short, and
// not ending like a sentence.
func isHeading(s string) bool {
	if len(s) > 80 || strings.Count(s, " ") > 8 {
		return false
	}
	return !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "\"") && !strings.HasSuffix(s, ".”") &&
		!strings.HasSuffix(s, ":")
}
