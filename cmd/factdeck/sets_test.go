package main

import (
	"archive/zip"
	"bytes"
	"database/sql"
	"encoding/csv"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	_ "modernc.org/sqlite"
)

// teacherWithSet uploads, approves a topic in bulk and makes a set; it
// returns the review queue's and the set's paths.
func teacherWithSet(t *testing.T, a *testApp, name string) (queue, set string) {
	t.Helper()
	queue = teacherWithDoc(t, a, name)
	if res, _ := a.post(t, queue+"/bulk", url.Values{"kind": {"mcq"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("bulk approve: %d", res.StatusCode)
	}
	doc := strings.TrimSuffix(strings.TrimPrefix(queue, "/teach/documents/"), "/cards")
	res, body := a.post(t, "/teach/sets/new", url.Values{"doc": {doc}, "name": {"Aleppo quiz"}, "description": {"Week 3"}, "kind": {"mcq"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("create set: %d\n%s", res.StatusCode, body)
	}
	return queue, res.Header.Get("Location")
}

func setCardIDs(t *testing.T, a *testApp, set string) []string {
	t.Helper()
	_, body := a.get(t, set)
	return page(t, body).Find(`[data-testid="set-card"]`).Map(func(_ int, s *goquery.Selection) string {
		return s.AttrOr("data-card", "")
	})
}

func TestSetPublishJoinStudy(t *testing.T) {
	a := newTestApp(t)
	_, set := teacherWithSet(t, a, "tess")
	ids := setCardIDs(t, a, set)
	if len(ids) < 3 {
		t.Fatalf("set has %d cards", len(ids))
	}
	a.post(t, set+"/move", url.Values{"card": {ids[1]}, "dir": {"up"}})
	if got := setCardIDs(t, a, set); got[0] != ids[1] || got[1] != ids[0] {
		t.Errorf("after moving the second card up: %v", got[:2])
	}
	a.post(t, set+"/publish", nil)
	_, body := a.get(t, set)
	code := page(t, body).Find(`[data-testid="class-code"]`).Text()
	if len(code) != 6 {
		t.Fatalf("class code %q", code)
	}
	student := a.otherBrowser()
	if res, _ := student.get(t, "/join?code="+strings.ToLower(code)); res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/join/"+code {
		t.Fatalf("typed code: %d %s", res.StatusCode, res.Header.Get("Location"))
	}
	if res, _ := student.get(t, "/join?code=ZZZ"); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("bad code: %d, want 422", res.StatusCode)
	}
	if res, _ := student.post(t, "/join/AAAAAA", nil); res.StatusCode != http.StatusNotFound {
		t.Errorf("unknown code: %d, want 404", res.StatusCode)
	}
	res, _ := student.post(t, "/join/"+code, nil)
	study := res.Header.Get("Location")
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(study, "/sets/") {
		t.Fatalf("join: %d %s", res.StatusCode, study)
	}
	_, body = student.get(t, "/")
	if got := page(t, body).Find(`[data-testid="set-title"]`).Text(); got != "Aleppo quiz" {
		t.Errorf("home page set = %q", got)
	}
	_, body = student.get(t, study)
	first := page(t, body).Find(`[data-testid="question"] input[name="card"]`).AttrOr("value", "")
	if first != ids[1] {
		t.Errorf("first card studied = %q, want the set's first %q", first, ids[1])
	}
	deck := strings.TrimSuffix(study, "/study")
	student.studyCards(t, deck, 2)
	_, body = student.get(t, study)
	if next := page(t, body).Find(`[data-testid="question"] input[name="card"]`).AttrOr("value", ""); next != ids[2] {
		t.Errorf("third card studied = %q, want %q", next, ids[2])
	}
	// The answer's source link opens the teacher's document, readable by
	// the set's members only.
	_, body = student.get(t, study)
	_, _, result := answerShown(t, student, deck, body)
	link := page(t, result).Find(`a:contains("Read it in the document")`).AttrOr("href", "")
	readPath, anchor, _ := strings.Cut(link, "#")
	if readPath != deck+"/read" || anchor == "" {
		t.Fatalf("source link %q, want %s/read#s…", link, deck)
	}
	res, body = student.get(t, readPath)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("read the set's document: %d", res.StatusCode)
	}
	if rd := page(t, body); rd.Find("#"+anchor).Length() != 1 || rd.Find(`[data-testid="document"]`).Text() == "" {
		t.Errorf("the set's read page lacks the document or the anchor #%s", anchor)
	}
	// Someone without the code cannot study the set or read its document.
	stranger := a.otherBrowser()
	if res, _ := stranger.get(t, study); res.StatusCode != http.StatusNotFound {
		t.Errorf("study without joining: %d, want 404", res.StatusCode)
	}
	if res, _ := stranger.get(t, readPath); res.StatusCode != http.StatusNotFound {
		t.Errorf("read without joining: %d, want 404", res.StatusCode)
	}

	// The teacher sees the student's two answers, per question and per
	// student, and downloads them as CSV.
	res, body = a.get(t, set+"/results")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("results: %d", res.StatusCode)
	}
	doc := page(t, body)
	rows := doc.Find(`[data-testid="question-results"] tbody tr`)
	if rows.Length() != len(ids) {
		t.Errorf("results list %d questions, want %d", rows.Length(), len(ids))
	}
	answered := 0
	rows.Each(func(_ int, tr *goquery.Selection) {
		if tr.Find("td").Eq(2).Text() == "1" {
			answered++
		}
	})
	if answered != 2 {
		t.Errorf("%d questions show one student answering, want 2", answered)
	}
	if n := doc.Find(`[data-testid="student-results"] tbody tr`).Length(); n != 1 {
		t.Errorf("%d students listed, want 1", n)
	}
	res, csvBody := a.get(t, set+"/results.csv")
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/csv") {
		t.Fatalf("results.csv: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	recs, err := csv.NewReader(strings.NewReader(csvBody)).ReadAll()
	if err != nil || len(recs) != 1+len(ids)+1 {
		t.Errorf("results.csv: %d records (%v), want header + %d questions + 1 student", len(recs), err, len(ids))
	}
}

// ankiNote reads the guid and mod of the note of a card from an apkg.
func ankiNote(t *testing.T, apkg []byte, front string) (guid string, mod int64) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(apkg), int64(len(apkg)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := zr.Open("collection.anki2")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(f)
	path := filepath.Join(t.TempDir(), "c.anki2")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.QueryRow(`SELECT guid, mod FROM notes WHERE flds LIKE ?`, "%"+front+"%").Scan(&guid, &mod); err != nil {
		t.Fatalf("note %q: %v", front, err)
	}
	return guid, mod
}

func TestSetExportAndReexportAfterEdit(t *testing.T) {
	a := newTestApp(t)
	clock := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	a.srv.now = func() time.Time { return clock }
	queue, set := teacherWithSet(t, a, "tess")
	ids := setCardIDs(t, a, set)
	res, apkg := a.get(t, set+"/export/apkg")
	if res.StatusCode != 200 || !strings.Contains(res.Header.Get("Content-Disposition"), `attachment; filename="factdeck-set-`) ||
		!strings.HasSuffix(strings.TrimSuffix(res.Header.Get("Content-Disposition"), `"`), ".apkg") {
		t.Fatalf("apkg export: %d %q", res.StatusCode, res.Header.Get("Content-Disposition"))
	}
	_, body := a.get(t, set)
	prompt := page(t, body).Find(`[data-card="` + ids[0] + `"] .prompt`).Text()
	guid1, mod1 := ankiNote(t, []byte(apkg), prompt)

	clock = clock.Add(time.Hour)
	a.db.SetClock(func() time.Time { return clock })
	edited := "Which group led the 2024 offensive on Aleppo?"
	if res, _ := a.post(t, queue+"/"+ids[0]+"/edit", url.Values{"prompt": {edited}, "answer": {cardAnswer(t, a, queue, ids[0])}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("edit: %d", res.StatusCode)
	}
	_, apkg2 := a.get(t, set+"/export/apkg")
	guid2, mod2 := ankiNote(t, []byte(apkg2), edited)
	if guid2 != guid1 || mod2 <= mod1 {
		t.Errorf("re-export after edit: guid %s→%s, mod %d→%d; want the same guid and a newer mod", guid1, guid2, mod1, mod2)
	}
	for _, f := range []struct{ format, mime, ext string }{{"gift", "text/plain", ".gift"}, {"csv", "text/csv", ".csv"}} {
		res, _ := a.get(t, set+"/export/"+f.format)
		if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), f.mime) || !strings.Contains(res.Header.Get("Content-Disposition"), f.ext) {
			t.Errorf("%s: %d %q %q", f.format, res.StatusCode, res.Header.Get("Content-Type"), res.Header.Get("Content-Disposition"))
		}
	}
	if res, _ := a.get(t, set+"/export/docx"); res.StatusCode != http.StatusNotFound {
		t.Errorf("unknown format: %d", res.StatusCode)
	}
}
