package main

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/factdeck/factdeck/quiz"
	"github.com/factdeck/factdeck/quiz/account"
	"github.com/factdeck/factdeck/store"
	"github.com/factdeck/factdeck/views"
)

// msgBadLogin is the one answer to a wrong username or a wrong password,
// so the form does not tell which usernames exist.
const msgBadLogin = "That username and password do not match an account. Check both and try again."

// accounts serves sign-up, log-in, log-out and the account page.
type accounts struct {
	*server
	limit  *loginLimiter
	hashes chan struct{} // bounds concurrent argon2id work (19 MiB each)
	decoy  func() string // a hash to check unknown usernames against
}

// mountAccounts adds this resource's routes to the session-backed group.
func (s *server) mountAccounts(r chi.Router) {
	h := &accounts{
		server: s,
		limit:  newLoginLimiter(loginWindow, loginPerPair, loginPerIP),
		hashes: make(chan struct{}, max(1, runtime.GOMAXPROCS(0))),
		decoy: sync.OnceValue(func() string {
			hash, _ := account.HashPassword(rand.Text(), account.DefaultParams)
			return hash
		}),
	}
	r.Get("/signup", h.handleSignupShow)
	r.Post("/signup", h.handleSignupCreate)
	r.Get("/login", h.handleLoginShow)
	r.Post("/login", h.handleLoginCreate)
	r.Post("/logout", h.handleLogout)
	r.Get("/account", h.handleAccountShow)
	r.Post("/account/role", h.handleAccountRole)
}

type accountCtxKey struct{}

// account is the signed-in account of the request, if any.
func (s *server) account(r *http.Request) (account.Account, bool, error) {
	if a, ok := r.Context().Value(accountCtxKey{}).(account.Account); ok {
		return a, true, nil
	}
	a, err := s.db.AccountByLearner(r.Context(), learnerID(r))
	if errors.Is(err, quiz.ErrNotFound) {
		return account.Account{}, false, nil
	}
	return a, err == nil, err
}

// requireTeacher lets only signed-in teachers through, with their account
// in the context (s.account then reads it without a query). Anonymous
// visitors are sent to log in (or told to, for a POST); students get 403.
func (s *server) requireTeacher(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a, ok, err := s.account(r)
		switch {
		case err != nil:
			s.Error(w, r, err)
		case !ok && (r.Method == http.MethodGet || r.Method == http.MethodHead):
			http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
		case !ok:
			s.renderError(w, r, http.StatusUnauthorized, "Log in first", "This page is for teachers. Log in, then try again.")
		case !a.IsTeacher():
			s.renderError(w, r, http.StatusForbidden, "For teachers",
				"This page is for teacher accounts. You can turn on teacher features on your account page.")
		default:
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), accountCtxKey{}, a)))
		}
	})
}

// safeNext keeps a post-login destination only if it is a path on this
// site, so /login?next= cannot send people elsewhere.
func safeNext(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || raw == "" || u.Scheme != "" || u.Host != "" || !strings.HasPrefix(raw, "/") ||
		strings.HasPrefix(raw, "//") || strings.HasPrefix(raw, "/\\") {
		return ""
	}
	return raw
}

func usernameField(id, value, msg string) views.Field {
	return views.Field{ID: id, Name: "username", Label: "Username", Type: "text", Value: value, Error: msg,
		Autocomplete: "username"}
}

func passwordField(id, autocomplete, hint, msg string) views.Field {
	return views.Field{ID: id, Name: "password", Label: "Password", Type: "password", Hint: hint, Error: msg,
		Autocomplete: autocomplete}
}

const passwordHint = "At least 10 characters. A few words together make a good password; no other rules."

func (h *accounts) signupVM(r *http.Request, username, next string, teacher bool, fields map[string]string) views.SignupVM {
	vm := views.SignupVM{Chrome: h.chrome(r, "Create an account"), Next: next, Teacher: teacher,
		Username: usernameField("signup-username", username, fields["username"]),
		Password: passwordField("signup-password", "new-password", passwordHint, fields["password"])}
	vm.Username.Hint = fmt.Sprintf("%d to %d letters, digits, dots, dashes or underscores.", account.MinUsername, account.MaxUsername)
	for _, f := range []views.Field{vm.Username, vm.Password} {
		if f.Error != "" {
			vm.Errors = append(vm.Errors, views.FieldError{ID: f.ID, Message: f.Label + ": " + f.Error})
		}
	}
	return vm
}

func (h *accounts) handleSignupShow(w http.ResponseWriter, r *http.Request) {
	if a, ok, err := h.account(r); err != nil || ok {
		h.alreadySignedIn(w, r, a, err)
		return
	}
	h.render(w, r, http.StatusOK, views.SignupPage(h.signupVM(r, "", safeNext(r.URL.Query().Get("next")), false, nil)))
}

