package export

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/factdeck/factdeck/quiz"
)

// jsonDoc is the JSON layout: the generator's {"cards":[…]} (docs/cards.md)
// with the set's name and description beside it.
type jsonDoc struct {
	Name        string      `json:"name,omitempty"`
	Description string      `json:"description,omitempty"`
	Cards       []quiz.Card `json:"cards"`
}

// JSON writes {"name":…, "description":…, "cards":[…]} with every card in
// quiz.Card's JSON schema, indented. ReadJSON reads it back, and so does
// anything that reads the generator's JSON.
func JSON(w io.Writer, set Set) error {
	cards := set.Cards
	if cards == nil {
		cards = []quiz.Card{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(jsonDoc{Name: set.Name, Description: set.Description, Cards: cards})
}

// ReadJSON reads a set written by JSON (or the generator's {"cards":[…]}).
// Unknown fields are ignored so that newer exports still read.
func ReadJSON(r io.Reader) (Set, error) {
	var doc jsonDoc
	if err := json.NewDecoder(r).Decode(&doc); err != nil {
		return Set{}, fmt.Errorf("export: read json: %w", err)
	}
	if doc.Cards == nil {
		return Set{}, fmt.Errorf("export: read json: no \"cards\" array")
	}
	return Set{Name: doc.Name, Description: doc.Description, Cards: doc.Cards}, nil
}
