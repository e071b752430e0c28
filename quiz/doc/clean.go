package doc

import "github.com/factdeck/factdeck/quiz/facts"

// cleaned is a piece of the document with citation markers removed (by
// the fact extractor's rules, so offsets agree with card sources). off[i]
// is the original offset of text[i]; off[len(text)] is the original offset
// just past the piece.
type cleaned struct {
	text string
	off  []int
}

// span returns the original byte range of text[i:j].
func (c cleaned) span(i, j int) (int, int) {
	if j <= i {
		return c.off[i], c.off[i]
	}
	return c.off[i], c.off[j-1] + 1
}

// clean removes citation markers from doc[start:end] together with the
// blanks before them ("Russia [10] [11] Iran" reads "Russia Iran"), and the
// blanks left at the ends (a marker first in a cell is not text).
func clean(doc string, start, end int) cleaned {
	text, off := facts.Clean(doc, start, end)
	lo, hi := 0, len(text)
	for lo < hi && (text[lo] == ' ' || text[lo] == '\t') {
		lo++
	}
	for hi > lo && (text[hi-1] == ' ' || text[hi-1] == '\t' || text[hi-1] == '\r') {
		hi--
	}
	o := append(off[lo:hi:hi], off[len(text)])
	if hi > lo {
		o[len(o)-1] = off[hi-1] + 1
	}
	return cleaned{text: text[lo:hi], off: o}
}

// sentences splits cleaned text by the extractor's sentence rules.
func sentences(text string) [][2]int { return facts.Sentences(text) }
