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
	seed := strings.ReplaceAll(seedDoc(t), "\n", " ")
	doc := strings.Repeat(seed, 10<<20/len(seed)+1)
	x, err := Extract(doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(x.Facts) == 0 {
		t.Fatal("no facts from a 10 MB line")
	}
}

// TestPathologicalLinear guards against scans that are quadratic in a
// sentence's length: one long sentence of dates, names, dots and pipes.
func TestPathologicalLinear(t *testing.T) {
	for _, unit := range []string{"in 2012 ", "X (ABC) ", "a.", "bordering Turkey ", "Gen. Ali Hassan and ", "| A B [1] ", "Flag.svg "} {
		doc := "T\nBelligerents | " + strings.Repeat(unit, 200000/len(unit)) + " |\n\n" + strings.Repeat(unit, 400000/len(unit))
		start := time.Now()
		if _, err := Extract(doc); err != nil {
			t.Fatal(err)
		}
		if d := time.Since(start); d > 3*time.Second {
			t.Errorf("%q: %v for %d bytes", unit, d, len(doc))
		}
	}
}
