package render

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/plume-seo/plume/internal/article"
)

// genVocab is what generated articles are written with: French words and
// typography, and every character or sequence that means something to
// CommonMark, GFM, Hugo or YAML.
var genVocab = []string{
	"le", "piratage", "Microsoft", "Exchange", "l’État", "30\u202f000", "«\u00a0", "\u00a0»", "\u00a0:", "\u00a0?",
	"C’est", "été", "*", "**", "_", "__", "`", "```", "[", "]", "(", ")", "#", "##", "-", "+", ">", "1.", "2)",
	"!", "<", "<b>", "</p>", "<!--", "-->", "<?", "<http://x.fr>", "&", "&amp;", "&#42;", "&#x2a;", "\\", "~", "~~",
	"|", "{", "}", "{#id}", ":", "@", "http://x.fr", "https://x.fr/a", "ftp://x.org", "www.x.fr", "a@b.fr", "---",
	"***", "===", "[ ]", "[x]", "![", "](", "[…]", ".", ",", "=", "$", "%", "^", "\"", "'", "?", ";", "/", "0",
	"x", "\t", "\n", "  ", "yes", "null", "- a: b", "'q'", "\"q\"", "[^1]", "[a]:", "<script>", "javascript:",
}

var genURLs = []string{
	"/a", "https://x.fr/(a)", "https://x.fr/a b", "/é", "mailto:a@b.fr", "https://x.fr/?a=1&amp;b=2",
	"javascript:alert(1)", "/a\\b", "https://x.fr/a)b", "<x>", "", "#faq", "data:x",
}

// byteReader hands out the fuzzer's bytes, then zeros.
type byteReader struct {
	data []byte
	i    int
}

func (r *byteReader) next() int {
	if r.i >= len(r.data) {
		return 0
	}
	r.i++
	return int(r.data[r.i-1])
}

func (r *byteReader) phrase(maxTokens int) (string, []string) {
	n := r.next()%maxTokens + 1
	var b strings.Builder
	var toks []string
	for range n {
		c := r.next()
		tok := genVocab[(c&0x7f)%len(genVocab)]
		if c&0x80 != 0 && b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(tok)
		toks = append(toks, tok)
	}
	return b.String(), toks
}

// links makes up to two links on tokens of toks and, for the odd byte, one
// on any run of text, cut at character boundaries.
func (r *byteReader) links(text string, toks []string) []article.Link {
	var out []article.Link
	for range r.next() % 3 {
		lt := toks[r.next()%len(toks)]
		if c := r.next(); c%2 == 1 && len(text) > 0 {
			i := c * len(text) / 256
			j := min(len(text), i+r.next()%24+1)
			for i > 0 && !utf8.RuneStart(text[i]) {
				i--
			}
			for j < len(text) && !utf8.RuneStart(text[j]) {
				j++
			}
			lt = text[i:j]
		}
		out = append(out, article.Link{Text: lt, URL: genURLs[r.next()%len(genURLs)], NoFollow: r.next()%2 == 0})
	}
	return out
}

// genArticle builds an article from fuzz bytes.
func genArticle(data []byte) *article.Article {
	r := &byteReader{data: data}
	a := &article.Article{Lang: "fr"}
	a.Title, _ = r.phrase(6)
	if clean(a.Title) == "" {
		// Every article has a title; without one, ParseMarkdown rightly
		// takes a body H1 for it.
		a.Title = "Titre"
	}
	if r.next()%2 == 0 {
		a.SEOTitle, _ = r.phrase(4)
	}
	a.MetaDescription, _ = r.phrase(8)
	a.Slug, _ = r.phrase(2)
	a.Keyphrase, _ = r.phrase(3)
	a.Date, _ = r.phrase(2)
	for range r.next() % 8 {
		var b article.Block
		switch r.next() % 5 {
		case 0:
			var toks []string
			b = article.Block{Kind: article.Heading, Level: r.next()%7 + 1}
			b.Text, toks = r.phrase(5)
			b.Links = r.links(b.Text, toks)
		case 1:
			b = article.Block{Kind: article.List}
			var all []string
			for range r.next()%3 + 1 {
				it, toks := r.phrase(5)
				b.Items = append(b.Items, it)
				all = append(all, toks...)
			}
			b.Text = strings.Join(b.Items, "\n")
			b.Links = r.links(b.Text, all)
		case 2:
			var toks []string
			b = article.Block{Kind: article.Quote}
			b.Text, toks = r.phrase(8)
			b.Links = r.links(b.Text, toks)
		case 3:
			b = article.Block{Kind: article.Image, Src: genURLs[r.next()%len(genURLs)]}
			b.Alt, _ = r.phrase(4)
		default:
			var toks []string
			b = article.Block{Kind: article.Paragraph}
			b.Text, toks = r.phrase(10)
			b.Links = r.links(b.Text, toks)
		}
		a.Blocks = append(a.Blocks, b)
	}
	return a
}

