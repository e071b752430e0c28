package gen

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/factdeck/factdeck/quiz"
)

// sideRoles words side-tagged questions per fact kind.
var sideRoles = map[quiz.FactKind]struct{ which, role string }{
	quiz.KindBelligerent: {"Which of these fought", "fought"},
	quiz.KindCommander:   {"Which of these was a commander", "a commander"},
	quiz.KindUnit:        {"Which of these units was involved", "involved"},
	quiz.KindStrength:    {"What strength is given for the forces", "is given among the strength of the forces"},
	quiz.KindCasualties:  {"Which losses are reported for the side", "is listed among the losses of the side"},
}

// sideFrame asks for a side-tagged infobox value, naming the side by one of
// its belligerents ("on the same side as Russia"). Every value of the same
// side is true, so none of them may be a distractor.
func (g *generator) sideFrame(fr frame) (*frame, bool) {
	f := fr.f
	if !g.sane(f, fr.answer) {
		return nil, false // a count, a lone adjective, joined names, a group as commander
	}
	if f.Kind == quiz.KindCasualties && g.wrongParty(fr.t.id, f.Side, fr.answer) {
		return nil, false // "37–50 rebels killed" under the government's losses: whose losses is it?
	}
	if (f.Kind == quiz.KindStrength || f.Kind == quiz.KindCasualties) && (strings.Contains(fr.answer, ":") || words(fr.answer) > 10 ||
		strings.HasPrefix(strings.ToLower(fr.answer), "unknown")) {
		return nil, false // "First phase: Unknown Second phase: 180 killed …": several cells run together
	}
	if f.Kind == quiz.KindBelligerent && (g.onOtherSide(fr.t.id, fr.answer, f.Side) || f.Role != "" || g.unitElsewhere(fr.t.id, fr.answer, f.Side)) {
		return nil, false // "Support: Russia" on two sides, "Supported by: Turkey", a council listed as a unit of another side
	}
	if f.Kind == quiz.KindUnit {
		for _, b := range g.sides[sideKey{fr.t.id, quiz.KindBelligerent, f.Side}] {
			if sameNation(b, fr.answer) {
				return nil, false // "the Syrian Army … on the side of the Syrian Arab Republic": true by its name
			}
		}
	}
	same := g.sides[sideKey{fr.t.id, f.Kind, f.Side}]
	if f.Kind == quiz.KindBelligerent || f.Kind == quiz.KindUnit {
		for _, k := range []quiz.FactKind{quiz.KindBelligerent, quiz.KindUnit} {
			for _, v := range g.sides[sideKey{fr.t.id, k, f.Side}] {
				fr.exclude[norm(v)] = true // the Al-Bab Military Council among Turkey's units: no false "same side"
			}
		}
	}
	for _, v := range same {
		fr.exclude[norm(v)] = true
		for _, a := range g.alias.of(v) {
			fr.exclude[norm(a)] = true
		}
	}
	anchor := ""
	if f.Kind == quiz.KindBelligerent {
		for _, b := range g.sides[sideKey{fr.t.id, quiz.KindBelligerent, f.Side}] {
			if !g.alias.same(b, fr.answer) && !g.onOtherSide(fr.t.id, b, f.Side) && !sameNation(b, fr.answer) &&
				!g.supporter(fr.t.id, b, f.Side) {
				anchor = b
				break
			}
		}
	} else {
		anchor = g.sideName(fr.t.id, f.Side, fr.answer)
	}
	if anchor == "" {
		return nil, false // "Syrian Armed Forces on the same side as Syrian Arab Republic": true by its name
	}
	ref := fr.t.ref(false)
	w := sideRoles[f.Kind]
	switch f.Kind {
	case quiz.KindBelligerent:
		anchor = g.theName(anchor)
		fr.question = w.which + " on the same side as " + anchor + " in " + ref + "?"
		fr.state = func(v string) string {
			return "In " + ref + ", " + g.theName(v) + " fought on the same side as " + anchor + "."
		}
	case quiz.KindCommander, quiz.KindUnit:
		fr.question = w.which + " on the side of " + anchor + " in " + ref + "?"
		fr.state = func(v string) string {
			role := w.role // "a commander" / "involved"; the verb agrees with v
			if f.Kind == quiz.KindCommander && plural(v) {
				role = "commanders"
			}
			subj := v
			if f.Kind == quiz.KindUnit {
				subj = g.theName(v)
			}
			return "In " + ref + ", " + subj + " " + be(v) + " " + role + " on the side of " + anchor + "."
		}
	default:
		fr.question = w.which + " of " + anchor + " in " + ref + "?"
		fr.state = func(v string) string {
			return "In " + ref + ", \u201c" + v + "\u201d " + w.role + " of " + anchor + "."
		}
	}
	fr.typedOK = f.Kind == quiz.KindCommander && len(same) == 1 && f.Entity == quiz.EntityPerson
	return &fr, true
}

