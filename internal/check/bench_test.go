package check

import (
	"fmt"
	"strings"
	"testing"

	"github.com/plume-seo/plume/internal/article"
)

// benchArticle builds an article of about n words, with headings, links and
// an image, from varied French sentences.
func benchArticle(n int) *article.Article {
	sents := []string{
		"La voiture électrique gagne du terrain en France, selon les chiffres publiés mardi par l'Avere.",
		"Les ventes ont été multipliées par trois en deux ans.",
		"Pourtant, le prix reste un frein pour de nombreux ménages modestes.",
		"Le gouvernement a annoncé une nouvelle aide : 7 000 euros pour les foyers éligibles.",
		"Les bornes de recharge se multiplient sur les autoroutes et dans les villes moyennes.",
		"En revanche, les zones rurales restent mal équipées, regrettent les élus locaux.",
		"Les constructeurs européens misent sur des modèles plus petits et moins chers.",
		"La loi a été adoptée par le Parlement après de longs débats.",
	}
	a := &article.Article{
		Title: "Voiture électrique : les ventes décollent en France", Keyphrase: "voiture électrique",
		MetaDescription: "Les ventes de voitures électriques progressent en France : aides, bornes et prix, ce qu'il faut savoir avant d'acheter une voiture électrique.",
		Slug:            "voiture-electrique-ventes", URL: "https://plume.example/auto/voiture-electrique-ventes",
	}
	words, i := 0, 0
	for words < n {
		if i%12 == 0 && i > 0 {
			a.Blocks = append(a.Blocks, article.Block{Kind: article.Heading, Level: 2, Text: fmt.Sprintf("Partie %d : la voiture électrique", i/12)})
		}
		var p []string
		for j := 0; j < 4; j++ {
			s := sents[(i+j)%len(sents)]
			p = append(p, s)
			words += len(strings.Fields(s))
		}
		a.Blocks = append(a.Blocks, article.Block{Kind: article.Paragraph, Text: strings.Join(p, " "),
			Links: []article.Link{{Text: "France", URL: "https://www.example.org/"}}})
		if i == 1 {
			a.Blocks = append(a.Blocks, article.Block{Kind: article.Image, Src: "a.jpg", Alt: "Une voiture électrique"})
		}
		i++
	}
	return a
}

func BenchmarkAnalyze1000Words(b *testing.B) {
	a := benchArticle(1000)
	for _, m := range []struct {
		name string
		mode Mode
	}{{"forms", Forms}, {"exact", Exact}} {
		b.Run(m.name, func(b *testing.B) {
			if _, err := Analyze(a, Options{Mode: m.mode}); err != nil { // warm the lexicon and tagger
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if _, err := Analyze(a, Options{Mode: m.mode}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkAnalyzeBoth1000Words reads the article in both modes, as each
// writing pass does (no Memo: every sentence afresh).
func BenchmarkAnalyzeBoth1000Words(b *testing.B) {
	a := benchArticle(1000)
	if _, _, err := AnalyzeBoth(a, Options{}); err != nil { // warm the lexicon and tagger
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := AnalyzeBoth(a, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
