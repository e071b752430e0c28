package anki

import (
	"archive/zip"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/factdeck/factdeck/quiz"
	"github.com/factdeck/factdeck/quiz/export"
	"github.com/factdeck/factdeck/quiz/facts"
	"github.com/factdeck/factdeck/quiz/gen"
)

var t1 = time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC)

// handSet has a basic and a cloze card with text Anki must keep.
func handSet() export.Set {
	src := quiz.Source{Doc: "doc", Text: "On 6 June 1982, Israel invaded Lebanon — Ḥamāh “中文”."}
	return export.Set{Name: "Lebanon 1982", Time: t1, Cards: []quiz.Card{
		{ID: "c-mcq", Kind: quiz.CardMCQ, Topic: "Lebanon War", Prompt: "Who invaded Lebanon? <b>&", Answer: "Israel",
			Choices: []string{"Syria", "Israel"}, Correct: 1, Explanation: "Israel.", Source: src},
		{ID: "c-cloze", Kind: quiz.CardCloze, Topic: "Lebanon War", Prompt: "On _____, Israel invaded Lebanon.",
			Answer: "6 June 1982", Explanation: "6 June 1982.", Source: src},
		{ID: "c-typed", Kind: quiz.CardTyped, Topic: "Lebanon War", Prompt: "Who led the PLO?", Answer: "Yasser Arafat",
			Accept: []string{"Arafat"}, Source: src},
	}}
}

// docSets generates cards from the seed document and three corpus articles.
func docSets(t *testing.T) []export.Set {
	t.Helper()
	paths := []string{"../../seeds/000_c72ea8b0ae7302a1.txt"}
	m, _ := filepath.Glob("../../quiz/facts/testdata/corpus/wikipedia/*.dump.txt")
	if len(m) < 3 {
		t.Fatal("corpus articles missing")
	}
	var sets []export.Set
	for _, p := range append(paths, m[:3]...) {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		x, err := facts.Extract(string(b))
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(p), ".txt")
		cards := gen.Generate(gen.Doc{ID: name, Text: string(b), Extraction: x}, nil, gen.DefaultOptions())
		sets = append(sets, export.Set{Name: name, Cards: cards, Time: t1})
	}
	return sets
}

// writeAPKG exports set and returns the .apkg path.
func writeAPKG(t *testing.T, set export.Set) string {
	t.Helper()
	var b bytes.Buffer
	if err := (export.Exporter{Apkg: Write}).Write(&b, "apkg", set); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "set.apkg")
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// openCollection unzips an .apkg and opens its collection, checking the
// media map on the way.
func openCollection(t *testing.T, apkg string) *sql.DB {
	t.Helper()
	zr, err := zip.OpenReader(apkg)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	dir := t.TempDir()
	found := map[string]bool{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		var b bytes.Buffer
		b.ReadFrom(rc)
		rc.Close()
		found[f.Name] = true
		if f.Name == "media" && b.String() != "{}" {
			t.Errorf("media = %q", b.String())
		}
		os.WriteFile(filepath.Join(dir, f.Name), b.Bytes(), 0o644)
	}
	if !found["collection.anki2"] || !found["media"] {
		t.Fatalf("apkg holds %v", found)
	}
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, "collection.anki2")+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// note is one row of notes.
type note struct {
	id, mid, mod, csum int64
	guid, flds         string
}

func notes(t *testing.T, db *sql.DB) map[string]note {
	t.Helper()
	rows, err := db.QueryContext(context.Background(), `SELECT id, guid, mid, mod, flds, csum FROM notes`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]note{}
	for rows.Next() {
		var n note
		if err := rows.Scan(&n.id, &n.guid, &n.mid, &n.mod, &n.flds, &n.csum); err != nil {
			t.Fatal(err)
		}
		if _, dup := out[n.guid]; dup {
			t.Errorf("duplicate guid %s", n.guid)
		}
		out[n.guid] = n
	}
	return out
}

// needReader skips (or fails under FACTDECK_REQUIRE_TOOLS=1) without node
// and the installed anki-reader.
func needReader(t *testing.T) string {
	t.Helper()
	dir, _ := filepath.Abs("../../quiz/export/testdata/js")
	_, errNode := exec.LookPath("node")
	_, errMods := os.Stat(filepath.Join(dir, "node_modules", "anki-reader"))
	if errNode != nil || errMods != nil {
		if os.Getenv("FACTDECK_REQUIRE_TOOLS") == "1" {
			t.Fatal("node or anki-reader missing (scripts/deps/npm.txt)")
		}
		t.Skip("node or anki-reader missing")
	}
	return dir
}

// readerCards reads an .apkg with anki-reader and returns each card's note
// fields by deck name.
func readerCards(t *testing.T, apkg string) map[string][][]string {
	t.Helper()
	dir := needReader(t)
	cmd := exec.Command("node", filepath.Join(dir, "apkg.mjs"), apkg)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	b, err := cmd.Output()
	if err != nil {
		t.Fatalf("anki-reader: %v\n%s", err, stderr.String())
	}
	var out struct {
		Decks []struct {
			Name  string `json:"name"`
			Cards []struct {
				Fields []string `json:"fields"`
			} `json:"cards"`
		} `json:"decks"`
	}
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	got := map[string][][]string{}
	for _, d := range out.Decks {
		for _, c := range d.Cards {
			got[d.Name] = append(got[d.Name], c.Fields)
		}
	}
	return got
}
