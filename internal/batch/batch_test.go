package batch

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/plume-seo/plume/internal/article"
	"github.com/plume-seo/plume/internal/rewrite"
	"github.com/plume-seo/plume/internal/store"
)

// wantFiles are the seeds' stories: {000, 001, 002} named after 000, then
// 003 and 004 alone.
var wantFiles = []string{"000_0d69b5ed976f889e.md", "003_42884da85b922804.md", "004_1ac107a302d2e3f1.md"}

func TestRunSeedsResume(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	cfg, _ := setup(t)
	bad := filepath.Join(t.TempDir(), "empty.txt")
	if err := os.WriteFile(bad, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	cfg.Inputs = append([]string{bad}, cfg.Inputs...)
	var prog bytes.Buffer
	cfg.Progress = &prog

	// First run: the bad input is reported, the three stories written.
	sum, err := Run(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if got := listDir(t, cfg.OutDir); !reflect.DeepEqual(got, wantFiles) {
		t.Fatalf("files %v; want %v", got, wantFiles)
	}
	if len(sum.InputFailures) != 1 || sum.InputFailures[0].Input != bad || sum.InputFailures[0].Reason == "" {
		t.Errorf("input failures %+v; want the empty file with a reason", sum.InputFailures)
	}
	if sum.OK() || sum.Count(Written) != 3 || sum.Sources != 5 {
		t.Errorf("first run: ok %v, %d written, %d sources; want not ok, 3, 5", sum.OK(), sum.Count(Written), sum.Sources)
	}
	if sum.Items[0].Sources != 3 {
		t.Errorf("story of 000 has %d sources; want 3", sum.Items[0].Sources)
	}
	for _, it := range sum.Items {
		if it.Words <= 0 || it.Checks == 0 {
			t.Errorf("%s: %d words, %d checks", it.File, it.Words, it.Checks)
		}
		b, err := os.ReadFile(filepath.Join(cfg.OutDir, it.File))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := article.ParseMarkdown(b); err != nil {
			t.Errorf("%s: %v", it.File, err)
		}
	}
	if lines := strings.Count(prog.String(), "\n"); lines != 3 || !strings.Contains(prog.String(), "[3/3] ") || strings.Contains(prog.String(), "\r") {
		t.Errorf("progress lines:\n%s", prog.String())
	}
	mtimes := modTimes(t, cfg.OutDir)
	arts := articleCount(t, cfg.Store, sum)

	// Second run, good inputs only: nothing written, everything done.
	cfg.Inputs = cfg.Inputs[1:]
	sum2, err := Run(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if !sum2.OK() || sum2.Count(Done) != 3 || sum2.Count(Written) != 0 {
		t.Errorf("second run: %+v; want 3 done", sum2.Items)
	}
	if got := modTimes(t, cfg.OutDir); !reflect.DeepEqual(got, mtimes) {
		t.Errorf("second run touched files: %v → %v", mtimes, got)
	}
	if got := articleCount(t, cfg.Store, sum); got != arts {
		t.Errorf("second run stored articles: %d → %d", arts, got)
	}
	if sum2.Items[1].Words != sum.Items[1].Words {
		t.Errorf("done story reports %d words; want the stored %d", sum2.Items[1].Words, sum.Items[1].Words)
	}

	// A deleted output is redone alone.
	if err := os.Remove(filepath.Join(cfg.OutDir, wantFiles[1])); err != nil {
		t.Fatal(err)
	}
	sum3, err := Run(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	var statuses []Status
	for _, it := range sum3.Items {
		statuses = append(statuses, it.Status)
	}
	if want := []Status{Done, Written, Done}; !reflect.DeepEqual(statuses, want) {
		t.Errorf("after deleting %s: %v; want %v", wantFiles[1], statuses, want)
	}
	if got := listDir(t, cfg.OutDir); !reflect.DeepEqual(got, wantFiles) {
		t.Errorf("files %v; want %v (no temp file)", got, wantFiles)
	}
	// The runs are recorded, the first as failed (a refused input).
	for i, s := range []*Summary{sum, sum2, sum3} {
		r, err := cfg.Store.Run(ctx, s.RunID)
		if err != nil {
			t.Fatal(err)
		}
		want := store.RunDone
		if i == 0 {
			want = store.RunFailed
		}
		if r.Status != want || r.Kind != "batch" {
			t.Errorf("run %d: %s %s; want batch %s", i, r.Kind, r.Status, want)
		}
	}
}

func TestChangedSourcesRedone(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	cfg, _ := setup(t)
	cfg.Inputs = cfg.Inputs[3:] // 003 and 004
	if _, err := Run(ctx, cfg); err != nil {
		t.Fatal(err)
	}
	// Another format is another output: written, the .md files kept.
	cfg.Format = "json"
	sum, err := Run(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Count(Written) != 2 {
		t.Errorf("json run: %+v; want 2 written", sum.Items)
	}
	want := []string{"003_42884da85b922804.json", "003_42884da85b922804.md", "004_1ac107a302d2e3f1.json", "004_1ac107a302d2e3f1.md"}
	if got := listDir(t, cfg.OutDir); !reflect.DeepEqual(got, want) {
		t.Errorf("files %v; want %v", got, want)
	}
}

func TestFailedStoryOthersWritten(t *testing.T) {
	t.Parallel()
	cfg, _ := setup(t)
	cfg.Rewrite = func(ctx context.Context, in []rewrite.Input, o rewrite.Options) (*rewrite.Result, error) {
		if strings.Contains(in[0].Name, "003_") {
			return nil, errors.New("writer\nexploded")
		}
		return rewrite.Run(ctx, in, o)
	}
	sum, err := Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if sum.OK() || sum.Count(Failed) != 1 || sum.Count(Written) != 2 {
		t.Fatalf("%+v; want one failed, two written", sum.Items)
	}
	if it := sum.Items[1]; it.Status != Failed || it.Reason != "writer exploded" {
		t.Errorf("failed item %+v; want the reason on one line", it)
	}
	if got := listDir(t, cfg.OutDir); !reflect.DeepEqual(got, []string{wantFiles[0], wantFiles[2]}) {
		t.Errorf("files %v", got)
	}
	var table bytes.Buffer
	sum.WriteTable(&table)
	for _, want := range []string{"3 article(s): 2 written, 0 already done, 1 failed", "Failures:", "(003_42884da85b922804.md): writer exploded"} {
		if !strings.Contains(table.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, table.String())
		}
	}
	// Fixed writer: only the failed story is written on the next run.
	cfg.Rewrite = nil
	sum, err = Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if !sum.OK() || sum.Count(Written) != 1 || sum.Count(Done) != 2 {
		t.Errorf("rerun: %+v", sum.Items)
	}
}

func TestConfigErrors(t *testing.T) {
	t.Parallel()
	base, _ := setup(t)
	tests := []struct {
		name string
		edit func(*Config)
		want string
	}{
		{"no store", func(c *Config) { c.Store = nil }, "Store"},
		{"no out", func(c *Config) { c.OutDir = "" }, "OutDir"},
		{"no ingest", func(c *Config) { c.Ingest = nil }, "Ingest"},
		{"no group", func(c *Config) { c.Group = nil }, "Group"},
		{"bad format", func(c *Config) { c.Format = "pdf" }, "Format"},
		{"negative jobs", func(c *Config) { c.Jobs = -1 }, "Jobs"},
	}
	for _, tt := range tests {
		cfg := base
		tt.edit(&cfg)
		if _, err := Run(context.Background(), cfg); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v; want an error naming %s", tt.name, err, tt.want)
		}
	}
}

func TestCancelled(t *testing.T) {
	t.Parallel()
	cfg, _ := setup(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Run(ctx, cfg); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled run: %v; want context.Canceled", err)
	}
}

func TestSourcesKey(t *testing.T) {
	t.Parallel()
	a, b, c := store.Source{ContentHash: "a"}, store.Source{ContentHash: "b"}, store.Source{ContentHash: "c"}
	tests := []struct {
		name string
		x, y []store.Source
		same bool
	}{
		{"order does not matter", []store.Source{a, b}, []store.Source{b, a}, true},
		{"a new source changes it", []store.Source{a, b}, []store.Source{a, b, c}, false},
		{"another source changes it", []store.Source{a, b}, []store.Source{a, c}, false},
	}
	for _, tt := range tests {
		if got := SourcesKey(tt.x) == SourcesKey(tt.y); got != tt.same {
			t.Errorf("%s: same=%v", tt.name, got)
		}
	}
}

func TestWords(t *testing.T) {
	t.Parallel()
	tests := []struct {
		n    int
		want string
	}{{0, "0"}, {999, "999"}, {1000, "1 000"}, {1234567, "1 234 567"}, {-1200, "-1 200"}}
	for _, tt := range tests {
		if got := Words(tt.n); got != tt.want {
			t.Errorf("Words(%d) = %q; want %q", tt.n, got, tt.want)
		}
	}
}

func TestProgressBar(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	p := newProgress(&b, true, 2)
	p.step(Item{File: "a.md", Status: Written, Words: 1200})
	p.step(Item{File: "b.md", Status: Failed, Reason: "x"})
	p.finish()
	s := b.String()
	if strings.Count(s, "\r") != 2 || strings.Count(s, "\n") != 1 || !strings.Contains(s, "2/2 b.md") {
		t.Errorf("bar output %q", s)
	}
	if IsTerminal(&b) {
		t.Error("a buffer is not a terminal")
	}
	f, err := os.Create(filepath.Join(t.TempDir(), "f"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if IsTerminal(f) {
		t.Error("a regular file is not a terminal")
	}
}

func TestWriteAtomic(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "a.md")
	for _, content := range []string{"first", "second"} {
		if err := WriteAtomic(path, []byte(content)); err != nil {
			t.Fatal(err)
		}
		if b, _ := os.ReadFile(path); string(b) != content {
			t.Errorf("content %q; want %q", b, content)
		}
	}
	if got := listDir(t, dir); !reflect.DeepEqual(got, []string{"a.md"}) {
		t.Errorf("files %v", got)
	}
	if err := WriteAtomic(filepath.Join(dir, "missing", "a.md"), nil); err == nil {
		t.Error("writing into a missing folder succeeded")
	}
}

func modTimes(t *testing.T, dir string) map[string]time.Time {
	t.Helper()
	out := map[string]time.Time{}
	for _, n := range listDir(t, dir) {
		info, err := os.Stat(filepath.Join(dir, n))
		if err != nil {
			t.Fatal(err)
		}
		out[n] = info.ModTime()
	}
	return out
}

func articleCount(t *testing.T, st *store.Store, s *Summary) int {
	t.Helper()
	n := 0
	for _, it := range s.Items {
		arts, err := st.Articles(context.Background(), it.StoryID)
		if err != nil {
			t.Fatal(err)
		}
		n += len(arts)
	}
	return n
}

func BenchmarkSourcesKey(b *testing.B) {
	srcs := make([]store.Source, 20)
	for i := range srcs {
		srcs[i].ContentHash = strings.Repeat(string(rune('a'+i)), 64)
	}
	b.ReportAllocs()
	for b.Loop() {
		SourcesKey(srcs)
	}
}

// BenchmarkRunSeeds measures a whole batch over the seeds (ingest, cluster,
// three stories written with the offline writer) into a fresh store.
func BenchmarkRunSeeds(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		cfg, _ := setup(b)
		b.StartTimer()
		sum, err := Run(context.Background(), cfg)
		if err != nil || sum.Count(Written) != 3 {
			b.Fatalf("%v %+v", err, sum)
		}
	}
}
