package gen

import (
	"regexp"
	"strings"
)

// supportRE reads a membership value "X supported by Y", "X backed by Y",
// "X led by Y (HTS)" where both X and Y are names: "Syrian National Army
// supported by Turkey", "Military Operations Command led by Hay'at Tahrir
// al-Sham (HTS)".
var supportRE = regexp.MustCompile(`^((?:[A-Z][\p{L}'’-]*)(?: (?:[A-Z][\p{L}'’-]*|al-[\p{L}'’-]+|of|the))*) (supported|backed|led) by ((?:[A-Z][\p{L}'’-]*)(?: (?:[A-Z][\p{L}'’-]*|al-[\p{L}'’-]+|of|the)){0,4})(?: \(([A-Z]{2,6})\))?$`)

// supportFrame asks who supported, backed or led a named group: "Who
// supported the Syrian National Army in the Insurgency in Idlib?" → Turkey.
// The question stands on its own even when the sentence it comes from does
// not ("Other factions participating in insurgency range from …"). Typed
// and true statement only: another group is not verified false.
func (g *generator) supportFrame(fr frame, v string) (*frame, bool) {
	m := supportRE.FindStringSubmatch(v)
	if m == nil || words(m[1]) < 2 || strings.HasSuffix(m[3], " of") || strings.HasSuffix(m[3], " the") {
		return nil, false
	}
	group, verb, who := m[1], m[2], m[3]
	src := norm(g.cleaned(fr.f.Text))
	if !containsWord(src, norm(group)) || !containsWord(src, norm(who)) || containsWord(norm(group), norm(who)) {
		return nil, false
	}
	if groupHeadRE.MatchString(group) && !strings.HasPrefix(group, "The ") {
		group = "the " + group
	}
	ref := fr.t.ref(false)
	fr.answer, fr.class, fr.prose, fr.noSwap, fr.typedOK = who, "support", false, true, true
	fr.exclude[norm(who)] = true
	fr.question = "Who " + verb + " " + group + " in " + ref + "?"
	if len(m) > 4 && m[4] != "" {
		// "led by Hay'at Tahrir al-Sham (HTS)": the abbreviation and its other
		// names are right as well.
		fr.accept = append([]string{m[4]}, g.alias.of(m[4])...)
	}
	fr.state = func(x string) string { return "In " + ref + ", " + group + " was " + verb + " by " + x + "." }
	return &fr, true
}