// TestMarkdownRoundTripGenerated runs the round-trip property on generated
// articles at every test run; FuzzMarkdownRoundTrip explores further.
func TestMarkdownRoundTripGenerated(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(5, 8))
	n := 400
	if testing.Short() {
		n = 50
	}
	for range n {
		data := make([]byte, 16+rng.IntN(96))
		for i := range data {
			data[i] = byte(rng.Uint32())
		}
		checkRoundTrip(t, genArticle(data))
		if t.Failed() {
			t.Fatalf("generated from %q", data)
		}
	}
}

func FuzzMarkdownRoundTrip(f *testing.F) {
	f.Add([]byte("\x05\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c"))
	f.Add([]byte("piratage microsoft exchange: 30 000 « » [lien](x) *a* _b_ #c"))
	f.Add([]byte{0x83, 0x12, 0x90, 0x9e, 0x1f, 0x40, 0x07, 0x04, 0x00, 0x8c, 0x33, 0x02, 0x01, 0x05, 0x3a, 0x7f, 0xff})
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRoundTrip(t, genArticle(data))
	})
}

// FuzzHTMLSafety feeds arbitrary strings to every field and asserts the
// page stays inert and the JSON-LD stays one valid script; the other
// renderers must not panic on the same article.
func FuzzHTMLSafety(f *testing.F) {
	f.Add("Titre", "texte <script>alert(1)</script>", "javascript:alert(1)", `" onmouseover="x`)
	f.Add("</title>", "</article>", "java\tscript:x", "</script>")
	f.Add("\x00", "\xff\xfe", " data:x", "<!--")
	f.Fuzz(func(t *testing.T, title, text, url, other string) {
		a := &article.Article{
			Title: title, SEOTitle: other, MetaDescription: text, Keyphrase: other, Slug: title, Date: other, URL: url, Lang: other,
			Blocks: []article.Block{
				{Kind: article.Paragraph, Text: text + " " + other, Links: []article.Link{{Text: other, URL: url}, {Text: text, URL: other}}},
				{Kind: article.Heading, Level: len(text), Text: other, Section: text},
				{Kind: article.List, Items: []string{text, other}, Links: []article.Link{{Text: text, URL: url}}},
				{Kind: article.Quote, Text: text},
				{Kind: article.Image, Src: url, Alt: text},
				{Kind: article.Kind(other), Text: text},
			},
			FAQ:     []article.QA{{Question: text, Answer: other}},
			Sources: []article.Source{{Title: text, URL: url}},
		}
		for _, opts := range []HTMLOptions{{Author: other, Publisher: text}, {Fragment: true}} {
			page := HTML(a, opts)
			doc := parseHTML(t, page)
			assertInert(t, doc, page)
		}
		if _, err := JSONLD(a, HTMLOptions{}); err != nil {
			t.Errorf("JSONLD: %v", err)
		}
		_ = PlainText(a)
		if _, err := article.ParseMarkdown(Markdown(a)); err != nil && clean(title) != "" {
			t.Errorf("Markdown does not parse back: %v", err)
		}
	})
}
