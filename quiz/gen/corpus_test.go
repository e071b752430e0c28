package gen

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/factdeck/factdeck/quiz/facts"
)

// corpusDir is the evaluation corpus the fact engineer copied into testdata.
const corpusDir = "../facts/testdata/corpus"

// seedPath is the shipped seed document.
const seedPath = "../../seeds/000_c72ea8b0ae7302a1.txt"

// loadDoc reads and extracts one document.
func loadDoc(t testing.TB, path string) Doc {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	x, err := facts.Extract(string(b))
	if err != nil {
		t.Fatalf("extract %s: %v", path, err)
	}
	return Doc{ID: strings.TrimSuffix(filepath.Base(path), ".txt"), Text: string(b), Extraction: x}
}

// corpusPaths lists the corpus documents: the Wikipedia dumps and both
// American Civil War texts per battle.
func corpusPaths(t testing.TB) []string {
	t.Helper()
	var out []string
	for _, pat := range []string{"wikipedia/*.dump.txt", "acw/*.nps.txt", "acw/*.wiki_lead.txt"} {
		m, _ := filepath.Glob(filepath.Join(corpusDir, pat))
		out = append(out, m...)
	}
	if len(out) == 0 {
		t.Fatalf("no corpus documents under %s", corpusDir)
	}
	sort.Strings(out)
	return out
}

// loadCorpus extracts every corpus document.
func loadCorpus(t testing.TB) []Doc {
	t.Helper()
	var docs []Doc
	for _, p := range corpusPaths(t) {
		docs = append(docs, loadDoc(t, p))
	}
	return docs
}
