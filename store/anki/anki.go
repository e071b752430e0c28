// Package anki writes Anki packages (.apkg): a zip holding collection.anki2,
// an SQLite database of Anki's schema 11, and an empty media map. It lives
// in store because it needs database/sql; the command wires Write into
// export.Exporter.Apkg.
//
// Re-importing an updated export updates notes instead of duplicating them:
// note GUIDs come from card ids (export.GUID), note type and deck ids from
// fixed names, and each note's mod is the card's last edit in seconds.
package anki

import (
	"archive/zip"
	"context"
	"crypto/sha1"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/factdeck/factdeck/quiz/export"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Names of the note types the package brings.
const (
	BasicName = "factdeck Basic"
	ClozeName = "factdeck Cloze"
)

// Write writes set as an .apkg to w. set.Time is the export time (now when
// zero); set.Modified gives cards' own edit times.
func Write(w io.Writer, set export.Set) error {
	if set.Time.IsZero() {
		set.Time = time.Now()
	}
	dir, err := os.MkdirTemp("", "factdeck-apkg-")
	if err != nil {
		return fmt.Errorf("anki: %w", err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "collection.anki2")
	if err := writeCollection(context.Background(), path, set); err != nil {
		return fmt.Errorf("anki: %w", err)
	}
	coll, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("anki: %w", err)
	}
	zw := zip.NewWriter(w)
	for _, f := range []struct {
		name string
		data []byte
	}{{"collection.anki2", coll}, {"media", []byte("{}")}} {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: set.Time.UTC()})
		if err != nil {
			return fmt.Errorf("anki: %w", err)
		}
		if _, err := fw.Write(f.data); err != nil {
			return fmt.Errorf("anki: %w", err)
		}
	}
	return zw.Close()
}

// writeCollection creates the collection database at path.
func writeCollection(ctx context.Context, path string, set export.Set) error {
	// A rollback journal, not WAL: the file must hold everything once closed.
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(DELETE)&_pragma=synchronous(OFF)")
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck // after Commit it is a no-op
	if _, err := tx.ExecContext(ctx, schema); err != nil {
		return fmt.Errorf("schema: %w", err)
	}
	if err := insertCol(ctx, tx, set); err != nil {
		return fmt.Errorf("col: %w", err)
	}
	if err := insertNotes(ctx, tx, set); err != nil {
		return fmt.Errorf("notes: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	return db.Close()
}

// DeckID is the id of the deck a set goes to: stable for a deck name.
func DeckID(set export.Set) int64 { return stableID("deck: " + export.DeckName(set)) }

// insertCol writes the single col row: configuration, note types, decks.
func insertCol(ctx context.Context, tx *sql.Tx, set export.Set) error {
	now := set.Time
	did := DeckID(set)
	models := map[string]any{
		strconv.FormatInt(basicID, 10): model(basicID, BasicName, false, did),
		strconv.FormatInt(clozeID, 10): model(clozeID, ClozeName, true, did),
	}
	decks := map[string]any{
		"1":                        deck(1, "Default", "", now.Unix()),
		strconv.FormatInt(did, 10): deck(did, export.DeckName(set), html.EscapeString(set.Description), now.Unix()),
	}
	conf := map[string]any{
		"nextPos": len(set.Cards) + 1, "estTimes": true, "activeDecks": []int64{did}, "sortType": "noteFld",
		"timeLim": 0, "sortBackwards": false, "addToCur": true, "curDeck": did, "newBury": true,
		"newSpread": 0, "dueCounts": true, "curModel": strconv.FormatInt(basicID, 10), "collapseTime": 1200,
	}
	js := make([]string, 4)
	for i, v := range []any{conf, models, decks, deckConf(now.Unix())} {
		b, err := json.Marshal(v)
		if err != nil {
			return err
		}
		js[i] = string(b)
	}
	day := time.Date(now.Year(), now.Month(), now.Day(), 4, 0, 0, 0, now.Location())
	_, err := tx.ExecContext(ctx, `INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')`,
		day.Unix(), now.UnixMilli(), now.UnixMilli(), js[0], js[1], js[2], js[3])
	return err
}

// insertNotes writes one note and one card for each card of the set.
func insertNotes(ctx context.Context, tx *sql.Tx, set export.Set) error {
	did := DeckID(set)
	for i, c := range set.Cards {
		fields, cloze := export.AnkiFields(c)
		mid := basicID
		if cloze {
			mid = clozeID
		}
		nid, mod := stableID("note: "+c.ID), export.ModTime(set, c).Unix()
		sort := StripHTML(fields[0])
		tags := ""
		if t := export.Tag(c); t != "" {
			tags = " " + t + " "
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO notes VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, 0, '')`,
			nid, export.GUID(c), mid, mod, tags, strings.Join(fields, "\x1f"), sort, Checksum(fields[0]))
		if err != nil {
			return fmt.Errorf("card %s: %w", c.ID, err)
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO cards VALUES (?, ?, ?, 0, ?, 0, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')`,
			stableID("card: "+c.ID), nid, did, mod, i+1)
		if err != nil {
			return fmt.Errorf("card %s: %w", c.ID, err)
		}
	}
	return nil
}

var tagRE = regexp.MustCompile(`(?s)<[^>]*>`)

// StripHTML is a field's text as Anki compares it: tags removed, entities
// decoded.
func StripHTML(s string) string {
	return strings.TrimSpace(html.UnescapeString(tagRE.ReplaceAllString(s, "")))
}

// Checksum is Anki's note checksum of a first field: the first 8 hex digits
// of the SHA-1 of its stripped text, as an integer.
func Checksum(first string) int64 {
	h := sha1.Sum([]byte(StripHTML(first)))
	n, _ := strconv.ParseInt(hex.EncodeToString(h[:])[:8], 16, 64)
	return n
}
