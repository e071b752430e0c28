-- Optional accounts. A learner exists from the first visit; signing up
-- attaches a name and a password to the visitor's learner, so progress
-- stays keyed by learner_id everywhere else. username keeps the spelling
-- typed at sign-up; username_key (lower-cased, usernames are ASCII) is
-- what uniqueness and log-in compare.
CREATE TABLE accounts (
	id            INTEGER PRIMARY KEY,
	username      TEXT    NOT NULL,
	username_key  TEXT    NOT NULL UNIQUE,
	password_hash TEXT    NOT NULL,
	learner_id    INTEGER NOT NULL UNIQUE REFERENCES learners (id),
	role          TEXT    NOT NULL DEFAULT 'student' CHECK (role IN ('student', 'teacher')),
	created_at    TEXT    NOT NULL,
	updated_at    TEXT    NOT NULL
);
