package gen

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/factdeck/factdeck/quiz/facts"
)

// BenchmarkGenerateSeed times generation (not extraction) for the seed
// with the corpus as distractor source.
func BenchmarkGenerateSeed(b *testing.B) {
	d := loadDoc(b, seedPath)
	others := loadCorpus(b)
	b.ResetTimer()
	for b.Loop() {
		Generate(d, others, DefaultOptions())
	}
}

// BenchmarkGenerateSize times generation over documents of 16 KB to 1 MB
// made of corpus articles, to show time linear in size (compare ns/byte).
func BenchmarkGenerateSize(b *testing.B) {
	var all strings.Builder
	for _, p := range corpusPaths(b) {
		t, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		all.Write(t)
		all.WriteString("\n")
	}
	src := all.String()
	for _, size := range []int{16 << 10, 64 << 10, 256 << 10, 1 << 20} {
		text := src
		for len(text) < size {
			text += src
		}
		text = text[:size]
		if i := strings.LastIndexByte(text, '\n'); i > 0 {
			text = text[:i+1]
		}
		x, err := facts.Extract(text)
		if err != nil {
			b.Fatal(err)
		}
		d := Doc{ID: "bench", Text: text, Extraction: x}
		b.Run(fmt.Sprintf("%dKB", size>>10), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				Generate(d, nil, DefaultOptions())
			}
		})
	}
}

// BenchmarkExtractSeed times fact extraction of the seed: a baseline
// measured in the same run, so that BenchmarkGenerateSeed can be read
// against it on a loaded machine.
func BenchmarkExtractSeed(b *testing.B) {
	d := loadDoc(b, seedPath)
	for b.Loop() {
		if _, err := facts.Extract(d.Text); err != nil {
			b.Fatal(err)
		}
	}
}
