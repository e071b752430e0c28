package main

import (
	"bytes"
	"context"
	"io/fs"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/factdeck/factdeck/quiz/gen"
	"github.com/factdeck/factdeck/seeds"
	"github.com/factdeck/factdeck/store"
)

// seedText is a real article to upload (a teacher's copy gets its own
// slug, so its cards are its own).
func seedText(t *testing.T) string {
	t.Helper()
	b, err := fs.ReadFile(seeds.FS(), seeds.Names()[0])
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// uploadForm posts the upload form as multipart, with a file if name is set.
func (a *testApp) uploadForm(t *testing.T, title, text, name string, file []byte) (*http.Response, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	_ = mw.WriteField("title", title)
	_ = mw.WriteField("text", text)
	if name != "" {
		fw, _ := mw.CreateFormFile("file", name)
		_, _ = fw.Write(file)
	}
	mw.Close()
	return a.do(t, http.MethodPost, "/teach/documents/new", &buf, map[string]string{
		"Content-Type": mw.FormDataContentType(), "Sec-Fetch-Site": "same-origin"})
}

// rowCounts are the teacher's documents and all card rows.
func rowCounts(t *testing.T, a *testApp, learner int64) (docs, cards int) {
	t.Helper()
	q, err := a.db.TeacherQuota(context.Background(), learner)
	if err != nil {
		t.Fatal(err)
	}
	all, err := a.db.Cards(context.Background(), store.CardFilter{IncludeHeld: true, IncludeStale: true})
	if err != nil {
		t.Fatal(err)
	}
	return q.Documents, len(all)
}

func TestUploadRefusals(t *testing.T) {
	a := newTestApp(t)
	a.signup(t, "tess", url.Values{"teacher": {"1"}})
	me := learnerOf(t, a)
	docs0, cards0 := rowCounts(t, a, me)
	big := bytes.Repeat([]byte("The siege of Aleppo began in 2012. "), 70000) // > 2 MB, < 4 MB
	for _, tc := range []struct {
		name, title, text, file string
		body                    []byte
		want                    int
		msg                     string
	}{
		{"oversized file", "Big", "", "big.txt", big, http.StatusRequestEntityTooLarge, "larger than 2 MB"},
		{"oversized paste", "Big", string(big), "", nil, http.StatusRequestEntityTooLarge, "larger than 2 MB"},
		{"NUL bytes", "Bin", "", "x.txt", []byte("abc\x00def"), http.StatusUnsupportedMediaType, "not a text file"},
		{"pdf name", "Pdf", "", "x.pdf", []byte("%PDF-1.4"), http.StatusUnsupportedMediaType, ".txt and .md"},
		{"invalid UTF-8", "Latin", "", "l.txt", []byte("caf\xe9 au lait"), http.StatusUnprocessableEntity, "not valid UTF-8"},
		{"empty", "Empty title kept", "", "", nil, http.StatusUnprocessableEntity, "empty"},
		{"whitespace", "Blank", " \n\t\n ", "", nil, http.StatusUnprocessableEntity, "only spaces"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, body := a.uploadForm(t, tc.title, tc.text, tc.file, tc.body)
			if res.StatusCode != tc.want {
				t.Fatalf("status %d, want %d", res.StatusCode, tc.want)
			}
			doc := page(t, body)
			if msg := doc.Find(`[data-testid="upload-error"]`).Text(); !strings.Contains(msg, tc.msg) {
				t.Errorf("message %q does not say %q", msg, tc.msg)
			}
			if got := doc.Find(`#doc-title`).AttrOr("value", ""); got != tc.title {
				t.Errorf("title not kept: %q", got)
			}
			if tc.text != "" && len(tc.text) < 1<<20 && doc.Find(`#doc-text`).Text() != tc.text {
				t.Errorf("pasted text not kept")
			}
		})
	}
	if docs, cards := rowCounts(t, a, me); docs != docs0 || cards != cards0 {
		t.Errorf("refused uploads stored rows: documents %d→%d, cards %d→%d", docs0, docs, cards0, cards)
	}
}

// teacherWithDoc signs up a teacher and uploads the seed article; it
// returns the review queue's path.
func teacherWithDoc(t *testing.T, a *testApp, name string) string {
	t.Helper()
	a.signup(t, name, url.Values{"teacher": {"1"}})
	res, body := a.uploadForm(t, "My Aleppo", seedText(t), "", nil)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("upload: %d\n%s", res.StatusCode, body)
	}
	return res.Header.Get("Location")
}

