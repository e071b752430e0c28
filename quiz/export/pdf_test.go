package export

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"
	"unicode"

	"github.com/factdeck/factdeck/quiz"
)

// TestPDFChecksWithQpdfAndPdftotext checks the worksheet's structure with
// qpdf and its text with pdftotext: every question's words, every
// non-ASCII character, the answer key and the page numbers.
func TestPDFChecksWithQpdfAndPdftotext(t *testing.T) {
	needTool(t, "qpdf")
	needTool(t, "pdftotext")
	for _, set := range allSets(t) {
		t.Run(set.Name, func(t *testing.T) {
			p := exportFile(t, "pdf", set, "set")
			if out, err := exec.Command("qpdf", "--check", p).CombinedOutput(); err != nil {
				t.Fatalf("qpdf --check: %v\n%s", err, out)
			}
			out, err := exec.Command("pdftotext", "-enc", "UTF-8", p, "-").Output()
			if err != nil {
				t.Fatalf("pdftotext: %v", err)
			}
			text := squash(string(out))
			for i, c := range set.Cards {
				checkPDFText(t, text, i+1, c)
			}
			if !strings.Contains(text, "Answer key") || !strings.Contains(text, "page 1 of") {
				t.Error("no answer key or page numbers")
			}
		})
	}
}

// squash joins the words of pdftotext's output with single spaces.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// checkPDFText looks for a card's prompt, source and every non-ASCII
// character of them in the extracted text.
func checkPDFText(t *testing.T, text string, n int, c quiz.Card) {
	t.Helper()
	if !strings.Contains(text, squash(printable(c.Prompt))) {
		t.Errorf("question %d (%s) missing: %q", n, c.ID, c.Prompt)
	}
	if !strings.Contains(text, squash(printable(c.Source.Text))) {
		t.Errorf("source of %d (%s) missing", n, c.ID)
	}
	for _, r := range printable(c.Prompt + c.Source.Text + strings.Join(c.Choices, "")) {
		if r > unicode.MaxASCII && !unicode.IsSpace(r) && !strings.ContainsRune(text, r) {
			t.Errorf("%s: character %q (U+%04X) lost", c.ID, r, r)
		}
	}
}

// TestFontCoversDocuments checks the embedded font has a glyph for every
// character of the seed and corpus cards, so nothing prints as a box.
func TestFontCoversDocuments(t *testing.T) {
	f, err := loadFont()
	if err != nil {
		t.Fatal(err)
	}
	for _, set := range docSets(t) {
		for _, c := range set.Cards {
			for _, r := range printable(c.Prompt + c.Answer + c.Source.Text + strings.Join(c.Choices, "") + c.Explanation) {
				if _, ok := f.cmap[r]; !ok && !unicode.IsSpace(r) && !unicode.IsControl(r) {
					t.Errorf("%s: no glyph for %q (U+%04X)", c.ID, r, r)
				}
			}
		}
	}
}

// TestQpdfCanFail makes sure the structural check can fail: a worksheet
// with its cross-reference table cut off must not pass.
func TestQpdfCanFail(t *testing.T) {
	needTool(t, "qpdf")
	p := exportFile(t, "pdf", handSet(), "set")
	b, _ := os.ReadFile(p)
	i := bytes.LastIndex(b, []byte("endstream"))
	os.WriteFile(p, append(b[:i-20:i-20], []byte("garbage")...), 0o644)
	if err := exec.Command("qpdf", "--check", p).Run(); err == nil {
		t.Fatal("qpdf --check accepted a truncated PDF")
	}
}
