package srs

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The vectors are ts-fsrs 5.4.2 outputs (testdata/README.md). Each file is
// JSON lines: a header with the parameters, then one case per line.

type vecHeader struct {
	Header struct {
		Parameters struct {
			W                []float64 `json:"w"`
			RequestRetention float64   `json:"request_retention"`
			MaximumInterval  int       `json:"maximum_interval"`
			EnableFuzz       bool      `json:"enable_fuzz"`
			EnableShortTerm  bool      `json:"enable_short_term"`
			LearningSteps    []string  `json:"learning_steps"`
			RelearningSteps  []string  `json:"relearning_steps"`
		} `json:"parameters"`
	} `json:"header"`
}

type vecCase struct {
	ID      int    `json:"id"`
	Name    string `json:"name"`
	Start   string `json:"start"`
	History []struct {
		Rating int    `json:"rating"`
		At     string `json:"at"`
	} `json:"history"`
	Expected       []vecCard  `json:"expected"`
	Retrievability []vecProbe `json:"retrievability"`
}

type vecCard struct {
	ElapsedDays          int                  `json:"elapsed_days"`
	RetrievabilityBefore *float64             `json:"retrievability_before"`
	State                string               `json:"state"`
	Stability            float64              `json:"stability"`
	Difficulty           float64              `json:"difficulty"`
	ScheduledDays        int                  `json:"scheduled_days"`
	Due                  string               `json:"due"`
	LastReview           string               `json:"last_review"`
	LearningSteps        int                  `json:"learning_steps"`
	Reps                 int                  `json:"reps"`
	Lapses               int                  `json:"lapses"`
	AllOptions           map[string]vecOption `json:"all_options"`
}

type vecOption struct {
	State         string  `json:"state"`
	Stability     float64 `json:"stability"`
	Difficulty    float64 `json:"difficulty"`
	ScheduledDays int     `json:"scheduled_days"`
	Due           string  `json:"due"`
	LearningSteps int     `json:"learning_steps"`
}

// vecProbe is a retrievability probe. The .jsonl files carry r; the .json
// layout's names are accepted too, and every value present is checked.
type vecProbe struct {
	At                string   `json:"at"`
	R                 *float64 `json:"r"`
	GetRetrievability *float64 `json:"get_retrievability"`
	FloorDays         *int     `json:"floor_days"`
	ForgettingCurve   *float64 `json:"forgetting_curve_at_floor_days"`
}

type vecFile struct {
	params Parameters
	cases  []vecCase
}

// vecReview is one review in the .json layout, which nests the expected
// card and adds all_options (the four previews).
type vecReview struct {
	Rating               int                  `json:"rating"`
	At                   string               `json:"at"`
	ElapsedDays          int                  `json:"elapsed_days"`
	RetrievabilityBefore *float64             `json:"retrievability_before"`
	Card                 vecCard              `json:"card"`
	AllOptions           map[string]vecOption `json:"all_options"`
}

