package batch

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/plume-seo/plume/internal/clean"
	"github.com/plume-seo/plume/internal/cluster"
	"github.com/plume-seo/plume/internal/source"
	"github.com/plume-seo/plume/internal/store"
)

// seeds is the repository's seed folder: 000–002 one story, 003 and 004
// each alone.
const seeds = "../../testdata/seeds"

// seedInputs lists the seed files in name order, as the command line
// expands a folder.
func seedInputs(t testing.TB) []string {
	t.Helper()
	matches, err := filepath.Glob(filepath.Join(seeds, "*.txt"))
	if err != nil || len(matches) != 5 {
		t.Fatalf("seeds: %v, %d files", err, len(matches))
	}
	sort.Strings(matches)
	return matches
}

// testIngest loads and cleans an input the way the command line does.
func testIngest(ctx context.Context, in string) (store.Source, error) {
	raw, err := source.Load(ctx, in, source.Options{})
	if err != nil {
		return store.Source{}, err
	}
	doc, err := clean.Clean(raw)
	if err != nil {
		return store.Source{}, err
	}
	j, err := json.Marshal(doc)
	if err != nil {
		return store.Source{}, err
	}
	var text strings.Builder
	for _, b := range doc.Blocks {
		text.WriteString(b.Text + "\n")
	}
	return store.Source{Name: in, Title: doc.Title, Language: doc.Language, CleanText: text.String(), CleanJSON: j}, nil
}

// testGroup clusters the store's unassigned sources with the real
// clusterer, as the command line's clusterStore does.
func testGroup(ctx context.Context, st *store.Store) error {
	srcs, err := st.Sources(ctx, store.SourceFilter{})
	if err != nil {
		return err
	}
	c, err := cluster.New(cluster.Options{})
	if err != nil {
		return err
	}
	stories := map[int64]int64{} // cluster id → story id
	for _, s := range srcs {
		var doc clean.Document
		if err := json.Unmarshal(s.CleanJSON, &doc); err != nil {
			return err
		}
		cid, _ := c.Add(s.ID, cluster.Extract(&doc))
		if s.StoryID != 0 {
			stories[cid] = s.StoryID
			continue
		}
		sid, ok := stories[cid]
		if !ok {
			story, err := st.NewStory(ctx, store.Story{Slug: "story", Title: s.Title})
			if err != nil {
				return err
			}
			sid = story.ID
			stories[cid] = sid
		}
		if err := st.AssignStory(ctx, s.ID, sid); err != nil {
			return err
		}
	}
	return nil
}

// setup opens a fresh store and output folder and returns a config over
// the seeds.
func setup(t testing.TB) (Config, func() *store.Store) {
	t.Helper()
	dir := t.TempDir()
	db := filepath.Join(dir, "plume.db")
	open := func() *store.Store {
		st, err := store.Open(context.Background(), db)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	}
	return Config{
		Store: open(), Inputs: seedInputs(t), OutDir: filepath.Join(dir, "out"),
		Jobs: 2, Ingest: testIngest, Group: testGroup,
	}, open
}

// listDir returns the names in dir, sorted.
func listDir(t testing.TB, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names
}
