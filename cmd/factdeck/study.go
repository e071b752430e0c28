package main

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/factdeck/factdeck/quiz"
	"github.com/factdeck/factdeck/quiz/gen"
	"github.com/factdeck/factdeck/quiz/srs"
	"github.com/factdeck/factdeck/quiz/study"
	"github.com/factdeck/factdeck/store"
	"github.com/factdeck/factdeck/views"
)

// The review loop keeps no state in the session. The card shown is the
// head of the learner's queue; its answer form carries a token derived from
// the learner's memory of the card (study.ShowToken), so a reload, a second
// tab or the back button shows and grades the same card with the same
// token, and a second grade with that token is recorded once. Checking an
// answer changes nothing, so it is a GET; only grading writes, once.

// studyPath is the URL of a deck's review session.
func studyPath(docID int64) string { return fmt.Sprintf("/decks/%d/study", docID) }

func (s *server) scheduler(r *http.Request) (srs.Settings, *srs.Scheduler, error) {
	settings, err := s.db.LearnerSettings(r.Context(), learnerID(r))
	if err != nil {
		return settings, nil, err
	}
	sched, err := srs.NewScheduler(settings.Parameters())
	return settings, sched, err
}

// startOfDay is midnight today in the learner's time zone.
func startOfDay(now time.Time, loc *time.Location) time.Time {
	y, m, d := now.In(loc).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, loc)
}

// studyPage fills the parts of the study page every step shares: the deck,
// today's progress and whether there is a grade to undo.
func (s *server) studyPage(r *http.Request, doc studyDeck, settings srs.Settings, remaining int) (views.StudyVM, error) {
	done, _, err := s.db.DeckTally(r.Context(), learnerID(r), doc.ID, startOfDay(s.now(), settings.Location()))
	if err != nil {
		return views.StudyVM{}, err
	}
	return studyVM(s.chrome(r, "Study · "+doc.Title), doc, done, remaining), nil
}

func studyVM(chrome views.Chrome, doc studyDeck, done, remaining int) views.StudyVM {
	return views.StudyVM{
		Chrome: chrome, DeckID: doc.ID, DeckTitle: doc.Title, DeckURL: doc.URL,
		Action: doc.Path, CanUndo: done > 0,
		Progress: views.Progress{Done: done, Total: done + remaining},
	}
}

