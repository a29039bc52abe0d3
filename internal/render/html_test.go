package render

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/plume-seo/plume/internal/article"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func parseHTML(t testing.TB, page []byte) *html.Node {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatalf("html.Parse: %v", err)
	}
	return doc
}

// find returns the elements of n's subtree with tag a, in document order.
func find(n *html.Node, a atom.Atom) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == a {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func attrOf(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func childElements(n *html.Node) []*html.Node {
	var out []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			out = append(out, c)
		}
	}
	return out
}

func TestHTMLStructure(t *testing.T) {
	t.Parallel()
	a := loadArticle(t, "sample.json")
	page := HTML(a, HTMLOptions{Author: "Rédaction d’Exemple", Publisher: "Exemple"})
	if !bytes.HasPrefix(page, []byte("<!DOCTYPE html>\n<html lang=\"fr\">")) {
		t.Errorf("page must open with the doctype and <html lang=\"fr\">: %.60s", page)
	}
	doc := parseHTML(t, page)
	head := find(doc, atom.Head)[0]
	if len(find(head, atom.Meta)) == 0 || find(head, atom.Meta)[0].Attr[0].Key != "charset" {
		t.Error("the first <meta> must declare the charset")
	}
	if got := textOf(find(head, atom.Title)[0]); got != a.SEOTitle {
		t.Errorf("<title> = %q, want the SEO title %q", got, a.SEOTitle)
	}
	metas := map[string]string{}
	for _, m := range find(head, atom.Meta) {
		name, _ := attrOf(m, "name")
		if p, ok := attrOf(m, "property"); ok {
			name = p
		}
		metas[name], _ = attrOf(m, "content")
	}
	if metas["description"] != a.MetaDescription || metas["keyphrase"] != a.Keyphrase || metas["article:published_time"] != a.Date {
		t.Errorf("head metas = %q", metas)
	}
	links := find(head, atom.Link)
	if len(links) != 1 {
		t.Fatalf("want one canonical link, got %d", len(links))
	}
	if href, _ := attrOf(links[0], "href"); href != a.URL {
		t.Errorf("canonical = %q, want %q", href, a.URL)
	}

	arts := find(doc, atom.Article)
	if len(arts) != 1 {
		t.Fatalf("want one <article>, got %d", len(arts))
	}
	kids := childElements(arts[0])
	if kids[0].DataAtom != atom.H1 || textOf(kids[0]) != a.Title {
		t.Errorf("<article> must open with <h1>%s</h1>", a.Title)
	}
	if kids[1].DataAtom != atom.P {
		t.Errorf("the lead must follow the title, got <%s>", kids[1].Data)
	}
	// One <section> per H2, each opening with its H2, holding its blocks.
	var h2s []string
	for _, b := range a.Headings(2) {
		h2s = append(h2s, b.Text)
	}
	var secs []string
	for _, s := range find(arts[0], atom.Section) {
		first := childElements(s)[0]
		if first.DataAtom != atom.H2 {
			t.Errorf("section opens with <%s>, want <h2>", first.Data)
		}
		secs = append(secs, textOf(first))
		if len(find(s, atom.Section)) != 1 { // itself
			t.Error("sections must not nest")
		}
	}
	if !reflect.DeepEqual(secs, h2s) {
		t.Errorf("sections %q, want one per H2 %q", secs, h2s)
	}
	if kind, _ := attrOf(find(arts[0], atom.Section)[3], "data-section"); kind != "faq" {
		t.Errorf("FAQ section kind = %q", kind)
	}
	if n := len(find(arts[0], atom.H3)); n != len(a.Headings(3)) {
		t.Errorf("%d <h3>, want %d", n, len(a.Headings(3)))
	}
	lis := find(arts[0], atom.Li)
	if len(lis) != 3 || textOf(lis[2]) != a.Blocks[6].Items[2] {
		t.Errorf("list items: %d, last %q", len(lis), textOf(lis[len(lis)-1]))
	}
	if q := find(arts[0], atom.Blockquote); len(q) != 1 || strings.TrimSpace(textOf(q[0])) != a.Blocks[8].Text {
		t.Errorf("blockquote: %d", len(q))
	}
	figs := find(arts[0], atom.Figure)
	if len(figs) != 1 || len(find(figs[0], atom.Img)) != 1 {
		t.Fatalf("want one <figure><img></figure>")
	}
	img := find(figs[0], atom.Img)[0]
	if alt, _ := attrOf(img, "alt"); alt != a.Blocks[9].Alt {
		t.Errorf("alt = %q", alt)
	}
	// Links: on their text, rel noopener (and nofollow when asked); the
	// javascript: link is gone and its text stays.
	var anchors []string
	for _, an := range find(arts[0], atom.A) {
		href, _ := attrOf(an, "href")
		rel, _ := attrOf(an, "rel")
		anchors = append(anchors, textOf(an)+" → "+href+" ("+rel+")")
	}
	want := []string{
		"Brian Krebs → " + a.Blocks[0].Links[0].URL + " (nofollow noopener)",
		"Microsoft → " + a.Blocks[2].Links[0].URL + " (noopener)",
		"correctifs → /actu/correctifs-exchange/ (noopener)",
		"directive d’urgence → https://www.cisa.gov/news-events/directives/ed-21-02 (noopener)",
	}
	if !reflect.DeepEqual(anchors, want) {
		t.Errorf("links\n got %q\nwant %q", anchors, want)
	}
	if !strings.Contains(textOf(arts[0]), "a appelé sur Twitter les opérateurs") {
		t.Error("the text of a dropped link must stay")
	}

	// The whole body text reads back as the model's, word for word.
	back, err := article.ParseHTML(page)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := normalizeBlocks(back.Blocks, foldSpaces), expectBlocks(a, foldSpaces, false); !reflect.DeepEqual(got, want) {
		t.Errorf("ParseHTML(HTML(a)) blocks\n got %+v\nwant %+v", got, want)
	}
	// article.ParseHTML folds no-break spaces into spaces in element text
	// (title, <title>), not in attribute values; foldSpaces on both sides.
	f := foldSpaces
	for _, fl := range []struct{ name, got, want string }{
		{"title", back.Title, a.Title}, {"seo_title", back.SEOTitle, a.SEOTitle},
		{"description", back.MetaDescription, a.MetaDescription}, {"keyphrase", back.Keyphrase, a.Keyphrase},
		{"slug", back.Slug, a.Slug}, {"date", back.Date, a.Date}, {"url", back.URL, a.URL},
	} {
		if f(fl.got) != f(fl.want) {
			t.Errorf("ParseHTML(HTML(a)).%s = %q, want %q", fl.name, fl.got, fl.want)
		}
	}
}

