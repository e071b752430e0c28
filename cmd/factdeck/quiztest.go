package main

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"slices"
	"strconv"

	"github.com/go-chi/chi/v5"

	"github.com/factdeck/factdeck/quiz"
	"github.com/factdeck/factdeck/quiz/quizset"
	"github.com/factdeck/factdeck/quiz/study"
	"github.com/factdeck/factdeck/store"
	"github.com/factdeck/factdeck/views"
)

// mountQuiz adds this resource's routes to the session-backed group: the
// self-test quiz (setup, one question per page, feedback, score, retry)
// and the learner's quiz history of a deck.
func (s *server) mountQuiz(r chi.Router) {
	r.Get("/decks/{deck}/quiz", s.handleQuizNew)
	r.Post("/decks/{deck}/quiz", s.handleQuizCreate)
	r.Get("/decks/{deck}/quiz/history", s.handleQuizHistory)
	r.Get("/decks/{deck}/quiz/{quiz}", s.handleQuizShow)
	r.Post("/decks/{deck}/quiz/{quiz}/answer", s.handleQuizAnswer)
	r.Get("/decks/{deck}/quiz/{quiz}/q/{pos}", s.handleQuizFeedback)
	r.Post("/decks/{deck}/quiz/{quiz}/retry", s.handleQuizRetry)
}

// liveCards are the cards a new attempt may ask: neither held nor stale.
func (s *server) liveCards(r *http.Request, docID int64) ([]quiz.Card, error) {
	return s.db.Cards(r.Context(), store.CardFilter{DocID: docID})
}

