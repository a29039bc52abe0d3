package extract

import (
	"errors"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/text/unicode/norm"
)

func openFixture(t testing.TB, name string) *os.File {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestFromHTMLArticle(t *testing.T) {
	t.Parallel()
	p, err := FromHTML(openFixture(t, "article.html"), "https://courrier-du-val.example/x")
	if err != nil {
		t.Fatalf("FromHTML: %v", err)
	}
	meta := []struct{ field, got, want string }{
		{"Title", p.Title, "Le tramway de Valmont prolongé jusqu’à la gare"},
		{"Author", p.Author, "Claire Fontanel"},
		{"Site", p.Site, "Le Courrier du Val"},
		{"Date", p.Date, "2024-03-14"},
		{"URL", p.URL, "https://courrier-du-val.example/transports/tramway-valmont-gare"},
		{"Language", p.Language, "fr"},
		{"Description", p.Description, "Les travaux de la ligne B du tramway de Valmont commenceront au printemps, a annoncé la métropole."},
	}
	for _, m := range meta {
		if m.got != m.want {
			t.Errorf("%s = %q, want %q", m.field, m.got, m.want)
		}
	}

	find := func(kind Kind, contains string) *Block {
		for i := range p.Blocks {
			if p.Blocks[i].Kind == kind && strings.Contains(p.Blocks[i].Text, contains) {
				return &p.Blocks[i]
			}
		}
		return nil
	}
	if b := find(KindHeading, "Six nouvelles stations"); b == nil || b.Level != 2 {
		t.Errorf("h2 heading missing or wrong level: %+v", b)
	}
	if b := find(KindQuote, "depuis quinze ans"); b == nil {
		t.Error("blockquote not emitted as a quote block")
	}
	if b := find(KindCaption, "Photo Julien Morel"); b == nil {
		t.Error("figcaption not emitted as a caption block")
	}
	if b := find(KindList, "Hôpital"); b == nil {
		t.Error("station list missing")
	} else if want := []string{"Tanneurs – Marché couvert", "Tanneurs – Hôpital", "Gare centrale"}; strings.Join(b.Items, "|") != strings.Join(want, "|") {
		t.Errorf("list items = %q, want %q", b.Items, want)
	} else if !strings.HasPrefix(b.Text, "- Tanneurs") || strings.Count(b.Text, "\n") != 2 {
		t.Errorf("list text = %q", b.Text)
	}
	// Inline markup keeps its text and spacing.
	if b := find(KindParagraph, "avenue Jean-Jaurès dès le mois"); b == nil {
		t.Error("emphasised text lost or glued to its neighbours")
	}
	if b := find(KindParagraph, "« compensations rapides »"); b == nil {
		t.Error("guillemets text lost")
	}

	text := p.Text()
	for _, furniture := range []string{"Je m’abonne", "Mentions légales", "Les bus de nuit", "Offre spéciale", "tracking", "dataLayer"} {
		if strings.Contains(text, furniture) {
			t.Errorf("furniture %q leaked into the article", furniture)
		}
	}
	if strings.Contains(text, "Photo Julien Morel") {
		t.Error("Page.Text must leave captions out")
	}
	if !strings.Contains(text, "148 millions d’euros") {
		t.Error("body paragraph missing from Page.Text")
	}
	// Reading order: the h2 comes after the first body paragraph.
	if i, j := strings.Index(text, "Le conseil métropolitain"), strings.Index(text, "Six nouvelles stations"); i < 0 || j < 0 || i > j {
		t.Errorf("blocks out of order (%d, %d)", i, j)
	}
}

// page wraps paragraphs in a minimal article page large enough for
// go-trafilatura's main extractor.
func page(paragraphs ...string) string {
	var b strings.Builder
	b.WriteString("<html lang=fr><head><title>Essai</title></head><body><nav><a href=/>Accueil</a></nav><article>")
	for _, p := range paragraphs {
		b.WriteString("<p>" + p + "</p>")
	}
	b.WriteString("</article><footer>Mentions légales</footer></body></html>")
	return b.String()
}

const filler = "Le conseil municipal a adopté mardi soir le budget de la commune après un long débat sur les investissements prévus pour les écoles, les routes et la rénovation de la piscine municipale."

func TestFromHTMLNormalisesText(t *testing.T) {
	t.Parallel()
	src := page("La re\u00ADfor\u00ADme des re\u0301seaux   de chaleur\tavance.", filler, filler+" Fin.")
	p, err := FromHTML(strings.NewReader(src), "")
	if err != nil {
		t.Fatalf("FromHTML: %v", err)
	}
	text := p.Text()
	if !strings.Contains(text, "La reforme des réseaux de chaleur avance.") {
		t.Errorf("soft hyphens, NFC or whitespace not normalised: %q", text)
	}
	if !norm.NFC.IsNormalString(text) || strings.ContainsRune(text, softHyphen) {
		t.Errorf("text not NFC or still has soft hyphens: %q", text)
	}
}

func TestFromHTMLNoContent(t *testing.T) {
	t.Parallel()
	scripts, err := os.ReadFile("testdata/scripts-only.html")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ name, html string }{
		{"scripts only", string(scripts)},
		{"empty", ""},
		{"blank body", "<html><head><title>Vide</title></head><body>  \n </body></html>"},
		{"styles and svg", "<html><body><style>p{}</style><svg><text>logo</text></svg><template><p>x</p></template></body></html>"},
		{"noscript notice", "<html><head><title>App</title></head><body><noscript>Veuillez activer JavaScript pour utiliser cette application, merci de votre compréhension et à bientôt sur notre site.</noscript><div id=root></div><script src=a.js></script></body></html>"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			p, err := FromHTML(strings.NewReader(tc.html), "https://example.org/a")
			if !errors.Is(err, ErrNoContent) {
				t.Fatalf("err = %v, page = %+v; want ErrNoContent", err, p)
			}
			if !strings.Contains(err.Error(), "https://example.org/a") {
				t.Errorf("error %q does not name the page", err)
			}
		})
	}
}

