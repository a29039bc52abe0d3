package evalclean

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"time"
)

// Extractor is one cleaning method under evaluation: it gets a page's raw
// HTML and URL and returns the article's text.
type Extractor struct {
	// Name labels the extractor's column in the report.
	Name string
	// Func cleans one page.
	Func func(raw []byte, pageURL string) (string, error)
}

// PageScore is one extractor's result on one page.
type PageScore struct {
	// ID is the page's corpus id.
	ID string
	// Precision, Recall and F1 are the bag-of-words scores against the full
	// reference; zero when HasFull is false.
	Precision, Recall, F1 float64
	// HasFull says whether the page has a full reference (truth.txt).
	HasFull bool
	// Overlap, OutTokens and TruthTokens are the token counts behind the
	// scores, pooled for the micro averages.
	Overlap, OutTokens, TruthTokens int
	// Kept of MustKeep must_contain snippets were found in the output.
	Kept, MustKeep int
	// Leaked of MustDrop must_not_contain snippets were found in the output.
	Leaked, MustDrop int
	// PrefixOK is nil when the page has no prefix reference, else whether
	// the output starts as expected.
	PrefixOK *bool
	// PrefixAfterTitle says the prefix was found only after a lead-in (the
	// title), see HasPrefix.
	PrefixAfterTitle bool
	// Err is the extractor's error; the page then scores as empty output.
	Err error
	// Elapsed is the extractor's time on this page.
	Elapsed time.Duration
}

// Result sums up one extractor over the corpus.
type Result struct {
	// Name is the extractor's name.
	Name string
	// Pages holds the per-page scores in corpus order.
	Pages []PageScore
	// FullPages counts the pages with a full reference.
	FullPages int
	// MacroP, MacroR and MacroF1 average the per-page scores of FullPages.
	MacroP, MacroR, MacroF1 float64
	// MicroP, MicroR and MicroF1 pool the token counts of FullPages.
	MicroP, MicroR, MicroF1 float64
	// Kept, MustKeep, Leaked and MustDrop total the snippet checks.
	Kept, MustKeep, Leaked, MustDrop int
	// PrefixOK of PrefixPages prefix references were met, PrefixAfterTitle
	// of them only after a title-length lead-in.
	PrefixOK, PrefixPages, PrefixAfterTitle int
	// Errors counts pages on which the extractor failed.
	Errors int
	// Total is the extractor's time over all pages.
	Total time.Duration
}

// Report is the outcome of Run: one Result per extractor, in the order the
// extractors were given.
type Report struct {
	// Dir is the corpus folder.
	Dir string
	// Pages is the number of corpus pages.
	Pages int
	// Results holds one entry per extractor.
	Results []Result
}

// Run scores every extractor on every page of the corpus in dir. Pages and
// extractors run one at a time so that timings are comparable. An extractor
// error (or panic) is recorded on its page, not returned; Run fails only
// when the corpus cannot be read or ctx is done.
func Run(ctx context.Context, dir string, extractors []Extractor) (*Report, error) {
	rows, err := readIndex(dir)
	if err != nil {
		return nil, err
	}
	rep := &Report{Dir: dir, Pages: len(rows), Results: make([]Result, len(extractors))}
	for i, ex := range extractors {
		rep.Results[i].Name = ex.Name
	}
	for _, row := range rows {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("eval clean %s: %w", dir, err)
		}
		p, err := loadPage(dir, row[0], row[1])
		if err != nil {
			return nil, fmt.Errorf("eval clean %s: %w", dir, err)
		}
		for i, ex := range extractors {
			rep.Results[i].Pages = append(rep.Results[i].Pages, scorePage(p, ex))
		}
	}
	for i := range rep.Results {
		rep.Results[i].total()
	}
	return rep, nil
}

// call runs the extractor, turning a panic into the page's error.
func call(ex Extractor, p *page) (out string, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("%s panicked: %v", ex.Name, v)
		}
	}()
	return ex.Func(p.raw, p.url)
}

func scorePage(p *page, ex Extractor) PageScore {
	s := PageScore{ID: p.id, HasFull: p.hasFull}
	start := time.Now()
	out, err := call(ex, p)
	s.Elapsed = time.Since(start)
	if err != nil {
		s.Err, out = err, ""
	}
	if p.hasFull {
		got, want := Tokens(out), Tokens(p.full)
		s.Overlap, s.OutTokens, s.TruthTokens = Overlap(got, want), len(got), len(want)
		s.Precision, s.Recall, s.F1 = PRF(s.Overlap, s.OutTokens, s.TruthTokens)
	}
	norm := Normalize(out)
	for _, snip := range p.mustContain {
		s.MustKeep++
		if n := Normalize(snip); n != "" && strings.Contains(norm, n) {
			s.Kept++
		}
	}
	for _, snip := range p.mustNotContain {
		s.MustDrop++
		if n := Normalize(snip); n != "" && strings.Contains(norm, n) {
			s.Leaked++
		}
	}
	if p.hasPrefix {
		ok, after := HasPrefix(out, p.prefix)
		s.PrefixOK, s.PrefixAfterTitle = &ok, after
	}
	return s
}

