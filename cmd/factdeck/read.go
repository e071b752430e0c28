package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"github.com/factdeck/factdeck/quiz"
	"github.com/factdeck/factdeck/quiz/doc"
	"github.com/factdeck/factdeck/quiz/srs"
	"github.com/factdeck/factdeck/store"
	"github.com/factdeck/factdeck/views"
)

// Session keys of a focused study session: the card ids (a JSON array of
// strings) and the deck they belong to.
const (
	focusKey     = "study.focus"
	focusDeckKey = "study.focus.deck"
)

// mountRead adds this resource's routes to the session-backed group.
func (s *server) mountRead(r chi.Router) {
	r.Get("/decks/{deck}/read", s.handleReadShow)
	r.Post("/decks/{deck}/read/review", s.handleReadReview)
	r.Get("/decks/{deck}/timeline", s.handleTimelineShow)
	r.Get("/sets/{set}/read", s.handleSetRead)
}

// deckWithBody reads the {deck} document with its text (s.deck gives only
// its title).
func (s *server) deckWithBody(r *http.Request) (quiz.Document, error) {
	d, err := s.deck(r)
	if err != nil {
		return d, err
	}
	return s.db.Document(r.Context(), d.ID)
}

// levels name the shading levels for the page, weakest first.
var levels = []struct {
	level      doc.Level
	class      string
	name, help string
}{
	{doc.LevelNew, "new", "Not yet studied", "dotted underline"},
	{doc.LevelWeak, "weak", "Weak", "wavy underline"},
	{doc.LevelFading, "fading", "Fading", "dashed underline"},
	{doc.LevelKnown, "known", "Known", "solid underline"},
}

// recalls returns the learner's memory of every servable card of a deck,
// placed by source offset, and the learner's desired retention.
func (s *server) recalls(r *http.Request, docID int64) ([]doc.Recall, float64, error) {
	cards, err := s.db.Cards(r.Context(), store.CardFilter{DocID: docID})
	if err != nil {
		return nil, 0, err
	}
	return s.recallsOf(r, docID, cards)
}

// recallsOf is recalls for the given cards of a document.
func (s *server) recallsOf(r *http.Request, docID int64, cards []quiz.Card) ([]doc.Recall, float64, error) {
	settings, sched, err := s.scheduler(r)
	if err != nil {
		return nil, 0, err
	}
	ctx := r.Context()
	rc, err := s.db.Recall(ctx, learnerID(r), docID, s.now(), sched)
	if err != nil {
		return nil, 0, err
	}
	mem := make(map[string]store.CardRecall, len(rc))
	for _, c := range rc {
		mem[c.CardID] = c
	}
	out := make([]doc.Recall, 0, len(cards))
	for _, c := range cards {
		m := mem[c.ID]
		out = append(out, doc.Recall{CardID: c.ID, Start: c.Source.Start,
			Seen: m.State.State != srs.New, R: m.Retrievability,
			Learning: m.State.State == srs.Learning, Relearning: m.State.State == srs.Relearning})
	}
	return out, settings.DesiredRetention, nil
}

