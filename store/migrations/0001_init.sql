-- Documents are versioned: a changed text under the same slug is a new row,
-- so what learners studied is never overwritten.
CREATE TABLE documents (
	id         INTEGER PRIMARY KEY,
	slug       TEXT    NOT NULL,
	version    INTEGER NOT NULL,
	title      TEXT    NOT NULL,
	hash       TEXT    NOT NULL,
	body       TEXT    NOT NULL,
	topics     TEXT    NOT NULL DEFAULT '',
	source     TEXT    NOT NULL,
	created_at TEXT    NOT NULL,
	UNIQUE (slug, version),
	UNIQUE (slug, hash)
);

-- A learner exists from the first visit; accounts come later.
CREATE TABLE learners (
	id         INTEGER PRIMARY KEY,
	created_at TEXT NOT NULL
);

-- scs sessions, kept in the same database (see store/session.go).
CREATE TABLE sessions (
	token  TEXT PRIMARY KEY,
	data   BLOB NOT NULL,
	expiry TEXT NOT NULL
);
CREATE INDEX sessions_expiry_idx ON sessions (expiry);
