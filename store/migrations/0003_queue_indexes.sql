-- New cards of the all-documents queue: servable head rows in generated
-- order, covering card_id so skipping a studied card reads no table row.
CREATE INDEX cards_new_idx ON cards (doc_id, seq, card_id) WHERE is_head = 1 AND held = 0 AND stale = 0;
-- The learner's latest introduction of a new card, where the all-documents
-- queue resumes looking for new cards.
CREATE INDEX reviews_new_idx ON reviews (learner_id, reviewed_at) WHERE before_state = 0;
-- Learning and relearning cards by due time in one ordered walk, so the
-- next learning card is found without sorting all of them.
CREATE INDEX card_states_learning_idx ON card_states (learner_id, due) WHERE state IN (1, 3);
