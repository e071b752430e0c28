package gen

import (
	"strings"

	"github.com/factdeck/factdeck/quiz"
)

// newCard fills what every card of a fact shares: id, topic, source,
// explanation, fact key and score. extra distinguishes cards of one kind
// from one fact (the swapped value of a false statement, a blanked noun).
func (g *generator) newCard(kind quiz.CardKind, fr *frame, prompt, answer string, extra ...string) quiz.Card {
	f := fr.f
	parts := append([]string{string(kind), fr.key, norm(fr.answer), norm(g.cleaned(f.Text))}, extra...)
	c := quiz.Card{
		ID:       g.cardID(kind, parts...),
		Kind:     kind,
		Topic:    fr.t.name,
		TopicID:  fr.t.id,
		FactKind: f.Kind,
		Prompt:   prompt,
		Answer:   answer,
		FactKey:  g.factKey(fr.key),
		Source:   quiz.Source{Doc: g.doc.ID, Text: f.Text, Start: f.Start, End: f.End},
	}
	c.Explanation = explain(answer, fr.t.name, f.Text)
	c.Score = g.scoreFrame(c, fr)
	return c
}

// explain quotes the source verbatim and names the topic.
func explain(answer, topic, text string) string {
	return "Answer: " + answer + ". Source (" + topic + "): \u201c" + strings.TrimSpace(text) + "\u201d"
}

// classWord names an answer class in a prompt ("which date completes …").
func classWord(c string) string {
	switch c {
	case "date", "number", "person", "place", "group", "state":
		return c
	case "codename":
		return "code name"
	case "operation":
		return "operation"
	case "unit":
		return "unit"
	}
	return "phrase"
}

// answerType tells the checker how to compare a typed answer.
func answerType(c string) string {
	switch c {
	case "date", "number":
		return c
	}
	return "name"
}

// blankStem shows the sentence with the answer blanked, after the topic.
func blankStem(fr *frame) string {
	return fr.t.name + ": " + fr.sent[:fr.blank[0]] + "_____" + fr.sent[fr.blank[1]:]
}

// blankQuestion asks which value of the answer's class fills the blank.
func blankQuestion(fr *frame, verb string) string {
	return fr.t.name + ": " + verb + " " + classWord(fr.class) + " completes the sentence? \u201c" +
		fr.sent[:fr.blank[0]] + "_____" + fr.sent[fr.blank[1]:] + "\u201d"
}

// whenQuestion asks for the date of a dated prose fact, quoting the
// sentence without its date.
func whenQuestion(fr *frame) (string, bool) {
	if fr.dateHit == nil {
		return "", false
	}
	if fr.when == nil {
		q, ok := whenQuestionOf(fr)
		fr.when = &whenMemo{q, ok}
	}
	return fr.when.q, fr.when.ok
}

// whenMemo keeps a frame's when-question: the multiple-choice and typed
// cards ask the same.
type whenMemo struct {
	q  string
	ok bool
}

func whenQuestionOf(fr *frame) (string, bool) {
	rest, ok := withoutDate(fr.sent, *fr.dateHit)
	if !ok || !finiteVerbRE.MatchString(rest) || strings.HasSuffix(firstWord(rest), "ing") {
		return "", false // "Covering Al-Zabadani and …": a fragment, not a statement
	}
	if fr.dates > 1 || monthNamed(rest) {
		return "", false // "… at Newtonia, and … reached Texas in December": which date is asked?
	}
	if ws := strings.Fields(rest); len(ws) >= 2 && relWords[strings.ToLower(ws[len(ws)-2])] {
		return "", false // "… which started.": the date was the clause's object
	}
	if subordinateDate(fr.sent, fr.dateHit.start) || fr.dateHit.start > 0 && subordinateStart(firstWord(fr.sent)) &&
		!strings.HasPrefix(strings.ToLower(fr.sent), "on ") && !strings.HasPrefix(strings.ToLower(fr.sent), "in ") &&
		!strings.HasPrefix(strings.ToLower(fr.sent), "at ") && !strings.HasPrefix(strings.ToLower(fr.sent), "by ") {
		return "", false // "… after Raqqa which was captured by the rebels in March 2013": not the main event's date
	}
	w := "On what date"
	switch fr.date.Start.Precision() {
	case quiz.PrecisionMonth:
		w = "In which month"
	case quiz.PrecisionYear:
		w = "In which year"
	}
	return fr.t.name + ": " + w + " did this happen? \u201c" + rest + "\u201d", true
}

// subordinateDate reports a date inside a relative or subordinate clause
// of its sentence: asked as "when did this happen?", the main clause would
// seem to be dated by it.
func subordinateDate(sent string, start int) bool {
	pre := sent[:start]
	whole := true
	if i := strings.LastIndexAny(pre, ",;("); i >= 0 {
		pre, whole = pre[i+1:], false
	}
	for _, w := range strings.Fields(strings.ToLower(pre)) {
		switch strings.Trim(w, ",.") {
		case "which", "who", "whom", "when", "where", "after", "before", "while", "since", "until", "whose":
			return true // "… killed by the security forces before heavier fighting began in February 2012"
		case "that":
			if !whole {
				return true
			}
		}
	}
	return false
}

var relWords = map[string]bool{"which": true, "that": true, "who": true, "and": true, "was": true, "were": true}

// question picks the best prompt a frame supports for a choice or typed card.
func question(fr *frame, verb string) (string, bool) {
	if fr.question != "" {
		return fr.question, true
	}
	if q, ok := whenQuestion(fr); ok {
		return q, true
	}
	if fr.hasBlank() {
		return blankQuestion(fr, verb), true
	}
	return "", false
}