func TestFromHTMLShortPageFallsBack(t *testing.T) {
	t.Parallel()
	// Below go-trafilatura's 250-character threshold: the rescue paths
	// must still return the one paragraph there is.
	p, err := FromHTML(strings.NewReader(`<html><body><div><p>Le maire a démissionné jeudi.</p></div></body></html>`), "")
	if err != nil {
		t.Fatalf("FromHTML: %v", err)
	}
	if got := p.Text(); got != "Le maire a démissionné jeudi." {
		t.Errorf("Text() = %q", got)
	}
}

func parseBody(t testing.TB, fragment string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader("<html><body>" + fragment + "</body></html>"))
	if err != nil {
		t.Fatal(err)
	}
	var body *html.Node
	var find func(*html.Node)
	find = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "body" {
			body = n
		}
		for c := n.FirstChild; c != nil && body == nil; c = c.NextSibling {
			find(c)
		}
	}
	find(doc)
	return body
}

func TestWalkContent(t *testing.T) {
	t.Parallel()
	cm := string(captionMark)
	cases := []struct {
		name, html string
		want       []Block
	}{
		{"lost spaces around unwrapped tags", `<p>propriétaire de<em>La Provence</em>et de<em>Nice Matin</em>? Alors</p>`,
			[]Block{{Kind: KindParagraph, Text: "propriétaire de La Provence et de Nice Matin ? Alors"}}},
		{"apostrophe and closing punctuation stay joined", `<p>l’<em>Etat</em>, selon <em>Libé</em>.</p>`,
			[]Block{{Kind: KindParagraph, Text: "l’Etat, selon Libé."}}},
		{"superscripts stay joined", `<p>le 1<sup>er</sup> mai et le XIX<sup>e</sup> siècle</p>`,
			[]Block{{Kind: KindParagraph, Text: "le 1er mai et le XIXe siècle"}}},
		{"heading levels", `<h2>Un <em>titre</em></h2><h4>Sous-titre</h4>`,
			[]Block{{Kind: KindHeading, Level: 2, Text: "Un titre"}, {Kind: KindHeading, Level: 4, Text: "Sous-titre"}}},
		{"br splits paragraphs", `<p>Premier paragraphe.<br>Second paragraphe.</p>`,
			[]Block{{Kind: KindParagraph, Text: "Premier paragraphe."}, {Kind: KindParagraph, Text: "Second paragraphe."}}},
		{"blockquote paragraphs", `<blockquote><p>Un.</p><p>Deux.</p></blockquote><p>Après.</p>`,
			[]Block{{Kind: KindQuote, Text: "Un."}, {Kind: KindQuote, Text: "Deux."}, {Kind: KindParagraph, Text: "Après."}}},
		{"nested list flattened", `<ul><li>A<ul><li>A1</li></ul></li><li><p>B</p></li></ul>`,
			[]Block{{Kind: KindList, Text: "- A\n- A1\n- B", Items: []string{"A", "A1", "B"}}}},
		{"table rows", `<table><tr><th>Ville</th><th>Voix</th></tr><tr><td>Lyon</td><td>12</td></tr></table>`,
			[]Block{{Kind: KindTable, Text: "Ville | Voix\nLyon | 12", Items: []string{"Ville | Voix", "Lyon | 12"}}}},
		{"marked caption", `<p>` + cm + `Photo AFP</p><p>Texte.</p>`,
			[]Block{{Kind: KindCaption, Text: "Photo AFP"}, {Kind: KindParagraph, Text: "Texte."}}},
		{"figure from fallback HTML", `<figure><img src=x alt=y><figcaption>Légende</figcaption></figure>`,
			[]Block{{Kind: KindCaption, Text: "Légende"}}},
		{"images and scripts skipped", `<p>Avant <img alt="image"> après<script>x()</script></p>`,
			[]Block{{Kind: KindParagraph, Text: "Avant après"}}},
		{"loose text in a div", `<div>Texte libre <span>suivi</span><p>puis un paragraphe</p>et une fin</div>`,
			[]Block{{Kind: KindParagraph, Text: "Texte libre suivi"}, {Kind: KindParagraph, Text: "puis un paragraphe"}, {Kind: KindParagraph, Text: "et une fin"}}},
		{"empty blocks dropped", `<p> </p><h2></h2><ul><li> </li></ul>`, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := walkContent(parseBody(t, tc.html))
			if len(got) != len(tc.want) {
				t.Fatalf("got %d blocks %+v, want %+v", len(got), got, tc.want)
			}
			for i := range got {
				g, w := got[i], tc.want[i]
				if g.Kind != w.Kind || g.Level != w.Level || g.Text != w.Text || strings.Join(g.Items, "|") != strings.Join(w.Items, "|") {
					t.Errorf("block %d = %+v, want %+v", i, g, w)
				}
			}
		})
	}
}

