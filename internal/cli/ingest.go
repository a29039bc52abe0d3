package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/plume-seo/plume/internal/source"
	"github.com/plume-seo/plume/internal/store"
)

// runIngest cleans each INPUT — a file, every file of a folder, a URL, or
// every item of an RSS or Atom feed —
// and stores it as a source. The same source twice (same clean text, or
// same URL) is stored once. One bad input is reported and the others go
// on; the exit code is 2 when any input was refused.
func runIngest(ctx context.Context, args []string, io IO) int {
	fs := newFlags("ingest", "ingest [--db FILE] INPUT... (files, folders, URLs, RSS/Atom feeds)", io)
	db := fs.String("db", "plume.db", "SQLite store file")
	pos, code, ok := parse(fs, args, io)
	if !ok {
		return code
	}
	if len(pos) == 0 {
		return fail(io, "ingest: want at least one INPUT (file, folder or URL)")
	}
	inputs, err := expandInputs(pos)
	if err != nil {
		return fail(io, "ingest: %v", err)
	}
	inputs, refused := expandFeeds(ctx, inputs, io)
	st, err := store.Open(ctx, *db)
	if err != nil {
		return fail(io, "ingest: %v", err)
	}
	defer st.Close()
	var added, known int
	failed := refused
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return fail(io, "ingest: %v", err)
		}
		doc, err := loadAndClean(ctx, in, io)
		if err != nil {
			fmt.Fprintln(io.Err, "plume: "+oneLine(err.Error()))
			failed++
			continue
		}
		src, err := sourceOf(in, doc)
		if err != nil {
			fmt.Fprintf(io.Err, "plume: %s: %v\n", in, err)
			failed++
			continue
		}
		id, created, err := st.PutSource(ctx, src)
		if err != nil {
			return fail(io, "ingest: %s: %v", in, err)
		}
		if created {
			added++
			fmt.Fprintf(io.Out, "source %d\t%s\t%s\n", id, in, doc.Title)
		} else {
			known++
			fmt.Fprintf(io.Out, "known  %d\t%s\n", id, in)
		}
	}
	if added > 0 {
		if _, err := clusterStore(ctx, st); err != nil {
			return fail(io, "ingest: stories: %v", err)
		}
	}
	fmt.Fprintf(io.Out, "%d new, %d already stored, %d refused\n", added, known, failed)
	if failed > 0 {
		return ExitUsage
	}
	return ExitOK
}

// expandInputs replaces each folder by its regular, visible files in
// name order; files and URLs stay as they are.
func expandInputs(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		if source.IsURL(a) || a == "-" {
			out = append(out, a)
			continue
		}
		info, err := os.Stat(a)
		if err != nil || !info.IsDir() {
			out = append(out, a) // loading reports a missing file
			continue
		}
		entries, err := os.ReadDir(a)
		if err != nil {
			return nil, fmt.Errorf("cannot read folder %s: %w", a, err)
		}
		var names []string
		for _, e := range entries {
			if e.Type().IsRegular() && !strings.HasPrefix(e.Name(), ".") && !strings.EqualFold(e.Name(), "README.md") {
				names = append(names, filepath.Join(a, e.Name()))
			}
		}
		sort.Strings(names)
		out = append(out, names...)
	}
	return out, nil
}

func oneLine(s string) string { return strings.ReplaceAll(strings.TrimSpace(s), "\n", " ") }
