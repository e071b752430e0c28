package export

import (
	"encoding/xml"
	"html"
	"io"
	"strings"

	"github.com/factdeck/factdeck/quiz"
)

// mText is Moodle XML's <text> holder with an optional format attribute.
type mText struct {
	Format string `xml:"format,attr,omitempty"`
	Text   string `xml:"text"`
}

type mAnswer struct {
	Fraction string `xml:"fraction,attr"`
	Format   string `xml:"format,attr,omitempty"`
	Text     string `xml:"text"`
	Feedback *mText `xml:"feedback,omitempty"`
}

type mSub struct {
	Format string `xml:"format,attr"`
	Text   string `xml:"text"`
	Answer mText  `xml:"answer"`
}

type mQuestion struct {
	Type            string    `xml:"type,attr"`
	Category        *mText    `xml:"category,omitempty"`
	Name            *mText    `xml:"name,omitempty"`
	QuestionText    *mText    `xml:"questiontext,omitempty"`
	GeneralFeedback *mText    `xml:"generalfeedback,omitempty"`
	DefaultGrade    string    `xml:"defaultgrade,omitempty"`
	Penalty         string    `xml:"penalty,omitempty"`
	Hidden          string    `xml:"hidden,omitempty"`
	IDNumber        string    `xml:"idnumber,omitempty"`
	Single          string    `xml:"single,omitempty"`
	Shuffle         string    `xml:"shuffleanswers,omitempty"`
	Numbering       string    `xml:"answernumbering,omitempty"`
	UseCase         string    `xml:"usecase,omitempty"`
	Answers         []mAnswer `xml:"answer"`
	Subquestions    []mSub    `xml:"subquestion"`
}

// MoodleXML writes Moodle XML: multichoice, truefalse, shortanswer (typed
// and cloze cards, every alias at 100%) and matching (match cards, and order
// cards as event → position, since core Moodle has no ordering question).
// Each question carries the card id as its name and idnumber, and the
// explanation and source as general feedback. Match and order cards with
// fewer than three pairs, which Moodle refuses, are left out.
func MoodleXML(w io.Writer, set Set) error {
	qs := []mQuestion{}
	if set.Name != "" {
		qs = append(qs, mQuestion{Type: "category", Category: &mText{Text: "$course$/top/" + strings.ReplaceAll(flat(set.Name), "/", "-")}})
	}
	for _, c := range set.Cards {
		if q, ok := moodleQuestion(c); ok {
			qs = append(qs, q)
		}
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	err := enc.Encode(struct {
		XMLName   xml.Name    `xml:"quiz"`
		Questions []mQuestion `xml:"question"`
	}{Questions: qs})
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, "\n")
	return err
}

// moodleQuestion maps one card; ok is false for a card Moodle cannot take.
func moodleQuestion(c quiz.Card) (mQuestion, bool) {
	id := c.ID
	if len(id) > 100 { // Moodle's idnumber column is 100 characters
		id = id[:100]
	}
	q := mQuestion{
		Name:            &mText{Text: c.ID},
		QuestionText:    &mText{Format: "html", Text: htmlLines(c.Prompt)},
		GeneralFeedback: &mText{Format: "html", Text: htmlLines(strings.TrimSpace(c.Explanation + "\n" + sourceLine(c)))},
		DefaultGrade:    "1", Penalty: "0.3333333", Hidden: "0", IDNumber: id,
	}
	switch c.Kind {
	case quiz.CardMCQ:
		q.Type, q.Single, q.Shuffle, q.Numbering = "multichoice", "true", "true", "abc"
		for i, ch := range c.Choices {
			frac := 0.0
			if i == c.Correct {
				frac = 100
			}
			q.Answers = append(q.Answers, mAnswer{Fraction: formatWeight(frac), Format: "html", Text: html.EscapeString(ch)})
		}
	case quiz.CardTrueFalse:
		q.Type = "truefalse"
		t, f := 100.0, 0.0
		if !trueFalse(c) {
			t, f = 0, 100
		}
		q.Answers = []mAnswer{{Fraction: formatWeight(t), Format: "moodle_auto_format", Text: "true"},
			{Fraction: formatWeight(f), Format: "moodle_auto_format", Text: "false"}}
	case quiz.CardMatch, quiz.CardOrder:
		ps, ok := pairs(c)
		if !ok {
			return q, false
		}
		q.Type, q.Shuffle = "matching", "true"
		for _, p := range ps {
			q.Subquestions = append(q.Subquestions, mSub{Format: "html", Text: html.EscapeString(p.Left), Answer: mText{Text: p.Right}})
		}
	default:
		q.Type, q.UseCase = "shortanswer", "0"
		for _, a := range accepted(c) {
			q.Answers = append(q.Answers, mAnswer{Fraction: formatWeight(100), Format: "moodle_auto_format", Text: moodleShortAnswer(a)})
		}
	}
	return q, true
}
