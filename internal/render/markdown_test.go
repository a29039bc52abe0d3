package render

import (
	"bytes"
	"errors"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/plume-seo/plume/internal/article"
	"gopkg.in/yaml.v3"
)

// checkRoundTrip asserts that a's Markdown reads back, through plume's
// parser and through goldmark + article.ParseHTML, as the same fields and
// blocks.
func checkRoundTrip(t testing.TB, a *article.Article) {
	t.Helper()
	md := Markdown(a)
	got, err := article.ParseMarkdown(md)
	if err != nil {
		if errors.Is(err, article.ErrEmpty) && clean(a.Title) == "" && !hasBodyText(a) {
			return // nothing to read back: ErrEmpty is right
		}
		t.Fatalf("ParseMarkdown: %v\n%s", err, md)
	}
	fields := []struct{ name, got, want string }{
		{"title", got.Title, clean(a.Title)},
		{"description", got.MetaDescription, clean(a.MetaDescription)},
		{"slug", got.Slug, clean(a.Slug)},
		{"keyphrase", got.Keyphrase, clean(a.Keyphrase)},
		{"date", got.Date, clean(a.Date)},
	}
	wantSEO := clean(a.SEOTitle)
	if wantSEO == clean(a.Title) {
		wantSEO = ""
	}
	fields = append(fields, struct{ name, got, want string }{"seo_title", got.SEOTitle, wantSEO})
	for _, f := range fields {
		if f.got != f.want {
			t.Errorf("%s: got %q, want %q\n%s", f.name, f.got, f.want, md)
		}
	}

	q := parserQuirks()
	wantNorm, gotNorm := textNorm(func(s string) string { return s }), textNorm(func(s string) string { return s })
	if q.foldsNBSP {
		wantNorm = foldSpaces
	}
	gotNorm = func(s string) string {
		if q.keepsEscapes {
			s = unescapeText(s)
		}
		return wantNorm(s)
	}
	want := expectBlocks(a, wantNorm, true)
	gb := got.Blocks
	for i := range gb {
		if q.keepsEscapes {
			for j := range gb[i].Links {
				gb[i].Links[j].URL = unescapeDest(gb[i].Links[j].URL)
			}
			gb[i].Src = unescapeDest(gb[i].Src)
		}
	}
	if g := normalizeBlocks(gb, gotNorm); !reflect.DeepEqual(g, want) && !(len(g) == 0 && len(want) == 0) {
		t.Errorf("ParseMarkdown blocks differ\n got %+v\nwant %+v\n%s", g, want, md)
	}

	// The published path: goldmark prints the HTML that a reader sees.
	// ParseHTML takes the first <h1> for the title: give it one, so that a
	// level-1 heading of the body stays a block.
	page := append([]byte("<h1>Titre</h1>\n"), goldmarkHTML(t, md)...)
	want = expectBlocks(a, foldSpaces, true)
	h, err := article.ParseHTML(page)
	if err != nil {
		if len(want) == 0 {
			return
		}
		t.Fatalf("ParseHTML(goldmark): %v\n%s", err, page)
	}
	// goldmark percent-encodes what a URL may not hold raw.
	unpct := func(u string) string {
		if d, err := url.PathUnescape(u); err == nil {
			return d
		}
		return u
	}
	for _, bs := range [][]article.Block{h.Blocks, want} {
		for i := range bs {
			bs[i].Src = unpct(bs[i].Src)
			for j := range bs[i].Links {
				bs[i].Links[j].URL = unpct(bs[i].Links[j].URL)
			}
		}
	}
	if g := normalizeBlocks(h.Blocks, foldSpaces); !reflect.DeepEqual(g, want) && !(len(g) == 0 && len(want) == 0) {
		t.Errorf("goldmark blocks differ\n got %+v\nwant %+v\nmarkdown:\n%s\nhtml:\n%s", g, want, md, page)
	}
}

// hasBodyText says whether a's rendered body holds text (images' alt texts
// are not body text).
func hasBodyText(a *article.Article) bool {
	for _, b := range expectBlocks(a, foldSpaces, true) {
		if b.Kind != article.Image && strings.TrimSpace(b.Text) != "" {
			return true
		}
	}
	return false
}

