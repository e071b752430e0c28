package main

import (
	"net/http"

	"github.com/factdeck/factdeck/store"
	"github.com/factdeck/factdeck/views"
)

func (s *server) handleHealthz(w http.ResponseWriter, r *http.Request) {
	if err := s.db.Ping(r.Context()); err != nil {
		s.log.Error("healthz", "err", err)
		http.Error(w, "database unavailable", http.StatusServiceUnavailable)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write([]byte("ok\n"))
}

func (s *server) handleHome(w http.ResponseWriter, r *http.Request) {
	docs, err := s.db.Documents(r.Context(), store.DocumentFilter{})
	if err != nil {
		s.Error(w, r, err)
		return
	}
	vm := views.HomeVM{Chrome: s.chrome(r, "Documents")}
	if vm.Sets, err = s.memberSets(r); err != nil {
		s.Error(w, r, err)
		return
	}
	for _, d := range docs {
		counts, err := s.counts(r, d.ID)
		if err != nil {
			s.Error(w, r, err)
			return
		}
		topics, err := s.topicDeckSummaries(r, d.ID)
		if err != nil {
			s.Error(w, r, err)
			return
		}
		vm.Docs = append(vm.Docs, views.DocSummary{
			ID: d.ID, Title: d.Title, Bytes: d.Size(), Topics: d.Topics, Source: d.Source, Counts: counts,
			TopicDecks: topics,
		})
	}
	s.render(w, r, http.StatusOK, views.HomePage(vm))
}
