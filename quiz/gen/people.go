package gen

import (
	"strings"

	"github.com/factdeck/factdeck/quiz"
)

// Person options must be people a student could take for the answer: of the
// answer's role ("Researchers _____": researchers), of its side when the
// text gives one ("Confederate Maj. Gen. _____": Confederates), not named
// in the sentence already ("Gen. Johnston was wounded … to Maj. Gen.
// _____" offers no Johnston), and not the answer under another spelling
// ("Qasem Sadedine" for "Kassem Saadeddin", "O.O. Howard" for "Oliver O.
// Howard").

// surname is the last word of a person's name, lower-cased, without a
// possessive.
func surname(v string) string {
	w := strings.ToLower(lastWord(v))
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	if i := strings.LastIndexByte(w, '-'); i >= 0 && i <= 3 {
		w = w[i+1:] // "al-Assad" → "assad"
	}
	return w
}

// wordsOf lists the lower-case words of s without punctuation or a
// possessive ending, with "al-"-style particles split off.
func wordsOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, f := range strings.Fields(s) {
		w := strings.ToLower(strings.Trim(f, `,.;:()"“”'‘’`))
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		m[w] = true
		if i := strings.LastIndexByte(w, '-'); i >= 0 && i <= 3 {
			m[w[i+1:]] = true
		}
	}
	return m
}

// namedElsewhere reports a person answer whose surname the sentence shows
// outside the blank: "After pursuing Confederate General _____ into
// Maryland, … against Lee's army" gives Lee away.
func namedElsewhere(fr *frame) bool {
	if fr.class != "person" || !fr.hasBlank() {
		return false
	}
	s := surname(fr.answer)
	if len(s) < 3 {
		return false
	}
	return wordsOf(fr.sent[:fr.blank[0]] + " " + fr.sent[fr.blank[1]:])[s]
}

// skeleton reduces a name to its consonants, so that transliterations of
// one name match: Kassem Saadeddin = Qasem Sadedine, Muhammad = Mohammed.
func skeleton(v string) string {
	var b strings.Builder
	var last byte
	for _, w := range strings.Fields(norm(v)) {
		if w == "al" || w == "el" || w == "ad" || w == "as" || w == "ash" || w == "ar" || w == "bin" || w == "ibn" {
			continue
		}
		for i := 0; i < len(w); i++ {
			c := w[i]
			switch c {
			case 'a', 'e', 'i', 'o', 'u', 'y', 'h', 'w', '\'':
				continue
			case 'q', 'c':
				c = 'k'
			case 'z':
				c = 's'
			}
			if c != last {
				b.WriteByte(c)
			}
			last = c
		}
	}
	return b.String()
}

// samePerson reports two spellings of one person: the same surname and the
// same first initial ("O.O. Howard", "Oliver O. Howard"), or the same
// consonant skeleton.
func samePerson(a, b string) bool {
	if surname(a) == surname(b) && firstInitial(a) == firstInitial(b) {
		return true
	}
	ka, kb := skeleton(a), skeleton(b)
	return len(ka) >= 4 && ka == kb
}

func firstInitial(v string) byte {
	n := norm(v)
	if n == "" {
		return 0
	}
	return n[0]
}

// affiliationBefore returns the side word that a text puts before the name
// at pos: "Confederate Maj. Gen. _____", "the Union commander, Brig. Gen.
// _____", "Union forces under General _____"; "" when no role word links
// one to the name.
func affiliationBefore(s string, pos int) string {
	ws := strings.Fields(s[:pos])
	sawRole := false
	for i, n := len(ws)-1, 0; i >= 0 && n < 12; i, n = i-1, n+1 {
		raw := ws[i]
		w := strings.Trim(raw, ",;:()\"“”")
		lw := strings.ToLower(w)
		if !sawRole && (lw == "and" || upperStart(w) && roleWords[lw] == "" && roleWords[strings.TrimSuffix(lw, ".")] == "") {
			continue // "Confederate generals John M. Jones, Micah Jenkins, and _____": the list's other names
		}
		switch {
		case roleWords[lw] != "" || roleWords[strings.TrimSuffix(lw, ".")] != "":
			sawRole = true
			continue
		case forceNouns[lw]:
			sawRole = true
			continue
		case (lw == "under" || lw == "of") && sawRole:
			continue
		case lw == "and" && sawRole && i > 0 && forceNouns[strings.ToLower(ws[i-1])]:
			continue // "infantry and cavalry forces under General …"
		case sawRole && upperStart(w) && !strings.HasSuffix(raw, ",") && !monthWords[w] && !strings.Contains(w, "'") &&
			!strings.Contains(w, "’") && i > 0 || sawRole && upperStart(w) && i == 0 && w != "The":
			return strings.TrimSuffix(strings.TrimSuffix(lw, "s"), "’")
		}
		return ""
	}
	return ""
}