func TestMarkdownRoundTrip(t *testing.T) {
	t.Parallel()
	p := func(text string, links ...article.Link) article.Block {
		return article.Block{Kind: article.Paragraph, Text: text, Links: links}
	}
	h := func(level int, text string) article.Block {
		return article.Block{Kind: article.Heading, Level: level, Text: text, Section: "body"}
	}
	list := func(items ...string) article.Block {
		return article.Block{Kind: article.List, Items: items, Text: strings.Join(items, "\n")}
	}
	tests := []struct {
		name string
		a    *article.Article
	}{
		{"sample", loadArticle(t, "sample.json")},
		{"line starts", &article.Article{
			Title: "# Pas un titre : « vraiment »", Slug: "x", Keyphrase: "yes", Date: "2021-03-06",
			Blocks: []article.Block{
				p("# pas un titre"), p("- pas une liste"), p("+ 3 %"), p("* étoile"), p("2021. Une année"),
				p("3) troisième"), p("> pas une citation"), p("---"), p("* * *"), p("___"), p(": définition"),
				p("#MeToo reste du texte"), p("1er mars"), p("==="), p("    indenté"),
				h(2, "Un titre qui finit par #"), h(2, "#"), h(3, "C# et F#"), h(2, "Attributs {#id .classe}"),
				list("- tiret", "[ ] case", "[x] cochée", "> chevron", "1. un", "## deux"),
			},
		}},
		{"inline", &article.Article{
			Title: "Inline", SEOTitle: "Inline : le titre SEO",
			Blocks: []article.Block{
				p("2 * 3 = 6, snake_case, _souligné_ et *gras* ou **très gras**"),
				p("Une citation coupée […] puis [ceci](cela) et [a]: b, ![pas une image](x.png)"),
				p("<script>alert(1)</script> <b>gras</b> <!-- commentaire --> <?php ?> <!DOCTYPE>"),
				p("AT&T, &amp; &#42; &#x2A; et &copy; restent tels quels"),
				p("du `code` et ```trois```, ~barré~ et ~~barré~~, un tilde ~ seul"),
				p(`un antislash \ seul, C:\dossier, \*échappé\* et \\ double`),
				p("http://exemple.fr, https://exemple.fr/a, ftp://x.org, www.exemple.fr et presse@exemple.fr"),
				p("Bravo!", article.Link{Text: "Bravo", URL: "https://x.fr"}),
				p("Bravo![lien] fin", article.Link{Text: "lien", URL: "https://x.fr/l"}),
				p("fin\\", article.Link{Text: "fin", URL: "https://x.fr"}),
				p("foo_bar baz", article.Link{Text: "bar", URL: "https://x.fr"}),
				p("un lien [entre crochets] ici", article.Link{Text: "[entre crochets]", URL: "https://x.fr/(a)"}),
			},
		}},
		{"links", &article.Article{
			Title: "Liens", Keyphrase: "liens",
			Blocks: []article.Block{
				p("ici et ici encore, puis là", article.Link{Text: "ici", URL: "/a"}, article.Link{Text: "ici", URL: "/b"}, article.Link{Text: "là", URL: "https://x.fr/c d"}),
				p("ordre inverse : premier puis second", article.Link{Text: "second", URL: "/2"}, article.Link{Text: "premier", URL: "/1"}),
				p("lien absent", article.Link{Text: "introuvable", URL: "/x"}),
				p("lien dangereux", article.Link{Text: "dangereux", URL: "javascript:alert(1)"}),
				p("Wikipédia", article.Link{Text: "Wikipédia", URL: "https://fr.wikipedia.org/wiki/Exchange_(logiciel)"}),
				p("parenthèse", article.Link{Text: "parenthèse", URL: "https://x.fr/a)b"}),
				{Kind: article.Heading, Level: 2, Text: "Un titre avec un lien", Links: []article.Link{{Text: "lien", URL: "/t"}}},
				{Kind: article.Quote, Text: "« Une citation » de Jen Psaki", Links: []article.Link{{Text: "Jen Psaki", URL: "https://x.fr/psaki"}}},
				{Kind: article.List, Items: []string{"un", "deux et un"}, Links: []article.Link{{Text: "deux", URL: "/2"}, {Text: "un", URL: "/1"}}},
				list("liste collée"), list("à la précédente"),
				{Kind: article.Image, Src: "/img/a (1).png", Alt: "Une image [recadrée]"},
				{Kind: article.Image, Src: "data:image/png;base64,AAAA", Alt: "Image refusée"},
				{Kind: article.Quote, Text: "citation"}, {Kind: article.Quote, Text: "autre citation"},
			},
		}},
		{"whitespace", &article.Article{
			Title: "Titre\nsur deux lignes", MetaDescription: "  description  ",
			Blocks: []article.Block{p("un\nparagraphe\n\n# sur\tplusieurs lignes"), p("   "), list("", "seul"), {Kind: article.Heading, Level: 9, Text: "niveau 9"}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			checkRoundTrip(t, tt.a)
		})
	}
}

func TestMarkdownEscapesOnlyWhereNeeded(t *testing.T) {
	t.Parallel()
	tests := []struct{ text, want string }{
		{"« Bonjour », dit-il\u00a0; l’État\u00a0: 30\u202f000\u00a0€ !", "« Bonjour », dit-il\u00a0; l’État\u00a0: 30\u202f000\u00a0€ !"},
		{"2 * 3 et snake_case", "2 * 3 et snake_case"},
		{"#MeToo", "#MeToo"},
		{"# titre", `\# titre`},
		{"- liste", `\- liste`},
		{"2021. Année", `2021\. Année`},
		{"> citation", `\> citation`},
		{"*gras*", `\*gras\*`},
		{"_souligné_", `\_souligné\_`},
		{"[…] a-t-il dit", "[…] a-t-il dit"},
		{"[ceci](cela)", `[ceci\](cela)`},
		{"<script>", `\<script>`},
		{"a < b > c", "a < b > c"},
		{"AT&T", "AT&T"},
		{"&amp;", `\&amp;`},
		{"`code`", "\\`code\\`"},
		{"http://x.fr", `http\://x.fr`},
		{"www.x.fr", `www\.x.fr`},
		{"presse@x.fr", `presse\@x.fr`},
		{"@Elysee", "@Elysee"},
		{`C:\dossier`, `C:\dossier`},
		{`\*`, `\\\*`},
		{"---", `\---`},
		{"!important", "!important"},
	}
	for _, tt := range tests {
		a := &article.Article{Title: "t", Blocks: []article.Block{{Kind: article.Paragraph, Text: tt.text}}}
		md := string(Markdown(a))
		body := md[strings.Index(md, "---\n\n")+5:]
		if got := strings.TrimSuffix(body, "\n"); got != tt.want {
			t.Errorf("Markdown(%q) body = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestMarkdownFrontMatter(t *testing.T) {
	t.Parallel()
	a := loadArticle(t, "sample.json")
	md := Markdown(a)
	if !bytes.HasPrefix(md, []byte("---\ntitle: ")) {
		t.Fatalf("front matter must open the file with title first:\n%s", md)
	}
	end := bytes.Index(md[4:], []byte("\n---\n"))
	if end < 0 {
		t.Fatalf("front matter not closed:\n%s", md)
	}
	fm := md[4 : 4+end+1]
	// Key order: a human reads title first, sources last.
	var node yaml.Node
	if err := yaml.Unmarshal(fm, &node); err != nil {
		t.Fatalf("front matter is not YAML: %v", err)
	}
	var keys []string
	for i := 0; i < len(node.Content[0].Content); i += 2 {
		keys = append(keys, node.Content[0].Content[i].Value)
	}
	wantKeys := []string{"title", "seo_title", "description", "slug", "keyphrase", "date", "lang", "sources"}
	if !reflect.DeepEqual(keys, wantKeys) {
		t.Errorf("keys %v, want %v", keys, wantKeys)
	}
	var f struct {
		Title   string `yaml:"title"`
		Sources []struct{ Title, URL string }
	}
	if err := yaml.Unmarshal(fm, &f); err != nil {
		t.Fatal(err)
	}
	if f.Title != a.Title {
		t.Errorf("title %q, want %q", f.Title, a.Title)
	}
	if len(f.Sources) != len(a.Sources) {
		t.Fatalf("sources %d, want %d", len(f.Sources), len(a.Sources))
	}
	for i, s := range f.Sources {
		if s.Title != a.Sources[i].Title || s.URL != a.Sources[i].URL {
			t.Errorf("source %d = %+v, want %+v", i, s, a.Sources[i])
		}
	}
	// The body starts with the lead, not with a "# Title" heading.
	body := md[4+end+5:]
	if !bytes.HasPrefix(bytes.TrimLeft(body, "\n"), []byte("Le piratage")) {
		t.Errorf("body must start with the lead:\n%.200s", body)
	}

	// seo_title is left out when it says the same as the title, and YAML
	// values that would read as other types stay strings.
	b := &article.Article{Title: "yes", SEOTitle: "yes", Slug: "2021-03-06", Keyphrase: "null", MetaDescription: "- a: b #c"}
	got, err := article.ParseMarkdown(Markdown(b))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(Markdown(b), []byte("seo_title")) {
		t.Errorf("seo_title printed though equal to title:\n%s", Markdown(b))
	}
	if got.Title != "yes" || got.Slug != "2021-03-06" || got.Keyphrase != "null" || got.MetaDescription != "- a: b #c" {
		t.Errorf("YAML quoting: got %+v", got)
	}
}

func TestMarkdownDropsUnsafeLinks(t *testing.T) {
	t.Parallel()
	for _, u := range []string{"javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)", " javascript:x", "data:text/html,<script>", "vbscript:x", "file:///etc/passwd"} {
		a := &article.Article{Title: "t", Blocks: []article.Block{{Kind: article.Paragraph, Text: "cliquez ici", Links: []article.Link{{Text: "ici", URL: u}}}}}
		md := string(Markdown(a))
		if strings.Contains(md, "](") || !strings.Contains(md, "cliquez ici") {
			t.Errorf("link to %q: want plain text, got\n%s", u, md)
		}
	}
}
