package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/plume-seo/plume/internal/clean"
	"github.com/plume-seo/plume/internal/fr/chunk"
	"github.com/plume-seo/plume/internal/fr/nlp"
)

// runNLP prints what plume's French kit makes of an article: sentences,
// tokens with tag and lemma, noun phrases, figures, dates and entities.
func runNLP(ctx context.Context, args []string, io IO) int {
	fs := newFlags("nlp", "nlp [--format text|json] INPUT", io)
	format := fs.String("format", "text", "output format: text or json")
	pos, code, ok := parse(fs, args, io)
	if !ok {
		return code
	}
	if *format != "text" && *format != "json" {
		return fail(io, "nlp: unknown --format %q (text or json)", *format)
	}
	if len(pos) != 1 {
		return fail(io, "nlp: want exactly one INPUT, got %d (run plume nlp --help)", len(pos))
	}
	doc, err := loadAndClean(ctx, pos[0], io)
	if err != nil {
		return fail(io, "%v", err)
	}
	a := nlp.Analyze(articleText(doc))
	if *format == "json" {
		enc := json.NewEncoder(io.Out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(a); err != nil {
			return fail(io, "nlp: %v", err)
		}
		return ExitOK
	}
	if err := writeAnalysis(io.Out, a); err != nil {
		return fail(io, "nlp: %v", err)
	}
	return ExitOK
}

// articleText joins the title and the blocks with blank lines, so that each
// block (a heading, a list item) ends its sentences.
func articleText(doc *clean.Document) string {
	var parts []string
	if doc.Title != "" {
		parts = append(parts, doc.Title)
	}
	for _, b := range doc.Blocks {
		parts = append(parts, strings.Split(b.Text, "\n")...)
	}
	return strings.Join(parts, "\n\n")
}

// writeAnalysis prints the analysis for a reader: each sentence with its
// tokens (text/TAG/lemma), phrases, figures and dates, then the entities.
func writeAnalysis(w io.Writer, a *nlp.Analysis) error {
	var b strings.Builder
	fmt.Fprintf(&b, "language: %s (%.2f), %d words, %d sentences, %d entities\n", a.Language, a.Confidence, a.Words, len(a.Sentences), len(a.Entities))
	for i, s := range a.Sentences {
		fmt.Fprintf(&b, "\n[%d] %s\n", i+1, s.Text)
		b.WriteString("  tokens: ")
		for k, t := range s.Tokens {
			if k > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(t.Text + "/" + t.Tag)
			if t.Lemma != strings.ToLower(t.Text) {
				b.WriteString("/" + t.Lemma)
			}
		}
		b.WriteByte('\n')
		if len(s.Phrases) > 0 {
			items := make([]string, len(s.Phrases))
			for k, p := range s.Phrases {
				items[k] = phraseLabel(p)
			}
			b.WriteString("  phrases: " + strings.Join(items, "; ") + "\n")
		}
		if len(s.Figures) > 0 {
			items := make([]string, len(s.Figures))
			for k, f := range s.Figures {
				items[k] = f.Text
				if f.Noun != "" {
					items[k] += " (" + f.Noun + ")"
				}
				items[k] += " [" + f.Key + "]"
			}
			b.WriteString("  figures: " + strings.Join(items, "; ") + "\n")
		}
		if len(s.Dates) > 0 {
			items := make([]string, len(s.Dates))
			for k, d := range s.Dates {
				items[k] = d.Text + " [" + d.Key + "]"
			}
			b.WriteString("  dates: " + strings.Join(items, "; ") + "\n")
		}
	}
	if len(a.Entities) > 0 {
		b.WriteString("\nentities:\n")
	}
	for _, e := range a.Entities {
		fmt.Fprintf(&b, "  %-12s %s ×%d", e.Type, e.Canonical, e.Count())
		if len(e.Variants) > 1 {
			b.WriteString("; variants: " + strings.Join(e.Variants[1:], ", "))
		}
		if len(e.Conflicts) > 0 {
			b.WriteString("; conflicting: " + strings.Join(e.Conflicts, ", "))
		}
		if len(e.Titles) > 0 {
			b.WriteString("; titles: " + strings.Join(e.Titles, ", "))
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func phraseLabel(p chunk.Phrase) string {
	if p.Kind == chunk.Common {
		return p.Text + " (" + p.HeadLemma + ")"
	}
	return p.Text + " (" + p.Kind.String() + ")"
}
