package rewrite

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/plume-seo/plume/internal/article"
	"github.com/plume-seo/plume/internal/check"
	"github.com/plume-seo/plume/internal/facts"
	"github.com/plume-seo/plume/internal/fidelity"
	"github.com/plume-seo/plume/internal/llm"
	"github.com/plume-seo/plume/internal/plan"
	"github.com/plume-seo/plume/internal/write"
)

// A failed check sends the plan back for another pass: when the article
// misses the bar — readability or SEO not rated good — and a check that
// the plan can address is among those that fail, the plan is built again
// with options that address it and the writer writes again, at most
// twice (see extraPasses: the LLM writer's passes cost model calls). Of
// the passes, the best article is kept (see better); what still fails is
// named in a warning.

// maxExtraPasses bounds the passes after the first for the offline
// writer; other writers get one at most.
const maxExtraPasses = 2

// llmCallBudget is what an article may cost in model calls: the outline
// call and one a prose section for a 700-word article, as the README
// documents. The LLM writer gets its extra pass only when two passes fit.
const llmCallBudget = 8

// extraPasses is how many passes after the first a writer may make: two
// for the offline writer, one for another, and for the LLM writer one
// only when its first pass took at most half the call budget.
func extraPasses(w write.Writer, isLLM bool, lw *write.LLM, before llm.Usage) int {
	switch {
	case isLLM:
		if 2*(lw.Client.Usage().Calls-before.Calls) <= llmCallBudget {
			return 1
		}
		return 0
	case isOffline(w):
		return maxExtraPasses
	}
	return 1
}

func isOffline(w write.Writer) bool {
	_, ok := w.(write.Extractive)
	return ok
}

// Good overall scores: Yoast's readability traffic light is green at 90,
// its SEO light above 70 (docs/yoast-rules.md §4).
const (
	goodReadability = 90
	goodSEO         = 71
)

// retryable are the checks another pass can address: shorter sentences
// (plan.Options.ShortSentences: the offline writer cuts at grammar-safe
// points down to Yoast's 20 words and prefers related sentences short once
// cut) and fewer in the passive voice (plan.Options.AvoidPassive: the plan
// prefers active sentences of equal value).
var retryable = map[string]bool{
	"readability.sentence_length": true,
	"readability.passive_voice":   true,
}

// unaddressed are the SEO checks no writer can pass from the sources'
// text alone (the article has no image, and links out only to its
// sources when they have an address), or that another warning already
// reports (the length): the closing warning does not name them.
var unaddressed = map[string]bool{
	"seo.images": true, "seo.image_keyphrase": true, "seo.outbound_links": true, "seo.text_length": true,
}

// attempt is one pass: its plan, its draft and their verification.
type attempt struct {
	p *plan.Plan
	d *write.Draft
	// rep is plume's analysis (forms mode: French word forms, plume's
	// reading of the passive voice); yoast is the analysis by Yoast's
	// rules as yoastseo 3.6.0 applies them (exact mode, its broader
	// passive rule), what the editor will see in WordPress. An article
	// meets the bar when both rate it good.
	rep, yoast *check.Report
	fid        *fidelity.Report
}

func verify(p *plan.Plan, d *write.Draft, sh *facts.Sheet, minWords int) (*attempt, error) {
	// The passes' drafts share most sentences: their readings are kept
	// for the sheet's article (check.Memo).
	rep, yoast, err := check.AnalyzeBoth(d.Article, check.Options{MinWords: minWords, Memo: check.MemoOf(sh)})
	if err != nil {
		return nil, fmt.Errorf("rewrite: analysis: %w", err)
	}
	return &attempt{p: p, d: d, rep: rep, yoast: yoast, fid: fidelity.Check(articleTexts(d.Article), sh)}, nil
}

// readability and seo are the attempt's scores: the lower of the two
// analyses'.
func (a *attempt) readability() int { return min(a.rep.ReadabilityScore, a.yoast.ReadabilityScore) }
func (a *attempt) seo() int         { return min(a.rep.SEOScore, a.yoast.SEOScore) }

// failing returns the IDs of the checks, among those keep accepts, that
// either analysis does not rate good, each once.
func failing(a *attempt, keep func(id string) bool) []string {
	var out []string
	seen := map[string]bool{}
	for _, rep := range []*check.Report{a.rep, a.yoast} {
		for _, c := range rep.Checks {
			if c.Rating != check.Good && keep(c.ID) && !seen[c.ID] {
				seen[c.ID] = true
				out = append(out, c.ID)
			}
		}
	}
	return out
}

// better reports whether a is a better article than b, by these in
// turn: no fidelity problem; the length asked reached (the brief's
// minimum is the editor's order; a pass that cuts and leaves out long
// sentences may fall short of it); the readability score; the SEO score
// (each the lower of the two analyses'); a lower sum of Yoast's
// readability penalties over both analyses (bad 3, ok 2: the score is a
// coarse bucket of it). On a tie, b (the earlier pass) stays.
func better(a, b *attempt, target int) bool {
	if ao, bo := a.fid.OK(), b.fid.OK(); ao != bo {
		return ao
	}
	if ar, br := a.rep.Figures.Words >= target, b.rep.Figures.Words >= target; ar != br {
		return ar
	}
	if ar, br := a.readability(), b.readability(); ar != br {
		return ar > br
	}
	if as, bs := a.seo(), b.seo(); as != bs {
		return as > bs
	}
	return penalty(a.rep)+penalty(a.yoast) < penalty(b.rep)+penalty(b.yoast)
}

