package gen

import (
	"regexp"
	"strings"
	"unicode"
)

// citeRE matches citation markers and editorial notes: [12], [a], [ better source needed ].
var citeRE = regexp.MustCompile(`\s*\[\s*[^\[\]]{0,40}?\s*\]`)

// editorial returns an editor's insertion in a quotation, " [Raqqa's]" or
// " [Assad]", as plain text with its leading space; "" for a citation marker
// or a note ("[12]", "[a]", "[ better source needed ]", "[...]").
func editorial(m string) string {
	t := strings.TrimSpace(m)
	if !strings.HasPrefix(m, " ") || len(t) < 4 {
		return ""
	}
	in := strings.TrimSpace(t[1 : len(t)-1])
	if in == "" || in[0] < 'A' || in[0] > 'Z' || strings.ContainsAny(in, "0123456789") || words(in) > 3 {
		return ""
	}
	return " " + in
}

// foreignRE matches a parenthesis in another script: "(اشتباكات ريف دمشق)".
var foreignRE = regexp.MustCompile(`\s*\([^()]*[\p{Arabic}\p{Hebrew}\p{Cyrillic}][^()]*\)`)

var spaceRE = regexp.MustCompile(`\s+`)

// clean removes citation markers from a source sentence and tidies the
// spacing they leave behind, so it can be shown in a prompt.
func clean(s string) string {
	s = citeRE.ReplaceAllStringFunc(s, func(m string) string {
		if in := editorial(m); in != "" {
			return in // "one of [Raqqa's] most important": the insertion is part of the sentence
		}
		return ""
	})
	s = strings.TrimLeft(s, "*–-•· ") // a list item: "* – Iraqi prime minister …"
	s = foreignRE.ReplaceAllString(s, "")
	s = stripFlags(s)
	if strings.IndexByte(s, '(') >= 0 {
		s = pronunciationRE.ReplaceAllString(s, "") // "Antietam ( an-TEE-təm)", "Gettysburg (locally  )"
	}
	s = spaceRE.ReplaceAllString(s, " ")
	for _, p := range []string{",", ".", ";", ":", ")", "?", "!"} {
		s = strings.ReplaceAll(s, " "+p, p)
	}
	s = strings.ReplaceAll(s, "( ", "(")
	s = strings.ReplaceAll(s, ",,", ",")
	return repairSlips(repairAppositive(strings.TrimSpace(s)))
}

// stripFlags drops flag emoji ("🇷🇺 Russia: …", "🇹🇷 1,300–4,000 soldiers").
func stripFlags(s string) string {
	if !strings.ContainsRune(s, 0xFFFD) && strings.IndexFunc(s, isFlag) < 0 {
		return s
	}
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		if isFlag(r) {
			return -1
		}
		return r
	}, s))
}

func isFlag(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }

// accentFold maps the accented letters that occur in names of places and
// people of the regions we cover to their plain forms. Lower case only:
// norm lowers first.
var accentFold = map[rune]rune{
	'à': 'a', 'á': 'a', 'â': 'a', 'ã': 'a', 'ä': 'a', 'å': 'a', 'ā': 'a', 'ă': 'a', 'ą': 'a',
	'ç': 'c', 'ć': 'c', 'č': 'c', 'ď': 'd', 'ḍ': 'd', 'đ': 'd',
	'è': 'e', 'é': 'e', 'ê': 'e', 'ë': 'e', 'ē': 'e', 'ė': 'e', 'ę': 'e', 'ě': 'e',
	'ğ': 'g', 'ḥ': 'h', 'ì': 'i', 'í': 'i', 'î': 'i', 'ï': 'i', 'ī': 'i', 'ı': 'i', 'İ': 'i',
	'ł': 'l', 'ñ': 'n', 'ń': 'n', 'ň': 'n',
	'ò': 'o', 'ó': 'o', 'ô': 'o', 'õ': 'o', 'ö': 'o', 'ø': 'o', 'ō': 'o', 'ő': 'o',
	'ř': 'r', 'ś': 's', 'ş': 's', 'š': 's', 'ṣ': 's', 'ß': 's', 'ţ': 't', 'ť': 't', 'ṭ': 't',
	'ù': 'u', 'ú': 'u', 'û': 'u', 'ü': 'u', 'ū': 'u', 'ů': 'u', 'ű': 'u',
	'ý': 'y', 'ÿ': 'y', 'ź': 'z', 'ż': 'z', 'ž': 'z', 'ẓ': 'z',
}

