// Package storetest runs a package's database tests on each engine: SQLite
// files always, and, when FACTDECK_TEST_PG holds a postgres:// URL, the same
// tests again on fresh PostgreSQL databases. A test opens its database with
// store.Open(ctx, storetest.DSN(t, path)) and never needs to know which
// engine it got.
package storetest

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

// PGEnv names the environment variable with the URL of a PostgreSQL server
// the tests may create and drop databases on.
const PGEnv = "FACTDECK_TEST_PG"

// engineEnv is set in the second run of the test binary that Main starts.
const engineEnv = "FACTDECK_TEST_ENGINE"

// Main is a TestMain: it runs the tests on SQLite, then, when PGEnv is set,
// runs the same test binary again with the same flags on PostgreSQL. With
// FACTDECK_REQUIRE_TOOLS=1 (scripts/test, CI) a missing PGEnv fails.
func Main(m *testing.M) {
	code := m.Run()
	if os.Getenv(engineEnv) != "" {
		os.Exit(code)
	}
	pg := os.Getenv(PGEnv)
	if pg == "" {
		if os.Getenv("FACTDECK_REQUIRE_TOOLS") == "1" {
			fmt.Fprintf(os.Stderr, "FAIL: %s is not set: the PostgreSQL pass cannot run (scripts/test starts a server)\n", PGEnv)
			os.Exit(1)
		}
		os.Exit(code)
	}
	fmt.Printf("=== engine postgres: running the tests again on %s\n", redact(pg))
	cmd := exec.Command(os.Args[0], os.Args[1:]...)
	cmd.Env = append(os.Environ(), engineEnv+"=postgres")
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		fmt.Printf("--- FAIL: engine postgres: %v\n", err)
		code = 1
	}
	os.Exit(code)
}

// Postgres tells whether this run of the tests is the PostgreSQL pass.
func Postgres() bool { return os.Getenv(engineEnv) == "postgres" }

// Engine names the engine of this run, for messages: "sqlite" or "postgres".
func Engine() string {
	if Postgres() {
		return "postgres"
	}
	return "sqlite"
}

// SQLiteOnly skips a test in the PostgreSQL pass: one about SQLite itself
// (pragmas, files, durability after SIGKILL, the process-local cache), or
// one that does not depend on the engine and is too slow to run twice (the
// browser tests). It ran in the SQLite pass.
func SQLiteOnly(t testing.TB) {
	t.Helper()
	if Postgres() {
		t.Skip("runs in the SQLite pass only")
	}
}

var (
	mu     sync.Mutex
	admin  *sql.DB
	byPath = map[string]string{}
	seq    int
)

// DSN returns what store.Open should open for a test that would use the
// SQLite file at path: path itself, or in the PostgreSQL pass the URL of a
// fresh database created for it and dropped when the test ends. The same
// path gives the same database, so a test may close and reopen it. A
// postgres:// URL is returned as it is.
func DSN(t testing.TB, path string) string {
	t.Helper()
	if !Postgres() || strings.HasPrefix(path, "postgres") {
		return path
	}
	mu.Lock()
	defer mu.Unlock()
	if u, ok := byPath[path]; ok {
		return u
	}
	base := os.Getenv(PGEnv)
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("%s: %v", PGEnv, err)
	}
	if admin == nil {
		if admin, err = sql.Open("pgx", base); err != nil {
			t.Fatalf("%s: %v", PGEnv, err)
		}
	}
	seq++
	name := fmt.Sprintf("factdeck_test_%d_%d", os.Getpid(), seq)
	// C collation: text compares byte by byte, as in SQLite (docs/deploy.md).
	if _, err := admin.ExecContext(context.Background(), `CREATE DATABASE `+name+
		` TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`); err != nil {
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		if _, err := admin.ExecContext(context.Background(), `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`); err != nil {
			t.Errorf("drop test database %s: %v", name, err)
		}
	})
	u.Path = "/" + name
	byPath[path] = u.String()
	return byPath[path]
}

func redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "(unparsable URL)"
	}
	return u.Redacted()
}
