package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/alexedwards/scs/v2"
	"github.com/factdeck/factdeck/assets"
	"github.com/factdeck/factdeck/store"
)

// shutdownGrace bounds how long in-flight requests may run after a stop
// signal; the whole stop must finish within 5 s.
const shutdownGrace = 4 * time.Second

// config is serve's configuration, from flags over environment over defaults.
type config struct {
	addr          string
	db            string
	secureCookies bool
}

func parseServe(args []string, getenv func(string) string, stderr io.Writer) (config, bool, error) {
	c := config{addr: "127.0.0.1:8080", db: "factdeck.db"}
	if v := getenv("FACTDECK_ADDR"); v != "" {
		c.addr = v
	}
	if v := getenv("FACTDECK_DB"); v != "" {
		c.db = v
	}
	c.secureCookies = getenv("FACTDECK_SECURE_COOKIES") == "1"
	fs := newFlagSet("serve", stderr)
	fs.StringVar(&c.addr, "addr", c.addr, "address to listen on")
	fs.StringVar(&c.db, "db", c.db, "SQLite database file, or a postgres:// URL")
	fs.BoolVar(&c.secureCookies, "secure-cookies", c.secureCookies, "Secure, __Host- session cookie")
	done, err := parseFlags(fs, args)
	if err == nil && fs.NArg() > 0 {
		fmt.Fprintf(stderr, "factdeck serve: unexpected argument %q\n", fs.Arg(0))
		return c, true, errUsage
	}
	return c, done, err
}

func runServe(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	cfg, done, err := parseServe(args, getenv, stderr)
	if done || err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	db, err := store.Open(ctx, cfg.db)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := seed(ctx, db, log); err != nil {
		return err
	}
	srv := newServer(db, log, cfg)
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	hs := &http.Server{
		Handler:           srv.routes(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	fmt.Fprintf(stdout, "factdeck: serving http://%s (database %s)\n", ln.Addr(), store.Redact(cfg.db))
	go srv.cleanSessions(ctx, time.Hour)
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}

// sessionLifetime is how long an unused session (and so an anonymous
// learner's progress on that browser) lasts.
const (
	sessionLifetime   = 180 * 24 * time.Hour
	sessionRenewEvery = 7 * 24 * time.Hour
)

// server holds what the handlers need; it is assembled by plain assignment.
type server struct {
	db       *store.DB
	log      *slog.Logger
	sessions *scs.SessionManager
	assets   *assets.Set
	now      func() time.Time // the clock; tests may replace it
	topics   sync.Map         // document id -> []views.TopicRow (cards of a public deck version are made once)
}

func newServer(db *store.DB, log *slog.Logger, cfg config) *server {
	sm := scs.New()
	sm.Store = db.Sessions()
	sm.Codec = sessionCodec{}
	// A sliding lifetime without scs's IdleTimeout, which rewrites the
	// session on every request: the learner middleware extends the deadline
	// at most once a week (see sessionRenewEvery).
	sm.Lifetime = sessionLifetime
	sm.Cookie.Name = "factdeck"
	sm.Cookie.HttpOnly = true
	sm.Cookie.SameSite = http.SameSiteLaxMode
	sm.Cookie.Persist = true
	sm.Cookie.Path = "/"
	if cfg.secureCookies {
		sm.Cookie.Name = "__Host-factdeck"
		sm.Cookie.Secure = true
	}
	s := &server{db: db, log: log, sessions: sm, assets: assets.Load(), now: time.Now}
	sm.ErrorFunc = func(w http.ResponseWriter, r *http.Request, err error) {
		s.serverError(w, r, err)
	}
	return s
}

// cleanSessions deletes expired sessions every interval until ctx ends; of
// several app servers on one database, one does it each interval
// (store.DB.ClaimJob).
func (s *server) cleanSessions(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if ok, err := s.db.ClaimJob(ctx, "session-cleanup", every); err != nil || !ok {
				if err != nil {
					s.log.Warn("session cleanup", "err", err)
				}
				continue
			}
			if n, err := s.db.Sessions().DeleteExpired(ctx); err != nil {
				s.log.Warn("session cleanup", "err", err)
			} else if n > 0 {
				s.log.Info("session cleanup", "deleted", n)
			}
		}
	}
}
