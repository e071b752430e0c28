package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/factdeck/factdeck/quiz"
	"github.com/factdeck/factdeck/quiz/gen"
	"github.com/factdeck/factdeck/quiz/teach"
	"github.com/factdeck/factdeck/store"
	"github.com/factdeck/factdeck/views"
)

// generateDeadline bounds card generation for one upload; a document that
// takes longer is refused with a clear message and nothing is stored.
const generateDeadline = 20 * time.Second

// teacher serves teachers' documents, review queues and question sets.
type teacher struct {
	*server
	deadline time.Duration
	pool     func() ([]gen.Doc, error) // shared documents, extracted once: the distractor pool
}

// mountTeacher adds the teacher routes (all behind requireTeacher) and the
// students' join and set-study routes.
func (s *server) mountTeacher(r chi.Router) {
	h := &teacher{server: s, deadline: generateDeadline}
	h.pool = sync.OnceValues(func() ([]gen.Doc, error) { return h.sharedDocs(context.Background()) })
	s.mountJoin(r)
	r.Route("/teach", func(r chi.Router) {
		r.Use(s.requireTeacher)
		r.Get("/", h.handleTeachHome)
		r.Get("/documents/new", h.handleDocumentNew)
		r.Post("/documents/new", h.handleDocumentCreate)
		r.Get("/documents/{doc}/cards", h.handleReviewShow)
		r.Post("/documents/{doc}/cards/new", h.handleCardAdd)
		r.Post("/documents/{doc}/cards/bulk", h.handleCardsBulk)
		r.Post("/documents/{doc}/cards/{card}/approve", h.handleCardApprove)
		r.Post("/documents/{doc}/cards/{card}/reject", h.handleCardReject)
		r.Post("/documents/{doc}/cards/{card}/edit", h.handleCardEdit)
		h.mountSets(r)
	})
}

// owner is the signed-in teacher's learner id (requireTeacher ran).
func owner(r *http.Request) int64 { return learnerID(r) }

func (h *teacher) sharedDocs(ctx context.Context) ([]gen.Doc, error) {
	docs, err := h.db.Documents(ctx, store.DocumentFilter{})
	if err != nil {
		return nil, err
	}
	out := make([]gen.Doc, 0, len(docs))
	for _, d := range docs {
		g, err := extractDoc(d.Slug, d.Body)
		if err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	return out, nil
}

func (h *teacher) handleTeachHome(w http.ResponseWriter, r *http.Request) {
	docs, err := h.db.TeacherDocuments(r.Context(), owner(r))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	sets, err := h.db.TeacherSets(r.Context(), owner(r))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	vm := views.TeachHomeVM{Chrome: h.chrome(r, "Teaching")}
	for _, d := range docs {
		vm.Docs = append(vm.Docs, views.TeachDoc{ID: d.ID, Title: d.Title, Bytes: d.Size(), Topics: len(d.Topics)})
	}
	for _, st := range sets {
		vm.Sets = append(vm.Sets, views.TeachSet{ID: st.ID, Name: st.Name, Code: st.Code, DocTitle: st.DocTitle})
	}
	vm.Quota = fmt.Sprintf("%d of %d documents, %s of %d MB", len(docs), teach.MaxDocuments,
		views.Size(totalBytes(docs)), teach.MaxTotalBytes>>20)
	h.render(w, r, http.StatusOK, views.TeachHomePage(vm))
}

func totalBytes(docs []quiz.Document) int {
	n := 0
	for _, d := range docs {
		n += d.Size()
	}
	return n
}

func (h *teacher) handleDocumentNew(w http.ResponseWriter, r *http.Request) {
	h.render(w, r, http.StatusOK, views.UploadPage(views.UploadVM{Chrome: h.chrome(r, "Upload a document")}))
}

// upload is what the upload form sent.
type upload struct {
	title, text string // the pasted text, kept to show again
	file        []byte
	fileName    string
}

// readUpload parses the form. A body over the global limit is a
// *http.MaxBytesError; a file over the document limit is teach.ErrTooLarge.
func readUpload(r *http.Request) (upload, error) {
	var u upload
	if err := r.ParseMultipartForm(1 << 20); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		return u, err
	}
	if r.MultipartForm == nil {
		if err := r.ParseForm(); err != nil {
			return u, err
		}
	}
	u.title, u.text = r.PostFormValue("title"), r.PostFormValue("text")
	f, hdr, err := r.FormFile("file")
	if errors.Is(err, http.ErrMissingFile) {
		return u, nil
	}
	if err != nil {
		return u, err
	}
	defer f.Close()
	return readFile(u, f, hdr)
}

func readFile(u upload, f multipart.File, hdr *multipart.FileHeader) (upload, error) {
	u.fileName = hdr.Filename
	if hdr.Size == 0 && hdr.Filename == "" {
		return u, nil
	}
	b, err := io.ReadAll(io.LimitReader(f, teach.MaxDocumentBytes+1))
	if err != nil {
		return u, err
	}
	if len(b) > teach.MaxDocumentBytes {
		return u, teach.ErrTooLarge
	}
	u.file = b
	return u, nil
}

