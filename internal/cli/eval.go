package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/plume-seo/plume/internal/clean"
	"github.com/plume-seo/plume/internal/evalclean"
	"github.com/plume-seo/plume/internal/extract"
	frpos "github.com/plume-seo/plume/internal/fr/pos"
	"github.com/plume-seo/plume/internal/rewrite"
	"github.com/plume-seo/plume/internal/source"
	"github.com/plume-seo/plume/internal/stories"
)

func runEval(ctx context.Context, args []string, io IO) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprint(io.Out, "Usage:\n  plume eval clean [--fail-below-baseline] [--pages] DIR   cleaning vs go-trafilatura on a corpus laid out like ../shared/corpus\n  plume eval pos UD_DIR                                      tagger accuracy on UD French Sequoia and GSD test\n  plume eval yoast [--min-agreement R] CORPUS_DIR            plume's analysis vs yoastseo 3.6.0 (needs node)\n  plume eval rewrite CORPUS_DIR                              the offline writer on each corpus page of 500+ words\n")
		if len(args) == 0 {
			return ExitUsage
		}
		return ExitOK
	}
	switch args[0] {
	case "clean":
		return runEvalClean(ctx, args[1:], io)
	case "pos":
		return runEvalPOS(ctx, args[1:], io)
	case "yoast":
		return runEvalYoast(ctx, args[1:], io)
	case "rewrite":
		return runEvalRewrite(ctx, args[1:], io)
	}
	return fail(io, "eval: unknown evaluation %q (clean, pos, yoast, rewrite)", args[0])
}

func runEvalClean(ctx context.Context, args []string, io IO) int {
	fs := newFlags("eval clean", "eval clean [--fail-below-baseline] [--pages] DIR", io)
	gate := fs.Bool("fail-below-baseline", false, "exit 1 when plume's F1 is below go-trafilatura's")
	pages := fs.Bool("pages", false, "also print one row per page")
	pos, code, ok := parse(fs, args, io)
	if !ok {
		return code
	}
	if len(pos) != 1 {
		return fail(io, "eval clean: want one corpus DIR")
	}
	rep, err := evalclean.Run(ctx, pos[0], []evalclean.Extractor{
		plumeHTML(), plumeBrowserText(), evalclean.TrafilaturaOnly(),
	})
	if err != nil {
		return fail(io, "eval clean: %v", err)
	}
	if err := rep.WriteTable(io.Out); err != nil {
		return fail(io, "eval clean: %v", err)
	}
	if *pages {
		fmt.Fprintln(io.Out)
		rep.WritePages(io.Out)
	}
	if *gate {
		plume, base := rep.Results[0], rep.Results[len(rep.Results)-1]
		if plume.MicroF1 < base.MicroF1 || plume.MacroF1 < base.MacroF1 || plume.Leaked > base.Leaked || plume.Kept < base.Kept {
			fmt.Fprintf(io.Err, "plume: eval clean: plume (micro F1 %.3f, macro F1 %.3f, kept %d, leaked %d) is below go-trafilatura (%.3f, %.3f, %d, %d)\n",
				plume.MicroF1, plume.MacroF1, plume.Kept, plume.Leaked, base.MicroF1, base.MacroF1, base.Kept, base.Leaked)
			return ExitChecks
		}
	}
	return ExitOK
}

// plumeHTML is plume's whole cleaning of an HTML page, as `plume clean`
// runs it: the article's blocks, without the title (references hold the
// body only).
func plumeHTML() evalclean.Extractor {
	return evalclean.Extractor{Name: "plume clean (HTML)", Func: func(raw []byte, pageURL string) (string, error) {
		in, err := source.FromBytes("page", raw, "text/html")
		if err != nil {
			return "", err
		}
		in.URL = pageURL
		doc, err := clean.Clean(in)
		if err != nil {
			return "", err
		}
		return blocksText(doc), nil
	}}
}

// plumeBrowserText tests the text filter alone on each page as a browser's
// select-all and copy would give it: the generalisation test of the filter
// that cleans pasted copy.
func plumeBrowserText() evalclean.Extractor {
	return evalclean.Extractor{Name: "plume clean (pasted text)", Func: func(raw []byte, _ string) (string, error) {
		text, err := extract.BrowserText(bytes.NewReader(raw))
		if err != nil {
			return "", err
		}
		doc, err := clean.Text(text)
		if err != nil {
			return "", err
		}
		return blocksText(doc), nil
	}}
}

