package main

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestTeacherRoutesAuthorization walks every teacher route as anonymous,
// student, a student who joined the set, another teacher and the owner.
// Anonymous GETs go to log in (303) and POSTs are 401; students get 403;
// another teacher gets 404 (the owner check is in every query); the owner
// gets 200 or 303.
func TestTeacherRoutesAuthorization(t *testing.T) {
	a := newTestApp(t)
	queue, set := teacherWithSet(t, a, "owner")
	ids := setCardIDs(t, a, set)
	doc := strings.TrimSuffix(queue, "/cards")
	_, body := a.get(t, queue+"?status=pending")
	pending := page(t, body).Find(`[data-testid="review-card"]`).First().AttrOr("data-card", "")
	card := queue + "/" + pending
	answer := cardAnswer(t, a, queue, pending)

	other := a.otherBrowser()
	teacherWithDoc(t, other, "rival")
	student := a.otherBrowser()
	student.signup(t, "stu", nil)
	anon := a.otherBrowser()

	routes := []struct {
		method, path string
		form         url.Values
		owner        int
	}{
		{"GET", "/teach", nil, 200},
		{"GET", "/teach/documents/new", nil, 200},
		{"POST", "/teach/documents/new", url.Values{"text": {""}}, 422},
		{"GET", queue, nil, 200},
		{"POST", card + "/approve", nil, 303},
		{"POST", card + "/reject", url.Values{"reason": {"trivial"}}, 303},
		{"POST", card + "/edit", url.Values{"prompt": {"Q?"}, "answer": {answer}}, 303},
		{"POST", queue + "/new", url.Values{"prompt": {"Q?"}, "answer": {"A"}}, 303},
		{"POST", queue + "/bulk", url.Values{}, 303},
		{"GET", "/teach/sets/new", nil, 200},
		{"POST", "/teach/sets/new", url.Values{"doc": {strings.TrimPrefix(doc, "/teach/documents/")}, "name": {"S2"}}, 303},
		{"GET", set, nil, 200},
		{"POST", set + "/move", url.Values{"card": {ids[0]}, "dir": {"down"}}, 303},
		{"POST", set + "/remove", url.Values{"card": {ids[0]}}, 303},
		{"POST", set + "/add", url.Values{"card": {ids[0]}}, 303},
		{"POST", set + "/publish", nil, 303},
		{"GET", set + "/export/apkg", nil, 200},
		{"GET", set + "/export/csv", nil, 200},
		{"GET", set + "/results", nil, 200},
		{"GET", set + "/results.csv", nil, 200},
	}
	send := func(c *testApp, method, path string, form url.Values) int {
		t.Helper()
		if method == "GET" {
			res, _ := c.get(t, path)
			return res.StatusCode
		}
		res, _ := c.post(t, path, form)
		return res.StatusCode
	}
	for _, rt := range routes {
		t.Run(rt.method+" "+rt.path, func(t *testing.T) {
			anonWant := http.StatusUnauthorized
			if rt.method == "GET" {
				anonWant = http.StatusSeeOther
			}
			// "/teach" itself is the only route other teachers may see: it lists their own things.
			otherWant := http.StatusNotFound
			switch rt.path {
			case "/teach", "/teach/documents/new", "/teach/sets/new":
				otherWant = http.StatusOK
				if rt.method == "POST" {
					otherWant = rt.owner
				}
			}
			if rt.path == "/teach/sets/new" && rt.method == "POST" {
				otherWant = http.StatusNotFound // the document is not theirs
			}
			for _, who := range []struct {
				name string
				c    *testApp
				want int
			}{
				{"anonymous", anon, anonWant},
				{"student", student, http.StatusForbidden},
				{"other teacher", other, otherWant},
				{"owner", a, rt.owner},
			} {
				if got := send(who.c, rt.method, rt.path, rt.form); got != who.want {
					t.Errorf("%s: %d, want %d", who.name, got, who.want)
				}
			}
		})
	}
	// A student who joined the set still reaches none of the teacher's pages.
	_, body = a.get(t, set)
	code := page(t, body).Find(`[data-testid="class-code"]`).Text()
	if res, _ := student.post(t, "/join/"+code, nil); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("join: %d", res.StatusCode)
	}
	for _, rt := range routes {
		if got := send(student, rt.method, rt.path, rt.form); got != http.StatusForbidden {
			t.Errorf("member student %s %s: %d, want 403", rt.method, rt.path, got)
		}
	}
	// A teacher's document is not a public deck.
	if res, _ := anon.get(t, "/decks/"+strings.TrimPrefix(doc, "/teach/documents/")); res.StatusCode != http.StatusNotFound {
		t.Errorf("teacher document as a public deck: %d, want 404", res.StatusCode)
	}
}
