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

// truthField is one infobox field of a corpus article: the list items and
// the linked article titles (usable as aliases).
type truthField struct {
	Lines []string `json:"lines"`
	Links []string `json:"links"`
}

// truthDoc is the part of a corpus truth.json the tests use.
type truthDoc struct {
	Fields struct {
		Sides []struct {
			Index      int         `json:"index"`
			Combatant  *truthField `json:"combatant"`
			Commander  *truthField `json:"commander"`
			Units      *truthField `json:"units"`
			Casualties *truthField `json:"casualties"`
		} `json:"sides"`
	} `json:"fields"`
}

// normTruth normalises an infobox name for comparison: flags, image file
// names, parenthesised notes and ranks removed; labels ("Support:") and
// empty values give "".
func normTruth(s string, person bool) string {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, ":") || strings.HasPrefix(s, "(") {
		return ""
	}
	toks := tokenize(s)
	var keep []token
	from := 0
	for k := 0; k < len(toks); k++ {
		t := toks[k]
		switch {
		case t.s == "(":
			if e := closeParen(toks, k); e > k {
				if !(e+2 < len(toks) && toks[e+1].s == "." && imageExts[strings.ToLower(toks[e+2].s)]) {
					from = len(keep) // not inside a file name: "… Command (JSOC).svg"
				}
				k = e
				continue
			}
			return joinNorm(keep)
		case t.s == "." && k+1 < len(toks) && imageExts[strings.ToLower(toks[k+1].s)]:
			// The file name runs from the last boundary (the line's start
			// or a note) to its extension: "Syria-flag 1932-58 1961-63.svg"
			// after "(Qalamoun commander)" in an unsplit line of names.
			keep = keep[:from]
			k++
			continue
		case person && len(keep) == 0 && isRank(t.s):
			continue
		case !isWordTok(t.s) && t.s != "'":
			continue
		}
		keep = append(keep, t)
	}
	return joinNorm(keep)
}

// joinNorm joins words and normalises them.
func joinNorm(ts []token) string {
	v := normValue(joinTokens(ts))
	if isUnknown(v) {
		return ""
	}
	return v
}

// corpusScore accumulates precision and recall for one field.
type corpusScore struct{ truth, found, facts, good int }

// scoreField compares the facts of one side and kind with the truth.
func scoreField(s *corpusScore, tf *truthField, facts []quiz.Fact, person bool) {
	if tf == nil {
		return
	}
	want := map[string]bool{}
	alias := map[string]bool{}
	for _, l := range tf.Lines {
		if n := normTruth(l, person); n != "" {
			want[n] = true
		}
	}
	for _, l := range tf.Links {
		alias[normValue(l)] = true
	}
	var order []string
	got := map[string]bool{}
	for _, f := range facts {
		if v := normTruth(f.Value, person); v != "" && !got[v] {
			got[v] = true
			order = append(order, v)
		}
	}
	good := tiled(want, order, person)
	for _, v := range order {
		s.facts++
		if want[v] || alias[v] || good[v] {
			s.good++
		} else if os.Getenv("FACTS_DEBUG") != "" {
			fmt.Printf("wrong %q\n", v)
		}
	}
	s.truth += len(want)
	for w := range want {
		if got[w] || good[w] {
			s.found++
		} else if os.Getenv("FACTS_DEBUG") != "" {
			fmt.Printf("missed %q\n", w)
		}
	}
}

// tiled handles truth lines the source left unsplit ("Abu Arab (FSA) Bakr
// Mustafa (FSA) …" as one list item): a line is found, and its parts are
// correct, when consecutive extracted values joined make up exactly that
// line. It returns those lines and values.
//
// For people, rank words are removed from the line first: each extracted
// name has its leading rank removed by normTruth, and in an unsplit line
// ("Brig. Gen. Ali Mahmoud Col. Ghayath Galla") the later names' ranks sit
// inside the line where normTruth cannot see them.
func tiled(want map[string]bool, order []string, person bool) map[string]bool {
	good := map[string]bool{}
	for orig := range want {
		line := orig
		if person {
			line = withoutRanks(line)
		}
		if !strings.Contains(line, " ") {
			continue
		}
		for i := range order {
			acc := order[i]
			for j := i + 1; j < len(order) && len(acc) < len(line); j++ {
				acc += " " + order[j]
				if acc == line {
					good[orig] = true
					for _, v := range order[i : j+1] {
						good[v] = true
					}
				}
			}
		}
	}
	return good
}

// withoutRanks removes rank words from a normalised line.
func withoutRanks(line string) string {
	var keep []string
	for _, w := range strings.Fields(line) {
		if !isRank(w) {
			keep = append(keep, w)
		}
	}
	return strings.Join(keep, " ")
}

// corpusKinds are the infobox fields the corpus test scores.
var corpusKinds = []quiz.FactKind{quiz.KindBelligerent, quiz.KindCommander, quiz.KindUnit}

// scoreDump extracts one corpus dump and adds its per-side scores.
func scoreDump(t *testing.T, path string, scores map[quiz.FactKind]*corpusScore) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var truth truthDoc
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
	checkOffsets(t, string(b), x)
	for _, side := range truth.Fields.Sides {
		of := func(k quiz.FactKind) []quiz.Fact {
			var out []quiz.Fact
			for _, f := range x.Facts {
				if f.Kind == k && f.Side == side.Index {
					out = append(out, f)
				}
			}
			return out
		}
		scoreField(scores[quiz.KindBelligerent], side.Combatant, of(quiz.KindBelligerent), false)
		scoreField(scores[quiz.KindCommander], side.Commander, of(quiz.KindCommander), true)
		scoreField(scores[quiz.KindUnit], side.Units, of(quiz.KindUnit), false)
	}
}

// pr returns precision and recall in percent.
func (s *corpusScore) pr() (float64, float64) {
	return 100 * float64(s.good) / float64(max(1, s.facts)), 100 * float64(s.found) / float64(max(1, s.truth))
}

// TestCorpusInfobox compares infobox values per side with truth.json for
// the Wikipedia dumps and asserts the floors reached today. It also scores
// two halves of the corpus (alphabetical order, odd and even positions) so
// that a rule that only fits some articles shows up as a gap between them.
func TestCorpusInfobox(t *testing.T) {
	dumps, _ := filepath.Glob("testdata/corpus/wikipedia/*.dump.txt")
	if len(dumps) == 0 {
		t.Skip("no corpus")
	}
	sort.Strings(dumps)
	all, half := map[quiz.FactKind]*corpusScore{}, [2]map[quiz.FactKind]*corpusScore{{}, {}}
	for _, k := range corpusKinds {
		all[k], half[0][k], half[1][k] = &corpusScore{}, &corpusScore{}, &corpusScore{}
	}
	for n, path := range dumps {
		scoreDump(t, path, all)
		scoreDump(t, path, half[n%2])
	}
	floors := map[quiz.FactKind][2]float64{quiz.KindBelligerent: {95, 92}, quiz.KindCommander: {95, 95}, quiz.KindUnit: {88, 85}}
	for _, k := range corpusKinds {
		p, r := all[k].pr()
		pa, ra := half[0][k].pr()
		pb, rb := half[1][k].pr()
		t.Logf("%-12s truth %4d facts %4d precision %5.1f%% recall %5.1f%% | odd half P %5.1f%% R %5.1f%% | even half P %5.1f%% R %5.1f%%",
			k, all[k].truth, all[k].facts, p, r, pa, ra, pb, rb)
		if fl, ok := floors[k]; ok && (p < fl[0] || r < fl[1]) {
			t.Errorf("%s below floor %v", k, fl)
		}
	}
}
