package evalclean

import (
	"bytes"
	"fmt"
	nurl "net/url"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"github.com/plume-seo/plume/internal/extract"
)

// TrafilaturaOnly is the baseline: go-trafilatura with its default options
// (no fallback extractors), returning its ContentText without metadata.
func TrafilaturaOnly() Extractor {
	return Extractor{Name: "go-trafilatura", Func: func(raw []byte, pageURL string) (string, error) {
		var opts trafilatura.Options
		if u, err := nurl.ParseRequestURI(pageURL); err == nil && pageURL != "" {
			opts.OriginalURL = u
		}
		res, err := trafilatura.Extract(bytes.NewReader(raw), opts)
		if err != nil {
			return "", fmt.Errorf("go-trafilatura: %w", err)
		}
		return res.ContentText, nil
	}}
}

// ExtractOnly is plume's HTML extraction stage alone (extract.FromHTML,
// blocks joined by Page.Text, captions left out), before any furniture
// filtering: the step between go-trafilatura and plume's full cleaner.
func ExtractOnly() Extractor {
	return Extractor{Name: "plume extract", Func: func(raw []byte, pageURL string) (string, error) {
		p, err := extract.FromHTML(bytes.NewReader(raw), pageURL)
		if err != nil {
			return "", err
		}
		return p.Text(), nil
	}}
}
