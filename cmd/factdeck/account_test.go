package main

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/factdeck/factdeck/quiz/account"
)

const testPassword = "correct horse battery"

// otherBrowser is the same server seen from a second cookie jar.
func (a *testApp) otherBrowser() *testApp {
	b := *a
	jar, _ := cookiejar.New(nil)
	b.client = &http.Client{Jar: jar, CheckRedirect: a.client.CheckRedirect}
	return &b
}

// sessionCookie is the session token the browser holds.
func (a *testApp) sessionCookie(t *testing.T) string {
	t.Helper()
	u, _ := url.Parse(a.ts.URL)
	for _, c := range a.client.Jar.Cookies(u) {
		if c.Name == "factdeck" {
			return c.Value
		}
	}
	t.Fatal("no session cookie")
	return ""
}

func (a *testApp) signup(t *testing.T, user string, form url.Values) {
	t.Helper()
	if form == nil {
		form = url.Values{}
	}
	form.Set("username", user)
	form.Set("password", testPassword)
	if res, body := a.post(t, "/signup", form); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("signup %s: %d\n%s", user, res.StatusCode, body)
	}
}

func (a *testApp) login(t *testing.T, user, password string) (*http.Response, string) {
	t.Helper()
	return a.post(t, "/login", url.Values{"username": {user}, "password": {password}})
}

// studyCards answers and grades n cards of the deck Good.
func (a *testApp) studyCards(t *testing.T, deck string, n int) {
	t.Helper()
	for i := 0; i < n; i++ {
		_, body := a.get(t, deck+"/study")
		card, token, _ := answerShown(t, a, deck, body)
		if res, _ := a.post(t, deck+"/study/grade", url.Values{"card": {card}, "token": {token}, "rating": {"3"}, "shown": {"0"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("grade: %d", res.StatusCode)
		}
	}
}

// newCount is the deck page's count of cards not yet studied.
func (a *testApp) newCount(t *testing.T, deck string) int {
	t.Helper()
	_, body := a.get(t, deck)
	n, err := strconv.Atoi(strings.TrimSpace(page(t, body).Find(`[data-testid="counts"] .count.new strong`).First().Text()))
	if err != nil {
		t.Fatalf("deck page new count: %v", err)
	}
	return n
}

func (a *testApp) whoAmI(t *testing.T) string {
	t.Helper()
	_, body := a.get(t, "/account")
	doc := page(t, body)
	if name := doc.Find(`[data-testid="account-name"]`); name.Length() > 0 {
		return name.Text()
	}
	return ""
}

func TestSignupKeepsProgressAcrossDevices(t *testing.T) {
	a := newTestApp(t)
	deck := firstDeck(t, a)
	fresh := a.newCount(t, deck)
	a.studyCards(t, deck, 3)
	if got := a.newCount(t, deck); got != fresh-3 {
		t.Fatalf("after studying 3 cards, %d new, want %d", got, fresh-3)
	}
	before := a.sessionCookie(t)
	a.signup(t, "Ada.Lovelace", nil)
	if a.sessionCookie(t) == before {
		t.Error("sign-up kept the session token; it must be renewed")
	}
	if who := a.whoAmI(t); who != "Ada.Lovelace" {
		t.Errorf("account page says signed in as %q", who)
	}
	if got := a.newCount(t, deck); got != fresh-3 {
		t.Errorf("after sign-up %d new, want %d: progress lost", got, fresh-3)
	}

	// A second device studies one card anonymously, then logs in
	// (case-insensitively): both devices' progress is now the account's.
	b := a.otherBrowser()
	b.studyCards(t, deck, 1)
	bBefore := b.sessionCookie(t)
	res, body := b.login(t, "ada.lovelace", testPassword)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("login: %d\n%s", res.StatusCode, body)
	}
	if b.sessionCookie(t) == bBefore {
		t.Error("login kept the session token; it must be renewed")
	}
	_, body = b.get(t, "/")
	if flash := page(t, body).Find(`[data-testid="flash"]`).Text(); !strings.Contains(flash, "Signed in as Ada.Lovelace") {
		t.Errorf("flash after login = %q", flash)
	}
	if got := b.newCount(t, deck); got != fresh-4 {
		t.Errorf("second device after login: %d new, want %d (3 studied before sign-up + 1 merged)", got, fresh-4)
	}
	if got := a.newCount(t, deck); got != fresh-4 {
		t.Errorf("first device sees %d new, want %d", got, fresh-4)
	}
}

func TestSignupValidation(t *testing.T) {
	a := newTestApp(t)
	a.otherBrowser().signup(t, "grace", nil)
	for _, tc := range []struct {
		name, user, pass, field, want string
	}{
		{"short password", "ada", "short pw", "password", "at least 10"},
		{"bad username", "a b", testPassword, "username", "letters"},
		{"short username", "ab", testPassword, "username", "3 to 32"},
		{"taken, other case", "GRACE", testPassword, "username", "taken"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, body := a.post(t, "/signup", url.Values{"username": {tc.user}, "password": {tc.pass}})
			if res.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422", res.StatusCode)
			}
			doc := page(t, body)
			msg := doc.Find(`[data-testid="error-` + tc.field + `"]`)
			if !strings.Contains(msg.Text(), tc.want) {
				t.Errorf("%s message %q, want it to mention %q", tc.field, msg.Text(), tc.want)
			}
			input := doc.Find(`input[name="` + tc.field + `"]`)
			errID, _ := msg.Attr("id")
			if inv, _ := input.Attr("aria-invalid"); inv != "true" {
				t.Error("invalid input lacks aria-invalid")
			}
			if desc, _ := input.Attr("aria-describedby"); !slices.Contains(strings.Fields(desc), errID) {
				t.Errorf("aria-describedby %q does not point at the message %q", desc, errID)
			}
			if v, _ := doc.Find(`input[name="username"]`).Attr("value"); v != tc.user {
				t.Errorf("username field holds %q, want what was typed, %q", v, tc.user)
			}
			if v, _ := doc.Find(`input[name="password"]`).Attr("value"); v != "" || strings.Contains(body, tc.pass) {
				t.Error("the page sends the password back")
			}
		})
	}
	if who := a.whoAmI(t); who != "" {
		t.Errorf("a refused sign-up signed in as %q", who)
	}
}

