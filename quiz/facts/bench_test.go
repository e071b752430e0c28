package facts

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// benchText builds a document of about n bytes by repeating corpus prose
// after the seed's infobox.
func benchText(b *testing.B, n int) string {
	b.Helper()
	var sb strings.Builder
	sb.WriteString(seedDoc(b))
	paths, _ := filepath.Glob("testdata/corpus/wikipedia/*.body.txt")
	for sb.Len() < n {
		for _, p := range paths {
			t, err := os.ReadFile(p)
			if err != nil {
				b.Fatal(err)
			}
			sb.Write(t)
			sb.WriteByte('\n')
		}
	}
	s := sb.String()
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func BenchmarkExtract(b *testing.B) {
	for _, n := range []int{1 << 10, 16 << 10, 256 << 10, 1 << 20} {
		doc := benchText(b, n)
		b.Run(fmt.Sprintf("%dKB", n>>10), func(b *testing.B) {
			b.SetBytes(int64(len(doc)))
			for b.Loop() {
				if _, err := Extract(doc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