// norm reduces a name or answer to a comparison key: lower case, accents
// folded, apostrophes dropped ("Ba'athist" = "Baathist"), other punctuation
// as spaces (so "al-Bab" = "Al Bab"), a leading "the" dropped.
func norm(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return normRunes(s)
		}
	}
	// ASCII, the common case: no case or accent tables (norm runs for every
	// value, option and prompt, and was a fifth of the generation time).
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\'' || c == '`':
			continue
		case c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			if c <= 'Z' && c >= 'A' {
				c += 'a' - 'A'
			}
			if space && len(b) > 0 {
				b = append(b, ' ')
			}
			space = false
			b = append(b, c)
		default:
			space = true
		}
	}
	return strings.TrimPrefix(string(b), "the ")
}

// normRunes is norm for text with letters beyond ASCII.
func normRunes(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		if f, ok := accentFold[r]; ok {
			r = f
		}
		switch {
		case r == '\'' || r == '’' || r == '‘' || r == 'ʿ' || r == 'ʾ' || r == '`':
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	out := b.String()
	out = strings.TrimPrefix(out, "the ")
	return out
}

// containsWord reports whether the normalised key needle occurs in the
// normalised haystack on word boundaries.
func containsWord(hay, needle string) bool {
	if needle == "" {
		return false
	}
	return strings.Contains(" "+hay+" ", " "+needle+" ")
}

// pronouns that must not start a prompt or a quoted statement: they point at
// something the student cannot see.
var pronouns = map[string]bool{
	"it": true, "its": true, "they": true, "them": true, "their": true, "he": true, "she": true,
	"his": true, "her": true, "this": true, "these": true, "those": true, "we": true, "but": true,
}

// firstWord returns the first word of s, lower-cased, without punctuation.
func firstWord(s string) string {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		s = s[:i]
	}
	return strings.ToLower(strings.Trim(s, `"'“”,.;:()`))
}

// startsWithPronoun reports whether s begins with a pronoun.
func startsWithPronoun(s string) bool { return pronouns[firstWord(s)] }

// vagueStart matches a sentence opening with a bare definite description
// ("The offensive", "The group", "The city") whose referent is outside it.
var vagueStartRE = regexp.MustCompile(`^(?:The|This|That) ([a-z]+)\b`)

var detStartRE = regexp.MustCompile(`^(?:The|This|That) (\w+)\b`)

var midPronounRE = regexp.MustCompile(`^[^,]{0,120}, (?:it|they|he|she) `)

var sameDayRE = regexp.MustCompile(`(?i)^(?:Later |Earlier |Also )?(?:on |by |in )?(?:that|the same|this) (?:day|night|evening|morning|afternoon),\s+`)

