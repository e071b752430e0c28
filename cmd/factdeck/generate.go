package main

import (
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/factdeck/factdeck/quiz"
	"github.com/factdeck/factdeck/quiz/facts"
	"github.com/factdeck/factdeck/quiz/gen"
	"github.com/factdeck/factdeck/seeds"
)

// runGenerate prints the cards generated from each FILE. Distractors come
// from the same document first, then from the other files and the shipped
// seed documents.
func runGenerate(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlagSet("generate", stderr)
	format := fs.String("format", "text", "json or text")
	all := fs.Bool("all", false, "include cards held for a teacher's review (low quality score)")
	if done, err := parseFlags(fs, args); done || err != nil {
		return err
	}
	if *format != "json" && *format != "text" {
		fmt.Fprintf(stderr, "factdeck generate: --format must be json or text, not %q\n", *format)
		return errUsage
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "factdeck generate: name at least one FILE (or - for stdin)")
		return errUsage
	}
	docs, err := loadDocs(fs.Args(), stdin)
	if err != nil {
		return err
	}
	seedDocs, err := loadSeedDocs()
	if err != nil {
		return err
	}
	opts := gen.DefaultOptions()
	opts.DropHeld = !*all
	var cards []quiz.Card
	for i, d := range docs {
		cards = append(cards, gen.Generate(d, otherDocs(docs, seedDocs, i), opts)...)
	}
	if *format == "json" {
		return gen.WriteJSON(stdout, cards)
	}
	return gen.WriteText(stdout, cards)
}

// loadDocs reads and extracts each named document.
func loadDocs(names []string, stdin io.Reader) ([]gen.Doc, error) {
	var docs []gen.Doc
	for _, name := range names {
		body, err := readInput(name, stdin)
		if err != nil {
			return nil, err
		}
		d, err := extractDoc(docID(name), body)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// loadSeedDocs extracts the embedded seed documents.
func loadSeedDocs() ([]gen.Doc, error) {
	var docs []gen.Doc
	for _, name := range seeds.Names() {
		body, err := fs.ReadFile(seeds.FS(), name)
		if err != nil {
			return nil, err
		}
		d, err := extractDoc(strings.TrimSuffix(name, ".txt"), string(body))
		if err != nil {
			return nil, fmt.Errorf("seed %s: %w", name, err)
		}
		docs = append(docs, d)
	}
	return docs, nil
}

func extractDoc(id, body string) (gen.Doc, error) {
	ex, err := facts.Extract(body)
	if err != nil {
		return gen.Doc{}, err
	}
	return gen.Doc{ID: id, Text: body, Extraction: ex}, nil
}

// otherDocs is every document but docs[i], for distractors; a seed equal to
// docs[i] is left out so that a document is not its own "other".
func otherDocs(docs, seedDocs []gen.Doc, i int) []gen.Doc {
	var out []gen.Doc
	for j, d := range docs {
		if j != i {
			out = append(out, d)
		}
	}
	for _, s := range seedDocs {
		if s.Text != docs[i].Text {
			out = append(out, s)
		}
	}
	return out
}

// docID names a document read from a file by its base name.
func docID(name string) string {
	if name == "-" {
		return "stdin"
	}
	return strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
}
