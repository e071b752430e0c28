package facts

// Clean returns doc[start:end] with citation markers and editorial notes
// removed (the text the extractor reads) and, for every byte of it, its
// offset in doc; off has one more entry, the offset just past the piece.
// Other packages that show or quote a document use it so that their
// offsets agree with the facts'.
func Clean(doc string, start, end int) (text string, off []int) {
	c := clean(doc, start, end)
	return c.text, c.off
}

// Sentences splits cleaned text into sentence spans [start, end) by the
// extractor's rules (abbreviations, initials, quotes, dates at a sentence
// end), so a sentence shown elsewhere starts where a fact's source does.
func Sentences(text string) [][2]int { return sentences(text) }
