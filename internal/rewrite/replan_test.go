package rewrite

import (
	"context"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/plume-seo/plume/internal/check"
	"github.com/plume-seo/plume/internal/fidelity"
	"github.com/plume-seo/plume/internal/plan"
	"github.com/plume-seo/plume/internal/write"
)

// Each seed, with the four others as --corpus (the README's table), meets
// the bar: at least 700 words under three or more unique H2, in
// French, no unsupported fact, meta description of 121–156 characters,
// slug and keyphrase, and readability and SEO rated good both by plume's
// analysis and by Yoast's rules (exact mode, whose verdicts
// tools/yoastparity holds to yoastseo's own: plume eval yoast). Where the
// first pass misses the bar, the plan goes back for a pass with passive
// sentences avoided or short sentences preferred; the warning names what
// still is not good.
//
// yoastShort records, with the readability score Yoast's rules give it,
// each seed that does not reach the bar yet, so that the test fails when
// one gets worse and when one gets there (then the entry goes). Every
// seed meets it now: 001, the last, got there when the short-sentence pass
// learned to cut at a detached participle (« …, affirmant à ses clients
// que … ») and after a noun (« une directive d’urgence demandant … »).
var yoastShort = map[string]int{}

func TestSeedsWithCorpusMeetTheBar(t *testing.T) {
	t.Parallel()
	for _, seed := range seedNames {
		r, err := Run(context.Background(), inputs(t, seed), Options{Related: related(t, seed)})
		if err != nil {
			t.Fatal(err)
		}
		if r.WordCount < 700 {
			t.Errorf("%s: %d words", seed, r.WordCount)
		}
		if r.ReadabilityScore < goodReadability || r.SEOScore < goodSEO {
			t.Errorf("%s: readability %d, SEO %d", seed, r.ReadabilityScore, r.SEOScore)
		}
		if want, short := yoastShort[seed]; short && r.YoastReadabilityScore != want {
			t.Errorf("%s: by Yoast's rules, readability %d; recorded as %d (update yoastShort)", seed, r.YoastReadabilityScore, want)
		} else if !short && r.YoastReadabilityScore < goodReadability {
			t.Errorf("%s: by Yoast's rules, readability %d", seed, r.YoastReadabilityScore)
		}
		if r.YoastSEOScore < goodSEO {
			t.Errorf("%s: by Yoast's rules, SEO %d", seed, r.YoastSEOScore)
		}
		if !r.Fidelity.OK() {
			t.Errorf("%s: fidelity %+v", seed, r.Fidelity)
		}
		h2 := map[string]bool{}
		leads := map[string]int{} // what opens a heading before its colon, the keyphrase's form aside
		for _, s := range r.Sections {
			if s.Level == 2 {
				h2[strings.ToLower(s.Heading)] = true
				if lead, _, ok := strings.Cut(s.Heading, ":"); ok && !strings.Contains(strings.ToLower(lead), strings.ToLower(r.Keyphrase)) {
					if leads[strings.TrimSpace(lead)]++; leads[strings.TrimSpace(lead)] == 2 {
						t.Errorf("%s: two headings open with « %s : », a template's formula", seed, strings.TrimSpace(lead))
					}
				}
			}
			// « Maison Blanche : Dans le même contexte : … » reads badly.
			if strings.Count(s.Heading, ":") > 1 {
				t.Errorf("%s: heading %q has two colons", seed, s.Heading)
			}
		}
		if len(h2) < 3 {
			t.Errorf("%s: %d unique H2", seed, len(h2))
		}
		if n := utf8.RuneCountInString(r.MetaDescription); n < 121 || n > 156 {
			t.Errorf("%s: meta description of %d characters: %q", seed, n, r.MetaDescription)
		}
		if r.Slug == "" || r.Keyphrase == "" || r.SEOTitle == "" || r.Language != "fr" {
			t.Errorf("%s: slug %q, keyphrase %q, SEO title %q, language %q", seed, r.Slug, r.Keyphrase, r.SEOTitle, r.Language)
		}
		warned := strings.Join(r.Warnings, "\n")
		yoast, err := check.Analyze(r.Article, check.Options{MinWords: 700, Mode: check.Exact})
		if err != nil {
			t.Fatal(err)
		}
		failsYoast := map[string]bool{}
		for _, c := range yoast.Checks {
			failsYoast[c.ID] = c.Rating != check.Good
		}
		for _, c := range r.Checks {
			named := strings.Contains(warned, c.ID+" (")
			fails := c.Rating != check.Good || failsYoast[c.ID]
			if want := fails && (c.Category == check.Readability || c.Category == check.SEO) && !unaddressed[c.ID]; named != want {
				t.Errorf("%s: %s rated %s (by Yoast's rules: failing %v), named in the warning: %v", seed, c.ID, c.Rating, failsYoast[c.ID], named)
			}
		}
		t.Logf("%s: %d words, SEO %d/%d, readability %d/%d; %q", seed, r.WordCount, r.SEOScore, r.YoastSEOScore, r.ReadabilityScore, r.YoastReadabilityScore, r.Warnings)
	}
}