func TestHTMLFragment(t *testing.T) {
	t.Parallel()
	a := loadArticle(t, "sample.json")
	frag := HTML(a, HTMLOptions{Fragment: true})
	if !bytes.HasPrefix(frag, []byte("<article>")) || !bytes.HasSuffix(frag, []byte("</article>\n")) {
		t.Errorf("fragment must be exactly one <article>: %.40s … %s", frag, frag[len(frag)-20:])
	}
	for _, s := range []string{"<html", "<head", "<script", "<body"} {
		if bytes.Contains(frag, []byte(s)) {
			t.Errorf("fragment holds %s", s)
		}
	}
	// The fragment is the page's <article>, byte for byte.
	if page := HTML(a, HTMLOptions{}); !bytes.Contains(page, frag) {
		t.Error("fragment differs from the page's <article>")
	}
}

// TestHTMLMaliciousArticle renders text and URLs written to break out of
// text nodes, attributes and the JSON-LD script, and asserts the page is
// inert: no element or attribute that the article did not ask for, every
// hostile text kept as text.
func TestHTMLMaliciousArticle(t *testing.T) {
	t.Parallel()
	const xss = `<script>alert(1)</script>`
	const attr = `" onmouseover="alert(1)`
	a := &article.Article{
		Title:           "Titre " + xss,
		SEOTitle:        "</title><script>alert(1)</script>",
		MetaDescription: attr,
		Keyphrase:       "' onfocus='alert(1)",
		Slug:            "x",
		Date:            `2021-03-06"><script>alert(1)</script>`,
		URL:             "javascript:alert(1)",
		Lang:            `fr"><script>alert(1)</script>`,
		Blocks: []article.Block{
			{Kind: article.Paragraph, Text: "texte " + xss + " et " + attr + " puis lien et autre et data et vb", Links: []article.Link{
				{Text: "lien", URL: "javascript:alert(1)"},
				{Text: "autre", URL: "  JaVaScRiPt:alert(1)"},
				{Text: "data", URL: "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="},
				{Text: "vb", URL: "java\nscript:alert(1)"},
				{Text: "et", URL: `https://x.fr/" onclick="alert(1)`},
			}},
			{Kind: article.Heading, Level: 2, Text: "</section></article>" + xss, Section: `faq" onclick="x`},
			{Kind: article.Image, Src: "javascript:alert(1)", Alt: attr},
			{Kind: article.Image, Src: `x.png" onerror="alert(1)`, Alt: "ok"},
			{Kind: article.List, Items: []string{xss, "</li></ul><script>alert(1)</script>"}},
			{Kind: article.Quote, Text: "</blockquote>" + xss},
		},
		FAQ:     []article.QA{{Question: "</script><script>alert(1)</script>", Answer: "<!-- </script> -->"}},
		Sources: []article.Source{{Title: xss, URL: "javascript:alert(1)"}, {Title: "ok", URL: "https://x.fr/</script>"}},
	}
	for _, opts := range []HTMLOptions{{Author: "</script>" + xss, Publisher: attr}, {Fragment: true}} {
		page := HTML(a, opts)
		doc := parseHTML(t, page)
		assertInert(t, doc, page)
		if !opts.Fragment {
			scripts := find(doc, atom.Script)
			if len(scripts) != 1 {
				t.Fatalf("want exactly the JSON-LD script, got %d:\n%s", len(scripts), page)
			}
			var ld map[string]any
			if err := json.Unmarshal([]byte(textOf(scripts[0])), &ld); err != nil {
				t.Fatalf("JSON-LD did not survive as one script: %v", err)
			}
		}
		body := textOf(find(doc, atom.Article)[0])
		for _, s := range []string{xss, attr, "</section></article>", "</li></ul>"} {
			if !strings.Contains(body, s) {
				t.Errorf("hostile text %q must stay as text", s)
			}
		}
	}
}

