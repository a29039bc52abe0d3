package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"sync"

	"github.com/plume-seo/plume/internal/clean"
	"github.com/plume-seo/plume/internal/cluster"
	"github.com/plume-seo/plume/internal/rewrite"
	"github.com/plume-seo/plume/internal/source"
	"github.com/plume-seo/plume/internal/store"
	"github.com/plume-seo/plume/internal/write"
)

// clusterStore groups the store's sources into stories: the clusterer is
// rebuilt by adding every source in the order the store saw them, and the
// sources not yet in a story join their cluster's story (created when
// needed). It returns how many sources it assigned.
func clusterStore(ctx context.Context, st *store.Store) (int, error) {
	cl, err := buildClusters(ctx, st)
	if err != nil {
		return 0, err
	}
	members, order := cl.members, cl.order
	assigned := 0
	for _, cid := range order {
		group := members[cid]
		var storyID int64
		for _, s := range group {
			if s.StoryID != 0 {
				storyID = s.StoryID
				break
			}
		}
		if storyID == 0 {
			first := group[0]
			title := first.Title
			slug := write.Slug(title)
			if slug == "" {
				slug = write.Slug(source.Stem(first.Name))
			}
			if len(slug) > 80 {
				slug = strings.Trim(slug[:80], "-")
			}
			story, err := st.NewStory(ctx, store.Story{Slug: slug, Title: title})
			if err != nil {
				return assigned, err
			}
			storyID = story.ID
		}
		for _, s := range group {
			if s.StoryID == 0 {
				if err := st.AssignStory(ctx, s.ID, storyID); err != nil {
					return assigned, err
				}
				assigned++
			}
		}
	}
	return assigned, nil
}

// storeClusters is the clusterer rebuilt over every stored source, in the
// order the store saw them, with each cluster's members.
type storeClusters struct {
	c       *cluster.Clusterer
	members map[int64][]store.Source // by cluster story id
	order   []int64                  // cluster story ids, oldest first
	docs    map[int64]*clean.Document
}

func buildClusters(ctx context.Context, st *store.Store) (*storeClusters, error) {
	srcs, err := st.Sources(ctx, store.SourceFilter{})
	if err != nil {
		return nil, err
	}
	c, err := cluster.New(cluster.Options{})
	if err != nil {
		return nil, err
	}
	cl := &storeClusters{c: c, members: map[int64][]store.Source{}, docs: map[int64]*clean.Document{}}
	for _, s := range srcs {
		doc := &clean.Document{}
		if err := json.Unmarshal(s.CleanJSON, doc); err != nil {
			return nil, fmt.Errorf("source %d: %w", s.ID, err)
		}
		cl.docs[s.ID] = doc
		id, isNew := c.Add(s.ID, cluster.Extract(doc))
		if isNew {
			cl.order = append(cl.order, id)
		}
		cl.members[id] = append(cl.members[id], s)
	}
	return cl, nil
}

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

// storeRelated returns a function giving, for a story of the store, the
// sources of its most related stories (two at most, two sources each),
// ranked by the clusterer over every stored source. The index is built on
// first use, after the batch has grouped its sources, and is safe for the
// batch's concurrent workers.
func storeRelated(st *store.Store) func(ctx context.Context, storyID int64) ([]rewrite.Input, error) {
	var (
		mu        sync.Mutex
		cl        *storeClusters
		toCluster = map[int64]int64{}
		toStore   = map[int64]int64{}
	)
	return func(ctx context.Context, storyID int64) ([]rewrite.Input, error) {
		mu.Lock()
		defer mu.Unlock()
		if cl == nil {
			built, err := buildClusters(ctx, st)
			if err != nil {
				return nil, err
			}
			cl = built
			for cid, srcs := range cl.members {
				for _, s := range srcs {
					if s.StoryID != 0 {
						toCluster[s.StoryID], toStore[cid] = cid, s.StoryID
					}
				}
			}
		}
		cid, ok := toCluster[storyID]
		if !ok {
			return nil, nil
		}
		rel, err := cl.c.Related(cid, 2)
		if err != nil {
			return nil, err
		}
		var out []rewrite.Input
		for _, r := range rel {
			sid, ok := toStore[r.StoryID]
			if !ok || sid == storyID {
				continue
			}
			for i, s := range cl.members[r.StoryID] {
				if i == 2 {
					break
				}
				out = append(out, rewrite.Input{Name: s.Name, Doc: cl.docs[s.ID]})
			}
		}
		return out, nil
	}
}
