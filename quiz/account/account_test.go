package account_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/factdeck/factdeck/quiz"
	"github.com/factdeck/factdeck/quiz/account"
)

func TestValidateSignup(t *testing.T) {
	for _, tc := range []struct {
		name, user, pass string
		badFields        []string
	}{
		{"ok", "ada.l_1-x", "correct horse", nil},
		{"ok unicode password", "ada", "ünïcødé pässwörd", nil},
		{"short username", "ab", "correct horse", []string{"username"}},
		{"long username", strings.Repeat("a", 33), "correct horse", []string{"username"}},
		{"32 is fine", strings.Repeat("a", 32), "correct horse", nil},
		{"space in username", "ada l", "correct horse", []string{"username"}},
		{"non-ascii username", "adä", "correct horse", []string{"username"}},
		{"empty both", "", "", []string{"username", "password"}},
		{"9 characters", "ada", "123456789", []string{"password"}},
		{"10 characters, no rules", "ada", "aaaaaaaaaa", nil},
		{"10 runes but multibyte counts as characters", "ada", "éééééééééé", nil},
		{"257 bytes", "ada", strings.Repeat("x", 257), []string{"password"}},
		{"256 bytes", "ada", strings.Repeat("x", 256), nil},
		{"password is username", "adalovelace", "AdaLovelace", []string{"password"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := account.ValidateSignup(tc.user, tc.pass)
			if len(tc.badFields) == 0 {
				if err != nil {
					t.Fatalf("ValidateSignup(%q, %q) = %v, want nil", tc.user, tc.pass, err)
				}
				return
			}
			var verr *quiz.ValidationError
			if !errors.As(err, &verr) {
				t.Fatalf("ValidateSignup(%q, %q) = %v, want a ValidationError", tc.user, tc.pass, err)
			}
			if len(verr.Fields) != len(tc.badFields) {
				t.Errorf("fields %v, want %v", verr.Fields, tc.badFields)
			}
			for _, f := range tc.badFields {
				if verr.Fields[f] == "" {
					t.Errorf("no message for %s: %v", f, verr.Fields)
				}
			}
		})
	}
}

func TestKeyFoldsCase(t *testing.T) {
	if account.Key(" Ada.Lovelace ") != account.Key("ada.lovelace") {
		t.Error("Key does not fold case and trim")
	}
}

func TestParseRole(t *testing.T) {
	if r, err := account.ParseRole("teacher"); err != nil || r != account.Teacher {
		t.Errorf("ParseRole(teacher) = %q, %v", r, err)
	}
	if _, err := account.ParseRole("admin"); err == nil {
		t.Error("ParseRole(admin) accepted")
	}
}

var cheap = account.Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}

func TestHashAndCheck(t *testing.T) {
	h, err := account.HashPassword("correct horse", account.DefaultParams)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Errorf("hash %q does not carry argon2id and its parameters", h)
	}
	for _, tc := range []struct {
		pass string
		want bool
	}{{"correct horse", true}, {"correct horsE", false}, {"", false}, {"correct horse ", false}} {
		ok, err := account.CheckPassword(h, tc.pass)
		if err != nil || ok != tc.want {
			t.Errorf("CheckPassword(%q) = %v, %v; want %v", tc.pass, ok, err, tc.want)
		}
	}
	h2, _ := account.HashPassword("correct horse", account.DefaultParams)
	if h2 == h {
		t.Error("two hashes of one password are equal: the salt is not random")
	}
}

func TestCheckUsesStoredParams(t *testing.T) {
	h, err := account.HashPassword("correct horse", cheap)
	if err != nil {
		t.Fatal(err)
	}
	if ok, err := account.CheckPassword(h, "correct horse"); !ok || err != nil {
		t.Errorf("a hash made with other parameters does not check: %v %v", ok, err)
	}
}

func TestCheckRejectsBadHashes(t *testing.T) {
	good, _ := account.HashPassword("correct horse", cheap)
	parts := strings.Split(good, "$")
	for _, bad := range []string{
		"", "plain", "$2a$10$bcryptlooking",
		strings.Replace(good, "argon2id", "argon2i", 1),
		strings.Replace(good, "v=19", "v=16", 1),
		strings.Replace(good, parts[3], "m=0,t=1,p=1", 1),
		strings.Replace(good, parts[3], "m=99999999,t=1,p=1", 1),
		strings.Replace(good, parts[5], "!!", 1),
	} {
		if ok, err := account.CheckPassword(bad, "correct horse"); ok || !errors.Is(err, account.ErrBadHash) {
			t.Errorf("CheckPassword(%q) = %v, %v; want ErrBadHash", bad, ok, err)
		}
	}
}
