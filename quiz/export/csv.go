package export

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/factdeck/factdeck/quiz"
)

// csvHeader is the first row of factdeck's own CSV. List-valued columns
// (choices, items, accept) hold JSON arrays so that any text survives.
var csvHeader = []string{
	"id", "kind", "topic", "topic_id", "fact_kind", "prompt", "answer", "choices", "correct",
	"items", "accept", "explanation", "score", "held", "answer_type", "fact_key",
	"source_doc", "source_text", "source_start", "source_end",
}

// CSV writes factdeck's own CSV: a header row, then one card a row with
// every field of quiz.Card. ReadCSV reads it back. Cells that a spreadsheet
// would run as a formula are neutralised (see Neutralise).
func CSV(w io.Writer, set Set) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	for _, c := range set.Cards {
		row, err := cardRow(c)
		if err != nil {
			return err
		}
		if err := writeSafe(cw, row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// cardRow lays a card out in csvHeader's order.
func cardRow(c quiz.Card) ([]string, error) {
	lists := make([]string, 3)
	for i, v := range []any{c.Choices, c.Items, c.Accept} {
		if isEmptyList(v) {
			continue
		}
		b, err := json.Marshal(v)
		if err != nil {
			return nil, err
		}
		lists[i] = string(b)
	}
	return []string{
		c.ID, string(c.Kind), c.Topic, c.TopicID, string(c.FactKind), c.Prompt, c.Answer,
		lists[0], strconv.Itoa(c.Correct), lists[1], lists[2], c.Explanation,
		strconv.FormatFloat(c.Score, 'g', -1, 64), strconv.FormatBool(c.Held), c.AnswerType, c.FactKey,
		c.Source.Doc, c.Source.Text, strconv.Itoa(c.Source.Start), strconv.Itoa(c.Source.End),
	}, nil
}

func isEmptyList(v any) bool {
	switch l := v.(type) {
	case []string:
		return len(l) == 0
	case []quiz.Item:
		return len(l) == 0
	}
	return false
}

// ReadCSV reads cards written by CSV. Columns are found by their header, so
// a spreadsheet that reordered or added columns still reads.
func ReadCSV(r io.Reader) ([]quiz.Card, error) {
	cr := csv.NewReader(r)
	rows, err := cr.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("export: read csv: %w", err)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("export: read csv: no header row")
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[strings.TrimSpace(h)] = i
	}
	for _, need := range []string{"id", "kind", "prompt", "answer"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("export: read csv: no %q column", need)
		}
	}
	cards := make([]quiz.Card, 0, len(rows)-1)
	for n, row := range rows[1:] {
		get := func(name string) string {
			if i, ok := col[name]; ok && i < len(row) {
				return Unneutralise(row[i])
			}
			return ""
		}
		c, err := rowCard(get)
		if err != nil {
			return nil, fmt.Errorf("export: read csv: row %d: %w", n+2, err)
		}
		cards = append(cards, c)
	}
	return cards, nil
}

// rowCard builds a card from the named cells of one row.
func rowCard(get func(string) string) (quiz.Card, error) {
	c := quiz.Card{
		ID: get("id"), Kind: quiz.CardKind(get("kind")), Topic: get("topic"), TopicID: get("topic_id"),
		FactKind: quiz.FactKind(get("fact_kind")), Prompt: get("prompt"), Answer: get("answer"),
		Explanation: get("explanation"), AnswerType: get("answer_type"), FactKey: get("fact_key"),
		Source: quiz.Source{Doc: get("source_doc"), Text: get("source_text")},
	}
	var err error
	ints := []struct {
		name string
		dst  *int
	}{{"correct", &c.Correct}, {"source_start", &c.Source.Start}, {"source_end", &c.Source.End}}
	for _, f := range ints {
		if s := get(f.name); s != "" {
			if *f.dst, err = strconv.Atoi(s); err != nil {
				return c, fmt.Errorf("%s: %w", f.name, err)
			}
		}
	}
	if s := get("score"); s != "" {
		if c.Score, err = strconv.ParseFloat(s, 64); err != nil {
			return c, fmt.Errorf("score: %w", err)
		}
	}
	c.Held = get("held") == "true"
	lists := []struct {
		name string
		dst  any
	}{{"choices", &c.Choices}, {"items", &c.Items}, {"accept", &c.Accept}}
	for _, l := range lists {
		if s := get(l.name); s != "" {
			if err := json.Unmarshal([]byte(s), l.dst); err != nil {
				return c, fmt.Errorf("%s: %w", l.name, err)
			}
		}
	}
	return c, nil
}

// formulaStart reports whether a spreadsheet would read a cell beginning
// with s[0] as a formula (OWASP's CSV injection list).
func formulaStart(s string) bool {
	return s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0]))
}

// Neutralise makes a cell safe to open in a spreadsheet: a cell that starts
// with = + - @, a tab or a carriage return gets a leading apostrophe, which
// spreadsheets read as "this is text". A cell that already starts with
// apostrophes before such a character gets one more, so that Unneutralise
// restores every cell exactly.
func Neutralise(s string) string {
	if formulaStart(strings.TrimLeft(s, "'")) {
		return "'" + s
	}
	return s
}

// Unneutralise undoes Neutralise.
func Unneutralise(s string) string {
	if strings.HasPrefix(s, "'") && formulaStart(strings.TrimLeft(s, "'")) {
		return s[1:]
	}
	return s
}

// writeSafe writes one row with every cell neutralised.
func writeSafe(cw *csv.Writer, row []string) error {
	safe := make([]string, len(row))
	for i, s := range row {
		safe[i] = Neutralise(s)
	}
	return cw.Write(safe)
}
