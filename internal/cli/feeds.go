package cli

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/mmcdole/gofeed"

	"github.com/plume-seo/plume/internal/source"
)

// feedStart recognises RSS, Atom and RDF feeds by their root element.
var feedStart = regexp.MustCompile(`(?is)\A\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(rss|feed|rdf:RDF)[\s>]`)

// expandFeeds replaces each input that is an RSS or Atom feed by the links
// of its items, which are then fetched and cleaned like any URL. A feed
// that cannot be parsed, or an item without a link, is reported on stderr
// and counted as refused; other inputs pass through unchanged.
func expandFeeds(ctx context.Context, inputs []string, io IO) (out []string, refused int) {
	for _, in := range inputs {
		if in == "-" {
			out = append(out, in)
			continue
		}
		src, err := source.Load(ctx, in, source.Options{Stdin: io.In})
		if err != nil || !feedStart.MatchString(src.Text) {
			out = append(out, in) // loading again reports the error
			continue
		}
		feed, err := gofeed.NewParser().ParseString(src.Text)
		if err != nil {
			fmt.Fprintf(io.Err, "plume: %s: not a readable feed: %s\n", in, oneLine(err.Error()))
			refused++
			continue
		}
		for _, item := range feed.Items {
			link := strings.TrimSpace(item.Link)
			if !source.IsURL(link) {
				fmt.Fprintf(io.Err, "plume: %s: item %q has no http(s) link\n", in, item.Title)
				refused++
				continue
			}
			out = append(out, link)
		}
	}
	return out, refused
}
