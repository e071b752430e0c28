// Package account holds the rules of factdeck's optional accounts: what a
// username and a password may be, the roles, and password hashing. It
// touches no database and no HTTP; store/ keeps accounts and cmd/factdeck
// serves the pages.
package account

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/factdeck/factdeck/quiz"
)

// Role is what an account may do beyond studying.
type Role string

// The roles. Every account can study; a teacher can also (in later work)
// upload documents and share question sets.
const (
	Student Role = "student"
	Teacher Role = "teacher"
)

// ParseRole reads a role from a form value.
func ParseRole(s string) (Role, error) {
	switch Role(s) {
	case Student, Teacher:
		return Role(s), nil
	}
	return "", quiz.Invalid("role", "Choose student or teacher.")
}

// Limits on what people may choose. Passwords follow NIST SP 800-63B: a
// minimum length and no composition rules; the maximum only bounds the
// hashing work one request can ask for.
const (
	MinUsername = 3
	MaxUsername = 32
	MinPassword = 10  // characters
	MaxPassword = 256 // bytes
)

// ErrUsernameTaken is returned when another account already has the name
// (compared case-insensitively).
var ErrUsernameTaken = fmt.Errorf("username taken: %w", quiz.ErrConflict)

// Account is a learner who signed up: the learner id carries all study
// progress, the account only adds a name, a password and a role.
type Account struct {
	ID           int64
	Username     string // as typed at sign-up
	LearnerID    int64
	Role         Role
	PasswordHash string // PHC-style argon2id string, see HashPassword
	CreatedAt    time.Time
}

// IsTeacher reports whether the account has the teacher role.
func (a Account) IsTeacher() bool { return a.Role == Teacher }

// Key is the form of a username that uniqueness and look-ups compare:
// usernames are ASCII, so lower-casing is the whole case folding.
func Key(username string) string { return strings.ToLower(strings.TrimSpace(username)) }

// CleanUsername trims the spaces a person may type around a name.
func CleanUsername(s string) string { return strings.TrimSpace(s) }

// UsernameProblem says what is wrong with a username, or "" if nothing.
// Only ASCII letters, digits and . _ - are allowed, so that two names
// that look alike are also equal under Key.
func UsernameProblem(name string) string {
	n := len(name)
	switch {
	case n == 0:
		return "Enter a username."
	case n < MinUsername || n > MaxUsername:
		return fmt.Sprintf("Use %d to %d characters.", MinUsername, MaxUsername)
	}
	for _, c := range name {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-') {
			return "Use only letters a–z, digits and . _ - (no spaces)."
		}
	}
	return ""
}

// PasswordProblem says what is wrong with a new password, or "" if nothing.
func PasswordProblem(password, username string) string {
	switch {
	case password == "":
		return "Enter a password."
	case !utf8.ValidString(password):
		return "The password contains characters that cannot be read; please retype it."
	case utf8.RuneCountInString(password) < MinPassword:
		return fmt.Sprintf("Use at least %d characters.", MinPassword)
	case len(password) > MaxPassword:
		return fmt.Sprintf("Use at most %d bytes (about %d letters).", MaxPassword, MaxPassword)
	case username != "" && Key(password) == Key(username):
		return "Choose a password that is not your username."
	}
	return ""
}

// ValidateSignup checks a sign-up form, returning a *quiz.ValidationError
// with one message per bad field ("username", "password"), or nil.
func ValidateSignup(username, password string) error {
	fields := map[string]string{}
	if msg := UsernameProblem(username); msg != "" {
		fields["username"] = msg
	}
	if msg := PasswordProblem(password, username); msg != "" {
		fields["password"] = msg
	}
	if len(fields) > 0 {
		return &quiz.ValidationError{Fields: fields}
	}
	return nil
}
