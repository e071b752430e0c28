package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/factdeck/factdeck/quiz"
	"github.com/factdeck/factdeck/quiz/teach"
)

// Set is a teacher's question set.
type Set struct {
	ID          int64
	OwnerID     int64
	DocID       int64
	DocTitle    string
	Name        string
	Description string
	Code        string // "" until published
	Cards       []teach.Reviewed
	// Modified is each edited card's last edit, for exports (an Anki
	// note's mod).
	Modified map[string]time.Time
}

// NewSet is what creating a set takes.
type NewSet struct {
	Owner       int64
	DocID       int64
	Name        string
	Description string
	CardIDs     []string // in order; each an approved or edited card of the document
}

// usableCard selects a card of one of the owner's documents that the owner
// approved (or edited) and did not reject: $1 owner, $2 document, $3 card.
const usableCard = `SELECT 1 FROM cards c JOIN documents d ON d.id = c.doc_id AND d.owner_id = $1
	JOIN card_decisions k ON k.card_id = c.card_id AND k.owner_id = $1 AND k.status = 'approved'
	WHERE c.doc_id = $2 AND c.card_id = $3 AND c.stale = 0`

// CreateSet stores a new, unpublished set. A card id that is not an
// approved card of the owner's document is a validation error; a document
// that is not the owner's is quiz.ErrNotFound.
func (db *DB) CreateSet(ctx context.Context, in NewSet) (int64, error) {
	now := ts(db.now())
	var id int64
	err := db.tx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `INSERT INTO sets (owner_id, doc_id, name, description, created_at, updated_at)
			SELECT $1, d.id, $2, $3, $4, $4 FROM documents d WHERE d.id = $5 AND d.owner_id = $1 RETURNING id`,
			in.Owner, in.Name, in.Description, now, in.DocID).Scan(&id)
		if err != nil {
			return fmt.Errorf("store: create set: %w", notFound(err))
		}
		return addSetCards(ctx, tx, in.Owner, in.DocID, id, in.CardIDs)
	})
	return id, err
}

func addSetCards(ctx context.Context, tx *sql.Tx, owner, docID, setID int64, ids []string) error {
	for _, cid := range ids {
		var ok int
		if err := tx.QueryRowContext(ctx, usableCard, owner, docID, cid).Scan(&ok); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return quiz.Invalid("cards", "Only approved cards of this document can go into a set.")
			}
			return fmt.Errorf("store: check card %s: %w", cid, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO set_cards (set_id, card_id, pos)
			VALUES ($1, $2, (SELECT COALESCE(MAX(pos), -1) + 1 FROM set_cards WHERE set_id = $1))
			ON CONFLICT (set_id, card_id) DO NOTHING`, setID, cid); err != nil {
			return fmt.Errorf("store: add card %s to set %d: %w", cid, setID, err)
		}
	}
	return nil
}

// AddSetCards appends approved cards to one of the owner's sets.
func (db *DB) AddSetCards(ctx context.Context, owner, setID int64, ids []string) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		var docID int64
		if err := tx.QueryRowContext(ctx, `SELECT doc_id FROM sets WHERE id = $1 AND owner_id = $2`,
			setID, owner).Scan(&docID); err != nil {
			return fmt.Errorf("store: set %d: %w", setID, notFound(err))
		}
		return addSetCards(ctx, tx, owner, docID, setID, ids)
	})
}

// OrderSet replaces the order of one of the owner's sets' cards; ids must
// be the set's cards (a subset drops the others from the set).
func (db *DB) OrderSet(ctx context.Context, owner, setID int64, ids []string) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM sets WHERE id = $1 AND owner_id = $2`,
			setID, owner).Scan(&n); err != nil || n == 0 {
			return fmt.Errorf("store: set %d: %w", setID, quiz.ErrNotFound)
		}
		keep := map[string]bool{}
		for i, cid := range ids {
			keep[cid] = true
			if _, err := tx.ExecContext(ctx, `UPDATE set_cards SET pos = $1 WHERE set_id = $2 AND card_id = $3`,
				i, setID, cid); err != nil {
				return fmt.Errorf("store: order set %d: %w", setID, err)
			}
		}
		rows, err := tx.QueryContext(ctx, `SELECT card_id FROM set_cards WHERE set_id = $1`, setID)
		if err != nil {
			return fmt.Errorf("store: order set %d: %w", setID, err)
		}
		var drop []string
		for rows.Next() {
			var cid string
			if err := rows.Scan(&cid); err != nil {
				rows.Close()
				return err
			}
			if !keep[cid] {
				drop = append(drop, cid)
			}
		}
		rows.Close()
		for _, cid := range drop {
			if _, err := tx.ExecContext(ctx, `DELETE FROM set_cards WHERE set_id = $1 AND card_id = $2`, setID, cid); err != nil {
				return fmt.Errorf("store: drop card from set %d: %w", setID, err)
			}
		}
		_, err = tx.ExecContext(ctx, `UPDATE sets SET updated_at = $1 WHERE id = $2`, ts(db.now()), setID)
		return err
	})
}