// onOtherSide reports whether name is listed on another side of the topic
// (supporters sometimes appear on two sides).
func (g *generator) onOtherSide(topic, name string, side int) bool {
	for k, vs := range g.sides {
		if k.topic == topic && k.kind == quiz.KindBelligerent && k.side != side && containsNorm(vs, name) {
			return true
		}
	}
	return false
}

// otherSides returns the values of the same kind on the topic's other
// sides that are not also on the fact's side: verified wrong answers.
func (g *generator) otherSides(fr *frame) []string {
	var out []string
	for s := 1; s <= 6; s++ {
		if s == fr.f.Side {
			continue
		}
		for _, v := range g.sides[sideKey{fr.t.id, fr.f.Kind, s}] {
			if fr.f.Kind == quiz.KindBelligerent && g.onOtherSide(fr.t.id, v, s) {
				continue // listed on two sides: no verified wrong answer
			}
			if (fr.f.Kind == quiz.KindStrength || fr.f.Kind == quiz.KindCasualties) && (strings.Contains(v, ":") || words(v) > 10) {
				continue // several cells run together: no option either
			}
			if fr.f.Kind == quiz.KindUnit && g.principalAnywhere(fr.t.id, v) {
				continue // "ISIL", "Turkish Armed Forces" as a unit option: a whole party, not a unit
			}
			if !fr.exclude[norm(v)] {
				out = append(out, v)
			}
		}
	}
	return out
}

// codenameFrame asks for an operation's code name. Each operation has its
// own, so another operation's code name is a verified wrong answer.
func (g *generator) codenameFrame(fr frame) (*frame, bool) {
	name := fr.t.ref(false)
	if fr.f.Subject != "" && !fr.t.main {
		name = fr.f.Subject
	}
	if norm(name) == "" || containsWord(norm(name), norm(fr.answer)) {
		return nil, false
	}
	for v := range g.slotValues[fr.t.id+"\x00"+string(quiz.KindCodename)] {
		fr.exclude[v] = true
	}
	fr.question = "What was the code name of " + name + "?"
	fr.state = func(v string) string { return upperFirst(name) + " was code-named \u201c" + v + "\u201d." }
	fr.typedOK = true
	return &fr, true
}

var acronymRE = regexp.MustCompile(`^[A-Z][A-Z0-9&.-]{1,7}$`)

