package main

import (
	"net/http"
	"strconv"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/factdeck/factdeck/quiz"
	"github.com/factdeck/factdeck/store"
	"github.com/factdeck/factdeck/views"
)

// deck reads the {deck} URL parameter, a document version id, and returns
// that document without its body.
func (s *server) deck(r *http.Request) (quiz.Document, error) {
	id, err := strconv.ParseInt(chi.URLParam(r, "deck"), 10, 64)
	if err != nil || id <= 0 {
		return quiz.Document{}, quiz.ErrNotFound
	}
	return s.db.DocumentMeta(r.Context(), id)
}

func (s *server) handleDeckShow(w http.ResponseWriter, r *http.Request) {
	doc, err := s.deck(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	ctx := r.Context()
	learner := learnerID(r)
	counts, err := s.counts(r, doc.ID)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	cards, err := s.db.Cards(ctx, store.CardFilter{DocID: doc.ID})
	if err != nil {
		s.Error(w, r, err)
		return
	}
	vm := views.DeckVM{Chrome: s.chrome(r, doc.Title), ID: doc.ID, Title: doc.Title, Counts: counts}
	if vm.Topics, err = s.deckTopics(ctx, doc.ID); err != nil {
		s.Error(w, r, err)
		return
	}
	vm.Counts.Total = len(cards)
	reviews, err := s.db.Reviews(ctx, learner, s.now().Add(-30*24*time.Hour), s.now().Add(time.Minute))
	if err != nil {
		s.Error(w, r, err)
		return
	}
	prompts := map[string]string{}
	for _, c := range cards {
		prompts[c.ID] = c.Prompt
	}
	for i := len(reviews) - 1; i >= 0 && len(vm.Reviews) < 10; i-- {
		rv := reviews[i]
		if rv.DocID != doc.ID {
			continue
		}
		vm.Reviews = append(vm.Reviews, views.RecentReview{
			When: rv.ReviewedAt.Format("2 Jan 15:04"), Prompt: prompts[rv.CardID], Rating: rv.Rating.String(),
		})
	}
	s.render(w, r, http.StatusOK, views.DeckPage(vm))
}

// counts are the learner's new / learning / due numbers for a deck.
func (s *server) counts(r *http.Request, docID int64) (views.Counts, error) {
	return s.deckCounts(r, studyDeck{Document: quiz.Document{ID: docID}})
}

// topicRows counts a deck's cards per topic, in the order topics first appear.
func topicRows(cards []quiz.Card) []views.TopicRow {
	var rows []views.TopicRow
	index := map[string]int{}
	for _, c := range cards {
		i, ok := index[c.Topic]
		if !ok {
			i = len(rows)
			index[c.Topic] = i
			rows = append(rows, views.TopicRow{ID: c.TopicID, Name: c.Topic})
		}
		rows[i].Cards++
	}
	return rows
}
