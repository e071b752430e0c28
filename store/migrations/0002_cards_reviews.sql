-- Generated cards, one row per (document version, card id). The full
-- quiz.Card is kept as JSON in body; the other columns are what queries
-- filter and order on. A card id is stable across versions of a document,
-- so learner progress (card_states) is keyed by card_id, not by this row.
--   is_head: the row belongs to the newest version of its document that has
--            cards; exactly one head row per card id (cards_head_idx).
--   stale:   the card id no longer exists in that newest version (or was
--            dropped when this version was regenerated); learner state stays.
CREATE TABLE cards (
	id         INTEGER PRIMARY KEY,
	doc_id     INTEGER NOT NULL REFERENCES documents (id),
	card_id    TEXT    NOT NULL,
	seq        INTEGER NOT NULL,
	kind       TEXT    NOT NULL,
	topic_id   TEXT    NOT NULL DEFAULT '',
	held       INTEGER NOT NULL DEFAULT 0,
	stale      INTEGER NOT NULL DEFAULT 0,
	is_head    INTEGER NOT NULL DEFAULT 0,
	body       TEXT    NOT NULL,
	created_at TEXT    NOT NULL,
	updated_at TEXT    NOT NULL,
	UNIQUE (doc_id, card_id)
);
CREATE INDEX cards_doc_seq_idx ON cards (doc_id, seq);
CREATE UNIQUE INDEX cards_head_idx ON cards (card_id) WHERE is_head = 1;

-- One learner's memory of one card: every field of srs.Card. A row exists
-- only once the card has been reviewed; a missing row means New.
CREATE TABLE card_states (
	learner_id     INTEGER          NOT NULL REFERENCES learners (id),
	card_id        TEXT             NOT NULL,
	state          INTEGER          NOT NULL,
	stability      DOUBLE PRECISION NOT NULL,
	difficulty     DOUBLE PRECISION NOT NULL,
	due            TEXT             NOT NULL,
	last_review    TEXT,
	scheduled_days INTEGER          NOT NULL,
	elapsed_days   INTEGER          NOT NULL,
	step           INTEGER          NOT NULL,
	reps           INTEGER          NOT NULL,
	lapses         INTEGER          NOT NULL,
	updated_at     TEXT             NOT NULL,
	PRIMARY KEY (learner_id, card_id)
);
-- The queue walks this index: learning cards and due reviews by due time.
CREATE INDEX card_states_queue_idx ON card_states (learner_id, state, due);

-- The review log: enough for undo (the whole card before) and for a later
-- FSRS parameter optimiser (the whole card after, rating, timing).
-- (learner_id, card_id, shown_token) is unique so a double submit of the
-- same answer is recorded once.
CREATE TABLE reviews (
	id                    INTEGER PRIMARY KEY,
	learner_id            INTEGER          NOT NULL REFERENCES learners (id),
	card_id               TEXT             NOT NULL,
	doc_id                INTEGER          NOT NULL REFERENCES documents (id),
	rating                INTEGER          NOT NULL,
	reviewed_at           TEXT             NOT NULL,
	duration_ms           INTEGER          NOT NULL,
	elapsed_days          INTEGER          NOT NULL,
	shown_token           TEXT             NOT NULL,
	before_state          INTEGER          NOT NULL,
	before_stability      DOUBLE PRECISION NOT NULL,
	before_difficulty     DOUBLE PRECISION NOT NULL,
	before_due            TEXT             NOT NULL,
	before_last_review    TEXT,
	before_scheduled_days INTEGER          NOT NULL,
	before_elapsed_days   INTEGER          NOT NULL,
	before_step           INTEGER          NOT NULL,
	before_reps           INTEGER          NOT NULL,
	before_lapses         INTEGER          NOT NULL,
	after_state           INTEGER          NOT NULL,
	after_stability       DOUBLE PRECISION NOT NULL,
	after_difficulty      DOUBLE PRECISION NOT NULL,
	after_due             TEXT             NOT NULL,
	after_last_review     TEXT,
	after_scheduled_days  INTEGER          NOT NULL,
	after_elapsed_days    INTEGER          NOT NULL,
	after_step            INTEGER          NOT NULL,
	after_reps            INTEGER          NOT NULL,
	after_lapses          INTEGER          NOT NULL,
	UNIQUE (learner_id, card_id, shown_token)
);
-- Daily counts and stats read a learner's reviews by time.
CREATE INDEX reviews_learner_time_idx ON reviews (learner_id, reviewed_at);

-- A learner's scheduling settings; no row means srs.DefaultSettings.
CREATE TABLE learner_settings (
	learner_id        INTEGER          PRIMARY KEY REFERENCES learners (id),
	desired_retention DOUBLE PRECISION NOT NULL,
	maximum_interval  INTEGER          NOT NULL,
	learning_steps    TEXT             NOT NULL,
	relearning_steps  TEXT             NOT NULL,
	new_per_day       INTEGER          NOT NULL,
	reviews_per_day   INTEGER          NOT NULL,
	time_zone         TEXT             NOT NULL,
	updated_at        TEXT             NOT NULL
);
