package main

import "github.com/go-chi/chi/v5"

// mountQuiz adds this resource's routes to the session-backed group.
func (s *server) mountQuiz(r chi.Router) {}
