package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/factdeck/factdeck/quiz"
)

// Hash is the content hash stored with every document version.
func Hash(body string) string {
	sum := sha256.Sum256([]byte(body))
	return hex.EncodeToString(sum[:])
}

// ImportDocument stores doc under its slug unless a version with the same
// content already exists. A changed text becomes a new version; earlier
// versions are kept untouched. It reports the stored (or existing) version
// and whether it created it.
func (db *DB) ImportDocument(ctx context.Context, doc quiz.Document) (quiz.Document, bool, error) {
	doc.Hash = Hash(doc.Body)
	doc.CreatedAt = db.now().UTC()
	created := false
	err := db.tx(ctx, func(tx *sql.Tx) error {
		created = false // a retried transaction starts again
		existing, err := documentBy(ctx, tx, `slug = $1 AND hash = $2`, doc.Slug, doc.Hash)
		if err == nil {
			doc = existing
			return nil
		}
		if err != quiz.ErrNotFound {
			return err
		}
		var last int
		if err := tx.QueryRowContext(ctx,
			`SELECT COALESCE(MAX(version), 0) FROM documents WHERE slug = $1`, doc.Slug).Scan(&last); err != nil {
			return fmt.Errorf("store: document version: %w", err)
		}
		doc.Version = last + 1
		err = tx.QueryRowContext(ctx, `INSERT INTO documents
			(slug, version, title, hash, body, topics, source, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
			doc.Slug, doc.Version, doc.Title, doc.Hash, doc.Body,
			strings.Join(doc.Topics, "\n"), doc.Source, ts(doc.CreatedAt)).Scan(&doc.ID)
		if err != nil {
			return fmt.Errorf("store: insert document: %w", err)
		}
		created = true
		return nil
	})
	return doc, created, err
}

// Document returns one shared document version by id; a teacher's own
// document is not found here (see TeacherDocument).
func (db *DB) Document(ctx context.Context, id int64) (quiz.Document, error) {
	return documentBy(ctx, db.read, `id = $1 AND owner_id IS NULL`, id)
}

// DocumentMeta returns a document version without its body, for pages
// that need only its title. A stored version never changes, so the answer
// is kept in memory (safe on any number of nodes).
func (db *DB) DocumentMeta(ctx context.Context, id int64) (quiz.Document, error) {
	if d, ok := db.docMeta.Load(id); ok {
		return d.(quiz.Document), nil
	}
	st, err := db.readStmt(ctx, `SELECT id, slug, version, title, hash, source FROM documents WHERE id = $1 AND owner_id IS NULL`)
	if err != nil {
		return quiz.Document{}, err
	}
	var d quiz.Document
	err = st.QueryRowContext(ctx, id).Scan(&d.ID, &d.Slug, &d.Version, &d.Title, &d.Hash, &d.Source)
	if err != nil {
		return quiz.Document{}, notFound(err)
	}
	db.docMeta.Store(id, d)
	return d, nil
}

// SetDocumentTopics replaces the topics listed for a document version.
// Topics are derived from the text (the text itself never changes), so
// they may be refreshed when the extractor improves.
func (db *DB) SetDocumentTopics(ctx context.Context, id int64, topics []string) error {
	_, err := db.write.ExecContext(ctx, `UPDATE documents SET topics = $1 WHERE id = $2`, strings.Join(topics, "\n"), id)
	if err != nil {
		return fmt.Errorf("store: document %d topics: %w", id, err)
	}
	db.touchAll()
	return nil
}

// DocumentFilter narrows Documents.
type DocumentFilter struct {
	Source string // "" for any
}

// Documents lists the latest version of every shared document (not
// teachers' own), seeds in file-name order first.
func (db *DB) Documents(ctx context.Context, f DocumentFilter) ([]quiz.Document, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT `+docColumns+` FROM documents d
		WHERE d.version = (SELECT MAX(version) FROM documents WHERE slug = d.slug)
		AND ($1 = '' OR d.source = $1) AND d.owner_id IS NULL
		ORDER BY d.source DESC, d.slug`, f.Source)
	if err != nil {
		return nil, fmt.Errorf("store: documents: %w", err)
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

// DocumentVersions counts the stored versions of a slug.
func (db *DB) DocumentVersions(ctx context.Context, slug string) (int, error) {
	var n int
	err := db.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM documents WHERE slug = $1`, slug).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("store: document versions: %w", err)
	}
	return n, nil
}

const docColumns = `d.id, d.slug, d.version, d.title, d.hash, d.body, d.topics, d.source, d.created_at`

type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

type scanner interface{ Scan(dest ...any) error }

func documentBy(ctx context.Context, q queryer, where string, args ...any) (quiz.Document, error) {
	row := q.QueryRowContext(ctx, `SELECT `+docColumns+` FROM documents d WHERE `+where, args...)
	d, err := scanDocument(row)
	if err != nil {
		return quiz.Document{}, notFound(err)
	}
	return d, nil
}

func scanDocument(s scanner) (quiz.Document, error) {
	var d quiz.Document
	var topics, created string
	if err := s.Scan(&d.ID, &d.Slug, &d.Version, &d.Title, &d.Hash, &d.Body, &topics, &d.Source, &created); err != nil {
		return d, err
	}
	if topics != "" {
		d.Topics = strings.Split(topics, "\n")
	}
	t, err := parseTS(created)
	if err != nil {
		return d, fmt.Errorf("store: document %d created_at: %w", d.ID, err)
	}
	d.CreatedAt = t
	return d, nil
}
