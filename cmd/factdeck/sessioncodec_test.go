package main

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/alexedwards/scs/v2"
)

func TestSessionCodecRoundTrip(t *testing.T) {
	deadline := time.Date(2026, 11, 27, 8, 30, 0, 123, time.UTC)
	values := map[string]any{
		"learner": int64(42), "flash": "Settings saved — ✓", "theme": "", "n": 7, "ok": true,
		"at": time.Date(2025, 1, 2, 3, 4, 5, 6, time.UTC), "raw": []byte{0, 1, 255}, "f": 0.9,
		"zero": time.Time{}, // outside UnixNano's range
	}
	b, err := sessionCodec{}.Encode(deadline, values)
	if err != nil {
		t.Fatal(err)
	}
	gotDeadline, got, err := sessionCodec{}.Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	if !gotDeadline.Equal(deadline) || !reflect.DeepEqual(got, values) {
		t.Errorf("round trip: got %v %#v, want %v %#v", gotDeadline, got, deadline, values)
	}
}

// A session written before this codec (by scs's gob codec) still loads:
// an upgrade must not sign every learner out or lose their progress.
func TestSessionCodecReadsGobSessions(t *testing.T) {
	deadline := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	old, err := scs.GobCodec{}.Encode(deadline, map[string]any{"learner": int64(9), "flash": "hi"})
	if err != nil {
		t.Fatal(err)
	}
	gotDeadline, got, err := sessionCodec{}.Decode(old)
	if err != nil {
		t.Fatal(err)
	}
	if !gotDeadline.Equal(deadline) || got["learner"] != int64(9) || got["flash"] != "hi" {
		t.Errorf("gob session read as %v %#v", gotDeadline, got)
	}
}

func TestSessionCodecRefusesUnknownTypes(t *testing.T) {
	_, err := sessionCodec{}.Encode(time.Now(), map[string]any{"list": []int{1}})
	if err == nil || !strings.Contains(err.Error(), "list") {
		t.Errorf("want an error naming the value, got %v", err)
	}
}

func TestSessionCodecRejectsTruncatedData(t *testing.T) {
	b, err := sessionCodec{}.Encode(time.Now(), map[string]any{"flash": "a long enough message"})
	if err != nil {
		t.Fatal(err)
	}
	for n := len(sessionMagic); n < len(b); n++ {
		if _, _, err := (sessionCodec{}).Decode(b[:n]); err == nil {
			t.Fatalf("truncated to %d of %d bytes: decoded without error", n, len(b))
		}
	}
}
