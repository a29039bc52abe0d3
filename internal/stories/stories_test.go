package stories

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plume-seo/plume/internal/clean"
	"github.com/plume-seo/plume/internal/store"
)

// TestAssignAndRelated stores the five seeds, groups them into stories and
// asks for the stories related to 003's.
func TestAssignAndRelated(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "plume.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	paths, _ := filepath.Glob("../../testdata/seeds/00*.txt")
	if len(paths) != 5 {
		t.Fatalf("%d seeds", len(paths))
	}
	ids := map[string]int64{}
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := clean.Text(string(raw))
		if err != nil {
			t.Fatal(err)
		}
		rec, err := Source(p, doc)
		if err != nil {
			t.Fatal(err)
		}
		if rec.CleanText != Text(doc) || len(rec.CleanJSON) == 0 || rec.Name != p {
			t.Fatalf("Source(%s) = %+v", p, rec)
		}
		id, _, err := st.PutSource(ctx, rec)
		if err != nil {
			t.Fatal(err)
		}
		ids[filepath.Base(p)[:3]] = id
	}
	n, err := Assign(ctx, st)
	if err != nil || n != 5 {
		t.Fatalf("Assign = %d, %v; want the 5 sources assigned", n, err)
	}
	if n, _ := Assign(ctx, st); n != 0 {
		t.Errorf("second Assign assigned %d sources again", n)
	}
	story := func(k string) int64 {
		s, err := st.Source(ctx, ids[k])
		if err != nil {
			t.Fatal(err)
		}
		return s.StoryID
	}
	if a, b, c := story("000"), story("001"), story("002"); a != b || b != c || a == 0 {
		t.Errorf("Hafnium seeds in stories %d, %d, %d: want one", a, b, c)
	}
	if s3, s4 := story("003"), story("004"); s3 == s4 || s3 == story("000") || s4 == story("000") {
		t.Errorf("003 and 004 should be stories of their own: %d, %d", s3, s4)
	}
	rel, err := Related(st)(ctx, story("003"))
	if err != nil || len(rel) == 0 {
		t.Fatalf("Related(003) = %d sources, %v", len(rel), err)
	}
	for _, r := range rel {
		if strings.Contains(r.Name, "003_") || r.Doc == nil {
			t.Errorf("related source %q of 003's story is its own or empty", r.Name)
		}
	}
	// One rebuild for both: the same story and the same related sources.
	sid, rel2, err := AssignRelated(ctx, st, ids["003"])
	if err != nil || sid != story("003") || len(rel2) != len(rel) {
		t.Fatalf("AssignRelated(003) = story %d, %d sources, %v; want story %d, %d sources", sid, len(rel2), err, story("003"), len(rel))
	}
	for i := range rel {
		if rel[i].Name != rel2[i].Name {
			t.Errorf("related source %d: %q, Related gave %q", i, rel2[i].Name, rel[i].Name)
		}
	}
	if _, _, err := AssignRelated(ctx, st, 9999); err == nil {
		t.Error("AssignRelated of a missing source: no error")
	}
}
