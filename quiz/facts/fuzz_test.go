package facts

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func FuzzExtract(f *testing.F) {
	f.Add("")
	f.Add("   \n\t \r\n")
	f.Add("|||||\n| | |\n---|---|\n")
	f.Add("[[[ ]]] [a] [1] [ citation needed ] ]]]")
	f.Add("\x00\x01\x02binary")
	f.Add("bad \xff\xfe utf8")
	f.Add("Title\nPart of X\nBelligerents | A B [1] C | D |\n\nOn 5 May 2020, X entered Y.")
	f.Add(seedDoc(f))
	f.Fuzz(func(t *testing.T, doc string) {
		x, err := Extract(doc)
		if err != nil {
			return
		}
		checkOffsets(t, doc, x)
		y, _ := Extract(doc)
		if !reflect.DeepEqual(x, y) {
			t.Fatal("not deterministic")
		}
	})
}

func TestLongLine(t *testing.T) {
	size := 10 << 20
	if raceEnabled {
		size = 2 << 20 // the race detector makes Extract about ten times slower
	}
	seed := strings.ReplaceAll(seedDoc(t), "\n", " ")
	doc := strings.Repeat(seed, size/len(seed)+1)
	x, err := Extract(doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(x.Facts) == 0 {
		t.Fatalf("no facts from a %d MB line", size>>20)
	}
}

// TestPathologicalLinear guards against scans that are quadratic in a
// sentence's length: one long sentence of dates, names, dots and pipes.
// It compares a document with one eight times smaller, measured in the same
// run, so the verdict holds on a slow or loaded machine: linear work takes
// about 8 times as long, quadratic work 64 times.
func TestPathologicalLinear(t *testing.T) {
	size := 600000
	if raceEnabled {
		size = 120000
	}
	for _, unit := range []string{"in 2012 ", "X (ABC) ", "a.", "bordering Turkey ", "Gen. Ali Hassan and ", "| A B [1] ", "Flag.svg "} {
		// A quadratic scan is 64× slower every time; a busy machine makes
		// one measurement look bad now and then, so a unit fails only when
		// three measurements in a row exceed the bound.
		var ratios []float64
		for len(ratios) < 3 {
			small := extractTime(t, pathological(unit, size/8))
			big := extractTime(t, pathological(unit, size))
			ratio := float64(big) / float64(small)
			if ratio <= 24 {
				break
			}
			ratios = append(ratios, ratio)
		}
		if len(ratios) == 3 {
			t.Errorf("%q: %d bytes took %.0f× as long as %d bytes (linear is about 8×)", unit, size, ratios, size/8)
		}
	}
}

func pathological(unit string, size int) string {
	return "T\nBelligerents | " + strings.Repeat(unit, size/3/len(unit)) + " |\n\n" + strings.Repeat(unit, 2*size/3/len(unit))
}

// extractTime is the fastest of three runs, to shed scheduling noise.
func extractTime(t *testing.T, doc string) time.Duration {
	t.Helper()
	best := time.Duration(1 << 62)
	for i := 0; i < 3; i++ {
		start := time.Now()
		if _, err := Extract(doc); err != nil {
			t.Fatal(err)
		}
		best = min(best, time.Since(start))
	}
	return best
}