func TestLoginWrongPasswordSameAsUnknownUser(t *testing.T) {
	a := newTestApp(t)
	a.otherBrowser().signup(t, "ada", nil)
	problem := func(user, pass string) (string, time.Duration) {
		start := time.Now()
		res, body := a.login(t, user, pass)
		took := time.Since(start)
		if res.StatusCode != http.StatusUnauthorized {
			t.Fatalf("login %s: %d, want 401", user, res.StatusCode)
		}
		doc := page(t, body)
		if v, _ := doc.Find(`input[name="username"]`).Attr("value"); v != user {
			t.Errorf("username field holds %q, want %q", v, user)
		}
		if strings.Contains(body, pass) {
			t.Error("the page sends the password back")
		}
		return strings.TrimSpace(doc.Find(`[data-testid="form-error"]`).Text()), took
	}
	var wrong, unknown []time.Duration
	var msgWrong, msgUnknown string
	for i := 0; i < 3; i++ {
		m, d := problem("ada", "not the password")
		msgWrong, wrong = m, append(wrong, d)
		m, d = problem("nobody-"+strconv.Itoa(i), "not the password")
		msgUnknown, unknown = m, append(unknown, d)
	}
	if msgWrong == "" || msgWrong != msgUnknown {
		t.Errorf("wrong password says %q, unknown user says %q; want one message", msgWrong, msgUnknown)
	}
	// The unknown user's check runs the same argon2id work: no faster by
	// an order of magnitude (skipping the hash would be ~50x faster).
	slices.Sort(wrong)
	slices.Sort(unknown)
	if unknown[1] < wrong[1]/3 {
		t.Errorf("unknown user answered in %v, wrong password in %v: the timing tells them apart", unknown[1], wrong[1])
	}
	if who := a.whoAmI(t); who != "" {
		t.Errorf("signed in as %q after wrong passwords", who)
	}

	res, body := a.login(t, "", "")
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("empty login form: %d, want 422", res.StatusCode)
	}
	doc := page(t, body)
	if doc.Find(`[data-testid="error-username"]`).Length() == 0 || doc.Find(`[data-testid="error-password"]`).Length() == 0 {
		t.Error("empty login form has no per-field messages")
	}
}

