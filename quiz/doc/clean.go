package doc

import "strings"

// cleaned is a piece of the document with citation markers removed. off[i]
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

// editorial words mark a bracketed note as an editor's remark, not text.
var editorial = []string{
	"needed", "citation", "clarification", "dubious", "verification", "disputed",
	"discuss", "unreliable", "original research", "vague", "page", "when?", "who?",
	"which?", "according to whom", "full citation", "specify", "better source",
}

// markerLen is the length of the citation marker or editorial note that
// starts at s[0] == '[', or 0 when the bracket is ordinary text.
func markerLen(s string) int {
	end := strings.IndexByte(s[:min(len(s), 64)], ']')
	if end < 2 {
		return 0
	}
	inner := strings.TrimSpace(s[1:end])
	if inner == "" || strings.ContainsAny(inner, "[|") {
		return 0
	}
	if isRefCode(inner) {
		return end + 1
	}
	low := strings.ToLower(inner)
	if low != inner && !strings.HasPrefix(low, "note") {
		return 0
	}
	for _, w := range editorial {
		if strings.Contains(low, w) {
			return end + 1
		}
	}
	return 0
}

// isRefCode matches reference codes: "24", "a", "nb 1", "note 3".
func isRefCode(s string) bool {
	s = strings.ToLower(s)
	for _, p := range []string{"note ", "nb ", "n ", "note", "nb"} {
		if rest, ok := strings.CutPrefix(s, p); ok && rest != "" {
			s = rest
			break
		}
	}
	if len(s) > 4 {
		return false
	}
	digits, letters := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c >= 'a' && c <= 'z':
			letters++
		default:
			return false
		}
	}
	return (letters == 0 && digits > 0) || (digits == 0 && letters <= 2)
}

// clean removes citation markers from doc[start:end] together with the
// blanks before them: "Russia [10] [11] Iran" reads "Russia Iran".
func clean(doc string, start, end int) cleaned {
	buf := make([]byte, 0, end-start)
	off := make([]int, 0, end-start+1)
	for i := start; i < end; {
		if doc[i] == '[' {
			if n := markerLen(doc[i:end]); n > 0 {
				k := len(buf)
				for k > 0 && (buf[k-1] == ' ' || buf[k-1] == '\t') {
					k--
				}
				buf, off = buf[:k], off[:k]
				i += n
				continue
			}
		}
		buf = append(buf, doc[i])
		off = append(off, i)
		i++
	}
	// Blanks left at the ends (a marker first in a cell) are not text.
	lo, hi := 0, len(buf)
	for lo < hi && (buf[lo] == ' ' || buf[lo] == '\t') {
		lo++
	}
	for hi > lo && (buf[hi-1] == ' ' || buf[hi-1] == '\t' || buf[hi-1] == '\r') {
		hi--
	}
	o := append(off[lo:hi:hi], end)
	if hi > lo {
		o[len(o)-1] = off[hi-1] + 1
	}
	return cleaned{text: string(buf[lo:hi]), off: o}
}