// PublishSet gives one of the owner's sets a class code from newCode
// (trying again on the rare clash) and returns it; a published set keeps
// its code.
func (db *DB) PublishSet(ctx context.Context, owner, setID int64, newCode func() string) (string, error) {
	var code string
	err := db.tx(ctx, func(tx *sql.Tx) error {
		var have sql.NullString
		if err := tx.QueryRowContext(ctx, `SELECT code FROM sets WHERE id = $1 AND owner_id = $2`,
			setID, owner).Scan(&have); err != nil {
			return fmt.Errorf("store: set %d: %w", setID, notFound(err))
		}
		if have.Valid {
			code = have.String
			return nil
		}
		for range 10 {
			code = newCode()
			res, err := tx.ExecContext(ctx, `UPDATE sets SET code = $1, updated_at = $2 WHERE id = $3
				AND NOT EXISTS (SELECT 1 FROM sets WHERE code = $1)`, code, ts(db.now()), setID)
			if err != nil {
				return fmt.Errorf("store: publish set %d: %w", setID, err)
			}
			if n, _ := res.RowsAffected(); n == 1 {
				return nil
			}
		}
		return fmt.Errorf("store: no free class code for set %d", setID)
	})
	return code, err
}

const setColumns = `s.id, s.owner_id, s.doc_id, d.title, s.name, s.description, COALESCE(s.code, '')`

func scanSet(sc scanner) (Set, error) {
	var s Set
	err := sc.Scan(&s.ID, &s.OwnerID, &s.DocID, &s.DocTitle, &s.Name, &s.Description, &s.Code)
	return s, err
}

// TeacherSets lists the owner's sets, newest first, without their cards.
func (db *DB) TeacherSets(ctx context.Context, owner int64) ([]Set, error) {
	return db.sets(ctx, `s.owner_id = $1 ORDER BY s.id DESC`, owner)
}

// MemberSets lists the sets a learner joined, in the order joined.
func (db *DB) MemberSets(ctx context.Context, learner int64) ([]Set, error) {
	return db.sets(ctx, `s.code IS NOT NULL AND s.id IN (SELECT set_id FROM set_members WHERE learner_id = $1)
		ORDER BY s.id`, learner)
}

