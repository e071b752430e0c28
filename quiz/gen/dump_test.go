package gen

import (
	"os"
	"testing"
)

// TestDumpSeed writes every seed card (shown and held) as text when
// GEN_DUMP names a file: for reading the whole output while tuning.
func TestDumpSeed(t *testing.T) {
	out := os.Getenv("GEN_DUMP")
	if out == "" {
		t.Skip("set GEN_DUMP=file to write every seed card")
	}
	seed := loadDoc(t, seedPath)
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := WriteText(f, Generate(seed, loadCorpus(t), DefaultOptions())); err != nil {
		t.Fatal(err)
	}
}

// TestDumpCorpus writes every shown corpus card as text when
// GEN_DUMP_CORPUS names a file: for comparing the output of two versions
// of the generators card by card.
func TestDumpCorpus(t *testing.T) {
	out := os.Getenv("GEN_DUMP_CORPUS")
	if out == "" {
		t.Skip("set GEN_DUMP_CORPUS=file to write every shown corpus card")
	}
	seed := loadDoc(t, seedPath)
	corpus := loadCorpus(t)
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, shown := range shownCorpus(seed, corpus) {
		if err := WriteText(f, shown); err != nil {
			t.Fatal(err)
		}
	}
}