func TestLoginRateLimit(t *testing.T) {
	a := newTestApp(t)
	a.otherBrowser().signup(t, "ada", nil)
	a.otherBrowser().signup(t, "grace", nil)
	for i := 0; i < loginPerPair; i++ {
		if res, _ := a.login(t, "ada", "guess number "+strconv.Itoa(i)); res.StatusCode != http.StatusUnauthorized {
			t.Fatalf("guess %d: %d, want 401", i, res.StatusCode)
		}
	}
	res, body := a.login(t, "ADA", testPassword) // even the right password, in any case
	if res.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("after %d failures: %d, want 429", loginPerPair, res.StatusCode)
	}
	secs, err := strconv.Atoi(res.Header.Get("Retry-After"))
	if err != nil || secs < 1 || secs > int(loginWindow.Seconds()) {
		t.Errorf("Retry-After %q, want seconds up to the window", res.Header.Get("Retry-After"))
	}
	if msg := page(t, body).Find(`[data-testid="form-error"]`).Text(); !strings.Contains(msg, "Too many attempts") || !strings.Contains(msg, "15 minutes") {
		t.Errorf("429 page says %q", msg)
	}
	if who := a.whoAmI(t); who != "" {
		t.Error("a blocked login signed in")
	}
	// A classmate behind the same address is not locked out.
	if res, _ := a.otherBrowser().login(t, "grace", testPassword); res.StatusCode != http.StatusSeeOther {
		t.Errorf("another username from the same address: %d, want 303", res.StatusCode)
	}
}

func TestLogoutRenewsTokenAndStartsFresh(t *testing.T) {
	a := newTestApp(t)
	deck := firstDeck(t, a)
	fresh := a.newCount(t, deck)
	a.studyCards(t, deck, 2)
	a.signup(t, "ada", nil)
	before := a.sessionCookie(t)
	if res, _ := a.post(t, "/logout", url.Values{}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("logout: %d", res.StatusCode)
	}
	if a.sessionCookie(t) == before {
		t.Error("logout kept the session token")
	}
	if who := a.whoAmI(t); who != "" {
		t.Errorf("after logout, signed in as %q", who)
	}
	if got := a.newCount(t, deck); got != fresh {
		t.Errorf("after logout %d new, want a fresh learner's %d", got, fresh)
	}
	a.studyCards(t, deck, 1) // the device still works anonymously
	if res, _ := a.login(t, "ada", testPassword); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("login again: %d", res.StatusCode)
	}
	if got := a.newCount(t, deck); got != fresh-3 {
		t.Errorf("logged in again: %d new, want %d", got, fresh-3)
	}
}

