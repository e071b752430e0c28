package main

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/go-chi/chi/v5"

	"github.com/factdeck/factdeck/quiz"
	"github.com/factdeck/factdeck/quiz/teach"
	"github.com/factdeck/factdeck/views"
)

// reviewFilter reads the queue's filters from the query string.
func reviewFilter(q url.Values) teach.Filter {
	f := teach.Filter{TopicID: q.Get("topic"), Kind: quiz.CardKind(q.Get("kind")), Status: teach.Status(q.Get("status"))}
	switch q.Get("score") {
	case "low":
		f.MaxScore = 0.5
	case "high":
		f.MinScore = 0.5
	}
	return f
}

func (h *teacher) handleReviewShow(w http.ResponseWriter, r *http.Request) {
	doc, err := h.teacherDoc(r)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	all, err := h.db.ReviewQueue(r.Context(), owner(r), doc.ID)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	q := r.URL.Query()
	vm := views.ReviewVM{Chrome: h.chrome(r, "Review · "+doc.Title), DocID: doc.ID, DocTitle: doc.Title,
		Topic: q.Get("topic"), Kind: q.Get("kind"), Status: q.Get("status"), Score: q.Get("score"),
		Total: len(all), Reasons: teach.Reasons, Back: "?" + q.Encode()}
	seen := map[string]bool{}
	for _, rc := range all {
		if !seen[rc.Original.TopicID] {
			seen[rc.Original.TopicID] = true
			vm.Topics = append(vm.Topics, views.Option{Value: rc.Original.TopicID, Label: rc.Original.Topic})
		}
	}
	for _, rc := range reviewFilter(q).Apply(all) {
		vm.Cards = append(vm.Cards, reviewCardVM(rc))
	}
	h.render(w, r, http.StatusOK, views.ReviewPage(vm))
}

func reviewCardVM(rc teach.Reviewed) views.ReviewCard {
	before, mark, after := teach.Highlight(rc.Original)
	c := views.ReviewCard{ID: rc.Card.ID, Kind: string(rc.Card.Kind), Topic: rc.Card.Topic, Prompt: rc.Card.Prompt,
		Answer: rc.Card.Answer, Choices: rc.Card.Choices, Score: fmt.Sprintf("%.2f", rc.Original.Score),
		Status: string(rc.Status), Reason: rc.Reason, Before: before, Mark: mark, After: after}
	if rc.Status == teach.Edited {
		c.OriginalPrompt, c.OriginalAnswer = rc.Original.Prompt, rc.Original.Answer
	}
	return c
}

func (h *teacher) decide(w http.ResponseWriter, r *http.Request, status teach.Status, reason string) {
	doc, err := h.teacherDoc(r)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	if err := h.db.DecideCards(r.Context(), owner(r), doc.ID, status, reason, []string{chi.URLParam(r, "card")}); err != nil {
		h.Error(w, r, err)
		return
	}
	h.sessions.Put(r.Context(), "flash", "Card "+string(status)+".")
	backToQueue(w, r, doc.ID)
}

func (h *teacher) handleCardApprove(w http.ResponseWriter, r *http.Request) {
	h.decide(w, r, teach.Approved, "")
}

func (h *teacher) handleCardReject(w http.ResponseWriter, r *http.Request) {
	reason := r.PostFormValue("reason")
	if !teach.ValidReason(reason) {
		h.Error(w, r, quiz.Invalid("reason", "Choose why the card is rejected: wrong, ambiguous, trivial or badly worded."))
		return
	}
	h.decide(w, r, teach.Rejected, reason)
}

func (h *teacher) handleCardEdit(w http.ResponseWriter, r *http.Request) {
	doc, err := h.teacherDoc(r)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	rc, err := h.db.ReviewedCard(r.Context(), owner(r), doc.ID, chi.URLParam(r, "card"))
	if err != nil {
		h.Error(w, r, err)
		return
	}
	edited, err := teach.ApplyEdit(rc.Card, teach.Edit{Prompt: r.PostFormValue("prompt"), Answer: r.PostFormValue("answer")})
	if err == nil {
		err = h.db.EditCard(r.Context(), owner(r), doc.ID, edited)
	}
	if err != nil {
		h.Error(w, r, err)
		return
	}
	h.sessions.Put(r.Context(), "flash", "Card edited and approved; the original is kept.")
	backToQueue(w, r, doc.ID)
}

func (h *teacher) handleCardAdd(w http.ResponseWriter, r *http.Request) {
	doc, err := h.teacherDoc(r)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	id := doc.Slug + "/hand-" + strconv.FormatInt(h.now().UnixNano(), 36)
	c, err := teach.NewCard(id, r.PostFormValue("topic"), r.PostFormValue("prompt"), r.PostFormValue("answer"), r.PostFormValue("source"))
	if err == nil {
		c.Source.Doc = doc.Slug
		err = h.db.AddCard(r.Context(), owner(r), doc.ID, c)
	}
	if err != nil {
		h.Error(w, r, err)
		return
	}
	h.sessions.Put(r.Context(), "flash", "Card added and approved.")
	backToQueue(w, r, doc.ID)
}

// handleCardsBulk approves every pending card of a topic and kind.
func (h *teacher) handleCardsBulk(w http.ResponseWriter, r *http.Request) {
	doc, err := h.teacherDoc(r)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	all, err := h.db.ReviewQueue(r.Context(), owner(r), doc.ID)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	f := teach.Filter{TopicID: r.PostFormValue("topic"), Kind: quiz.CardKind(r.PostFormValue("kind")), Status: teach.Pending}
	var ids []string
	for _, rc := range f.Apply(all) {
		ids = append(ids, rc.Card.ID)
	}
	if err := h.db.DecideCards(r.Context(), owner(r), doc.ID, teach.Approved, "", ids); err != nil {
		h.Error(w, r, err)
		return
	}
	h.sessions.Put(r.Context(), "flash", fmt.Sprintf("%d cards approved.", len(ids)))
	backToQueue(w, r, doc.ID)
}
