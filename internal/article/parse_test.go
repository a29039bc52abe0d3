package article

import (
	"reflect"
	"strings"
	"testing"
)

const sampleMD = `---
title: "Piratage de Microsoft Exchange : Washington s’inquiète"
description: "La Maison Blanche met en garde contre le piratage de Microsoft Exchange."
slug: piratage-microsoft-exchange
keyphrase: piratage Microsoft Exchange
date: 2021-03-06
---

Le **piratage Microsoft Exchange** inquiète la [Maison Blanche](https://www.whitehouse.gov/).

## Ce que l’on sait

- au moins 30 000 organisations
- des [correctifs](/correctifs) publiés mardi

> « C’est une menace active », a dit Jen Psaki.

![Serveurs Microsoft Exchange](/img/exchange.png)

### Un détail

Texte.
`

func TestParseMarkdown(t *testing.T) {
	t.Parallel()
	a, err := ParseMarkdown([]byte(sampleMD))
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Piratage de Microsoft Exchange : Washington s’inquiète" || a.Slug != "piratage-microsoft-exchange" ||
		a.Keyphrase != "piratage Microsoft Exchange" || a.Date != "2021-03-06" ||
		a.MetaDescription != "La Maison Blanche met en garde contre le piratage de Microsoft Exchange." {
		t.Errorf("front matter: %+v", a)
	}
	want := []Block{
		{Kind: Paragraph, Text: "Le piratage Microsoft Exchange inquiète la Maison Blanche.", Links: []Link{{Text: "Maison Blanche", URL: "https://www.whitehouse.gov/"}}},
		{Kind: Heading, Level: 2, Text: "Ce que l’on sait"},
		{Kind: List, Text: "au moins 30 000 organisations\ndes correctifs publiés mardi", Items: []string{"au moins 30 000 organisations", "des correctifs publiés mardi"}, Links: []Link{{Text: "correctifs", URL: "/correctifs"}}},
		{Kind: Quote, Text: "« C’est une menace active », a dit Jen Psaki."},
		{Kind: Image, Src: "/img/exchange.png", Alt: "Serveurs Microsoft Exchange"},
		{Kind: Heading, Level: 3, Text: "Un détail"},
		{Kind: Paragraph, Text: "Texte."},
	}
	if !reflect.DeepEqual(a.Blocks, want) {
		t.Errorf("blocks\n got %+v\nwant %+v", a.Blocks, want)
	}
	if got := len(a.Headings(2, 3)); got != 2 {
		t.Errorf("Headings(2,3) = %d", got)
	}
}

func TestParseMarkdownTitleFromH1(t *testing.T) {
	t.Parallel()
	a, err := ParseMarkdown([]byte("# Le titre\n\nUn paragraphe.\n\n# Un second H1\n"))
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Le titre" || len(a.Headings(1)) != 1 {
		t.Errorf("title %q, H1 left in body: %d", a.Title, len(a.Headings(1)))
	}
}

const sampleHTML = `<!DOCTYPE html><html lang="fr"><head>
<title>Piratage Microsoft Exchange : ce que l’on sait</title>
<meta name="description" content="Ce que l’on sait du piratage.">
<meta name="keyphrase" content="piratage Microsoft">
<link rel="canonical" href="https://exemple.fr/actu/piratage-microsoft-exchange/">
</head><body>
<h1>Le piratage de Microsoft Exchange</h1>
<p>Un <a href="https://exemple.fr/autre">lien interne</a> et un <a rel="nofollow" href="https://reuters.com/x">lien externe</a>.</p>
<h2>Les victimes</h2>
<ul><li>30 000 aux États-Unis</li><li>250 000 dans le monde</li></ul>
<p><img src="a.png" alt="Un serveur"></p>
<blockquote><p>Une citation.</p></blockquote>
<script>alert(1)</script>
<div>Texte libre <em>hors paragraphe</em></div>
</body></html>`

func TestParseHTML(t *testing.T) {
	t.Parallel()
	a, err := Parse([]byte(sampleHTML))
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Le piratage de Microsoft Exchange" || a.SEOTitle != "Piratage Microsoft Exchange : ce que l’on sait" ||
		a.Slug != "piratage-microsoft-exchange" || a.Keyphrase != "piratage Microsoft" || a.MetaDescription != "Ce que l’on sait du piratage." {
		t.Errorf("head: %+v", a)
	}
	var kinds []string
	for _, b := range a.Blocks {
		kinds = append(kinds, string(b.Kind))
	}
	if got := strings.Join(kinds, ","); got != "paragraph,heading,list,image,quote,paragraph" {
		t.Errorf("kinds = %s", got)
	}
	if l := a.Blocks[0].Links; len(l) != 2 || !l[1].NoFollow || l[0].URL != "https://exemple.fr/autre" {
		t.Errorf("links = %+v", l)
	}
	if a.Blocks[5].Text != "Texte libre hors paragraphe" {
		t.Errorf("loose text = %q", a.Blocks[5].Text)
	}
	if strings.Contains(a.BodyText(), "alert") {
		t.Error("script text in body")
	}
}

func TestParseErrors(t *testing.T) {
	t.Parallel()
	for _, src := range []string{"", "   \n", "---\ntitle: [unclosed\n---\ntext", "<html><body><script>x</script></body></html>"} {
		if _, err := Parse([]byte(src)); err == nil {
			t.Errorf("Parse(%q) succeeded", src)
		} else if strings.Contains(err.Error(), "\n") {
			t.Errorf("multi-line error %q", err)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(sampleMD))
	f.Add([]byte(sampleHTML))
	f.Add([]byte("---\n---\n# x"))
	f.Fuzz(func(t *testing.T, src []byte) {
		a, err := Parse(src)
		if err == nil && a.Blocks == nil {
			t.Fatal("nil blocks")
		}
	})
}