func (s *server) handleStudyShow(w http.ResponseWriter, r *http.Request) {
	doc, err := s.studyDeck(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	settings, err := s.db.LearnerSettings(r.Context(), learnerID(r))
	if err != nil {
		s.Error(w, r, err)
		return
	}
	req := store.QueueRequest{
		LearnerID: learnerID(r), DocID: doc.ID, SetID: doc.SetID, TopicID: doc.TopicID, Now: s.now(), Settings: settings, LearnAhead: 20 * time.Minute,
	}
	head, err := s.queueHead(r, req)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	vm := studyVM(s.chrome(r, "Study · "+doc.Title), doc, head.Reviewed, head.Remaining())
	if len(head.Items) == 0 {
		vm.Summary = &views.SummaryVM{Reviewed: head.Reviewed, Correct: head.Remembered, Counts: views.Counts{
			New: head.Counts.New, Learning: head.Counts.Learning, Due: head.Counts.Review,
		}}
		s.render(w, r, http.StatusOK, views.StudyPage(vm))
		return
	}
	it := head.Items[0]
	q := questionVM(it.Card, study.ShowToken(learnerID(r), it.Card.ID, it.State), s.now())
	vm.Question = &q
	if it.State.Lapses >= study.LapsesBeforeReread && doc.SetID == 0 { // a set's document is the teacher's, not readable here
		if vm.Reread, err = s.reread(r, doc.ID, it); err != nil {
			s.Error(w, r, err)
			return
		}
	}
	s.render(w, r, http.StatusOK, views.StudyPage(vm))
}

// queueHead reads the next card to study, today's counts and tally in one
// read (store.DB.Head); a read-page review's focus narrows the queue to the
// cards the learner chose.
func (s *server) queueHead(r *http.Request, req store.QueueRequest) (store.QueueHead, error) {
	head, err := s.db.Head(r.Context(), req)
	if err != nil || req.SetID != 0 || req.TopicID != "" || !s.focusOn(r, req.DocID) {
		return head, err
	}
	items, err := s.db.DueCards(r.Context(), req)
	if err != nil {
		return head, err
	}
	items = s.focused(r, req.DocID, items)
	head.Items, head.Counts = items[:min(len(items), 1)], store.QueueCounts{New: len(items)}
	return head, nil
}

// reread is the source passage of a card forgotten again and again.
func (s *server) reread(r *http.Request, docID int64, it store.QueueItem) (*views.RereadVM, error) {
	full, err := s.db.Document(r.Context(), docID)
	if err != nil {
		return nil, err
	}
	src := it.Card.Source
	return &views.RereadVM{
		Lapses: it.State.Lapses, Topic: it.Card.Topic,
		Passage: study.Passage(full.Body, src.Start, src.End),
		URL:     fmt.Sprintf("/decks/%d/read#s%d", docID, src.Start),
	}, nil
}

func questionVM(c quiz.Card, token string, now time.Time) views.QuestionVM {
	q := views.QuestionVM{CardID: c.ID, Kind: string(c.Kind), Topic: c.Topic, Prompt: c.Prompt, Token: token,
		Choices: c.Choices, Shown: strconv.FormatInt(now.UnixMilli(), 10)}
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

// shownCard loads the card a form names and checks that its token still
// matches the learner's memory of it; ok is false for a stale form.
func (s *server) shownCard(r *http.Request, doc studyDeck, form url.Values) (card quiz.Card, state srs.Card, ok bool, err error) {
	card, err = s.deckCard(r, doc, form.Get("card"))
	if errors.Is(err, quiz.ErrNotFound) {
		return card, state, false, nil
	}
	if err != nil {
		return card, state, false, err
	}
	state, err = s.db.CardState(r.Context(), learnerID(r), card.ID)
	if err != nil {
		return card, state, false, err
	}
	return card, state, form.Get("token") == study.ShowToken(learnerID(r), card.ID, state), nil
}

// handleStudyCheck grades an answer and shows the result, the source and
// the grade buttons. It writes nothing: reloading it is harmless.
func (s *server) handleStudyCheck(w http.ResponseWriter, r *http.Request) {
	doc, err := s.studyDeck(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	form := r.URL.Query()
	card, state, ok, err := s.shownCard(r, doc, form)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if !ok { // graded meanwhile, or a form from an old page
		http.Redirect(w, r, doc.Path, http.StatusSeeOther)
		return
	}
	settings, sched, err := s.scheduler(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	vm, err := s.studyPage(r, doc, settings, 0)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	vm.Progress.Total = 0 // unknown without the queue; the bar returns with the next card
	out := study.Grade(card, answerFrom(form, card))
	res, err := resultVM(doc.readPath(), card, state, out, form, sched, s.now())
	if err != nil {
		s.Error(w, r, err)
		return
	}
	vm.Result = &res
	s.render(w, r, http.StatusOK, views.StudyPage(vm))
}

// resultVM is the result of an answer; read is the path of the document's
// read page, which the source quote links to.
func resultVM(read string, card quiz.Card, state srs.Card, out study.Outcome, form url.Values, sched *srs.Scheduler, now time.Time) (views.ResultVM, error) {
	res := views.ResultVM{CardID: card.ID, Prompt: card.Prompt, Verdict: string(out.Verdict), Message: out.Message,
		Given: out.Given, Answer: card.Answer, Topic: card.Topic, SourceText: card.Source.Text,
		Token: form.Get("token"), Shown: form.Get("shown"),
		SourceURL: fmt.Sprintf("%s#s%d", read, card.Source.Start)}
	preview, err := sched.Preview(state, now, card.ID)
	if err != nil {
		return res, err
	}
	labels := preview.Labels(now)
	for i, rt := range srs.Ratings {
		res.Grades = append(res.Grades, views.GradeButton{
			Rating: int(rt), Name: rt.String(), Interval: labels[i], Suggested: rt == out.Suggested,
		})
	}
	return res, nil
}

// answerFrom reads the answer fields of a form for a card's kind.
func answerFrom(f url.Values, c quiz.Card) study.Answer {
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

// handleStudyGrade records the learner's rating of the card shown.
func (s *server) handleStudyGrade(w http.ResponseWriter, r *http.Request) {
	doc, err := s.studyDeck(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if err := r.ParseForm(); err != nil {
		s.Error(w, r, quiz.Invalid("form", "could not be read"))
		return
	}
	rating, err := strconv.Atoi(r.PostForm.Get("rating"))
	if err != nil || !srs.Rating(rating).Valid() {
		s.Error(w, r, quiz.Invalid("rating", "choose Again, Hard, Good or Easy"))
		return
	}
	card, _, ok, err := s.shownCard(r, doc, r.PostForm)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if !ok { // already graded (double click, back button, another tab)
		http.Redirect(w, r, doc.Path, http.StatusSeeOther)
		return
	}
	_, sched, err := s.scheduler(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	now := s.now()
	shown, _ := strconv.ParseInt(r.PostForm.Get("shown"), 10, 64)
	_, err = s.db.RecordReview(r.Context(), store.ReviewInput{
		LearnerID: learnerID(r), CardID: card.ID, DocID: doc.ID, Rating: srs.Rating(rating),
		ReviewedAt: now, Duration: clampDuration(now.Sub(time.UnixMilli(shown))), ShownToken: r.PostForm.Get("token"),
	}, sched)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	http.Redirect(w, r, doc.Path, http.StatusSeeOther)
}

// clampDuration keeps answer times sane for the log: a tab left open for a
// day is not a day of thinking, and a forged shown-at time is harmless.
func clampDuration(d time.Duration) time.Duration {
	switch {
	case d < 0:
		return 0
	case d > 10*time.Minute:
		return 10 * time.Minute
	}
	return d
}

// handleStudyUndo takes back the learner's last grade in this deck.
func (s *server) handleStudyUndo(w http.ResponseWriter, r *http.Request) {
	doc, err := s.studyDeck(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	rv, err := s.db.LatestReview(r.Context(), learnerID(r), doc.ID)
	if err == nil {
		_, err = s.db.UndoReview(r.Context(), learnerID(r), rv.ID)
	}
	switch {
	case err == nil:
		s.sessions.Put(r.Context(), "flash", "Last grade undone.")
	case errors.Is(err, quiz.ErrNotFound):
		s.sessions.Put(r.Context(), "flash", "There is no grade to undo.")
	default:
		s.Error(w, r, err)
		return
	}
	http.Redirect(w, r, doc.Path, http.StatusSeeOther)
}
