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

// segment is a run of words between strong boundaries.
type segment struct {
	words []token
	role  string
}

// splitPiece splits a marker-free part of a cell.
func splitPiece(doc string, p span, person bool, lex *lexicon, role *string, out []named) []named {
	toks := tokenize(doc[p.i:p.j])
	for k := range toks {
		toks[k].i += p.i
		toks[k].j += p.i
	}
	for _, seg := range segments(toks, role, lex) {
		for _, ch := range chunkWords(seg.words, person, lex) {
			out = append(out, makeNamed(doc, ch, seg.role, person))
		}
	}
	return out
}

// makeNamed builds a value from a chunk of words, moving leading ranks to
// the role of a person.
func makeNamed(doc string, ch []token, role string, person bool) named {
	if person {
		for len(ch) > 1 && isRank(ch[0].s) {
			ch = ch[1:]
		}
	}
	sp := span{ch[0].i, ch[len(ch)-1].j}
	return named{value: doc[sp.i:sp.j], sp: sp, role: role}
}

// isRank reports whether w is a title such as "Lt." or "General".
func isRank(w string) bool { return ranks[strings.ToLower(w)] || ranks[strings.ToLower(w)+"."] }

// segments cuts tokens at flags, labels ("Support:"), parentheses, image
// file names, commas and semicolons.
func segments(toks []token, role *string, lex *lexicon) []segment {
	var out []segment
	var cur []token
	flush := func() {
		if len(cur) > 0 {
			out = append(out, segment{words: cur, role: *role})
		}
		cur = nil
	}
	for k := 0; k < len(toks); k++ {
		t := toks[k]
		switch {
		case isWordTok(t.s):
			cur = append(cur, t)
		case t.s == ":" && len(cur) > 0:
			n := labelWords(cur)
			*role = joinTokens(cur[len(cur)-n:])
			cur = cur[:len(cur)-n]
			flush()
		case t.s == "(":
			end := closeParen(toks, k)
			if end > k && len(cur) > 0 && isAcronymParen(toks[k+1:end]) {
				k = end
				continue
			}
			flush()
			if end > k {
				k = end
			}
		case t.s == "." && k+1 < len(toks) && imageExts[strings.ToLower(toks[k+1].s)] && toks[k+1].i == t.j:
			cur = dropFileName(cur, lex)
			flush()
			k++
		case t.s == "\"" || t.s == "“" || t.s == "”" || t.s == "'" || t.s == "&":
			if len(cur) > 0 {
				cur = append(cur, t)
			}
		default:
			flush()
		}
	}
	flush()
	return out
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
// Emblem" before ".svg") from the end of cur: it keeps the shortest prefix
// that is made of known names, or drops only the last word.
func dropFileName(cur []token, lex *lexicon) []token {
	for k := 1; k < len(cur) && k < maxChunk; k++ {
		if lex.covers(cur[:k]) {
			return cur[:k]
		}
	}
	k := len(cur) - 1
	for k > 0 && (strings.ContainsAny(cur[k-1].s, "0123456789") || strings.Contains(strings.ToLower(cur[k-1].s), "flag")) {
		k--
	}
	if k < 0 {
		k = 0
	}
	return cur[:k]
}

// joinTokens joins token strings with single blanks.
func joinTokens(ts []token) string {
	parts := make([]string, len(ts))
	for k, t := range ts {
		parts[k] = t.s
	}
	return strings.Join(parts, " ")
}
