package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/plume-seo/plume/internal/store"
)

func TestIngest(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db := filepath.Join(dir, "plume.db")
	bad := filepath.Join(dir, "bad")
	if err := os.MkdirAll(bad, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(bad, "empty.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	r := run(t, "", "ingest", "--db", db, "../../testdata/seeds")
	if r.code != ExitOK || !strings.Contains(r.stdout, "5 new, 0 already stored, 0 refused") {
		t.Fatalf("first ingest: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// The same sources again, one of them by its own path: nothing new.
	r = run(t, "", "ingest", "--db", db, "../../testdata/seeds", "../../testdata/seeds/003_42884da85b922804.txt")
	if r.code != ExitOK || !strings.Contains(r.stdout, "0 new, 6 already stored") {
		t.Fatalf("second ingest: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// A bad input is reported on one line; the good ones still go in.
	r = run(t, "", "ingest", "--db", db, bad)
	if r.code != ExitUsage || !strings.Contains(r.stderr, "input is empty") || !strings.Contains(r.stdout, "1 refused") {
		t.Fatalf("bad input: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srcs, err := st.Sources(context.Background(), store.SourceFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(srcs) != 5 {
		t.Errorf("%d sources stored; want 5", len(srcs))
	}
	for _, s := range srcs {
		if s.CleanText == "" || s.Language != "fr" {
			t.Errorf("source %d: language %q, %d bytes of text", s.ID, s.Language, len(s.CleanText))
		}
	}
}

func TestStories(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "plume.db")
	if r := run(t, "", "ingest", "--db", db, "../../testdata/seeds"); r.code != ExitOK {
		t.Fatalf("ingest: exit %d %s", r.code, r.stderr)
	}
	r := run(t, "", "stories", "--db", db, "--format", "json")
	if r.code != ExitOK {
		t.Fatalf("stories: exit %d %s", r.code, r.stderr)
	}
	var rows []struct {
		ID      int64    `json:"id"`
		Sources []string `json:"sources"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rows); err != nil {
		t.Fatal(err)
	}
	var groups []string
	for _, row := range rows {
		var stems []string
		for _, s := range row.Sources {
			stems = append(stems, s[:3])
		}
		sort.Strings(stems)
		groups = append(groups, strings.Join(stems, "+"))
	}
	sort.Strings(groups)
	if got := strings.Join(groups, " "); got != "000+001+002 003 004" {
		t.Errorf("stories = %s; want 000+001+002 003 004", got)
	}
	// Stories are stable: listing again changes nothing.
	if again := run(t, "", "stories", "--db", db, "--format", "json"); again.stdout != r.stdout {
		t.Error("a second listing differs")
	}
}

// The store is a corpus too: --corpus plume.db gives the rewrite its
// context from the stored sources, the story's own left out.
func TestRewriteStoreCorpus(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "plume.db")
	if r := run(t, "", "ingest", "--db", db, "../../testdata/seeds"); r.code != ExitOK {
		t.Fatalf("ingest: %s", r.stderr)
	}
	r := run(t, "", "rewrite", "--format", "json", "--corpus", db, "../../testdata/seeds/003_42884da85b922804.txt")
	if r.code != ExitOK {
		t.Fatalf("rewrite: exit %d %s", r.code, r.stderr)
	}
	var res struct {
		Sections []struct{ Kind string }  `json:"sections"`
		Sources  []struct{ Title string } `json:"sources"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &res); err != nil {
		t.Fatal(err)
	}
	context := 0
	for _, s := range res.Sections {
		if s.Kind == "context" {
			context++
		}
	}
	if context == 0 || len(res.Sources) != 1 {
		t.Errorf("%d context sections, %d sources", context, len(res.Sources))
	}
}
