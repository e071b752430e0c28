package store_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factdeck/factdeck/quiz"
	"github.com/factdeck/factdeck/quiz/teach"
	"github.com/factdeck/factdeck/store"
)

func TestTeacherDocumentsAreTheOwners(t *testing.T) {
	ctx := context.Background()
	db := mustOpenDB(t, filepath.Join(t.TempDir(), "t.db"))
	owner, _ := db.CreateLearner(ctx)
	other, _ := db.CreateLearner(ctx)
	card := quiz.Card{ID: "t-x/1", Kind: quiz.CardTyped, Prompt: "Q", Answer: "A"}
	d, err := db.CreateTeacherDocument(ctx, owner, quiz.Document{Slug: "t-x", Title: "Mine", Body: "Some text."}, []quiz.Card{card})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.TeacherDocument(ctx, other, d.ID); !errors.Is(err, quiz.ErrNotFound) {
		t.Errorf("other teacher reads the document: %v", err)
	}
	if _, err := db.Document(ctx, d.ID); !errors.Is(err, quiz.ErrNotFound) {
		t.Errorf("public lookup finds a teacher's document: %v", err)
	}
	if docs, _ := db.Documents(ctx, store.DocumentFilter{}); len(docs) != 0 {
		t.Errorf("shared documents include a teacher's: %v", docs)
	}
	if err := db.DecideCards(ctx, other, d.ID, teach.Approved, "", []string{card.ID}); !errors.Is(err, quiz.ErrNotFound) {
		t.Errorf("other teacher approves the card: %v", err)
	}
	if err := db.EditCard(ctx, owner, d.ID, quiz.Card{ID: card.ID, Kind: quiz.CardTyped, Prompt: "Q2", Answer: "A"}); err != nil {
		t.Fatal(err)
	}
	// Regeneration leaves the edit and the original.
	if err := db.SaveCards(ctx, d.ID, []quiz.Card{{ID: card.ID, Kind: quiz.CardTyped, Prompt: "Q new", Answer: "A"}}); err != nil {
		t.Fatal(err)
	}
	rs, err := db.ReviewQueue(ctx, owner, d.ID)
	if err != nil || len(rs) != 1 || rs[0].Card.Prompt != "Q2" || rs[0].Original.Prompt != "Q new" || rs[0].Status != teach.Edited {
		t.Errorf("review queue after regeneration = %+v, %v", rs, err)
	}
}

func TestTeacherQuotaInTransaction(t *testing.T) {
	ctx := context.Background()
	db := mustOpenDB(t, filepath.Join(t.TempDir(), "q.db"))
	owner, _ := db.CreateLearner(ctx)
	body := strings.Repeat("x", teach.MaxDocumentBytes)
	for i := range 5 {
		_, err := db.CreateTeacherDocument(ctx, owner, quiz.Document{Slug: "q" + string(rune('a'+i)), Title: "T", Body: body[:len(body)-i]}, nil)
		if err != nil {
			t.Fatalf("document %d refused: %v", i, err)
		}
	}
	_, err := db.CreateTeacherDocument(ctx, owner, quiz.Document{Slug: "qz", Title: "T", Body: strings.Repeat("y", 100)}, nil)
	var verr *quiz.ValidationError
	if !errors.As(err, &verr) {
		t.Fatalf("sixth document over 10 MB stored: %v", err)
	}
	if q, _ := db.TeacherQuota(ctx, owner); q.Documents != 5 {
		t.Errorf("%d documents stored, want 5", q.Documents)
	}
}