func TestAccountRoutesRefuseCrossOrigin(t *testing.T) {
	a := newTestApp(t)
	for _, path := range []string{"/login", "/signup", "/logout", "/account/role"} {
		res, _ := a.do(t, "POST", path, strings.NewReader("username=ada&password="+url.QueryEscape(testPassword)),
			map[string]string{"Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "cross-site"})
		if res.StatusCode != http.StatusForbidden {
			t.Errorf("cross-site POST %s: %d, want 403", path, res.StatusCode)
		}
	}
}

func TestSignupWhileSignedInAndTeacherRole(t *testing.T) {
	a := newTestApp(t)
	a.signup(t, "ada", url.Values{"teacher": {"1"}})
	_, body := a.get(t, "/account")
	if role := page(t, body).Find(`[data-testid="account-role"]`).Text(); role != "Teacher" {
		t.Errorf("role after signing up as a teacher = %q", role)
	}
	if res, _ := a.get(t, "/signup"); res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/account" {
		t.Errorf("GET /signup while signed in: %d to %q, want 303 to /account", res.StatusCode, res.Header.Get("Location"))
	}
	if res, _ := a.post(t, "/account/role", url.Values{"role": {"student"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("role change: %d", res.StatusCode)
	}
	_, body = a.get(t, "/account")
	if role := page(t, body).Find(`[data-testid="account-role"]`).Text(); role != "Student" {
		t.Errorf("role after turning teacher off = %q", role)
	}
	if res, _ := a.post(t, "/account/role", url.Values{"role": {"admin"}}); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("role admin: %d, want 422", res.StatusCode)
	}
	if res, _ := a.otherBrowser().post(t, "/account/role", url.Values{"role": {"teacher"}}); res.StatusCode != http.StatusUnauthorized {
		t.Errorf("anonymous role change: %d, want 401", res.StatusCode)
	}
}

// TestRequireTeacher mounts a teacher-only route the way later routes
// will, and walks it as anonymous, student and teacher.
func TestRequireTeacher(t *testing.T) {
	a := newTestApp(t)
	r := chi.NewRouter()
	r.Use(a.srv.sessions.LoadAndSave, a.srv.learner)
	r.With(a.srv.requireTeacher).Get("/teach", func(w http.ResponseWriter, r *http.Request) {
		acct, ok, err := a.srv.account(r)
		if err != nil || !ok {
			http.Error(w, "no account", 500)
			return
		}
		_, _ = w.Write([]byte("hello " + acct.Username))
	})
	ts := httptest.NewServer(r)
	t.Cleanup(ts.Close)
	get := func() (*http.Response, string) { // cookies are per host, so the jar carries the session over
		t.Helper()
		req, _ := http.NewRequest("GET", ts.URL+"/teach", nil)
		res, err := a.client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res, string(b)
	}
	if res, _ := get(); res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/login?next=%2Fteach" {
		t.Errorf("anonymous: %d to %q, want 303 to /login?next=%%2Fteach", res.StatusCode, res.Header.Get("Location"))
	}
	a.signup(t, "ada", nil)
	if res, _ := get(); res.StatusCode != http.StatusForbidden {
		t.Errorf("student: %d, want 403", res.StatusCode)
	}
	a.post(t, "/account/role", url.Values{"role": {string(account.Teacher)}})
	if res, body := get(); res.StatusCode != http.StatusOK || body != "hello ada" {
		t.Errorf("teacher: %d %q, want 200 hello ada", res.StatusCode, body)
	}
}

func TestLoginGoesToNextOnlyOnThisSite(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"/decks/1", "/decks/1"}, {"/account?x=1", "/account?x=1"}, {"", ""},
		{"//evil.example/", ""}, {"/\\evil.example", ""}, {"https://evil.example/", ""}, {"decks", ""},
	} {
		if got := safeNext(tc.in); got != tc.want {
			t.Errorf("safeNext(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	a := newTestApp(t)
	a.otherBrowser().signup(t, "ada", nil)
	_, body := a.get(t, "/login?next=%2Fdecks%2F1")
	if v, _ := page(t, body).Find(`input[name="next"]`).Attr("value"); v != "/decks/1" {
		t.Fatalf("login form carries next=%q", v)
	}
	res, _ := a.post(t, "/login", url.Values{"username": {"ada"}, "password": {testPassword}, "next": {"/decks/1"}})
	if loc := res.Header.Get("Location"); loc != "/decks/1" {
		t.Errorf("after login, sent to %q, want /decks/1", loc)
	}
}

func TestLoginLimiterWindow(t *testing.T) {
	l := newLoginLimiter(time.Minute, 2, 3)
	now := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	for i := 0; i < 2; i++ {
		if _, ok := l.begin("1.2.3.4", "ada", now); !ok {
			t.Fatalf("attempt %d refused", i)
		}
	}
	if wait, ok := l.begin("1.2.3.4", "ada", now.Add(10*time.Second)); ok || wait != 50*time.Second {
		t.Errorf("third attempt: ok=%v wait=%v, want refused for 50s", ok, wait)
	}
	if _, ok := l.begin("1.2.3.4", "grace", now); !ok {
		t.Error("another username refused")
	}
	if _, ok := l.begin("1.2.3.4", "linus", now); ok {
		t.Error("the address ceiling (3) did not hold")
	}
	if _, ok := l.begin("5.6.7.8", "ada", now); !ok {
		t.Error("another address refused")
	}
	if _, ok := l.begin("1.2.3.4", "ada", now.Add(time.Minute)); !ok {
		t.Error("still refused after the window")
	}
	l.succeeded("1.2.3.4", "ada")
	if _, ok := l.begin("1.2.3.4", "ada", now.Add(time.Minute)); !ok {
		t.Error("refused after a success")
	}
}

func TestClientIP(t *testing.T) {
	for _, tc := range []struct{ remote, want string }{
		{"192.0.2.7:5555", "192.0.2.7"},
		{"[2001:db8:1:2:3:4:5:6]:443", "2001:db8:1:2::/64"},
		{"[::ffff:192.0.2.7]:80", "192.0.2.7"},
	} {
		r := httptest.NewRequest("GET", "/", nil)
		r.RemoteAddr = tc.remote
		r.Header.Set("X-Forwarded-For", "203.0.113.9")
		if got := clientIP(r); got != tc.want {
			t.Errorf("clientIP(%s) = %q, want %q (X-Forwarded-For ignored)", tc.remote, got, tc.want)
		}
	}
}
