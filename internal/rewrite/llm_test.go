package rewrite

import (
	"context"
	"strings"
	"testing"

	"github.com/plume-seo/plume/internal/llm"
	"github.com/plume-seo/plume/internal/llm/llmtest"
	"github.com/plume-seo/plume/internal/write"
	"github.com/plume-seo/plume/internal/write/writertest"
)

var seedNames = []string{"000", "001", "002", "003", "004"}

// llmWriter returns an LLM writer on a scripted server whose model writes
// only from its prompts (writertest.Model), and the server.
func llmWriter(t *testing.T, rules ...llmtest.Rule) (*write.LLM, *llmtest.Server) {
	t.Helper()
	if len(rules) == 0 {
		rules = []llmtest.Rule{{Respond: writertest.Model}}
	}
	srv := llmtest.New(t, llmtest.Script{Models: []string{"test-model"}, Rules: rules})
	c, err := llm.New(llm.Config{URL: srv.URL, Model: "test-model", MaxRetries: -1})
	if err != nil {
		t.Fatal(err)
	}
	return &write.LLM{Client: c}, srv
}

// related returns the seeds other than seed, as --corpus testdata/seeds
// gives them (the README's table of the offline writer).
func related(t testing.TB, seed string) []Input {
	var others []string
	for _, s := range seedNames {
		if s != seed {
			others = append(others, s)
		}
	}
	return inputs(t, others...)
}

func checkScores(r *Result) map[string]int {
	m := map[string]int{}
	for _, c := range r.Checks {
		m[c.ID] = c.Score
	}
	return m
}

// Against the scripted server, the five seeds give articles that meet the
// offline writer's bars: the length asked (or the warning that the sources
// hold less), three unique H2 or more, French, no unsupported fact, valid
// SEO fields, and check scores no worse than the offline writer's given
// the same passes (the LLM writer's call budget allows one extra pass;
// the offline writer has two). The model's work is logged per seed.
func TestLLMSeedsMeetOfflineBars(t *testing.T) {
	t.Parallel()
	for _, seed := range seedNames {
		in, rel := inputs(t, seed), related(t, seed)
		off, err := Run(context.Background(), in, Options{Related: rel, extra: 1})
		if err != nil {
			t.Fatal(err)
		}
		w, srv := llmWriter(t)
		r, err := Run(context.Background(), in, Options{Related: rel, Writer: w})
		if err != nil {
			t.Fatalf("%s: %v", seed, err)
		}
		u := r.LLM
		t.Logf("%s: %d words (offline %d), SEO %d/%d, readability %d/%d; llm calls %d, prompt tokens %d, completion tokens %d, %.3f s, retries %d, fallbacks %d",
			seed, r.WordCount, off.WordCount, r.SEOScore, off.SEOScore, r.ReadabilityScore, off.ReadabilityScore,
			u.Calls, u.PromptTokens, u.CompletionTokens, u.Seconds, u.Retries, u.Fallbacks)
		for _, w := range r.Warnings {
			t.Logf("%s: warning: %s", seed, w)
		}
		if r.Writer != "llm" || r.Language != "fr" {
			t.Errorf("%s: writer %q language %q", seed, r.Writer, r.Language)
		}
		if !r.Fidelity.OK() {
			t.Errorf("%s: fidelity %+v", seed, r.Fidelity)
		}
		switch {
		case r.WordCount < off.WordCount*8/10:
			t.Errorf("%s: %d words, offline %d", seed, r.WordCount, off.WordCount)
		case r.WordCount < r.TargetWords && !strings.Contains(strings.Join(r.Warnings, "\n"), "the sources support about"):
			t.Errorf("%s: %d words of %d without the warning", seed, r.WordCount, r.TargetWords)
		case off.WordCount >= r.TargetWords && r.WordCount < r.TargetWords:
			t.Errorf("%s: %d words; the offline writer reached %d", seed, r.WordCount, off.WordCount)
		case strings.Contains(strings.Join(r.Warnings, "\n"), "--writer llm"):
			t.Errorf("%s: the LLM writer's warnings suggest the LLM writer: %q", seed, r.Warnings)
		}
		hs := writertest.H2(r.Article)
		uniq := map[string]bool{}
		for _, h := range hs {
			uniq[strings.ToLower(h)] = true
		}
		if len(hs) < 3 || len(uniq) != len(hs) {
			t.Errorf("%s: H2 %q", seed, hs)
		}
		model := 0
		for _, s := range r.Sections {
			if s.Writer == "llm" {
				model++
			}
		}
		if model == 0 || u.Fallbacks != 0 || u.Retries != 0 {
			t.Errorf("%s: %d sections by the model, %d fallbacks, %d retries with a model that follows the prompt", seed, model, u.Fallbacks, u.Retries)
		}
		// A 700-word article with no failure: the outline call and one call
		// a prose section, at most 8.
		if u.Calls > 8 || u.Calls != len(srv.Requests()) {
			t.Errorf("%s: %d calls (server saw %d); want ≤ 8", seed, u.Calls, len(srv.Requests()))
		}
		if !strings.Contains(srv.Requests()[0].Text(), "<titre_actuel>") {
			t.Errorf("%s: the first call is not the outline", seed)
		}
		if ps, offPs := write.MetaProblems(r.Article, strings.Fields(r.Keyphrase)), write.MetaProblems(off.Article, strings.Fields(off.Keyphrase)); len(ps) > len(offPs) {
			t.Errorf("%s: SEO fields %q (offline %q)", seed, ps, offPs)
		} else if len(ps) > 0 {
			t.Logf("%s: SEO fields %q (offline %q)", seed, ps, offPs)
		}
		if r.SEOScore < off.SEOScore || r.ReadabilityScore < off.ReadabilityScore {
			t.Errorf("%s: SEO %d readability %d; offline %d and %d", seed, r.SEOScore, r.ReadabilityScore, off.SEOScore, off.ReadabilityScore)
		}
		offScores := checkScores(off)
		for id, s := range checkScores(r) {
			if o, ok := offScores[id]; ok && s < o {
				t.Errorf("%s: %s scores %d; offline %d", seed, id, s, o)
			}
		}
	}
}
