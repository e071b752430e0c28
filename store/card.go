package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/factdeck/factdeck/quiz"
	"github.com/factdeck/factdeck/quiz/study"
)

// SaveCards stores the generated cards of one document version, in the
// given order. It is an idempotent upsert by (docID, card.ID): saving the
// same cards again changes nothing. Cards of docID missing from cards, and
// cards of other versions of the document whose id is not in the newest
// version with cards, are marked stale rather than deleted; learner
// progress is keyed by card id and survives either way (docs/storage.md).
func (db *DB) SaveCards(ctx context.Context, docID int64, cards []quiz.Card) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		return db.saveCards(ctx, tx, docID, cards)
	})
}

func (db *DB) saveCards(ctx context.Context, tx *sql.Tx, docID int64, cards []quiz.Card) error {
	doc, err := documentBy(ctx, tx, `id = $1`, docID)
	if err != nil {
		return fmt.Errorf("store: save cards of document %d: %w", docID, err)
	}
	now := ts(db.now())
	keep := make(map[string]bool, len(cards))
	rungs := study.Rungs(cards)
	for i, c := range cards {
		if c.ID == "" {
			return quiz.Invalid("cards", fmt.Sprintf("card %d has no id", i))
		}
		if keep[c.ID] {
			return quiz.Invalid("cards", fmt.Sprintf("card id %q appears twice", c.ID))
		}
		keep[c.ID] = true
		if err := upsertCard(ctx, tx, docID, i, rungs[i], c, now); err != nil {
			return err
		}
	}
	if err := dropMissing(ctx, tx, docID, keep, now); err != nil {
		return err
	}
	return markHeads(ctx, tx, doc.Slug)
}

