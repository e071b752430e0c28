package main

import "github.com/go-chi/chi/v5"

// mountRead adds this resource's routes to the session-backed group.
func (s *server) mountRead(r chi.Router) {}
