package extract

import (
	"strings"
	"testing"
	"time"

	htmldate "github.com/markusmobius/go-htmldate"
	"golang.org/x/net/html"
)

// TestDateFinder holds plume's stand-in for go-htmldate (third_party/htmldate,
// see go.mod) to the places news pages state their date. On the 21 pages
// of ../shared/corpus it finds the same dates as go-htmldate v1.9.1 did.
func TestDateFinder(t *testing.T) {
	for _, tc := range []struct {
		name, page, url string
		original        bool
		want            string
	}{
		{"open graph", `<meta property="article:published_time" content="2024-03-14T08:30:00+01:00">`, "", true, "2024-03-14T08:30:00+01:00"},
		{"published before modified", `<meta property="article:modified_time" content="2024-03-20T10:00:00Z"><meta property="article:published_time" content="2024-03-14">`, "", true, "2024-03-14T00:00:00Z"},
		{"modified when not original", `<meta property="article:modified_time" content="2024-03-20T10:00:00Z"><meta property="article:published_time" content="2024-03-14">`, "", false, "2024-03-20T10:00:00Z"},
		{"dublin core", `<meta name="DC.date.issued" content="2015-05-04">`, "", true, "2015-05-04T00:00:00Z"},
		{"json-ld", `<script type="application/ld+json">{"@type":"NewsArticle","datePublished": "2019-12-09T06:00:00Z"}</script>`, "", true, "2019-12-09T06:00:00Z"},
		{"time element", `<article><time datetime="2020-02-19">19 février</time></article>`, "", true, "2020-02-19T00:00:00Z"},
		{"itemprop", `<span itemprop="datePublished" content="2017-03-13">13 mars</span>`, "", true, "2017-03-13T00:00:00Z"},
		{"labelled french", `<div id="infos">Publié le 29/10/2012<br><em>Mis à jour le 30/10/2012</em></div>`, "", true, "2012-10-29T00:00:00Z"},
		{"labelled list", `<ul><li><strong>Date</strong> 23.05.2011</li></ul>`, "", true, "2011-05-23T00:00:00Z"},
		{"written out", `<p class="article-date">le lundi 4 mai 2015 à 10h</p>`, "", true, "2015-05-04T00:00:00Z"},
		{"url", `<p>Rien.</p>`, "https://www.lemonde.fr/economie/article/2019/05/07/dans-ses-previsions_5459325_3234.html", true, "2019-05-07T00:00:00Z"},
		{"too old", `<meta property="article:published_time" content="1970-01-01">`, "", true, ""},
		{"in the future", `<meta property="article:published_time" content="2999-01-01">`, "", true, ""},
		{"impossible day", `<meta property="article:published_time" content="2021-02-30">`, "", true, ""},
		{"no date", `<p>Un article sans date.</p>`, "", true, ""},
	} {
		doc, err := html.Parse(strings.NewReader("<html><head></head><body>" + tc.page + "</body></html>"))
		if err != nil {
			t.Fatal(err)
		}
		r, err := htmldate.FromDocument(doc, htmldate.Options{UseOriginalDate: tc.original, URL: tc.url})
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		got := ""
		if !r.IsZero() {
			got = r.DateTime.Format(time.RFC3339)
		}
		if got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
	if _, err := htmldate.FromDocument(nil, htmldate.Options{}); err == nil {
		t.Error("nil document: no error")
	}
}
