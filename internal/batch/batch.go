package batch

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/plume-seo/plume/internal/check"
	"github.com/plume-seo/plume/internal/clean"
	"github.com/plume-seo/plume/internal/rewrite"
	"github.com/plume-seo/plume/internal/source"
	"github.com/plume-seo/plume/internal/store"
	"github.com/plume-seo/plume/internal/stories"
)

// Formats are the output formats and the file extension each is written with.
var Formats = map[string]string{"md": "md", "html": "html", "json": "json"}

// Config is what one batch does. Store, Inputs, OutDir, Ingest and Group are
// required; the rest have documented defaults.
type Config struct {
	// Store keeps sources, stories, articles and the run; the caller opens
	// and closes it.
	Store *store.Store
	// Inputs are the sources to read, folders already expanded.
	Inputs []string
	// Args are recorded with the run, so the store says what was asked.
	Args []string
	// OutDir receives one file per story; it is created when missing.
	OutDir string
	// Format is md (default), html or json.
	Format string
	// Jobs bounds the stories rewritten at once; 0 means runtime.NumCPU().
	Jobs int
	// MinWords is the length asked of each article; 0 means the writer's.
	MinWords int
	// Ingest loads and cleans one input into a source record; it is where
	// a bad input is refused.
	Ingest func(ctx context.Context, input string) (store.Source, error)
	// Group assigns the store's unassigned sources to stories.
	Group func(ctx context.Context, st *store.Store) error
	// Related, when set, gives the sources of the stories related to a
	// story: the writer's context section and internal links come from
	// them (the store's view of what --corpus does for one rewrite).
	Related func(ctx context.Context, storyID int64) ([]rewrite.Input, error)
	// Rewrite writes a story's article; nil means [rewrite.Run].
	Rewrite func(ctx context.Context, in []rewrite.Input, o rewrite.Options) (*rewrite.Result, error)
	// Progress receives progress: a bar redrawn in place when it is a
	// terminal (see [IsTerminal]), plain lines otherwise; nil means none.
	Progress io.Writer
	// Terminal forces the progress bar; when false, it is used only if
	// Progress is a terminal.
	Terminal bool
}

// Status is what became of one story.
type Status string

// Statuses of a story.
const (
	Written Status = "written"
	Done    Status = "done"   // already written by an earlier run, skipped
	Failed  Status = "failed" // see Item.Reason
)

// Item is one story's outcome.
type Item struct {
	StoryID int64
	// File is the output file's name inside OutDir.
	File    string
	Sources int
	Status  Status
	Reason  string // why it failed
	// Words, ChecksGreen, Checks and Warnings describe the article, the
	// stored one for a story already done.
	Words       int
	ChecksGreen int
	Checks      int
	Warnings    int
	Duration    time.Duration
}

// Failure is an input refused at ingest.
type Failure struct {
	Input  string
	Reason string
}

// Summary is the outcome of a batch.
type Summary struct {
	RunID int64
	// Sources counts the inputs stored (new or already known).
	Sources int
	// Items are the stories, in story order.
	Items []Item
	// InputFailures are the inputs refused.
	InputFailures []Failure
	Elapsed       time.Duration
}

// Count returns how many items have status s.
func (s *Summary) Count(st Status) int {
	n := 0
	for _, it := range s.Items {
		if it.Status == st {
			n++
		}
	}
	return n
}

// OK reports whether every input was read and every story written.
func (s *Summary) OK() bool { return len(s.InputFailures) == 0 && s.Count(Failed) == 0 }

// record is kept in each stored article's JSON so a later run knows what the
// article was written from and where.
type record struct {
	File    string `json:"file"`
	Format  string `json:"format"`
	Sources string `json:"sources"`
}

// storedJSON is the article's JSON column: the record beside the result.
type storedJSON struct {
	Batch record `json:"batch"`
	*rewrite.Result
}

// task is one story to write.
type task struct {
	idx   int
	story store.Story
	srcs  []store.Source
	file  string
	key   string
}