// aliasFrame asks for another name of a group, place or operation.
func (g *generator) aliasFrame(fr frame) (*frame, bool) {
	subj := fr.f.Subject
	if subj == "" || placeholderName(subj) {
		subj = fr.t.base // an untitled article's topic is "Document": name it by the document
	}
	if norm(subj) == norm(fr.answer) || subj == "" || !sameSort(subj, fr.answer) {
		return nil, false // "By what other name is the 2019 … offensive known?" → a group: extraction mixed them
	}
	for _, a := range g.alias.of(subj) {
		fr.exclude[norm(a)] = true
	}
	fr.exclude[norm(subj)] = true
	if acronymRE.MatchString(fr.answer) && initialsOf(subj) == strings.Map(acronymLetter, fr.answer) {
		// "SDF" for "Syrian Democratic Forces": the initials give the
		// abbreviation away, so ask what it stands for, typed only, where
		// the cited text spells the name out.
		if !containsWord(norm(g.cleaned(fr.f.Text)), norm(subj)) {
			return nil, false
		}
		fr.class = "expansion"
		fr.question = fr.t.name + ": What does the abbreviation " + fr.answer + " stand for?"
		for _, a := range g.alias.of(subj) {
			if !acronymRE.MatchString(a) && initialsOf(a) == strings.Map(acronymLetter, fr.answer) {
				fr.accept = append(fr.accept, a) // a spelling of the same words, not the group's other name
			}
		}
		fr.answer = subj
		fr.shown = true
	} else if acronymRE.MatchString(fr.answer) {
		fr.class = "acronym"
		fr.question = fr.t.name + ": What is the abbreviation for " + subj + "?"
		fr.named = subj
		fr.typedOK = false // "Islamic State" → ISIL, IS, ISIS or Daesh: typed, several are right
		fr.noSwap = true
		return &fr, true
	} else {
		if containsWord(norm(fr.answer), norm(cleanTopicName(subj))) {
			return nil, false // "first battle of Raqqa" for the Battle of Raqqa: the name is in the question
		}
		fr.class = "alias"
		for _, f := range g.facts {
			if f.Kind == quiz.KindCodename && f.TopicID == fr.t.id {
				fr.exclude[norm(f.Value)] = true // the code name is another name too ("Raid of the Almighty")
				fr.accept = append(fr.accept, f.Value)
			}
		}
		name := subj
		if norm(subj) == norm(fr.t.base) || norm(subj) == norm(fr.t.name) {
			name = fr.t.ref(false) // "the Battle of South Mills"
		}
		fr.question = "By what other name is " + name + " known?"
	}
	fr.typedOK = true
	fr.noSwap = true
	return &fr, true
}

// numberFrame blanks a count in its sentence.
func (g *generator) numberFrame(fr frame) (*frame, bool) {
	if !fr.prose {
		return g.infoboxFrame(fr)
	}
	want := fr.f.Number
	if want == 0 {
		want, _ = parseAnswerNumber(fr.answer)
	}
	var hit *numberHit
	for _, h := range findNumbers(fr.sent) {
		if h.v == want && !insideDate(g.dates(fr.sent), h) {
			if hit != nil {
				return nil, false // twice in one sentence: ambiguous blank
			}
			h := h
			hit = &h
		}
	}
	if hit == nil || want == 0 || !strings.ContainsAny(fr.answer, "0123456789") {
		// A count in words ("two car bombs") is no number to blank, and a
		// vague amount ("dozens of villages", read as 24) is no number at all:
		// a digit elsewhere in the sentence must not stand in for it.
		return nil, false
	}
	if !strings.Contains(fr.answer, hit.text) || timeOrName(fr.sent, hit.start, hit.end) {
		return nil, false // "At 5:20 pm", "3000 Apartments": not a count
	}
	if converted(fr.sent, hit.end) {
		return nil, false // "15 km2 (four square miles)": the conversion gives a swap or a blank away
	}
	if rangeEnd(fr.sent, hit.start, hit.end) {
		return nil, false // "3–4 days": one end of a range gives the other away
	}
	fr.num = hit
	fr.class = "number"
	fr.answer = hit.text
	fr.blank = [2]int{hit.start, hit.end}
	fr.typedOK = true
	fr.state = func(v string) string { return fr.sent[:hit.start] + v + fr.sent[hit.end:] }
	return &fr, true
}

// converted reports a number followed, after its unit, by the same amount
// in other units in brackets.
func converted(s string, end int) bool {
	rest := s[end:min(len(s), end+16)]
	i := strings.IndexByte(rest, '(')
	if i < 0 {
		return false
	}
	in := strings.ToLower(s[end+i+1 : min(len(s), end+i+12)])
	if in != "" && in[0] >= '0' && in[0] <= '9' {
		return true
	}
	for _, w := range []string{"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "about", "approx", "c.", "some", "around"} {
		if strings.HasPrefix(in, w+" ") {
			return true
		}
	}
	return false
}

