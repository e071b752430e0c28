package gen

import (
	"testing"

	"github.com/factdeck/factdeck/quiz"
)

func TestCheckTyped(t *testing.T) {
	hts := quiz.Card{Kind: quiz.CardTyped, Answer: "Hayat Tahrir al-Sham", Accept: []string{"HTS", "Tahrir al-Sham"}, AnswerType: "name"}
	date := quiz.Card{Kind: quiz.CardTyped, Answer: "29 November 2024", AnswerType: "date"}
	hama := quiz.Card{Kind: quiz.CardTyped, Answer: "5 December 2024", AnswerType: "date"}
	num := quiz.Card{Kind: quiz.CardTyped, Answer: "100,000", AnswerType: "number"}
	bab := quiz.Card{Kind: quiz.CardTyped, Answer: "al-Bab", AnswerType: "name"}
	tests := []struct {
		name   string
		card   quiz.Card
		answer string
		want   Grade
	}{
		{"alias acronym", hts, "HTS", Exact},
		{"alias short name", hts, "tahrir al sham", Exact},
		{"full name", hts, "Hayat Tahrir al-Sham", Exact},
		{"apostrophe variant", hts, "Hay'at Tahrir al-Sham", Exact},
		{"typo", hts, "Hayat Tahrir al-Shan", Close},
		{"other group", hts, "Ahrar al-Sham", Wrong},
		{"date dmy", date, "29 November 2024", Exact},
		{"date mdy abbreviated", date, "Nov 29, 2024", Exact},
		{"date iso", date, "2024-11-29", Exact},
		{"date unambiguous numeric", date, "29/11/2024", Exact},
		{"date wrong day", date, "28 November 2024", Wrong},
		{"date ambiguous", hama, "05/12/2024", Hint},
		{"date lower case month", hama, "5 december 2024", Exact},
		{"number without separator", num, "100000", Exact},
		{"number with separator", num, "100,000", Exact},
		{"number with noun", num, "about 100,000 residents", Exact},
		{"number wrong", num, "10,000", Wrong},
		{"al variants", bab, "Al Bab", Exact},
		{"al capital hyphen", bab, "Al-Bab", Exact},
		{"leading the", quiz.Card{Answer: "Citadel of Aleppo"}, "the citadel of aleppo", Exact},
		{"accents", quiz.Card{Answer: "Zekai Aksakallı"}, "Zekai Aksakalli", Exact},
		{"punctuation", quiz.Card{Answer: "Operation Dawn of Victory"}, "operation dawn of victory!", Exact},
		{"short word typo is wrong", quiz.Card{Answer: "Iran"}, "Iraq", Wrong},
		{"one typo in a short name", quiz.Card{Answer: "Saraqib"}, "Saraqeb", Close},
		{"empty", hts, "  ", Wrong},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := CheckTyped(tt.card, tt.answer)
			if got.Grade != tt.want {
				t.Errorf("CheckTyped(%q, %q) = %v, want %v", tt.card.Answer, tt.answer, got, tt.want)
			}
			if got.Grade == Hint && got.Message == "" {
				t.Error("a hint needs a message")
			}
		})
	}
}

func TestOrderCredit(t *testing.T) {
	c := quiz.Card{Kind: quiz.CardOrder, Items: []quiz.Item{{Left: "a"}, {Left: "b"}, {Left: "c"}, {Left: "d"}}}
	tests := []struct {
		given []string
		want  float64
	}{
		{[]string{"a", "b", "c", "d"}, 1},
		{[]string{"d", "c", "b", "a"}, 0},
		{[]string{"b", "a", "c", "d"}, 5.0 / 6},
		{[]string{"a", "c", "b", "d"}, 5.0 / 6},
	}
	for _, tt := range tests {
		if got := OrderCredit(c, tt.given); got != tt.want {
			t.Errorf("OrderCredit(%v) = %v, want %v", tt.given, got, tt.want)
		}
	}
}

func TestEditDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{{"", "", 0}, {"abc", "", 3}, {"kitten", "sitting", 3}, {"aleppo", "alepo", 1}} {
		if got := editDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestCheckTypedYearlessBlank(t *testing.T) {
	c := quiz.Card{Kind: quiz.CardCloze, Answer: "28 November", AnswerType: "date"}
	for _, a := range []string{"28 November", "28 November 2024", "Nov 28, 2024"} {
		if got := CheckTyped(c, a); got.Grade != Exact {
			t.Errorf("CheckTyped(%q) = %v, want exact", a, got)
		}
	}
}
