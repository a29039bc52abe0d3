package cluster

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"testing"
	"time"
)

// synthSource is a generated source with the story it truly belongs to.
type synthSource struct {
	f     Features
	truth int
}

// synthCorpus generates n sources from the seeds' vocabulary: stories of one
// to five sources, each story with its own rare entity names (drawn from a
// pool of invented names), figures and date, a few names every story shares
// (to exercise the saturation of the name index), its sources written with
// different words (low shingle overlap) and, one time in ten, a near-copy
// of the story's previous source. Sources come in time order, a story's
// sources interleaved with its neighbours', so that any prefix has the same
// shape as the whole.
func synthCorpus(tb testing.TB, n int, seed uint64) []synthSource {
	tb.Helper()
	var vocab []string
	for _, f := range seedFeatures(tb) {
		vocab = append(vocab, f.Terms...)
	}
	sort.Strings(vocab)
	r := rand.New(rand.NewPCG(seed, 7))
	common := []string{"microsoft", "maison blanche", "union europeenne", "google"}
	name := func() string {
		return fmt.Sprintf("%s%d %s", vocab[r.IntN(len(vocab))], r.IntN(10000), vocab[r.IntN(len(vocab))])
	}
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	text := func() []string {
		w := make([]string, 150+r.IntN(150))
		for i := range w {
			w[i] = vocab[r.IntN(len(vocab))]
		}
		return w
	}
	var out []synthSource
	for story := 0; len(out) < n; story++ {
		names := []string{name(), name(), name(), name(), name()}
		figs := []string{fmt.Sprintf("count:%d", 10+r.IntN(1000000)), fmt.Sprintf("percent:%d:%%", r.IntN(100))}
		day := start.Add(time.Duration(story) * 20 * time.Minute)
		var prev []string
		for k := 1 + r.IntN(5); k > 0 && len(out) < n; k-- {
			words := text()
			if prev != nil && r.IntN(10) == 0 {
				words = append([]string(nil), prev...)
				for i := 0; i < len(words)/10; i++ {
					words[r.IntN(len(words))] = vocab[r.IntN(len(vocab))]
				}
			}
			prev = words
			var f Features
			f.Signature = signature(words)
			ents := map[string]bool{}
			for _, i := range r.Perm(len(names))[:4] {
				ents[names[i]] = true
			}
			ents[common[r.IntN(len(common))]] = true
			for _, k := range sortedKeys(ents) {
				f.Entities = append(f.Entities, Name{Key: k, Keys: []string{k}})
				f.EntityKeys = append(f.EntityKeys, k)
			}
			// The story's key figure is in every source, its second one in some.
			f.Figures = []string{fmt.Sprintf("count:%d", r.IntN(50000)), figs[0]}
			if r.IntN(2) == 0 {
				f.Figures = append(f.Figures, figs[1])
			}
			sort.Strings(f.Figures)
			f.Terms = topTerms(termCounts(words), maxTerms)
			f.Published = day.Add(time.Duration(r.IntN(48)) * time.Hour)
			out = append(out, synthSource{f: f, truth: story})
		}
	}
	// Interleave neighbouring stories, as outlets publish them.
	for i := 0; i+1 < len(out); i += 2 {
		if r.IntN(2) == 0 {
			out[i], out[i+1] = out[i+1], out[i]
		}
	}
	return out
}

func termCounts(words []string) map[string]int {
	m := map[string]int{}
	for _, w := range words {
		m[w]++
	}
	return m
}

// addAll adds the sources and returns the time taken by Add alone.
func addAll(tb testing.TB, srcs []synthSource) (*Clusterer, time.Duration) {
	c, err := New(Options{})
	if err != nil {
		tb.Fatal(err)
	}
	t0 := time.Now()
	for i, s := range srcs {
		c.Add(int64(i+1), s.f)
	}
	return c, time.Since(t0)
}

// TestSynthQuality checks the clusters against the generator's truth by
// pairwise precision and recall.
func TestSynthQuality(t *testing.T) {
	srcs := synthCorpus(t, 2000, 1)
	c, _ := addAll(t, srcs)
	var tp, fp, fn int
	story := func(i int) int64 { s, _ := c.StoryOf(int64(i + 1)); return s }
	// Pairs are only possible inside a window of neighbours: stories are
	// generated in order, so compare each source with the next 20.
	for i := range srcs {
		for j := i + 1; j < len(srcs) && j <= i+20; j++ {
			same, got := srcs[i].truth == srcs[j].truth, story(i) == story(j)
			switch {
			case same && got:
				tp++
			case got:
				fp++
			case same:
				fn++
			}
		}
	}
	precision, recall := float64(tp)/float64(tp+fp), float64(tp)/float64(tp+fn)
	t.Logf("synthetic 2000: %d stories, pairwise precision %.3f recall %.3f", len(c.Stories()), precision, recall)
	if precision < 0.99 || recall < 0.95 {
		t.Errorf("precision %.3f recall %.3f, want ≥ 0.99 and ≥ 0.95", precision, recall)
	}
}

// TestNearLinear checks that the time per source does not grow more than
// about twice when the number of sources doubles. Each size is timed three
// times and the fastest run kept, to dampen a shared machine's noise.
func TestNearLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	srcs := synthCorpus(t, 4000, 2)
	perSource := func(n int) float64 {
		best := time.Duration(1 << 62)
		for range 3 {
			if _, d := addAll(t, srcs[:n]); d < best {
				best = d
			}
		}
		return float64(best) / float64(n)
	}
	small, large := perSource(2000), perSource(4000)
	t.Logf("ns/source: 2000 → %.0f, 4000 → %.0f (×%.2f)", small, large, large/small)
	if large > 2*small {
		t.Errorf("time per source grew ×%.2f when the sources doubled", large/small)
	}
}

// BenchmarkAdd adds n synthetic sources to an empty Clusterer per
// iteration and reports the time per source.
func BenchmarkAdd(b *testing.B) {
	for _, n := range []int{1000, 5000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			srcs := synthCorpus(b, n, 3)
			b.ReportAllocs()
			b.ResetTimer()
			var total time.Duration
			for range b.N {
				_, d := addAll(b, srcs)
				total += d
			}
			b.ReportMetric(float64(total.Nanoseconds())/float64(b.N*n), "ns/source")
		})
	}
}

// BenchmarkExtract measures the features of one seed.
func BenchmarkExtract(b *testing.B) {
	docs := seedDocs(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		Extract(docs[i%len(docs)])
	}
}

// BenchmarkRelated ranks the stories related to one among 5,000 sources.
func BenchmarkRelated(b *testing.B) {
	c, _ := addAll(b, synthCorpus(b, 5000, 4))
	st := c.Stories()
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		if _, err := c.Related(st[i%len(st)].ID, 5); err != nil {
			b.Fatal(err)
		}
	}
}
