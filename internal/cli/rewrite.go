package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/plume-seo/plume/internal/clean"
	"github.com/plume-seo/plume/internal/llm"
	"github.com/plume-seo/plume/internal/rewrite"
	"github.com/plume-seo/plume/internal/store"
	"github.com/plume-seo/plume/internal/write"
)

func runRewrite(ctx context.Context, args []string, io IO) int {
	fs := newFlags("rewrite", "rewrite [--format md|html|json] [--keyphrase K] [--min-words N] [--writer extractive|llm [--llm-url URL] [--model NAME] [--llm-timeout D]] [--corpus DIR] [--strict] [-o FILE] INPUT [INPUT...]", io)
	format := fs.String("format", "md", "output format: md, html or json")
	kp := fs.String("keyphrase", "", "focus keyphrase (default: chosen from the sources)")
	minWords := fs.Int("min-words", 0, "minimum length in words (default: the brief's, else 700)")
	lf := addLLMFlags(fs)
	corpus := fs.String("corpus", "", "related articles, for context and links: a folder, or a plume store (plume.db)")
	strict := fs.Bool("strict", false, "exit 1 when the article misses the length asked or a fact check fails")
	out := fs.String("o", "", "write the article to FILE (atomically) instead of standard output")
	pos, code, ok := parse(fs, args, io)
	if !ok {
		return code
	}
	switch {
	case *format != "md" && *format != "html" && *format != "json":
		return fail(io, "rewrite: unknown --format %q (md, html or json)", *format)
	case *minWords < 0 || *minWords > rewrite.MaxMinWords:
		return fail(io, "rewrite: --min-words %d out of range (0–%d)", *minWords, rewrite.MaxMinWords)
	case len(pos) == 0:
		return fail(io, "rewrite: want at least one INPUT (run plume rewrite --help)")
	}
	newWriter, err := lf.setup(ctx, fs)
	if err != nil {
		return fail(io, "rewrite: %v", err)
	}
	var w write.Writer
	if newWriter != nil {
		if w, err = newWriter(); err != nil {
			return fail(io, "rewrite: %v", err)
		}
	}
	var inputs []rewrite.Input
	seen := map[string]bool{}
	for _, in := range pos {
		doc, err := loadAndClean(ctx, in, io)
		if err != nil {
			return fail(io, "%v", err)
		}
		inputs = append(inputs, rewrite.Input{Name: in, Doc: doc})
		seen[blocksText(doc)] = true
	}
	var related []rewrite.Input
	if *corpus != "" {
		var err error
		if info, serr := os.Stat(*corpus); serr == nil && info.Mode().IsRegular() {
			related, err = storeCorpus(ctx, *corpus, seen)
		} else {
			related, err = loadCorpus(ctx, *corpus, seen, io)
		}
		if err != nil {
			return fail(io, "rewrite: --corpus: %v", err)
		}
	}
	res, err := rewrite.Run(ctx, inputs, rewrite.Options{Keyphrase: *kp, MinWords: *minWords, Related: related, Writer: w})
	if err != nil {
		return fail(io, "%v", err)
	}
	var buf bytes.Buffer
	switch *format {
	case "json":
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(res); err != nil {
			return fail(io, "rewrite: %v", err)
		}
	case "html":
		buf.WriteString(res.HTML)
	default:
		buf.WriteString(res.Markdown)
	}
	if *out != "" {
		if err := writeAtomic(*out, buf.Bytes()); err != nil {
			return fail(io, "rewrite: %v", err)
		}
	} else if _, err := io.Out.Write(buf.Bytes()); err != nil {
		return fail(io, "rewrite: %v", err)
	}
	for _, w := range res.Warnings {
		fmt.Fprintln(io.Err, "plume: warning: "+w)
	}
	if *strict && (len(res.Warnings) > 0 || !res.Fidelity.OK()) {
		return ExitChecks
	}
	return ExitOK
}

// llmSlots bounds the model calls in flight of one plume process.
const llmSlots = 4

// llmFlags are the LLM writer's flags, defined once for every command that
// writes articles (rewrite, batch).
type llmFlags struct {
	writer, url, model *string
	timeout            *time.Duration
}

