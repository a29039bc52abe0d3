package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"
)

// setup opens a fresh store in a temporary file and closes it at the end.
func setup(t testing.TB) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "plume.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

func knownVersion(t testing.TB) int {
	t.Helper()
	migs, err := loadMigrations(migrationFS)
	if err != nil {
		t.Fatalf("loadMigrations: %v", err)
	}
	return len(migs)
}

func TestOpenMigratesEmptyFile(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := setup(t)
	v, err := s.SchemaVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := knownVersion(t); v != want || v < 1 {
		t.Fatalf("schema version = %d, want %d", v, want)
	}
	for _, table := range []string{"schema_migrations", "sources", "stories", "articles", "runs"} {
		var n int
		if err := s.db.QueryRowContext(ctx,
			`SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?`, table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 1 {
			t.Errorf("table %s missing", table)
		}
	}
	var mode string
	if err := s.db.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil {
		t.Fatal(err)
	}
	if mode != "wal" {
		t.Errorf("journal_mode = %q, want wal", mode)
	}
	var fk int
	if err := s.db.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&fk); err != nil {
		t.Fatal(err)
	}
	if fk != 1 {
		t.Errorf("foreign_keys = %d, want 1", fk)
	}
}

func TestOpenOddPath(t *testing.T) {
	t.Parallel()
	// Characters special in URIs must reach the file system unchanged.
	path := filepath.Join(t.TempDir(), "a dir?#%", "plume 100%.db")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("Open(%q): %v", path, err)
	}
	defer s.Close()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("database not created at %q", path)
	}
}

