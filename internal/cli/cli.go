package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	goio "io"
	"runtime/debug"
	"strings"
)

// Exit codes.
const (
	ExitOK     = 0
	ExitChecks = 1
	ExitUsage  = 2
)

// IO is where a command reads and writes.
type IO struct {
	In  goio.Reader
	Out goio.Writer
	Err goio.Writer
}

// Version is set at link time (-ldflags "-X .../cli.Version=v1.2.3");
// otherwise the module version from the build info is used.
var Version = ""

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, io IO) int
}

func commands() []command {
	return []command{
		{"clean", "find the article in raw page copy: title, byline, brief, paragraphs, what was removed and why", runClean},
		{"rewrite", "write a publish-ready French SEO article from one or more sources of a story", runRewrite},
		{"analyze", "score an article with Yoast's French SEO and readability rules and plume's own checks", runAnalyze},
		{"nlp", "show what the French kit finds in a text: sentences, tags, lemmas, noun phrases, entities, figures", runNLP},
		{"ingest", "store sources (files, folders, URLs) in the SQLite store, each once", runIngest},
		{"stories", "list the stories of the store: its sources grouped by event", runStories},
		{"batch", "write one article per story from many sources into a folder, resumably", runBatch},
		{"serve", "serve the HTTP API and the web editor", runServe},
		{"eval", "measure plume against reference data: eval clean, eval pos, eval yoast, eval rewrite", runEval},
		{"version", "print plume's version", runVersion},
	}
}

const usageHeader = `plume turns raw French news copy into publish-ready French SEO articles.

Usage:
  plume <command> [flags] INPUT...

INPUT is a file (plain text, HTML or Markdown, detected by content), "-" for
standard input, or an http(s) URL.

Commands:
`

func usage(w goio.Writer) {
	fmt.Fprint(w, usageHeader)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, "\nRun \"plume <command> --help\" for a command's flags.\n")
}

// Run runs plume with args (without the program name) and returns the exit
// code.
func Run(ctx context.Context, args []string, io IO) int {
	if len(args) == 0 {
		usage(io.Err)
		return ExitUsage
	}
	switch args[0] {
	case "-h", "--help", "-help", "help":
		usage(io.Out)
		return ExitOK
	case "--version", "-version":
		return runVersion(ctx, nil, io)
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(ctx, args[1:], io)
		}
	}
	fmt.Fprintf(io.Err, "plume: unknown command %q (run plume --help)\n", args[0])
	return ExitUsage
}

func runVersion(_ context.Context, _ []string, io IO) int {
	fmt.Fprintln(io.Out, "plume", version())
	return ExitOK
}

func version() string {
	if Version != "" {
		return Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		v := bi.Main.Version
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				return v + " (" + s.Value[:12] + ")"
			}
		}
		if v != "" {
			return v
		}
	}
	return "(devel)"
}

// newFlags makes a command's flag set, printing its usage to io.Out for
// --help and errors to io.Err.
func newFlags(name, synopsis string, io IO) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	// Parse errors are reported by parse on one line; the flag package's
	// own report (error plus full usage) is discarded.
	fs.SetOutput(goio.Discard)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: plume %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags that may come before, between or after positional
// arguments, as users of modern CLIs expect. It returns the positional
// arguments, or an exit code when parsing ended the command (--help, or an
// error already reported).
func parse(fs *flag.FlagSet, args []string, io IO) ([]string, int, bool) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fs.SetOutput(io.Out)
				fs.Usage()
				return nil, ExitOK, false
			}
			return nil, fail(io, "%s: %v (run plume %s --help)", fs.Name(), err, fs.Name()), false
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, 0, true
		}
		if rest[0] == "--" {
			return append(pos, rest[1:]...), 0, true
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// fail prints a one-line error and returns the usage exit code.
func fail(io IO, format string, a ...any) int {
	msg := fmt.Sprintf(format, a...)
	msg = strings.ReplaceAll(strings.TrimSpace(msg), "\n", " ")
	fmt.Fprintln(io.Err, "plume: "+msg)
	return ExitUsage
}
