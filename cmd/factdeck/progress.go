package main

import "github.com/go-chi/chi/v5"

// mountProgress adds this resource's routes to the session-backed group.
func (s *server) mountProgress(r chi.Router) {}
