package facts

import (
	"strings"
)

// lexicon holds the names known to be whole: the gazetteer and the names
// the document itself uses in prose. Keys are lower case.
type lexicon struct {
	names map[string]bool
}

// newLexicon starts an empty lexicon; lookups also consult the gazetteer.
func newLexicon() *lexicon {
	return &lexicon{names: map[string]bool{}}
}

// add records a name.
func (lx *lexicon) add(name string) {
	name = strings.TrimSpace(name)
	if name != "" {
		lx.names[strings.ToLower(name)] = true
	}
}

// has reports whether the words form a known name.
func (lx *lexicon) has(ws []token) bool {
	if len(ws) == 0 || len(ws) > 10 {
		return false
	}
	k := strings.ToLower(joinTokens(ws))
	return lx.names[k] || stateNames[k] || orgNames[k]
}

// covers reports whether ws is a sequence of known names.
func (lx *lexicon) covers(ws []token) bool {
	ok := make([]bool, len(ws)+1)
	ok[0] = true
	for i := 1; i <= len(ws); i++ {
		for j := max(0, i-10); j < i && !ok[i]; j++ {
			ok[i] = ok[j] && lx.has(ws[j:i])
		}
	}
	return ok[len(ws)]
}

// maxChunk is the longest name, in words, that splitting considers.
const maxChunk = 12

// chunkWords splits a run of words into names by dynamic programming over
// the split points, scoring known names, name shapes and the cues at each
// boundary. It is linear in the number of words.
func chunkWords(ws []token, person bool, lex *lexicon) [][]token {
	n := len(ws)
	if n == 0 {
		return nil
	}
	best := make([]float64, n+1)
	from := make([]int, n+1)
	for i := 1; i <= n; i++ {
		best[i] = -1e18
		for j := max(0, i-maxChunk); j < i; j++ {
			if best[j] <= -1e17 || !validChunk(ws, j, i) {
				continue
			}
			s := best[j] + chunkScore(ws[j:i], person, lex)
			if j > 0 {
				s += boundaryScore(ws[j-1].s, ws[j].s, person)
			}
			if s > best[i] {
				best[i], from[i] = s, j
			}
		}
		if best[i] <= -1e17 { // no valid split: keep the words together
			best[i], from[i] = best[max(0, i-1)], max(0, i-1)
		}
	}
	var out [][]token
	for i := n; i > 0; i = from[i] {
		out = append(out, ws[from[i]:i])
	}
	for a, b := 0, len(out)-1; a < b; a, b = a+1, b-1 {
		out[a], out[b] = out[b], out[a]
	}
	return out
}

// validChunk rejects names that begin or end with a joining word.
func validChunk(ws []token, j, i int) bool {
	first, last := ws[j].s, ws[i-1].s
	if j > 0 && (isLowerWord(first) || !isWordTok(first)) {
		return false
	}
	if i < len(ws) && (lowerJoiners[last] || strings.HasSuffix(last, "-")) {
		return false
	}
	return true
}

// chunkScore scores one candidate name.
func chunkScore(ws []token, person bool, lex *lexicon) float64 {
	if len(ws) > 1 && (lex.has(ws) || isState(joinTokens(ws))) {
		return 2 + float64(len(ws))
	}
	if len(ws) == 1 && !headNouns[strings.ToLower(ws[0].s)] {
		low := strings.ToLower(ws[0].s)
		if stateNames[low] || orgNames[low] {
			return 2.5
		}
	}
	if len(ws) == 1 && isAcronym(ws[0].s) {
		return 0.5
	}
	if person {
		n := len(ws)
		for k := 0; k < len(ws)-1 && isRank(ws[k].s); k++ {
			n--
		}
		switch {
		case n == 1:
			return -2.5
		case n == 2:
			return 0
		case n == 3:
			return -0.3
		case n == 4:
			return -1.5
		}
		return -4
	}
	s := 0.0
	if headNouns[strings.ToLower(ws[len(ws)-1].s)] {
		s += 0.5
	}
	if len(ws) <= 2 && genericName(ws) {
		s -= 3
	}
	return s
}

// genericName reports whether ws is a generic service name such as "Armed
// Forces" or "Air Force" that belongs to the state name before it.
func genericName(ws []token) bool {
	switch strings.ToLower(ws[0].s) {
	case "armed", "air", "land", "naval", "marine", "ground", "army":
		return len(ws) == 2 || strings.EqualFold(ws[0].s, "army")
	}
	return false
}

// boundaryScore scores a split between words a and b.
func boundaryScore(a, b string, person bool) float64 {
	la, lb := strings.ToLower(a), strings.ToLower(b)
	switch {
	case lb == "unidentified" || lb == "unnamed" || lb == "unknown":
		return 3 // "Qandil Manbij Unidentified YPJ commander"
	case isRank(b) && !isRank(a):
		return 3
	case headNouns[lb] && !headNouns[la]:
		return -3
	case allDigits(b):
		return -3
	case headNouns[la] && isCap(b):
		return 2
	case isParticleWord(a) && isCap(b):
		return 1.5
	case isLowerWord(a) && !lowerJoiners[la] && isCap(b):
		return 2
	case strings.HasPrefix(b, "Al-") || strings.HasPrefix(b, "El-"):
		return 1.5
	case b[0] >= '0' && b[0] <= '9' && !allDigits(b):
		return 2
	case isAcronym(a) != isAcronym(b):
		return 1
	}
	if person {
		return 0
	}
	return -0.5
}