// clauseAffiliation reads the side of a blank that a force of the same
// clause hands over to it: "command of the Confederate army devolved
// temporarily to Maj. Gen. _____", "Union troops under _____".
func clauseAffiliation(s string, pos int) string {
	pre := s[:pos]
	if i := strings.LastIndexAny(pre, ",;"); i >= 0 {
		seg := strings.TrimSpace(pre[i+1:])
		if j := strings.LastIndexAny(pre[:i], ",;"); (strings.HasPrefix(seg, "led by ") || strings.HasPrefix(seg, "commanded by ") ||
			strings.HasPrefix(seg, "under ")) && j < i {
			// "…the Confederate Army of Tennessee, led by Gen. _____": the
			// force is the noun the participle clause hangs on.
			prev := strings.Fields(pre[j+1 : i])
			for k := len(prev) - 2; k >= 0; k-- {
				if upperStart(prev[k]) && forceNouns[strings.ToLower(strings.Trim(prev[k+1], ",."))] {
					return strings.TrimSuffix(strings.ToLower(prev[k]), "s")
				}
			}
		}
		pre = pre[i+1:]
	}
	ws := strings.Fields(pre)
	// The blank must be handed the force: "to", "under", "by" before its
	// rank words.
	j := len(ws) - 1
	for j >= 0 && (roleWords[strings.ToLower(ws[j])] != "" || roleWords[strings.ToLower(strings.TrimSuffix(ws[j], "."))] != "") {
		j--
	}
	if j < 0 {
		return ""
	}
	switch strings.ToLower(ws[j]) {
	case "to", "under", "by":
	default:
		return ""
	}
	aff := ""
	for i := 0; i+1 < j; i++ {
		if upperStart(ws[i]) && forceNouns[strings.ToLower(strings.Trim(ws[i+1], ",."))] {
			a := strings.TrimSuffix(strings.ToLower(ws[i]), "s")
			if aff != "" && aff != a {
				return ""
			}
			aff = a
		}
	}
	return aff
}

// affiliationAfter reads a side named right after the blank: "the
// appointment of _____ as Confederate commander", "_____ of the Union Army".
func affiliationAfter(s string, end int) string {
	ws := strings.Fields(s[end:])
	if len(ws) < 3 {
		return ""
	}
	if strings.HasPrefix(s[end:], ", ") {
		// "_____, Confederate commander of …": an appositive side and role.
		if as := strings.Fields(s[end+2:]); len(as) >= 2 && upperStart(as[0]) && roleWords[strings.ToLower(strings.Trim(as[1], ",.;:"))] != "" {
			return strings.TrimSuffix(strings.ToLower(as[0]), "s")
		}
		return ""
	}
	if ws[0] != "" && ws[0][0] >= 'a' && ws[0][0] <= 'z' {
		// "_____ led his unseasoned Union army …": the side of the blank's own force.
		for k := 1; k+1 < len(ws) && k < 7; k++ {
			if strings.HasSuffix(ws[k-1], ",") || strings.HasSuffix(ws[k-1], ".") {
				break
			}
			if strings.ToLower(ws[k-1]) == "his" || k >= 2 && strings.ToLower(ws[k-2]) == "his" {
				if upperStart(ws[k]) && forceNouns[strings.ToLower(strings.Trim(ws[k+1], ",."))] {
					return strings.ToLower(ws[k])
				}
			}
		}
	}
	i := 0
	switch strings.ToLower(ws[0]) {
	case "as":
		i = 1
		if ws[1] == "the" {
			i = 2
		}
	case "of":
		if ws[1] != "the" {
			return ""
		}
		i = 2
	default:
		return ""
	}
	if i+1 >= len(ws) || !upperStart(ws[i]) {
		return ""
	}
	nx := strings.ToLower(strings.Trim(ws[i+1], ",.;"))
	if forceNouns[nx] || roleWords[nx] != "" {
		return strings.ToLower(ws[i])
	}
	return ""
}

