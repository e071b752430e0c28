package main

import (
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"strings"

	"github.com/factdeck/factdeck/quiz"
	"github.com/factdeck/factdeck/quiz/facts"
	"github.com/factdeck/factdeck/seeds"
	"github.com/factdeck/factdeck/store"
)

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

// describe fills a document's title and topics from its text.
func describe(body string) (quiz.Document, error) {
	ex, err := facts.Extract(body)
	if err != nil {
		return quiz.Document{}, err
	}
	d := quiz.Document{Body: body, Title: ex.Title}
	if d.Title == "" {
		d.Title = quiz.TitleOf(body)
	}
	for _, t := range ex.Topics {
		d.Topics = append(d.Topics, t.Name)
	}
	return d, nil
}