// blocksText is the article text of a cleaned document, one block a line.
func blocksText(doc *clean.Document) string { return stories.Text(doc) }

// runEvalPOS measures the embedded tagger on the UD French test sets it was
// never trained on, and its speed.
func runEvalPOS(_ context.Context, args []string, io IO) int {
	fs := newFlags("eval pos", "eval pos UD_DIR", io)
	pos, code, ok := parse(fs, args, io)
	if !ok {
		return code
	}
	if len(pos) != 1 {
		return fail(io, "eval pos: want the folder holding UD_French-Sequoia and UD_French-GSD")
	}
	tests := []struct{ name, path string }{
		{"Sequoia test", filepath.Join(pos[0], "UD_French-Sequoia", "fr_sequoia-ud-test.conllu")},
		{"GSD test", filepath.Join(pos[0], "UD_French-GSD", "fr_gsd-ud-test.conllu")},
	}
	tagger := frpos.Default()
	fmt.Fprintln(io.Out, "| test set | tokens | accuracy | plain tokens | contractions | tokens/s |")
	fmt.Fprintln(io.Out, "|---|---:|---:|---:|---:|---:|")
	for _, tt := range tests {
		f, err := os.Open(tt.path)
		if err != nil {
			return fail(io, "eval pos: %v", err)
		}
		sents, err := frpos.ReadCoNLLU(f)
		f.Close()
		if err != nil {
			return fail(io, "eval pos: %s: %v", tt.path, err)
		}
		start := time.Now()
		acc := tagger.Evaluate(sents, nil)
		rate := float64(acc.Tokens) / time.Since(start).Seconds()
		pct := func(a, b int) string {
			if b == 0 {
				return "–"
			}
			return fmt.Sprintf("%.2f %%", 100*float64(a)/float64(b))
		}
		fmt.Fprintf(io.Out, "| %s | %d | %s | %s | %s | %.0f |\n", tt.name, acc.Tokens,
			pct(acc.Correct, acc.Tokens), pct(acc.PlainCorrect, acc.Plain), pct(acc.MultiCorrect, acc.Multi), rate)
	}
	return ExitOK
}

// runEvalRewrite rewrites every page of a corpus folder whose article has at
// least 500 words, alone, and reports the length reached, the two scores,
// the checks that are not green and the warnings.
func runEvalRewrite(ctx context.Context, args []string, io IO) int {
	fs := newFlags("eval rewrite", "eval rewrite CORPUS_DIR", io)
	minWords := fs.Int("min-source-words", 500, "skip pages whose article is shorter")
	pos, code, ok := parse(fs, args, io)
	if !ok {
		return code
	}
	if len(pos) != 1 {
		return fail(io, "eval rewrite: want one corpus DIR")
	}
	entries, err := os.ReadDir(pos[0])
	if err != nil {
		return fail(io, "eval rewrite: %v", err)
	}
	fmt.Fprintln(io.Out, "| page | source words | article words | SEO | readability | not green | unsupported |")
	fmt.Fprintln(io.Out, "|---|---:|---:|---:|---:|---|---:|")
	var pages, long, green int
	for _, e := range entries {
		raw := filepath.Join(pos[0], e.Name(), "raw.html")
		if _, err := os.Stat(raw); err != nil {
			continue
		}
		pages++
		doc, err := loadAndClean(ctx, raw, io)
		if err != nil || doc.WordCount < *minWords {
			continue
		}
		res, err := rewrite.Run(ctx, []rewrite.Input{{Name: raw, Doc: doc}}, rewrite.Options{})
		if err != nil {
			fmt.Fprintf(io.Out, "| %s | %d | error: %v | | | | |\n", e.Name(), doc.WordCount, err)
			continue
		}
		long++
		var red []string
		for _, c := range res.Checks {
			if c.Rating != "good" && !c.Hidden {
				red = append(red, c.ID)
			}
		}
		if len(red) == 0 && res.WordCount >= 700 {
			green++
		}
		fmt.Fprintf(io.Out, "| %s | %d | %d | %d | %d | %s | %d |\n", e.Name(), doc.WordCount, res.WordCount,
			res.SEOScore, res.ReadabilityScore, strings.Join(red, ", "), len(res.Fidelity.Unsupported))
	}
	fmt.Fprintf(io.Out, "\n%d pages, %d with ≥ %d words of article, %d reach 700 words with every check green\n", pages, long, *minWords, green)
	return ExitOK
}