// againstSide returns the side word after "against the" in the clause that
// follows the blank: the blank is not of that side.
func againstSide(rest string) string {
	if i := strings.IndexAny(rest, ",;."); i >= 0 {
		rest = rest[:i]
	}
	ws := strings.Fields(rest)
	for k := 0; k+2 < len(ws) && k < 8; k++ {
		if strings.ToLower(ws[k]) == "against" && strings.ToLower(ws[k+1]) == "the" && upperStart(ws[k+2]) {
			return strings.TrimSuffix(strings.ToLower(ws[k+2]), "s")
		}
	}
	return ""
}

// sideSynonyms name one side two ways: a Federal general is a Union one.
var sideSynonyms = map[string]string{"federal": "union", "yankee": "union"}

func sideWord(w string) string {
	w = strings.TrimSuffix(strings.ToLower(strings.Trim(w, ",.;:")), "s")
	if s, ok := sideSynonyms[w]; ok {
		return s
	}
	return w
}

// forceNouns link a side word to a commander: "Union forces under General …".
var forceNouns = map[string]bool{"forces": true, "army": true, "troops": true, "cavalry": true, "infantry": true,
	"corps": true, "division": true, "brigade": true, "units": true, "militia": true}

// affiliationOf returns the side word the text gives v at any of its
// occurrences, "" when none or two disagree.
func affiliationOf(text, v string) string {
	aff := ""
	for i := range occurrences(text, v, maxOccurrences) {
		w := max(0, i-lookBack)
		if a := affiliationBefore(text[w:], i-w); a != "" {
			if aff != "" && aff != a {
				return ""
			}
			aff = a
		}
	}
	return aff
}

// roleOf returns the role family the document names before v at any of its
// occurrences ("Maj. Gen. George H. Thomas": military), "" when none.
func roleOf(text, v string) string {
	for i := range occurrences(text, v, maxOccurrences) {
		w := max(0, i-lookBack)
		if r := roleBefore(text[w:], i-w); r != "" {
			return r
		}
	}
	return ""
}

// lookBack bounds the text read before a name for its role or side (the
// readers stop after a dozen words), and maxOccurrences the occurrences of a
// name looked at: both keep generation linear in the document's size.
const (
	lookBack       = 240
	maxOccurrences = 20
)

// personSlot is what a person option must share with the answer.
type personSlot struct {
	role, aff string
	notAff    string          // the side the sentence sets the blank against ("_____ against the Union right flank")
	named     map[string]bool // words of the sentence: a person named there is no option
	rank      string          // the rank written right before the blank ("Col. _____"): options need the same
}

// personSlotOf reads the role and side of the frame's person answer from
// its sentence, else from the rest of the document.
func (g *generator) personSlotOf(fr *frame) *personSlot {
	if fr.class != "person" {
		return nil
	}
	if fr.ps != nil {
		return fr.ps
	}
	ps := &personSlot{role: frameRole(fr), named: wordsOf(fr.sent)}
	if ps.role == "" {
		ps.role = roleOf(g.doc.Text, fr.answer)
	}
	if fr.hasBlank() {
		ps.aff = affiliationBefore(fr.sent, fr.blank[0])
	}
	if ps.aff == "" {
		ps.aff = affiliationOf(g.doc.Text, fr.answer)
	}
	if ps.aff == "" && fr.hasBlank() {
		ps.aff = clauseAffiliation(fr.sent, fr.blank[0])
	}
	if ps.aff == "" && fr.hasBlank() {
		ps.aff = affiliationAfter(fr.sent, fr.blank[1])
	}
	if ps.aff == "" && fr.hasBlank() {
		ps.aff = g.possessorSide(fr.sent[:fr.blank[0]])
	}
	if fr.hasBlank() {
		ps.notAff = againstSide(fr.sent[fr.blank[1]:])
		ps.rank = rankBefore(fr.sent, fr.blank[0])
	}
	if ps.aff != "" {
		ps.aff = sideWord(ps.aff)
	}
	if ps.notAff != "" {
		ps.notAff = sideWord(ps.notAff)
	}
	fr.ps = ps
	return ps
}