func (r *Result) total() {
	var overlap, out, truth int
	for _, s := range r.Pages {
		r.Total += s.Elapsed
		if s.Err != nil {
			r.Errors++
		}
		if s.HasFull {
			r.FullPages++
			r.MacroP += s.Precision
			r.MacroR += s.Recall
			r.MacroF1 += s.F1
			overlap, out, truth = overlap+s.Overlap, out+s.OutTokens, truth+s.TruthTokens
		}
		r.Kept, r.MustKeep = r.Kept+s.Kept, r.MustKeep+s.MustKeep
		r.Leaked, r.MustDrop = r.Leaked+s.Leaked, r.MustDrop+s.MustDrop
		if s.PrefixOK != nil {
			r.PrefixPages++
			if *s.PrefixOK {
				r.PrefixOK++
				if s.PrefixAfterTitle {
					r.PrefixAfterTitle++
				}
			}
		}
	}
	if r.FullPages > 0 {
		n := float64(r.FullPages)
		r.MacroP, r.MacroR, r.MacroF1 = r.MacroP/n, r.MacroR/n, r.MacroF1/n
	}
	r.MicroP, r.MicroR, r.MicroF1 = PRF(overlap, out, truth)
}

// WriteTable writes the report as one Markdown table, a column per
// extractor.
func (r *Report) WriteTable(w io.Writer) error {
	var b bytes.Buffer
	row := func(label string, cell func(Result) string) {
		b.WriteString("| " + label + " |")
		for _, res := range r.Results {
			b.WriteString(" " + cell(res) + " |")
		}
		b.WriteByte('\n')
	}
	row("metric", func(res Result) string { return res.Name })
	b.WriteString("|---|" + strings.Repeat("---:|", len(r.Results)) + "\n")
	row("pages", func(res Result) string { return fmt.Sprint(len(res.Pages)) })
	row("full-reference pages", func(res Result) string { return fmt.Sprint(res.FullPages) })
	row("macro P / R / F1", func(res Result) string {
		return fmt.Sprintf("%.3f / %.3f / %.3f", res.MacroP, res.MacroR, res.MacroF1)
	})
	row("micro P / R / F1", func(res Result) string {
		return fmt.Sprintf("%.3f / %.3f / %.3f", res.MicroP, res.MicroR, res.MicroF1)
	})
	row("must_contain kept", func(res Result) string { return fmt.Sprintf("%d / %d", res.Kept, res.MustKeep) })
	row("must_not_contain leaked", func(res Result) string { return fmt.Sprintf("%d / %d", res.Leaked, res.MustDrop) })
	row("prefixes found (after title)", func(res Result) string {
		return fmt.Sprintf("%d / %d (%d)", res.PrefixOK, res.PrefixPages, res.PrefixAfterTitle)
	})
	row("errors", func(res Result) string { return fmt.Sprint(res.Errors) })
	row("total time", func(res Result) string { return res.Total.Round(time.Millisecond).String() })
	_, err := w.Write(b.Bytes())
	if err != nil {
		return fmt.Errorf("eval clean table: %w", err)
	}
	return nil
}

// WritePages writes one Markdown row per page and extractor: F1 on full
// references, snippet counts, prefix outcome and time, for finding which
// pages a change helped or hurt.
func (r *Report) WritePages(w io.Writer) error {
	var b bytes.Buffer
	b.WriteString("| page | extractor | F1 | kept | leaked | prefix | time | error |\n|---|---|---:|---:|---:|---|---:|---|\n")
	for i := 0; i < r.Pages; i++ {
		for _, res := range r.Results {
			if i >= len(res.Pages) {
				continue
			}
			s := res.Pages[i]
			f1, prefix, errText := "", "", ""
			if s.HasFull {
				f1 = fmt.Sprintf("%.3f", s.F1)
			}
			if s.PrefixOK != nil {
				prefix = fmt.Sprint(*s.PrefixOK)
			}
			if s.Err != nil {
				errText = strings.ReplaceAll(s.Err.Error(), "|", "/")
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %d/%d | %d/%d | %s | %s | %s |\n", s.ID, res.Name, f1,
				s.Kept, s.MustKeep, s.Leaked, s.MustDrop, prefix, s.Elapsed.Round(time.Microsecond*100), errText)
		}
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("eval clean pages: %w", err)
	}
	return nil
}
