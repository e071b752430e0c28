package facts

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/factdeck/factdeck/quiz"
)

// seedDoc is the shipped seed document.
func seedDoc(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile("../../seeds/000_c72ea8b0ae7302a1.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// checkOffsets fails when a fact does not cite its source verbatim.
func checkOffsets(t testing.TB, doc string, x quiz.Extraction) {
	t.Helper()
	for _, f := range x.Facts {
		if f.Start < 0 || f.End > len(doc) || f.Start > f.End || doc[f.Start:f.End] != f.Text {
			t.Fatalf("fact %q: text not at [%d,%d)", f.Value, f.Start, f.End)
		}
		if f.Span != [2]int{} && (f.Span[0] < f.Start || f.Span[1] > f.End || doc[f.Span[0]:f.Span[1]] != f.Value) {
			t.Fatalf("fact %q: span %v not verbatim", f.Value, f.Span)
		}
		if f.Topic == "" || f.TopicID == "" {
			t.Fatalf("fact %q has no topic", f.Value)
		}
	}
}

func TestExtractErrors(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want error
	}{
		{"nul", "abc\x00def", ErrBinary},
		{"invalid utf8", "abc\xff\xfe", ErrInvalidUTF8},
		{"empty", "", nil},
		{"whitespace", " \n\t\n", nil},
		{"pipes", "|||\n| | |\n", nil},
		{"brackets", "[[[ ]]] [a] [1]", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x, err := Extract(tt.doc)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if err == nil {
				checkOffsets(t, tt.doc, x)
			}
		})
	}
}

func TestExtractSeedKeyFacts(t *testing.T) {
	doc := seedDoc(t)
	x, err := Extract(doc)
	if err != nil {
		t.Fatal(err)
	}
	checkOffsets(t, doc, x)
	if x.Title != "Battle of Aleppo (2024)" {
		t.Errorf("title = %q", x.Title)
	}
	want := []struct {
		kind  quiz.FactKind
		side  int
		value string
		date  string
	}{
		{quiz.KindBelligerent, 2, "Russia", ""},
		{quiz.KindBelligerent, 2, "Iran", ""},
		{quiz.KindBelligerent, 1, "Syrian Interim Government", ""},
		{quiz.KindUnit, 1, "Ajnad al-Kavkaz", ""},
		{quiz.KindCasualties, 0, "22 civilians killed", ""},
		{quiz.KindDate, 0, "29 November 2024", "2024-11-29"},
		{quiz.KindDate, 0, "December 5", "2024-12-05"},
		{quiz.KindDate, 0, "28 November", "2024-11-28"},
	}
	for _, w := range want {
		found := false
		for _, f := range x.Facts {
			if f.Kind == w.kind && f.Side == w.side && f.Value == w.value && (w.date == "" || f.Date != nil && f.Date.Start.ISO() == w.date) {
				found = true
			}
		}
		if !found {
			t.Errorf("missing %s side %d %q %s", w.kind, w.side, w.value, w.date)
		}
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"Lt. Col. Smith attacked. Gen. Lee withdrew.", 2},
		{"It received U.S.-made missiles. Then it left.", 2},
		{"Hama fell on December 5. The rebels advanced.", 2},
		{"A.P. Hill's division arrived. Robert E. Lee fought.", 2},
		{`He said "we won." They left.`, 2},
	}
	for _, tt := range tests {
		if got := sentences(tt.in); len(got) != tt.want {
			var parts []string
			for _, s := range got {
				parts = append(parts, tt.in[s[0]:s[1]])
			}
			t.Errorf("sentences(%q) = %q", tt.in, strings.Join(parts, " || "))
		}
	}
}
