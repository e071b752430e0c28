package quiz

import (
	"encoding/json"
	"fmt"
)

// FactKind names what a fact says. The values are the `kind` field of
// `factdeck facts --format json`.
type FactKind string

// Fact kinds.
const (
	KindDate        FactKind = "date"        // a dated event, or the infobox date
	KindBelligerent FactKind = "belligerent" // a side's combatant (infobox)
	KindCommander   FactKind = "commander"   // a side's commander or leader
	KindUnit        FactKind = "unit"        // a unit involved, per side
	KindStrength    FactKind = "strength"    // a side's strength
	KindCasualties  FactKind = "casualties"  // losses, per side or overall
	KindOutcome     FactKind = "outcome"     // a result, capture or fall
	KindLocation    FactKind = "location"    // where it happened; geography
	KindCodename    FactKind = "codename"    // an operation's code name
	KindAlias       FactKind = "alias"       // another name of the topic
	KindMembership  FactKind = "membership"  // joined, allied with, part of a group
	KindPerson      FactKind = "person"      // a person and their role
	KindDefinition  FactKind = "definition"  // "X is a/one of …"
	KindCount       FactKind = "count"       // a number with what it counts
	KindPartOf      FactKind = "part_of"     // the larger conflict or campaign
)

// Entity is the type of a named value.
type Entity string

// Entity types.
const (
	EntityGroup     Entity = "group"
	EntityState     Entity = "state"
	EntityPerson    Entity = "person"
	EntityPlace     Entity = "place"
	EntityOperation Entity = "operation"
	EntityDate      Entity = "date"
	EntityNumber    Entity = "number"
	EntityPhrase    Entity = "phrase" // an outcome or definition phrase, not a name
)

// Precision says how much of a Date is known.
type Precision int

// Date precisions, coarsest first.
const (
	PrecisionNone Precision = iota
	PrecisionYear
	PrecisionMonth
	PrecisionDay
)

// Date is a calendar date known to a precision: Month and Day are zero when
// unknown. It is not a time.Time because "November 2024" is a span, not a day.
type Date struct {
	Year  int
	Month int
	Day   int
}

// Precision reports how much of d is known.
func (d Date) Precision() Precision {
	switch {
	case d.Year == 0:
		return PrecisionNone
	case d.Month == 0:
		return PrecisionYear
	case d.Day == 0:
		return PrecisionMonth
	}
	return PrecisionDay
}

// IsZero reports whether d holds no date.
func (d Date) IsZero() bool { return d.Year == 0 }

// ISO formats d in ISO 8601 to its precision: 2024-11-29, 2024-11 or 2024.
func (d Date) ISO() string {
	switch d.Precision() {
	case PrecisionYear:
		return fmt.Sprintf("%04d", d.Year)
	case PrecisionMonth:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	case PrecisionDay:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	}
	return ""
}

// Before orders dates by their earliest possible day.
func (d Date) Before(o Date) bool {
	if d.Year != o.Year {
		return d.Year < o.Year
	}
	if d.Month != o.Month {
		return d.Month < o.Month
	}
	return d.Day < o.Day
}

// DateRange is a single date (End zero) or a span such as
// "27 November – 8 December 2024".
type DateRange struct {
	Start Date
	End   Date
}

// IsZero reports whether r holds no date.
func (r DateRange) IsZero() bool { return r.Start.IsZero() }

// MarshalJSON writes "2024-11-29" for a single date and
// {"start":"2024-11-27","end":"2024-12-08"} for a range.
func (r DateRange) MarshalJSON() ([]byte, error) {
	if r.End.IsZero() {
		return json.Marshal(r.Start.ISO())
	}
	return json.Marshal(struct {
		Start string `json:"start"`
		End   string `json:"end"`
	}{r.Start.ISO(), r.End.ISO()})
}

// Topic is the subject a paragraph (or the whole article) is about.
type Topic struct {
	ID      string    // stable within the document, e.g. "aleppo-offensive-2016-06"
	Name    string    // display name, disambiguated: "Aleppo offensive (June–August 2016)"
	Base    string    // the name as the text gives it: "Aleppo offensive"
	Aliases []string  // "also known as" names and acronyms: "HTS", "Tahrir al-Sham"
	Main    bool      // the article the document is about (its title row)
	Date    DateRange // when, if known: used to tell same-named topics apart
	Start   int       // byte range in the original document of the text about it
	End     int
}

// Fact is one typed statement read from a document, citing its source by
// byte offsets into the original (uncleaned) text.
type Fact struct {
	Kind    FactKind   `json:"kind"`
	Topic   string     `json:"topic"`              // the topic's display name
	TopicID string     `json:"topic_id,omitempty"` // Topic.ID
	Side    int        `json:"side,omitempty"`     // 1-based infobox side; 0 when none
	Value   string     `json:"value"`              // a single name, a count with its noun, a phrase
	Entity  Entity     `json:"entity,omitempty"`   // the type of Value
	Date    *DateRange `json:"date,omitempty"`     // when the fact happened, if known
	Text    string     `json:"text"`               // verbatim source sentence or infobox cell
	Start   int        `json:"start"`              // byte offsets of Text in the original document
	End     int        `json:"end"`

	// Optional detail that generators use to word questions.
	Subject string  `json:"subject,omitempty"` // who or what did it, when not the topic ("Tahrir al-Sham")
	Event   string  `json:"event,omitempty"`   // a clean predicate for dated events: "entered Aleppo"
	Number  float64 `json:"number,omitempty"`  // for counts, casualties, strength
	Noun    string  `json:"noun,omitempty"`    // what a count counts: "civilians killed"
	Role    string  `json:"role,omitempty"`    // a person's role, a label ("Support")
	Span    [2]int  `json:"span,omitzero"`     // byte offsets of Value inside the original document, when it occurs verbatim
}

// Extraction is everything read from one document.
type Extraction struct {
	Title  string  // the main article's title
	Topics []Topic // main topic first, then in document order
	Facts  []Fact  // in document order
}
