// Package teach is the pure domain of teachers' work: checking an uploaded
// document, the review statuses of generated cards and their filters, a
// teacher's edits, class codes and the order of a question set.
package teach

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/factdeck/factdeck/quiz"
)

// Limits of uploads and of what one teacher may keep (docs/teacher.md).
const (
	MaxDocumentBytes = 2 << 20  // one document
	MaxDocuments     = 20       // documents per teacher
	MaxTotalBytes    = 10 << 20 // all of a teacher's documents together
)

// ErrTooLarge is an upload over MaxDocumentBytes (HTTP 413).
var ErrTooLarge = errors.New("teach: document too large")

// ErrBinary is an upload that is not text: NUL bytes or other control
// characters that text files do not have (HTTP 415).
var ErrBinary = errors.New("teach: not a text file")

// CheckText validates an uploaded or pasted document. It returns
// ErrTooLarge, ErrBinary or a *quiz.ValidationError on field "text" that
// says what is wrong (invalid UTF-8, empty); the text is returned with
// Windows line ends normalised.
func CheckText(b []byte) (string, error) {
	if len(b) > MaxDocumentBytes {
		return "", ErrTooLarge
	}
	if bytes.IndexByte(b, 0) >= 0 || binaryControls(b) {
		return "", ErrBinary
	}
	if !utf8.Valid(b) {
		return "", quiz.Invalid("text", invalidUTF8(b))
	}
	s := strings.ReplaceAll(string(b), "\r\n", "\n")
	s = strings.TrimPrefix(s, "\uFEFF")
	if strings.TrimSpace(s) == "" {
		if len(b) == 0 {
			return "", quiz.Invalid("text", "The document is empty: paste some text or choose a .txt or .md file.")
		}
		return "", quiz.Invalid("text", "The document has only spaces and line breaks: there is no text to make questions from.")
	}
	return s, nil
}

// binaryControls reports control characters other than tab, line feed,
// carriage return and form feed among the first 8 KB: a sign of a binary
// file (an image, a PDF, a Word document) rather than text.
func binaryControls(b []byte) bool {
	n := 0
	for _, c := range b[:min(len(b), 8192)] {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
			n++
		}
	}
	return n > 0
}

func invalidUTF8(b []byte) string {
	line := 1
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return fmt.Sprintf("The text is not valid UTF-8 (line %d, byte %d). Save the file as UTF-8 and upload it again.", line, i+1)
		}
		if r == '\n' {
			line++
		}
		i += size
	}
	return "The text is not valid UTF-8. Save the file as UTF-8 and upload it again."
}

// AllowedName reports whether an uploaded file's name has an extension
// factdeck reads as text.
func AllowedName(name string) bool {
	n := strings.ToLower(name)
	return strings.HasSuffix(n, ".txt") || strings.HasSuffix(n, ".md") || strings.HasSuffix(n, ".markdown")
}

// Title is a short title for a document: the one given, else its first
// non-empty line, cut to 120 characters.
func Title(given, text string) string {
	t := strings.TrimSpace(given)
	if t == "" {
		for _, line := range strings.Split(text, "\n") {
			if line = strings.TrimSpace(strings.TrimLeft(line, "# ")); line != "" {
				t = line
				break
			}
		}
	}
	if r := []rune(t); len(r) > 120 {
		t = strings.TrimRightFunc(string(r[:120]), unicode.IsSpace) + "…"
	}
	return t
}

// Quota is what a teacher already keeps.
type Quota struct {
	Documents int
	Bytes     int
}

// CheckQuota says whether a document of n bytes fits in a teacher's quota;
// the error is a *quiz.ValidationError on field "text".
func CheckQuota(q Quota, n int) error {
	if q.Documents >= MaxDocuments {
		return quiz.Invalid("text", fmt.Sprintf("You already have %d documents, the most a teacher can keep.", MaxDocuments))
	}
	if q.Bytes+n > MaxTotalBytes {
		return quiz.Invalid("text", fmt.Sprintf("This document would take your documents over %d MB in total.", MaxTotalBytes>>20))
	}
	return nil
}