func TestWalkContentJoinsTextNodesSplitByRemovedTags(t *testing.T) {
	t.Parallel()
	// go-trafilatura removes empty elements and leaves two text nodes
	// side by side: "à<em></em>Jean-Paul" in the page.
	p := &html.Node{Type: html.ElementNode, Data: "p"}
	p.AppendChild(&html.Node{Type: html.TextNode, Data: "donnait Jacques Chirac à"})
	p.AppendChild(&html.Node{Type: html.TextNode, Data: "Jean-Paul Delevoye."})
	body := &html.Node{Type: html.ElementNode, Data: "body"}
	body.AppendChild(p)
	got := walkContent(body)
	if len(got) != 1 || got[0].Text != "donnait Jacques Chirac à Jean-Paul Delevoye." {
		t.Errorf("got %+v", got)
	}
}

func TestMarkCaptions(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("mot ", maxCaptionRunes)
	cases := []struct {
		name, html, text string
		marked           bool
	}{
		{"figcaption", `<figure><figcaption>Photo AFP</figcaption></figure>`, "Photo AFP", true},
		{"legende class", `<div class="article-legende">Le maire, lundi.</div>`, "Le maire, lundi.", true},
		{"credit class", `<span class="photo-credit">© Reuters</span>`, "© Reuters", true},
		{"alt echoed under image", `<img alt="Le maire de Lyon, lundi."><p>- Le maire de Lyon, lundi. -</p>`, "- Le maire de Lyon, lundi. -", true},
		{"long wrapper with caption class is not a caption", `<div class="has-caption"><p>` + long + `</p></div>`, "mot mot", false},
		{"ordinary paragraph", `<p class="intro">Le maire a parlé.</p>`, "Le maire a parlé.", false},
		{"paragraph after image with other alt", `<img alt="Vue du port"><p>Le maire a parlé lundi.</p>`, "Le maire a parlé lundi.", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			body := parseBody(t, tc.html)
			prepare(body)
			var marked, found bool
			var walk func(*html.Node)
			walk = func(n *html.Node) {
				if n.Type == html.TextNode && strings.Contains(n.Data, strings.Fields(tc.text)[0]) {
					found = true
					marked = marked || strings.HasPrefix(n.Data, string(captionMark))
				}
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c)
				}
			}
			walk(body)
			if !found {
				t.Fatalf("text %q not found", tc.text)
			}
			if marked != tc.marked {
				t.Errorf("marked = %v, want %v", marked, tc.marked)
			}
		})
	}
}

