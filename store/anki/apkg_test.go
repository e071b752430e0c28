package anki

import (
	"context"
	"database/sql"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/factdeck/factdeck/quiz/export"
)

// TestAnkiReaderReadsPackage reads every export with anki-reader: every card
// is in the set's deck with its note's three fields.
func TestAnkiReaderReadsPackage(t *testing.T) {
	for _, set := range append([]export.Set{handSet()}, docSets(t)...) {
		t.Run(set.Name, func(t *testing.T) {
			got := readerCards(t, writeAPKG(t, set))[export.DeckName(set)]
			if len(got) != len(set.Cards) {
				t.Fatalf("anki-reader found %d cards in deck %q, want %d", len(got), export.DeckName(set), len(set.Cards))
			}
			want := map[string]bool{}
			for _, c := range set.Cards {
				f, _ := export.AnkiFields(c)
				want[strings.Join(f, "\x1f")] = true
			}
			for _, f := range got {
				if len(f) != 3 || !want[strings.Join(f, "\x1f")] {
					t.Errorf("unexpected fields %q", f)
				}
			}
		})
	}
}

// TestCollectionSQL checks at the SQL level what Anki's importer relies on.
func TestCollectionSQL(t *testing.T) {
	for _, set := range append([]export.Set{handSet()}, docSets(t)...) {
		t.Run(set.Name, func(t *testing.T) {
			db := openCollection(t, writeAPKG(t, set))
			checkCol(t, db, set)
			ns := notes(t, db)
			if len(ns) != len(set.Cards) {
				t.Fatalf("%d notes, want %d", len(ns), len(set.Cards))
			}
			for _, c := range set.Cards {
				n, ok := ns[export.GUID(c)]
				if !ok {
					t.Fatalf("no note with guid of %s", c.ID)
				}
				f := strings.Split(n.flds, "\x1f")
				if len(f) != 3 || n.csum != Checksum(f[0]) || n.mod != set.Time.Unix() {
					t.Errorf("%s: %d fields, csum %d (want %d), mod %d", c.ID, len(f), n.csum, Checksum(f[0]), n.mod)
				}
				if cloze := strings.Contains(f[0], "{{c1::"); cloze != (n.mid == clozeID) {
					t.Errorf("%s: cloze text %v with note type %d", c.ID, cloze, n.mid)
				}
			}
			var orphans int
			err := db.QueryRow(`SELECT count(*) FROM cards WHERE nid NOT IN (SELECT id FROM notes) OR did != ? OR ord != 0`, DeckID(set)).Scan(&orphans)
			if err != nil || orphans != 0 {
				t.Errorf("%d cards without their note or deck (%v)", orphans, err)
			}
		})
	}
}

// checkCol checks the col row: schema 11, the note types and the deck.
func checkCol(t *testing.T, db *sql.DB, set export.Set) {
	t.Helper()
	var ver, mod, crt int64
	var models, decks, dconf, conf string
	err := db.QueryRowContext(context.Background(), `SELECT ver, mod, crt, models, decks, dconf, conf FROM col`).Scan(&ver, &mod, &crt, &models, &decks, &dconf, &conf)
	if err != nil {
		t.Fatal(err)
	}
	if ver != 11 || mod != set.Time.UnixMilli() || crt > set.Time.Unix() {
		t.Errorf("col: ver %d mod %d crt %d", ver, mod, crt)
	}
	var ms map[string]struct {
		Name string `json:"name"`
		Type int    `json:"type"`
		Flds []struct {
			Name string `json:"name"`
		} `json:"flds"`
	}
	var ds map[string]struct {
		Name string `json:"name"`
		Conf int    `json:"conf"`
	}
	var dc, cf map[string]any
	for _, j := range []struct {
		s string
		v any
	}{{models, &ms}, {decks, &ds}, {dconf, &dc}, {conf, &cf}} {
		if err := json.Unmarshal([]byte(j.s), j.v); err != nil {
			t.Fatal(err)
		}
	}
	b, c := ms[strconv.FormatInt(basicID, 10)], ms[strconv.FormatInt(clozeID, 10)]
	if b.Type != 0 || len(b.Flds) != 3 || b.Flds[2].Name != "Source" || c.Type != 1 || c.Flds[0].Name != "Text" {
		t.Errorf("note types: %+v", ms)
	}
	if d := ds[strconv.FormatInt(DeckID(set), 10)]; d.Name != export.DeckName(set) || dc["1"] == nil || ds["1"].Name != "Default" {
		t.Errorf("decks: %+v", ds)
	}
}

// TestReexportUpdatesEditedNote exports, edits one card and exports again:
// at the SQL level the second package has the same GUIDs, note ids, note
// type and deck ids, and only the edited note changed, with a newer mod, so
// Anki's import updates that note instead of adding one.
func TestReexportUpdatesEditedNote(t *testing.T) {
	first := handSet()
	second := handSet()
	t2 := t1.Add(36 * time.Hour)
	second.Time = t2
	second.Cards[1].Prompt = "On _____, Israeli forces invaded Lebanon."
	second.Modified = map[string]time.Time{"c-mcq": t1, "c-cloze": t2, "c-typed": t1}

	a, b := notes(t, openCollection(t, writeAPKG(t, first))), notes(t, openCollection(t, writeAPKG(t, second)))
	if len(a) != len(b) {
		t.Fatalf("%d notes then %d", len(a), len(b))
	}
	edited := export.GUID(second.Cards[1])
	for guid, n := range a {
		m, ok := b[guid]
		if !ok {
			t.Fatalf("guid %s missing from the second export", guid)
		}
		if m.id != n.id || m.mid != n.mid {
			t.Errorf("%s: id/mid changed: %d/%d → %d/%d", guid, n.id, n.mid, m.id, m.mid)
		}
		if guid == edited {
			if m.mod <= n.mod || m.flds == n.flds || !strings.Contains(m.flds, "Israeli forces") {
				t.Errorf("edited note: mod %d → %d, fields changed %v", n.mod, m.mod, m.flds != n.flds)
			}
			continue
		}
		if m.mod != n.mod || m.flds != n.flds {
			t.Errorf("%s: unchanged note changed: mod %d → %d", guid, n.mod, m.mod)
		}
	}
}

func TestChecksum(t *testing.T) {
	// SHA-1("abc") is a9993e36…, the FIPS 180 test vector.
	if got := Checksum("<i>abc</i>"); got != 0xa9993e36 {
		t.Errorf("Checksum(abc) = %x, want a9993e36", got)
	}
	if Checksum("<b>Who</b> invaded?") != Checksum("Who invaded?") {
		t.Error("Checksum does not strip HTML")
	}
	if Checksum("a &amp; b") != Checksum("a & b") {
		t.Error("Checksum does not decode entities")
	}
}
