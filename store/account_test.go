package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/factdeck/factdeck/quiz"
	"github.com/factdeck/factdeck/quiz/account"
	"github.com/factdeck/factdeck/quiz/srs"
	"github.com/factdeck/factdeck/store"
)

func mustCreateAccount(t *testing.T, db *store.DB, name string, learner int64) account.Account {
	t.Helper()
	a, err := db.CreateAccount(context.Background(), store.NewAccount{Username: name, PasswordHash: "$argon2id$x", LearnerID: learner})
	if err != nil {
		t.Fatalf("CreateAccount(%s): %v", name, err)
	}
	return a
}

func TestCreateAccountAndLookUp(t *testing.T) {
	d := newDeck(t, "c1")
	ctx := context.Background()
	a := mustCreateAccount(t, d.db, "Ada.Lovelace", d.learner)
	if a.ID == 0 || a.Role != account.Student {
		t.Fatalf("created %+v; want an id and the student role", a)
	}
	for _, name := range []string{"Ada.Lovelace", "ada.lovelace", "ADA.LOVELACE", " ada.lovelace "} {
		got, err := d.db.AccountByUsername(ctx, name)
		if err != nil || got.ID != a.ID || got.Username != "Ada.Lovelace" || got.LearnerID != d.learner {
			t.Errorf("AccountByUsername(%q) = %+v, %v", name, got, err)
		}
	}
	if got, err := d.db.AccountByLearner(ctx, d.learner); err != nil || got.ID != a.ID {
		t.Errorf("AccountByLearner = %+v, %v", got, err)
	}
	other, _ := d.db.CreateLearner(ctx)
	if _, err := d.db.AccountByLearner(ctx, other); !errors.Is(err, quiz.ErrNotFound) {
		t.Errorf("AccountByLearner(anonymous) = %v, want ErrNotFound", err)
	}
	if _, err := d.db.AccountByUsername(ctx, "nobody"); !errors.Is(err, quiz.ErrNotFound) {
		t.Errorf("AccountByUsername(nobody) = %v, want ErrNotFound", err)
	}
}

func TestUsernameUniqueIgnoringCase(t *testing.T) {
	d := newDeck(t, "c1")
	ctx := context.Background()
	mustCreateAccount(t, d.db, "Ada", d.learner)
	second, _ := d.db.CreateLearner(ctx)
	_, err := d.db.CreateAccount(ctx, store.NewAccount{Username: "aDA", PasswordHash: "h", LearnerID: second})
	if !errors.Is(err, account.ErrUsernameTaken) || !errors.Is(err, quiz.ErrConflict) {
		t.Fatalf("second account named aDA: %v, want ErrUsernameTaken", err)
	}
	if _, err := d.db.AccountByLearner(ctx, second); !errors.Is(err, quiz.ErrNotFound) {
		t.Error("the refused account was stored")
	}
	// One learner, one account.
	_, err = d.db.CreateAccount(ctx, store.NewAccount{Username: "grace", PasswordHash: "h", LearnerID: d.learner})
	if !errors.Is(err, quiz.ErrConflict) || errors.Is(err, account.ErrUsernameTaken) {
		t.Fatalf("second account for one learner: %v, want a plain conflict", err)
	}
}

func TestSetRole(t *testing.T) {
	d := newDeck(t, "c1")
	ctx := context.Background()
	a := mustCreateAccount(t, d.db, "ada", d.learner)
	if err := d.db.SetRole(ctx, a.ID, account.Teacher); err != nil {
		t.Fatal(err)
	}
	if got, _ := d.db.AccountByUsername(ctx, "ada"); !got.IsTeacher() {
		t.Errorf("role after SetRole(teacher) = %q", got.Role)
	}
	if err := d.db.SetRole(ctx, a.ID, "admin"); err == nil {
		t.Error("SetRole(admin) accepted")
	}
	if err := d.db.SetRole(ctx, a.ID+99, account.Teacher); !errors.Is(err, quiz.ErrNotFound) {
		t.Errorf("SetRole(unknown account) = %v, want ErrNotFound", err)
	}
}

