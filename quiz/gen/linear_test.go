//go:build unix

package gen

import (
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/factdeck/factdeck/quiz/facts"
)

// sizedDoc builds a document of about size bytes from the corpus articles,
// as BenchmarkGenerateSize does.
func sizedDoc(t testing.TB, size int) Doc {
	t.Helper()
	var all strings.Builder
	for _, p := range corpusPaths(t) {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		all.Write(b)
		all.WriteString("\n")
	}
	text := all.String()
	for len(text) < size {
		text += all.String()
	}
	text = text[:size]
	if i := strings.LastIndexByte(text, '\n'); i > 0 {
		text = text[:i+1]
	}
	x, err := facts.Extract(text)
	if err != nil {
		t.Fatal(err)
	}
	return Doc{ID: "sized", Text: text, Extraction: x}
}

// cpuTime is the process's user and system CPU time.
func cpuTime(t *testing.T) time.Duration {
	t.Helper()
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Skipf("getrusage: %v", err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestGenerateLinear checks that generation time grows with the document's
// size, not faster: an 8× larger document may take at most 16× the CPU time
// (reading the whole text before every name made 1 MB take 29 s against 1.1 s).
// CPU time, not wall time, so that a busy machine does not fail it.
func TestGenerateLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("sizes up to 512 KB")
	}
	small, large := sizedDoc(t, 64<<10), sizedDoc(t, 512<<10)
	measure := func(d Doc, n int) time.Duration {
		start := cpuTime(t)
		for range n {
			Generate(d, nil, DefaultOptions())
		}
		return (cpuTime(t) - start) / time.Duration(n)
	}
	measure(small, 1) // warm up
	ts, tl := measure(small, 4), measure(large, 1)
	t.Logf("64 KB: %v, 512 KB: %v (%.1f×)", ts, tl, float64(tl)/float64(ts))
	if tl > 16*ts {
		t.Errorf("512 KB took %v, %.1f× the 64 KB document's %v: not linear", tl, float64(tl)/float64(ts), ts)
	}
}