// Run ingests, groups and writes. It returns an error only when the batch
// could not run at all (store, output folder, cancelled context); a bad
// input or a failed story is in the summary.
func Run(ctx context.Context, cfg Config) (*Summary, error) {
	start := time.Now()
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(cfg.OutDir, 0o755); err != nil {
		return nil, fmt.Errorf("batch: output folder: %w", err)
	}
	st := cfg.Store
	runID, err := st.StartRun(ctx, "batch", cfg.Args)
	if err != nil {
		return nil, fmt.Errorf("batch: %w", err)
	}
	sum := &Summary{RunID: runID}
	runErr := cfg.run(ctx, sum)
	status := store.RunDone
	if runErr != nil || !sum.OK() {
		status = store.RunFailed
	}
	why := runErr
	if why == nil && !sum.OK() {
		why = fmt.Errorf("%d input(s) refused, %d story(ies) failed", len(sum.InputFailures), sum.Count(Failed))
	}
	// The run is closed even when ctx was cancelled: a fresh context keeps
	// it from staying "running" forever.
	if err := st.FinishRun(context.WithoutCancel(ctx), runID, status, why); err != nil && runErr == nil {
		runErr = fmt.Errorf("batch: %w", err)
	}
	sum.Elapsed = time.Since(start)
	return sum, runErr
}

func (cfg *Config) validate() error {
	switch {
	case cfg.Store == nil:
		return errors.New("batch: Config.Store is nil")
	case cfg.OutDir == "":
		return errors.New("batch: Config.OutDir is empty")
	case cfg.Ingest == nil:
		return errors.New("batch: Config.Ingest is nil")
	case cfg.Group == nil:
		return errors.New("batch: Config.Group is nil")
	case cfg.Jobs < 0:
		return fmt.Errorf("batch: Config.Jobs %d is negative", cfg.Jobs)
	}
	if cfg.Format == "" {
		cfg.Format = "md"
	}
	if _, ok := Formats[cfg.Format]; !ok {
		return fmt.Errorf("batch: Config.Format %q is not md, html or json", cfg.Format)
	}
	if cfg.Jobs == 0 {
		cfg.Jobs = runtime.NumCPU()
	}
	if cfg.Rewrite == nil {
		cfg.Rewrite = rewrite.Run
	}
	return nil
}

