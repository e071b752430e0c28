// Package quiz is factdeck's domain: documents, the facts read from them, the
// cards generated from those facts and the errors every layer shares. It
// imports nothing of the application; extraction (quiz/facts), generation
// (quiz/gen) and scheduling (quiz/srs) live in subpackages.
package quiz

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
)

// Sentinel errors mapped to HTTP statuses by the server.
var (
	// ErrNotFound means the thing asked for does not exist (or is not the caller's).
	ErrNotFound = errors.New("not found")
	// ErrConflict means the change clashes with the current state.
	ErrConflict = errors.New("conflict")
)

// ValidationError carries one message per invalid field.
type ValidationError struct {
	Fields map[string]string
}

// Error lists the field messages in a stable order.
func (e *ValidationError) Error() string {
	keys := make([]string, 0, len(e.Fields))
	for k := range e.Fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s: %s", k, e.Fields[k]))
	}
	return "invalid input: " + strings.Join(parts, "; ")
}

// Invalid builds a ValidationError for a single field.
func Invalid(field, msg string) *ValidationError {
	return &ValidationError{Fields: map[string]string{field: msg}}
}

// Document is one stored version of a source text.
type Document struct {
	ID        int64
	Slug      string // stable name across versions, e.g. the seed file name
	Version   int
	Title     string
	Hash      string // hex SHA-256 of Body
	Body      string
	Topics    []string // display names of the topics it covers
	Source    string   // "seed" or "upload"
	CreatedAt time.Time
}

// Size is the document's length in bytes.
func (d Document) Size() int { return len(d.Body) }

// TitleOf guesses a document's title from its text: the first cell of the
// first non-empty line (the title row of an encyclopedia dump), or that
// line itself for plain prose, cut to a readable length.
func TitleOf(body string) string {
	for _, line := range strings.Split(body, "\n") {
		line = strings.TrimSpace(line)
		if i := strings.Index(line, "|"); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		if line == "" || strings.Trim(line, "-|: ") == "" {
			continue
		}
		if r := []rune(line); len(r) > 80 {
			line = strings.TrimSpace(string(r[:80])) + "…"
		}
		return line
	}
	return "Untitled document"
}
