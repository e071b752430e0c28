package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/factdeck/factdeck/quiz/export"
)

// TestSetPageExportsPassThirdPartyParsers publishes a set from the seed
// and from three corpus articles, downloads every format from the set page
// and hands each file to a parser of its target ecosystem: gift-pegjs,
// anki-reader, exceljs (npm), xmllint against the QTI 1.2.1 DTD and the
// QTI 2.1 XSD, qpdf and pdftotext (Debian). The encoders' output is checked
// field by field in quiz/export; here the files are the set page's.
func TestSetPageExportsPassThirdPartyParsers(t *testing.T) {
	tools := exportTools(t)
	a := newTestApp(t)
	a.signup(t, "teacher1", url.Values{"teacher": {"1"}})
	docs := map[string]string{"seed": seedText(t)}
	corpus, _ := filepath.Glob(filepath.Join("..", "..", "quiz", "facts", "testdata", "corpus", "wikipedia", "*.dump.txt"))
	if len(corpus) < 3 {
		t.Fatalf("corpus missing (%d dumps)", len(corpus))
	}
	for _, p := range corpus[:3] {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		docs[filepath.Base(p)] = string(b)
	}
	for name, text := range docs {
		t.Run(name, func(t *testing.T) {
			set := publishedSet(t, a, name, text)
			for _, format := range export.Formats {
				res, body := a.get(t, set+"/export/"+format)
				if res.StatusCode != http.StatusOK {
					t.Errorf("%s: status %d", format, res.StatusCode)
					continue
				}
				path := filepath.Join(t.TempDir(), "set"+export.Infos[format].Ext)
				if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
					t.Fatal(err)
				}
				start := time.Now()
				err := tools.check(t, format, path)
				t.Logf("%s: %d bytes checked in %v", format, len(body), time.Since(start).Round(time.Millisecond))
				if err != nil {
					t.Errorf("%s: %v", format, err)
				}
			}
		})
	}
}

// publishedSet uploads text, approves every card and makes a set of them.
func publishedSet(t *testing.T, a *testApp, title, text string) string {
	t.Helper()
	res, body := a.uploadForm(t, title, text, "", nil)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("upload %s: %d\n%s", title, res.StatusCode, body)
	}
	queue := res.Header.Get("Location")
	if res, _ := a.post(t, queue+"/bulk", url.Values{}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("bulk approve: %d", res.StatusCode)
	}
	doc := strings.TrimSuffix(strings.TrimPrefix(queue, "/teach/documents/"), "/cards")
	res, body = a.post(t, "/teach/sets/new", url.Values{"doc": {doc}, "name": {title}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("create set: %d\n%s", res.StatusCode, body)
	}
	return res.Header.Get("Location")
}

// exportChecker runs the third-party parsers installed by scripts/test.
type exportChecker struct{ js, schemas string }

func exportTools(t *testing.T) exportChecker {
	t.Helper()
	js, _ := filepath.Abs(filepath.Join("..", "..", "quiz", "export", "testdata", "js"))
	schemas, _ := filepath.Abs(filepath.Join("..", "..", "quiz", "export", "testdata", "schemas"))
	for _, tool := range []string{"node", "xmllint", "qpdf", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			if requireTools() {
				t.Fatalf("%s not installed (scripts/deps/apt.txt)", tool)
			}
			t.Skipf("%s not installed; run scripts/test", tool)
		}
	}
	if _, err := os.Stat(filepath.Join(js, "node_modules")); err != nil {
		if requireTools() {
			t.Fatal("quiz/export/testdata/js/node_modules missing (scripts/deps/npm.txt)")
		}
		t.Skip("npm checkers not installed; run scripts/test")
	}
	return exportChecker{js: js, schemas: schemas}
}

func run1(dir, name string, args ...string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		return out, &toolError{name: name, out: string(out), err: err}
	}
	return out, nil
}

type toolError struct {
	name, out string
	err       error
}

func (e *toolError) Error() string {
	if len(e.out) > 2000 {
		e.out = e.out[:2000]
	}
	return e.name + ": " + e.err.Error() + "\n" + e.out
}

