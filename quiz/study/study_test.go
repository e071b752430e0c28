package study

import (
	"strings"
	"testing"

	"github.com/factdeck/factdeck/quiz"
	"github.com/factdeck/factdeck/quiz/srs"
)

func TestGrade(t *testing.T) {
	mcq := quiz.Card{Kind: quiz.CardMCQ, Choices: []string{"Iran", "Russia", "HTS", "SNA"}, Correct: 2, Answer: "HTS"}
	typed := quiz.Card{Kind: quiz.CardTyped, Answer: "Hayat Tahrir al-Sham", Accept: []string{"HTS"}, AnswerType: "name"}
	cloze := quiz.Card{Kind: quiz.CardCloze, Answer: "29 November 2024", AnswerType: "date"}
	order := quiz.Card{Kind: quiz.CardOrder, ID: "o", Items: []quiz.Item{{Left: "A"}, {Left: "B"}, {Left: "C"}}}
	match := quiz.Card{Kind: quiz.CardMatch, Items: []quiz.Item{{Left: "x", Right: "1"}, {Left: "y", Right: "2"}}}
	for _, tc := range []struct {
		name    string
		card    quiz.Card
		ans     Answer
		verdict Verdict
		suggest srs.Rating
	}{
		{"mcq right", mcq, Answer{Choice: 2}, Correct, srs.Good},
		{"mcq wrong", mcq, Answer{Choice: 0}, Wrong, srs.Again},
		{"mcq none", mcq, Answer{Choice: -1}, Wrong, srs.Again},
		{"typed alias", typed, Answer{Text: "hts"}, Correct, srs.Good},
		{"typed typo", typed, Answer{Text: "Hayat Tahrir al-Shm"}, Close, srs.Hard},
		{"typed wrong", typed, Answer{Text: "Russia"}, Wrong, srs.Again},
		{"cloze revealed", cloze, Answer{}, Revealed, srs.Good},
		{"cloze typed date", cloze, Answer{Text: "2024-11-29"}, Correct, srs.Good},
		{"order right", order, Answer{Order: []string{"A", "B", "C"}}, Correct, srs.Good},
		{"order one swap", order, Answer{Order: []string{"B", "A", "C"}}, Wrong, srs.Hard},
		{"order reversed", order, Answer{Order: []string{"C", "B", "A"}}, Wrong, srs.Again},
		{"match right", match, Answer{Match: []string{"1", "2"}}, Correct, srs.Good},
		{"match half", match, Answer{Match: []string{"1", "1"}}, Wrong, srs.Hard},
		{"match none", match, Answer{Match: []string{"2", "1"}}, Wrong, srs.Again},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Grade(tc.card, tc.ans)
			if got.Verdict != tc.verdict || got.Suggested != tc.suggest {
				t.Errorf("Grade = %s (suggest %s), want %s (suggest %s); %+v", got.Verdict, got.Suggested, tc.verdict, tc.suggest, got)
			}
		})
	}
}

func TestPassage(t *testing.T) {
	doc := "Title | |\nOn 29 November 2024, rebels entered Aleppo. [24] [a] The city fell. [ better source needed ]\nNext paragraph."
	start := strings.Index(doc, "rebels entered")
	got := Passage(doc, start, start+len("rebels entered Aleppo."))
	want := "On 29 November 2024, rebels entered Aleppo. The city fell."
	if got != want {
		t.Errorf("Passage = %q, want %q", got, want)
	}
	if Passage(doc, -1, 3) != "" || Passage(doc, 5, 2) != "" {
		t.Error("Passage accepted a bad range")
	}
}