// alreadySignedIn sends a signed-in visitor who asked to sign up to the
// account page: a second account would start from nothing, and this
// device's progress belongs to the first.
func (h *accounts) alreadySignedIn(w http.ResponseWriter, r *http.Request, a account.Account, err error) {
	if err != nil {
		h.Error(w, r, err)
		return
	}
	h.sessions.Put(r.Context(), "flash", "You are signed in as "+a.Username+". Log out first to create another account.")
	http.Redirect(w, r, "/account", http.StatusSeeOther)
}

func (h *accounts) handleSignupCreate(w http.ResponseWriter, r *http.Request) {
	if a, ok, err := h.account(r); err != nil || ok {
		h.alreadySignedIn(w, r, a, err)
		return
	}
	if err := r.ParseForm(); err != nil {
		h.Error(w, r, err)
		return
	}
	username, password := account.CleanUsername(r.PostForm.Get("username")), r.PostForm.Get("password")
	teacher, next := r.PostForm.Get("teacher") != "", safeNext(r.PostForm.Get("next"))
	invalid := func(fields map[string]string) {
		h.render(w, r, http.StatusUnprocessableEntity, views.SignupPage(h.signupVM(r, username, next, teacher, fields)))
	}
	var verr *quiz.ValidationError
	if err := account.ValidateSignup(username, password); errors.As(err, &verr) {
		invalid(verr.Fields)
		return
	}
	hash, err := h.hash(r.Context(), password)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	role := account.Student
	if teacher {
		role = account.Teacher
	}
	a, err := h.db.CreateAccount(r.Context(), store.NewAccount{Username: username, PasswordHash: hash, Role: role, LearnerID: learnerID(r)})
	if errors.Is(err, account.ErrUsernameTaken) {
		invalid(map[string]string{"username": "That username is taken. Choose another, or log in if it is yours."})
		return
	}
	if err != nil {
		h.Error(w, r, err)
		return
	}
	if err := h.sessions.RenewToken(r.Context()); err != nil {
		h.Error(w, r, err)
		return
	}
	h.sessions.Put(r.Context(), "flash", "Account created. You are signed in as "+a.Username+"; your progress so far is saved to it.")
	http.Redirect(w, r, cmpOr(next, "/account"), http.StatusSeeOther)
}

// hash and check run argon2id with at most GOMAXPROCS at once, so a burst
// of log-ins queues instead of claiming 19 MiB each all together.
func (h *accounts) hash(ctx context.Context, password string) (string, error) {
	if err := h.acquire(ctx); err != nil {
		return "", err
	}
	defer h.release()
	return account.HashPassword(password, account.DefaultParams)
}

func (h *accounts) check(ctx context.Context, hash, password string) (bool, error) {
	if err := h.acquire(ctx); err != nil {
		return false, err
	}
	defer h.release()
	return account.CheckPassword(hash, password)
}

