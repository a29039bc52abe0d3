package cli

import (
	"context"
	"errors"
	goio "io"

	"github.com/plume-seo/plume/internal/article"
	"github.com/plume-seo/plume/internal/check"
	"github.com/plume-seo/plume/internal/source"
	"github.com/plume-seo/plume/internal/typo"
)

// runAnalyze is `plume analyze`: it scores an article with Yoast's French
// SEO and readability rules and plume's own checks, or prints it with its
// typography fixed (--fix).
func runAnalyze(ctx context.Context, args []string, io IO) int {
	fs := newFlags("analyze", "analyze [--format text|json] [--keyphrase K] [--lang fr|en] [--mode forms|exact] [--min-words N] [--fix] ARTICLE", io)
	format := fs.String("format", "text", "output format: text or json")
	keyphrase := fs.String("keyphrase", "", "focus keyphrase (overrides the article's front matter)")
	lang := fs.String("lang", "fr", "language of the messages: fr or en")
	mode := fs.String("mode", "forms", "keyphrase matching: forms (French word forms) or exact (as Yoast)")
	minWords := fs.Int("min-words", 0, "the brief's minimum length in words (0: not checked)")
	fix := fs.Bool("fix", false, "print the article with its French typography fixed instead of the report")
	pos, code, ok := parse(fs, args, io)
	if !ok {
		return code
	}
	if *format != "text" && *format != "json" {
		return fail(io, "analyze: unknown --format %q (text or json)", *format)
	}
	if *lang != "fr" && *lang != "en" {
		return fail(io, "analyze: unknown --lang %q (fr or en)", *lang)
	}
	opts := check.Options{Lang: *lang, Keyphrase: *keyphrase, MinWords: *minWords}
	m, err := check.ParseMode(*mode)
	if err != nil {
		return fail(io, "analyze: unknown --mode %q (forms or exact)", *mode)
	}
	opts.Mode = m
	if *minWords < 0 {
		return fail(io, "analyze: --min-words must not be negative")
	}
	if len(pos) != 1 {
		return fail(io, "analyze: want exactly one ARTICLE, got %d (run plume analyze --help)", len(pos))
	}
	in, err := source.Load(ctx, pos[0], source.Options{Stdin: io.In})
	if err != nil {
		return fail(io, "analyze: %v", err)
	}
	if *fix {
		if in.Format == source.HTML {
			return fail(io, "analyze: %s: --fix rewrites Markdown or plain text, not HTML", pos[0])
		}
		if _, err := goio.WriteString(io.Out, typo.FixMarkdown(in.Text, typo.DefaultStyle())); err != nil {
			return fail(io, "analyze: %v", err)
		}
		return ExitOK
	}
	rep, err := analyzeText(in.Text, opts)
	if err != nil {
		return fail(io, "analyze: %s: %v", pos[0], err)
	}
	if *format == "json" {
		err = rep.WriteJSON(io.Out)
	} else {
		err = rep.WriteText(io.Out)
	}
	if err != nil {
		return fail(io, "analyze: %v", err)
	}
	return ExitOK
}

// analyzeText is check.AnalyzeText with the CLI's word for an empty
// article.
func analyzeText(text string, opts check.Options) (*check.Report, error) {
	rep, err := check.AnalyzeText(text, opts)
	if errors.Is(err, article.ErrEmpty) {
		return nil, errors.New("nothing to analyse: the article has no title and no text")
	}
	return rep, err
}
