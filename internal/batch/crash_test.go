package batch

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/plume-seo/plume/internal/article"
	"github.com/plume-seo/plume/internal/rewrite"
	"github.com/plume-seo/plume/internal/store"
)

// crashEnv names the folder (store and output) a child test process runs
// the batch in until killed.
const crashEnv = "PLUME_BATCH_CRASH_DIR"

// crashDelay slows each story down in the child, as a model-backed writer
// would be, so that the parent's kill lands while stories are still being
// written instead of after the whole (fast, offline) batch.
const crashDelay = 150 * time.Millisecond

// TestCrashChildBatch is the child side of TestSIGKILLResume: skipped
// unless started by it, it runs the seeds' batch with two workers.
func TestCrashChildBatch(t *testing.T) {
	dir := os.Getenv(crashEnv)
	if dir == "" {
		t.Skip("child process of TestSIGKILLResume only")
	}
	st, err := store.Open(context.Background(), filepath.Join(dir, "plume.db"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	var n atomic.Int64
	cfg := Config{
		Store: st, Inputs: seedInputs(t), OutDir: filepath.Join(dir, "out"), Jobs: 2,
		Ingest: testIngest, Group: testGroup,
		Rewrite: func(ctx context.Context, in []rewrite.Input, o rewrite.Options) (*rewrite.Result, error) {
			res, err := rewrite.Run(ctx, in, o)
			time.Sleep(crashDelay * time.Duration(1+n.Add(1)%2))
			return res, err
		},
	}
	if _, err := Run(context.Background(), cfg); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(4)
	}
	os.Exit(0)
}

// TestSIGKILLResume kills a batch early (during ingest or clustering), then
// again once its first output file appears, runs it again to the end, and
// checks the outputs are complete, whole, not duplicated, and that the
// stories finished before the kill were not redone.
func TestSIGKILLResume(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns child processes")
	}
	t.Parallel()
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(dir, "plume.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	// Round 0 kills during ingest or clustering; round 1 as soon as an
	// output file is visible (most likely before its article is stored);
	// round 2 as soon as one more article is stored, with other stories
	// still being written.
	for round := 0; round < 3; round++ {
		before := storedArticles(t, st)
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChildBatch$", "-test.count=1")
		cmd.Env = append(os.Environ(), crashEnv+"="+dir)
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		ready := map[int]func() bool{
			0: func() bool { return true },
			1: func() bool { return len(outputs(out)) > 0 },
			2: func() bool { return storedArticles(t, st) > before },
		}[round]
		if round == 0 {
			time.Sleep(20 * time.Millisecond)
		}
		deadline := time.Now().Add(15 * time.Second)
	wait:
		for !ready() {
			select {
			case err := <-exited:
				t.Logf("round %d: child stopped by itself: %v", round, err)
				break wait
			default:
			}
			if time.Now().After(deadline) {
				t.Logf("round %d: child made no progress in 15s", round)
				break
			}
			time.Sleep(2 * time.Millisecond)
		}
		cmd.Process.Kill()
		<-exited // "signal: killed" is the expected outcome
	}

	// What the killed runs finished: the file and its matching record.
	cfg := Config{Store: st, Inputs: seedInputs(t), OutDir: out, Jobs: 2, Ingest: testIngest, Group: testGroup}
	finished := map[string]bool{}
	if err := cfg.validate(); err != nil {
		t.Fatal(err)
	}
	if tasks, err := cfg.plan(ctx, allSources(t, st)); err == nil {
		for _, tk := range tasks {
			if _, done, err := cfg.done(ctx, tk); err == nil && done {
				finished[tk.file] = true
			}
		}
	}

	if len(finished) == 0 {
		t.Error("no story was finished before the last kill")
	}
	sum, err := Run(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if !sum.OK() || len(sum.Items) != 3 {
		t.Fatalf("resumed run: %+v", sum)
	}
	for _, it := range sum.Items {
		t.Logf("resumed: %s %s", it.File, it.Status)
		if want := finished[it.File]; (it.Status == Done) != want {
			t.Errorf("%s: %s; finished before the kill: %v", it.File, it.Status, want)
		}
	}
	if got := listDir(t, out); !reflect.DeepEqual(got, wantFiles) {
		t.Errorf("files %v; want %v, no temp file", got, wantFiles)
	}
	for _, name := range wantFiles {
		b, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		a, err := article.ParseMarkdown(b)
		if err != nil || !strings.HasPrefix(string(b), "---\n") || a.Title == "" || a.MetaDescription == "" || len(a.Blocks) == 0 {
			t.Errorf("%s: not a whole article (%v)", name, err)
		}
	}
	// No duplicate stories or sources from the interrupted runs.
	stories, err := st.Stories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	srcs, err := st.Sources(ctx, store.SourceFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(stories) != 3 || len(srcs) != 5 {
		t.Errorf("%d stories, %d sources; want 3 and 5", len(stories), len(srcs))
	}
}

// outputs lists the visible output files of dir.
func outputs(dir string) []string {
	entries, _ := os.ReadDir(dir)
	var out []string
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") {
			out = append(out, e.Name())
		}
	}
	return out
}

func allSources(t *testing.T, st *store.Store) map[int64]bool {
	t.Helper()
	srcs, err := st.Sources(context.Background(), store.SourceFilter{})
	if err != nil {
		t.Fatal(err)
	}
	m := map[int64]bool{}
	for _, s := range srcs {
		m[s.ID] = true
	}
	return m
}

// storedArticles counts the articles of every story of st.
func storedArticles(t *testing.T, st *store.Store) int {
	t.Helper()
	stories, err := st.Stories(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, s := range stories {
		arts, err := st.Articles(context.Background(), s.ID)
		if err != nil {
			t.Fatal(err)
		}
		n += len(arts)
	}
	return n
}
