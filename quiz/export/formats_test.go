package export

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/factdeck/factdeck/quiz"
)

// TestRoundTrip writes CSV and JSON and reads them back unchanged.
func TestRoundTrip(t *testing.T) {
	for _, set := range allSets(t) {
		t.Run(set.Name, func(t *testing.T) {
			var b bytes.Buffer
			if err := Write(&b, "csv", set); err != nil {
				t.Fatal(err)
			}
			got, err := ReadCSV(&b)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(nilEmpty(got), nilEmpty(set.Cards)) {
				t.Errorf("csv round trip differs:\n got %+v\nwant %+v", got[:1], set.Cards[:1])
			}
			b.Reset()
			if err := Write(&b, "json", set); err != nil {
				t.Fatal(err)
			}
			back, err := ReadJSON(&b)
			if err != nil {
				t.Fatal(err)
			}
			if back.Name != set.Name || !reflect.DeepEqual(nilEmpty(back.Cards), nilEmpty(set.Cards)) {
				t.Error("json round trip differs")
			}
		})
	}
}

// nilEmpty makes empty lists nil so that JSON's omitempty compares equal.
func nilEmpty(cs []quiz.Card) []quiz.Card {
	out := make([]quiz.Card, len(cs))
	for i, c := range cs {
		if len(c.Choices) == 0 {
			c.Choices = nil
		}
		if len(c.Items) == 0 {
			c.Items = nil
		}
		if len(c.Accept) == 0 {
			c.Accept = nil
		}
		out[i] = c
	}
	return out
}

func TestNeutralise(t *testing.T) {
	for _, s := range []string{"=SUM(A1)", "+1", "-2", "@x", "\tx", "\rx", "'=x", "''-x", "'plain", "plain", "", "a=b"} {
		n := Neutralise(s)
		if formulaStart(n) {
			t.Errorf("Neutralise(%q) = %q still starts a formula", s, n)
		}
		if got := Unneutralise(n); got != s {
			t.Errorf("Unneutralise(Neutralise(%q)) = %q", s, got)
		}
	}
	if Neutralise("plain") != "plain" || Neutralise("'plain") != "'plain" {
		t.Error("Neutralise changed a safe cell")
	}
}

// TestSpreadsheetCellsAreSafe reads every CSV export with encoding/csv and
// checks that no cell would run as a formula.
func TestSpreadsheetCellsAreSafe(t *testing.T) {
	set := handSet()
	for _, f := range []string{"csv", "blooket", "gimkit"} {
		var b bytes.Buffer
		if err := Write(&b, f, set); err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(&b).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		found := false
		for _, row := range rows {
			for _, cell := range row {
				if formulaStart(cell) {
					t.Errorf("%s: cell %q starts a formula", f, cell)
				}
				found = found || strings.Contains(cell, "'=SUM(A1)")
			}
		}
		if !found && f != "csv" { // csv holds choices as a JSON array
			t.Errorf("%s: the =SUM choice is missing", f)
		}
	}
}

// TestClassroomTemplates checks the Blooket, Gimkit and Quizlet layouts.
func TestClassroomTemplates(t *testing.T) {
	set := handSet()
	var b bytes.Buffer
	Write(&b, "blooket", set)
	rows, _ := csv.NewReader(&b).ReadAll()
	if len(rows) != 2+3 || rows[1][0] != "Question #" || rows[2][7] != "2" || rows[2][1] != set.Cards[0].Prompt {
		t.Errorf("blooket rows: %q", rows)
	}
	b.Reset()
	Write(&b, "gimkit", set)
	rows, _ = csv.NewReader(&b).ReadAll()
	if len(rows) != 2+3 || rows[1][1] != "Correct Answer" || rows[2][1] != "Israel" || rows[3][1] != "True" || rows[4][1] != "False" {
		t.Errorf("gimkit rows: %q", rows)
	}
	b.Reset()
	Write(&b, "quizlet", set)
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != len(set.Cards) {
		t.Fatalf("quizlet: %d lines, want %d", len(lines), len(set.Cards))
	}
	for _, l := range lines {
		if strings.Count(l, "\t") != 1 {
			t.Errorf("quizlet line without exactly one tab: %q", l)
		}
	}
}

