-- The ladder (quiz/study/ladder.go): a fact's cards are introduced one rung
-- at a time. fact_key groups the cards of one fact within a document
-- version; rung is the card's step on that fact's ladder, 0 at the bottom.
-- Rows saved before this migration keep '' and 0 (no ladder) until their
-- document is regenerated.
ALTER TABLE cards ADD COLUMN fact_key TEXT NOT NULL DEFAULT '';
ALTER TABLE cards ADD COLUMN rung INTEGER NOT NULL DEFAULT 0;
CREATE INDEX cards_fact_idx ON cards (doc_id, fact_key, rung);