// handleDocumentCreate checks an upload, generates its cards under the
// deadline and stores both, or stores nothing and shows the form again.
func (h *teacher) handleDocumentCreate(w http.ResponseWriter, r *http.Request) {
	u, err := readUpload(r)
	vm := views.UploadVM{Chrome: h.chrome(r, "Upload a document"), Title: u.title, Text: u.text}
	var maxErr *http.MaxBytesError
	if errors.As(err, &maxErr) || errors.Is(err, teach.ErrTooLarge) {
		vm.Error = fmt.Sprintf("The document is larger than %d MB. Split it into parts and upload each.", teach.MaxDocumentBytes>>20)
		h.render(w, r, http.StatusRequestEntityTooLarge, views.UploadPage(vm))
		return
	}
	if err != nil {
		h.Error(w, r, quiz.Invalid("form", "could not be read"))
		return
	}
	raw := []byte(u.text)
	if u.file != nil {
		if !teach.AllowedName(u.fileName) {
			vm.Error = "Only .txt and .md files can be uploaded. Save the document as plain text first."
			h.render(w, r, http.StatusUnsupportedMediaType, views.UploadPage(vm))
			return
		}
		raw = u.file
	}
	text, err := teach.CheckText(raw)
	var id int64
	if err == nil {
		id, err = h.createDocument(r, teach.Title(u.title, text), text)
	}
	status, msg := uploadError(err)
	if status == 0 {
		h.Error(w, r, err)
		return
	}
	if status != http.StatusSeeOther {
		vm.Error = msg
		h.render(w, r, status, views.UploadPage(vm))
		return
	}
	h.sessions.Put(r.Context(), "flash", msg)
	http.Redirect(w, r, reviewPath(id), http.StatusSeeOther)
}

var errTimeout = errors.New("generation took too long")

// uploadError maps the outcome of an upload to a status and a message; 0
// for an unexpected error.
func uploadError(err error) (int, string) {
	var verr *quiz.ValidationError
	switch {
	case err == nil:
		return http.StatusSeeOther, "Document stored and its cards generated: review them below."
	case errors.Is(err, teach.ErrTooLarge):
		return http.StatusRequestEntityTooLarge, fmt.Sprintf("The document is larger than %d MB.", teach.MaxDocumentBytes>>20)
	case errors.Is(err, teach.ErrBinary):
		return http.StatusUnsupportedMediaType, "This is not a text file (it has NUL or other binary bytes). Upload a .txt or .md file, or paste the text."
	case errors.As(err, &verr):
		return http.StatusUnprocessableEntity, verr.Error()
	case errors.Is(err, quiz.ErrConflict):
		return http.StatusConflict, "You already uploaded this exact text."
	case errors.Is(err, errTimeout):
		return http.StatusServiceUnavailable, "Making questions from this document took too long, so it was not stored. Try a shorter part of it."
	}
	return 0, ""
}

// createDocument generates the cards of text and stores the document.
func (h *teacher) createDocument(r *http.Request, title, text string) (int64, error) {
	slug := fmt.Sprintf("t%d-%s", owner(r), store.Hash(text)[:12])
	q, err := h.db.TeacherQuota(r.Context(), owner(r))
	if err != nil {
		return 0, err
	}
	if err := teach.CheckQuota(q, len(text)); err != nil {
		return 0, err
	}
	pool, err := h.pool()
	if err != nil {
		return 0, err
	}
	ctx, cancel := context.WithTimeout(r.Context(), h.deadline)
	defer cancel()
	type result struct {
		doc   gen.Doc
		cards []quiz.Card
		err   error
	}
	done := make(chan result, 1) // buffered: an abandoned generation finishes and is dropped
	go func() {
		d, err := extractDoc(slug, text)
		if err != nil {
			done <- result{err: err}
			return
		}
		done <- result{doc: d, cards: gen.Generate(d, pool, gen.DefaultOptions())}
	}()
	var res result
	select {
	case res = <-done:
	case <-ctx.Done():
		return 0, errTimeout
	}
	if res.err != nil {
		return 0, res.err
	}
	doc := quiz.Document{Slug: slug, Title: title, Body: text}
	for _, t := range res.doc.Extraction.Topics {
		doc.Topics = append(doc.Topics, t.Name)
	}
	d, err := h.db.CreateTeacherDocument(r.Context(), owner(r), doc, res.cards)
	return d.ID, err
}

// teacherDoc reads {doc}: one of the teacher's documents.
func (h *teacher) teacherDoc(r *http.Request) (quiz.Document, error) {
	id, err := strconv.ParseInt(chi.URLParam(r, "doc"), 10, 64)
	if err != nil || id <= 0 {
		return quiz.Document{}, quiz.ErrNotFound
	}
	return h.db.TeacherDocument(r.Context(), owner(r), id)
}

func reviewPath(docID int64) string { return fmt.Sprintf("/teach/documents/%d/cards", docID) }

// backToQueue redirects to the review queue, keeping its filters.
func backToQueue(w http.ResponseWriter, r *http.Request, docID int64) {
	to := reviewPath(docID)
	if q := r.PostFormValue("back"); strings.HasPrefix(q, "?") {
		to += q
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}
