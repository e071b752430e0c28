package main

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/factdeck/factdeck/assets"
)

// maxBody bounds every request body; routes that take uploads check their
// own, smaller limits on top.
const maxBody = 4 << 20

// routes is the whole route table.
func (s *server) routes() http.Handler {
	r := chi.NewRouter()
	r.Use(s.securityHeaders, s.logRequests, s.recoverPanics, s.crossOriginProtection, limitBody(maxBody))
	r.NotFound(s.handleNotFound)
	r.MethodNotAllowed(s.handleMethodNotAllowed)

	r.Get("/healthz", s.handleHealthz)
	r.Handle(assets.Prefix+"*", s.assets)

	r.Group(func(r chi.Router) {
		r.Use(s.sessions.LoadAndSave, s.learner)
		r.Get("/", s.handleHome)
		r.Get("/decks/{deck}", s.handleDeckShow)
		r.Get("/decks/{deck}/study", s.handleStudyShow)
		r.Get("/decks/{deck}/study/check", s.handleStudyCheck)
		r.Post("/decks/{deck}/study/grade", s.handleStudyGrade)
		r.Post("/decks/{deck}/study/undo", s.handleStudyUndo)
		s.mountQuiz(r)
		s.mountRead(r)
		s.mountTopics(r)
		s.mountProgress(r)
		s.mountAccounts(r)
		s.mountTeacher(r)
	})
	return r
}
