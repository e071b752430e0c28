package main

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"github.com/factdeck/factdeck/quiz"
	"github.com/factdeck/factdeck/quiz/teach"
	"github.com/factdeck/factdeck/store"
	"github.com/factdeck/factdeck/views"
)

// studyDeck is what the study loop studies: a document deck, or a
// teacher's question set served as a deck of its document's cards.
type studyDeck struct {
	quiz.Document
	SetID   int64  // 0 for a document deck
	TopicID string // one topic of the document (a topic deck), or ""
	Path    string // the study loop's URL
	URL     string // the deck's page
}

// studyDeck reads {deck} (a document version) or {set} (a set the learner
// joined or owns) from the URL.
func (s *server) studyDeck(r *http.Request) (studyDeck, error) {
	if raw := chi.URLParam(r, "set"); raw != "" {
		id, err := strconv.ParseInt(raw, 10, 64)
		if err != nil || id <= 0 {
			return studyDeck{}, quiz.ErrNotFound
		}
		doc, err := s.db.StudySet(r.Context(), learnerID(r), id)
		return studyDeck{Document: doc, SetID: id, Path: setStudyPath(id), URL: "/"}, err
	}
	doc, err := s.deck(r)
	if err != nil || chi.URLParam(r, "topic") == "" {
		return studyDeck{Document: doc, Path: studyPath(doc.ID)}, err
	}
	return s.topicDeck(r, doc)
}

func setStudyPath(id int64) string { return fmt.Sprintf("/sets/%d/study", id) }

// readPath is the read page of the deck's document: a set's own page for a
// set, whose document may be the teacher's.
func (d studyDeck) readPath() string {
	if d.SetID != 0 {
		return fmt.Sprintf("/sets/%d/read", d.SetID)
	}
	return fmt.Sprintf("/decks/%d/read", d.ID)
}

// deckCard is a card of the deck as it is studied.
func (s *server) deckCard(r *http.Request, d studyDeck, cardID string) (quiz.Card, error) {
	if d.SetID != 0 {
		return s.db.SetCard(r.Context(), d.SetID, cardID)
	}
	c, err := s.db.Card(r.Context(), d.ID, cardID)
	if err == nil && d.TopicID != "" && c.TopicID != d.TopicID {
		return quiz.Card{}, quiz.ErrNotFound // a card of another topic
	}
	return c, err
}

// deckCounts are the learner's counts for a deck, a topic deck or a set.
func (s *server) deckCounts(r *http.Request, d studyDeck) (views.Counts, error) {
	settings, err := s.db.LearnerSettings(r.Context(), learnerID(r))
	if err != nil {
		return views.Counts{}, err
	}
	qc, err := s.db.QueueCounts(r.Context(), store.QueueRequest{
		LearnerID: learnerID(r), DocID: d.ID, SetID: d.SetID, TopicID: d.TopicID, Now: s.now(), Settings: settings,
	})
	if err != nil {
		return views.Counts{}, err
	}
	return views.Counts{New: qc.New, Learning: qc.Learning, Due: qc.Review}, nil
}

// memberSets are the home page's set decks of the current learner.
func (s *server) memberSets(r *http.Request) ([]views.SetSummary, error) {
	sets, err := s.db.MemberSets(r.Context(), learnerID(r))
	if err != nil {
		return nil, err
	}
	var out []views.SetSummary
	for _, st := range sets {
		c, err := s.deckCounts(r, studyDeck{SetID: st.ID})
		if err != nil {
			return nil, err
		}
		out = append(out, views.SetSummary{ID: st.ID, Name: st.Name, Description: st.Description, Counts: c})
	}
	return out, nil
}

// mountJoin adds the routes students use to join and study sets.
func (s *server) mountJoin(r chi.Router) {
	r.Get("/join", s.handleJoinShow)
	r.Get("/join/{code}", s.handleJoinCode)
	r.Post("/join/{code}", s.handleJoinCreate)
	r.Get("/sets/{set}/study", s.handleStudyShow)
	r.Get("/sets/{set}/study/check", s.handleStudyCheck)
	r.Post("/sets/{set}/study/grade", s.handleStudyGrade)
	r.Post("/sets/{set}/study/undo", s.handleStudyUndo)
}

// handleJoinShow is the form to type a class code; with ?code= it goes to
// that code's page, or says the code is not right.
func (s *server) handleJoinShow(w http.ResponseWriter, r *http.Request) {
	raw := r.URL.Query().Get("code")
	vm := views.JoinVM{Chrome: s.chrome(r, "Join a class set"), Code: raw}
	if raw != "" {
		if code, ok := teach.NormaliseCode(raw); ok {
			http.Redirect(w, r, "/join/"+code, http.StatusSeeOther)
			return
		}
		vm.Error = fmt.Sprintf("A class code is %d letters and digits, like KM7QXA. Check it and try again.", teach.CodeLength)
		s.render(w, r, http.StatusUnprocessableEntity, views.JoinPage(vm))
		return
	}
	s.render(w, r, http.StatusOK, views.JoinPage(vm))
}

// handleJoinCode shows a published set and a button to add it.
func (s *server) handleJoinCode(w http.ResponseWriter, r *http.Request) {
	code, ok := teach.NormaliseCode(chi.URLParam(r, "code"))
	if !ok {
		s.handleNotFound(w, r)
		return
	}
	set, err := s.db.SetByCode(r.Context(), code)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	vm := views.JoinVM{Chrome: s.chrome(r, "Join "+set.Name), Code: code, SetName: set.Name, Description: set.Description}
	s.render(w, r, http.StatusOK, views.JoinPage(vm))
}

// handleJoinCreate adds the set to the learner's decks.
func (s *server) handleJoinCreate(w http.ResponseWriter, r *http.Request) {
	code, ok := teach.NormaliseCode(chi.URLParam(r, "code"))
	if !ok {
		s.handleNotFound(w, r)
		return
	}
	id, err := s.db.JoinSet(r.Context(), learnerID(r), code)
	if errors.Is(err, quiz.ErrNotFound) {
		s.handleNotFound(w, r)
		return
	}
	if err != nil {
		s.Error(w, r, err)
		return
	}
	s.sessions.Put(r.Context(), "flash", "The set is now on your home page.")
	http.Redirect(w, r, setStudyPath(id), http.StatusSeeOther)
}
