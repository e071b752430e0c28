package facts

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factdeck/factdeck/quiz"
)

// acwTruth is the part of an ACW truth.json the test uses.
type acwTruth struct {
	CWSAC struct {
		Start string `json:"start_date"`
		End   string `json:"end_date"`
	} `json:"cwsac"`
	Commanders []struct {
		Last string `json:"last_name"`
	} `json:"cwsac_commanders"`
}

// TestCorpusACW reads each American Civil War battle (Wikipedia lead, then
// the NPS summary, as one plain-prose document) and reports:
//   - date recall: the battle's start date (to the day) is among the dates;
//   - date precision: the share of day-precise dates that fall in the
//     battle's year (dates elsewhere are usually wrong years resolved from
//     context, or mentions of other events);
//   - commander recall: the curated commanders' surnames occur in a person,
//     commander or dated-event subject value.
func TestCorpusACW(t *testing.T) {
	paths, _ := filepath.Glob("testdata/corpus/acw/*.truth.json")
	if len(paths) == 0 {
		t.Skip("no corpus")
	}
	var docs, startFound, dayDates, inYear, cmdTotal, cmdFound int
	for _, p := range paths {
		slug := strings.TrimSuffix(p, ".truth.json")
		var truth acwTruth
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &truth); err != nil {
			t.Fatal(err)
		}
		lead, _ := os.ReadFile(slug + ".wiki_lead.txt")
		nps, _ := os.ReadFile(slug + ".nps.txt")
		doc := string(lead) + "\n" + string(nps)
		x, err := Extract(doc)
		if err != nil {
			t.Fatal(err)
		}
		checkOffsets(t, doc, x)
		docs++
		year := truth.CWSAC.Start[:4]
		found := false
		var people []string
		for _, f := range x.Facts {
			if f.Date != nil && f.Date.Start.Precision() == quiz.PrecisionDay {
				dayDates++
				if strings.HasPrefix(f.Date.Start.ISO(), year) {
					inYear++
				}
				if f.Date.Start.ISO() == truth.CWSAC.Start {
					found = true
				}
			}
			if f.Kind == quiz.KindPerson || f.Kind == quiz.KindCommander {
				people = append(people, f.Value)
			}
		}
		if found {
			startFound++
		}
		all := strings.Join(people, " | ")
		for _, c := range truth.Commanders {
			cmdTotal++
			if c.Last != "" && strings.Contains(all, c.Last) {
				cmdFound++
			}
		}
	}
	rec := 100 * float64(startFound) / float64(docs)
	prec := 100 * float64(inYear) / float64(max(1, dayDates))
	cmd := 100 * float64(cmdFound) / float64(max(1, cmdTotal))
	t.Logf("ACW: %d battles; start date found %.0f%%; day dates in the battle's year %.0f%% (%d); commanders named as people %.0f%% (%d/%d)",
		docs, rec, prec, dayDates, cmd, cmdFound, cmdTotal)
	if rec < acwFloor[0] || prec < acwFloor[1] || cmd < acwFloor[2] {
		t.Errorf("below floor %v", acwFloor)
	}
}

// acwFloor is what the extractor reaches today: start-date recall, date
// precision and commander recall, in percent.
var acwFloor = [3]float64{95, 90, 90}
