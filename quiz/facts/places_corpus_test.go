package facts

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/factdeck/factdeck/quiz"
)

// usStates spells out the state codes of the ACW truth files.
var usStates = map[string]string{"AL": "Alabama", "AR": "Arkansas", "AZ": "Arizona", "CA": "California",
	"CO": "Colorado", "DC": "District of Columbia", "DE": "Delaware", "FL": "Florida", "GA": "Georgia",
	"ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
	"MD": "Maryland", "MN": "Minnesota", "MO": "Missouri", "MS": "Mississippi", "NC": "North Carolina",
	"ND": "North Dakota", "NM": "New Mexico", "OH": "Ohio", "OK": "Oklahoma", "PA": "Pennsylvania",
	"SC": "South Carolina", "TN": "Tennessee", "TX": "Texas", "VA": "Virginia", "VT": "Vermont",
	"WA": "Washington", "WV": "West Virginia"}

// placeParts splits a truth place ("Al-Bab District, Aleppo Governorate,
// Syria", "Spotsylvania County, VA; Fredericksburg, VA") into its names.
func placeParts(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '(' || r == ')' }) {
		for _, q := range strings.Split(p, " and ") {
			q = strings.TrimSpace(q)
			if full, ok := usStates[q]; ok {
				q = full
			}
			if q != "" {
				out = append(out, q)
			}
		}
	}
	return out
}

// samePlace reports whether a fact's place and a truth place name the same
// place or one lies in the other's name ("Hama" and "Hama Governorate").
func samePlace(a, b string) bool {
	a, b = " "+normValue(a)+" ", " "+normValue(b)+" "
	return len(a) > 2 && len(b) > 2 && (strings.Contains(a, b) || strings.Contains(b, a))
}

// placeScore counts, over documents, whether the main topic's prose
// locations include a truth place (recall per document) and how many of
// them the truth confirms (a lower bound on precision: the truth gives the
// county and state, the prose also names towns, rivers and hills).
type placeScore struct{ docs, found, facts, confirmed int }

func (s *placeScore) add(x quiz.Extraction, truth []string) {
	s.docs++
	hit := false
	for _, f := range x.Facts {
		if f.Kind != quiz.KindLocation || f.Topic != x.Title || f.Role == "" {
			continue // infobox place rows have no role
		}
		s.facts++
		for _, p := range truth {
			if samePlace(f.Value, p) {
				s.confirmed++
				hit = true
				break
			}
		}
	}
	if hit {
		s.found++
	}
}

func (s *placeScore) String() string {
	return fmt.Sprintf("%s of %d documents; %s of %d locations confirmed", pct(s.found, s.docs), s.docs, pct(s.confirmed, s.facts), s.facts)
}

// TestCorpusPlaces reports how well the prose locations of each corpus
// article's main topic agree with the place in its truth file: the
// Wikipedia infobox place (scored on the prose only, the infobox's own
// place row set aside) and the CWSAC county and state of the ACW battles.
func TestCorpusPlaces(t *testing.T) {
	dumps, _ := filepath.Glob("testdata/corpus/wikipedia/*.dump.txt")
	acw, _ := filepath.Glob("testdata/corpus/acw/*.truth.json")
	if len(dumps) == 0 || len(acw) == 0 {
		t.Skip("no corpus")
	}
	sort.Strings(dumps)
	sort.Strings(acw)
	var wiki, civil placeScore
	for _, path := range dumps {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var truth struct {
			Fields struct {
				Place string   `json:"place"`
				Links []string `json:"place_links"`
			} `json:"fields"`
		}
		tb, err := os.ReadFile(strings.TrimSuffix(path, ".dump.txt") + ".truth.json")
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(tb, &truth); err != nil {
			t.Fatal(err)
		}
		x, err := Extract(string(b))
		if err != nil {
			t.Fatal(err)
		}
		wiki.add(x, append(placeParts(truth.Fields.Place), truth.Fields.Links...))
	}
	for _, p := range acw {
		slug := strings.TrimSuffix(p, ".truth.json")
		var truth struct {
			CWSAC struct {
				Locations string `json:"locations"`
				State     string `json:"state"`
			} `json:"cwsac"`
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &truth); err != nil {
			t.Fatal(err)
		}
		lead, _ := os.ReadFile(slug + ".wiki_lead.txt")
		nps, _ := os.ReadFile(slug + ".nps.txt")
		x, err := Extract(string(lead) + "\n" + string(nps))
		if err != nil {
			t.Fatal(err)
		}
		civil.add(x, append(placeParts(truth.CWSAC.Locations), placeParts(truth.CWSAC.State)...))
	}
	t.Logf("wikipedia: truth place found for %s", wiki.String())
	t.Logf("ACW:       truth place found for %s", civil.String())
	// Floors: what the extractor reaches today, less a little.
	for _, c := range []struct {
		name  string
		s     placeScore
		floor [2]float64
	}{{"wikipedia", wiki, [2]float64{80, 55}}, {"ACW", civil, [2]float64{75, 60}}} {
		docs := 100 * float64(c.s.found) / float64(max(1, c.s.docs))
		conf := 100 * float64(c.s.confirmed) / float64(max(1, c.s.facts))
		if docs < c.floor[0] || conf < c.floor[1] {
			t.Errorf("%s: documents %.0f%%, confirmed %.0f%%, floor %v", c.name, docs, conf, c.floor)
		}
	}
}
