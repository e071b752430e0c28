package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/factdeck/factdeck/quiz"
)

// GUID is a card's Anki note GUID. It depends only on the card ID, so an
// updated export re-imports as an update of the same note.
func GUID(c quiz.Card) string { return "fd" + hashOf("factdeck-note:" + c.ID)[:14] }

// DeckName is the Anki deck a set goes to.
func DeckName(set Set) string {
	name := flat(set.Name)
	if name == "" {
		return "factdeck"
	}
	return name
}

// AnkiFields are a card's note fields in Anki's HTML: for a cloze card the
// cloze text and the extra (answer, explanation, source); for any other card
// front, back and source. cloze reports which note type they belong to.
func AnkiFields(c quiz.Card) (fields []string, cloze bool) {
	src := htmlLines(sourceLine(c))
	if text, ok := clozeText(c); ok {
		extra := htmlLines(c.Explanation)
		if extra == "" {
			extra = htmlLines(c.Answer)
		}
		return []string{text, extra, src}, true
	}
	back := "<b>" + htmlLines(answer(c)) + "</b>"
	if alts := accepted(c)[1:]; len(alts) > 0 {
		back += "<br>Also accepted: " + htmlLines(strings.Join(alts, "; "))
	}
	if c.Explanation != "" {
		back += "<br><br>" + htmlLines(c.Explanation)
	}
	return []string{htmlLines(question(c)), back, src}, false
}

// Anki's stock note types, present in every profile, used by the text
// format (the apkg brings its own).
const (
	ankiBasic = "Basic"
	ankiCloze = "Cloze"
)

// AnkiText writes Anki's plain-text import format: tab-separated, HTML
// fields, with the GUID, note type and deck in columns named by the file
// headers, so that a re-import updates notes. Cards go to the stock "Basic"
// (Front, Back: the source is appended to the back) and "Cloze" (Text,
// Back Extra) note types; the topic is a tag.
func AnkiText(w io.Writer, set Set) error {
	head := "#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\n#tags column:6\n"
	if _, err := io.WriteString(w, head); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Comma = '\t'
	deck := DeckName(set)
	for _, c := range set.Cards {
		f, cloze := AnkiFields(c)
		nt := ankiBasic
		if cloze {
			nt = ankiCloze
		}
		second := f[1]
		if f[2] != "" {
			second += "<br><br><small>" + f[2] + "</small>"
		}
		row := []string{GUID(c), nt, deck, f[0], second, Tag(c)}
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("export: anki text: %w", err)
		}
	}
	cw.Flush()
	return cw.Error()
}

// Tag is a card's Anki tag: its topic id (or topic) without spaces.
func Tag(c quiz.Card) string {
	t := c.TopicID
	if t == "" {
		t = c.Topic
	}
	return strings.Join(strings.Fields(t), "_")
}
