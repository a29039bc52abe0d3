package stories

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/plume-seo/plume/internal/clean"
	"github.com/plume-seo/plume/internal/cluster"
	"github.com/plume-seo/plume/internal/rewrite"
	"github.com/plume-seo/plume/internal/source"
	"github.com/plume-seo/plume/internal/store"
	"github.com/plume-seo/plume/internal/write"
)

// Assign groups the store's sources into stories: the clusterer is
// rebuilt by adding every source in the order the store saw them, and the
// sources not yet in a story join their cluster's story (created when
// needed). It returns how many sources it assigned.
func Assign(ctx context.Context, st *store.Store) (int, error) {
	cl, err := build(ctx, st)
	if err != nil {
		return 0, err
	}
	return cl.assign(ctx, st)
}

// AssignRelated is [Assign] followed by the related sources of the story of
// the source sourceID, as [Related] gives them, from one rebuild of the
// clusterer. It returns that story's id.
func AssignRelated(ctx context.Context, st *store.Store, sourceID int64) (int64, []rewrite.Input, error) {
	cl, err := build(ctx, st)
	if err != nil {
		return 0, nil, err
	}
	if _, err := cl.assign(ctx, st); err != nil {
		return 0, nil, err
	}
	cl.index()
	for _, group := range cl.members {
		for _, s := range group {
			if s.ID == sourceID {
				rel, err := cl.related(s.StoryID)
				return s.StoryID, rel, err
			}
		}
	}
	return 0, nil, fmt.Errorf("source %d: %w", sourceID, store.ErrNotFound)
}

// assign gives every unassigned member its cluster's story, in the store
// and in cl.
func (cl *clusters) assign(ctx context.Context, st *store.Store) (int, error) {
	assigned := 0
	for _, cid := range cl.order {
		group := cl.members[cid]
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
		for i := range group {
			if group[i].StoryID == 0 {
				if err := st.AssignStory(ctx, group[i].ID, storyID); err != nil {
					return assigned, err
				}
				group[i].StoryID = storyID
				assigned++
			}
		}
	}
	return assigned, nil
}

// clusters is the clusterer rebuilt over every stored source, in the
// order the store saw them, with each cluster's members.
type clusters struct {
	c       *cluster.Clusterer
	members map[int64][]store.Source // by cluster story id
	order   []int64                  // cluster story ids, oldest first
	docs    map[int64]*clean.Document
	// toCluster and toStore map store story ids to cluster story ids and
	// back; filled by index.
	toCluster, toStore map[int64]int64
}

func build(ctx context.Context, st *store.Store) (*clusters, error) {
	srcs, err := st.Sources(ctx, store.SourceFilter{})
	if err != nil {
		return nil, err
	}
	c, err := cluster.New(cluster.Options{})
	if err != nil {
		return nil, err
	}
	cl := &clusters{c: c, members: map[int64][]store.Source{}, docs: map[int64]*clean.Document{}}
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

// index maps the store's stories to the clusterer's and back.
func (cl *clusters) index() {
	cl.toCluster, cl.toStore = map[int64]int64{}, map[int64]int64{}
	for cid, srcs := range cl.members {
		for _, s := range srcs {
			if s.StoryID != 0 {
				cl.toCluster[s.StoryID], cl.toStore[cid] = cid, s.StoryID
			}
		}
	}
}

// related gives the sources of the stories most related to the store's
// story storyID: two stories at most, two sources each.
func (cl *clusters) related(storyID int64) ([]rewrite.Input, error) {
	cid, ok := cl.toCluster[storyID]
	if !ok {
		return nil, nil
	}
	rel, err := cl.c.Related(cid, 2)
	if err != nil {
		return nil, err
	}
	var out []rewrite.Input
	for _, r := range rel {
		sid, ok := cl.toStore[r.StoryID]
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

// Related returns a function giving, for a story of the store, the
// sources of its most related stories (two at most, two sources each),
// ranked by the clusterer over every stored source. The index is built on
// first use, after the batch has grouped its sources, and is safe for the
// batch's concurrent workers.
func Related(st *store.Store) func(ctx context.Context, storyID int64) ([]rewrite.Input, error) {
	var (
		mu sync.Mutex
		cl *clusters
	)
	return func(ctx context.Context, storyID int64) ([]rewrite.Input, error) {
		mu.Lock()
		defer mu.Unlock()
		if cl == nil {
			built, err := build(ctx, st)
			if err != nil {
				return nil, err
			}
			built.index()
			cl = built
		}
		return cl.related(storyID)
	}
}

// Source turns a cleaned document into the store's source record.
func Source(input string, doc *clean.Document) (store.Source, error) {
	cleanJSON, err := json.Marshal(doc)
	if err != nil {
		return store.Source{}, err
	}
	src := store.Source{
		URL: doc.URL, Name: input, Title: doc.Title, Site: doc.Site, Language: doc.Language,
		CleanText: Text(doc), CleanJSON: cleanJSON,
	}
	if src.URL == "" && source.IsURL(input) {
		src.URL = input
	}
	if d, err := time.Parse("2006-01-02", doc.Date); err == nil {
		src.Date = d
	}
	return src, nil
}

// Article is the store's record of a written article: its renderings,
// scores, checks and warnings, with doc — the result itself, or the result
// with a caller's record beside it — as its JSON column. The caller sets
// the story, the run and the format.
func Article(res *rewrite.Result, doc any) (store.Article, error) {
	j, err := json.Marshal(doc)
	if err != nil {
		return store.Article{}, err
	}
	checks, err := json.Marshal(res.Checks)
	if err != nil {
		return store.Article{}, err
	}
	return store.Article{
		Markdown: res.Markdown, HTML: res.HTML, JSON: j,
		WordCount: res.WordCount, SEOScore: float64(res.SEOScore), ReadabilityScore: float64(res.ReadabilityScore),
		Checks: checks, Warnings: res.Warnings,
	}, nil
}

// Text is a cleaned document's article text, one block a line: the text
// the store deduplicates sources by.
func Text(doc *clean.Document) string {
	var b strings.Builder
	for _, bl := range doc.Blocks {
		b.WriteString(bl.Text)
		b.WriteByte('\n')
	}
	return b.String()
}