// The replan loop writes again only when the bar is missed for a reason
// a pass can address, at most twice (once for a writer whose passes cost
// model calls), and keeps the best pass.
func TestReplan(t *testing.T) {
	t.Parallel()
	in, rel := inputs(t, "003"), related(t, "003")
	r0, err := Run(context.Background(), in, Options{Related: rel})
	if err != nil {
		t.Fatal(err)
	}
	sh := sheet(in, rel)
	po := plan.Options{MinWords: 700}
	p := plan.Build(sh, po)
	d, err := write.Extractive{}.Write(context.Background(), p, sh)
	if err != nil {
		t.Fatal(err)
	}
	first, err := verify(p, d, sh, 700)
	if err != nil {
		t.Fatal(err)
	}
	if !missesBar(first) {
		t.Fatalf("003's first pass rates readability %d, SEO %d: the test needs one that misses the bar", first.rep.ReadabilityScore, first.rep.SEOScore)
	}
	best, n, err := replan(context.Background(), write.Extractive{}, sh, po, first, 700, maxExtraPasses)
	if err != nil {
		t.Fatal(err)
	}
	if n < 2 || n > 1+maxExtraPasses {
		t.Errorf("%d passes; want 2 to %d", n, 1+maxExtraPasses)
	}
	if best == first || missesBar(best) {
		t.Errorf("the best pass is not a tuned one that meets the bar: readability %d / %d by Yoast's rules", best.rep.ReadabilityScore, best.yoast.ReadabilityScore)
	}
	if best.rep.ReadabilityScore != r0.ReadabilityScore || best.rep.Figures.Words != r0.WordCount {
		t.Errorf("Run kept readability %d, %d words; the loop's best has %d, %d", r0.ReadabilityScore, r0.WordCount, best.rep.ReadabilityScore, best.rep.Figures.Words)
	}
	// A writer allowed one extra pass makes one; none, none.
	for extra := range 2 {
		if _, n, _ := replan(context.Background(), write.Extractive{}, sh, po, first, 700, extra); n != 1+extra {
			t.Errorf("%d passes with %d extra allowed", n, extra)
		}
	}
	// An article that meets the bar is not written again.
	if _, n, _ := replan(context.Background(), write.Extractive{}, sh, po, best, 700, maxExtraPasses); n != 1 {
		t.Errorf("an article rated good was written %d times", n)
	}
}

