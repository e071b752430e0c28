package facts

import (
	"strings"

	"github.com/factdeck/factdeck/quiz"
)

// personFacts records the person a role word introduces: "general Kioumars
// Pourhashemi", "Researchers Hassan Hassan and Michael Weiss", "Maj. Gen.
// George B. McClellan's". It returns the last token it read.
func (e *extractor) personFacts(c *sentCtx, k int) int {
	toks := c.s.toks
	role := strings.ToLower(toks[k].s)
	n := k + 1
	for n < len(toks) && (toks[n].s == "." || isRank(toks[n].s)) {
		n++
	}
	appos := false
	if n+1 < len(toks) && toks[n].s == "," && isCap(toks[n+1].s) && !isCap(toks[k].s) {
		n, appos = n+1, true // "its military leader, Abu Abdullah Taoum, was killed"
	}
	for n < len(toks) && isCap(toks[n].s) && !sentenceOpeners[strings.ToLower(toks[n].s)] {
		r := personEnd(toks, n)
		name := strings.TrimSuffix(strings.TrimSuffix(c.tokText(n, r), "'s"), "’s")
		// One word is a name after a role noun ("chief Opothleyahola)") or
		// as a possessive ("Chief Opothleyahola's band"); "Sheikh Maqsoud"
		// is a district.
		single := r-n == 1 && n == k+1 && (strings.HasSuffix(toks[n].s, "'s") ||
			isLowerWord(toks[k].s) && r < len(toks) && (toks[r].s == ")" || toks[r].s == "," || toks[r].s == "."))
		if r-n < 2 && !single || months[strings.ToLower(name)] > 0 || orgNames[strings.ToLower(name)] || stateNames[strings.ToLower(name)] ||
			appos && (r >= len(toks) || toks[r].s != "," && toks[r].s != ".") {
			return n
		}
		f := c.fact(quiz.KindPerson, name, quiz.EntityPerson)
		f.Span = c.spanTok(e.doc, n, r)
		f.Role = role
		e.add(c.topic, f)
		if r+1 < len(toks) && toks[r].s == "and" {
			n = r + 1
			continue
		}
		return r - 1
	}
	return k
}

// personEnd returns the end of a person's name starting at toks[n]:
// capitalised words, particles, initials ("P. G. T. Beauregard", "G.W.
// Smith") and a quoted nickname ("Thomas J. "Stonewall" Jackson").
func personEnd(toks []token, n int) int {
	r := n
	for r < len(toks) && r < n+10 {
		w := toks[r].s
		switch {
		case isCap(w) || isParticleWord(w):
		case w == "." && r > n && isInitials(toks[r-1].s):
		case w == "\"" && r > n && r+2 < len(toks) && isCap(toks[r+1].s) && toks[r+2].s == "\"" && r+3 < len(toks) && isCap(toks[r+3].s):
			r += 2
		default:
			return trimDots(toks, n, r)
		}
		r++
	}
	return trimDots(toks, n, r)
}

// isInitials reports whether w is one capital letter or dotted capitals
// ("G.W").
func isInitials(w string) bool {
	for i, r := range w {
		if (i%2 == 0) != (r >= 'A' && r <= 'Z') || i%2 == 1 && r != '.' {
			return false
		}
	}
	return w != ""
}

// depictNouns are things made of or for a person: "a statue of Bassel
// al-Assad", "the funeral of …".
var depictNouns = lowerSet(`statue|portrait|bust|poster|mural|photo|photograph|picture|image|funeral|tomb|
mausoleum|assassination|grave|effigy`)

// depictedPerson records the person after a depiction noun at toks[k] ("a
// statue of Bassel al-Assad"): a name of two to four words, not a group or
// a state.
func (e *extractor) depictedPerson(c *sentCtx, k int) {
	toks := c.s.toks
	if !depictNouns[strings.ToLower(toks[k].s)] || k+2 >= len(toks) || toks[k+1].s != "of" || !isCap(toks[k+2].s) {
		return
	}
	n := k + 2
	r := personEnd(toks, n)
	name := c.tokText(n, r)
	low := strings.ToLower(name)
	if r-n < 2 || r-n > 4 || orgNames[low] || stateNames[low] || headNouns[strings.ToLower(toks[r-1].s)] {
		return
	}
	f := c.fact(quiz.KindPerson, name, quiz.EntityPerson)
	f.Span = c.spanTok(e.doc, n, r)
	e.add(c.topic, f)
}

// surnameAlone reports whether toks[k] is a person's family name used alone
// as a clause's subject or object ("With Assad backed by Russia and Iran"):
// not part of a longer name, not a modifier ("Assad administration", "the
// Assad family"), not possessive, and in a topic that has not named the
// person in full (there the full name is the fact).
func (e *extractor) surnameAlone(c *sentCtx, k int) bool {
	toks := c.s.toks
	if !isCap(toks[k].s) || e.surnames[strings.ToLower(toks[k].s)]&(1<<(c.topic%63)) != 0 {
		return false
	}
	if k > 0 && (isCap(toks[k-1].s) && k > 1 || isParticleWord(toks[k-1].s) || isArticle(toks[k-1].s)) {
		return false
	}
	if k+1 >= len(toks) {
		return true
	}
	next := toks[k+1].s
	return next == "," || next == "." || next == "and" || next == ";" || isVerb(toks, k+1) || isAux(next)
}
