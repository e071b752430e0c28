package gen

import (
	"strings"

	"github.com/factdeck/factdeck/quiz"
)

// Holds for cards a student would misread even when the fact is right: a
// person's role that the options ignore, an ungrammatical sentence taken as
// a statement, a broad region that several answers fill, a name cut short.

// penaltyHold holds a card outright.
const penaltyHold = 1.0

// roleWords map the role nouns and titles that may stand before a person's
// name to a family of roles: options for "Researchers _____ and Michael
// Weiss" must be researchers too, not commanders.
var roleWords = func() map[string]string {
	m := map[string]string{}
	for fam, ws := range map[string]string{
		"scholar": "researcher researchers analyst analysts scholar scholars historian historians expert experts " +
			"journalist journalists reporter reporters correspondent correspondents writer writers author authors " +
			"academic academics commentator commentators professor professors",
		"military": "general generals gen gen. lt. lt maj. maj col. col colonel colonels brig. brig brigadier major " +
			"captain capt. lieutenant commander commanders admiral adm. sergeant sgt. marshal officer officers",
		"head": "president presidents premier king queen prince emperor monarch sultan",
		"politician": "minister ministers senator senators governor governors " +
			"ambassador ambassadors secretary secretaries envoy envoys mayor " +
			"official officials diplomat diplomats",
		"spokesperson": "spokesman spokesmen spokesperson spokeswoman",
		"cleric":       "sheikh shaykh imam cleric clerics mufti ayatollah",
		"leader":       "chief chiefs chieftain emir leader leaders head",
	} {
		for _, w := range strings.Fields(ws) {
			m[w] = fam
		}
	}
	return m
}()

// nameJoiners may sit between a role noun and the name in question:
// "Researchers Hassan Hassan and _____".
var nameJoiners = map[string]bool{"and": true, "&": true, "al": true, "bin": true, "ibn": true, "abu": true,
	"de": true, "von": true, "van": true}

// roleBefore returns the role family named just before pos in s: the
// nearest role word, reading back over capitalised name words, commas and
// "and"; "" when a plain lower-case word comes first.
func roleBefore(s string, pos int) string {
	ws := strings.Fields(s[:pos])
	for i, n := len(ws)-1, 0; i >= 0 && n < 10; i, n = i-1, n+1 {
		w := strings.Trim(ws[i], ",;:()\"“”")
		lw := strings.ToLower(w)
		if f, ok := roleWords[lw]; ok {
			return f
		}
		if f, ok := roleWords[strings.TrimSuffix(lw, ".")]; ok {
			return f
		}
		if w == "" || nameJoiners[lw] || upperStart(w) || strings.HasPrefix(lw, "al-") {
			continue
		}
		return ""
	}
	return ""
}

// valueRole is the role family named before v's first occurrence in text.
func valueRole(text, v string) string {
	i := strings.Index(text, v)
	if i < 0 {
		return ""
	}
	return roleBefore(text, i)
}

// frameRole is the role family the sentence gives the blanked person.
func frameRole(fr *frame) string {
	if fr.class != "person" || !fr.prose || !fr.hasBlank() {
		return ""
	}
	if r := roleBefore(fr.sent, fr.blank[0]); r != "" {
		return r
	}
	return roleAfter(fr.sent, fr.blank[1])
}

// roleAfter returns the role family of an appositive right after a name:
// "Brett H. McGurk, the special envoy …", "Abu Omar, a commander of …".
func roleAfter(s string, end int) string {
	rest := s[end:]
	if !strings.HasPrefix(rest, ", ") {
		return ""
	}
	ws := strings.Fields(rest[2:])
	if len(ws) == 0 {
		return ""
	}
	switch strings.ToLower(ws[0]) {
	case "the", "a", "an":
	default:
		if !upperStart(ws[0]) || len(ws) < 2 {
			return ""
		}
		// "Col. _____, Confederate commander of …": a side word, then the role.
		return roleWords[strings.ToLower(strings.Trim(ws[1], ",.;:"))]
	}
	for _, w := range ws[1:min(len(ws), 5)] {
		lw := strings.ToLower(strings.Trim(w, ",.;:"))
		if f := roleWords[lw]; f != "" {
			return f
		}
		if strings.HasSuffix(w, ",") {
			break
		}
	}
	return ""
}

