package clean

import (
	"strings"

	"github.com/plume-seo/plume/internal/fr/langid"
)

// language names the article's language from its kept text: "fr", another
// ISO 639-1 code, or "unknown" when the text is too short to tell.
func language(doc *Document) string {
	var b strings.Builder
	b.WriteString(doc.Title)
	for _, bl := range doc.Blocks {
		b.WriteByte('\n')
		b.WriteString(bl.Text)
	}
	return langid.Detect(b.String()).Lang
}