// review records a Good review of card for learner at time at.
func (d deck) review(t *testing.T, learner int64, card, token string, at time.Time) store.Review {
	t.Helper()
	in := d.input("s-"+card, token, srs.Good, at)
	in.LearnerID = learner
	r, err := d.db.RecordReview(context.Background(), in, d.sched)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func (d deck) reviewsOf(t *testing.T, learner int64) []store.Review {
	t.Helper()
	rs, err := d.db.Reviews(context.Background(), learner, time.Time{}, t0.AddDate(10, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

func TestMergeLearner(t *testing.T) {
	d := newDeck(t, "both-anon-newer", "both-account-newer", "anon-only", "account-only")
	ctx := context.Background()
	acct := d.learner
	mustCreateAccount(t, d.db, "ada", acct)
	anon, _ := d.db.CreateLearner(ctx)

	d.review(t, acct, "both-anon-newer", "a1", t0)
	d.review(t, anon, "both-anon-newer", "n1", t0.Add(time.Hour))
	d.review(t, anon, "both-account-newer", "n2", t0)
	d.review(t, acct, "both-account-newer", "a2", t0.Add(2*time.Hour))
	d.review(t, acct, "both-account-newer", "a3", t0.Add(3*time.Hour))
	d.review(t, anon, "anon-only", "n3", t0)
	d.review(t, acct, "account-only", "a4", t0)
	// A true duplicate: the same showing of a card logged under both
	// learners (the unique key (learner, card, token) must not break).
	d.review(t, acct, "account-only", "dup", t0.Add(4*time.Hour))
	d.review(t, anon, "account-only", "dup", t0.Add(4*time.Hour))
	want := map[string]time.Time{
		"both-anon-newer":    t0.Add(time.Hour),
		"both-account-newer": t0.Add(3 * time.Hour),
		"anon-only":          t0,
		"account-only":       t0.Add(4 * time.Hour),
	}
	anonSettings := srs.DefaultSettings()
	anonSettings.DesiredRetention = 0.8
	if err := d.db.UpdateLearnerSettings(ctx, anon, anonSettings); err != nil {
		t.Fatal(err)
	}

	if err := d.db.MergeLearner(ctx, anon, acct); err != nil {
		t.Fatalf("MergeLearner: %v", err)
	}
	for card, last := range want {
		c, err := d.db.CardState(ctx, acct, "s-"+card)
		if err != nil {
			t.Fatal(err)
		}
		if !c.LastReview.Equal(last) {
			t.Errorf("%s: last review %v after merge, want %v (the later one)", card, c.LastReview, last)
		}
	}
	if n := len(d.reviewsOf(t, acct)); n != 9-1 {
		t.Errorf("account has %d reviews after merge, want 8 (nine logged, one true duplicate)", n)
	}
	if n := len(d.reviewsOf(t, anon)); n != 0 {
		t.Errorf("%d reviews left on the merged learner", n)
	}
	if c, _ := d.db.CardState(ctx, anon, "s-anon-only"); c.State != srs.New {
		t.Error("the merged anonymous learner still has a card state")
	}
	// The account had no settings: it takes the anonymous learner's.
	if s, _ := d.db.LearnerSettings(ctx, acct); s.DesiredRetention != 0.8 {
		t.Errorf("retention after merge %v, want the anonymous learner's 0.8", s.DesiredRetention)
	}
}

func TestMergeKeepsAccountSettings(t *testing.T) {
	d := newDeck(t, "c1")
	ctx := context.Background()
	acct := d.learner
	mine, theirs := srs.DefaultSettings(), srs.DefaultSettings()
	mine.DesiredRetention, theirs.DesiredRetention = 0.95, 0.8
	if err := d.db.UpdateLearnerSettings(ctx, acct, mine); err != nil {
		t.Fatal(err)
	}
	anon, _ := d.db.CreateLearner(ctx)
	if err := d.db.UpdateLearnerSettings(ctx, anon, theirs); err != nil {
		t.Fatal(err)
	}
	if err := d.db.MergeLearner(ctx, anon, acct); err != nil {
		t.Fatal(err)
	}
	if s, _ := d.db.LearnerSettings(ctx, acct); s.DesiredRetention != 0.95 {
		t.Errorf("retention after merge %v, want the account's own 0.95", s.DesiredRetention)
	}
}

func TestMergeRefusals(t *testing.T) {
	d := newDeck(t, "c1")
	ctx := context.Background()
	mustCreateAccount(t, d.db, "ada", d.learner)
	other, _ := d.db.CreateLearner(ctx)
	mustCreateAccount(t, d.db, "grace", other)
	d.review(t, other, "c1", "g1", t0)
	if err := d.db.MergeLearner(ctx, other, d.learner); !errors.Is(err, quiz.ErrConflict) {
		t.Fatalf("merging one account's learner into another: %v, want ErrConflict", err)
	}
	if n := len(d.reviewsOf(t, other)); n != 1 {
		t.Errorf("a refused merge moved reviews: %d left, want 1", n)
	}
	anon, _ := d.db.CreateLearner(ctx)
	if err := d.db.MergeLearner(ctx, anon, 9999); !errors.Is(err, quiz.ErrNotFound) {
		t.Errorf("merging into an unknown learner: %v, want ErrNotFound", err)
	}
	if err := d.db.MergeLearner(ctx, d.learner, d.learner); err != nil {
		t.Errorf("merging a learner into itself: %v, want a no-op", err)
	}
}
