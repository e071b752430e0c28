package facts

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// named is one value split out of an infobox cell.
type named struct {
	value string
	sp    span   // original bytes of value
	role  string // "Support", a rank or a parenthesised role
}

// imageExts end the file names of flag and emblem images left in cells.
var imageExts = map[string]bool{"svg": true, "png": true, "jpg": true, "jpeg": true, "gif": true}

// splitCell splits a belligerent, commander or unit cell into single names,
// using citation markers, flags, labels ending in ":", parentheses, image
// file names, the document's own names (lex) and capitalisation as evidence.
func splitCell(doc string, c span, person bool, lex *lexicon) []named {
	var out []named
	role := ""
	start := c.i
	for k := c.i; k <= c.j; k++ {
		if k < c.j && doc[k] != '[' {
			continue
		}
		n := 0
		if k < c.j {
			if n = markerLen(doc[k:c.j]); n == 0 {
				continue
			}
		}
		out = splitPiece(doc, span{start, k}, person, lex, &role, out)
		if n > 0 {
			k += n - 1
			start = k + 1
		}
	}
	return out
}

// segment is a run of words between strong boundaries; nick is the end of
// a quoted nickname that belongs to the last name of the run
// (Muhammad Mustafa Ali "Abu Adel"), 0 when none.
type segment struct {
	words []token
	role  string
	nick  int
}

// splitPiece splits a marker-free part of a cell.
func splitPiece(doc string, p span, person bool, lex *lexicon, role *string, out []named) []named {
	toks := tokenize(doc[p.i:p.j])
	for k := range toks {
		toks[k].i += p.i
		toks[k].j += p.i
	}
	for _, seg := range segments(toks, role, lex, person) {
		chs := chunkWords(seg.words, person, lex)
		for k, ch := range chs {
			n := makeNamed(doc, ch, seg.role, person)
			if k == len(chs)-1 && seg.nick > n.sp.j {
				n.sp.j = seg.nick
				n.value = doc[n.sp.i:n.sp.j]
			}
			out = append(out, n)
		}
	}
	return out
}

// makeNamed builds a value from a chunk of words, moving leading ranks to
// the role of a person.
func makeNamed(doc string, ch []token, role string, person bool) named {
	if person {
		r := 0
		for r < len(ch)-1 && isRank(ch[r].s) {
			r++
		}
		if r > 0 && role == "" {
			role = doc[ch[0].i:ch[r-1].j]
			if strings.HasPrefix(doc[ch[r-1].j:], ".") {
				role += "."
			}
		}
		ch = ch[r:]
	}
	sp := span{ch[0].i, ch[len(ch)-1].j}
	return named{value: doc[sp.i:sp.j], sp: sp, role: role}
}

