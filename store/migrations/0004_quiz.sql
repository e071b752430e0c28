-- Self-test quiz attempts. settings is the JSON of quizset.Settings;
-- card_ids the JSON array of the card ids asked, in order (position 1 is
-- the first), picked by quizset.Pick from seed. A retry points at the
-- attempt whose missed cards it asks again.
CREATE TABLE quizzes (
	id         INTEGER PRIMARY KEY,
	learner_id INTEGER NOT NULL REFERENCES learners (id),
	doc_id     INTEGER NOT NULL REFERENCES documents (id),
	settings   TEXT    NOT NULL,
	seed       INTEGER NOT NULL,
	card_ids   TEXT    NOT NULL,
	retry_of   INTEGER REFERENCES quizzes (id),
	created_at TEXT    NOT NULL
);
-- A learner's history of one deck, newest first.
CREATE INDEX quizzes_learner_doc_idx ON quizzes (learner_id, doc_id, created_at);

-- One graded answer per question: (quiz_id, position) is the primary key,
-- so a double submit of an answer is recorded once.
CREATE TABLE quiz_answers (
	quiz_id     INTEGER          NOT NULL REFERENCES quizzes (id),
	position    INTEGER          NOT NULL,
	card_id     TEXT             NOT NULL,
	verdict     TEXT             NOT NULL,
	credit      DOUBLE PRECISION NOT NULL,
	given       TEXT             NOT NULL,
	message     TEXT             NOT NULL,
	suggested   INTEGER          NOT NULL,
	answered_at TEXT             NOT NULL,
	PRIMARY KEY (quiz_id, position)
);
