package export

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/factdeck/factdeck/quiz"
)

// giftQuestion is the part of gift-pegjs's output the tests read.
type giftQuestion struct {
	Type  string `json:"type"`
	Title string `json:"title"`
	Stem  struct {
		Text string `json:"text"`
	} `json:"stem"`
	IsTrue  bool `json:"isTrue"`
	Choices []struct {
		IsCorrect bool     `json:"isCorrect"`
		Weight    *float64 `json:"weight"`
		Text      struct {
			Text string `json:"text"`
		} `json:"text"`
	} `json:"choices"`
	MatchPairs []struct {
		Subquestion struct {
			Text string `json:"text"`
		} `json:"subquestion"`
		Subanswer string `json:"subanswer"`
	} `json:"matchPairs"`
	HasEmbeddedAnswers bool `json:"hasEmbeddedAnswers"`
}

var giftType = map[quiz.CardKind]string{
	quiz.CardMCQ: "MC", quiz.CardTrueFalse: "TF", quiz.CardTyped: "Short", quiz.CardCloze: "Short",
	quiz.CardMatch: "Matching", quiz.CardOrder: "Matching",
}

// TestGIFTParsesWithGiftPegjs checks every set with gift-pegjs: one question
// per card, of the right type, with the text and answers unescaped intact
// and weights only from Moodle's list.
func TestGIFTParsesWithGiftPegjs(t *testing.T) {
	for _, set := range allSets(t) {
		t.Run(set.Name, func(t *testing.T) {
			var qs []giftQuestion
			runJSON(t, "gift.js", exportFile(t, "gift", set, "set"), &qs)
			var want []quiz.Card
			for _, c := range set.Cards {
				if _, ok := pairs(c); ok || (c.Kind != quiz.CardMatch && c.Kind != quiz.CardOrder) {
					want = append(want, c)
				}
			}
			var got []giftQuestion
			for _, q := range qs {
				if q.Type != "Category" {
					got = append(got, q)
				}
			}
			if len(got) != len(want) {
				t.Fatalf("gift-pegjs read %d questions, want %d", len(got), len(want))
			}
			for i, c := range want {
				checkGIFT(t, c, got[i])
			}
		})
	}
}

// checkGIFT compares one parsed question with its card.
func checkGIFT(t *testing.T, c quiz.Card, q giftQuestion) {
	t.Helper()
	if q.Title != c.ID || q.Type != giftType[c.Kind] {
		t.Errorf("%s: got title %q type %s, want type %s", c.ID, q.Title, q.Type, giftType[c.Kind])
	}
	for _, ch := range q.Choices {
		if ch.Weight != nil && !IsMoodleWeight(*ch.Weight) {
			t.Errorf("%s: weight %v is not one Moodle accepts", c.ID, *ch.Weight)
		}
	}
	switch c.Kind {
	case quiz.CardMCQ:
		if q.Stem.Text != c.Prompt || len(q.Choices) != len(c.Choices) {
			t.Fatalf("%s: stem %q with %d choices, want %q with %d", c.ID, q.Stem.Text, len(q.Choices), c.Prompt, len(c.Choices))
		}
		for i, ch := range q.Choices {
			if ch.Text.Text != c.Choices[i] || ch.IsCorrect != (i == c.Correct) {
				t.Errorf("%s: choice %d = %q correct %v", c.ID, i, ch.Text.Text, ch.IsCorrect)
			}
		}
	case quiz.CardTrueFalse:
		if q.IsTrue != (c.Answer == "True") {
			t.Errorf("%s: isTrue %v, answer %s", c.ID, q.IsTrue, c.Answer)
		}
	case quiz.CardTyped, quiz.CardCloze:
		if len(q.Choices) != len(accepted(c)) || q.Choices[0].Text.Text != c.Answer {
			t.Errorf("%s: answers %+v, want %q", c.ID, q.Choices, accepted(c))
		}
		if q.HasEmbeddedAnswers != (c.Kind == quiz.CardCloze) {
			t.Errorf("%s: embedded answer %v", c.ID, q.HasEmbeddedAnswers)
		}
	default:
		ps, _ := pairs(c)
		if len(q.MatchPairs) != len(ps) {
			t.Fatalf("%s: %d pairs, want %d", c.ID, len(q.MatchPairs), len(ps))
		}
		for i, p := range q.MatchPairs {
			if pegjsUnescape(p.Subanswer) != strings.ReplaceAll(ps[i].Right, "->", "→") {
				t.Errorf("%s: pair %d answer %q, want %q", c.ID, i, p.Subanswer, ps[i].Right)
			}
		}
	}
}

// TestGIFTRefusesBadText makes sure the checker can fail: an unescaped brace
// must not parse.
func TestGIFTRefusesBadText(t *testing.T) {
	p := t.TempDir() + "/bad.gift"
	if err := os.WriteFile(p, []byte("::t::What is {x}?{=a ~b}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := runNode(t, "gift.js", p); err == nil {
		t.Fatal("gift-pegjs accepted an unescaped brace; the GIFT check cannot fail")
	}
}

func TestMoodleWeight(t *testing.T) {
	tests := []struct{ in, want float64 }{
		{100, 100}, {99, 90}, {33, 30}, {33.34, 33.33333}, {34, 33.33333}, {12, 11.11111}, {4, 0}, {-33, -30},
	}
	for _, tt := range tests {
		if got := MoodleWeight(tt.in); got != tt.want {
			t.Errorf("MoodleWeight(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
	if IsMoodleWeight(33) {
		t.Error("IsMoodleWeight(33) = true; Moodle rejects 33%")
	}
}

// pegjsEntity is gift-pegjs's placeholder for an escaped character, which it
// leaves in matching answers (Moodle's own importer unescapes them there).
var pegjsEntity = regexp.MustCompile(`&&(\d+);`)

func pegjsUnescape(s string) string {
	return pegjsEntity.ReplaceAllStringFunc(s, func(m string) string {
		n, _ := strconv.Atoi(pegjsEntity.FindStringSubmatch(m)[1])
		return string(rune(n))
	})
}
