package main

import (
	"bytes"
	"fmt"
	"net/http"
	"slices"
	"strconv"

	"github.com/go-chi/chi/v5"

	"github.com/factdeck/factdeck/quiz"
	"github.com/factdeck/factdeck/quiz/export"
	"github.com/factdeck/factdeck/quiz/teach"
	"github.com/factdeck/factdeck/store"
	"github.com/factdeck/factdeck/views"
)

func (h *teacher) mountSets(r chi.Router) {
	r.Get("/sets/new", h.handleSetNew)
	r.Post("/sets/new", h.handleSetCreate)
	r.Get("/sets/{set}", h.handleSetShow)
	r.Post("/sets/{set}/move", h.handleSetMove)
	r.Post("/sets/{set}/remove", h.handleSetRemove)
	r.Post("/sets/{set}/add", h.handleSetAdd)
	r.Post("/sets/{set}/publish", h.handleSetPublish)
	r.Get("/sets/{set}/export/{format}", h.handleSetExport)
	r.Get("/sets/{set}/results", h.handleSetResults)
	r.Get("/sets/{set}/results.csv", h.handleSetResultsCSV)
}

func setPath(id int64) string { return fmt.Sprintf("/teach/sets/%d", id) }

// teacherSet reads {set}: one of the teacher's sets with its cards.
func (h *teacher) teacherSet(r *http.Request) (store.Set, error) {
	id, err := strconv.ParseInt(chi.URLParam(r, "set"), 10, 64)
	if err != nil || id <= 0 {
		return store.Set{}, quiz.ErrNotFound
	}
	return h.db.TeacherSet(r.Context(), owner(r), id)
}

func (h *teacher) setFormVM(r *http.Request) (views.SetFormVM, error) {
	docs, err := h.db.TeacherDocuments(r.Context(), owner(r))
	vm := views.SetFormVM{Chrome: h.chrome(r, "New question set")}
	for _, d := range docs {
		vm.Docs = append(vm.Docs, views.Option{Value: strconv.FormatInt(d.ID, 10), Label: d.Title})
	}
	return vm, err
}

func (h *teacher) handleSetNew(w http.ResponseWriter, r *http.Request) {
	vm, err := h.setFormVM(r)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	vm.Doc = r.URL.Query().Get("doc")
	h.render(w, r, http.StatusOK, views.SetFormPage(vm))
}

// handleSetCreate makes a set of a document's approved cards, of one topic
// and kind if the form says so.
func (h *teacher) handleSetCreate(w http.ResponseWriter, r *http.Request) {
	vm, err := h.setFormVM(r)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	vm.Doc, vm.Name, vm.Description = r.PostFormValue("doc"), r.PostFormValue("name"), r.PostFormValue("description")
	vm.Topic, vm.Kind = r.PostFormValue("topic"), r.PostFormValue("kind")
	docID, _ := strconv.ParseInt(vm.Doc, 10, 64)
	all, err := h.db.ReviewQueue(r.Context(), owner(r), docID)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	f := teach.Filter{TopicID: vm.Topic, Kind: quiz.CardKind(vm.Kind)}
	var ids []string
	for _, rc := range f.Apply(all) {
		if rc.Status.Usable() {
			ids = append(ids, rc.Card.ID)
		}
	}
	switch {
	case vm.Name == "":
		vm.Error = "Give the set a name."
	case len(ids) == 0:
		vm.Error = "No approved cards match: approve some cards in the review queue first."
	}
	if vm.Error != "" {
		h.render(w, r, http.StatusUnprocessableEntity, views.SetFormPage(vm))
		return
	}
	id, err := h.db.CreateSet(r.Context(), store.NewSet{Owner: owner(r), DocID: docID, Name: vm.Name,
		Description: vm.Description, CardIDs: ids})
	if err != nil {
		h.Error(w, r, err)
		return
	}
	h.sessions.Put(r.Context(), "flash", fmt.Sprintf("Set created with %d cards.", len(ids)))
	http.Redirect(w, r, setPath(id), http.StatusSeeOther)
}