func addLLMFlags(fs *flag.FlagSet) *llmFlags {
	return &llmFlags{
		writer:  fs.String("writer", "extractive", "writer: extractive (offline) or llm (an OpenAI-compatible server)"),
		url:     fs.String("llm-url", "", "OpenAI-compatible API base URL, with --writer llm (default $PLUME_LLM_URL, else Ollama's http://localhost:11434/v1)"),
		model:   fs.String("model", "", "model name, with --writer llm (default $PLUME_LLM_MODEL)"),
		timeout: fs.Duration("llm-timeout", 0, "timeout of one model call, with --writer llm (default 120s)"),
	}
}

// setup checks the flags once fs is parsed and, for --writer llm, asks the
// server for its models — an unreachable server, a wrong key or an unknown
// model is said before any work. It returns a maker of LLM writers, each
// with its own client (so that each article accounts for its own calls)
// over one HTTP client, or nil for the offline writer. Errors are one line.
func (f *llmFlags) setup(ctx context.Context, fs *flag.FlagSet) (func() (write.Writer, error), error) {
	switch *f.writer {
	case "extractive":
		var set []string
		fs.Visit(func(fl *flag.Flag) {
			if fl.Name == "llm-url" || fl.Name == "model" || fl.Name == "llm-timeout" {
				set = append(set, "--"+fl.Name)
			}
		})
		if len(set) > 0 {
			return nil, fmt.Errorf("%s needs --writer llm", strings.Join(set, ", "))
		}
		return nil, nil
	case "llm":
	default:
		return nil, fmt.Errorf("unknown --writer %q (extractive or llm)", *f.writer)
	}
	if *f.timeout < 0 {
		return nil, fmt.Errorf("--llm-timeout %v must be positive", *f.timeout)
	}
	cfg := llm.FromEnv(os.Getenv)
	if *f.url != "" {
		cfg.URL = *f.url
	}
	if *f.model != "" {
		cfg.Model = *f.model
	}
	cfg.Timeout = *f.timeout
	cfg.HTTPClient = &http.Client{}
	client, err := llm.New(cfg)
	if err != nil {
		return nil, fmt.Errorf("--writer llm: %v", err)
	}
	if err := client.Probe(ctx); err != nil {
		return nil, fmt.Errorf("--writer llm: %v", err)
	}
	// The writers made share their call slots: articles written at once
	// (batch jobs, server requests) send the server at most llmSlots calls
	// together, as one article does.
	slots := make(chan struct{}, llmSlots)
	return func() (write.Writer, error) {
		c, err := llm.New(cfg)
		if err != nil {
			return nil, fmt.Errorf("--writer llm: %v", err)
		}
		return &write.LLM{Client: c, Slots: slots}, nil
	}, nil
}

// loadCorpus cleans every readable file of dir, skipping the story's own
// sources. A file that cannot be cleaned is skipped with a warning: one bad
// related article must not stop the rewrite.
func loadCorpus(ctx context.Context, dir string, skip map[string]bool, io IO) ([]rewrite.Input, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", dir, err)
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	var out []rewrite.Input
	for _, e := range entries {
		if e.IsDir() || strings.HasPrefix(e.Name(), ".") || strings.EqualFold(e.Name(), "README.md") {
			continue
		}
		path := filepath.Join(dir, e.Name())
		doc, err := loadAndClean(ctx, path, io)
		if err != nil {
			fmt.Fprintf(io.Err, "plume: warning: corpus: %v\n", err)
			continue
		}
		if skip[blocksText(doc)] {
			continue
		}
		out = append(out, rewrite.Input{Name: path, Doc: doc})
	}
	return out, nil
}

// storeCorpus reads the sources of a plume store as related articles:
// the store seen as a corpus. The story's own sources are skipped.
func storeCorpus(ctx context.Context, path string, skip map[string]bool) ([]rewrite.Input, error) {
	st, err := store.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	srcs, err := st.Sources(ctx, store.SourceFilter{})
	if err != nil {
		return nil, err
	}
	var out []rewrite.Input
	for _, s := range srcs {
		var doc clean.Document
		if err := json.Unmarshal(s.CleanJSON, &doc); err != nil {
			return nil, fmt.Errorf("source %d: %w", s.ID, err)
		}
		if skip[blocksText(&doc)] {
			continue
		}
		out = append(out, rewrite.Input{Name: s.Name, Doc: &doc})
	}
	return out, nil
}

// writeAtomic writes data to path through a temporary file in the same
// folder, renamed into place: a reader never sees a partial file, and a
// failure leaves any previous file untouched.
func writeAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	tmp := f.Name()
	_, werr := f.Write(data)
	serr := f.Sync()
	cerr := f.Close()
	if err := firstErr(werr, serr, cerr); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	return nil
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
