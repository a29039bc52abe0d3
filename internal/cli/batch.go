package cli

import (
	"context"
	"fmt"
	"runtime"

	"github.com/plume-seo/plume/internal/batch"
	"github.com/plume-seo/plume/internal/rewrite"
	"github.com/plume-seo/plume/internal/store"
)

// runBatch ingests every INPUT, groups the sources into stories and writes
// one article per story into --out; the machinery is in internal/batch.
// Exit 0 when everything was written, 1 when an input or a story failed
// (the others are still written), 2 for usage errors or when the batch
// could not run.
func runBatch(ctx context.Context, args []string, io IO) int {
	fs := newFlags("batch", "batch --out DIR [--db FILE] [--format md|html|json] [--jobs N] [--min-words N] [--writer extractive|llm [--llm-url URL] [--model NAME] [--llm-timeout D]] INPUT...", io)
	out := fs.String("out", "", "folder receiving one article per story (required)")
	db := fs.String("db", "plume.db", "SQLite store file")
	format := fs.String("format", "md", "output format: md, html or json")
	jobs := fs.Int("jobs", runtime.NumCPU(), "stories rewritten at once")
	minWords := fs.Int("min-words", 0, "minimum length in words (default: the brief's, else 700)")
	lf := addLLMFlags(fs)
	pos, code, ok := parse(fs, args, io)
	if !ok {
		return code
	}
	switch {
	case *out == "":
		return fail(io, "batch: --out DIR is required")
	case batch.Formats[*format] == "":
		return fail(io, "batch: unknown --format %q (md, html or json)", *format)
	case *jobs < 1 || *jobs > 1024:
		return fail(io, "batch: --jobs %d out of range (1–1024)", *jobs)
	case *minWords < 0 || *minWords > rewrite.MaxMinWords:
		return fail(io, "batch: --min-words %d out of range (0–%d)", *minWords, rewrite.MaxMinWords)
	case len(pos) == 0:
		return fail(io, "batch: want at least one INPUT (file, folder, URL or feed)")
	}
	// The LLM server is asked for its models before anything is read or
	// stored: a wrong URL, key or model stops the batch at once.
	newWriter, err := lf.setup(ctx, fs)
	if err != nil {
		return fail(io, "batch: %v", err)
	}
	var rewriteStory func(context.Context, []rewrite.Input, rewrite.Options) (*rewrite.Result, error)
	if newWriter != nil {
		// One writer and client a story: each article accounts for its
		// own calls while stories are written in parallel.
		rewriteStory = func(ctx context.Context, in []rewrite.Input, o rewrite.Options) (*rewrite.Result, error) {
			w, err := newWriter()
			if err != nil {
				return nil, err
			}
			o.Writer = w
			return rewrite.Run(ctx, in, o)
		}
	}
	inputs, err := expandInputs(pos)
	if err != nil {
		return fail(io, "batch: %v", err)
	}
	inputs, refused := expandFeeds(ctx, inputs, io)
	st, err := store.Open(ctx, *db)
	if err != nil {
		return fail(io, "batch: %v", err)
	}
	defer st.Close()
	sum, err := batch.Run(ctx, batch.Config{
		Store: st, Inputs: inputs, Args: args, OutDir: *out, Format: *format,
		Jobs: *jobs, MinWords: *minWords, Progress: io.Err, Rewrite: rewriteStory,
		Ingest: func(ctx context.Context, in string) (store.Source, error) {
			doc, err := loadAndClean(ctx, in, io)
			if err != nil {
				return store.Source{}, err
			}
			return sourceOf(in, doc)
		},
		Related: storeRelated(st),
		Group: func(ctx context.Context, st *store.Store) error {
			_, err := clusterStore(ctx, st)
			return err
		},
	})
	if sum != nil {
		sum.WriteTable(io.Out)
	}
	if err != nil {
		// The batch could not go on (store, folder, interrupt): what is
		// written stays, and running again resumes.
		fmt.Fprintln(io.Err, "plume: "+oneLine(err.Error()))
		return ExitUsage
	}
	if !sum.OK() || refused > 0 {
		return ExitChecks
	}
	return ExitOK
}