// isRank reports whether w is a title such as "Lt." or "General".
func isRank(w string) bool {
	if len(w) > 15 || len(w) == 0 {
		return false
	}
	var buf [16]byte // ASCII fast path: no allocation per token
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 {
			return ranks[strings.ToLower(w)] || ranks[strings.ToLower(w)+"."]
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	buf[len(w)] = '.'
	return ranks[string(buf[:len(w)])] || ranks[string(buf[:len(w)+1])]
}

// segmenter cuts the tokens of a cell into segments.
type segmenter struct {
	toks   []token
	role   *string
	lex    *lexicon
	person bool
	out    []segment
	cur    []token
	nick   int
}

// flush ends the current segment.
func (s *segmenter) flush() {
	if len(s.cur) > 0 {
		s.out = append(s.out, segment{words: s.cur, role: *s.role, nick: s.nick})
	}
	s.cur, s.nick = nil, 0
}

// segments cuts tokens at flags, labels ("Support:"), parentheses, image
// file names, commas and semicolons. In a commander cell a parenthesised
// note is never part of the name, and a quoted nickname stays with the name
// before it.
func segments(toks []token, role *string, lex *lexicon, person bool) []segment {
	s := &segmenter{toks: toks, role: role, lex: lex, person: person}
	for k := 0; k < len(toks); k++ {
		k = s.step(k)
	}
	s.flush()
	return s.out
}

// step handles toks[k] and returns the index of the last token it used.
func (s *segmenter) step(k int) int {
	t := s.toks[k]
	switch {
	case s.nick > 0 && isWordTok(t.s):
		s.flush() // a nickname ends its name
		s.cur = append(s.cur, t)
	case isWordTok(t.s):
		s.cur = append(s.cur, t)
	case t.s == ":" && len(s.cur) > 0:
		n := labelWords(s.cur)
		*s.role = joinTokens(s.cur[len(s.cur)-n:])
		s.cur = s.cur[:len(s.cur)-n]
		s.flush()
	case t.s == "(":
		return s.paren(k)
	case t.s == "." && k+1 < len(s.toks) && imageExts[strings.ToLower(s.toks[k+1].s)] && s.toks[k+1].i == t.j:
		s.cur = dropFileName(s.cur, s.lex, s.person)
		s.flush()
		return k + 1
	case t.s == "." && len(s.cur) > 0 && s.cur[len(s.cur)-1].j == t.i && isRank(s.cur[len(s.cur)-1].s):
		// the dot of an abbreviated rank: "Lt. Col. Mohieddin al-Zain"
	case s.person && isQuote(t.s):
		return s.nickname(k)
	case isQuote(t.s) || t.s == "&":
		if len(s.cur) > 0 {
			s.cur = append(s.cur, t)
		}
	default:
		s.flush()
	}
	return k
}

// isQuote reports whether s is a quotation mark.
func isQuote(s string) bool {
	return s == "\"" || s == "“" || s == "”" || s == "'"
}

// paren handles a parenthesis at toks[k]: an acronym after a group name
// stays with it; any other note is a boundary and is skipped. In a
// commander cell an unclosed note ("(Qalamoun deputy commander Ahmed …")
// ends at its last role word.
func (s *segmenter) paren(k int) int {
	end := closeParen(s.toks, k)
	if end > k && !s.person && len(s.cur) > 0 && isAcronymParen(s.toks[k+1:end]) {
		return end
	}
	if end < 0 && s.person {
		for e := k + 1; e < len(s.toks) && e < k+12 && s.toks[e].s != "("; e++ {
			if roleWords[strings.ToLower(s.toks[e].s)] {
				end = e
			}
		}
	}
	s.flush()
	if end > k {
		return end
	}
	return k
}

// nickname handles a quotation mark in a commander cell: a short quoted
// run of words is a nickname of the name before it, or a name of its own
// when no name precedes it ("Dijwar").
func (s *segmenter) nickname(k int) int {
	end := -1
	for e := k + 1; e < len(s.toks) && e < k+6; e++ {
		if isQuote(s.toks[e].s) {
			end = e
			break
		}
		if !isWordTok(s.toks[e].s) {
			break
		}
	}
	if end < k+2 {
		return k // a stray quote: ignore it
	}
	if len(s.cur) == 0 {
		s.cur = append(s.cur, s.toks[k+1:end]...)
		s.flush()
		return end
	}
	s.nick = s.toks[end].j
	return end
}

// isWordTok reports whether a token is a word.
func isWordTok(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isWordRune(r)
}

// labelWords says how many words before a ":" form the label: the last word
// and any lower-case words before it ("Supported by").
func labelWords(cur []token) int {
	n := 1
	for n < len(cur) && n < 3 && isLowerWord(cur[len(cur)-n].s) {
		n++
	}
	return n
}

// closeParen returns the index of the ")" closing toks[k], or -1 when none
// comes within 30 tokens.
func closeParen(toks []token, k int) int {
	for e := k + 1; e < len(toks) && e < k+30; e++ {
		if toks[e].s == ")" {
			return e
		}
		if toks[e].s == "(" {
			return -1
		}
	}
	return -1
}

// isAcronymParen reports whether parenthesised tokens are an acronym: "(HTS)".
func isAcronymParen(toks []token) bool {
	if len(toks) != 1 {
		return false
	}
	return isAcronym(toks[0].s)
}

// isAcronym reports whether w is an all-capitals word of 2–8 letters.
func isAcronym(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 2 && n <= 8
}

// dropFileName removes the words of an image file name ("Syria Armed Forces
// Emblem" before ".svg") from the end of cur. Words with digits or "flag"
// are file-name words ("Syria-flag 1932-58 1961-63"); otherwise it keeps the
// shortest prefix made of known names, or drops only the last word. In a
// commander cell such a prefix is an emblem's group name, not a person, so
// everything goes.
func dropFileName(cur []token, lex *lexicon, person bool) []token {
	k := len(cur) - 1
	for k > 0 && fileNameWord(cur[k-1].s) {
		k--
	}
	if k < 0 || k < len(cur)-1 || (len(cur) > 0 && fileNameWord(cur[len(cur)-1].s)) {
		return cur[:max(k, 0)]
	}
	if person {
		return nil
	}
	for k := 1; k < len(cur) && k < maxChunk; k++ {
		if lex.covers(cur[:k]) {
			return cur[:k]
		}
	}
	return cur[:max(len(cur)-1, 0)]
}

// fileNameWord reports whether w looks like part of an image file name.
func fileNameWord(w string) bool {
	return strings.ContainsAny(w, "0123456789") || strings.Contains(strings.ToLower(w), "flag")
}

// joinTokens joins token strings with single blanks.
func joinTokens(ts []token) string {
	parts := make([]string, len(ts))
	for k, t := range ts {
		parts[k] = t.s
	}
	return strings.Join(parts, " ")
}