func upsertCard(ctx context.Context, tx *sql.Tx, docID int64, seq, rung int, c quiz.Card, now string) error {
	body, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("store: encode card %s: %w", c.ID, err)
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO cards
		(doc_id, card_id, seq, kind, topic_id, held, stale, is_head, body, created_at, updated_at, fact_key, rung)
		VALUES ($1, $2, $3, $4, $5, $6, 0, 0, $7, $8, $8, $9, $10)
		ON CONFLICT (doc_id, card_id) DO UPDATE SET seq = excluded.seq, kind = excluded.kind,
			topic_id = excluded.topic_id, held = excluded.held, stale = 0, body = excluded.body,
			updated_at = excluded.updated_at, fact_key = excluded.fact_key, rung = excluded.rung`,
		docID, c.ID, seq, string(c.Kind), c.TopicID, boolInt(c.Held), string(body), now, c.FactKey, rung)
	if err != nil {
		return fmt.Errorf("store: save card %s: %w", c.ID, err)
	}
	return nil
}

// dropMissing marks stale the cards of docID that a regeneration no longer
// produced.
func dropMissing(ctx context.Context, tx *sql.Tx, docID int64, keep map[string]bool, now string) error {
	rows, err := tx.QueryContext(ctx, `SELECT card_id FROM cards WHERE doc_id = $1 AND stale = 0`, docID)
	if err != nil {
		return fmt.Errorf("store: cards of document %d: %w", docID, err)
	}
	var gone []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return fmt.Errorf("store: cards of document %d: %w", docID, err)
		}
		if !keep[id] {
			gone = append(gone, id)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: cards of document %d: %w", docID, err)
	}
	for _, id := range gone {
		if _, err := tx.ExecContext(ctx, `UPDATE cards SET stale = 1, is_head = 0, updated_at = $1
			WHERE doc_id = $2 AND card_id = $3`, now, docID, id); err != nil {
			return fmt.Errorf("store: mark card %s stale: %w", id, err)
		}
	}
	return nil
}

// markHeads makes the newest version of slug that has cards the head:
// its live rows get is_head, and every row of an older (or newer but
// card-less) version is stale exactly when its id is not among the head's.
func markHeads(ctx context.Context, tx *sql.Tx, slug string) error {
	var head int64
	err := tx.QueryRowContext(ctx, `SELECT d.id FROM documents d
		WHERE d.slug = $1 AND EXISTS (SELECT 1 FROM cards c WHERE c.doc_id = d.id)
		ORDER BY d.version DESC LIMIT 1`, slug).Scan(&head)
	if errors.Is(err, sql.ErrNoRows) {
		return nil // no version of slug has cards
	}
	if err != nil {
		return fmt.Errorf("store: head version of %s: %w", slug, err)
	}
	slugDocs := `doc_id IN (SELECT id FROM documents WHERE slug = $2)`
	steps := []struct {
		what, query string
		args        []any
	}{
		{"clear heads", `UPDATE cards SET is_head = 0 WHERE is_head = 1 AND doc_id <> $1 AND ` + slugDocs,
			[]any{head, slug}},
		{"set heads", `UPDATE cards SET is_head = 1 WHERE doc_id = $1 AND stale = 0 AND is_head = 0`,
			[]any{head}},
		{"mark stale", `UPDATE cards SET stale = CASE WHEN EXISTS (SELECT 1 FROM cards h
				WHERE h.doc_id = $1 AND h.card_id = cards.card_id AND h.stale = 0) THEN 0 ELSE 1 END
			WHERE doc_id <> $1 AND ` + slugDocs, []any{head, slug}},
	}
	for _, s := range steps {
		if _, err := tx.ExecContext(ctx, s.query, s.args...); err != nil {
			return fmt.Errorf("store: %s of %s: %w", s.what, slug, err)
		}
	}
	return nil
}

// CardFilter narrows Cards.
type CardFilter struct {
	DocID        int64         // one document version; 0 for the head version of every document
	Kind         quiz.CardKind // "" for any
	TopicID      string        // "" for any
	IncludeHeld  bool          // also cards held for a teacher's review
	IncludeStale bool          // also cards whose id vanished from a newer version
}

// Cards lists cards in their generated order (by document, then position).
func (db *DB) Cards(ctx context.Context, f CardFilter) ([]quiz.Card, error) {
	var where []string
	var args []any
	add := func(cond string, arg any) {
		args = append(args, arg)
		where = append(where, fmt.Sprintf(cond, len(args)))
	}
	if f.DocID != 0 {
		add("doc_id = $%d", f.DocID)
	} else {
		where = append(where, "is_head = 1")
	}
	if f.Kind != "" {
		add("kind = $%d", string(f.Kind))
	}
	if f.TopicID != "" {
		add("topic_id = $%d", f.TopicID)
	}
	if !f.IncludeHeld {
		where = append(where, "held = 0")
	}
	if !f.IncludeStale {
		where = append(where, "stale = 0")
	}
	rows, err := db.read.QueryContext(ctx, `SELECT body, held FROM cards WHERE `+
		strings.Join(where, " AND ")+` ORDER BY doc_id, seq`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: cards: %w", err)
	}
	defer rows.Close()
	var out []quiz.Card
	for rows.Next() {
		c, err := scanCard(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: cards: %w", err)
	}
	return out, nil
}

// Card returns one card of a document version, stale or held ones
// included; quiz.ErrNotFound if the version has no such card.
func (db *DB) Card(ctx context.Context, docID int64, cardID string) (quiz.Card, error) {
	st, err := db.readStmt(ctx, `SELECT body, held FROM cards WHERE doc_id = $1 AND card_id = $2`)
	if err != nil {
		return quiz.Card{}, err
	}
	c, err := scanCard(st.QueryRowContext(ctx, docID, cardID))
	if err != nil {
		return quiz.Card{}, fmt.Errorf("store: card %s of document %d: %w", cardID, docID, notFound(err))
	}
	return c, nil
}

// CardStale reports whether a card of a document version is stale: its id
// no longer exists in the newest version of the document that has cards.
func (db *DB) CardStale(ctx context.Context, docID int64, cardID string) (bool, error) {
	var stale int
	err := db.read.QueryRowContext(ctx,
		`SELECT stale FROM cards WHERE doc_id = $1 AND card_id = $2`, docID, cardID).Scan(&stale)
	if err != nil {
		return false, fmt.Errorf("store: card %s of document %d: %w", cardID, docID, notFound(err))
	}
	return stale == 1, nil
}

// scanCard decodes a (body, held) row; the held column wins over the JSON
// so that a teacher's decision stored in the column is what callers see.
func scanCard(s scanner) (quiz.Card, error) {
	var body string
	var held int
	if err := s.Scan(&body, &held); err != nil {
		return quiz.Card{}, err
	}
	var c quiz.Card
	if err := json.Unmarshal([]byte(body), &c); err != nil {
		return quiz.Card{}, fmt.Errorf("store: decode card: %w", err)
	}
	c.Held = held == 1
	return c, nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
