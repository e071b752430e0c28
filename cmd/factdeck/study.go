package main

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/factdeck/factdeck/quiz"
	"github.com/factdeck/factdeck/quiz/gen"
	"github.com/factdeck/factdeck/quiz/srs"
	"github.com/factdeck/factdeck/quiz/study"
	"github.com/factdeck/factdeck/store"
	"github.com/factdeck/factdeck/views"
)

// studyState is what the session remembers of a learner's review session:
// the card on screen (with the token its answer form carries), the graded
// answer awaiting a rating, and the session's tally. Keeping the shown card
// in the session means a reload or a second tab shows the same card with
// the same token, so an answer is never recorded twice nor a card skipped.
type studyState struct {
	Deck    int64          `json:"deck"`
	Card    string         `json:"card,omitempty"`
	Token   string         `json:"token,omitempty"`
	ShownAt int64          `json:"shown_at,omitempty"` // Unix ms
	Answer  *study.Outcome `json:"answer,omitempty"`   // set once answered, until graded
	Done    int            `json:"done"`
	Correct int            `json:"correct"`
	Total   int            `json:"total"`
	Last    int64          `json:"last,omitempty"` // last review id, for undo
}

const studyKey = "study"

func (s *server) loadStudy(r *http.Request, deck int64) studyState {
	var st studyState
	if raw := s.sessions.GetString(r.Context(), studyKey); raw != "" {
		if json.Unmarshal([]byte(raw), &st) != nil || st.Deck != deck {
			st = studyState{}
		}
	}
	st.Deck = deck
	return st
}

func (s *server) saveStudy(r *http.Request, st studyState) {
	b, _ := json.Marshal(st)
	s.sessions.Put(r.Context(), studyKey, string(b))
}

func newToken() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func (s *server) scheduler(r *http.Request) (srs.Settings, *srs.Scheduler, error) {
	settings, err := s.db.LearnerSettings(r.Context(), learnerID(r))
	if err != nil {
		return settings, nil, err
	}
	sched, err := srs.NewScheduler(settings.Parameters())
	return settings, sched, err
}

