package facts

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word or a punctuation mark at text[i:j].
type token struct {
	s    string
	i, j int
}

// isWordRune reports whether r can be part of a word.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// tokenize splits text into words and punctuation. Apostrophes, hyphens and
// dots inside a word, and commas inside a number, stay in the word:
// "Ba'athist", "al-Sham", "U.S.-made", "2,892".
func tokenize(text string) []token {
	var out []token
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		if !isWordRune(r) {
			out = append(out, token{text[i : i+n], i, i + n})
			i += n
			continue
		}
		j := i + n
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if isWordRune(r) {
				j += n
				continue
			}
			if j+n < len(text) && joinsWord(text, j, r, n) {
				j += n
				continue
			}
			break
		}
		out = append(out, token{text[i:j], i, j})
		i = j
	}
	return out
}

// joinsWord reports whether the rune r at text[j] sits inside a word.
func joinsWord(text string, j int, r rune, n int) bool {
	next, _ := utf8.DecodeRuneInString(text[j+n:])
	prev, _ := utf8.DecodeLastRuneInString(text[:j])
	switch r {
	case '\'', '’', '-':
		return isWordRune(next)
	case '.':
		// "U.S.-made", "A.P.": dots between single letters.
		return unicode.IsUpper(prev) && (unicode.IsUpper(next) || next == '-')
	case ',':
		return unicode.IsDigit(prev) && j+4 <= len(text) && allDigits(text[j+1:j+4]) &&
			(j+4 == len(text) || !unicode.IsDigit(rune(text[j+4])))
	}
	return false
}

// allDigits reports whether s is a non-empty run of ASCII digits.
func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isCap reports whether w starts with an upper-case letter or a digit
// followed by letters ("25th").
func isCap(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// isLowerWord reports whether w starts with a lower-case letter.
func isLowerWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

// particles are the lower-case name parts that join the words around them:
// "Nour al-Din", "Abd ibn Ali", "Charles de Gaulle".
var particles = map[string]bool{
	"al": true, "ibn": true, "bin": true, "bint": true, "de": true, "del": true,
	"da": true, "di": true, "du": true, "van": true, "von": true, "der": true, "la": true,
	"le": true, "el": true, "ash": true, "as": false, "abu": true, "bani": true,
}

// isParticleWord reports whether w is a lower-case Arabic article compound
// ("al-Sham", "ash-Sham", "wal-Ansar", "ad-Din") or a bare particle.
func isParticleWord(w string) bool {
	if particles[w] {
		return true
	}
	h := strings.IndexByte(w, '-')
	if h < 1 || h > 3 || !isLowerWord(w) || h+1 >= len(w) {
		return false
	}
	switch w[:h] {
	case "al", "el", "ash", "as", "ad", "ar", "at", "az", "an", "wal", "ul", "es", "et", "ed":
		return true
	}
	return false
}

// lowerJoiners are lower-case words that can sit inside a name:
// "Islamic State of Iraq and the Levant", "Sultan Mehmed the Conqueror Brigade".
var lowerJoiners = map[string]bool{
	"of": true, "and": true, "the": true, "for": true, "de": true, "&": true,
	"al": true, "ibn": true, "bin": true, "in": true, "on": true, "du": true, "des": true,
}

// trimPunct trims blanks and punctuation that cannot end a value.
func trimPunct(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",;:.-–—|*", r)
	})
}