// fits reports whether a pool person can stand beside the answer.
func (ps *personSlot) fits(p poolValue, answer string) bool {
	if p.role != ps.role {
		return false // a researcher for a president, a commander for a researcher
	}
	if ps.aff != "" && p.aff != ps.aff {
		return false // a Union general for "command of the Confederate army"
	}
	if ps.notAff != "" && p.aff == ps.notAff {
		return false // a Union general for "an attack by _____ against the Union right flank"
	}
	if ps.rank != "" && p.rank != ps.rank {
		return false // "Col. _____" with Grant, Meade and Hancock, generals all: the rank tells
	}
	if (words(p.v) == 1) != (words(answer) == 1) {
		return false // "Assad" beside "Abu Abdullah Taoum": a surname alone against full names
	}
	if s := surname(p.v); len(s) >= 3 && ps.named[s] {
		return false // "Gen. Johnston was wounded": Johnston is no option
	}
	return true
}

// samePerson is samePerson with the skeletons memoised: person options are
// compared with the answer for every card of every document.
func (g *generator) samePerson(a, b string) bool {
	if surname(a) == surname(b) && firstInitial(a) == firstInitial(b) {
		return true
	}
	ka, kb := g.skeleton(a), g.skeleton(b)
	return len(ka) >= 4 && ka == kb
}

func (g *generator) skeleton(v string) string {
	k, ok := g.skelMemo[v]
	if !ok {
		k = skeleton(v)
		g.skelMemo[v] = k
	}
	return k
}

// personAff is the side word of a pool person, read in its own sentence.
func personAff(f quiz.Fact, v string) string {
	if a := affiliationOf(f.Text, v); a != "" {
		return sideWord(a)
	}
	return ""
}

// ranks map the military ranks and their abbreviations written before a
// name to one word: "Maj. Gen." and "General" are both "general".
var ranks = map[string]string{"gen.": "general", "gen": "general", "general": "general", "col.": "colonel",
	"col": "colonel", "colonel": "colonel", "maj.": "major", "major": "major", "capt.": "captain",
	"captain": "captain", "lt.": "lieutenant", "lieutenant": "lieutenant", "brig.": "brigadier",
	"brigadier": "brigadier", "adm.": "admiral", "admiral": "admiral", "sgt.": "sergeant", "sergeant": "sergeant",
	"commodore": "commodore", "cmdr.": "commander", "marshal": "marshal"}

// rankBefore returns the rank written right before pos in s ("Col.
// _____" → colonel; "Maj. Gen. _____" → general), "" when none.
func rankBefore(s string, pos int) string {
	ws := strings.Fields(s[:pos])
	if len(ws) == 0 {
		return ""
	}
	r := ranks[strings.ToLower(ws[len(ws)-1])]
	if r != "" && len(ws) >= 2 {
		if m := ranks[strings.ToLower(ws[len(ws)-2])]; m != "" && m != r {
			return m + " " + r // "Lt. Gen." → "lieutenant general", not "Maj. Gen."
		}
	}
	return r
}

// possessorSide reads the side of a blank from a person named with a
// possessive just before it: "Sherman's right wing under _____" takes a
// Union general, as Sherman was one.
func (g *generator) possessorSide(pre string) string {
	ws := strings.Fields(pre)
	for i := len(ws) - 1; i >= 0 && i >= len(ws)-6; i-- {
		w := ws[i]
		name := strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		if name == w || !upperStart(name) {
			continue
		}
		if a := g.sideOfSurname(name); a != "" {
			return a
		}
	}
	return ""
}

// sideOfSurname is the side word the collection gives a person of that
// surname, when all such people share it.
func (g *generator) sideOfSurname(s string) string {
	side := ""
	for _, c := range []string{"person", "commander"} {
		for _, p := range g.pool[c] {
			if p.aff == "" || surname(p.v) != strings.ToLower(s) && lastWord(p.v) != s {
				continue
			}
			if side != "" && side != p.aff {
				return ""
			}
			side = p.aff
		}
	}
	return side
}