// placeNouns, plural, need "of" before a name: "in the regions Idlib
// Governorate" is missing it.
var placeNouns = map[string]bool{"regions": true, "areas": true, "towns": true, "cities": true, "villages": true,
	"provinces": true, "governorates": true, "districts": true, "countries": true, "neighborhoods": true,
	"neighbourhoods": true, "counties": true, "states": true}

// ungrammatical reports a source sentence whose wording a student would
// stumble on, so it cannot stand as a true or false statement: a doubled
// word, a wrong article, stray punctuation, "the regions Idlib Governorate"
// without "of", or a subject defined by its own name ("Insurgency in Idlib
// was an insurgency in …").
func ungrammatical(sent string) bool {
	if strings.Contains(sent, ",,") || strings.Contains(sent, " ,") || strings.Contains(sent, " .") ||
		strings.Contains(sent, "..") && !strings.Contains(sent, "...") {
		return true
	}
	ws := strings.Fields(sent)
	for i := 1; i < len(ws); i++ {
		a, b := strings.ToLower(ws[i-1]), strings.TrimLeft(ws[i], "\"“'‘(")
		lb := strings.ToLower(b)
		if a == ws[i-1] && a == lb && !strings.ContainsAny(a, "0123456789") && len(a) > 1 {
			return true // "the the" (not "Hassan Hassan")
		}
		if a == "a" && len(lb) > 1 && strings.ContainsRune("aeio", rune(lb[0])) && lb[0] == b[0] &&
			!strings.HasPrefix(lb, "one") && !strings.HasPrefix(lb, "once") {
			return true // "a insurgency"
		}
		if a == "an" && len(lb) > 1 && lb[0] == b[0] && !strings.ContainsRune("aeiouh", rune(lb[0])) {
			return true // "an battle"
		}
		if i >= 2 && strings.ToLower(ws[i-2]) == "the" && placeNouns[a] && upperStart(b) {
			return true // "the regions Idlib Governorate"
		}
	}
	for _, v := range []string{" is a ", " is an ", " was a ", " was an ", " are ", " were "} {
		i := strings.Index(sent, v)
		if i <= 0 {
			continue
		}
		subj, rest := strings.Fields(strings.ToLower(sent[:i])), strings.Fields(sent[i+len(v):])
		if len(subj) > 0 && len(rest) > 0 && strings.Trim(rest[0], ",.") == strings.ToLower(rest[0]) &&
			strings.Trim(rest[0], ",.") == subj[0] {
			return true // "Insurgency in Idlib was an insurgency"
		}
		break
	}
	return sourceSlip(sent)
}

// broadPreps take a region as their object: "throughout _____".
var broadPreps = map[string]bool{"throughout": true, "across": true, "in": true}

// broadRegionGap reports a blank after "throughout", "across" or "in" whose
// answer is a broad region ("northwestern Syria", "Greater Idlib", after
// "throughout"/"across" also a country or state): Syria, Idlib and "the
// northwest" fill it as well, so it cannot be a cloze or typed card.
func broadRegionGap(fr *frame) bool {
	if fr.class != "place" || !fr.hasBlank() {
		return false
	}
	prep := strings.ToLower(lastWord(strings.TrimSpace(fr.sent[:fr.blank[0]])))
	if !broadPreps[prep] {
		return false
	}
	a := fr.answer
	if a == "" {
		return false
	}
	if strings.ToLower(a[:1]) == a[:1] || regionWords[strings.ToLower(firstWord(a))] {
		return true
	}
	return prep != "in" && states[strings.ToLower(a)]
}