func (s *server) handleReadShow(w http.ResponseWriter, r *http.Request) {
	d, err := s.deckWithBody(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	rs, desired, err := s.recalls(r, d.ID)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	s.renderRead(w, r, d, rs, desired, views.ReadVM{
		BackURL:     fmt.Sprintf("/decks/%d", d.ID),
		ReviewURL:   fmt.Sprintf("/decks/%d/read/review", d.ID),
		TimelineURL: fmt.Sprintf("/decks/%d/timeline", d.ID),
	})
}

// handleSetRead shows the document of a teacher's set to a learner who may
// study the set, shaded by the set's cards. The set's cards are studied in
// the set, so the page offers no focused review of its own.
func (s *server) handleSetRead(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(chi.URLParam(r, "set"), 10, 64)
	if err != nil || id <= 0 {
		s.Error(w, r, quiz.ErrNotFound)
		return
	}
	d, ids, err := s.db.SetDocument(r.Context(), learnerID(r), id)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	all, err := s.db.Cards(r.Context(), store.CardFilter{DocID: d.ID, IncludeHeld: true})
	if err != nil {
		s.Error(w, r, err)
		return
	}
	inSet := make(map[string]bool, len(ids))
	for _, id := range ids {
		inSet[id] = true
	}
	var cards []quiz.Card
	for _, c := range all {
		if inSet[c.ID] {
			cards = append(cards, c)
		}
	}
	rs, desired, err := s.recallsOf(r, d.ID, cards)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	s.renderRead(w, r, d, rs, desired, views.ReadVM{BackURL: setStudyPath(id)})
}

// renderRead renders the read page of d, shaded by rs; vm brings the
// page's links.
func (s *server) renderRead(w http.ResponseWriter, r *http.Request, d quiz.Document, rs []doc.Recall, desired float64, vm views.ReadVM) {
	parsed := doc.Parse(d.Body)
	pieces := parsed.Pieces()
	sh := newShader(pieces, doc.Shade(pieces, rs, desired))
	vm.Chrome, vm.Title, vm.Weak = s.chrome(r, "Read · "+d.Title), d.Title, len(doc.Weak(rs, desired))
	if ib := parsed.Infobox; ib != nil {
		vm.Infobox = sh.infobox(*ib)
	}
	for _, b := range parsed.Blocks {
		blk := views.ReadBlock{Heading: b.Kind == doc.Heading}
		for _, p := range b.Sentences {
			blk.Spans = append(blk.Spans, sh.span(p))
		}
		vm.Blocks = append(vm.Blocks, blk)
	}
	for _, l := range levels {
		vm.Legend = append(vm.Legend, views.LegendItem{Level: l.class, Name: l.name, Help: l.help, Count: sh.count[l.level]})
	}
	s.render(w, r, http.StatusOK, views.ReadPage(vm))
}

// shader turns parsed pieces into shaded view spans.
type shader struct {
	byStart map[int]doc.Shading
	count   map[doc.Level]int
}

func newShader(pieces []doc.Piece, shades []doc.Shading) *shader {
	sh := &shader{byStart: map[int]doc.Shading{}, count: map[doc.Level]int{}}
	for k, p := range pieces {
		if shades[k].Cards > 0 {
			sh.byStart[p.Start] = shades[k]
			sh.count[shades[k].Level]++
		}
	}
	return sh
}

func (sh *shader) span(p doc.Piece) views.ReadSpan {
	// Every piece is an anchor, so the timeline can link to any sentence;
	// cards whose source starts inside it add their own.
	out := views.ReadSpan{Text: p.Text, ID: "s" + strconv.Itoa(p.Start)}
	shade, ok := sh.byStart[p.Start]
	if !ok {
		return out
	}
	delete(sh.byStart, p.Start) // pieces sharing a start: the first holds the anchors
	for _, l := range levels {
		if l.level == shade.Level {
			out.Level, out.LevelText = l.class, l.name
		}
	}
	for _, a := range shade.Anchors {
		if a != p.Start {
			out.Anchors = append(out.Anchors, "s"+strconv.Itoa(a))
		}
	}
	return out
}

func (sh *shader) infobox(ib doc.Infobox) *views.InfoboxVM {
	cols := max(ib.Columns, 1)
	vm := &views.InfoboxVM{Title: sh.span(ib.Title), Columns: cols}
	if ib.PartOf.End > 0 {
		p := sh.span(ib.PartOf)
		vm.PartOf = &p
	}
	for _, c := range ib.Captions {
		vm.Captions = append(vm.Captions, sh.span(c))
	}
	for _, sec := range ib.Sections {
		vs := views.InfoSection{Label: sh.span(sec.Label)}
		for _, row := range sec.Rows {
			var cells []views.InfoCell
			for i, c := range row.Cells {
				span := 1
				if i == len(row.Cells)-1 {
					span = cols - len(row.Cells) + 1
				}
				cells = append(cells, views.InfoCell{ReadSpan: sh.span(c), Span: max(span, 1)})
			}
			vs.Rows = append(vs.Rows, cells)
		}
		vm.Sections = append(vm.Sections, vs)
	}
	return vm
}

// handleReadReview starts a study session of just the cards the learner
// does not know yet.
func (s *server) handleReadReview(w http.ResponseWriter, r *http.Request) {
	d, err := s.deck(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	rs, desired, err := s.recalls(r, d.ID)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	weak := doc.Weak(rs, desired)
	if weak == nil {
		weak = []string{}
	}
	b, _ := json.Marshal(weak)
	ctx := r.Context()
	s.sessions.Put(ctx, focusKey, string(b))
	s.sessions.Put(ctx, focusDeckKey, d.ID)
	s.sessions.Put(ctx, "flash", fmt.Sprintf("Studying only what you do not know yet: %d of %d cards.", len(weak), len(rs)))
	http.Redirect(w, r, fmt.Sprintf("/decks/%d/study", d.ID), http.StatusSeeOther)
}

// focusOn reports whether a focused session is on for this deck.
func (s *server) focusOn(r *http.Request, docID int64) bool {
	ctx := r.Context()
	return s.sessions.GetString(ctx, focusKey) != "" && s.sessions.GetInt64(ctx, focusDeckKey) == docID
}

// focused keeps only the queue items of a focused session ("Review what I
// don't know yet") when one is on for this deck; once none is left the
// session has reached its summary and the focus ends.
func (s *server) focused(r *http.Request, docID int64, items []store.QueueItem) []store.QueueItem {
	ctx := r.Context()
	raw := s.sessions.GetString(ctx, focusKey)
	if raw == "" || s.sessions.GetInt64(ctx, focusDeckKey) != docID {
		return items
	}
	var ids []string
	if json.Unmarshal([]byte(raw), &ids) != nil {
		s.sessions.Remove(ctx, focusKey)
		return items
	}
	set := make(map[string]bool, len(ids))
	for _, id := range ids {
		set[id] = true
	}
	var out []store.QueueItem
	for _, it := range items {
		if set[it.Card.ID] {
			out = append(out, it)
		}
	}
	if len(out) == 0 {
		s.sessions.Remove(ctx, focusKey)
		s.sessions.Remove(ctx, focusDeckKey)
	}
	return out
}