func (s *server) handleQuizNew(w http.ResponseWriter, r *http.Request) {
	doc, err := s.deck(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	cards, err := s.liveCards(r, doc.ID)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	form := quizset.FormOf(quizset.DefaultSettings(), topicIDs(cards))
	s.render(w, r, http.StatusOK, views.QuizSetupPage(setupVM(s.chrome(r, "Quiz · "+doc.Title), doc, cards, form, nil)))
}

func (s *server) handleQuizCreate(w http.ResponseWriter, r *http.Request) {
	doc, err := s.deck(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if err := r.ParseForm(); err != nil {
		s.Error(w, r, quiz.Invalid("form", "could not be read"))
		return
	}
	cards, err := s.liveCards(r, doc.ID)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	f := r.PostForm
	form := quizset.Form{Topics: f["topics"], Count: f.Get("count"), Kinds: f["kinds"],
		Feedback: f.Get("feedback"), Schedule: f.Get("schedule")}
	settings, err := form.Parse(topicIDs(cards))
	seed := rand.Uint64()
	var ids []string
	if err == nil {
		ids, err = quizset.Pick(cards, settings, seed)
	}
	var verr *quiz.ValidationError
	if errors.As(err, &verr) {
		vm := setupVM(s.chrome(r, "Quiz · "+doc.Title), doc, cards, form, verr.Fields)
		s.render(w, r, http.StatusUnprocessableEntity, views.QuizSetupPage(vm))
		return
	}
	if err != nil {
		s.Error(w, r, err)
		return
	}
	q, err := s.db.CreateQuiz(r.Context(), store.QuizInput{LearnerID: learnerID(r), DocID: doc.ID,
		Settings: settings, Seed: seed, CardIDs: ids, CreatedAt: s.now()})
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if len(ids) < settings.Count {
		s.sessions.Put(r.Context(), "flash", fmt.Sprintf("Only %d questions match your choices.", len(ids)))
	}
	http.Redirect(w, r, quizURL(q), http.StatusSeeOther)
}

func quizURL(q store.Quiz) string { return fmt.Sprintf("/decks/%d/quiz/%d", q.DocID, q.ID) }

func topicIDs(cards []quiz.Card) []string {
	var ids []string
	for _, t := range topicRows(cards) {
		ids = append(ids, t.ID)
	}
	return ids
}

func setupVM(chrome views.Chrome, doc quiz.Document, cards []quiz.Card, f quizset.Form, errs map[string]string) views.QuizSetupVM {
	vm := views.QuizSetupVM{Chrome: chrome, DeckID: doc.ID, DeckTitle: doc.Title, Count: f.Count,
		Min: quizset.MinQuestions, Max: quizset.MaxQuestions, Feedback: f.Feedback, Schedule: f.Schedule == "on", Errors: errs}
	for _, t := range topicRows(cards) {
		vm.Topics = append(vm.Topics, views.QuizOption{Value: t.ID, Label: t.Name,
			Note: plural(t.Cards, "card"), Checked: slices.Contains(f.Topics, t.ID)})
	}
	perKind := map[quiz.CardKind]int{}
	for _, c := range cards {
		perKind[c.Kind]++
	}
	for _, k := range quizset.Kinds {
		vm.Kinds = append(vm.Kinds, views.QuizOption{Value: string(k), Label: kindLabels[k],
			Note: plural(perKind[k], "card"), Checked: slices.Contains(f.Kinds, string(k))})
	}
	return vm
}

var kindLabels = map[quiz.CardKind]string{
	quiz.CardMCQ: "Multiple choice", quiz.CardTrueFalse: "True or false", quiz.CardTyped: "Typed answer",
	quiz.CardCloze: "Fill the gap", quiz.CardOrder: "Put in order", quiz.CardMatch: "Match pairs",
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// attempt is a quiz attempt of the current learner with its deck and cards.
type attempt struct {
	doc   quiz.Document
	quiz  store.Quiz
	cards map[string]quiz.Card
}

// loadAttempt reads {deck} and {quiz}: another learner's attempt, or one
// of another deck, is not found.
func (s *server) loadAttempt(r *http.Request) (attempt, error) {
	var a attempt
	doc, err := s.deck(r)
	if err != nil {
		return a, err
	}
	id, err := strconv.ParseInt(chi.URLParam(r, "quiz"), 10, 64)
	if err != nil || id <= 0 {
		return a, quiz.ErrNotFound
	}
	q, err := s.db.Quiz(r.Context(), learnerID(r), id)
	if err != nil {
		return a, err
	}
	if q.DocID != doc.ID {
		return a, quiz.ErrNotFound
	}
	cards, err := s.db.Cards(r.Context(), store.CardFilter{DocID: doc.ID, IncludeHeld: true, IncludeStale: true})
	if err != nil {
		return a, err
	}
	a = attempt{doc: doc, quiz: q, cards: make(map[string]quiz.Card, len(cards))}
	for _, c := range cards {
		a.cards[c.ID] = c
	}
	return a, nil
}

// handleQuizShow shows the first unanswered question, or the score page
// once every question has an answer.
func (s *server) handleQuizShow(w http.ResponseWriter, r *http.Request) {
	a, err := s.loadAttempt(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	n := len(a.quiz.CardIDs)
	next := quizset.Next(n, a.quiz.Answers)
	if next == 0 {
		s.render(w, r, http.StatusOK, views.QuizScorePage(s.scoreVM(r, a)))
		return
	}
	q := questionVM(a.cards[a.quiz.CardIDs[next-1]], "", s.now())
	q.Position, q.NeedAnswer = next, true
	vm := views.QuizQuestionVM{Chrome: s.chrome(r, fmt.Sprintf("Quiz question %d · %s", next, a.doc.Title)),
		DeckID: a.doc.ID, DeckTitle: a.doc.Title, Action: quizURL(a.quiz),
		Progress: views.Progress{Done: len(a.quiz.Answers), Total: n}, Question: q}
	s.render(w, r, http.StatusOK, views.QuizQuestionPage(vm))
}

// handleQuizAnswer grades and records the answer to one question. A
// question answered already keeps its first answer (a double submit or
// the back button records nothing new). With the attempt opted in to
// scheduling, the answer is also a review with the suggested rating, under
// a token unique to the attempt and position so it, too, is recorded once.
func (s *server) handleQuizAnswer(w http.ResponseWriter, r *http.Request) {
	a, err := s.loadAttempt(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if err := r.ParseForm(); err != nil {
		s.Error(w, r, quiz.Invalid("form", "could not be read"))
		return
	}
	pos, err := strconv.Atoi(r.PostForm.Get("position"))
	cardID := r.PostForm.Get("card")
	if err != nil || pos < 1 || pos > len(a.quiz.CardIDs) || a.quiz.CardIDs[pos-1] != cardID {
		s.Error(w, r, quiz.Invalid("position", "this question is not part of the quiz"))
		return
	}
	card := a.cards[cardID]
	out := study.Grade(card, answerFrom(r.PostForm, card))
	got, _, err := s.db.AnswerQuiz(r.Context(), learnerID(r), a.quiz.ID,
		quizset.Graded{Position: pos, CardID: cardID, Outcome: out, AnsweredAt: s.now()})
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if a.quiz.Settings.Schedule {
		if err := s.scheduleQuizAnswer(r, a.quiz, got); err != nil {
			s.Error(w, r, err)
			return
		}
	}
	if a.quiz.Settings.FeedbackNow() {
		http.Redirect(w, r, fmt.Sprintf("%s/q/%d#verdict", quizURL(a.quiz), pos), http.StatusSeeOther)
		return
	}
	http.Redirect(w, r, quizURL(a.quiz), http.StatusSeeOther)
}

// scheduleQuizAnswer records a graded quiz answer as a review. It runs for
// a replayed answer too: RecordReview is idempotent by token, so a review
// lost to a failure after the answer was stored is written on the resubmit.
func (s *server) scheduleQuizAnswer(r *http.Request, q store.Quiz, g quizset.Graded) error {
	_, sched, err := s.scheduler(r)
	if err != nil {
		return err
	}
	_, err = s.db.RecordReview(r.Context(), store.ReviewInput{
		LearnerID: learnerID(r), CardID: g.CardID, DocID: q.DocID, Rating: g.Outcome.Suggested,
		ReviewedAt: g.AnsweredAt, ShownToken: fmt.Sprintf("quiz-%d-%d", q.ID, g.Position),
	}, sched)
	return err
}

// handleQuizFeedback shows how an answered question went ("feedback now").
// In an "at the end" attempt it is shown only once the attempt is done.
func (s *server) handleQuizFeedback(w http.ResponseWriter, r *http.Request) {
	a, err := s.loadAttempt(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	pos, err := strconv.Atoi(chi.URLParam(r, "pos"))
	if err != nil || pos < 1 || pos > len(a.quiz.CardIDs) {
		s.Error(w, r, quiz.ErrNotFound)
		return
	}
	n := len(a.quiz.CardIDs)
	next := quizset.Next(n, a.quiz.Answers)
	i := slices.IndexFunc(a.quiz.Answers, func(g quizset.Graded) bool { return g.Position == pos })
	if i < 0 || (!a.quiz.Settings.FeedbackNow() && next != 0) {
		http.Redirect(w, r, quizURL(a.quiz), http.StatusSeeOther)
		return
	}
	vm := views.QuizFeedbackVM{Chrome: s.chrome(r, fmt.Sprintf("Quiz question %d · %s", pos, a.doc.Title)),
		DeckID: a.doc.ID, DeckTitle: a.doc.Title, Progress: views.Progress{Done: len(a.quiz.Answers), Total: n},
		Item: itemVM(a, a.quiz.Answers[i]), NextURL: quizURL(a.quiz), Last: next == 0}
	s.render(w, r, http.StatusOK, views.QuizFeedbackPage(vm))
}

func itemVM(a attempt, g quizset.Graded) views.QuizItemVM {
	c := a.cards[g.CardID]
	credit := quizset.Credit(g.Outcome)
	return views.QuizItemVM{Position: g.Position, Prompt: c.Prompt, Verdict: string(g.Outcome.Verdict),
		Partial: credit > 0 && credit < 1, Message: g.Outcome.Message, Given: g.Outcome.Given, Answer: c.Answer,
		Points: points(credit), Topic: c.Topic, SourceText: c.Source.Text,
		SourceURL: fmt.Sprintf("/decks/%d/read#s%d", a.doc.ID, c.Source.Start)}
}

// points writes a score with at most two decimals and no trailing zeros.
func points(f float64) string {
	return strconv.FormatFloat(float64(int(f*100+0.5))/100, 'f', -1, 64)
}

func (s *server) scoreVM(r *http.Request, a attempt) views.QuizScoreVM {
	sc := quizset.Tally(len(a.quiz.CardIDs), a.quiz.Answers)
	vm := views.QuizScoreVM{Chrome: s.chrome(r, "Quiz score · "+a.doc.Title), DeckID: a.doc.ID, DeckTitle: a.doc.Title,
		Points: points(sc.Points), Questions: sc.Questions, Percent: sc.Percent(), Correct: sc.Correct,
		Missed: len(quizset.Missed(a.quiz.Answers)), RetryAction: quizURL(a.quiz) + "/retry", IsRetry: a.quiz.RetryOf != 0}
	for _, g := range a.quiz.Answers {
		vm.Items = append(vm.Items, itemVM(a, g))
	}
	return vm
}

// handleQuizRetry starts a new attempt asking only the questions this one
// missed (those still in the deck), with the same settings.
func (s *server) handleQuizRetry(w http.ResponseWriter, r *http.Request) {
	a, err := s.loadAttempt(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	live, err := s.liveCards(r, a.doc.ID)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	var ids []string
	for _, id := range quizset.Missed(a.quiz.Answers) {
		if slices.ContainsFunc(live, func(c quiz.Card) bool { return c.ID == id }) {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		s.sessions.Put(r.Context(), "flash", "There is nothing left to retry in this quiz.")
		http.Redirect(w, r, quizURL(a.quiz), http.StatusSeeOther)
		return
	}
	settings := a.quiz.Settings
	settings.Count = len(ids)
	q, err := s.db.CreateQuiz(r.Context(), store.QuizInput{LearnerID: learnerID(r), DocID: a.doc.ID,
		Settings: settings, Seed: a.quiz.Seed, CardIDs: ids, RetryOf: a.quiz.ID, CreatedAt: s.now()})
	if err != nil {
		s.Error(w, r, err)
		return
	}
	http.Redirect(w, r, quizURL(q), http.StatusSeeOther)
}

func (s *server) handleQuizHistory(w http.ResponseWriter, r *http.Request) {
	doc, err := s.deck(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	settings, err := s.db.LearnerSettings(r.Context(), learnerID(r))
	if err != nil {
		s.Error(w, r, err)
		return
	}
	hist, err := s.db.QuizHistory(r.Context(), learnerID(r), doc.ID)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	vm := views.QuizHistoryVM{Chrome: s.chrome(r, "Past quizzes · "+doc.Title), DeckID: doc.ID, DeckTitle: doc.Title}
	for _, h := range hist {
		vm.Attempts = append(vm.Attempts, views.QuizAttemptRow{
			When: h.CreatedAt.In(settings.Location()).Format("2 Jan 2006 15:04"),
			URL:  fmt.Sprintf("/decks/%d/quiz/%d", doc.ID, h.ID), Questions: h.Score.Questions,
			Answered: h.Score.Answered, Points: points(h.Score.Points), Percent: h.Score.Percent(),
			Done: h.Score.Done(), Retry: h.RetryOf != 0,
		})
	}
	s.render(w, r, http.StatusOK, views.QuizHistoryPage(vm))
}
