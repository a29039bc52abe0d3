package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/plume-seo/plume/internal/store"
	"github.com/plume-seo/plume/internal/stories"
)

// clusterStore, storeRelated and sourceOf are the stories package's, under
// the names the commands use.
var (
	clusterStore = stories.Assign
	storeRelated = stories.Related
	sourceOf     = stories.Source
)

// runStories lists the stories of the store with their sources.
func runStories(ctx context.Context, args []string, io IO) int {
	fs := newFlags("stories", "stories [--db FILE] [--format text|json]", io)
	db := fs.String("db", "plume.db", "SQLite store file")
	format := fs.String("format", "text", "output format: text or json")
	pos, code, ok := parse(fs, args, io)
	if !ok {
		return code
	}
	if len(pos) != 0 {
		return fail(io, "stories: takes no INPUT (run plume ingest first)")
	}
	if *format != "text" && *format != "json" {
		return fail(io, "stories: unknown --format %q (text or json)", *format)
	}
	st, err := store.Open(ctx, *db)
	if err != nil {
		return fail(io, "stories: %v", err)
	}
	defer st.Close()
	if _, err := clusterStore(ctx, st); err != nil {
		return fail(io, "stories: %v", err)
	}
	stories, err := st.Stories(ctx)
	if err != nil {
		return fail(io, "stories: %v", err)
	}
	type row struct {
		ID      int64    `json:"id"`
		Slug    string   `json:"slug"`
		Title   string   `json:"title"`
		Sources []string `json:"sources"`
	}
	var rows []row
	for _, s := range stories {
		srcs, err := st.StorySources(ctx, s.ID)
		if err != nil {
			return fail(io, "stories: %v", err)
		}
		r := row{ID: s.ID, Slug: s.Slug, Title: s.Title}
		for _, src := range srcs {
			r.Sources = append(r.Sources, filepath.Base(src.Name))
		}
		rows = append(rows, r)
	}
	if *format == "json" {
		enc := json.NewEncoder(io.Out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if rows == nil {
			rows = []row{}
		}
		if err := enc.Encode(rows); err != nil {
			return fail(io, "stories: %v", err)
		}
		return ExitOK
	}
	for _, r := range rows {
		fmt.Fprintf(io.Out, "story %d\t%s\t%d source(s): %s\n", r.ID, r.Slug, len(r.Sources), strings.Join(r.Sources, ", "))
	}
	return ExitOK
}
