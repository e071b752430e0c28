package quiz

// CardKind names a kind of question. The values are the `kind` field of
// `factdeck generate --format json`.
type CardKind string

// Card kinds.
const (
	CardMCQ       CardKind = "mcq"
	CardCloze     CardKind = "cloze"
	CardTyped     CardKind = "typed"
	CardTrueFalse CardKind = "truefalse"
	CardOrder     CardKind = "order"
	CardMatch     CardKind = "match"
)

// Source cites where a card's fact was read.
type Source struct {
	Doc   string `json:"doc"`   // document slug or id
	Text  string `json:"text"`  // verbatim source sentence or infobox cell
	Start int    `json:"start"` // byte offsets of Text in the document
	End   int    `json:"end"`
}

// Item is one element of an ordering (Left only, with its date in Right) or
// matching (Left ↔ Right) card.
type Item struct {
	Left  string `json:"left"`
	Right string `json:"right,omitempty"`
}

// Card is one generated question.
type Card struct {
	ID          string   `json:"id"` // stable: derived from the document and the fact, not the wording
	Kind        CardKind `json:"kind"`
	Topic       string   `json:"topic"`
	TopicID     string   `json:"topic_id,omitempty"`
	FactKind    FactKind `json:"fact_kind,omitempty"`
	Prompt      string   `json:"prompt"`
	Answer      string   `json:"answer"`                // human-readable for every kind
	Choices     []string `json:"choices,omitempty"`     // mcq and truefalse, shuffled
	Correct     int      `json:"correct"`               // index of the right choice (mcq, truefalse)
	Items       []Item   `json:"items,omitempty"`       // order: in the right order; match: true pairs
	Accept      []string `json:"accept,omitempty"`      // typed: other accepted answers (aliases)
	Explanation string   `json:"explanation"`           // quotes the source sentence and names the topic
	Score       float64  `json:"score"`                 // quality in [0,1]; below the threshold held for review
	Held        bool     `json:"held,omitempty"`        // scored below the threshold: shown only after a teacher's review
	AnswerType  string   `json:"answer_type,omitempty"` // typed and cloze: "date", "number" or "name", for lenient checking
	FactKey     string   `json:"fact_key,omitempty"`    // the fact's identity without its sentence: same key, new id = stale card
	Source      Source   `json:"source"`
}