// loadJSONVectors reads the .json layout (one document: header and cases)
// into the same shape as the .jsonl harness.
func loadJSONVectors(t *testing.T, path string) vecFile {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Cases []struct {
			ID             int         `json:"id"`
			Name           string      `json:"name"`
			Start          string      `json:"start"`
			Reviews        []vecReview `json:"reviews"`
			Retrievability []vecProbe  `json:"retrievability"`
		} `json:"cases"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	vf := vecFile{params: headerParams(t, path, data)}
	for _, dc := range doc.Cases {
		c := vecCase{ID: dc.ID, Name: dc.Name, Start: dc.Start, Retrievability: dc.Retrievability}
		for _, r := range dc.Reviews {
			c.History = append(c.History, struct {
				Rating int    `json:"rating"`
				At     string `json:"at"`
			}{r.Rating, r.At})
			e := r.Card
			e.ElapsedDays, e.RetrievabilityBefore, e.AllOptions = r.ElapsedDays, r.RetrievabilityBefore, r.AllOptions
			c.Expected = append(c.Expected, e)
		}
		vf.cases = append(vf.cases, c)
	}
	if len(vf.cases) == 0 {
		t.Fatalf("%s: no cases", path)
	}
	return vf
}

// loadVectors reads a .jsonl harness file, or the .json layout if the name
// ends in .json.
func loadVectors(t *testing.T, path string) vecFile {
	t.Helper()
	if strings.HasSuffix(path, ".json") {
		return loadJSONVectors(t, path)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var vf vecFile
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
	for line := 1; sc.Scan(); line++ {
		if line == 1 {
			vf.params = headerParams(t, path, sc.Bytes())
			continue
		}
		var c vecCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("%s:%d: %v", path, line, err)
		}
		vf.cases = append(vf.cases, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(vf.cases) == 0 {
		t.Fatalf("%s: no cases", path)
	}
	return vf
}

func headerParams(t *testing.T, path string, line []byte) Parameters {
	t.Helper()
	var h vecHeader
	if err := json.Unmarshal(line, &h); err != nil {
		t.Fatalf("%s: header: %v", path, err)
	}
	hp := h.Header.Parameters
	if len(hp.W) != 21 {
		t.Fatalf("%s: header has %d weights, want 21", path, len(hp.W))
	}
	p := Parameters{
		RequestRetention: hp.RequestRetention,
		MaximumInterval:  hp.MaximumInterval,
		EnableFuzz:       hp.EnableFuzz,
		EnableShortTerm:  hp.EnableShortTerm,
	}
	copy(p.W[:], hp.W)
	var err1, err2 error
	p.LearningSteps, err1 = ParseSteps(strings.Join(hp.LearningSteps, " "))
	p.RelearningSteps, err2 = ParseSteps(strings.Join(hp.RelearningSteps, " "))
	if err1 != nil || err2 != nil {
		t.Fatalf("%s: header steps: %v %v", path, err1, err2)
	}
	return p
}

func mustTime(t *testing.T, s string) time.Time {
	t.Helper()
	at, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		t.Fatal(err)
	}
	return at
}

// mismatches collects differences between the replay and the reference,
// each naming where it happened.
type mismatches []string

func (m *mismatches) add(where, field string, got, want any) {
	*m = append(*m, fmt.Sprintf("%s: %s: got %v, want %v", where, field, got, want))
}

func (m *mismatches) exact(where, field string, got, want any) {
	if got != want {
		m.add(where, field, got, want)
	}
}

func (m *mismatches) near(where, field string, got, want float64) {
	if !(math.Abs(got-want) <= 1e-9) {
		m.add(where, field, got, want)
	}
}

func (m *mismatches) instant(t *testing.T, where, field string, got time.Time, want string) {
	if w := mustTime(t, want); !got.Equal(w) {
		m.add(where, field, got.Format(time.RFC3339Nano), want)
	}
}

// replayCase runs one case and returns every difference from the reference;
// it returns the number of reviews replayed too.
func replayCase(t *testing.T, s *Scheduler, c vecCase) (mismatches, int) {
	var bad mismatches
	if len(c.Expected) != len(c.History) {
		bad.add(fmt.Sprintf("case %d (%s)", c.ID, c.Name), "expected", len(c.Expected), len(c.History))
		return bad, 0
	}
	card := NewCard(mustTime(t, c.Start))
	for i, h := range c.History {
		where := fmt.Sprintf("case %d (%s) review %d", c.ID, c.Name, i)
		at := mustTime(t, h.At)
		want := c.Expected[i]
		if want.RetrievabilityBefore != nil && card.State != New {
			r := s.m.forgettingCurve(float64(want.ElapsedDays), card.Stability)
			bad.near(where, "retrievability_before", r, *want.RetrievabilityBefore)
		}
		o, err := s.Preview(card, at, "")
		if err != nil {
			bad.add(where, "error", err, nil)
			return bad, i
		}
		card = o.For(Rating(h.Rating))
		compareCard(&bad, t, where, card, want)
		for k, opt := range want.AllOptions {
			r, _ := strconv.Atoi(k)
			if !Rating(r).Valid() {
				bad.add(where, "all_options key", k, "1..4")
				continue
			}
			compareOption(&bad, t, where+" option "+k, o.For(Rating(r)), opt)
		}
	}
	for i, p := range c.Retrievability {
		where := fmt.Sprintf("case %d (%s) probe %d", c.ID, c.Name, i)
		compareProbe(&bad, t, s, where, card, p)
	}
	return bad, len(c.History)
}

func compareCard(bad *mismatches, t *testing.T, where string, got Card, want vecCard) {
	bad.exact(where, "state", got.State.String(), want.State)
	bad.exact(where, "scheduled_days", got.ScheduledDays, want.ScheduledDays)
	bad.exact(where, "elapsed_days", got.ElapsedDays, want.ElapsedDays)
	bad.exact(where, "learning_steps", got.Step, want.LearningSteps)
	bad.exact(where, "reps", got.Reps, want.Reps)
	bad.exact(where, "lapses", got.Lapses, want.Lapses)
	bad.near(where, "stability", got.Stability, want.Stability)
	bad.near(where, "difficulty", got.Difficulty, want.Difficulty)
	bad.instant(t, where, "due", got.Due, want.Due)
	bad.instant(t, where, "last_review", got.LastReview, want.LastReview)
}

func compareOption(bad *mismatches, t *testing.T, where string, got Card, want vecOption) {
	bad.exact(where, "state", got.State.String(), want.State)
	bad.exact(where, "scheduled_days", got.ScheduledDays, want.ScheduledDays)
	bad.exact(where, "learning_steps", got.Step, want.LearningSteps)
	bad.near(where, "stability", got.Stability, want.Stability)
	bad.near(where, "difficulty", got.Difficulty, want.Difficulty)
	bad.instant(t, where, "due", got.Due, want.Due)
}

func compareProbe(bad *mismatches, t *testing.T, s *Scheduler, where string, c Card, p vecProbe) {
	at := mustTime(t, p.At)
	r := s.Retrievability(c, at)
	if p.R != nil {
		bad.near(where, "r", r, *p.R)
	}
	if p.GetRetrievability != nil {
		bad.near(where, "get_retrievability", r, *p.GetRetrievability)
	}
	if p.FloorDays != nil && p.ForgettingCurve != nil {
		bad.near(where, "forgetting_curve_at_floor_days", s.m.forgettingCurve(float64(*p.FloorDays), c.Stability), *p.ForgettingCurve)
	}
}

// vectorFiles are the shipped vectors, or FSRS_VECTORS's comma-separated
// list of files in the same format.
func vectorFiles() []string {
	env := os.Getenv("FSRS_VECTORS")
	if env == "" {
		return []string{filepath.Join("testdata", "vectors_short.jsonl"), filepath.Join("testdata", "vectors_long.jsonl")}
	}
	var files []string
	for _, f := range strings.Split(env, ",") {
		if f = strings.TrimSpace(f); f != "" {
			files = append(files, f)
		}
	}
	return files
}

func TestVectors(t *testing.T) {
	reviews, cases, options, probes := 0, 0, 0, 0
	for _, path := range vectorFiles() {
		vf := loadVectors(t, path)
		s, err := NewScheduler(vf.params)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, c := range vf.cases {
			bad, n := replayCase(t, s, c)
			for _, b := range bad {
				t.Errorf("%s: %s", path, b)
			}
			reviews += n
			cases++
			probes += len(c.Retrievability)
			for _, e := range c.Expected {
				options += len(e.AllOptions)
			}
		}
	}
	t.Logf("checked %d reviews in %d cases", reviews, cases)
	t.Logf("checked %d all_options previews and %d retrievability probes", options, probes)
}
