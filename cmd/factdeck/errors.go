package main

import (
	"bytes"
	"context"
	"errors"
	"net/http"

	"github.com/a-h/templ"

	"github.com/factdeck/factdeck/quiz"
	"github.com/factdeck/factdeck/views"
)

// chrome builds the layout's view model for a request on a session route,
// taking any flash message out of the session.
func (s *server) chrome(r *http.Request, title string) views.Chrome {
	return views.Chrome{Title: title, Assets: s.assets, Flash: s.sessions.PopString(r.Context(), "flash"),
		Theme: s.sessions.GetString(r.Context(), "theme")}
}

// render writes a component with status, rendering into a buffer first so
// a render error becomes a clean 500 instead of half a page.
func (s *server) render(w http.ResponseWriter, r *http.Request, status int, c templ.Component) {
	var buf bytes.Buffer
	if err := c.Render(r.Context(), &buf); err != nil {
		s.serverError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = buf.WriteTo(w)
}

// renderError writes an error page; it never fails into another error page.
func (s *server) renderError(w http.ResponseWriter, r *http.Request, status int, heading, msg string) {
	vm := views.ErrorVM{Chrome: views.Chrome{Title: heading, Assets: s.assets}, Status: status, Heading: heading, Message: msg}
	var buf bytes.Buffer
	if err := views.ErrorPage(vm).Render(context.WithoutCancel(r.Context()), &buf); err != nil {
		http.Error(w, heading, status)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = buf.WriteTo(w)
}

// Error maps an error to a status and a page: quiz.ErrNotFound 404,
// quiz.ErrConflict 409, validation 422, too large 413; anything else is
// logged and shown as a 500 without its details.
func (s *server) Error(w http.ResponseWriter, r *http.Request, err error) {
	var verr *quiz.ValidationError
	var maxErr *http.MaxBytesError
	switch {
	case errors.Is(err, quiz.ErrNotFound):
		s.handleNotFound(w, r)
	case errors.Is(err, quiz.ErrConflict):
		s.renderError(w, r, http.StatusConflict, "Already changed",
			"Someone (perhaps you, in another tab) changed this first. Reload the page to see the current state.")
	case errors.As(err, &verr):
		s.renderError(w, r, http.StatusUnprocessableEntity, "Please check the form", verr.Error())
	case errors.As(err, &maxErr), errors.Is(err, errTooLarge):
		s.renderError(w, r, http.StatusRequestEntityTooLarge, "Too large", "What you sent is larger than factdeck accepts.")
	default:
		s.serverError(w, r, err)
	}
}

func (s *server) serverError(w http.ResponseWriter, r *http.Request, err error) {
	s.log.Error("internal error", "method", r.Method, "path", r.URL.Path, "err", err)
	s.renderError(w, r, http.StatusInternalServerError, "Something went wrong",
		"factdeck hit an internal error. Nothing you saved was lost; please try again.")
}

func (s *server) handleNotFound(w http.ResponseWriter, r *http.Request) {
	s.renderError(w, r, http.StatusNotFound, "Not found", "There is nothing at this address.")
}

func (s *server) handleMethodNotAllowed(w http.ResponseWriter, r *http.Request) {
	s.renderError(w, r, http.StatusMethodNotAllowed, "Not allowed", "This address does not accept that kind of request.")
}
