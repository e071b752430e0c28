package doc

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations end with a dot that does not end a sentence. Lower-cased,
// without the dot.
var abbreviations = map[string]bool{
	"gen": true, "lt": true, "col": true, "maj": true, "brig": true, "capt": true,
	"cpt": true, "sgt": true, "cpl": true, "pvt": true, "adm": true, "cmdr": true,
	"cdr": true, "lieut": true, "gov": true, "sen": true, "rep": true, "rev": true,
	"dr": true, "mr": true, "mrs": true, "ms": true, "st": true, "mt": true, "ft": true,
	"jr": true, "sr": true, "co": true, "inc": true, "ltd": true, "no": true, "vs": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"approx": true, "c": true, "ca": true, "est": true, "fig": true, "hon": true,
	"pres": true, "prof": true, "u.s": true, "e.g": true, "i.e": true, "etc": false,
}

// sentences (the same rule as quiz/facts, so sentence starts match card
// sources) splits a cleaned paragraph into sentence spans [start, end) of
// text, trimmed of blanks. A full stop ends a sentence when blanks and a
// capital, digit or opening quote follow and the word before it is not an
// abbreviation or an initial ("Gen.", "Lt. Col.", "A.P. Hill", "U.S.").
func sentences(text string) [][2]int {
	var out [][2]int
	start := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(text) && strings.IndexByte("\"')”’]", text[j]) >= 0 {
			j++
		}
		if j < len(text) && text[j] == 0xe2 && strings.HasPrefix(text[j:], "”") {
			j += len("”")
		}
		k := j
		for k < len(text) && (text[k] == ' ' || text[k] == '\t') {
			k++
		}
		if k == j || k >= len(text) {
			continue
		}
		if !startsSentence(text[k:]) || (c == '.' && endsAbbreviation(text[start:i])) {
			continue
		}
		out = appendSpan(out, text, start, j)
		start = k
		i = k - 1
	}
	return appendSpan(out, text, start, len(text))
}

// appendSpan adds text[i:j] trimmed of blanks, unless it is empty.
func appendSpan(out [][2]int, text string, i, j int) [][2]int {
	for i < j && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	for j > i && (text[j-1] == ' ' || text[j-1] == '\t' || text[j-1] == '\r') {
		j--
	}
	if j > i {
		out = append(out, [2]int{i, j})
	}
	return out
}

// startsSentence reports whether s can begin a sentence.
func startsSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '"' || r == '“' || r == '\'' || r == '('
}

// endsAbbreviation reports whether s (the text before a dot) ends with an
// abbreviation or a single-letter initial.
func endsAbbreviation(s string) bool {
	k := len(s)
	for k > 0 && k > len(s)-24 && s[k-1] != ' ' && s[k-1] != '(' && s[k-1] != '"' {
		k--
	}
	w := s[k:]
	if w == "" {
		return false
	}
	if r, n := utf8.DecodeRuneInString(w); n == len(w) && unicode.IsUpper(r) {
		return true // an initial: "Robert E. Lee"
	}
	low := strings.ToLower(w)
	if abbreviations[low] {
		return true
	}
	// "U.S", "A.P", "a.k.a": a word with inner dots between single letters.
	if strings.Contains(w, ".") {
		for _, part := range strings.Split(w, ".") {
			if utf8.RuneCountInString(part) > 1 {
				return false
			}
		}
		return true
	}
	return false
}