func (h *accounts) acquire(ctx context.Context) error {
	select {
	case h.hashes <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (h *accounts) release() { <-h.hashes }

func cmpOr(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}

func (h *accounts) loginVM(r *http.Request, username, next string, fields map[string]string) views.LoginVM {
	vm := views.LoginVM{Chrome: h.chrome(r, "Log in"), Next: next,
		Username: usernameField("login-username", username, fields["username"]),
		Password: passwordField("login-password", "current-password", "", fields["password"])}
	for _, f := range []views.Field{vm.Username, vm.Password} {
		if f.Error != "" {
			vm.Errors = append(vm.Errors, views.FieldError{ID: f.ID, Message: f.Label + ": " + f.Error})
		}
	}
	return vm
}

func (h *accounts) handleLoginShow(w http.ResponseWriter, r *http.Request) {
	a, ok, err := h.account(r)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	vm := h.loginVM(r, "", safeNext(r.URL.Query().Get("next")), nil)
	if ok {
		vm.SignedIn = a.Username
	}
	h.render(w, r, http.StatusOK, views.LoginPage(vm))
}

func (h *accounts) handleLoginCreate(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		h.Error(w, r, err)
		return
	}
	username, password := account.CleanUsername(r.PostForm.Get("username")), r.PostForm.Get("password")
	next := safeNext(r.PostForm.Get("next"))
	fields := map[string]string{}
	if username == "" {
		fields["username"] = "Enter your username."
	}
	if password == "" {
		fields["password"] = "Enter your password."
	}
	if len(fields) > 0 {
		h.render(w, r, http.StatusUnprocessableEntity, views.LoginPage(h.loginVM(r, username, next, fields)))
		return
	}
	ip, key := clientIP(r), account.Key(username)
	if len(key) > 64 {
		key = key[:64] // no real username is this long; bound the limiter's memory
	}
	if wait, ok := h.limit.begin(ip, key, h.now()); !ok {
		h.tooManyAttempts(w, r, username, next, wait)
		return
	}
	a, ok, err := h.authenticate(r.Context(), username, password)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	if !ok {
		vm := h.loginVM(r, username, next, nil)
		vm.Problem = msgBadLogin
		h.render(w, r, http.StatusUnauthorized, views.LoginPage(vm))
		return
	}
	h.limit.succeeded(ip, key)
	merged, err := h.signIn(r, a)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	msg := "Signed in as " + a.Username + "."
	if merged {
		msg += " What you studied in this browser is now part of your account."
	}
	h.sessions.Put(r.Context(), "flash", msg)
	http.Redirect(w, r, cmpOr(next, "/"), http.StatusSeeOther)
}

// authenticate checks a username and password. An unknown username is
// checked against a decoy hash, so it takes as long as a wrong password.
func (h *accounts) authenticate(ctx context.Context, username, password string) (account.Account, bool, error) {
	a, err := h.db.AccountByUsername(ctx, username)
	known := err == nil
	if err != nil && !errors.Is(err, quiz.ErrNotFound) {
		return a, false, err
	}
	hash := a.PasswordHash
	if !known {
		hash = h.decoy()
	}
	match, err := h.check(ctx, hash, password)
	if err != nil && !errors.Is(err, account.ErrBadHash) {
		return a, false, err
	}
	if errors.Is(err, account.ErrBadHash) {
		h.log.Error("unreadable password hash", "account", a.ID)
	}
	return a, known && match, nil
}

// signIn makes a the session's account: this browser's anonymous progress
// is merged into the account's learner (not if the browser was signed in
// to another account), then the session gets a new token.
func (h *accounts) signIn(r *http.Request, a account.Account) (merged bool, err error) {
	ctx := r.Context()
	cur := learnerID(r)
	if cur != a.LearnerID {
		_, err := h.db.AccountByLearner(ctx, cur)
		switch {
		case errors.Is(err, quiz.ErrNotFound):
			if err := h.db.MergeLearner(ctx, cur, a.LearnerID); err != nil {
				return false, err
			}
			merged = true
		case err != nil:
			return false, err
		}
	}
	if err := h.sessions.RenewToken(ctx); err != nil {
		return false, err
	}
	h.sessions.Put(ctx, "learner", a.LearnerID)
	return merged, nil
}

func (h *accounts) tooManyAttempts(w http.ResponseWriter, r *http.Request, username, next string, wait time.Duration) {
	mins := int(math.Ceil(wait.Minutes()))
	w.Header().Set("Retry-After", strconv.Itoa(max(1, int(math.Ceil(wait.Seconds())))))
	vm := h.loginVM(r, username, next, nil)
	vm.Problem = fmt.Sprintf("Too many attempts to log in. For your account's safety, please wait %s and try again. "+
		"You can keep studying meanwhile.", plural(mins, "minute"))
	h.render(w, r, http.StatusTooManyRequests, views.LoginPage(vm))
}

func (h *accounts) handleLogout(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	if err := h.sessions.RenewToken(ctx); err != nil {
		h.Error(w, r, err)
		return
	}
	h.sessions.Remove(ctx, "learner") // the next request starts a fresh anonymous learner
	h.sessions.Put(ctx, "flash", "Logged out. Your progress is saved in your account; this browser now studies anonymously.")
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

func (h *accounts) handleAccountShow(w http.ResponseWriter, r *http.Request) {
	a, ok, err := h.account(r)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	vm := views.AccountVM{Chrome: h.chrome(r, "Account"), SignedIn: ok, Username: a.Username, Teacher: a.IsTeacher()}
	if !ok {
		vm.Login = h.loginVM(r, "", "/account", nil)
	}
	h.render(w, r, http.StatusOK, views.AccountPage(vm))
}

func (h *accounts) handleAccountRole(w http.ResponseWriter, r *http.Request) {
	a, ok, err := h.account(r)
	if err != nil {
		h.Error(w, r, err)
		return
	}
	if !ok {
		h.renderError(w, r, http.StatusUnauthorized, "Log in first", "Only an account has a role. Log in or create an account first.")
		return
	}
	role, err := account.ParseRole(r.PostFormValue("role"))
	if err == nil {
		err = h.db.SetRole(r.Context(), a.ID, role)
	}
	if err != nil {
		h.Error(w, r, err)
		return
	}
	msg := "Teacher features are off."
	if role == account.Teacher {
		msg = "Teacher features are on."
	}
	h.sessions.Put(r.Context(), "flash", msg)
	http.Redirect(w, r, "/account", http.StatusSeeOther)
}
