-- Teachers' own documents, their decisions on generated cards, and the
-- question sets they share with a class (docs/teacher.md).
--
-- owner_id: the teacher's learner; NULL for seeds and other shared
-- documents. An owned document is seen only through the owner's queries.
ALTER TABLE documents ADD COLUMN owner_id INTEGER REFERENCES learners (id);
CREATE INDEX documents_owner_idx ON documents (owner_id) WHERE owner_id IS NOT NULL;

-- A teacher's decision on a card, keyed by card id so that regenerating
-- cards (SaveCards) never touches it.
CREATE TABLE card_decisions (
	card_id    TEXT    PRIMARY KEY,
	owner_id   INTEGER NOT NULL REFERENCES learners (id),
	status     TEXT    NOT NULL CHECK (status IN ('approved', 'rejected')),
	reason     TEXT    NOT NULL DEFAULT '',
	updated_at TEXT    NOT NULL
);

-- The teacher's version of an edited card (the whole quiz.Card as JSON);
-- the generated original stays in cards.body.
CREATE TABLE card_edits (
	card_id    TEXT    PRIMARY KEY,
	owner_id   INTEGER NOT NULL REFERENCES learners (id),
	body       TEXT    NOT NULL,
	updated_at TEXT    NOT NULL
);

-- A question set: some approved cards of one of the teacher's documents,
-- in the teacher's order. code is NULL until the set is published.
CREATE TABLE sets (
	id          INTEGER PRIMARY KEY,
	owner_id    INTEGER NOT NULL REFERENCES learners (id),
	doc_id      INTEGER NOT NULL REFERENCES documents (id),
	name        TEXT    NOT NULL,
	description TEXT    NOT NULL DEFAULT '',
	code        TEXT    UNIQUE,
	created_at  TEXT    NOT NULL,
	updated_at  TEXT    NOT NULL
);
CREATE INDEX sets_owner_idx ON sets (owner_id);

CREATE TABLE set_cards (
	set_id  INTEGER NOT NULL REFERENCES sets (id),
	card_id TEXT    NOT NULL,
	pos     INTEGER NOT NULL,
	PRIMARY KEY (set_id, card_id)
);

-- Learners who joined a published set by its code or link.
CREATE TABLE set_members (
	set_id     INTEGER NOT NULL REFERENCES sets (id),
	learner_id INTEGER NOT NULL REFERENCES learners (id),
	joined_at  TEXT    NOT NULL,
	PRIMARY KEY (set_id, learner_id)
);
CREATE INDEX set_members_learner_idx ON set_members (learner_id);
