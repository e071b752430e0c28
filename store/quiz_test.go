package store_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/factdeck/factdeck/quiz"
	"github.com/factdeck/factdeck/quiz/quizset"
	"github.com/factdeck/factdeck/quiz/srs"
	"github.com/factdeck/factdeck/quiz/study"
	"github.com/factdeck/factdeck/store"
)

func newQuiz(t *testing.T, d deck, cards ...string) store.Quiz {
	t.Helper()
	q, err := d.db.CreateQuiz(context.Background(), store.QuizInput{LearnerID: d.learner, DocID: d.doc.ID,
		Settings: quizset.DefaultSettings(), Seed: 1<<63 + 5, CardIDs: cards, CreatedAt: t0})
	if err != nil {
		t.Fatalf("CreateQuiz: %v", err)
	}
	return q
}

func graded(pos int, card string, v study.Verdict, credit float64) quizset.Graded {
	return quizset.Graded{Position: pos, CardID: card, AnsweredAt: t0,
		Outcome: study.Outcome{Verdict: v, Credit: credit, Given: "g", Suggested: srs.Good}}
}

func TestQuizRoundTripAndAuthorization(t *testing.T) {
	d := newDeck(t, "a", "b", "c")
	ctx := context.Background()
	q := newQuiz(t, d, "s-c", "s-a")
	got, err := d.db.Quiz(ctx, d.learner, q.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got.CardIDs, []string{"s-c", "s-a"}) || got.Seed != 1<<63+5 || got.Settings.Count != 10 ||
		!got.CreatedAt.Equal(t0) || got.DocID != d.doc.ID {
		t.Errorf("stored quiz came back as %+v", got)
	}
	other, err := d.db.CreateLearner(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.db.Quiz(ctx, other, q.ID); !errors.Is(err, quiz.ErrNotFound) {
		t.Errorf("another learner reading the quiz: err = %v, want ErrNotFound", err)
	}
	if _, _, err := d.db.AnswerQuiz(ctx, other, q.ID, graded(1, "s-c", study.Correct, 1)); !errors.Is(err, quiz.ErrNotFound) {
		t.Errorf("another learner answering the quiz: err = %v, want ErrNotFound", err)
	}
	if _, err := d.db.CreateQuiz(ctx, store.QuizInput{LearnerID: other, DocID: d.doc.ID, Settings: quizset.DefaultSettings(),
		CardIDs: []string{"s-a"}, RetryOf: q.ID, CreatedAt: t0}); !errors.Is(err, quiz.ErrNotFound) {
		t.Errorf("retrying another learner's quiz: err = %v, want ErrNotFound", err)
	}
	if _, err := d.db.CreateQuiz(ctx, store.QuizInput{LearnerID: d.learner, DocID: d.doc.ID, Settings: quizset.DefaultSettings(),
		CardIDs: []string{"s-zzz"}, CreatedAt: t0}); !errors.Is(err, quiz.ErrNotFound) {
		t.Errorf("quiz over a card the deck lacks: err = %v, want ErrNotFound", err)
	}
}

func TestAnswerQuizOnce(t *testing.T) {
	d := newDeck(t, "a", "b", "c")
	ctx := context.Background()
	q := newQuiz(t, d, "s-a", "s-b")
	first, replayed, err := d.db.AnswerQuiz(ctx, d.learner, q.ID, graded(1, "s-a", study.Wrong, 0))
	if err != nil || replayed {
		t.Fatalf("first answer: replayed=%v err=%v", replayed, err)
	}
	again, replayed, err := d.db.AnswerQuiz(ctx, d.learner, q.ID, graded(1, "s-a", study.Correct, 1))
	if err != nil || !replayed {
		t.Fatalf("second answer: replayed=%v err=%v, want replayed", replayed, err)
	}
	if again.Outcome.Verdict != study.Wrong || first.Outcome.Verdict != study.Wrong {
		t.Errorf("the second submit changed the answer to %s", again.Outcome.Verdict)
	}
	var verr *quiz.ValidationError
	for _, bad := range []quizset.Graded{graded(0, "s-a", study.Correct, 1), graded(3, "s-a", study.Correct, 1),
		graded(2, "s-a", study.Correct, 1)} {
		if _, _, err := d.db.AnswerQuiz(ctx, d.learner, q.ID, bad); !errors.As(err, &verr) {
			t.Errorf("answer at position %d for %s: err = %v, want a validation error", bad.Position, bad.CardID, err)
		}
	}
	got, err := d.db.Quiz(ctx, d.learner, q.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Answers) != 1 || got.Answers[0].Outcome.Verdict != study.Wrong || got.Answers[0].Outcome.Given != "g" {
		t.Errorf("answers stored: %+v, want the one wrong answer", got.Answers)
	}
	if n := d.countReviews(t); n != 0 {
		t.Errorf("answering a quiz wrote %d reviews; the schedule must not change", n)
	}
}

func TestQuizHistory(t *testing.T) {
	d := newDeck(t, "a", "b", "c", "d")
	ctx := context.Background()
	old := newQuiz(t, d, "s-a", "s-b", "s-c", "s-d")
	for _, a := range []quizset.Graded{graded(1, "s-a", study.Correct, 1), graded(2, "s-b", study.Wrong, 0.5),
		graded(3, "s-c", study.Revealed, 0), graded(4, "s-d", study.Close, 1)} {
		if _, _, err := d.db.AnswerQuiz(ctx, d.learner, old.ID, a); err != nil {
			t.Fatal(err)
		}
	}
	next, err := d.db.CreateQuiz(ctx, store.QuizInput{LearnerID: d.learner, DocID: d.doc.ID, Settings: quizset.DefaultSettings(),
		CardIDs: []string{"s-b", "s-c"}, RetryOf: old.ID, CreatedAt: t0.Add(1)})
	if err != nil {
		t.Fatal(err)
	}
	other, _ := d.db.CreateLearner(ctx)
	if _, err := d.db.CreateQuiz(ctx, store.QuizInput{LearnerID: other, DocID: d.doc.ID, Settings: quizset.DefaultSettings(),
		CardIDs: []string{"s-a"}, CreatedAt: t0}); err != nil {
		t.Fatal(err)
	}
	h, err := d.db.QuizHistory(ctx, d.learner, d.doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(h) != 2 || h[0].ID != next.ID || h[1].ID != old.ID {
		t.Fatalf("history = %+v, want the retry then the first attempt, and no other learner's", h)
	}
	if s := h[1].Score; s.Questions != 4 || s.Answered != 4 || s.Correct != 2 || s.Points != 2.5 || s.Percent() != 63 {
		t.Errorf("first attempt scored %+v (%d%%), want 2.5 of 4 (63%%)", s, s.Percent())
	}
	if h[0].RetryOf != old.ID || h[0].Score.Answered != 0 || h[0].Score.Questions != 2 {
		t.Errorf("retry line = %+v", h[0])
	}
	// The history survives reopening the file.
	path := d.db.Path()
	d.db.Close()
	db := mustOpenDB(t, path)
	if h2, err := db.QuizHistory(ctx, d.learner, d.doc.ID); err != nil || len(h2) != 2 {
		t.Errorf("after reopening: %d attempts, %v", len(h2), err)
	}
}
