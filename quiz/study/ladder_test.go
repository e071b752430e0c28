package study

import (
	"slices"
	"testing"

	"github.com/factdeck/factdeck/quiz"
)

func TestRungs(t *testing.T) {
	card := func(fact string, k quiz.CardKind, held bool) quiz.Card {
		return quiz.Card{FactKey: fact, Kind: k, Held: held}
	}
	cards := []quiz.Card{
		card("a", quiz.CardTyped, false),
		card("a", quiz.CardMCQ, false),
		card("a", quiz.CardCloze, false),
		card("a", quiz.CardTrueFalse, false), // a second recognition card shares rung 0
		card("b", quiz.CardCloze, false),     // b has no recognition card: its cloze is the bottom
		card("b", quiz.CardTyped, false),
		card("c", quiz.CardMCQ, true), // held: not servable, so c's cloze is the bottom
		card("c", quiz.CardCloze, false),
		card("", quiz.CardTyped, false), // no fact: alone
		card("d", quiz.CardTyped, false),
	}
	want := []int{2, 0, 1, 0, 0, 1, 0, 0, 0, 0}
	if got := Rungs(cards); !slices.Equal(got, want) {
		t.Errorf("Rungs = %v, want %v", got, want)
	}
}

func TestUnlockAt(t *testing.T) {
	if UnlockAt(1) >= UnlockAt(2) {
		t.Errorf("the typed rung must need more stability than the cloze rung: %v, %v", UnlockAt(1), UnlockAt(2))
	}
	if UnlockAt(5) != UnlockAt(2) {
		t.Errorf("rungs above the table use its last entry")
	}
}
