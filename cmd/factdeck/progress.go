package main

import (
	"net/http"
	"strconv"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/factdeck/factdeck/quiz"
	"github.com/factdeck/factdeck/quiz/stats"
	"github.com/factdeck/factdeck/store"
	"github.com/factdeck/factdeck/views"
)

// mountProgress adds this resource's routes to the session-backed group.
func (s *server) mountProgress(r chi.Router) {
	r.Get("/progress", s.handleProgressShow)
	r.Get("/settings", s.handleSettingsShow)
	r.Post("/settings", s.handleSettingsUpdate)
}

// handleProgressShow shows the learner's statistics over every deck, or
// one deck with ?deck=ID (a document version id; unknown ids are 404).
func (s *server) handleProgressShow(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	docs, err := s.db.Documents(ctx, store.DocumentFilter{})
	if err != nil {
		s.Error(w, r, err)
		return
	}
	deckID, title, err := s.progressDeck(r, docs)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	settings, sched, err := s.scheduler(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	now, loc, learner := s.now(), settings.Location(), learnerID(r)
	since := stats.Since(now, loc)
	reviews, err := s.db.StatsReviews(ctx, learner, deckID, since, now.Add(time.Second))
	if err != nil {
		s.Error(w, r, err)
		return
	}
	cards, err := s.db.StatsCards(ctx, learner, deckID)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	vm := views.ProgressVM{Chrome: s.chrome(r, "Progress"), DeckTitle: title, TimeZone: loc.String()}
	vm.Stats = stats.Compute(stats.Input{Now: now, Location: loc, Reviews: reviews, Since: since,
		Cards: cards, Recall: sched.Retrievability})
	for _, d := range docs {
		vm.Decks = append(vm.Decks, views.DeckOption{ID: d.ID, Title: d.Title, Selected: d.ID == deckID})
	}
	s.render(w, r, http.StatusOK, views.ProgressPage(vm))
}

// progressDeck reads ?deck: 0 and "" for all decks; an id not among docs
// is not found.
func (s *server) progressDeck(r *http.Request, docs []quiz.Document) (int64, string, error) {
	raw := r.URL.Query().Get("deck")
	if raw == "" {
		return 0, "", nil
	}
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil || id <= 0 {
		return 0, "", quiz.ErrNotFound
	}
	for _, d := range docs {
		if d.ID == id {
			return id, d.Title, nil
		}
	}
	doc, err := s.db.Document(r.Context(), id) // an older version of a document
	return doc.ID, doc.Title, err
}