func TestReopenIsNoop(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, path := setup(t)
	id, _, err := s.PutSource(ctx, Source{Name: "a", CleanText: "Le texte."})
	if err != nil {
		t.Fatal(err)
	}
	before := migrationRows(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ {
		s2, err := Open(ctx, path)
		if err != nil {
			t.Fatalf("reopen %d: %v", i, err)
		}
		if after := migrationRows(t, s2); after != before {
			t.Errorf("reopen %d changed schema_migrations:\n%s\nwant\n%s", i, after, before)
		}
		if _, err := s2.Source(ctx, id); err != nil {
			t.Errorf("reopen %d lost source: %v", i, err)
		}
		s2.Close()
	}
}

func migrationRows(t *testing.T, s *Store) string {
	t.Helper()
	rows, err := s.db.Query(`SELECT version, name, applied_at FROM schema_migrations ORDER BY version`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var (
			v       int
			n, when string
		)
		if err := rows.Scan(&v, &n, &when); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%d %s %s\n", v, n, when)
	}
	return b.String()
}

func TestRefusesNewerSchema(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, path := setup(t)
	future := knownVersion(t) + 1
	if _, err := s.db.Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'future', 'x')`, future); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2, err := Open(ctx, path)
	if err == nil {
		s2.Close()
		t.Fatal("Open accepted a database from a newer plume")
	}
	if !errors.Is(err, ErrSchemaTooNew) {
		t.Fatalf("err = %v, want ErrSchemaTooNew", err)
	}
	if !strings.Contains(err.Error(), fmt.Sprint(future)) {
		t.Errorf("error %q does not name the file's version %d", err, future)
	}
}

func TestLoadMigrations(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		files   []string
		want    []int
		wantErr bool
	}{
		{"ordered", []string{"002_b.sql", "001_a.sql", "010_j.sql"}, nil, true}, // gap 3..9
		{"contiguous", []string{"002_b.sql", "001_a.sql", "003_c.sql"}, []int{1, 2, 3}, false},
		{"no name", []string{"001.sql"}, nil, true},
		{"not a number", []string{"abc_x.sql"}, nil, true},
		{"zero", []string{"000_x.sql"}, nil, true},
		{"duplicate", []string{"001_a.sql", "001_b.sql"}, nil, true},
		{"empty", nil, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for _, f := range tt.files {
				fsys["migrations/"+f] = &fstest.MapFile{Data: []byte("SELECT 1;")}
			}
			migs, err := loadMigrations(fsys)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			var got []int
			for _, m := range migs {
				got = append(got, m.version)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("versions = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestPutSourceRoundTrip(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := setup(t)
	date := time.Date(2024, 3, 5, 14, 30, 0, 0, time.FixedZone("CET", 3600))
	in := Source{
		URL: "https://example.fr/a", Name: "000", Title: "Titre", Site: "Le Site",
		Date: date, Language: "fr", CleanText: "Un texte propre, accentué.",
		CleanJSON: json.RawMessage(`{"title":"Titre"}`), FactsJSON: json.RawMessage(`[1,2]`),
		ContentHash: "ignored", StoryID: 99,
	}
	id, created, err := s.PutSource(ctx, in)
	if err != nil || !created || id == 0 {
		t.Fatalf("PutSource = %d, %v, %v", id, created, err)
	}
	got, err := s.Source(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if got.ContentHash != ContentHash(in.CleanText) || len(got.ContentHash) != 64 {
		t.Errorf("hash = %q", got.ContentHash)
	}
	if !got.Date.Equal(date) {
		t.Errorf("date = %v, want %v", got.Date, date)
	}
	if got.StoryID != 0 {
		t.Errorf("story = %d, want 0 (PutSource must not assign)", got.StoryID)
	}
	if got.CreatedAt.IsZero() {
		t.Error("created_at not set")
	}
	if got.URL != in.URL || got.Name != in.Name || got.Title != in.Title || got.Site != in.Site ||
		got.Language != in.Language || got.CleanText != in.CleanText ||
		string(got.CleanJSON) != string(in.CleanJSON) || string(got.FactsJSON) != string(in.FactsJSON) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, in)
	}
	if _, err := s.Source(ctx, id+1); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing source err = %v, want ErrNotFound", err)
	}
}

func TestPutSourceIdempotent(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		first, then Source
		same        bool
	}{
		{"same text, no URL", Source{CleanText: "A"}, Source{CleanText: "A"}, true},
		{"same text, other URL", Source{CleanText: "A", URL: "u1"}, Source{CleanText: "A", URL: "u2"}, true},
		{"same URL, other text", Source{CleanText: "A", URL: "u1"}, Source{CleanText: "B", URL: "u1"}, true},
		{"other text, no URLs", Source{CleanText: "A"}, Source{CleanText: "B"}, false},
		{"other text, other URLs", Source{CleanText: "A", URL: "u1"}, Source{CleanText: "B", URL: "u2"}, false},
		{"text differs by one space", Source{CleanText: "A B"}, Source{CleanText: "A  B"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			s, _ := setup(t)
			id1, c1, err := s.PutSource(ctx, tt.first)
			if err != nil || !c1 {
				t.Fatalf("first put = %d, %v, %v", id1, c1, err)
			}
			id2, c2, err := s.PutSource(ctx, tt.then)
			if err != nil {
				t.Fatal(err)
			}
			if got := id1 == id2; got != tt.same || c2 == tt.same {
				t.Errorf("ids %d,%d created=%v; want same=%v", id1, id2, c2, tt.same)
			}
			all, err := s.Sources(ctx, SourceFilter{})
			if err != nil {
				t.Fatal(err)
			}
			want := 2
			if tt.same {
				want = 1
			}
			if len(all) != want {
				t.Errorf("%d sources stored, want %d", len(all), want)
			}
			if tt.same && all[0].CleanText != tt.first.CleanText {
				t.Errorf("duplicate overwrote the first source: %q", all[0].CleanText)
			}
		})
	}
}

func TestPutSourceRejects(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := setup(t)
	for _, src := range []Source{
		{Name: "empty"},
		{Name: "blank", CleanText: " \n\t"},
		{Name: "bad clean json", CleanText: "x", CleanJSON: json.RawMessage(`{`)},
		{Name: "bad facts json", CleanText: "y", FactsJSON: json.RawMessage(`nope`)},
	} {
		if _, _, err := s.PutSource(ctx, src); err == nil {
			t.Errorf("PutSource(%s) accepted", src.Name)
		}
	}
	if all, _ := s.Sources(ctx, SourceFilter{}); len(all) != 0 {
		t.Errorf("%d sources stored after rejections", len(all))
	}
}

func TestSourcesFilter(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := setup(t)
	var ids []int64
	for i := 0; i < 5; i++ {
		id, _, err := s.PutSource(ctx, Source{CleanText: fmt.Sprint("text ", i), URL: fmt.Sprint("u", i)})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	st, err := s.NewStory(ctx, Story{Slug: "s"})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids[:2] {
		if err := s.AssignStory(ctx, id, st.ID); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name string
		f    SourceFilter
		want []int64
	}{
		{"all", SourceFilter{}, ids},
		{"story", SourceFilter{StoryID: st.ID}, ids[:2]},
		{"unassigned", SourceFilter{Unassigned: true}, ids[2:]},
		{"url", SourceFilter{URL: "u3"}, ids[3:4]},
		{"page", SourceFilter{AfterID: ids[1], Limit: 2}, ids[2:4]},
	}
	for _, tt := range tests {
		got, err := s.Sources(ctx, tt.f)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		var gotIDs []int64
		for _, src := range got {
			gotIDs = append(gotIDs, src.ID)
		}
		if fmt.Sprint(gotIDs) != fmt.Sprint(tt.want) {
			t.Errorf("%s: ids %v, want %v", tt.name, gotIDs, tt.want)
		}
	}
}

func TestStories(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := setup(t)
	a, err := s.NewStory(ctx, Story{Slug: "panne-rer", Title: "Panne du RER"})
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.NewStory(ctx, Story{Slug: "panne-rer", Title: "Autre panne"})
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.NewStory(ctx, Story{Slug: "panne-rer"})
	if err != nil {
		t.Fatal(err)
	}
	if a.Slug != "panne-rer" || b.Slug != "panne-rer-2" || c.Slug != "panne-rer-3" {
		t.Errorf("slugs %q %q %q", a.Slug, b.Slug, c.Slug)
	}
	if _, err := s.NewStory(ctx, Story{Title: "no slug"}); err == nil {
		t.Error("NewStory accepted an empty slug")
	}

	var src []int64
	for i := 0; i < 4; i++ {
		id, _, err := s.PutSource(ctx, Source{CleanText: fmt.Sprint("dépêche ", i)})
		if err != nil {
			t.Fatal(err)
		}
		src = append(src, id)
	}
	s.now = func() time.Time { return time.Now().Add(time.Hour) }
	for _, id := range src[:3] {
		if err := s.AssignStory(ctx, id, a.ID); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.AssignStory(ctx, src[3], b.ID); err != nil {
		t.Fatal(err)
	}
	// Moving a source between stories updates both counts.
	if err := s.AssignStory(ctx, src[2], b.ID); err != nil {
		t.Fatal(err)
	}
	list, err := s.Stories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	for _, st := range list {
		counts[st.Slug] = st.SourceCount
	}
	if want := map[string]int{"panne-rer": 2, "panne-rer-2": 2, "panne-rer-3": 0}; fmt.Sprint(counts) != fmt.Sprint(want) {
		t.Errorf("counts = %v, want %v", counts, want)
	}
	got, err := s.Story(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !got.UpdatedAt.After(a.UpdatedAt) {
		t.Errorf("updated_at %v not after creation %v", got.UpdatedAt, a.UpdatedAt)
	}
	members, err := s.StorySources(ctx, b.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(members) != 2 || members[0].ID != src[2] || members[1].ID != src[3] {
		t.Errorf("story b sources = %+v", members)
	}
	if _, err := s.StorySources(ctx, 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("StorySources(missing) err = %v", err)
	}
	if err := s.AssignStory(ctx, 999, a.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("assign missing source err = %v", err)
	}
	if err := s.AssignStory(ctx, src[0], 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("assign to missing story err = %v", err)
	}
	if _, err := s.Story(ctx, 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("Story(missing) err = %v", err)
	}
}

func TestArticlesRoundTrip(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := setup(t)
	st, err := s.NewStory(ctx, Story{Slug: "s"})
	if err != nil {
		t.Fatal(err)
	}
	run, err := s.StartRun(ctx, "batch", []string{"--out", "x"})
	if err != nil {
		t.Fatal(err)
	}
	in := Article{
		StoryID: st.ID, RunID: run, Format: "markdown", Markdown: "# Titre\n\nCorps.",
		HTML: "<h1>Titre</h1>", JSON: json.RawMessage(`{"h1":"Titre"}`), WordCount: 2,
		SEOScore: 87.5, ReadabilityScore: 61.25, Checks: json.RawMessage(`[{"id":"seo.title","ok":true}]`),
		Warnings: []string{"chiffre non attribué", "date floue"},
	}
	id, err := s.PutArticle(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	second, err := s.PutArticle(ctx, Article{StoryID: st.ID, Format: "html"})
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Article(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	in.ID, in.CreatedAt = id, got.CreatedAt
	if got.CreatedAt.IsZero() {
		t.Error("created_at not set")
	}
	if fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", in) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, in)
	}
	list, err := s.Articles(ctx, st.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].ID != id || list[1].ID != second || list[1].RunID != 0 || len(list[1].Warnings) != 0 {
		t.Errorf("Articles = %+v", list)
	}
	if _, err := s.Article(ctx, 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("Article(missing) err = %v", err)
	}
	for _, bad := range []Article{
		{StoryID: 999},
		{StoryID: st.ID, RunID: 999},
		{StoryID: st.ID, JSON: json.RawMessage(`{`)},
	} {
		if _, err := s.PutArticle(ctx, bad); err == nil {
			t.Errorf("PutArticle(%+v) accepted", bad)
		}
	}
	if list, _ := s.Articles(ctx, st.ID); len(list) != 2 {
		t.Errorf("%d articles after rejected puts, want 2", len(list))
	}
	other, err := s.NewStory(ctx, Story{Slug: "autre"})
	if err != nil {
		t.Fatal(err)
	}
	third, err := s.PutArticle(ctx, Article{StoryID: other.ID, Format: "json"})
	if err != nil {
		t.Fatal(err)
	}
	recent, err := s.RecentArticles(ctx, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(recent) != 2 || recent[0].ID != third || recent[1].ID != second {
		t.Errorf("RecentArticles(2) = %+v, want articles %d then %d", recent, third, second)
	}
	if all, _ := s.RecentArticles(ctx, 0); len(all) != 3 || all[2].ID != id {
		t.Errorf("RecentArticles(0) = %d articles, want 3 ending with %d", len(all), id)
	}
}

func TestRuns(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := setup(t)
	ok, err := s.StartRun(ctx, "batch", []string{"--out", "out", "seeds/"})
	if err != nil {
		t.Fatal(err)
	}
	bad, err := s.StartRun(ctx, "ingest", nil)
	if err != nil {
		t.Fatal(err)
	}
	r, err := s.Run(ctx, ok)
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != RunRunning || !r.FinishedAt.IsZero() || r.Kind != "batch" || fmt.Sprint(r.Args) != "[--out out seeds/]" {
		t.Errorf("started run = %+v", r)
	}
	if err := s.FinishRun(ctx, ok, RunDone, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.FinishRun(ctx, bad, RunFailed, errors.New("flux illisible")); err != nil {
		t.Fatal(err)
	}
	r, _ = s.Run(ctx, ok)
	if r.Status != RunDone || r.FinishedAt.Before(r.StartedAt) || r.FinishedAt.IsZero() || r.Error != "" {
		t.Errorf("done run = %+v", r)
	}
	r, _ = s.Run(ctx, bad)
	if r.Status != RunFailed || r.Error != "flux illisible" || len(r.Args) != 0 {
		t.Errorf("failed run = %+v", r)
	}
	if err := s.FinishRun(ctx, ok, RunFailed, nil); !errors.Is(err, ErrRunFinished) {
		t.Errorf("double finish err = %v, want ErrRunFinished", err)
	}
	if r, _ := s.Run(ctx, ok); r.Status != RunDone {
		t.Errorf("double finish changed status to %s", r.Status)
	}
	if err := s.FinishRun(ctx, 999, RunDone, nil); !errors.Is(err, ErrNotFound) {
		t.Errorf("finish missing run err = %v", err)
	}
	if err := s.FinishRun(ctx, bad, RunRunning, nil); err == nil {
		t.Error("FinishRun accepted status running")
	}
	if _, err := s.StartRun(ctx, "", nil); err == nil {
		t.Error("StartRun accepted an empty kind")
	}
}

// TestWriteRollsBack makes the last step of a multi-statement write fail and
// checks that the earlier steps left no trace.
func TestWriteRollsBack(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := setup(t)
	keep, _, err := s.PutSource(ctx, Source{CleanText: "déjà là"})
	if err != nil {
		t.Fatal(err)
	}
	err = s.write(ctx, "test", func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx,
			`INSERT INTO stories (slug, title, created_at, updated_at) VALUES ('tmp', '', 'x', 'x')`); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE sources SET title = 'changé' WHERE id = ?`, keep); err != nil {
			return err
		}
		// Same hash as the first source: the UNIQUE constraint fails.
		_, err := tx.ExecContext(ctx, `INSERT INTO sources (content_hash, clean_text, created_at) VALUES (?, 'x', 'x')`,
			ContentHash("déjà là"))
		return err
	})
	if err == nil {
		t.Fatal("write with a failing step succeeded")
	}
	if list, _ := s.Stories(ctx); len(list) != 0 {
		t.Errorf("story from the failed write survived: %+v", list)
	}
	if src, _ := s.Source(ctx, keep); src.Title != "" {
		t.Errorf("update from the failed write survived: title %q", src.Title)
	}
	if all, _ := s.Sources(ctx, SourceFilter{}); len(all) != 1 {
		t.Errorf("%d sources, want 1", len(all))
	}

	// A callback error that is not SQL's also rolls back.
	boom := errors.New("boom")
	err = s.write(ctx, "test", func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM sources`); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want boom", err)
	}
	if all, _ := s.Sources(ctx, SourceFilter{}); len(all) != 1 {
		t.Errorf("delete from the failed write survived: %d sources", len(all))
	}

	// At the API level: assigning to a missing story leaves the source alone.
	if err := s.AssignStory(ctx, keep, 12345); err == nil {
		t.Fatal("assign to missing story succeeded")
	}
	if src, _ := s.Source(ctx, keep); src.StoryID != 0 {
		t.Errorf("failed assign left story_id %d", src.StoryID)
	}
}

// TestConcurrentWriters hammers PutSource from goroutines on two Stores over
// the same file (as two processes would): no error, every text stored once.
func TestConcurrentWriters(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s1, path := setup(t)
	s2, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	const (
		workers  = 8
		perWork  = 50
		distinct = 150
	)
	var (
		wg      sync.WaitGroup
		mu      sync.Mutex
		idOf    = map[int]int64{}
		created int
		errs    []error
	)
	for w := 0; w < workers; w++ {
		st := s1
		if w%2 == 1 {
			st = s2
		}
		wg.Add(1)
		go func(w int, st *Store) {
			defer wg.Done()
			for i := 0; i < perWork; i++ {
				k := (w*perWork + i*7) % distinct
				src := Source{CleanText: fmt.Sprintf("dépêche numéro %d", k)}
				if k%3 == 0 {
					src.URL = fmt.Sprintf("https://example.fr/%d", k)
				}
				id, c, err := st.PutSource(ctx, src)
				mu.Lock()
				if err != nil {
					errs = append(errs, err)
				} else {
					if prev, ok := idOf[k]; ok && prev != id {
						errs = append(errs, fmt.Errorf("text %d stored as %d and %d", k, prev, id))
					}
					idOf[k] = id
					if c {
						created++
					}
				}
				mu.Unlock()
			}
		}(w, st)
	}
	wg.Wait()
	for _, err := range errs {
		t.Error(err)
	}
	all, err := s1.Sources(ctx, SourceFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != len(idOf) || created != len(idOf) {
		t.Errorf("%d rows, %d created, %d distinct texts written", len(all), created, len(idOf))
	}
	seen := map[string]bool{}
	for _, src := range all {
		if seen[src.ContentHash] {
			t.Errorf("duplicate hash %s", src.ContentHash)
		}
		seen[src.ContentHash] = true
	}
}

// TestReadDuringWrite holds a write transaction open on one Store and checks
// that a second Store on the same file still reads, without waiting, the last
// committed state (WAL), then sees the write once committed.
func TestReadDuringWrite(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	writer, path := setup(t)
	if _, _, err := writer.PutSource(ctx, Source{CleanText: "committed"}); err != nil {
		t.Fatal(err)
	}
	reader, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()

	tx, err := writer.db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx,
		`INSERT INTO sources (content_hash, clean_text, created_at) VALUES ('h', 'pending', '2024-01-01T00:00:00Z')`); err != nil {
		t.Fatal(err)
	}
	// Under a rollback journal the read would block on the writer's lock
	// until the busy timeout; a short deadline makes that a failure.
	rctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	start := time.Now()
	all, err := reader.Sources(rctx, SourceFilter{})
	if err != nil {
		t.Fatalf("read during write: %v", err)
	}
	if len(all) != 1 || all[0].CleanText != "committed" {
		t.Errorf("reader saw %d sources during the write, want only the committed one", len(all))
	}
	t.Logf("read during write took %v", time.Since(start))

	// The converse also holds under WAL only: a reader in the middle of a
	// query keeps its snapshot and does not stop the writer from committing.
	rows, err := reader.db.QueryContext(ctx, `SELECT clean_text FROM sources ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	if !rows.Next() {
		t.Fatal("reader cursor is empty")
	}
	start = time.Now()
	if err := tx.Commit(); err != nil {
		t.Fatalf("commit while a reader is mid-query: %v", err)
	}
	if d := time.Since(start); d > busyTimeout/2 {
		t.Errorf("commit waited %v for the reader", d)
	}
	seen := 1
	for rows.Next() {
		seen++
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if seen != 1 {
		t.Errorf("reader's snapshot saw %d rows, want 1 (the state when its query began)", seen)
	}
	rows.Close()
	if all, err := reader.Sources(ctx, SourceFilter{}); err != nil || len(all) != 2 {
		t.Errorf("reader saw %d sources after commit (err %v), want 2", len(all), err)
	}
}
