package doc

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factdeck/factdeck/quiz"
)

// markers are citation clutter that must never be displayed.
var markers = []string{"[24]", "[a]", "[ better source needed ]", "[10]", "[citation needed]"}

func readFile(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// checkInvariants holds for any text: pieces are in order, inside the text,
// non-empty, and show no citation marker.
func checkInvariants(t testing.TB, text string, d Document) {
	t.Helper()
	prev := -1
	for _, p := range d.Pieces() {
		if p.Text == "" || p.Start < 0 || p.End > len(text) || p.Start >= p.End {
			t.Fatalf("bad piece %+v (text length %d)", p, len(text))
		}
		if p.Start < prev {
			t.Fatalf("pieces out of order at %d", p.Start)
		}
		prev = p.Start
		for _, m := range markers {
			if strings.Contains(p.Text, m) {
				t.Fatalf("piece %q shows marker %s", p.Text, m)
			}
		}
	}
}

func TestParseSeedAndCorpus(t *testing.T) {
	seed, _ := filepath.Glob("../../seeds/*.txt")
	for _, tc := range []struct {
		name, path    string
		title         string
		sections      []string // infobox labels, in order
		columns       int
		firstSentence string
	}{
		{"seed", seed[0], "Battle of Aleppo (2024)", []string{"Belligerents", "Units involved", "Casualties and losses"}, 2,
			"On 29 November 2024, Syrian opposition group Tahrir al-Sham, along with allied Turkish-backed groups in the Military Operations Command, entered the Syrian government-held city of Aleppo."},
		{"morek", "../facts/testdata/corpus/wikipedia/battle_of_morek.dump.txt", "Battle of Morek",
			[]string{"Date", "Location", "Result", "Belligerents", "Commanders and leaders", "Units involved"}, 2,
			"The Battle of Morek was a battle in the Hama Governorate during the Syrian Civil War, between the rebels and the Syrian Government."},
		{"saraqib", "../facts/testdata/corpus/wikipedia/battle_of_saraqib.dump.txt", "Battle of Saraqib",
			[]string{"Date", "Location", "Result", "Belligerents", "Strength", "Casualties and losses"}, 3, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := readFile(t, tc.path)
			d := Parse(text)
			checkInvariants(t, text, d)
			if d.Infobox == nil {
				t.Fatal("no infobox")
			}
			if d.Infobox.Title.Text != tc.title {
				t.Errorf("title = %q, want %q", d.Infobox.Title.Text, tc.title)
			}
			var got []string
			for _, s := range d.Infobox.Sections {
				got = append(got, s.Label.Text)
			}
			if strings.Join(got, "|") != strings.Join(tc.sections, "|") {
				t.Errorf("sections = %q, want %q", got, tc.sections)
			}
			if d.Infobox.Columns != tc.columns {
				t.Errorf("columns = %d, want %d", d.Infobox.Columns, tc.columns)
			}
			if tc.firstSentence != "" && d.Blocks[0].Sentences[0].Text != tc.firstSentence {
				t.Errorf("first sentence = %q", d.Blocks[0].Sentences[0].Text)
			}
		})
	}
}

func TestParseSeedDetails(t *testing.T) {
	seed, _ := filepath.Glob("../../seeds/*.txt")
	text := readFile(t, seed[0])
	d := Parse(text)
	ib := d.Infobox
	if !strings.HasPrefix(ib.PartOf.Text, "the 2024 Syrian opposition offensives") {
		t.Errorf("part of = %q", ib.PartOf.Text)
	}
	if len(ib.Captions) != 1 || !strings.HasPrefix(ib.Captions[0].Text, "Syrian opposition fighters toppling") {
		t.Errorf("captions = %+v", ib.Captions)
	}
	bel := ib.Sections[0].Rows
	if len(bel) != 1 || len(bel[0].Cells) != 2 || bel[0].Cells[1].Text != "Ba'athist Syria Russia Iran Autonomous Administration of North and East Syria" {
		t.Errorf("belligerents = %+v", bel)
	}
	// The offsets point at the original text, markers and all.
	c := bel[0].Cells[1]
	if orig := text[c.Start:c.End]; !strings.Contains(orig, "Russia [10] [11] Iran") {
		t.Errorf("cell source = %q, want the original with its markers", orig)
	}
	cas := ib.Sections[2].Rows
	if len(cas) != 2 || len(cas[1].Cells) != 1 || cas[1].Cells[0].Text != "22 civilians killed" {
		t.Errorf("casualties = %+v", cas)
	}
	// The sentence that ends in "[ better source needed ]" ends without it.
	found := false
	for _, b := range d.Blocks {
		for _, s := range b.Sentences {
			if strings.HasPrefix(s.Text, "During the offensive, rebels reportedly seized 70 sites") {
				found = true
				if !strings.HasSuffix(s.Text, "northwestern Syria.") {
					t.Errorf("sentence = %q", s.Text)
				}
				if !strings.HasPrefix(text[s.Start:], "During the offensive") {
					t.Errorf("sentence offset %d points at %q", s.Start, text[s.Start:s.Start+20])
				}
			}
		}
	}
	if !found {
		t.Error("sentence about 70 sites not found")
	}
}

