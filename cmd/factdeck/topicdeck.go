package main

import (
	"context"
	"fmt"
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/factdeck/factdeck/quiz"
	"github.com/factdeck/factdeck/store"
	"github.com/factdeck/factdeck/views"
)

// A topic deck is one topic of a document studied on its own: the main
// article without its neighbours, or one related article's paragraph. A
// topic is worth a deck of its own when it has at least minTopicDeck cards
// shown to students; smaller topics are studied with their document.
const minTopicDeck = 10

// topicPath is the study loop of one topic of a deck.
func topicPath(docID int64, topicID string) string {
	return fmt.Sprintf("/decks/%d/topics/%s/study", docID, topicID)
}

// mountTopics adds the topic decks' study routes (the study handlers, with
// studyDeck reading {topic}).
func (s *server) mountTopics(r chi.Router) {
	r.Get("/decks/{deck}/topics/{topic}/study", s.handleStudyShow)
	r.Get("/decks/{deck}/topics/{topic}/study/check", s.handleStudyCheck)
	r.Post("/decks/{deck}/topics/{topic}/study/grade", s.handleStudyGrade)
	r.Post("/decks/{deck}/topics/{topic}/study/undo", s.handleStudyUndo)
}

// deckTopics lists a deck's topics with their card counts, in the order
// they first appear, each with its study URL when it is worth a deck. A
// public deck's cards are made once per document version when the server
// starts, so the list is kept per version.
func (s *server) deckTopics(ctx context.Context, docID int64) ([]views.TopicRow, error) {
	if v, ok := s.topics.Load(docID); ok {
		return v.([]views.TopicRow), nil
	}
	cards, err := s.db.Cards(ctx, store.CardFilter{DocID: docID})
	if err != nil {
		return nil, err
	}
	rows := topicRows(cards)
	for i, t := range rows {
		if t.Cards >= minTopicDeck && t.ID != "" && len(rows) > 1 {
			rows[i].StudyURL = topicPath(docID, t.ID)
		}
	}
	s.topics.Store(docID, rows)
	return rows, nil
}

// topicDeck reads {topic} of a deck: quiz.ErrNotFound unless it names a
// topic worth a deck of its own.
func (s *server) topicDeck(r *http.Request, doc quiz.Document) (studyDeck, error) {
	id := chi.URLParam(r, "topic")
	rows, err := s.deckTopics(r.Context(), doc.ID)
	if err != nil {
		return studyDeck{}, err
	}
	for _, t := range rows {
		if t.ID == id && t.StudyURL != "" {
			d := studyDeck{Document: doc, TopicID: id, Path: t.StudyURL, URL: fmt.Sprintf("/decks/%d", doc.ID)}
			d.Title = doc.Title + " · " + t.Name
			return d, nil
		}
	}
	return studyDeck{}, quiz.ErrNotFound
}

// topicDeckSummaries are the home page's lines for a deck's topic decks.
func (s *server) topicDeckSummaries(r *http.Request, docID int64) ([]views.TopicDeck, error) {
	rows, err := s.deckTopics(r.Context(), docID)
	if err != nil {
		return nil, err
	}
	var out []views.TopicDeck
	for _, t := range rows {
		if t.StudyURL == "" {
			continue
		}
		c, err := s.deckCounts(r, studyDeck{Document: quiz.Document{ID: docID}, TopicID: t.ID})
		if err != nil {
			return nil, err
		}
		out = append(out, views.TopicDeck{Name: t.Name, URL: t.StudyURL, Counts: c})
	}
	return out, nil
}