// TestMoodleXML parses the Moodle XML and checks types, idnumbers and that
// every fraction is one Moodle accepts.
func TestMoodleXML(t *testing.T) {
	needTool(t, "xmllint")
	for _, set := range allSets(t) {
		p := exportFile(t, "moodle-xml", set, "set")
		xmllint(t, nil, p)
		b, _ := os.ReadFile(p)
		var doc struct {
			Questions []struct {
				Type     string `xml:"type,attr"`
				IDNumber string `xml:"idnumber"`
				Answers  []struct {
					Fraction string `xml:"fraction,attr"`
				} `xml:"answer"`
			} `xml:"question"`
		}
		if err := xml.Unmarshal(b, &doc); err != nil {
			t.Fatal(err)
		}
		ids := map[string]bool{}
		for _, q := range doc.Questions {
			if q.Type == "category" {
				continue
			}
			ids[q.IDNumber] = true
			for _, a := range q.Answers {
				f, err := strconv.ParseFloat(a.Fraction, 64)
				if err != nil || !IsMoodleWeight(f) {
					t.Errorf("%s: fraction %q is not a Moodle grade", q.IDNumber, a.Fraction)
				}
			}
		}
		for _, c := range set.Cards {
			if _, ok := pairs(c); !ids[c.ID] && (ok || c.Kind != quiz.CardMatch && c.Kind != quiz.CardOrder) {
				t.Errorf("%s: no question with that idnumber", c.ID)
			}
		}
	}
}

// TestAnkiText checks the headers and that every row has the declared columns.
func TestAnkiText(t *testing.T) {
	set := handSet()
	var b bytes.Buffer
	if err := Write(&b, "anki-txt", set); err != nil {
		t.Fatal(err)
	}
	head, body, _ := strings.Cut(b.String(), "\n#tags column:6\n")
	for _, h := range []string{"#separator:tab", "#html:true", "#guid column:1", "#notetype column:2", "#deck column:3"} {
		if !strings.Contains(head, h) {
			t.Errorf("missing header %s", h)
		}
	}
	r := csv.NewReader(strings.NewReader(body))
	r.Comma = '\t'
	rows, err := r.ReadAll()
	if err != nil || len(rows) != len(set.Cards) {
		t.Fatalf("%d rows, err %v", len(rows), err)
	}
	for i, row := range rows {
		if len(row) != 6 || row[0] != GUID(set.Cards[i]) {
			t.Errorf("row %d: %q", i, row)
		}
		if set.Cards[i].Kind == quiz.CardCloze && (row[1] != "Cloze" || !strings.Contains(row[3], "{{c1::6 June 1982}}")) {
			t.Errorf("cloze row: %q", row)
		}
	}
}

// TestKahootReadsWithExceljs reads the Kahoot sheet with exceljs and checks
// the template layout and Kahoot's limits.
func TestKahootReadsWithExceljs(t *testing.T) {
	for _, set := range allSets(t) {
		t.Run(set.Name, func(t *testing.T) {
			var out struct {
				Sheets []struct {
					Rows map[string][]any `json:"rows"`
				} `json:"sheets"`
			}
			runJSON(t, "xlsx.js", exportFile(t, "kahoot", set, "set"), &out)
			if len(out.Sheets) != 1 {
				t.Fatalf("%d sheets", len(out.Sheets))
			}
			rows := out.Sheets[0].Rows
			if h := rows["8"]; len(h) < 8 || !strings.HasPrefix(h[1].(string), "Question") {
				t.Fatalf("header row: %v", h)
			}
			n := 0
			for _, c := range set.Cards {
				if kahootFits(c) {
					n++
					checkKahootRow(t, c, rows[strconv.Itoa(8+n)])
				}
			}
			if len(rows) != 5+n {
				t.Errorf("%d rows, want %d", len(rows), 5+n)
			}
		})
	}
}

func checkKahootRow(t *testing.T, c quiz.Card, row []any) {
	t.Helper()
	if len(row) < 8 || row[1] != c.Prompt {
		t.Fatalf("%s: row %v", c.ID, row)
	}
	if len([]rune(row[1].(string))) > KahootQuestionMax {
		t.Errorf("%s: question too long", c.ID)
	}
	for i := 2; i < 6; i++ {
		if s, _ := row[i].(string); len([]rune(s)) > KahootAnswerMax {
			t.Errorf("%s: answer too long", c.ID)
		}
	}
	tl, _ := row[6].(float64)
	ok := false
	for _, a := range KahootTimes {
		ok = ok || float64(a) == tl
	}
	if !ok || row[7] != float64(c.Correct+1) || row[2+c.Correct] != c.Choices[c.Correct] {
		t.Errorf("%s: time %v, correct %v", c.ID, row[6], row[7])
	}
}

func TestUnknownFormat(t *testing.T) {
	if err := Write(&bytes.Buffer{}, "docx", handSet()); !errors.Is(err, ErrUnknownFormat) {
		t.Errorf("docx: %v", err)
	}
	if err := Write(&bytes.Buffer{}, "apkg", handSet()); !errors.Is(err, ErrUnavailable) {
		t.Errorf("apkg without wiring: %v", err)
	}
	for _, f := range Formats {
		if _, ok := Infos[f]; !ok {
			t.Errorf("%s has no Info", f)
		}
	}
}
