package main

import (
	"encoding/csv"
	"fmt"
	"net/http"
	"sort"
	"strconv"

	"github.com/factdeck/factdeck/quiz/export"
	"github.com/factdeck/factdeck/store"
	"github.com/factdeck/factdeck/views"
)

// setResults is one of the teacher's sets with its class's results.
type setResults struct {
	set       store.Set
	questions []store.SetQuestionResult
	students  []store.SetStudentResult
}

func (h *teacher) loadResults(r *http.Request) (setResults, error) {
	set, err := h.teacherSet(r) // 404 unless the set is this teacher's
	if err != nil {
		return setResults{}, err
	}
	qs, ss, err := h.db.SetResults(r.Context(), owner(r), set.ID)
	return setResults{set: set, questions: qs, students: ss}, err
}

func percent(correct, total int) string {
	if total == 0 {
		return "–"
	}
	return fmt.Sprintf("%.0f%%", 100*float64(correct)/float64(total))
}

func studentName(st store.SetStudentResult) string {
	if st.Username != "" {
		return st.Username
	}
	return fmt.Sprintf("Anonymous student #%d", st.LearnerID)
}

func (h *teacher) handleSetResults(w http.ResponseWriter, r *http.Request) {
	res, err := h.loadResults(r)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	vm := views.SetResultsVM{Chrome: h.chrome(r, "Results · "+res.set.Name), ID: res.set.ID, Name: res.set.Name,
		Members: len(res.students)}
	prompts, sources := map[string]string{}, map[string]string{}
	for _, rc := range res.set.Cards {
		prompts[rc.Card.ID], sources[rc.Card.ID] = rc.Card.Prompt, rc.Card.Source.Text
	}
	for i, q := range res.questions {
		vm.Questions = append(vm.Questions, views.ResultRow{Pos: i + 1, Prompt: prompts[q.CardID], Source: sources[q.CardID],
			Answered: q.Answered, Reviews: q.Reviews, Percent: percent(q.Correct, q.Reviews)})
	}
	vm.MostMissed = mostMissed(res.questions, vm.Questions, 5)
	for _, st := range res.students {
		last := "never"
		if !st.LastReview.IsZero() {
			last = st.LastReview.Format("2 Jan 2006 15:04")
		}
		vm.Students = append(vm.Students, views.StudentRow{Name: studentName(st),
			Studied: fmt.Sprintf("%d of %d", st.Studied, len(res.questions)), Percent: percent(st.Correct, st.Reviews), Last: last})
	}
	h.render(w, r, http.StatusOK, views.SetResultsPage(vm))
}

// mostMissed lists the n questions with the most wrong answers, those the
// class has answered at least once.
func mostMissed(qs []store.SetQuestionResult, rows []views.ResultRow, n int) []views.ResultRow {
	idx := make([]int, 0, len(qs))
	for i, q := range qs {
		if q.Reviews > q.Correct {
			idx = append(idx, i)
		}
	}
	sort.SliceStable(idx, func(a, b int) bool {
		ma, mb := qs[idx[a]].Reviews-qs[idx[a]].Correct, qs[idx[b]].Reviews-qs[idx[b]].Correct
		return ma > mb
	})
	var out []views.ResultRow
	for _, i := range idx[:min(n, len(idx))] {
		out = append(out, rows[i])
	}
	return out
}

// handleSetResultsCSV downloads the results: one row per question, then
// one per student. Cells that a spreadsheet would run as a formula are
// neutralised.
func (h *teacher) handleSetResultsCSV(w http.ResponseWriter, r *http.Request) {
	res, err := h.loadResults(r)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	prompts := map[string]string{}
	for _, rc := range res.set.Cards {
		prompts[rc.Card.ID] = rc.Card.Prompt
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="set-%d-results.csv"`, res.set.ID))
	cw := csv.NewWriter(w)
	row := func(cells ...string) {
		for i, c := range cells {
			cells[i] = export.Neutralise(c)
		}
		_ = cw.Write(cells)
	}
	row("section", "question or student", "students answered / questions studied", "answers", "correct answers", "percent correct")
	for _, q := range res.questions {
		row("question", prompts[q.CardID], strconv.Itoa(q.Answered), strconv.Itoa(q.Reviews), strconv.Itoa(q.Correct), percent(q.Correct, q.Reviews))
	}
	for _, st := range res.students {
		row("student", studentName(st), strconv.Itoa(st.Studied), strconv.Itoa(st.Reviews), strconv.Itoa(st.Correct), percent(st.Correct, st.Reviews))
	}
	cw.Flush()
}
