package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/factdeck/factdeck/quiz"
	"github.com/factdeck/factdeck/quiz/teach"
)

// Every query here names the owner: a teacher's documents, cards and
// decisions are found only with their owner's learner id, and anyone
// else's lookup is quiz.ErrNotFound.

// TeacherQuota is what a teacher keeps now.
func (db *DB) TeacherQuota(ctx context.Context, owner int64) (teach.Quota, error) {
	return teacherQuota(ctx, db.read, owner)
}

func teacherQuota(ctx context.Context, q queryer, owner int64) (teach.Quota, error) {
	var n teach.Quota
	err := q.QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(SUM(octet_length(body)), 0)
		FROM documents WHERE owner_id = $1`, owner).Scan(&n.Documents, &n.Bytes)
	if err != nil {
		return n, fmt.Errorf("store: quota of %d: %w", owner, err)
	}
	return n, nil
}

// CreateTeacherDocument stores a teacher's document and its generated cards
// in one transaction, after checking the quota inside it (so two uploads at
// once cannot both squeeze in). An identical text the teacher already has
// is quiz.ErrConflict.
func (db *DB) CreateTeacherDocument(ctx context.Context, owner int64, doc quiz.Document, cards []quiz.Card) (quiz.Document, error) {
	doc.Hash = Hash(doc.Body)
	doc.CreatedAt = db.now().UTC()
	doc.Version = 1
	err := db.tx(ctx, func(tx *sql.Tx) error {
		q, err := teacherQuota(ctx, tx, owner)
		if err != nil {
			return err
		}
		if err := teach.CheckQuota(q, len(doc.Body)); err != nil {
			return err
		}
		err = tx.QueryRowContext(ctx, `INSERT INTO documents
			(slug, version, title, hash, body, topics, source, created_at, owner_id)
			VALUES ($1, 1, $2, $3, $4, $5, 'upload', $6, $7)
			ON CONFLICT DO NOTHING RETURNING id`,
			doc.Slug, doc.Title, doc.Hash, doc.Body, joinLines(doc.Topics), ts(doc.CreatedAt), owner).Scan(&doc.ID)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("store: document %s exists: %w", doc.Slug, quiz.ErrConflict)
		}
		if err != nil {
			return fmt.Errorf("store: insert teacher document: %w", err)
		}
		return db.saveCards(ctx, tx, doc.ID, cards)
	})
	doc.Source = "upload"
	return doc, err
}

// TeacherDocuments lists a teacher's documents, newest first, without
// their bodies' text (Size still works from Body's length via Bytes).
func (db *DB) TeacherDocuments(ctx context.Context, owner int64) ([]quiz.Document, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT `+docColumns+` FROM documents d
		WHERE d.owner_id = $1 ORDER BY d.id DESC`, owner)
	if err != nil {
		return nil, fmt.Errorf("store: teacher documents: %w", err)
	}
	defer rows.Close()
	var out []quiz.Document
	for rows.Next() {
		d, err := scanDocument(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// TeacherDocument returns one of the owner's documents.
func (db *DB) TeacherDocument(ctx context.Context, owner, id int64) (quiz.Document, error) {
	return documentBy(ctx, db.read, `id = $1 AND owner_id = $2`, id, owner)
}

// ReviewQueue lists the cards of one of the owner's documents with the
// teacher's decisions and edits, in generated order.
func (db *DB) ReviewQueue(ctx context.Context, owner, docID int64) ([]teach.Reviewed, error) {
	if _, err := db.TeacherDocument(ctx, owner, docID); err != nil {
		return nil, err
	}
	rows, err := db.read.QueryContext(ctx, `SELECT c.body, c.held, e.body, COALESCE(k.status, ''), COALESCE(k.reason, '')
		FROM cards c JOIN documents d ON d.id = c.doc_id AND d.owner_id = $1
		LEFT JOIN card_edits e ON e.card_id = c.card_id AND e.owner_id = $1
		LEFT JOIN card_decisions k ON k.card_id = c.card_id AND k.owner_id = $1
		WHERE c.doc_id = $2 AND c.stale = 0 ORDER BY c.seq`, owner, docID)
	if err != nil {
		return nil, fmt.Errorf("store: review queue of %d: %w", docID, err)
	}
	defer rows.Close()
	var out []teach.Reviewed
	for rows.Next() {
		r, err := scanReviewed(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

func scanReviewed(s scanner) (teach.Reviewed, error) {
	var cb cardBody
	var edit sql.NullString
	var decision string
	var r teach.Reviewed
	if err := s.Scan(&cb.body, &cb.held, &edit, &decision, &r.Reason); err != nil {
		return r, fmt.Errorf("store: review row: %w", notFound(err))
	}
	var err error
	if r.Original, err = scanCard(cb); err != nil {
		return r, err
	}
	r.Card = r.Original
	if edit.Valid {
		if err := json.Unmarshal([]byte(edit.String), &r.Card); err != nil {
			return r, fmt.Errorf("store: decode edit: %w", err)
		}
	}
	r.Status = teach.StatusOf(decision, edit.Valid)
	return r, nil
}

// ReviewedCard returns one card of one of the owner's documents.
func (db *DB) ReviewedCard(ctx context.Context, owner, docID int64, cardID string) (teach.Reviewed, error) {
	return scanReviewed(db.read.QueryRowContext(ctx, `SELECT c.body, c.held, e.body, COALESCE(k.status, ''), COALESCE(k.reason, '')
		FROM cards c JOIN documents d ON d.id = c.doc_id AND d.owner_id = $1
		LEFT JOIN card_edits e ON e.card_id = c.card_id AND e.owner_id = $1
		LEFT JOIN card_decisions k ON k.card_id = c.card_id AND k.owner_id = $1
		WHERE c.doc_id = $2 AND c.card_id = $3 AND c.stale = 0`, owner, docID, cardID))
}

// DecideCards records the owner's decision (approved or rejected, with a
// reason) on cards of one of their documents. A rejected card leaves the
// owner's question sets. Ids that are not the owner's cards are
// quiz.ErrNotFound and nothing is written.
func (db *DB) DecideCards(ctx context.Context, owner, docID int64, status teach.Status, reason string, cardIDs []string) error {
	if status != teach.Approved && status != teach.Rejected {
		return quiz.Invalid("status", "approve or reject")
	}
	now := ts(db.now())
	return db.tx(ctx, func(tx *sql.Tx) error {
		for _, id := range cardIDs {
			res, err := tx.ExecContext(ctx, `INSERT INTO card_decisions (card_id, owner_id, status, reason, updated_at)
				SELECT c.card_id, $1, $2, $3, $4 FROM cards c JOIN documents d ON d.id = c.doc_id AND d.owner_id = $1
				WHERE c.doc_id = $5 AND c.card_id = $6
				ON CONFLICT (card_id) DO UPDATE SET status = excluded.status, reason = excluded.reason,
					updated_at = excluded.updated_at WHERE card_decisions.owner_id = excluded.owner_id`,
				owner, string(status), reason, now, docID, id)
			if err != nil {
				return fmt.Errorf("store: decide card %s: %w", id, err)
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return fmt.Errorf("store: card %s of document %d: %w", id, docID, quiz.ErrNotFound)
			}
			if status == teach.Rejected {
				if _, err := tx.ExecContext(ctx, `DELETE FROM set_cards WHERE card_id = $1
					AND set_id IN (SELECT id FROM sets WHERE owner_id = $2)`, id, owner); err != nil {
					return fmt.Errorf("store: remove rejected card %s from sets: %w", id, err)
				}
			}
		}
		return nil
	})
}

// EditCard stores the owner's version of a card (keeping the generated
// original) and approves it.
func (db *DB) EditCard(ctx context.Context, owner, docID int64, c quiz.Card) error {
	body, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("store: encode edit: %w", err)
	}
	now := ts(db.now())
	return db.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO card_edits (card_id, owner_id, body, updated_at)
			SELECT c.card_id, $1, $2, $3 FROM cards c JOIN documents d ON d.id = c.doc_id AND d.owner_id = $1
			WHERE c.doc_id = $4 AND c.card_id = $5
			ON CONFLICT (card_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at
				WHERE card_edits.owner_id = excluded.owner_id`, owner, string(body), now, docID, c.ID)
		if err != nil {
			return fmt.Errorf("store: edit card %s: %w", c.ID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("store: card %s of document %d: %w", c.ID, docID, quiz.ErrNotFound)
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO card_decisions (card_id, owner_id, status, reason, updated_at)
			VALUES ($1, $2, 'approved', '', $3)
			ON CONFLICT (card_id) DO UPDATE SET status = 'approved', reason = '', updated_at = excluded.updated_at`,
			c.ID, owner, now)
		if err != nil {
			return fmt.Errorf("store: approve edited card %s: %w", c.ID, err)
		}
		return nil
	})
}

// AddCard stores a card the owner wrote by hand in one of their documents,
// approved. Uploaded documents are generated once, at upload, so a later
// regeneration never drops it (docs/teacher.md).
func (db *DB) AddCard(ctx context.Context, owner, docID int64, c quiz.Card) error {
	body, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("store: encode card: %w", err)
	}
	now := ts(db.now())
	return db.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO cards
			(doc_id, card_id, seq, kind, topic_id, held, stale, is_head, body, created_at, updated_at)
			SELECT d.id, $1, (SELECT COALESCE(MAX(seq), -1) + 1 FROM cards WHERE doc_id = d.id), $2, '', 0, 0, 1, $3, $4, $4
			FROM documents d WHERE d.id = $5 AND d.owner_id = $6`,
			c.ID, string(c.Kind), string(body), now, docID, owner)
		if err != nil {
			return fmt.Errorf("store: add card: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("store: document %d: %w", docID, quiz.ErrNotFound)
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO card_decisions (card_id, owner_id, status, reason, updated_at)
			VALUES ($1, $2, 'approved', '', $3)`, c.ID, owner, now)
		return err
	})
}

func joinLines(ss []string) string {
	out := ""
	for i, s := range ss {
		if i > 0 {
			out += "\n"
		}
		out += s
	}
	return out
}