// resolveStart replaces a vague opening ("The battle", "The Movement", "It")
// by the topic's name when the topic's own head noun matches, so that the
// sentence can stand alone. It reports false when the opening stays vague.
func resolveStart(sent string, t topicInfo) (string, bool) {
	sent = dropAdditive(sent)
	if m := sameDayRE.FindString(sent); m != "" {
		// "That day, …": the day is lost but the statement stays true.
		sent = upperFirst(sent[len(m):])
	}
	if t.name == "" {
		return sent, !startsWithPronoun(sent) && !vagueStartRE.MatchString(sent)
	}
	head := topicHead(t.base)
	if m := detStartRE.FindStringSubmatch(sent); m != nil {
		w := strings.ToLower(m[1])
		if strings.HasPrefix(sent[len(m[0]):], " of ") && w == head {
			return sent, true // "The battle of Raqqa, …" names itself
		}
		if w == head {
			return t.ref(true) + sent[len(m[0]):], true
		}
		if vagueStartRE.MatchString(sent) {
			return sent, false
		}
	}
	if midPronounRE.MatchString(sent) {
		// "On 29 March 2014, it announced …" in a group's own paragraph: the
		// group. Only after a bare date, only "it", only for a named topic.
		if i := strings.Index(sent, ", it "); i > 0 && !t.main && properName(t.base) && !t.event &&
			words(sent[:i]) <= 4 && len(findDates(sent[:i])) == 1 && !strings.Contains(sent[:i], " and ") &&
			(strings.HasPrefix(sent, "On ") || strings.HasPrefix(sent, "In ")) && !expletiveItRE.MatchString(upperFirst(sent[i+2:])) {
			return sent[:i+2] + t.ref(false) + sent[i+4:], true
		}
		return sent, false // "Between 2014 and 2015, it was …"
	}
	if firstWord(sent) == "it" && (expletiveItRE.MatchString(sent) || !properName(t.base)) {
		return sent, false // "It was reported that …" has no referent; "Probing attacks was …" is no name
	}
	if firstWord(sent) == "it" && !t.main && !strings.HasPrefix(sent, "It is the first") {
		return t.ref(true) + sent[2:], true
	}
	return sent, !startsWithPronoun(sent)
}

// topicHead is the noun that "The …" in the topic's own text refers back
// with: "battle" for "Battle of Aleppo (2024)", "siege" for "Siege of Abu
// al-Duhur Airbase" (not "airbase": "The airbase" is the place), "offensive"
// for "2024 Hama offensive".
func topicHead(base string) string {
	base = strings.TrimSpace(strings.Split(base, "(")[0])
	first := strings.ToLower(firstWord(base))
	for _, w := range eventWords {
		if first == w && strings.Contains(base, " of ") {
			return first
		}
	}
	return strings.ToLower(lastWord(base))
}

// additiveOpeners only add the sentence to the one before: "Also on 1
// December, …", "In addition, …". The statement is as true without them.
var additiveOpeners = []string{"Also, ", "Also ", "In addition, ", "Additionally, ", "Furthermore, ", "Moreover, "}

// dropAdditive removes an additive opener.
func dropAdditive(sent string) string {
	for _, o := range additiveOpeners {
		if strings.HasPrefix(sent, o) && len(sent) > len(o)+10 {
			rest := sent[len(o):]
			if o == "Also " && !strings.HasPrefix(rest, "on ") && !strings.HasPrefix(rest, "in ") {
				return sent // "Also killed were …": the word order needs it
			}
			return upperFirst(rest)
		}
	}
	return sent
}

func lastWord(s string) string {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	if i := strings.LastIndexFunc(s, unicode.IsSpace); i >= 0 {
		s = s[i+1:]
	}
	return strings.Trim(s, `"'“”,.;:()`)
}

// upperFirst capitalises the first letter of s.
func upperFirst(s string) string {
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+len(string(r)):]
	}
	return s
}

// words counts the words in s.
func words(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		sp := s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\v' || s[i] == '\f'
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}

// slug makes a document id safe for card ids: lower-case letters, digits and dashes.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		} else {
			dash = true
		}
	}
	if b.Len() == 0 {
		return "doc"
	}
	return b.String()
}

// expletiveItRE matches an "it" that refers to nothing: "It was reported
// that …", "It is believed …".
var expletiveItRE = regexp.MustCompile(`^It (?:is|was|has been|had been) (?:also |later |widely |not )?(?:reported|believed|said|claimed|announced|estimated|thought|expected|unclear|likely|possible|known|alleged|feared|confirmed)\b`)

// properName reports whether a topic's name reads as a name (its content
// words capitalised: "Battle of Aleppo"), not a section heading ("Probing
// attacks") that cannot stand in for "It".
func properName(s string) bool {
	for _, w := range strings.Fields(s) {
		switch w {
		case "of", "the", "and", "in", "at", "on", "al", "de", "for":
			continue
		}
		r := []rune(w)[0]
		if unicode.IsLower(r) && !strings.HasPrefix(w, "al-") && !strings.HasPrefix(w, "ad-") && !strings.HasPrefix(w, "el-") {
			return false
		}
	}
	return true
}
