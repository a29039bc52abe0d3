package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/plume-seo/plume/internal/clean"
	"github.com/plume-seo/plume/internal/source"
)

func runClean(ctx context.Context, args []string, io IO) int {
	fs := newFlags("clean", "clean [--format text|json] INPUT", io)
	format := fs.String("format", "text", "output format: text or json")
	pos, code, ok := parse(fs, args, io)
	if !ok {
		return code
	}
	if *format != "text" && *format != "json" {
		return fail(io, "clean: unknown --format %q (text or json)", *format)
	}
	if len(pos) != 1 {
		return fail(io, "clean: want exactly one INPUT, got %d (run plume clean --help)", len(pos))
	}
	doc, err := loadAndClean(ctx, pos[0], io)
	if err != nil {
		return fail(io, "%v", err)
	}
	if *format == "json" {
		enc := json.NewEncoder(io.Out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(doc); err != nil {
			return fail(io, "clean: %v", err)
		}
		return ExitOK
	}
	writeText(io.Out, doc)
	return ExitOK
}

// loadAndClean reads one INPUT and finds its article. Every error it
// returns is about the input and fits on one line.
func loadAndClean(ctx context.Context, input string, io IO) (*clean.Document, error) {
	in, err := source.Load(ctx, input, source.Options{Stdin: io.In})
	if err != nil {
		return nil, err
	}
	doc, err := clean.Clean(in)
	if err != nil {
		if errors.Is(err, clean.ErrNoArticle) {
			return nil, fmt.Errorf("%s: %w", input, err)
		}
		return nil, fmt.Errorf("%s: %w", input, err)
	}
	return doc, nil
}

// writeText prints the article as text: the title, then the blocks,
// headings marked "## ", list items "- ".
func writeText(w io.Writer, doc *clean.Document) {
	var b strings.Builder
	if doc.Title != "" {
		b.WriteString(doc.Title)
		b.WriteString("\n\n")
	}
	for _, bl := range doc.Blocks {
		switch bl.Kind {
		case clean.Heading:
			b.WriteString(strings.Repeat("#", max(bl.Level, 2)) + " " + bl.Text)
		case clean.List:
			for i, item := range strings.Split(bl.Text, "\n") {
				if i > 0 {
					b.WriteByte('\n')
				}
				b.WriteString("- " + item)
			}
		default:
			b.WriteString(bl.Text)
		}
		b.WriteString("\n\n")
	}
	io.WriteString(w, strings.TrimRight(b.String(), "\n")+"\n")
}
