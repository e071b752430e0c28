package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/factdeck/factdeck/quiz"
	"github.com/factdeck/factdeck/quiz/account"
)

// NewAccount is what sign-up stores: the learner the visitor already has
// becomes the account's learner, so nothing studied so far moves.
type NewAccount struct {
	Username     string
	PasswordHash string
	Role         account.Role
	LearnerID    int64
}

// CreateAccount stores a new account for an anonymous learner. A taken
// username (compared case-insensitively) is account.ErrUsernameTaken; a
// learner that already has an account is quiz.ErrConflict.
func (db *DB) CreateAccount(ctx context.Context, in NewAccount) (account.Account, error) {
	if in.Role == "" {
		in.Role = account.Student
	}
	a := account.Account{Username: in.Username, LearnerID: in.LearnerID, Role: in.Role,
		PasswordHash: in.PasswordHash, CreatedAt: db.now().UTC()}
	err := db.tx(ctx, func(tx *sql.Tx) error {
		if _, err := accountWhere(ctx, tx, "learner_id", in.LearnerID); err == nil {
			return fmt.Errorf("store: learner %d already has an account: %w", in.LearnerID, quiz.ErrConflict)
		} else if !errors.Is(err, quiz.ErrNotFound) {
			return err
		}
		now := ts(a.CreatedAt)
		err := tx.QueryRowContext(ctx, `INSERT INTO accounts (username, username_key, password_hash,
			learner_id, role, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)
			ON CONFLICT (username_key) DO NOTHING RETURNING id`,
			in.Username, account.Key(in.Username), in.PasswordHash, in.LearnerID, string(in.Role), now).Scan(&a.ID)
		if errors.Is(err, sql.ErrNoRows) {
			return account.ErrUsernameTaken
		}
		if err != nil {
			return fmt.Errorf("store: create account: %w", err)
		}
		return nil
	})
	return a, err
}

// AccountByUsername finds an account by name, case-insensitively;
// quiz.ErrNotFound if there is none.
func (db *DB) AccountByUsername(ctx context.Context, username string) (account.Account, error) {
	return accountWhere(ctx, db.read, "username_key", account.Key(username))
}

// AccountByLearner finds the account whose learner this is; quiz.ErrNotFound
// for an anonymous learner.
func (db *DB) AccountByLearner(ctx context.Context, learnerID int64) (account.Account, error) {
	return accountWhere(ctx, db.read, "learner_id", learnerID)
}

// SetRole changes an account's role; quiz.ErrNotFound if there is no such
// account.
func (db *DB) SetRole(ctx context.Context, accountID int64, role account.Role) error {
	if _, err := account.ParseRole(string(role)); err != nil {
		return err
	}
	res, err := db.write.ExecContext(ctx, `UPDATE accounts SET role = $1, updated_at = $2 WHERE id = $3`,
		string(role), ts(db.now()), accountID)
	if err != nil {
		return fmt.Errorf("store: set role of account %d: %w", accountID, err)
	}
	db.touchAll()
	if n, _ := res.RowsAffected(); n == 0 {
		return quiz.ErrNotFound
	}
	return nil
}

// accountWhere reads the one account whose column (a fixed name from this
// file, never user input) equals v.
func accountWhere(ctx context.Context, q queryer, column string, v any) (account.Account, error) {
	var a account.Account
	var role, created string
	err := q.QueryRowContext(ctx, `SELECT id, username, learner_id, role, password_hash, created_at
		FROM accounts WHERE `+column+` = $1`, v).Scan(&a.ID, &a.Username, &a.LearnerID, &role, &a.PasswordHash, &created)
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return a, quiz.ErrNotFound
		}
		return a, fmt.Errorf("store: account by %s: %w", column, err)
	}
	a.Role = account.Role(role)
	if a.CreatedAt, err = parseTS(created); err != nil {
		return a, fmt.Errorf("store: account %d created_at: %w", a.ID, err)
	}
	return a, nil
}