// timeOrName reports a number that is part of a time of day ("5:20 pm",
// "at 10 a.m.") or of a name ("3000 Apartments", "101st Airborne").
func timeOrName(s string, start, end int) bool {
	if start > 0 && s[start-1] == ':' || end < len(s) && s[end] == ':' {
		return true
	}
	after := strings.ToLower(s[end:])
	for _, p := range []string{" a.m", " p.m", "a.m", "p.m", " am", " pm", "am", "pm"} {
		if strings.HasPrefix(after, p) && (len(after) == len(p) || !isWordByte(after[len(p)])) {
			return true
		}
	}
	// A capitalised word right after, itself followed by another capitalised
	// word or by punctuation, is a name: "3000 Apartments,", but not "15
	// Syrian soldiers".
	ws := strings.Fields(s[end:])
	if end == len(s) || s[end] != ' ' || len(ws) == 0 || !upperStart(ws[0]) {
		return false
	}
	w := strings.TrimRight(ws[0], ",.;:)")
	return w != ws[0] || len(ws) == 1 || upperStart(ws[1])
}

func upperStart(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }

// insideDate reports whether a number is part of a date expression.
func insideDate(ds []dateHit, h numberHit) bool {
	for _, d := range ds {
		if h.start >= d.start && h.end <= d.end {
			return true
		}
	}
	return false
}

// dateFrame asks when a dated prose fact happened.
func (g *generator) dateFrame(fr frame) (*frame, bool) {
	f := fr.f
	if f.Date == nil || f.Date.Start.IsZero() {
		return nil, false
	}
	fr.date = f.Date
	fr.class = "date"
	fr.key += "|date"
	if !fr.prose {
		if f.Kind != quiz.KindDate {
			return nil, false
		}
		fr.answer = formatRange(*f.Date, g.style)
		fr.question = "When did " + fr.t.ref(false) + " take place?"
		fr.typedOK = f.Date.End.IsZero()
		fr.noSwap = !fr.typedOK
		ref := fr.t.ref(true)
		fr.state = func(v string) string { return ref + " took place " + datePrep(v) + spanWords(v) + "." }
		return &fr, true
	}
	var hit *dateHit
	fr.dates = len(g.dates(fr.sent))
	for _, h := range g.dates(fr.sent) {
		if matchHit(h.d, f.Date.Start) {
			if hit != nil {
				return nil, false
			}
			h := h
			hit = &h
		}
	}
	if hit == nil || !f.Date.End.IsZero() || rangeAround(fr.sent, *hit) {
		return nil, false // one end of a span: its distractors would be spans
	}
	if inTopicName(fr.sent, *hit, fr.t) || g.yearOutsideTopic(*hit, f.Date.Start.Year, fr.t) || g.outsideSpan(*hit, f.Date.Start, fr.t) {
		return nil, false // "The March 2020 Daraa clashes was …": the date names the topic
	}
	if y := fr.t.year; y != 0 && (f.Date.Start.Year > y+10 || f.Date.Start.Year < y-10) {
		return nil, false // "1945" in the Battle of Raqqa (2017): a comparison, not the topic's event
	}
	if boundDate(fr.sent, hit.start) || stativeAt(fr.sent, hit.start) {
		return nil, false // "By June 2017, Raqqa remained …": a bound of a state, not an event's date
	}
	if unnamedCountRE.MatchString(fr.sent) {
		return nil, false // "The SDF captured two villages to the east of Tabqa": on which of the days it did?
	}
	if g.reportedTwice(fr.sent, f.Text, f.Date.Start, fr.t.id) {
		return nil, false // the same event is reported on another date: two right answers
	}
	fr.dateHit = hit
	fr.answer = formatDate(f.Date.Start, g.style)
	fr.blank = [2]int{hit.start, hit.end}
	fr.typedOK = true
	fr.state = func(v string) string { return fr.sent[:hit.start] + v + fr.sent[hit.end:] }
	return &fr, true
}

