package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/factdeck/factdeck/quiz"
	"github.com/factdeck/factdeck/quiz/facts"
	"github.com/factdeck/factdeck/quiz/gen"
)

// nasty is text with every character some format treats specially.
const nasty = `Ḥamāh ~ = # { } : ; \ -> "q" 'a' <b>&amp; Жуков Ωμέγα “Ö”`

// handSet has one card of each kind, with hostile text.
func handSet() Set {
	src := quiz.Source{Doc: "doc-1", Text: "On 6 June 1982, Israel invaded Lebanon — " + nasty, Start: 10, End: 80}
	return Set{Name: "Hand set: " + nasty, Description: "Every kind\nof card.", Cards: []quiz.Card{
		{ID: "hand-mcq-1", Kind: quiz.CardMCQ, Topic: "Lebanon War", TopicID: "lebanon-war",
			Prompt: "Who invaded Lebanon in 1982? " + nasty, Answer: "Israel",
			Choices: []string{"Syria", "Israel", "=SUM(A1)", "Jordan ~ {x}"}, Correct: 1,
			Explanation: "Answer: Israel. " + nasty, Score: 0.9, Source: src},
		{ID: "hand-tf-1", Kind: quiz.CardTrueFalse, Topic: "Lebanon War", Prompt: "True or false: Israel invaded Lebanon in 1982.",
			Answer: "True", Choices: []string{"True", "False"}, Correct: 0, Explanation: "True.", Source: src},
		{ID: "hand-tf-2", Kind: quiz.CardTrueFalse, Topic: "Lebanon War", Prompt: "True or false: Syria invaded Lebanon in 1982.",
			Answer: "False", Choices: []string{"True", "False"}, Correct: 1, Explanation: "False.", Source: src},
		{ID: "hand-typed-1", Kind: quiz.CardTyped, Topic: "Lebanon War", Prompt: "When did Israel invade Lebanon? (@date)",
			Answer: "6 June 1982", Accept: []string{"June 6, 1982", "+6/6/1982", "-1982*"}, AnswerType: "date",
			Explanation: "Answer: 6 June 1982.", Source: src},
		{ID: "hand-cloze-1", Kind: quiz.CardCloze, Topic: "Lebanon War", Prompt: "On _____, Israel invaded Lebanon {x}.",
			Answer: "6 June 1982", Accept: []string{"6 June 1982"}, Explanation: "Answer: 6 June 1982.", Source: src, Held: true},
		{ID: "hand-order-1", Kind: quiz.CardOrder, Topic: "Lebanon War", Prompt: "Put these in order, earliest first.",
			Answer: "a → b → c", Items: []quiz.Item{{Left: "Siege of Beirut -> begins", Right: "14 June 1982"},
				{Left: "PLO leaves Beirut", Right: "30 August 1982"}, {Left: "Sabra and Shatila: massacre", Right: "16 September 1982"}},
			Explanation: "In order.", Source: src},
		{ID: "hand-match-1", Kind: quiz.CardMatch, Topic: "Lebanon War", Prompt: "Match each leader to the side.",
			Answer: "…", Items: []quiz.Item{{Left: "Menachem Begin", Right: "Israel"}, {Left: "Yasser Arafat", Right: "PLO"},
				{Left: "Hafez al-Assad", Right: "Syria = Ba'ath"}, {Left: "Bachir Gemayel", Right: "Lebanese Forces"}},
			Explanation: "Leaders.", Source: src},
	}}
}

var (
	corpusOnce sync.Once
	corpusSets []Set
	corpusErr  error
)

// docSets are the cards generated from the seed document and three corpus
// articles, one set each.
func docSets(t *testing.T) []Set {
	t.Helper()
	corpusOnce.Do(func() {
		paths := []string{"../../seeds/000_c72ea8b0ae7302a1.txt"}
		m, _ := filepath.Glob("../facts/testdata/corpus/wikipedia/*.dump.txt")
		if len(m) < 3 {
			corpusErr = os.ErrNotExist
			return
		}
		paths = append(paths, m[:3]...)
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				corpusErr = err
				return
			}
			x, err := facts.Extract(string(b))
			if err != nil {
				corpusErr = err
				return
			}
			name := strings.TrimSuffix(filepath.Base(p), ".txt")
			cards := gen.Generate(gen.Doc{ID: name, Text: string(b), Extraction: x}, nil, gen.DefaultOptions())
			corpusSets = append(corpusSets, Set{Name: name, Cards: cards})
		}
	})
	if corpusErr != nil {
		t.Fatalf("documents: %v", corpusErr)
	}
	return corpusSets
}

// allSets is the hand set and the document sets.
func allSets(t *testing.T) []Set { return append([]Set{handSet()}, docSets(t)...) }

// needTool finds a command, skipping the test when it is missing unless
// FACTDECK_REQUIRE_TOOLS=1, where a missing tool fails it.
func needTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		missing(t, name+" not installed (scripts/deps/apt.txt)")
	}
	return p
}

func missing(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("FACTDECK_REQUIRE_TOOLS") == "1" {
		t.Fatal(why)
	}
	t.Skip(why)
}

// needNode returns the directory of the npm checkers, skipping (or failing)
// when node or the installed packages are missing.
func needNode(t *testing.T) string {
	t.Helper()
	needTool(t, "node")
	dir, _ := filepath.Abs("testdata/js")
	if _, err := os.Stat(filepath.Join(dir, "node_modules")); err != nil {
		missing(t, "testdata/js/node_modules missing: run npm ci there (scripts/deps/npm.txt)")
	}
	return dir
}

// runJSON runs a checker script on path and decodes its JSON output.
func runJSON(t *testing.T, script, path string, out any) {
	t.Helper()
	b, err := runNode(t, script, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, out); err != nil {
		t.Fatalf("%s output: %v", script, err)
	}
}

// runNode runs a checker script on path and returns its output, or an
// error with its message when it refused the file.
func runNode(t *testing.T, script, path string) ([]byte, error) {
	t.Helper()
	dir := needNode(t)
	cmd := exec.Command("node", filepath.Join(dir, script), path)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	b, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("%s %s: %v\n%s", script, path, err, stderr.String())
	}
	return b, nil
}

// exportFile writes set in format to a file in a temporary directory.
func exportFile(t *testing.T, format string, set Set, name string) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, format, set); err != nil {
		t.Fatalf("Write %s: %v", format, err)
	}
	p := filepath.Join(t.TempDir(), name+Infos[format].Ext)
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
