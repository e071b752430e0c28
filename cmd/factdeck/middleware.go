package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"runtime/debug"
	"time"

	"github.com/go-chi/chi/v5/middleware"
)

// csp allows only the site's own files: no inline script or style.
const csp = "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

// securityHeaders sets the headers every response carries, errors included.
func (s *server) securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
		next.ServeHTTP(w, r)
	})
}

// logRequests writes one structured line per request.
func (s *server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		ww := middleware.NewWrapResponseWriter(w, r.ProtoMajor)
		next.ServeHTTP(ww, r)
		status := ww.Status()
		if status == 0 {
			status = http.StatusOK
		}
		s.log.Info("request", "method", r.Method, "path", r.URL.Path,
			"status", status, "duration", time.Since(start))
	})
}

// recoverPanics answers a panicking handler with a 500 page and keeps the
// server serving.
func (s *server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler {
				panic(v)
			}
			s.serverError(w, r, fmt.Errorf("panic: %v\n%s", v, debug.Stack()))
		}()
		next.ServeHTTP(w, r)
	})
}

func limitBody(n int64) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			r.Body = http.MaxBytesReader(w, r.Body, n)
			next.ServeHTTP(w, r)
		})
	}
}

// crossOriginProtection refuses state-changing requests from other origins
// (Sec-Fetch-Site / Origin checks) with a 403 page.
func (s *server) crossOriginProtection(next http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.renderError(w, r, http.StatusForbidden, "Request refused",
			"This form was sent from another site, so it was not accepted. Reload the page and try again.")
	}))
	return cop.Handler(next)
}

type ctxKey int

const learnerKey ctxKey = iota

// learner makes sure every visitor has a learner record, kept in the
// session: studying never requires sign-up.
func (s *server) learner(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		// Sessions live in the same database as learners, so a session's
		// learner id always names an existing learner.
		id := s.sessions.GetInt64(ctx, "learner")
		if id == 0 {
			var err error
			if id, err = s.db.CreateLearner(ctx); err != nil {
				s.serverError(w, r, err)
				return
			}
			s.sessions.Put(ctx, "learner", id)
		}
		// Slide the session's expiry forward, writing it at most weekly.
		if now := time.Now(); s.sessions.Deadline(ctx).Sub(now) < sessionLifetime-sessionRenewEvery {
			s.sessions.SetDeadline(ctx, now.Add(sessionLifetime))
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(ctx, learnerKey, id)))
	})
}

var errTooLarge = errors.New("request body too large")

// learnerID is the current learner's id, set by the learner middleware.
func learnerID(r *http.Request) int64 {
	id, _ := r.Context().Value(learnerKey).(int64)
	return id
}