// inTopicName reports a date that is part of the topic's name where the
// sentence writes it: swapping or blanking it renames the topic.
func inTopicName(sent string, h dateHit, t topicInfo) bool {
	for _, n := range []string{t.base, t.name} {
		n = strings.TrimSpace(strings.Split(n, "(")[0])
		if n == "" {
			continue
		}
		for off := 0; off < len(sent); {
			i := strings.Index(sent[off:], n)
			if i < 0 {
				break
			}
			i += off
			off = i + len(n)
			if h.start >= i && h.end <= i+len(n) {
				return true
			}
		}
	}
	return false
}

// yearOutsideTopic reports a date whose year the sentence does not give
// and that falls outside the years the topic's name gives ("Qaboun
// offensive (2017)": a "5 March" read as 2014 is a wrong inference).
func (g *generator) yearOutsideTopic(h dateHit, year int, t topicInfo) bool {
	if h.d.Year != 0 || year == 0 {
		return false
	}
	lo, hi := 0, 0
	for _, m := range yearRE.FindAllString(t.name, -1) {
		y := 0
		for _, c := range m {
			y = y*10 + int(c-'0')
		}
		if lo == 0 || y < lo {
			lo = y
		}
		hi = max(hi, y)
	}
	return lo != 0 && (year < lo || year > hi+1) // an offensive named for its start year may run into the next
}

// outsideSpan reports an inferred year that puts the date more than a month
// outside the topic's infobox date range ("25 January" read as 2016 in a
// battle of November 2016 – February 2017).
func (g *generator) outsideSpan(h dateHit, d quiz.Date, t topicInfo) bool {
	sp, ok := g.topicSpan[t.id]
	if h.d.Year != 0 || !ok || d.Precision() != quiz.PrecisionDay {
		return false
	}
	n := dayNumber(d)
	return n < sp[0]-31 || n > sp[1]+31
}

var yearRE = regexp.MustCompile(`\b(1[5-9]\d\d|20\d\d)\b`)

func datePrep(v string) string {
	if strings.Contains(v, "–") || strings.Contains(v, " to ") {
		return "from "
	}
	if len(v) == 4 || !digitRE.MatchString(v[:2]) && strings.Count(v, " ") == 1 {
		return "in "
	}
	return "on "
}

// formatRange writes a single date or a span, sharing the year (and the
// month) the way the documents do: "27 November – 8 December 2024".
func formatRange(r quiz.DateRange, st dateStyle) string {
	if r.End.IsZero() {
		return formatDate(r.Start, st)
	}
	s, e := r.Start, r.End
	if s.Year == e.Year && s.Month == e.Month && s.Precision() == quiz.PrecisionDay && e.Precision() == quiz.PrecisionDay {
		if st == styleMDY {
			return fmt.Sprintf("%s %d–%d, %d", monthNames[s.Month-1], s.Day, e.Day, s.Year)
		}
		return fmt.Sprintf("%d–%d %s %d", s.Day, e.Day, monthNames[s.Month-1], s.Year)
	}
	if s.Year == e.Year && s.Precision() == e.Precision() && s.Precision() >= quiz.PrecisionMonth {
		first := formatDate(s, st)
		if st == styleMDY && s.Precision() == quiz.PrecisionDay {
			first = strings.TrimSuffix(first, fmt.Sprintf(", %d", s.Year))
		} else {
			first = strings.TrimSuffix(first, fmt.Sprintf(" %d", s.Year))
		}
		return first + " – " + formatDate(e, st)
	}
	return formatDate(s, st) + " – " + formatDate(e, st)
}

var datePrepRE = regexp.MustCompile(`(?i)\s+(?:on|in)\s+(?:(?:early|late|mid|the end of|the start of)\s+)?$`)

var digitRE = regexp.MustCompile(`\d`)

