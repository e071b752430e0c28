package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
)

// errUsage is returned after a usage message has been printed.
var errUsage = errors.New("usage")

func exitCode(err error) int {
	if err == errUsage {
		return 2
	}
	return 1
}

const usage = `factdeck turns source documents into study cards that cite their source.

Usage:
  factdeck [serve] [flags]          serve the web app (the default command)
  factdeck facts [flags] FILE…      print the facts read from documents ("-" reads stdin)
  factdeck generate [flags] FILE…   print the study cards generated from documents
  factdeck export --format NAME [--out PATH] FILE…
                                    export the cards of documents for a classroom tool
  factdeck backup [--db PATH] DEST  copy the SQLite database to the new file DEST while
                                    the server runs (see docs/deploy.md)
  factdeck help                     show this help

serve flags:
  --addr ADDR         address to listen on (env FACTDECK_ADDR; default 127.0.0.1:8080)
  --db PATH|URL       SQLite database file, or a postgres:// URL for several
                      servers on one PostgreSQL (env FACTDECK_DB; default factdeck.db)
  --secure-cookies    mark the session cookie Secure and name it __Host-factdeck,
                      for deployments behind TLS (env FACTDECK_SECURE_COOKIES=1)

facts flags:
  --format json|table one JSON object per fact per line, or an aligned table (default table)

generate flags:
  --format json|text  {"cards":[…]} as JSON (see docs/cards.md), or readable text (default text)
  --all               include cards held for a teacher's review (low quality score)

export flags:
  --format NAME       apkg, anki-txt, gift, moodle-xml, qti12, qti21, kahoot, blooket,
                      gimkit, quizlet, pdf, csv or json (see docs/export.md)
  --out PATH          write to PATH (default standard output)
  --name NAME         the set's name (default the first document's title)

On start, serve imports the documents embedded in the binary (seeds/) that the
database does not hold yet; a changed document is stored as a new version.
`

// newFlagSet returns a flag set that prints the program's usage on -h and
// returns errors instead of exiting.
func newFlagSet(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, usage) }
	return fs
}

// parseFlags parses args, mapping -h and bad flags to errUsage, and a
// successful -h to a nil error with done set.
func parseFlags(fs *flag.FlagSet, args []string) (done bool, err error) {
	err = fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		return true, nil
	}
	if err != nil {
		return true, errUsage
	}
	return false, nil
}
