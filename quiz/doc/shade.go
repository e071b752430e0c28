package doc

import "sort"

// Level is how well a learner knows a piece of the document, from its cards.
type Level int

// Levels, weakest first; LevelNone marks a piece no card cites.
const (
	LevelNone   Level = iota
	LevelNew          // a card not yet studied
	LevelWeak         // retrievability well below the learner's desired retention
	LevelFading       // retrievability below desired retention, by less than fadingBand
	LevelKnown        // retrievability at or above desired retention
)

// fadingBand is how far below the desired retention a card still counts
// as fading rather than weak.
const fadingBand = 0.2

// Recall is a learner's memory of one card, placed by its source offset.
type Recall struct {
	CardID string
	Start  int     // the card's Source.Start
	Seen   bool    // reviewed at least once
	R      float64 // retrievability now; ignored when !Seen
	// Learning and Relearning say the card is in a learning step. Just
	// after an answer its retrievability is near 1 whatever the answer was,
	// so a card still being learned is at best fading, and one forgotten
	// and being relearned is weak, until it graduates again.
	Learning, Relearning bool
}

// LevelOf grades one card against the learner's desired retention.
func LevelOf(r Recall, desired float64) Level {
	switch {
	case !r.Seen:
		return LevelNew
	case r.Relearning:
		return LevelWeak
	case r.Learning:
		return min(LevelFading, levelOfR(r.R, desired))
	}
	return levelOfR(r.R, desired)
}

func levelOfR(r, desired float64) Level {
	switch {
	case r >= desired:
		return LevelKnown
	case r >= desired-fadingBand:
		return LevelFading
	}
	return LevelWeak
}

// Shading is what the read page shows of one piece: its level and the
// anchors (distinct card source starts) that land in it.
type Shading struct {
	Level   Level
	Anchors []int // ascending
	Cards   int
}

// Shade places every card on the piece its source starts in and gives each
// piece the minimum level of its cards, a new card counting lowest: a
// sentence is only as known as its least-known fact, so one forgotten
// fact keeps the sentence marked (a mean would let three known facts hide
// it). pieces must be sorted by Start (as Document.Pieces returns them).
func Shade(pieces []Piece, recalls []Recall, desired float64) []Shading {
	out := make([]Shading, len(pieces))
	anchors := make([]map[int]bool, len(pieces))
	for _, r := range recalls {
		k := Locate(pieces, r.Start)
		if k < 0 {
			k = 0
		}
		if k >= len(pieces) {
			continue
		}
		lv := LevelOf(r, desired)
		if out[k].Cards == 0 || lv < out[k].Level {
			out[k].Level = lv
		}
		out[k].Cards++
		if anchors[k] == nil {
			anchors[k] = map[int]bool{}
		}
		if !anchors[k][r.Start] {
			anchors[k][r.Start] = true
			out[k].Anchors = append(out[k].Anchors, r.Start)
		}
	}
	for k := range out {
		sort.Ints(out[k].Anchors)
	}
	return out
}

// Weak returns the ids of the cards the learner does not know yet: new,
// weak or fading, in the order given.
func Weak(recalls []Recall, desired float64) []string {
	var out []string
	for _, r := range recalls {
		if LevelOf(r, desired) < LevelKnown {
			out = append(out, r.CardID)
		}
	}
	return out
}
