// Command factdeck serves study cards drawn from source documents, and
// extracts facts and cards on the command line.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	_ "time/tzdata" // learners pick IANA time zones; do not depend on the host having them
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		if err != errUsage {
			fmt.Fprintln(os.Stderr, "factdeck:", err)
		}
		os.Exit(exitCode(err))
	}
}

// run is the whole program: main only supplies the process's context,
// arguments, environment and streams, so tests can call it directly.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	cmd := "serve"
	if len(args) > 0 {
		switch a := args[0]; {
		case a == "-h" || a == "-help" || a == "--help":
			cmd = "help"
		case !strings.HasPrefix(a, "-"):
			cmd, args = a, args[1:]
		}
	}
	switch cmd {
	case "serve":
		return runServe(ctx, args, getenv, stdout, stderr)
	case "facts":
		return runFacts(args, stdin, stdout, stderr)
	case "generate":
		return runGenerate(args, stdin, stdout, stderr)
	case "export":
		return runExport(args, stdin, stdout, stderr)
	case "backup":
		return runBackup(ctx, args, getenv, stdout, stderr)
	case "help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprintf(stderr, "factdeck: unknown command %q\n\n%s", cmd, usage)
	return errUsage
}
