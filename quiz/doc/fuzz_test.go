package doc

import (
	"path/filepath"
	"testing"
)

// FuzzParse checks that Parse never panics and that every piece it returns
// is a non-empty, ordered range of the input showing no citation marker.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("../../seeds/*.txt")
	corpus, _ := filepath.Glob("../facts/testdata/corpus/wikipedia/*.dump.txt")
	for _, p := range append(files, corpus[:min(4, len(corpus))]...) {
		f.Add(readFile(f, p))
	}
	f.Add("T | |\n---|---|\nPart of x |\nBelligerents |\na [1] | b [c] |\n")
	f.Add("[1]\n[ citation needed ]|\n| | |\nx.")
	f.Add("A\n|\nDate |")
	f.Fuzz(func(t *testing.T, text string) {
		d := Parse(text)
		checkInvariants(t, text, d)
		sh := Shade(d.Pieces(), []Recall{{Start: len(text) / 2}, {Start: -1}, {Start: len(text) + 5}}, 0.9)
		if len(sh) != len(d.Pieces()) {
			t.Fatalf("shade %d pieces of %d", len(sh), len(d.Pieces()))
		}
	})
}
