package main

import "github.com/go-chi/chi/v5"

// mountAccounts adds this resource's routes to the session-backed group.
func (s *server) mountAccounts(r chi.Router) {}
