package teach

import (
	"errors"
	"strings"
	"testing"

	"github.com/factdeck/factdeck/quiz"
)

func TestCheckText(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   []byte
		want error // nil, ErrTooLarge, ErrBinary, or a validation error (checked by kind)
		msg  string
	}{
		{"ok", []byte("The siege began in 2012.\r\n"), nil, ""},
		{"too large", make([]byte, MaxDocumentBytes+1), ErrTooLarge, ""},
		{"NUL", []byte("a\x00b"), ErrBinary, ""},
		{"control", []byte("a\x01b"), ErrBinary, ""},
		{"bad UTF-8 on line 2", []byte("ok\ncaf\xe9"), &quiz.ValidationError{}, "line 2"},
		{"empty", nil, &quiz.ValidationError{}, "empty"},
		{"blank", []byte(" \n\t"), &quiz.ValidationError{}, "only spaces"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := CheckText(tc.in)
			var verr *quiz.ValidationError
			switch w := tc.want.(type) {
			case nil:
				if err != nil || strings.Contains(got, "\r") {
					t.Fatalf("CheckText = %q, %v", got, err)
				}
			case *quiz.ValidationError:
				if !errors.As(err, &verr) || !strings.Contains(verr.Error(), tc.msg) {
					t.Fatalf("err = %v, want a validation error saying %q", err, tc.msg)
				}
			default:
				if !errors.Is(err, w) {
					t.Fatalf("err = %v, want %v", err, w)
				}
			}
		})
	}
}

func TestCodes(t *testing.T) {
	seen := map[string]bool{}
	for range 1000 {
		c := NewCode()
		if n, ok := NormaliseCode(strings.ToLower(c[:3]) + "-" + c[3:]); !ok || n != c {
			t.Fatalf("code %q does not read back: %q %v", c, n, ok)
		}
		seen[c] = true
	}
	if len(seen) < 990 {
		t.Errorf("only %d distinct codes of 1000", len(seen))
	}
	for _, bad := range []string{"", "ABCDE", "ABCDEFG", "O0O0O0", "AAAAA1"} {
		if _, ok := NormaliseCode(bad); ok {
			t.Errorf("%q accepted as a code", bad)
		}
	}
}

func TestHighlightMoveEdit(t *testing.T) {
	c := quiz.Card{Kind: quiz.CardMCQ, Answer: "Aleppo", Choices: []string{"Homs", "Aleppo"}, Correct: 1,
		Source: quiz.Source{Text: "Rebels entered aleppo on 29 November."}}
	if b, m, a := Highlight(c); b != "Rebels entered " || m != "aleppo" || a != " on 29 November." {
		t.Errorf("Highlight = %q %q %q", b, m, a)
	}
	if got := Move([]string{"a", "b", "c"}, 2, -1); strings.Join(got, "") != "acb" {
		t.Errorf("Move up = %v", got)
	}
	if got := Move([]string{"a", "b"}, 0, -1); strings.Join(got, "") != "ab" {
		t.Errorf("Move past the top = %v", got)
	}
	e, err := ApplyEdit(c, Edit{Prompt: "Which city?", Answer: "Halab"})
	if err != nil || e.Choices[1] != "Halab" || c.Choices[1] != "Aleppo" {
		t.Errorf("ApplyEdit: %v %v (original %v)", e.Choices, err, c.Choices)
	}
	if _, err := ApplyEdit(c, Edit{Prompt: " ", Answer: "x"}); err == nil {
		t.Error("empty prompt accepted")
	}
}