func (h *teacher) handleSetShow(w http.ResponseWriter, r *http.Request) {
	set, err := h.teacherSet(r)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	all, err := h.db.ReviewQueue(r.Context(), owner(r), set.DocID)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	vm := views.SetVM{Chrome: h.chrome(r, set.Name), ID: set.ID, Name: set.Name, Description: set.Description,
		DocTitle: set.DocTitle, Code: set.Code}
	if set.Code != "" {
		vm.JoinPath = "/join/" + set.Code
	}
	in := map[string]bool{}
	for _, rc := range set.Cards {
		in[rc.Card.ID] = true
		vm.Cards = append(vm.Cards, views.SetCard{ID: rc.Card.ID, Prompt: rc.Card.Prompt, Answer: rc.Card.Answer,
			Kind: string(rc.Card.Kind), Topic: rc.Card.Topic, Edited: rc.Status == teach.Edited})
	}
	for _, rc := range all {
		if rc.Status.Usable() && !in[rc.Card.ID] {
			vm.Addable = append(vm.Addable, views.Option{Value: rc.Card.ID, Label: rc.Card.Prompt})
		}
	}
	for _, f := range export.Formats {
		vm.Exports = append(vm.Exports, views.Option{Value: fmt.Sprintf("%s/export/%s", setPath(set.ID), f),
			Label: f + " (" + export.Infos[f].Ext + ")"})
	}
	h.render(w, r, http.StatusOK, views.SetPage(vm))
}

func (h *teacher) reorder(w http.ResponseWriter, r *http.Request, change func([]string, int) []string) {
	set, err := h.teacherSet(r)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	ids := make([]string, len(set.Cards))
	for i, rc := range set.Cards {
		ids[i] = rc.Card.ID
	}
	i := slices.Index(ids, r.PostFormValue("card"))
	if i < 0 {
		h.Error(w, r, quiz.ErrNotFound)
		return
	}
	if err := h.db.OrderSet(r.Context(), owner(r), set.ID, change(ids, i)); err != nil {
		h.Error(w, r, err)
		return
	}
	http.Redirect(w, r, setPath(set.ID), http.StatusSeeOther)
}

func (h *teacher) handleSetMove(w http.ResponseWriter, r *http.Request) {
	delta := 1
	if r.PostFormValue("dir") == "up" {
		delta = -1
	}
	h.reorder(w, r, func(ids []string, i int) []string { return teach.Move(ids, i, delta) })
}

func (h *teacher) handleSetRemove(w http.ResponseWriter, r *http.Request) {
	h.reorder(w, r, func(ids []string, i int) []string { return slices.Delete(ids, i, i+1) })
}

func (h *teacher) handleSetAdd(w http.ResponseWriter, r *http.Request) {
	set, err := h.teacherSet(r)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	if err := h.db.AddSetCards(r.Context(), owner(r), set.ID, []string{r.PostFormValue("card")}); err != nil {
		h.Error(w, r, err)
		return
	}
	http.Redirect(w, r, setPath(set.ID), http.StatusSeeOther)
}

func (h *teacher) handleSetPublish(w http.ResponseWriter, r *http.Request) {
	set, err := h.teacherSet(r)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	code, err := h.db.PublishSet(r.Context(), owner(r), set.ID, teach.NewCode)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	h.sessions.Put(r.Context(), "flash", "Published. Class code: "+code)
	http.Redirect(w, r, setPath(set.ID), http.StatusSeeOther)
}

// handleSetExport downloads the set in one format: its cards as the
// teacher edited them, in the set's order, each edited card's mod time
// its last edit.
func (h *teacher) handleSetExport(w http.ResponseWriter, r *http.Request) {
	set, err := h.teacherSet(r)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	format := chi.URLParam(r, "format")
	info, ok := export.Infos[format]
	if !ok {
		h.handleNotFound(w, r)
		return
	}
	es := export.Set{Name: set.Name, Description: set.Description, Time: h.now(), Modified: set.Modified}
	for _, rc := range set.Cards {
		es.Cards = append(es.Cards, rc.Card)
	}
	var buf bytes.Buffer
	if err := exporter.Write(&buf, format, es); err != nil {
		h.Error(w, r, err)
		return
	}
	w.Header().Set("Content-Type", info.MimeType)
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="factdeck-set-%d%s"`, set.ID, info.Ext))
	w.Header().Set("Cache-Control", "no-store")
	_, _ = buf.WriteTo(w)
}