// ranks may follow a name in an infobox list: "… Ayyoub Lt. Gen. …".
var nameFollowers = map[string]bool{"the": true, "in": true, "on": true, "at": true, "and": true, "of": true}

// cutValue reports a person or group value that the source has only as the
// start of a longer name: an acronym "CJTF" of "CJTF–OIR", a given name
// "Ali Abdullah" of "Ali Abdullah Ayyoub" (the next word starts no other
// known name and is no title).
func (g *generator) cutValue(f quiz.Fact, v string) bool {
	person := f.Entity == quiz.EntityPerson || f.Kind == quiz.KindCommander
	group := f.Entity == quiz.EntityGroup || f.Kind == quiz.KindBelligerent || f.Kind == quiz.KindUnit
	if !person && !group || v == "" {
		return false
	}
	ws := strings.Fields(v)
	acronym := len(ws) == 1 && acronymRE.MatchString(v)
	if group && inLongerFileName(f.Text, v) {
		return true // "Palestine" of "Emblem of the Palestine Liberation Army.svg Palestine Liberation Army"
	}
	if group && len(ws) == 1 && !acronym && f.Span[1] > f.Start && f.Span[1] >= f.Span[0] && f.Span[1]-f.Start <= len(f.Text) &&
		beforeParticle(f.Text[f.Span[1]-f.Start:]) {
		return true // "Ahrar" of "Ahrar al Sharqiyah"
	}
	if group && !acronym && unitCut(f.Text, v) {
		return true // "Tank Division" of "11th Tank Division", "Sinjar Resistance" of "Sinjar Resistance Units"
	}
	if !acronym && !(person && len(ws) <= 3) {
		return false
	}
	found, whole := false, false
	for off := 0; off < len(f.Text); {
		i := strings.Index(f.Text[off:], v)
		if i < 0 {
			break
		}
		i += off
		off = i + 1
		j := i + len(v)
		if i > 0 && isWordByte(f.Text[i-1]) {
			continue
		}
		if acronym && i > 1 && strings.ContainsRune("–-/", rune(f.Text[i-1])) && isWordByte(f.Text[i-2]) {
			found = true
			continue // "OIR" of "CJTF–OIR"
		}
		if acronym && i >= 4 && f.Text[i-3:i] == "–" && isWordByte(f.Text[i-4]) {
			found = true
			continue
		}
		found = true
		rest := f.Text[j:]
		if acronym {
			if r := strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(rest, "–"), "-"), "/"); r != rest && r != "" && isWordByte(r[0]) {
				continue // "CJTF–OIR"
			}
			if rest != "" && isWordByte(rest[0]) {
				continue
			}
			whole = true
			break
		}
		if rest != "" && isWordByte(rest[0]) {
			continue // inside a longer word
		}
		if g.inLongerName(f.Text, i, v) {
			continue // "Ali Abdullah" in "Ali Abdullah Ayyoub"
		}
		if len(ws) > 1 || !strings.HasPrefix(rest, " ") {
			whole = true
			break
		}
		next := ""
		if nf := strings.Fields(rest); len(nf) > 0 {
			next = strings.Trim(nf[0], ",.;:")
		}
		ln := strings.ToLower(next)
		if next == "" || !upperStart(next) || nameFollowers[ln] || loneModifierRE.MatchString(next) ||
			roleWords[ln] != "" || g.firstNames[ln] {
			whole = true
			break
		}
	}
	return found && !whole
}

// beforeParticle reports text that goes on with a lower-case name particle:
// " al Sharqiyah".
func beforeParticle(rest string) bool {
	for _, p := range []string{" al ", " ash ", " wal ", " bin ", " ibn "} {
		if strings.HasPrefix(rest, p) {
			return true
		}
	}
	return false
}