// penalty is the sum of Yoast's readability penalties: 3 for a bad
// result, 2 for an ok one.
func penalty(rep *check.Report) int {
	n := 0
	for _, c := range rep.Checks {
		if c.Category != check.Readability {
			continue
		}
		switch c.Rating {
		case check.Bad:
			n += 3
		case check.OK:
			n += 2
		}
	}
	return n
}

func isRetryable(id string) bool { return retryable[id] }

// settings are what an extra pass changes in the plan.
type settings struct {
	short, avoidPassive bool
}

// tunings are the settings of the extra passes, in turn: the first
// addresses one thing that failed — fewer passive sentences before
// shorter ones, since cutting and leaving out long sentences costs words
// — the second all that a pass can.
func tunings(fails []string) []settings {
	var s settings
	s.avoidPassive = slices.Contains(fails, "readability.passive_voice")
	s.short = !s.avoidPassive && slices.Contains(fails, "readability.sentence_length")
	out := []settings{s}
	if all := (settings{short: true, avoidPassive: true}); s != all {
		out = append(out, all)
	}
	return out
}

// missesBar reports whether an article misses the bar: readability or
// SEO not rated good by either analysis.
func missesBar(a *attempt) bool {
	return a.readability() < goodReadability || a.seo() < goodSEO
}

// replan runs the extra passes, at most extra, that the first one calls
// for and returns the best attempt and the number of passes made, the
// first included. A pass is made only while the best so far misses the
// bar. Every pass's options come from the first attempt alone, so the
// offline writer's passes are written at once (on as many cores as there
// are) and then weighed in turn, exactly as if each had waited for the one
// before.
func replan(ctx context.Context, w write.Writer, sh *facts.Sheet, po plan.Options, first *attempt, minWords, extra int) (*attempt, int, error) {
	fails := failing(first, isRetryable)
	if !missesBar(first) || len(fails) == 0 {
		return first, 1, nil
	}
	sets := tunings(fails)
	if len(sets) > extra {
		sets = sets[:extra]
	}
	opts := make([]plan.Options, len(sets))
	for i, set := range sets {
		o := po
		o.ShortSentences, o.AvoidPassive = set.short, set.avoidPassive
		if !set.short {
			// A pass that cuts long sentences writes fewer words than
			// the last: the plan estimates what it can spare itself.
			o.Spare = first.rep.Figures.Words - minWords
		}
		opts[i] = o
	}
	pass := func(o plan.Options) (*attempt, error) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		p := plan.Build(sh, o)
		if len(p.Sections) == 0 {
			return nil, nil
		}
		d, err := w.Write(ctx, p, sh)
		if err != nil {
			return nil, err
		}
		return verify(p, d, sh, minWords)
	}
	// get writes pass i, or returns it written already.
	get := func(i int) (*attempt, error) { return pass(opts[i]) }
	if isOffline(w) && len(opts) > 1 {
		as := make([]*attempt, len(opts))
		errs := make([]error, len(opts))
		var wg sync.WaitGroup
		for i, o := range opts {
			wg.Go(func() { as[i], errs[i] = pass(o) })
		}
		wg.Wait()
		get = func(i int) (*attempt, error) { return as[i], errs[i] }
	}
	best, n := first, 1
	for i := range opts {
		if !missesBar(best) {
			break
		}
		a, err := get(i)
		if err != nil {
			return nil, n, err
		}
		if a == nil {
			break
		}
		n++
		if better(a, best, minWords) {
			best = a
		}
	}
	return best, n, nil
}

// stillFailing names the readability and SEO checks the article does not
// pass, with their rating, for the closing warning: plume's analysis's,
// then those only Yoast's rules fail, said so.
func stillFailing(a *attempt) []string {
	var out []string
	named := map[string]bool{}
	for i, rep := range []*check.Report{a.rep, a.yoast} {
		for _, c := range rep.Checks {
			if c.Rating == check.Good || named[c.ID] || unaddressed[c.ID] || c.Category != check.Readability && c.Category != check.SEO {
				continue
			}
			named[c.ID] = true
			by := ""
			if i == 1 {
				by = " by Yoast's rules"
			}
			out = append(out, fmt.Sprintf("%s (%s%s)", c.ID, c.Rating, by))
		}
	}
	return out
}

// articleTexts are the texts of an article that fidelity verifies: its
// title, paragraphs, headings and list items.
func articleTexts(a *article.Article) []string {
	texts := []string{a.Title}
	for _, b := range a.Blocks {
		switch {
		case b.Kind == article.List:
			texts = append(texts, b.Items...)
		case b.Text != "":
			texts = append(texts, b.Text)
		}
	}
	return texts
}

// passesWarning says what still fails after the passes, or "".
func passesWarning(a *attempt, passes int) string {
	fails := stillFailing(a)
	if len(fails) == 0 {
		return ""
	}
	plural := ""
	if passes > 1 {
		plural = "es"
	}
	return fmt.Sprintf("after %d writing pass%s, checks still not rated good: %s", passes, plural, strings.Join(fails, ", "))
}
