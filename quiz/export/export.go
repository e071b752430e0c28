// Package export writes a set of study cards in the formats of the tools
// teachers and students already use: Anki, Moodle, Canvas and other QTI
// platforms, Kahoot, Blooket, Gimkit, Quizlet, a printable PDF worksheet, and
// factdeck's own CSV and JSON (which ReadCSV and ReadJSON read back).
//
// Every encoder is pure: the same set gives the same bytes. The Anki package
// (.apkg) needs SQLite, which the domain may not import, so it lives in
// store/anki and is handed in through Exporter.Apkg.
package export

import (
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/factdeck/factdeck/quiz"
)

// Set is what is exported: a named, ordered list of cards.
type Set struct {
	Name        string
	Description string
	Cards       []quiz.Card
	// Time is when the export was made; formats that record a modification
	// time (apkg) use it. The zero time means "unknown" and is written as
	// the Unix epoch by pure encoders.
	Time time.Time
	// Modified optionally gives a card's last edit by card ID; a card not in
	// it counts as modified at Time. Anki updates a note on re-import only
	// when its modification time is newer.
	Modified map[string]time.Time
}

// Encoder writes a set in one format.
type Encoder func(w io.Writer, set Set) error

// ErrUnknownFormat is returned by Write for a format not in Formats.
var ErrUnknownFormat = errors.New("export: unknown format")

// ErrUnavailable is returned for a format whose encoder was not wired in
// (apkg without Exporter.Apkg).
var ErrUnavailable = errors.New("export: format not available in this build")

// Formats names every format, in the order a menu should show them.
var Formats = []string{
	"apkg", "anki-txt", "gift", "moodle-xml", "qti12", "qti21", "kahoot",
	"blooket", "gimkit", "quizlet", "pdf", "csv", "json",
}

// Info describes a format for a download: its file extension and media type.
type Info struct {
	Ext      string // with the dot
	MimeType string
}

// Infos gives the file extension and media type of every format.
var Infos = map[string]Info{
	"apkg":       {".apkg", "application/apkg"},
	"anki-txt":   {".txt", "text/plain; charset=utf-8"},
	"gift":       {".gift.txt", "text/plain; charset=utf-8"},
	"moodle-xml": {".xml", "application/xml"},
	"qti12":      {".qti12.zip", "application/zip"},
	"qti21":      {".qti21.zip", "application/zip"},
	"kahoot":     {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
	"blooket":    {".blooket.csv", "text/csv; charset=utf-8"},
	"gimkit":     {".gimkit.csv", "text/csv; charset=utf-8"},
	"quizlet":    {".quizlet.txt", "text/plain; charset=utf-8"},
	"pdf":        {".pdf", "application/pdf"},
	"csv":        {".csv", "text/csv; charset=utf-8"},
	"json":       {".json", "application/json"},
}

// Exporter writes sets in any format. The zero value writes every format
// except apkg; the command wires Apkg with store/anki's writer.
type Exporter struct {
	Apkg Encoder
}

// Write writes set to w in the named format.
func (e Exporter) Write(w io.Writer, format string, set Set) error {
	enc, ok := encoders[format]
	if format == "apkg" {
		enc, ok = e.Apkg, e.Apkg != nil
		if !ok {
			return fmt.Errorf("%w: apkg", ErrUnavailable)
		}
	}
	if !ok {
		return fmt.Errorf("%w %q", ErrUnknownFormat, format)
	}
	return enc(w, set)
}

// Write writes set to w in the named format with the zero Exporter (no apkg).
func Write(w io.Writer, format string, set Set) error {
	return Exporter{}.Write(w, format, set)
}

// encoders holds the pure encoders; apkg is wired through Exporter.
var encoders = map[string]Encoder{
	"anki-txt":   AnkiText,
	"gift":       GIFT,
	"moodle-xml": MoodleXML,
	"qti12":      QTI12,
	"qti21":      QTI21,
	"kahoot":     Kahoot,
	"blooket":    Blooket,
	"gimkit":     Gimkit,
	"quizlet":    Quizlet,
	"pdf":        PDF,
	"csv":        CSV,
	"json":       JSON,
}
