package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"slices"
	"strings"
	"sync"

	"github.com/factdeck/factdeck/quiz"
	"github.com/factdeck/factdeck/quiz/facts"
	"github.com/factdeck/factdeck/quiz/gen"
	"github.com/factdeck/factdeck/seeds"
	"github.com/factdeck/factdeck/store"
)

// seed imports the seed documents and prepares every deck, once across all
// the app servers on one database: servers starting together take turns
// (store.DB.Exclusive), and cards are made again only when the documents or
// the build changed since they were last made (store.DB.JobDone), so the
// second server finds the work done.
func seed(ctx context.Context, db *store.DB, log *slog.Logger) error {
	return db.Exclusive(ctx, "seed", func() error {
		if err := importSeeds(ctx, db, log); err != nil {
			return err
		}
		key, err := decksKey(ctx, db)
		if err != nil {
			return err
		}
		if done, err := db.JobDone(ctx, "prepare-decks", key); err != nil || done {
			if done {
				log.Info("cards up to date", "key", key[:12])
			}
			return err
		}
		if err := prepareDecks(ctx, db, log); err != nil {
			return err
		}
		return db.FinishJob(ctx, "prepare-decks", key)
	})
}

// decksKey names what prepareDecks would make now: the shared documents'
// ids and hashes and this build (the executable's hash, since the cards are
// a function of the generator's code).
func decksKey(ctx context.Context, db *store.DB) (string, error) {
	docs, err := db.Documents(ctx, store.DocumentFilter{})
	if err != nil {
		return "", err
	}
	build, err := buildHash()
	if err != nil {
		return "", err
	}
	h := sha256.New()
	fmt.Fprintf(h, "build %s\n", build)
	for _, d := range docs {
		fmt.Fprintf(h, "doc %d %s\n", d.ID, d.Hash)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// buildHash is the SHA-256 of the running executable, computed once.
var buildHash = sync.OnceValues(func() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", fmt.Errorf("build hash: %w", err)
	}
	f, err := os.Open(exe)
	if err != nil {
		return "", fmt.Errorf("build hash: %w", err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("build hash: %w", err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
})

// importSeeds stores every embedded seed document the database does not
// hold yet; a seed whose text changed is stored as a new version.
func importSeeds(ctx context.Context, db *store.DB, log *slog.Logger) error {
	for _, name := range seeds.Names() {
		body, err := fs.ReadFile(seeds.FS(), name)
		if err != nil {
			return fmt.Errorf("seed %s: %w", name, err)
		}
		doc, err := describe(string(body))
		if err != nil {
			return fmt.Errorf("seed %s: %w", name, err)
		}
		doc.Slug = strings.TrimSuffix(name, ".txt")
		doc.Source = "seed"
		d, created, err := db.ImportDocument(ctx, doc)
		if err != nil {
			return fmt.Errorf("seed %s: %w", name, err)
		}
		if created {
			log.Info("imported seed document", "slug", d.Slug, "version", d.Version, "title", d.Title)
		}
	}
	return nil
}

// prepareDecks generates the cards of the newest version of every document
// and stores them. Generation is deterministic and card ids are stable, so
// doing it on every start refreshes cards after a generator change without
// touching learners' progress.
func prepareDecks(ctx context.Context, db *store.DB, log *slog.Logger) error {
	docs, err := db.Documents(ctx, store.DocumentFilter{})
	if err != nil {
		return err
	}
	gdocs := make([]gen.Doc, len(docs))
	for i, d := range docs {
		if gdocs[i], err = extractDoc(d.Slug, d.Body); err != nil {
			return fmt.Errorf("document %d: %w", d.ID, err)
		}
	}
	for i, d := range docs {
		// Topics are derived from the text, so a better extractor may
		// refresh them; the text itself never changes.
		if topics := topicNames(gdocs[i].Extraction); !slices.Equal(topics, d.Topics) {
			if err := db.SetDocumentTopics(ctx, d.ID, topics); err != nil {
				return fmt.Errorf("document %d: %w", d.ID, err)
			}
		}
		others := append(append([]gen.Doc{}, gdocs[:i]...), gdocs[i+1:]...)
		cards := gen.Generate(gdocs[i], others, gen.DefaultOptions())
		if err := db.SaveCards(ctx, d.ID, cards); err != nil {
			return fmt.Errorf("document %d: %w", d.ID, err)
		}
		log.Info("cards ready", "doc", d.ID, "title", d.Title, "cards", len(cards))
	}
	return nil
}

// describe fills a document's title and topics from its text.
func describe(body string) (quiz.Document, error) {
	ex, err := facts.Extract(body)
	if err != nil {
		return quiz.Document{}, err
	}
	d := quiz.Document{Body: body, Title: ex.Title, Topics: topicNames(ex)}
	if d.Title == "" {
		d.Title = quiz.TitleOf(body)
	}
	return d, nil
}

// topicNames lists the display names of an extraction's topics.
func topicNames(ex quiz.Extraction) []string {
	var names []string
	for _, t := range ex.Topics {
		names = append(names, t.Name)
	}
	return names
}