// learnerTable is one table whose rows belong to a learner, and how
// MergeLearner moves them from one learner to another.
type learnerTable struct {
	Table  string
	Column string // the learner id column
	// Unique: the learner column together with Key is unique, so a row of
	// the anonymous learner may clash with one of the account's. Without
	// Unique every row is simply re-pointed.
	Unique bool
	Key    []string
	// Newer, if set, decides a clash: the row with the later value wins
	// (NULL is oldest). Without it the account's row wins.
	Newer string
}

// learnerTables lists every table with a learner column except accounts
// itself. A table added by a later migration must be added here, or its
// rows stay with the anonymous learner; TestMergeCoversEveryLearnerTable
// checks the list against the schema.
var learnerTables = []learnerTable{
	{Table: "card_states", Column: "learner_id", Unique: true, Key: []string{"card_id"}, Newer: "last_review"},
	{Table: "reviews", Column: "learner_id", Unique: true, Key: []string{"card_id", "shown_token"}},
	{Table: "learner_settings", Column: "learner_id", Unique: true},
	{Table: "quizzes", Column: "learner_id"}, // self-test attempts all move (answers follow their attempt)
	{Table: "set_members", Column: "learner_id", Unique: true, Key: []string{"set_id"}},
}

// MergeLearner moves an anonymous learner's progress into another learner
// (an account's, at log-in), in one transaction. The emptied learner row
// stays: the session middleware trusts a session's learner id to exist,
// and a request racing the log-in from another tab may still carry it.
// Card states present on both sides keep the later review;
// reviews move, true duplicates (same card and showing) are dropped;
// settings stay the account's if it has any. Merging a learner that has
// an account of its own is quiz.ErrConflict: one account's progress is
// never poured into another's.
func (db *DB) MergeLearner(ctx context.Context, from, into int64) error {
	if from == into {
		return nil
	}
	return db.tx(ctx, func(tx *sql.Tx) error {
		if _, err := accountWhere(ctx, tx, "learner_id", from); err == nil {
			return fmt.Errorf("store: merge learner %d: it has an account: %w", from, quiz.ErrConflict)
		} else if !errors.Is(err, quiz.ErrNotFound) {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM learners WHERE id = $1`, into).Scan(&n); err != nil {
			return fmt.Errorf("store: merge learner: %w", err)
		}
		if n == 0 {
			return fmt.Errorf("store: merge into learner %d: %w", into, quiz.ErrNotFound)
		}
		for _, t := range learnerTables {
			for _, q := range t.mergeSQL() {
				if _, err := tx.ExecContext(ctx, q, from, into); err != nil {
					return fmt.Errorf("store: merge %s of learner %d into %d: %w", t.Table, from, into, err)
				}
			}
		}
		return nil
	})
}

// mergeSQL is the statements that move t's rows from learner $1 to $2.
func (t learnerTable) mergeSQL() []string {
	move := fmt.Sprintf(`UPDATE %s SET %s = $2 WHERE %s = $1`, t.Table, t.Column, t.Column)
	if !t.Unique {
		return []string{move}
	}
	// clash is true for a row of the outer table when the other learner
	// (alias o, learner $other) has a row with the same key.
	clash := func(other string) string {
		s := fmt.Sprintf(`SELECT 1 FROM %s o WHERE o.%s = %s`, t.Table, t.Column, other)
		for _, k := range t.Key {
			s += fmt.Sprintf(` AND o.%s = %s.%s`, k, t.Table, k)
		}
		return s
	}
	var out []string
	if t.Newer != "" {
		// The account's row loses to a strictly newer anonymous one.
		out = append(out, fmt.Sprintf(`DELETE FROM %s WHERE %s = $2 AND EXISTS (%s AND COALESCE(o.%s, '') > COALESCE(%s.%s, ''))`,
			t.Table, t.Column, clash("$1"), t.Newer, t.Table, t.Newer))
	}
	// Every anonymous row that still clashes loses to the account's.
	out = append(out, fmt.Sprintf(`DELETE FROM %s WHERE %s = $1 AND EXISTS (%s)`, t.Table, t.Column, clash("$2")))
	return append(out, move)
}