func (db *DB) sets(ctx context.Context, where string, args ...any) ([]Set, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT `+setColumns+` FROM sets s JOIN documents d ON d.id = s.doc_id
		WHERE `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("store: sets: %w", err)
	}
	defer rows.Close()
	var out []Set
	for rows.Next() {
		s, err := scanSet(rows)
		if err != nil {
			return nil, fmt.Errorf("store: sets: %w", err)
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// TeacherSet returns one of the owner's sets with its cards in order (the
// teacher's edits applied) and their edit times.
func (db *DB) TeacherSet(ctx context.Context, owner, setID int64) (Set, error) {
	s, err := scanSet(db.read.QueryRowContext(ctx, `SELECT `+setColumns+` FROM sets s
		JOIN documents d ON d.id = s.doc_id WHERE s.id = $1 AND s.owner_id = $2`, setID, owner))
	if err != nil {
		return s, fmt.Errorf("store: set %d: %w", setID, notFound(err))
	}
	rows, err := db.read.QueryContext(ctx, `SELECT c.body, c.held, e.body, COALESCE(k.status, ''), COALESCE(k.reason, ''),
		COALESCE(e.updated_at, '')
		FROM set_cards sc JOIN cards c ON c.card_id = sc.card_id AND c.doc_id = $2
		LEFT JOIN card_edits e ON e.card_id = c.card_id AND e.owner_id = $3
		LEFT JOIN card_decisions k ON k.card_id = c.card_id AND k.owner_id = $3
		WHERE sc.set_id = $1 ORDER BY sc.pos`, setID, s.DocID, owner)
	if err != nil {
		return s, fmt.Errorf("store: cards of set %d: %w", setID, err)
	}
	defer rows.Close()
	s.Modified = map[string]time.Time{}
	for rows.Next() {
		var edited string
		r, err := scanReviewed(rowWithExtra{rows, &edited})
		if err != nil {
			return s, err
		}
		if edited != "" {
			if s.Modified[r.Card.ID], err = parseTS(edited); err != nil {
				return s, fmt.Errorf("store: edit time: %w", err)
			}
		}
		s.Cards = append(s.Cards, r)
	}
	return s, rows.Err()
}

// rowWithExtra scans a review row followed by one more column.
type rowWithExtra struct {
	rows  *sql.Rows
	extra *string
}

func (r rowWithExtra) Scan(dest ...any) error { return r.rows.Scan(append(dest, r.extra)...) }

// SetByCode returns a published set by its class code (without cards).
func (db *DB) SetByCode(ctx context.Context, code string) (Set, error) {
	s, err := scanSet(db.read.QueryRowContext(ctx, `SELECT `+setColumns+` FROM sets s
		JOIN documents d ON d.id = s.doc_id WHERE s.code = $1`, code))
	if err != nil {
		return s, fmt.Errorf("store: set with code %s: %w", code, notFound(err))
	}
	return s, nil
}

// JoinSet makes a learner a member of the published set with this code;
// joining twice changes nothing.
func (db *DB) JoinSet(ctx context.Context, learner int64, code string) (int64, error) {
	var id int64
	err := db.tx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT id FROM sets WHERE code = $1`, code).Scan(&id); err != nil {
			return fmt.Errorf("store: set with code %s: %w", code, notFound(err))
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO set_members (set_id, learner_id, joined_at) VALUES ($1, $2, $3)
			ON CONFLICT (set_id, learner_id) DO NOTHING`, id, learner, ts(db.now()))
		return err
	})
	return id, err
}

// StudySet returns a set a learner may study (one they joined, or their
// own) as a deck: its document's id and the set's name as title.
func (db *DB) StudySet(ctx context.Context, learner, setID int64) (quiz.Document, error) {
	var d quiz.Document
	err := db.read.QueryRowContext(ctx, `SELECT s.doc_id, s.name FROM sets s WHERE s.id = $1 AND (s.owner_id = $2
		OR (s.code IS NOT NULL AND EXISTS (SELECT 1 FROM set_members m WHERE m.set_id = s.id AND m.learner_id = $2)))`,
		setID, learner).Scan(&d.ID, &d.Title)
	if err != nil {
		return d, fmt.Errorf("store: set %d for learner %d: %w", setID, learner, notFound(err))
	}
	return d, nil
}

// SetCard returns a card of a set as students see it (the teacher's edit
// if any); quiz.ErrNotFound if the set has no such card.
func (db *DB) SetCard(ctx context.Context, setID int64, cardID string) (quiz.Card, error) {
	var body string
	var held int
	err := db.read.QueryRowContext(ctx, `SELECT `+setCardBody+`, c.held FROM set_cards sc
		JOIN sets s ON s.id = sc.set_id JOIN cards c ON c.doc_id = s.doc_id AND c.card_id = sc.card_id
		WHERE sc.set_id = $1 AND sc.card_id = $2`, setID, cardID).Scan(&body, &held)
	if err != nil {
		return quiz.Card{}, fmt.Errorf("store: card %s of set %d: %w", cardID, setID, notFound(err))
	}
	var c quiz.Card
	if err := json.NewDecoder(strings.NewReader(body)).Decode(&c); err != nil {
		return c, fmt.Errorf("store: decode card: %w", err)
	}
	return c, nil
}

// setCardBody is a card row c's body as a set serves it: the owner's edit
// when there is one.
const setCardBody = `COALESCE((SELECT e.body FROM card_edits e WHERE e.card_id = c.card_id), c.body)`

// SetDocument returns the document of a set the learner may study (as for
// StudySet) with its text, and the ids of the set's cards; quiz.ErrNotFound
// otherwise. A teacher's own document is readable by the set's members
// through this call only.
func (db *DB) SetDocument(ctx context.Context, learner, setID int64) (quiz.Document, []string, error) {
	meta, err := db.StudySet(ctx, learner, setID)
	if err != nil {
		return quiz.Document{}, nil, err
	}
	d, err := documentBy(ctx, db.read, `id = $1`, meta.ID)
	if err != nil {
		return d, nil, fmt.Errorf("store: document of set %d: %w", setID, err)
	}
	rows, err := db.read.QueryContext(ctx, `SELECT card_id FROM set_cards WHERE set_id = $1 ORDER BY pos`, setID)
	if err != nil {
		return d, nil, fmt.Errorf("store: cards of set %d: %w", setID, err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return d, nil, fmt.Errorf("store: cards of set %d: %w", setID, err)
		}
		ids = append(ids, id)
	}
	return d, ids, rows.Err()
}