func TestUploadAndReviewQueue(t *testing.T) {
	a := newTestApp(t)
	queue := teacherWithDoc(t, a, "tess")
	if !strings.HasPrefix(queue, "/teach/documents/") {
		t.Fatalf("upload redirected to %q", queue)
	}
	if res, _ := a.uploadForm(t, "again", seedText(t), "", nil); res.StatusCode != http.StatusConflict {
		t.Errorf("same text twice: %d, want 409", res.StatusCode)
	}
	_, body := a.get(t, queue)
	doc := page(t, body)
	cards := doc.Find(`[data-testid="review-card"]`)
	if cards.Length() < 5 {
		t.Fatalf("%d cards in the queue", cards.Length())
	}
	if doc.Find(`[data-testid="source"] mark`).FilterFunction(func(_ int, s *goquery.Selection) bool { return s.Text() != "" }).Length() == 0 {
		t.Error("no answer is marked in any source sentence")
	}
	ids := cards.Map(func(_ int, s *goquery.Selection) string { return s.AttrOr("data-card", "") })
	post := func(path string, form url.Values) {
		t.Helper()
		if res, body := a.post(t, path, form); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("POST %s: %d\n%s", path, res.StatusCode, body)
		}
	}
	post(queue+"/"+ids[0]+"/approve", url.Values{"back": {"?status=approved"}})
	post(queue+"/"+ids[1]+"/reject", url.Values{"reason": {"ambiguous"}})
	post(queue+"/"+ids[2]+"/edit", url.Values{"prompt": {"Who held Aleppo in 2016?"}, "answer": {cardAnswer(t, a, queue, ids[2])}})
	post(queue+"/new", url.Values{"topic": {"Aleppo"}, "prompt": {"Name the citadel's city."}, "answer": {"Aleppo"}})
	if res, _ := a.post(t, queue+"/"+ids[3]+"/reject", url.Values{"reason": {"boring"}}); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("reject with an unknown reason: %d, want 422", res.StatusCode)
	}
	status := func(filter string) []string {
		_, body := a.get(t, queue+"?status="+filter)
		return page(t, body).Find(`[data-testid="review-card"]`).Map(func(_ int, s *goquery.Selection) string {
			return s.AttrOr("data-card", "")
		})
	}
	if got := status("approved"); len(got) != 2 || got[0] != ids[0] { // the approved card and the hand-made one
		t.Errorf("approved = %v, want %s and the added card", got, ids[0])
	}
	if got := status("rejected"); len(got) != 1 || got[0] != ids[1] {
		t.Errorf("rejected = %v", got)
	}
	_, body = a.get(t, queue+"?status=edited")
	ed := page(t, body).Find(`[data-testid="review-card"]`)
	if ed.Length() != 1 || ed.Find(`[data-testid="card-prompt"]`).Text() != "Who held Aleppo in 2016?" ||
		!strings.Contains(ed.Find(`[data-testid="original"]`).Text(), "Generated:") {
		t.Errorf("edited card not shown with its original: %d", ed.Length())
	}
	// Regeneration (SaveCards again) does not touch decisions or edits.
	regenerate(t, a, queue)
	if got := status("edited"); len(got) != 1 || got[0] != ids[2] {
		t.Errorf("after regeneration edited = %v", got)
	}
	post(queue+"/bulk", url.Values{})
	if got := status("pending"); len(got) != 0 {
		t.Errorf("%d cards still pending after bulk approve", len(got))
	}
}

// cardAnswer is a card's current answer on the review page.
func cardAnswer(t *testing.T, a *testApp, queue, id string) string {
	t.Helper()
	_, body := a.get(t, queue)
	return page(t, body).Find(`[data-card="`+id+`"] input[name="answer"]`).AttrOr("value", "")
}

// regenerate saves the document's cards again, as a generator change would.
func regenerate(t *testing.T, a *testApp, queue string) {
	t.Helper()
	ctx := context.Background()
	me := learnerOf(t, a)
	docs, err := a.db.TeacherDocuments(ctx, me)
	if err != nil || len(docs) == 0 {
		t.Fatal(err)
	}
	d, err := extractDoc(docs[0].Slug, docs[0].Body)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.db.SaveCards(ctx, docs[0].ID, gen.Generate(d, nil, gen.DefaultOptions())); err != nil {
		t.Fatal(err)
	}
}
