package extract

import (
	"strings"
	"testing"
)

func TestBrowserText(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, html, want string }{
		{"paragraphs get a blank line", `<p>Un.</p><p>Deux.</p>`, "Un.\n\nDeux."},
		{"divs break lines", `<div>Un</div><div>Deux</div>`, "Un\nDeux"},
		{"inline elements join", `<p>Le <em>maire</em> de <a href="#">Lyon</a>.</p>`, "Le maire de Lyon."},
		{"whitespace collapses", "<p>  Un \n\t deux   trois </p>", "Un deux trois"},
		{"br breaks the line", `<p>Un<br>Deux<br></p><p>Trois</p>`, "Un\nDeux\n\nTrois"},
		{"double br leaves a blank line", `<div>Un<br><br>Deux</div>`, "Un\n\nDeux"},
		{"headings and lists", `<h1>Titre</h1><ul><li>A</li><li>B</li></ul><p>Fin</p>`, "Titre\n\nA\nB\n\nFin"},
		{"nav, header, footer are text too", `<header><nav><a>Accueil</a> <a>Sports</a></nav></header><p>Corps</p><footer>© Journal</footer>`, "Accueil Sports\n\nCorps\n\n© Journal"},
		{"table cells tab-separated", `<table><tr><td>A</td><td>B</td></tr><tr><td>C</td><td> D </td></tr></table>`, "A\tB\nC\tD"},
		{"scripts and styles skipped", `<p>Avant</p><script>var x = "caché";</script><style>p{}</style><noscript>Activez JS</noscript><template><p>modèle</p></template><p>Après</p>`, "Avant\n\nAprès"},
		{"svg and iframe skipped", `<p>A<svg><text>logo</text></svg>B</p><iframe>pub</iframe>`, "AB"},
		{"hidden attribute", `<p>Vu</p><div hidden>Caché</div>`, "Vu"},
		{"aria-hidden", `<p>Vu <span aria-hidden="true">★</span>ici</p>`, "Vu ici"},
		{"aria-hidden false is shown", `<p>Vu <span aria-hidden="false">ici</span></p>`, "Vu ici"},
		{"inline display none", `<p>Vu</p><div style="color: red; DISPLAY : none !important">Caché</div><p style="visibility:hidden">Invisible</p>`, "Vu"},
		{"pre keeps spaces", "<pre>a  b\nc</pre>", "a  b\nc"},
		{"closed details shows summary only", `<details><summary>Plus</summary><p>Détail</p></details>`, "Plus"},
		{"open details shows all", `<details open><summary>Plus</summary><p>Détail</p></details>`, "Plus\n\nDétail"},
		{"soft hyphens and NFC", "<p>re\u00ADfor\u00ADme e\u0301te\u0301</p>", "reforme été"},
		{"no-break spaces kept", "<p>«\u00a0Oui\u00a0»</p>", "«\u00a0Oui\u00a0»"},
		{"head ignored", `<html><head><title>Titre</title></head><body><p>Corps</p></body></html>`, "Corps"},
		{"figure and caption", `<figure><img alt="x"><figcaption>Photo AFP</figcaption></figure><p>Texte</p>`, "Photo AFP\n\nTexte"},
		{"empty page", ``, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := BrowserText(strings.NewReader(tc.html))
			if err != nil {
				t.Fatalf("BrowserText: %v", err)
			}
			if got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestBrowserTextArticle(t *testing.T) {
	t.Parallel()
	got, err := BrowserText(openFixture(t, "article.html"))
	if err != nil {
		t.Fatal(err)
	}
	// A browser copy keeps the furniture: that is its point.
	for _, want := range []string{"Accueil\nPolitique", "Je m’abonne", "Par Claire Fontanel, publié le 14 mars 2024", "Une rame de la ligne A", "Six nouvelles stations\n\nLe tracé", "À lire aussi", "Mentions légales"} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q", want)
		}
	}
	for _, hidden := range []string{"Offre spéciale", "dataLayer", "tracking", "color:red"} {
		if strings.Contains(got, hidden) {
			t.Errorf("hidden text %q rendered", hidden)
		}
	}
}