func TestParseShapes(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		infobox    bool
		blocks     []BlockKind
		sentences  []string
	}{
		{"empty", "", false, nil, nil},
		{"prose only", "A war began. It ended [3] soon.\n", false, []BlockKind{Paragraph}, []string{"A war began.", "It ended soon."}},
		{"heading", "Title\nBackground\nThe army [a] left.", false, []BlockKind{Heading, Heading, Paragraph}, []string{"Title", "Background", "The army left."}},
		{"corpus infobox", "Battle of X\nDate | 2 May 2001 |\nLocation | Y |\n\nThe battle ended.", true, []BlockKind{Paragraph}, []string{"The battle ended."}},
		{"brackets kept", "He said [sic] and [the army] went home.", false, []BlockKind{Paragraph}, []string{"He said [sic] and [the army] went home."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := Parse(tc.text)
			checkInvariants(t, tc.text, d)
			if (d.Infobox != nil) != tc.infobox {
				t.Errorf("infobox = %v, want %v", d.Infobox != nil, tc.infobox)
			}
			var kinds []BlockKind
			var sents []string
			for _, b := range d.Blocks {
				kinds = append(kinds, b.Kind)
				for _, s := range b.Sentences {
					sents = append(sents, s.Text)
				}
			}
			if len(kinds) != len(tc.blocks) || strings.Join(sents, "|") != strings.Join(tc.sentences, "|") {
				t.Errorf("blocks %v %q, want %v %q", kinds, sents, tc.blocks, tc.sentences)
			}
		})
	}
}

func TestShadeMinimumAndAnchors(t *testing.T) {
	pieces := []Piece{{"A.", 0, 2}, {"B b.", 3, 7}, {"C.", 8, 10}}
	rs := []Recall{
		{CardID: "1", Start: 3, Seen: true, R: 0.99},
		{CardID: "2", Start: 5, Seen: true, R: 0.5}, // inside B: its own anchor
		{CardID: "3", Start: 3, Seen: true, R: 0.95},
		{CardID: "4", Start: 8, Seen: false},
		{CardID: "5", Start: 0, Seen: true, R: 0.8},
	}
	sh := Shade(pieces, rs, 0.9)
	want := []Level{LevelFading, LevelWeak, LevelNew}
	for k, w := range want {
		if sh[k].Level != w {
			t.Errorf("piece %d level %d, want %d", k, sh[k].Level, w)
		}
	}
	if got := sh[1].Anchors; len(got) != 2 || got[0] != 3 || got[1] != 5 {
		t.Errorf("anchors of B = %v, want [3 5]", got)
	}
	if got := Weak(rs, 0.9); strings.Join(got, ",") != "2,4,5" {
		t.Errorf("weak = %v, want 2,4,5", got)
	}
}

func TestEventsAndDates(t *testing.T) {
	d := func(y, m, dd int) quiz.Date { return quiz.Date{Year: y, Month: m, Day: dd} }
	for _, tc := range []struct {
		r        quiz.DateRange
		want     string
		from, to string
		point    bool
	}{
		{quiz.DateRange{Start: d(2024, 11, 29)}, "29 November 2024", "2024-11-29", "2024-11-30", true},
		{quiz.DateRange{Start: d(2024, 11, 0)}, "November 2024", "2024-11-01", "2024-12-01", false},
		{quiz.DateRange{Start: d(2016, 0, 0)}, "2016", "2016-01-01", "2017-01-01", false},
		{quiz.DateRange{Start: d(2012, 0, 0), End: d(2016, 0, 0)}, "2012–2016", "2012-01-01", "2017-01-01", false},
		{quiz.DateRange{Start: d(2024, 11, 27), End: d(2024, 12, 8)}, "27 November – 8 December 2024", "2024-11-27", "2024-12-09", false},
		{quiz.DateRange{Start: d(2024, 12, 7), End: d(2024, 12, 8)}, "7–8 December 2024", "2024-12-07", "2024-12-09", false},
	} {
		if got := FormatRange(tc.r); got != tc.want {
			t.Errorf("FormatRange = %q, want %q", got, tc.want)
		}
		from, to := Bounds(tc.r)
		if from.Format("2006-01-02") != tc.from || to.Format("2006-01-02") != tc.to {
			t.Errorf("%s: bounds %s..%s, want %s..%s", tc.want, from.Format("2006-01-02"), to.Format("2006-01-02"), tc.from, tc.to)
		}
		if (Event{Date: tc.r}).Point() != tc.point {
			t.Errorf("%s: point = %v", tc.want, !tc.point)
		}
	}
	x := quiz.Extraction{Facts: []quiz.Fact{
		{Kind: quiz.KindDate, Topic: "T", Subject: "rebels", Event: "took the city", Date: &quiz.DateRange{Start: d(2024, 11, 30)}, Start: 0, End: 5},
		{Kind: quiz.KindDate, Topic: "T", Event: "began", Date: &quiz.DateRange{Start: d(2012, 0, 0)}, Start: 0, End: 5},
		{Kind: quiz.KindCount, Topic: "T", Value: "5 killed"},
	}}
	evs := Events(x, "Hello [1] world")
	if len(evs) != 2 || evs[0].Label != "T: began" || evs[1].Label != "Rebels took the city" {
		t.Errorf("events = %+v", evs)
	}
}

// A card answered a moment ago has a retrievability near 1 whatever the
// answer was: a forgotten card being relearned must not show as known.
func TestLevelOfLearningSteps(t *testing.T) {
	const desired = 0.9
	tests := []struct {
		name string
		r    Recall
		want Level
	}{
		{"review, recalled", Recall{Seen: true, R: 0.99}, LevelKnown},
		{"just forgotten", Recall{Seen: true, R: 0.99, Relearning: true}, LevelWeak},
		{"first learning step", Recall{Seen: true, R: 0.99, Learning: true}, LevelFading},
		{"learning and fading fast", Recall{Seen: true, R: 0.5, Learning: true}, LevelWeak},
		{"new", Recall{}, LevelNew},
	}
	for _, tc := range tests {
		if got := LevelOf(tc.r, desired); got != tc.want {
			t.Errorf("%s: LevelOf = %d, want %d", tc.name, got, tc.want)
		}
	}
}
