package render

import (
	"strings"

	"github.com/plume-seo/plume/internal/article"
)

// PlainText renders a as plain text for counting and analysis: the title, a
// blank line, then each block's text separated by blank lines, a list's
// items on lines of their own. Images (alternative text is not body text)
// and markup are left out; white space runs are folded to one space.
func PlainText(a *article.Article) string {
	var b strings.Builder
	b.Grow(estimate(a))
	if t := collapse(a.Title); t != "" {
		b.WriteString(t)
		b.WriteString("\n\n")
	}
	for _, bl := range a.Blocks {
		if bl.Kind == article.Image {
			continue
		}
		lines := blockLines(bl)
		if len(lines) == 0 {
			continue
		}
		for _, l := range lines {
			b.WriteString(l)
			b.WriteByte('\n')
		}
		b.WriteByte('\n')
	}
	return strings.TrimSuffix(b.String(), "\n")
}