// withoutDate removes the date phrase from a sentence ("On 29 November
// 2024, X entered Aleppo." → "X entered Aleppo."), so that the sentence can
// follow "On what date did this happen?". It fails when the phrase is not a
// plain opener or a trailing "on …" adjunct, or another date remains.
func withoutDate(sent string, h dateHit) (string, bool) {
	pre, post := sent[:h.start], sent[h.end:]
	var out string
	switch {
	case words(pre) <= 6 && strings.HasPrefix(post, ","):
		lp := strings.ToLower(pre)
		if strings.Contains(lp, "after") || strings.Contains(lp, "before") || strings.Contains(lp, "since") || strings.Contains(lp, "until") {
			return "", false
		}
		out = upperFirst(strings.TrimSpace(post[1:]))
	default:
		m := datePrepRE.FindStringIndex(pre)
		if m == nil {
			return "", false
		}
		if !strings.HasSuffix(strings.TrimSpace(pre[:m[0]]), ",") && strings.HasPrefix(post, ", ") {
			post = " " + post[2:] // "was fought on November 7, 1861, in …" → "was fought in …", not "fought, in"
		}
		out = pre[:m[0]] + post
		out = strings.ReplaceAll(out, ",,", ",") // "in Baker County, Florida, on 20 February, during" → one comma
		out = strings.ReplaceAll(out, ",.", ".") // "in East Baton Rouge Parish, Louisiana, on August 5." → no comma
	}
	if len(findDates(out)) > 0 || words(out) < 4 {
		return "", false
	}
	return out, true
}

// sideName names an infobox side for a question about one of its values:
// by its principal belligerents (not its supporters, not those listed on
// two sides, not the value itself), all of them when there are two or
// three, since a column may hold parties that are not one force ("Syrian
// Democratic Forces" and "Syrian Arab Republic" in one column of al-Bab):
// a unit or a figure of the column is then true only of the column.
func (g *generator) sideName(topic string, side int, value string) string {
	var names []string
	for _, f := range g.sideFacts(topic, side) {
		if f.Role != "" {
			continue // "Support:", "Airstrikes:", "Supported by": not a principal
		}
		b := strings.TrimSpace(f.Value)
		if b != "" && !containsNorm(g.sides[sideKey{topic, quiz.KindBelligerent, side}], b) && !g.alias.same(b, value) &&
			upperStart(b) && (words(b) == 1 || g.cutValue(f, b) || g.joined(f, b) || cutName(b)) {
			return "" // "Syrian", "Liberation Army": the cell was misread, so its side cannot be named
		}
		if b == "" || g.alias.same(b, value) || g.onOtherSide(topic, b, side) {
			continue
		}
		dup := false
		for _, n := range names {
			if g.alias.same(n, b) || norm(n) == norm(b) {
				dup = true
			}
		}
		if !dup {
			names = append(names, b)
		}
	}
	for i, n := range names {
		names[i] = g.theName(n)
	}
	switch len(names) {
	case 0:
		return "" // every name of the cell carries a label ("Airstrikes:"): the cell was not read as one side
	case 1:
		return names[0]
	case 2:
		return names[0] + " and " + names[1]
	case 3:
		return names[0] + ", " + names[1] + " and " + names[2]
	}
	return names[0] + " and its allies"
}

// sameNation reports two names that open with the same nation word, one of
// them a state or its forces: "Syrian Armed Forces" and "Syrian Arab
// Republic", where pairing them says nothing.
func sameNation(a, b string) bool {
	fa, fb := strings.ToLower(firstWord(a)), strings.ToLower(firstWord(b))
	if len(fa) < 4 || len(fb) < 4 || !strings.HasPrefix(fa, fb) && !strings.HasPrefix(fb, fa) {
		return false
	}
	return stateOrMilitary(a) && (stateOrMilitary(b) || words(b) == 1) ||
		stateOrMilitary(b) && words(a) == 1 // "Syria" and "Syrian Armed Forces"
}

