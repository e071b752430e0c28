package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// SessionStore is an scs.CtxStore over the store's own pools, so sessions
// live in the same database file as everything else.
type SessionStore struct{ db *DB }

// Sessions returns the scs store backed by db.
func (db *DB) Sessions() *SessionStore { return &SessionStore{db: db} }

// FindCtx returns the session data for token if it exists and has not expired.
func (s *SessionStore) FindCtx(ctx context.Context, token string) ([]byte, bool, error) {
	c := s.db.cache
	if c == nil {
		data, expiry, found, err := s.findExpiry(ctx, token)
		if err != nil || !found || !expiry.After(s.db.now()) {
			return nil, false, err
		}
		return data, true, nil
	}
	st := c.sessionStamp(token)
	if e, ok := get(&c.mu, c.sess, token); ok && e.stamp == st {
		if !e.found || !e.expiry.After(s.db.now()) {
			return nil, false, nil
		}
		return append([]byte(nil), e.data...), true, nil
	}
	data, expiry, found, err := s.findExpiry(ctx, token)
	if err != nil {
		return nil, false, err
	}
	put(&c.mu, c.sess, token, sessionEntry{st, append([]byte(nil), data...), expiry, found})
	if !found || !expiry.After(s.db.now()) {
		return nil, false, nil
	}
	return data, true, nil
}

// findExpiry reads a session whatever its expiry; found is false when there
// is no such session.
func (s *SessionStore) findExpiry(ctx context.Context, token string) (data []byte, expiry time.Time, found bool, err error) {
	var exp string
	st, err := s.db.readStmt(ctx, `SELECT data, expiry FROM sessions WHERE token = $1`)
	if err != nil {
		return nil, time.Time{}, false, err
	}
	err = st.QueryRowContext(ctx, token).Scan(&data, &exp)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, time.Time{}, false, nil
	}
	if err != nil {
		return nil, time.Time{}, false, fmt.Errorf("store: find session: %w", err)
	}
	if expiry, err = parseTS(exp); err != nil {
		return nil, time.Time{}, false, fmt.Errorf("store: session expiry: %w", err)
	}
	return data, expiry, true, nil
}

// CommitCtx saves the session data for token until expiry.
func (s *SessionStore) CommitCtx(ctx context.Context, token string, b []byte, expiry time.Time) error {
	_, err := s.db.write.ExecContext(ctx, `INSERT INTO sessions (token, data, expiry) VALUES ($1, $2, $3)
		ON CONFLICT (token) DO UPDATE SET data = excluded.data, expiry = excluded.expiry`,
		token, b, ts(expiry))
	if c := s.db.cache; c != nil {
		c.touchSession(token) // even on error: the write may have landed
	}
	if err != nil {
		return fmt.Errorf("store: commit session: %w", err)
	}
	return nil
}

// DeleteCtx removes a session.
func (s *SessionStore) DeleteCtx(ctx context.Context, token string) error {
	_, err := s.db.write.ExecContext(ctx, `DELETE FROM sessions WHERE token = $1`, token)
	if c := s.db.cache; c != nil {
		c.touchSession(token)
	}
	if err != nil {
		return fmt.Errorf("store: delete session: %w", err)
	}
	return nil
}

// Find implements scs.Store.
func (s *SessionStore) Find(token string) ([]byte, bool, error) {
	return s.FindCtx(context.Background(), token)
}

// Commit implements scs.Store.
func (s *SessionStore) Commit(token string, b []byte, expiry time.Time) error {
	return s.CommitCtx(context.Background(), token, b, expiry)
}

// Delete implements scs.Store.
func (s *SessionStore) Delete(token string) error {
	return s.DeleteCtx(context.Background(), token)
}

// DeleteExpired removes sessions past their expiry and reports how many.
func (s *SessionStore) DeleteExpired(ctx context.Context) (int64, error) {
	res, err := s.db.write.ExecContext(ctx, `DELETE FROM sessions WHERE expiry <= $1`, ts(s.db.now()))
	if err != nil {
		return 0, fmt.Errorf("store: delete expired sessions: %w", err)
	}
	return res.RowsAffected()
}