func TestNormalize(t *testing.T) {
	t.Parallel()
	cases := []struct{ in, want string }{
		{"  un \t deux\n\ntrois  ", "un deux trois"},
		{"ré\u00ADgion", "région"},
		{"re\u0301gion", "région"},
		{"«\u00a0oui\u00a0»", "«\u00a0oui\u00a0»"},
		{"30 \u202f000", "30\u202f000"},
		{"zéro\u200blargeur", "zérolargeur"},
		{"\u00a0 bord \u00a0", "bord"},
		{"", ""},
	}
	for _, tc := range cases {
		if got := normalize(tc.in); got != tc.want {
			t.Errorf("normalize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestNeedsJoinSpace(t *testing.T) {
	t.Parallel()
	cases := []struct {
		prev, next rune
		want       bool
	}{
		{'e', 'L', true}, {'e', '«', true}, {'»', 'e', true}, {'n', '?', true}, {'9', 'm', true},
		{'’', 'E', false}, {'\'', 'E', false}, {'(', 'a', false}, {'a', ',', false}, {'a', '.', false},
		{'a', ')', false}, {' ', 'a', false}, {'a', ' ', false}, {0, 'a', false}, {'«', 'a', false},
	}
	for _, tc := range cases {
		if got := needsJoinSpace(tc.prev, tc.next); got != tc.want {
			t.Errorf("needsJoinSpace(%q, %q) = %v, want %v", tc.prev, tc.next, got, tc.want)
		}
	}
}

// checkNormalized fails when s breaks the text invariants FromHTML promises.
func checkNormalized(t *testing.T, what, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Errorf("%s is not UTF-8: %q", what, s)
	}
	if strings.ContainsAny(s, "\u00AD\uE000") {
		t.Errorf("%s has soft hyphens or caption marks: %q", what, s)
	}
	if strings.Contains(s, "  ") || strings.TrimSpace(s) != s {
		t.Errorf("%s has untrimmed or doubled spaces: %q", what, s)
	}
	if !norm.NFC.IsNormalString(s) {
		t.Errorf("%s is not NFC: %q", what, s)
	}
}

func utfValid(s string) bool { return utf8.ValidString(s) }