// stateOrMilitary reports the name of a state or of its armed forces.
func stateOrMilitary(n string) bool {
	l := strings.ToLower(n)
	for _, w := range []string{"republic", "kingdom", "armed forces", "army", "air force", "navy"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// acronymLetter keeps an abbreviation's letters: "U.S." → "US".
func acronymLetter(r rune) rune {
	if r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
		return r
	}
	return -1
}

// initialsOf returns the capitals that open a name's words, skipping
// lower-case joiners and reading "al-Sham" by "Sham": "Hay'at Tahrir
// al-Sham" → "HTS", "Islamic State of Iraq and the Levant" → "ISIL".
func initialsOf(name string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' || r == '–' }) {
		if w == "" || w[0] < 'A' || w[0] > 'Z' {
			continue
		}
		b.WriteByte(w[0])
	}
	return b.String()
}

// spanWords writes a span for running text after "from": "22 March – 10
// May 2017" → "22 March to 10 May 2017".
func spanWords(v string) string {
	v = strings.ReplaceAll(v, " – ", " to ")
	return strings.ReplaceAll(v, "–", " to ")
}

// principalAnywhere reports a name that is, or is the state forces of, a
// principal belligerent of the topic on any side.
func (g *generator) principalAnywhere(topic, v string) bool {
	for s := 1; s <= 6; s++ {
		for _, b := range g.sides[sideKey{topic, quiz.KindBelligerent, s}] {
			if norm(b) == norm(v) || g.alias.same(b, v) || sameNation(b, v) || words(b) >= 2 && containsWord(norm(v), norm(b)) {
				return true
			}
		}
	}
	return false
}

// rebelNouns and stateNouns name one kind of party's fighters; a loss
// cell counting the other kind's sits in the wrong column or is a claim
// about the enemy.
var rebelNouns = []string{"rebels", "rebel", "insurgents", "jihadists", "militants", "opposition fighters"}
var stateNouns = []string{"soldiers", "soldier", "troops", "loyalists", "government fighters", "pro-government"}

// wrongParty reports a loss value counting rebels on a state's side, or
// soldiers on a side with no state.
func (g *generator) wrongParty(topic string, side int, v string) bool {
	l := " " + strings.ToLower(v) + " "
	has := func(ns []string) bool {
		for _, n := range ns {
			if strings.Contains(l, " "+n+" ") {
				return true
			}
		}
		return false
	}
	state := false
	for _, b := range g.sides[sideKey{topic, quiz.KindBelligerent, side}] {
		lb := strings.ToLower(b)
		if strings.Contains(lb, "republic") || strings.Contains(lb, "ba'athist") || strings.Contains(lb, "armed forces") ||
			lb == "syria" || lb == "russia" || lb == "iran" || lb == "turkey" || lb == "union" || lb == "united states" {
			state = true
		}
	}
	return state && has(rebelNouns) || !state && has(stateNouns)
}

// supporter reports a belligerent the cell lists under a label ("Supported
// by: Turkey"): it backed the side rather than fought on it.
func (g *generator) supporter(topic, name string, side int) bool {
	for _, f := range g.sideFacts(topic, side) {
		if f.Role != "" && norm(f.Value) == norm(name) {
			return true
		}
	}
	return false
}

// sideFacts lists the belligerent facts of a topic's side in document
// order, indexed once: side names are asked for every side-tagged frame.
func (g *generator) sideFacts(topic string, side int) []quiz.Fact {
	if g.bySide == nil {
		g.bySide = map[sideKey][]quiz.Fact{}
		for _, f := range g.facts {
			if f.Kind == quiz.KindBelligerent {
				k := sideKey{f.TopicID, quiz.KindBelligerent, f.Side}
				g.bySide[k] = append(g.bySide[k], f)
			}
		}
	}
	return g.bySide[sideKey{topic, quiz.KindBelligerent, side}]
}

// unitElsewhere reports a name listed among another side's units: "Al-Bab
// Military Council" under Turkey's units and the SDF's belligerents.
func (g *generator) unitElsewhere(topic, name string, side int) bool {
	for s := 1; s <= 6; s++ {
		if s != side && containsNorm(g.sides[sideKey{topic, quiz.KindUnit, s}], name) {
			return true
		}
	}
	return false
}