// better ranks passes: fidelity first, then readability, SEO, the length
// asked, the readability penalties; a tie keeps the earlier pass.
func TestBetter(t *testing.T) {
	t.Parallel()
	mk := func(unsupported, read, seo, words int, ratings ...check.Rating) *attempt {
		rep := &check.Report{ReadabilityScore: read, SEOScore: seo}
		rep.Figures.Words = words
		for _, r := range ratings {
			rep.Checks = append(rep.Checks, check.Result{Category: check.Readability, Rating: r})
		}
		f := &fidelity.Report{}
		for range unsupported {
			f.Unsupported = append(f.Unsupported, fidelity.Finding{})
		}
		return &attempt{rep: rep, yoast: rep, fid: f}
	}
	// yoastRates is an attempt that Yoast's rules rate lower than plume.
	yoastRates := func(read int) *attempt {
		a := mk(0, 90, 81, 700)
		y := *a.rep
		y.ReadabilityScore = read
		a.yoast = &y
		return a
	}
	tests := []struct {
		name string
		a, b *attempt
		want bool
	}{
		{"fidelity beats length", mk(0, 60, 80, 600), mk(1, 90, 80, 700), true},
		{"the length asked beats the scores", mk(0, 60, 70, 700), mk(0, 90, 81, 699), true},
		{"below the length, readability decides", mk(0, 90, 70, 600), mk(0, 60, 80, 650), true},
		{"readability beats SEO", mk(0, 90, 70, 700), mk(0, 60, 80, 700), true},
		{"SEO beats more words", mk(0, 90, 81, 700), mk(0, 90, 79, 800), true},
		{"fewer penalties", mk(0, 90, 81, 700, check.OK), mk(0, 90, 81, 700, check.Bad), true},
		{"Yoast's rules count", mk(0, 90, 81, 700), yoastRates(60), true},
		{"the lower of the two analyses", yoastRates(60), mk(0, 30, 90, 700), true},
		{"a tie keeps the earlier", mk(0, 90, 81, 700, check.Bad), mk(0, 90, 81, 700, check.Bad), false},
	}
	for _, tt := range tests {
		if got := better(tt.a, tt.b, 700); got != tt.want {
			t.Errorf("%s: better = %v", tt.name, got)
		}
		if tt.want && better(tt.b, tt.a, 700) {
			t.Errorf("%s: better is not antisymmetric", tt.name)
		}
	}
}

// tunings address passive sentences before long ones (leaving out long
// sentences costs words), then everything a pass can.
func TestTunings(t *testing.T) {
	t.Parallel()
	const length, passive = "readability.sentence_length", "readability.passive_voice"
	all := settings{short: true, avoidPassive: true}
	tests := []struct {
		fails []string
		want  []settings
	}{
		{[]string{length, passive}, []settings{{avoidPassive: true}, all}},
		{[]string{passive, length}, []settings{{avoidPassive: true}, all}},
		{[]string{length}, []settings{{short: true}, all}},
		{[]string{passive}, []settings{{avoidPassive: true}, all}},
	}
	for _, tt := range tests {
		if got := tunings(tt.fails); !slices.Equal(got, tt.want) {
			t.Errorf("tunings(%q) = %+v; want %+v", tt.fails, got, tt.want)
		}
	}
}

// sequential is the offline writer under another type: replan writes its
// passes one after the other.
type sequential struct{ write.Extractive }

// The offline writer's extra passes, written at once, give the article and
// the pass count that writing them in turn gives.
func TestReplanConcurrentEqualsSequential(t *testing.T) {
	t.Parallel()
	// 000 and 001 alone take every pass; 003 with the corpus meets the
	// bar at the second, so the third, written meanwhile, is dropped.
	for _, tc := range []struct {
		seed   string
		corpus bool
	}{{"000", false}, {"001", false}, {"003", true}} {
		seed := tc.seed
		var rel []Input
		if tc.corpus {
			rel = related(t, seed)
		}
		var got [2]*Result
		for i, w := range []write.Writer{write.Extractive{}, sequential{}} {
			r, err := Run(context.Background(), inputs(t, seed), Options{Writer: w, Related: rel, extra: maxExtraPasses})
			if err != nil {
				t.Fatal(err)
			}
			got[i] = r
		}
		t.Logf("%s: %q", seed, got[0].Warnings)
		if got[0].Markdown != got[1].Markdown || !slices.Equal(got[0].Warnings, got[1].Warnings) {
			t.Errorf("%s: concurrent passes differ from sequential ones\nwarnings %q\n      vs %q", seed, got[0].Warnings, got[1].Warnings)
		}
	}
}