func (s *server) handleStudyShow(w http.ResponseWriter, r *http.Request) {
	doc, err := s.deck(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	st := s.loadStudy(r, doc.ID)
	vm := views.StudyVM{Chrome: s.chrome(r, "Study · "+doc.Title), DeckID: doc.ID, DeckTitle: doc.Title,
		Action: fmt.Sprintf("/decks/%d/study", doc.ID), CanUndo: st.Last != 0}
	if st.Card == "" {
		if err := s.pickNext(r, doc.ID, &st); err != nil {
			s.Error(w, r, err)
			return
		}
	}
	vm.Progress = views.Progress{Done: st.Done, Total: st.Total}
	if st.Card == "" {
		counts, err := s.counts(r, doc.ID)
		if err != nil {
			s.Error(w, r, err)
			return
		}
		vm.Summary = &views.SummaryVM{Reviewed: st.Done, Correct: st.Correct, Counts: counts}
		s.render(w, r, http.StatusOK, views.StudyPage(vm))
		return
	}
	card, err := s.db.Card(r.Context(), doc.ID, st.Card)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if st.Answer != nil {
		res, err := s.resultVM(r, doc, card, st)
		if err != nil {
			s.Error(w, r, err)
			return
		}
		vm.Result = &res
	} else {
		q := questionVM(card, st.Token)
		vm.Question = &q
	}
	s.render(w, r, http.StatusOK, views.StudyPage(vm))
}

// pickNext puts the next due card of the deck on screen, or clears the
// card when nothing is due.
func (s *server) pickNext(r *http.Request, docID int64, st *studyState) error {
	settings, err := s.db.LearnerSettings(r.Context(), learnerID(r))
	if err != nil {
		return err
	}
	items, err := s.db.DueCards(r.Context(), store.QueueRequest{
		LearnerID: learnerID(r), DocID: docID, Now: s.now(), Settings: settings, LearnAhead: 20 * time.Minute,
	})
	if err != nil {
		return err
	}
	st.Card, st.Token, st.Answer = "", "", nil
	if len(items) > 0 {
		st.Card, st.Token, st.ShownAt = items[0].Card.ID, newToken(), s.now().UnixMilli()
	}
	if st.Total < st.Done+len(items) {
		st.Total = st.Done + len(items)
	}
	s.saveStudy(r, *st)
	return nil
}

func questionVM(c quiz.Card, token string) views.QuestionVM {
	q := views.QuestionVM{CardID: c.ID, Kind: string(c.Kind), Topic: c.Topic, Prompt: c.Prompt, Token: token, Choices: c.Choices}
	switch c.Kind {
	case quiz.CardOrder:
		q.Items = gen.Presented(c)
	case quiz.CardMatch:
		for _, it := range c.Items {
			q.Items = append(q.Items, it.Left)
		}
		q.Options = gen.Presented(c)
	}
	return q
}

func (s *server) resultVM(r *http.Request, doc quiz.Document, card quiz.Card, st studyState) (views.ResultVM, error) {
	a := st.Answer
	res := views.ResultVM{CardID: card.ID, Prompt: card.Prompt, Verdict: string(a.Verdict), Message: a.Message,
		Given: a.Given, Answer: card.Answer, Topic: card.Topic, SourceText: card.Source.Text, Token: st.Token,
		SourceURL: fmt.Sprintf("/decks/%d/read#s%d", doc.ID, card.Source.Start)}
	_, sched, err := s.scheduler(r)
	if err != nil {
		return res, err
	}
	state, err := s.db.CardState(r.Context(), learnerID(r), card.ID)
	if err != nil {
		return res, err
	}
	now := s.now()
	out, err := sched.Preview(state, now, card.ID)
	if err != nil {
		return res, err
	}
	labels := out.Labels(now)
	for i, rt := range srs.Ratings {
		res.Grades = append(res.Grades, views.GradeButton{
			Rating: int(rt), Name: rt.String(), Interval: labels[i], Suggested: rt == a.Suggested,
		})
	}
	return res, nil
}

// handleStudyAnswer grades the answer to the card on screen. An answer for
// another card or an old token (a second tab, the back button) changes
// nothing: the learner is sent back to the current card.
func (s *server) handleStudyAnswer(w http.ResponseWriter, r *http.Request) {
	doc, err := s.deck(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if err := r.ParseForm(); err != nil {
		s.Error(w, r, quiz.Invalid("form", "could not be read"))
		return
	}
	st := s.loadStudy(r, doc.ID)
	back := fmt.Sprintf("/decks/%d/study", doc.ID)
	if st.Card == "" || r.PostForm.Get("card") != st.Card || r.PostForm.Get("token") != st.Token || st.Answer != nil {
		http.Redirect(w, r, back, http.StatusSeeOther)
		return
	}
	card, err := s.db.Card(r.Context(), doc.ID, st.Card)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	out := study.Grade(card, answerFrom(r, card))
	st.Answer = &out
	s.saveStudy(r, st)
	http.Redirect(w, r, back+"#verdict", http.StatusSeeOther)
}

// answerFrom reads the answer fields of the form for a card's kind.
func answerFrom(r *http.Request, c quiz.Card) study.Answer {
	f := r.PostForm
	a := study.Answer{Choice: -1, Text: f.Get("answer")}
	if v, err := strconv.Atoi(f.Get("choice")); err == nil {
		a.Choice = v
	}
	switch c.Kind {
	case quiz.CardOrder:
		items := gen.Presented(c)
		slots := make([]string, len(items))
		for i, it := range items {
			p, err := strconv.Atoi(f.Get(fmt.Sprintf("pos%d", i)))
			if err != nil || p < 1 || p > len(items) || slots[p-1] != "" {
				return study.Answer{Choice: -1} // every item needs its own place
			}
			slots[p-1] = it
		}
		a.Order = slots
	case quiz.CardMatch:
		for i := range c.Items {
			a.Match = append(a.Match, f.Get(fmt.Sprintf("m%d", i)))
		}
	}
	return a
}

// handleStudyGrade records the learner's rating of the answered card.
func (s *server) handleStudyGrade(w http.ResponseWriter, r *http.Request) {
	doc, err := s.deck(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if err := r.ParseForm(); err != nil {
		s.Error(w, r, quiz.Invalid("form", "could not be read"))
		return
	}
	back := fmt.Sprintf("/decks/%d/study", doc.ID)
	st := s.loadStudy(r, doc.ID)
	card, token := r.PostForm.Get("card"), r.PostForm.Get("token")
	rating, err := strconv.Atoi(r.PostForm.Get("rating"))
	if err != nil || !srs.Rating(rating).Valid() {
		s.Error(w, r, quiz.Invalid("rating", "choose Again, Hard, Good or Easy"))
		return
	}
	if card != st.Card || token != st.Token || st.Answer == nil {
		// Already graded (a double click or the back button): the review
		// exists once in the log; show where the session is now.
		http.Redirect(w, r, back, http.StatusSeeOther)
		return
	}
	_, sched, err := s.scheduler(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	now := s.now()
	rv, err := s.db.RecordReview(r.Context(), store.ReviewInput{
		LearnerID: learnerID(r), CardID: card, DocID: doc.ID, Rating: srs.Rating(rating),
		ReviewedAt: now, Duration: clampDuration(now.Sub(time.UnixMilli(st.ShownAt))), ShownToken: token,
	}, sched)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	st.Done++
	if st.Answer.Verdict == study.Correct {
		st.Correct++
	}
	st.Last = rv.ID
	st.Card, st.Token, st.Answer = "", "", nil
	s.saveStudy(r, st)
	http.Redirect(w, r, back, http.StatusSeeOther)
}

// clampDuration keeps answer times sane for the log: a tab left open for a
// day is not a day of thinking.
func clampDuration(d time.Duration) time.Duration {
	switch {
	case d < 0:
		return 0
	case d > 10*time.Minute:
		return 10 * time.Minute
	}
	return d
}

// handleStudyUndo takes back the last grade and shows that card again.
func (s *server) handleStudyUndo(w http.ResponseWriter, r *http.Request) {
	doc, err := s.deck(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	back := fmt.Sprintf("/decks/%d/study", doc.ID)
	st := s.loadStudy(r, doc.ID)
	if st.Last == 0 {
		http.Redirect(w, r, back, http.StatusSeeOther)
		return
	}
	rv, err := s.db.UndoReview(r.Context(), learnerID(r), st.Last)
	if err != nil && !errors.Is(err, quiz.ErrNotFound) {
		s.Error(w, r, err)
		return
	}
	if err == nil {
		st.Card, st.Token, st.ShownAt, st.Answer = rv.CardID, newToken(), s.now().UnixMilli(), nil
		if st.Done > 0 {
			st.Done--
		}
	}
	st.Last = 0
	s.saveStudy(r, st)
	s.sessions.Put(r.Context(), "flash", "Last grade undone.")
	http.Redirect(w, r, back, http.StatusSeeOther)
}