func (c exportChecker) check(t *testing.T, format, path string) error {
	switch format {
	case "gift":
		return c.nodeJSON(path, "gift.js", func(b []byte) bool { var v []any; return json.Unmarshal(b, &v) == nil && len(v) > 0 })
	case "apkg":
		return c.nodeJSON(path, "apkg.mjs", func(b []byte) bool {
			var v struct{ Decks []struct{ Cards []any } }
			return json.Unmarshal(b, &v) == nil && len(v.Decks) > 0 && len(v.Decks[len(v.Decks)-1].Cards)+len(v.Decks[0].Cards) > 0
		})
	case "kahoot":
		return c.nodeJSON(path, "xlsx.js", func(b []byte) bool {
			var v struct{ Sheets []any }
			return json.Unmarshal(b, &v) == nil && len(v.Sheets) > 0
		})
	case "qti12":
		return c.zipXML(t, path, func(dir, n string) []string {
			if strings.HasSuffix(n, ".xml") && n != "imsmanifest.xml" && !strings.HasSuffix(n, "assessment_meta.xml") {
				return []string{"--dtdvalid", filepath.Join(c.schemas, "qti12", "qti12-ns.dtd")}
			}
			return []string{}
		})
	case "qti21":
		return c.zipXML(t, path, func(dir, n string) []string {
			if strings.HasPrefix(n, "items/") {
				return []string{"--schema", filepath.Join(c.schemas, "qtisdk", "qtiv2p1", "imsqti_v2p1.xsd")}
			}
			if n == "imsmanifest.xml" {
				return []string{"--schema", filepath.Join(c.schemas, "qtisdk", "imscp_v1p1.xsd")}
			}
			return nil
		})
	case "moodle-xml":
		_, err := run1(".", "xmllint", "--nonet", "--noout", path)
		return err
	case "pdf":
		if _, err := run1(".", "qpdf", "--check", path); err != nil {
			return err
		}
		out, err := run1(".", "pdftotext", path, "-")
		if err == nil && !strings.Contains(string(out), "Answer key") && len(bytes.TrimSpace(out)) < 100 {
			return &toolError{name: "pdftotext", out: string(out), err: io.ErrUnexpectedEOF}
		}
		return err
	case "csv", "blooket", "gimkit":
		return readCSV(path, ',')
	case "anki-txt": // Anki's text importer reads it as CSV with a tab separator
		return readCSV(path, '\t')
	case "quizlet": // Quizlet splits on the tab and the newline; quotes are text
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
			if strings.Count(line, "\t") != 1 {
				return &toolError{name: "quizlet", out: fmt.Sprintf("line %d: %q", i+1, line), err: io.ErrUnexpectedEOF}
			}
		}
		return nil
	case "json":
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		_, err = export.ReadJSON(f)
		return err
	}
	t.Fatalf("no check for format %s", format)
	return nil
}

func (c exportChecker) nodeJSON(path, script string, ok func([]byte) bool) error {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "node", filepath.Join(c.js, script), path)
	cmd.Dir = c.js
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return &toolError{name: script, out: stderr.String(), err: err}
	}
	if !ok(out) {
		return &toolError{name: script, out: string(out), err: io.ErrUnexpectedEOF}
	}
	return nil
}

// zipXML unpacks a package and validates its XML entries, grouped by the
// xmllint arguments args gives each (nil: not checked; empty: well-formed
// only), one xmllint run per group so a schema is loaded once.
func (c exportChecker) zipXML(t *testing.T, path string, args func(dir, name string) []string) error {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return err
	}
	defer zr.Close()
	dir := t.TempDir()
	groups := map[string][]string{}
	for _, f := range zr.File {
		a := args(dir, f.Name)
		if a == nil || !strings.HasSuffix(f.Name, ".xml") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return err
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		_ = os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return err
		}
		key := strings.Join(a, "\x00")
		groups[key] = append(groups[key], p)
	}
	if len(groups) == 0 {
		return &toolError{name: "zip", out: "no XML checked", err: io.ErrUnexpectedEOF}
	}
	for key, files := range groups {
		a := []string{"--nonet", "--noout"}
		if key != "" {
			a = append(a, strings.Split(key, "\x00")...)
		}
		if _, err := run1(dir, "xmllint", append(a, files...)...); err != nil {
			return err
		}
	}
	return nil
}

func readCSV(path string, sep rune) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma, r.FieldsPerRecord, r.LazyQuotes, r.Comment = sep, -1, false, '#'
	recs, err := r.ReadAll()
	if err == nil && len(recs) == 0 {
		return io.ErrUnexpectedEOF
	}
	return err
}
