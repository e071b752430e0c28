package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/factdeck/factdeck/store"
	"github.com/factdeck/factdeck/store/storetest"
)

// syncBuffer is a goroutine-safe writer for run's stdout.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

var servingRE = regexp.MustCompile(`serving (http://\S+)`)

// waitURL waits for the "serving http://…" line.
func waitURL(t *testing.T, out interface{ String() string }) string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if m := servingRE.FindStringSubmatch(out.String()); m != nil {
			return m[1]
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("server did not print its address; output: %q", out.String())
	return ""
}

func getOK(t *testing.T, url string) string {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s = %d", url, res.StatusCode)
	}
	return string(b)
}

func TestRunServesAndStops(t *testing.T) {
	// A postgres:// URL in the PostgreSQL pass.
	dbPath := storetest.DSN(t, filepath.Join(t.TempDir(), "run.db"))
	for round := 0; round < 2; round++ { // the second round is a restart on the same database
		ctx, cancel := context.WithCancel(context.Background())
		var out syncBuffer
		done := make(chan error, 1)
		go func() {
			done <- run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--db", dbPath}, func(string) string { return "" },
				strings.NewReader(""), &out, io.Discard)
		}()
		url := waitURL(t, &out)
		getOK(t, url+"/healthz")
		home := getOK(t, url+"/")
		if n := strings.Count(home, `data-testid="doc-title">Battle of Aleppo (2024)</a>`); n != 1 {
			t.Errorf("round %d: home lists Battle of Aleppo (2024) %d times, want once", round, n)
		}
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("run returned %v after cancel", err)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("run did not stop within 5 s of cancel")
		}
	}
	db, err := store.Open(context.Background(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if n, _ := db.DocumentVersions(context.Background(), "000_c72ea8b0ae7302a1"); n != 1 {
		t.Errorf("seed stored %d times after a restart, want 1", n)
	}
}

func TestRunEnvironmentAndHelp(t *testing.T) {
	var out syncBuffer
	if err := run(context.Background(), []string{"--help"}, func(string) string { return "" }, nil, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"serve", "--addr", "--db", "FACTDECK_ADDR", "FACTDECK_DB", "facts"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("--help does not mention %s", want)
		}
	}
	env := map[string]string{"FACTDECK_ADDR": "127.0.0.1:9", "FACTDECK_DB": "/tmp/x.db"}
	cfg, _, err := parseServe(nil, func(k string) string { return env[k] }, io.Discard)
	if err != nil || cfg.addr != "127.0.0.1:9" || cfg.db != "/tmp/x.db" {
		t.Errorf("env config = %+v, %v", cfg, err)
	}
	cfg, _, _ = parseServe([]string{"--addr", "127.0.0.1:7"}, func(k string) string { return env[k] }, io.Discard)
	if cfg.addr != "127.0.0.1:7" {
		t.Errorf("flag did not override env: %+v", cfg)
	}
	if err := run(context.Background(), []string{"bogus"}, func(string) string { return "" }, nil, io.Discard, io.Discard); err != errUsage {
		t.Errorf("unknown command: err = %v, want usage error", err)
	}
}

// TestBinarySIGTERM builds the real binary, serves, and stops it with
// SIGTERM: exit status 0 within 5 s and a database that passes
// integrity_check.
func TestBinarySIGTERM(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "factdeck")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	dbPath := filepath.Join(dir, "bin.db")
	cmd := exec.Command(bin, "--addr", "127.0.0.1:0", "--db", dbPath)
	stdout, _ := cmd.StdoutPipe()
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var out syncBuffer
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			out.Write([]byte(sc.Text() + "\n"))
		}
	}()
	url := waitURL(t, &out)
	getOK(t, url+"/healthz")
	getOK(t, url+"/")
	start := time.Now()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	waitErr := make(chan error, 1)
	go func() { waitErr <- cmd.Wait() }()
	select {
	case err := <-waitErr:
		if err != nil {
			t.Fatalf("exit after SIGTERM: %v", err)
		}
	case <-time.After(5 * time.Second):
		cmd.Process.Kill()
		t.Fatal("no exit within 5 s of SIGTERM")
	}
	t.Logf("stopped in %v", time.Since(start))
	db, err := store.Open(context.Background(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if v, err := db.IntegrityCheck(context.Background()); err != nil || v != "ok" {
		t.Errorf("integrity_check = %q, %v", v, err)
	}
}

func TestFactsCommand(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "doc.txt")
	os.WriteFile(good, []byte("On 29 November 2024, rebels entered Aleppo. The city fell on 30 November 2024.\n"), 0o644)
	var out syncBuffer
	if err := run(context.Background(), []string{"facts", "--format", "json", good}, nil, nil, &out, io.Discard); err != nil {
		t.Fatalf("facts on a good file: %v", err)
	}
	if !strings.Contains(out.String(), `"date":"2024-11-29"`) {
		t.Errorf("facts --format json output lacks the 29 November date:\n%s", out.String())
	}
	for name, body := range map[string][]byte{
		"binary":  {'a', 0, 'b'},
		"invalid": {0xff, 0xfe, 'a'},
	} {
		p := filepath.Join(dir, name)
		os.WriteFile(p, body, 0o644)
		var errOut syncBuffer
		err := run(context.Background(), []string{"facts", p}, nil, nil, io.Discard, &errOut)
		if err == nil {
			t.Errorf("facts on %s input succeeded; want an error", name)
		}
	}
	if err := run(context.Background(), []string{"facts", "-"}, nil, strings.NewReader(""), io.Discard, io.Discard); err != nil {
		t.Errorf("facts on empty stdin: %v (want no facts, no error)", err)
	}
}