// assertInert fails when doc holds a script other than the JSON-LD, an
// event-handler attribute, or a URL attribute with a refused scheme.
func assertInert(t *testing.T, doc *html.Node, page []byte) {
	t.Helper()
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Script:
				if typ, _ := attrOf(n, "type"); typ != "application/ld+json" {
					t.Errorf("script element injected:\n%s", page)
				}
			case atom.Iframe, atom.Object, atom.Embed, atom.Style, atom.Svg, atom.Math:
				t.Errorf("<%s> injected", n.Data)
			}
			for _, a := range n.Attr {
				if strings.HasPrefix(strings.ToLower(a.Key), "on") {
					t.Errorf("event attribute %s=%q on <%s>", a.Key, a.Val, n.Data)
				}
				if a.Key == "href" || a.Key == "src" {
					if _, ok := safeURL(a.Val); !ok {
						t.Errorf("%s=%q on <%s> is not a safe URL", a.Key, a.Val, n.Data)
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
}

func TestSafeURL(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"https://exemple.fr/a?b=c#d", "https://exemple.fr/a?b=c#d", true},
		{"HTTP://EXEMPLE.FR", "HTTP://EXEMPLE.FR", true},
		{"mailto:presse@exemple.fr", "mailto:presse@exemple.fr", true},
		{"/actu/x", "/actu/x", true},
		{"../x", "../x", true},
		{"x.html", "x.html", true},
		{"#faq", "#faq", true},
		{"?q=a:b", "?q=a:b", true},
		{"//cdn.exemple.fr/a.png", "//cdn.exemple.fr/a.png", true},
		{"./a:b", "./a:b", true},
		{"  https://x.fr  ", "https://x.fr", true},
		{"javascript:alert(1)", "", false},
		{"JAVASCRIPT:alert(1)", "", false},
		{"java\tscript:alert(1)", "", false},
		{"java\nscript:alert(1)", "", false},
		{"\x01javascript:alert(1)", "", false},
		{"jav\x00ascript:alert(1)", "", false},
		{"data:text/html,x", "", false},
		{"vbscript:x", "", false},
		{"file:///etc/passwd", "", false},
		{"a:b", "", false},
		{"", "", false},
		{"   ", "", false},
	}
	for _, tt := range tests {
		got, ok := safeURL(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("safeURL(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
