package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/factdeck/factdeck/quiz"
	"github.com/factdeck/factdeck/quiz/facts"
)

// maxInput bounds a document read on the command line.
const maxInput = 64 << 20

// runFacts prints the facts of each FILE ("-" for stdin).
func runFacts(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlagSet("facts", stderr)
	format := fs.String("format", "table", "json or table")
	if done, err := parseFlags(fs, args); done || err != nil {
		return err
	}
	if *format != "json" && *format != "table" {
		fmt.Fprintf(stderr, "factdeck facts: --format must be json or table, not %q\n", *format)
		return errUsage
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "factdeck facts: name at least one FILE (or - for stdin)")
		return errUsage
	}
	for _, name := range fs.Args() {
		body, err := readInput(name, stdin)
		if err != nil {
			return err
		}
		ex, err := facts.Extract(body)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if err := writeFacts(stdout, *format, ex.Facts); err != nil {
			return err
		}
	}
	return nil
}

// readInput reads a document from a file or stdin and refuses what is not
// text, so every command gives the same clear error for bad input.
func readInput(name string, stdin io.Reader) (string, error) {
	var r io.Reader = stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return "", err
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, maxInput+1))
	if err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	if len(b) > maxInput {
		return "", fmt.Errorf("%s: larger than %d MB", name, maxInput>>20)
	}
	if !utf8.Valid(b) {
		return "", fmt.Errorf("%s: not valid UTF-8 text", name)
	}
	if strings.IndexByte(string(b), 0) >= 0 {
		return "", fmt.Errorf("%s: binary data (NUL bytes), not text", name)
	}
	return string(b), nil
}

func writeFacts(w io.Writer, format string, fs []quiz.Fact) error {
	if format == "json" {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, f := range fs {
			if err := enc.Encode(f); err != nil {
				return err
			}
		}
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "KIND\tSIDE\tTOPIC\tVALUE\tDATE\tSTART")
	for _, f := range fs {
		side, date := "", ""
		if f.Side > 0 {
			side = fmt.Sprint(f.Side)
		}
		if f.Date != nil {
			b, _ := json.Marshal(f.Date)
			date = strings.Trim(string(b), `"`)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\n", f.Kind, side, clip(f.Topic, 40), clip(f.Value, 60), date, f.Start)
	}
	return tw.Flush()
}

func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