func (cfg *Config) run(ctx context.Context, sum *Summary) error {
	st := cfg.Store
	// 1. Ingest: remember which sources this batch is about, so stories of
	// other batches sharing the store are left alone.
	mine := map[int64]bool{}
	for _, in := range cfg.Inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		src, err := cfg.Ingest(ctx, in)
		if err != nil {
			// Loaders often start their message with the input's name,
			// which the report already shows.
			reason := strings.TrimPrefix(oneLine(err.Error()), in+": ")
			sum.InputFailures = append(sum.InputFailures, Failure{Input: in, Reason: reason})
			continue
		}
		id, _, err := st.PutSource(ctx, src)
		if err != nil {
			return fmt.Errorf("batch: store %s: %w", in, err)
		}
		if !mine[id] {
			mine[id] = true
			sum.Sources++
		}
	}
	// 2. Group.
	if err := cfg.Group(ctx, st); err != nil {
		return fmt.Errorf("batch: stories: %w", err)
	}
	tasks, err := cfg.plan(ctx, mine)
	if err != nil {
		return err
	}
	sum.Items = make([]Item, len(tasks))
	for i, t := range tasks {
		sum.Items[i] = Item{StoryID: t.story.ID, File: t.file, Sources: len(t.srcs)}
	}
	cleanTemps(cfg.OutDir, tasks)
	// 3. Write, skipping what is done.
	p := newProgress(cfg.Progress, cfg.Terminal, len(tasks))
	var todo []task
	for _, t := range tasks {
		it, done, err := cfg.done(ctx, t)
		if err != nil {
			return err
		}
		if done {
			sum.Items[t.idx] = it
			p.step(it)
			continue
		}
		todo = append(todo, t)
	}
	var storeMu sync.Mutex // one writer at a time: SQLite serialises anyway
	work := make(chan task)
	results := make(chan Item)
	var wg sync.WaitGroup
	for range min(cfg.Jobs, max(len(todo), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range work {
				results <- cfg.write(ctx, t, sum.RunID, &storeMu)
			}
		}()
	}
	go func() {
		defer close(work)
		for _, t := range todo {
			select {
			case work <- t:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()
	byID := map[int64]int{}
	for _, t := range tasks {
		byID[t.story.ID] = t.idx
	}
	for it := range results {
		sum.Items[byID[it.StoryID]] = it
		p.step(it)
	}
	p.finish()
	return ctx.Err()
}

// plan lists the stories holding this batch's sources, in story order, each
// with its sources, its output file and its sources' key.
func (cfg *Config) plan(ctx context.Context, mine map[int64]bool) ([]task, error) {
	st := cfg.Store
	stories, err := st.Stories(ctx)
	if err != nil {
		return nil, fmt.Errorf("batch: %w", err)
	}
	ext := Formats[cfg.Format]
	taken := map[string]bool{}
	var tasks []task
	for _, s := range stories {
		srcs, err := st.StorySources(ctx, s.ID)
		if err != nil {
			return nil, fmt.Errorf("batch: %w", err)
		}
		ours := false
		for _, src := range srcs {
			ours = ours || mine[src.ID]
		}
		if !ours || len(srcs) == 0 {
			continue
		}
		name := fileStem(s, srcs[0])
		// Two stories whose first sources share a name (two folders, two
		// feeds) must not overwrite each other; the story id keeps the
		// choice stable from one run to the next.
		if taken[strings.ToLower(name)] {
			name = fmt.Sprintf("%s-%d", name, s.ID)
		}
		taken[strings.ToLower(name)] = true
		tasks = append(tasks, task{idx: len(tasks), story: s, srcs: srcs, file: name + "." + ext, key: SourcesKey(srcs)})
	}
	return tasks, nil
}

// fileStem is the first source's file name without extension, or the
// story's slug when the source has no file name (URL, feed, stdin).
func fileStem(s store.Story, first store.Source) string {
	name := first.Name
	if name != "" && name != "-" && !strings.Contains(name, "://") {
		if stem := source.Stem(name); stem != "" && stem != "." && stem != ".." && !strings.HasPrefix(stem, ".") {
			return stem
		}
	}
	if s.Slug != "" {
		return s.Slug
	}
	return fmt.Sprintf("story-%d", s.ID)
}

// SourcesKey is the hash of a story's sorted source content hashes: the
// same sources give the same key whatever their order, and a new or
// changed source gives another.
func SourcesKey(srcs []store.Source) string {
	hs := make([]string, len(srcs))
	for i, s := range srcs {
		hs[i] = s.ContentHash
	}
	sort.Strings(hs)
	sum := sha256.Sum256([]byte(strings.Join(hs, "\n")))
	return hex.EncodeToString(sum[:])
}

// done reports whether t was written by an earlier run: its file exists and
// the story's latest article was written to that file, in this format, from
// the same sources.
func (cfg *Config) done(ctx context.Context, t task) (Item, bool, error) {
	it := Item{StoryID: t.story.ID, File: t.file, Sources: len(t.srcs)}
	info, err := os.Stat(filepath.Join(cfg.OutDir, t.file))
	if err != nil || !info.Mode().IsRegular() {
		return it, false, nil
	}
	arts, err := cfg.Store.Articles(ctx, t.story.ID)
	if err != nil {
		return it, false, fmt.Errorf("batch: %w", err)
	}
	if len(arts) == 0 {
		return it, false, nil
	}
	a := arts[len(arts)-1]
	var j struct {
		Batch record `json:"batch"`
	}
	if json.Unmarshal(a.JSON, &j) != nil {
		return it, false, nil
	}
	if j.Batch != (record{File: t.file, Format: cfg.Format, Sources: t.key}) {
		return it, false, nil
	}
	var checks []check.Result
	_ = json.Unmarshal(a.Checks, &checks) // counts only; a bad column shows 0
	it.Status = Done
	it.Words = a.WordCount
	it.Checks, it.ChecksGreen = len(checks), green(checks)
	it.Warnings = len(a.Warnings)
	return it, true, nil
}

// write rewrites one story, writes its file, then stores its article. The
// file comes first: a kill in between leaves a file without a matching
// record, which the next run redoes, never a record without its file.
func (cfg *Config) write(ctx context.Context, t task, runID int64, storeMu *sync.Mutex) Item {
	start := time.Now()
	it := Item{StoryID: t.story.ID, File: t.file, Sources: len(t.srcs), Status: Failed}
	fail := func(err error) Item {
		it.Reason = oneLine(err.Error())
		it.Duration = time.Since(start)
		return it
	}
	if err := ctx.Err(); err != nil {
		return fail(err)
	}
	inputs := make([]rewrite.Input, 0, len(t.srcs))
	for _, s := range t.srcs {
		var doc clean.Document
		if err := json.Unmarshal(s.CleanJSON, &doc); err != nil {
			return fail(fmt.Errorf("source %d: %w", s.ID, err))
		}
		inputs = append(inputs, rewrite.Input{Name: s.Name, Doc: &doc})
	}
	opts := rewrite.Options{MinWords: cfg.MinWords}
	if cfg.Related != nil {
		// Related stories enrich the article; without them it is still
		// written.
		if rel, err := cfg.Related(ctx, t.story.ID); err == nil {
			opts.Related = rel
		}
	}
	res, err := cfg.Rewrite(ctx, inputs, opts)
	if err != nil {
		return fail(err)
	}
	if res == nil {
		return fail(errors.New("rewrite gave no result"))
	}
	var out []byte
	switch cfg.Format {
	case "json":
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(res); err != nil {
			return fail(err)
		}
		out = buf.Bytes()
	case "html":
		out = []byte(res.HTML)
	default:
		out = []byte(res.Markdown)
	}
	if err := WriteAtomic(filepath.Join(cfg.OutDir, t.file), out); err != nil {
		return fail(err)
	}
	rec, err := stories.Article(res, storedJSON{Batch: record{File: t.file, Format: cfg.Format, Sources: t.key}, Result: res})
	if err != nil {
		return fail(err)
	}
	rec.StoryID, rec.RunID, rec.Format = t.story.ID, runID, cfg.Format
	storeMu.Lock()
	_, err = cfg.Store.PutArticle(context.WithoutCancel(ctx), rec)
	storeMu.Unlock()
	if err != nil {
		return fail(err)
	}
	it.Status = Written
	it.Words = res.WordCount
	it.Checks, it.ChecksGreen = len(res.Checks), green(res.Checks)
	it.Warnings = len(res.Warnings)
	it.Duration = time.Since(start)
	return it
}

func green(rs []check.Result) int {
	n := 0
	for _, r := range rs {
		if r.Rating == check.Good {
			n++
		}
	}
	return n
}

// tempPattern is the name os.CreateTemp gives WriteAtomic's temporary files.
func tempPattern(file string) string { return "." + file + ".*.tmp" }

// WriteAtomic writes data to path through a temporary file in the same
// folder, synced then renamed into place: a reader never sees a partial
// file, and a failure leaves any previous file untouched.
func WriteAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, tempPattern(filepath.Base(path)))
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	tmp := f.Name()
	_, werr := f.Write(data)
	serr := f.Sync()
	cerr := f.Close()
	if err := errors.Join(werr, serr, cerr); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, err)
	}
	// The rename is durable only once the folder is synced; where folders
	// cannot be synced the file is still whole, so errors are ignored.
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
	return nil
}

// cleanTemps removes the temporary files a killed run left for these
// outputs; other files of the folder are not touched.
func cleanTemps(dir string, tasks []task) {
	for _, t := range tasks {
		matches, _ := filepath.Glob(filepath.Join(dir, escapeGlob(tempPattern(t.file))))
		for _, m := range matches {
			os.Remove(m)
		}
	}
}

// escapeGlob quotes the glob metacharacters of a name, keeping the single
// "*" of the temp pattern.
func escapeGlob(p string) string {
	r := strings.NewReplacer(`\`, `\\`, `[`, `\[`, `?`, `\?`)
	return r.Replace(p)
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