func TestGenerateCommand(t *testing.T) {
	seed := filepath.Join("..", "..", "seeds", "000_c72ea8b0ae7302a1.txt")
	var out syncBuffer
	if err := run(context.Background(), []string{"generate", "--format", "json", seed}, nil, nil, &out, io.Discard); err != nil {
		t.Fatalf("generate: %v", err)
	}
	var got struct {
		Cards []struct {
			ID, Kind, Prompt, Answer string
			Source                   struct{ Text string }
		}
	}
	if err := json.Unmarshal([]byte(out.String()), &got); err != nil {
		t.Fatalf("generate --format json is not JSON: %v", err)
	}
	kinds := map[string]int{}
	for _, c := range got.Cards {
		kinds[c.Kind]++
		if c.ID == "" || c.Prompt == "" || c.Answer == "" || c.Source.Text == "" {
			t.Errorf("card without id, prompt, answer or source: %+v", c)
		}
	}
	for _, k := range []string{"mcq", "cloze", "typed", "truefalse", "order", "match"} {
		if kinds[k] == 0 {
			t.Errorf("no %s cards from the seed (kinds %v)", k, kinds)
		}
	}
	if err := run(context.Background(), []string{"generate", "--format", "xml", seed}, nil, nil, io.Discard, io.Discard); err != errUsage {
		t.Errorf("unknown format: err = %v, want usage error", err)
	}
}

// TestExportCommand produces every format from the seed and three corpus
// articles on the command line. The formats' content is checked by the
// target tools' own parsers in quiz/export and store/anki; here the command
// must write each file, atomically, with the right signature.
func TestExportCommand(t *testing.T) {
	files := []string{filepath.Join("..", "..", "seeds", "000_c72ea8b0ae7302a1.txt")}
	corpus, _ := filepath.Glob(filepath.Join("..", "..", "quiz", "facts", "testdata", "corpus", "wikipedia", "*.dump.txt"))
	if len(corpus) < 3 {
		t.Fatalf("corpus missing: %d dumps", len(corpus))
	}
	files = append(files, corpus[:3]...)
	magic := map[string]string{"apkg": "PK", "qti12": "PK", "qti21": "PK", "kahoot": "PK", "pdf": "%PDF-", "json": "{"}
	dir := t.TempDir()
	for _, f := range []string{"apkg", "anki-txt", "gift", "moodle-xml", "qti12", "qti21", "kahoot", "blooket", "gimkit", "quizlet", "pdf", "csv", "json"} {
		out := filepath.Join(dir, "set."+f)
		args := append([]string{"export", "--format", f, "--out", out}, files...)
		if err := run(context.Background(), args, nil, nil, io.Discard, io.Discard); err != nil {
			t.Errorf("export %s: %v", f, err)
			continue
		}
		b, err := os.ReadFile(out)
		if err != nil || len(b) < 100 {
			t.Errorf("export %s wrote %d bytes (%v)", f, len(b), err)
			continue
		}
		if m := magic[f]; m != "" && !strings.HasPrefix(string(b), m) {
			t.Errorf("export %s does not start with %q", f, m)
		}
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".factdeck-export-*")); len(left) > 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
	if err := run(context.Background(), []string{"export", "--format", "docx", files[0]}, nil, nil, io.Discard, io.Discard); err != errUsage {
		t.Errorf("unknown format: %v, want a usage error", err)
	}
}