// inLongerFileName reports a one-word name that an emblem's or flag's file
// name in the same infobox cell continues with more capitalised words: the
// image is named after the whole name, so v was cut from it.
func inLongerFileName(text, v string) bool {
	for off := 0; off < len(text); {
		i := strings.Index(text[off:], v)
		if i < 0 {
			return false
		}
		i += off
		off = i + len(v)
		if i > 0 && isWordByte(text[i-1]) {
			continue
		}
		rest := text[i+len(v):]
		if ext := strings.HasPrefix(rest, ".svg") || strings.HasPrefix(rest, ".png") || strings.HasPrefix(rest, ".jpg"); ext {
			if pw := lastWord(text[:i]); upperStart(pw) && pw != "The" && !strings.HasSuffix(strings.TrimSpace(text[:i]), ".svg") {
				return true // "Emblem of the Palestine Liberation Army.svg": "Liberation Army" is its tail
			}
			continue
		}
		if pre := text[:i]; !strings.HasSuffix(pre, " of the ") && !strings.HasSuffix(pre, " of ") {
			continue // a file name reads "Emblem of the …": v does not stand inside one
		}
		end := -1
		for _, ext := range []string{".svg", ".png", ".jpg"} {
			if k := strings.Index(rest, ext); k >= 0 && (end < 0 || k < end) {
				end = k
			}
		}
		if end <= 0 || end > 60 {
			continue
		}
		ws := strings.Fields(rest[:end])
		all := len(ws) > 0
		for _, w := range ws {
			if !upperStart(w) {
				all = false
			}
		}
		if all {
			return true
		}
	}
	return false
}

// inLongerName reports a known person's name of the collection (two words
// or more) that covers the occurrence of v at i in text and more: v is cut
// from it ("Ali Abdullah", or "Ayyoub Maher al-Assad" run on from "Ali
// Abdullah Ayyoub").
func (g *generator) inLongerName(text string, i int, v string) bool {
	j := i + len(v)
	check := func(names []string) bool {
		for _, n := range names {
			for off := max(0, i-len(n)); off <= i && off < len(text); {
				k := strings.Index(text[off:min(len(text), j+len(n))], n)
				if k < 0 {
					break
				}
				k += off
				if k < i && k+len(n) > i || k == i && k+len(n) > j {
					return true
				}
				off = k + 1
			}
		}
		return false
	}
	ws := strings.Fields(v)
	return check(g.namesByFirst[ws[0]]) || check(g.namesByLast[ws[0]])
}

// unitHeads end a unit's name: a value the text goes on with one of them
// was cut short.
var unitHeads = map[string]bool{"units": true, "unit": true, "brigade": true, "brigades": true, "division": true,
	"battalion": true, "regiment": true, "forces": true, "force": true, "front": true, "army": true,
	"corps": true, "group": true, "movement": true, "council": true, "legion": true, "guard": true}

// unitCut reports a unit value that, wherever the cell has it, follows an
// ordinal ("11th Tank Division") or goes on with a unit word ("Sinjar
// Resistance Units").
func unitCut(text, v string) bool {
	found := false
	for i := range occurrences(text, v, -1) {
		off := i + len(v)
		if i > 0 && isWordByte(text[i-1]) || off < len(text) && isWordByte(text[off]) {
			continue
		}
		found = true
		prev := strings.Fields(text[max(0, i-12):i])
		ordinal := len(prev) > 0 && len(prev[len(prev)-1]) > 2 && prev[len(prev)-1][0] >= '0' && prev[len(prev)-1][0] <= '9' &&
			strings.ContainsAny(strings.ToLower(prev[len(prev)-1][len(prev[len(prev)-1])-2:]), "stndrh")
		next := strings.Fields(text[off:min(len(text), off+20)])
		goesOn := len(next) > 0 && unitHeads[strings.ToLower(strings.Trim(next[0], ",.;()"))] && upperStart(next[0])
		if !ordinal && !goesOn {
			return false // one whole occurrence
		}
	}
	return found
}
