package check

import (
	"strings"
	"testing"

	"github.com/plume-seo/plume/internal/article"
)

func TestKeyphraseLength(t *testing.T) {
	t.Parallel()
	body := P(para(50, 10, 0))
	runScoreCases(t, "seo.keyphrase_length", []scoreCase{
		{"none", art("", body), exact, -999},
		{"punctuation only", art(" « » ", body), exact, -999},
		{"1 word", art("voiture", body), exact, 9},
		{"4 words", art("voiture électrique rapide moderne", body), exact, 9},
		{"4 content words and function words", art("la voiture électrique de la ville moderne", body), exact, 9},
		{"5 words", art("voiture électrique rapide moderne verte", body), exact, 6},
		{"8 words", art("un deux trois quatre cinq six sept huit jardin soleil fleuve montagne forêt rivière village marché", body), exact, 6},
		{"9 words", art("jardin soleil fleuve montagne forêt rivière village marché musique", body), exact, 3},
		{"function words only", art("de la", body), exact, 9},
		{"quoted", art(`"voiture électrique de ville moderne et rapide"`, body), exact, 9},
	})
}

func TestTextLength(t *testing.T) {
	t.Parallel()
	var cases []scoreCase
	for _, c := range []struct{ n, want int }{{0, -20}, {99, -20}, {100, -10}, {199, -10}, {200, 3}, {249, 3}, {250, 6}, {299, 6}, {300, 9}} {
		a := art("voiture")
		if c.n > 0 {
			a.Blocks = []article.Block{P(para(c.n, 10, 0))}
		}
		cases = append(cases, scoreCase{strings.Repeat("w", 0) + itoa(c.n), a, exact, c.want})
	}
	runScoreCases(t, "seo.text_length", cases)
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		s = string(rune('0'+n%10)) + s
		n /= 10
	}
	if neg {
		s = "-" + s
	}
	return s
}

// withKeyphrase returns a paragraph of n words in which c sentences are the
// keyphrase kp alone.
func withKeyphrase(n, c int, kp string) string {
	k := len(strings.Fields(kp))
	var b strings.Builder
	b.WriteString(para(n-c*k, 10, 0))
	for i := 0; i < c; i++ {
		b.WriteString(" " + strings.ToUpper(kp[:1]) + kp[1:] + ".")
	}
	return b.String()
}

func TestDensity(t *testing.T) {
	t.Parallel()
	kp4 := "voiture électrique rapide moderne"
	cases := []scoreCase{
		{"no keyphrase", art("", P(para(200, 10, 0))), exact, -50},
		{"no text", art("voiture"), exact, -50},
		// Short texts (N < 100) use counts.
		{"short, 0", art("voiture", P(withKeyphrase(40, 0, "voiture"))), exact, 4},
		{"short, 1", art("voiture", P(withKeyphrase(40, 1, "voiture"))), exact, 9},
		{"short ≤ 50, 2", art("voiture", P(withKeyphrase(50, 2, "voiture"))), exact, -10},
		{"short > 50, 2", art("voiture", P(withKeyphrase(51, 2, "voiture"))), exact, 9},
		{"short > 50, 3", art("voiture", P(withKeyphrase(60, 3, "voiture"))), exact, -10},
		{"short > 50, 4", art("voiture", P(withKeyphrase(60, 4, "voiture"))), exact, -50},
		// N = 200, k = 1: d = count × 0.517.
		{"200, 0", art("voiture", P(withKeyphrase(200, 0, "voiture"))), exact, 4},
		{"200, 1", art("voiture", P(withKeyphrase(200, 1, "voiture"))), exact, 4},
		{"200, 2", art("voiture", P(withKeyphrase(200, 2, "voiture"))), exact, 9},
		{"200, 5 (2.58 %)", art("voiture", P(withKeyphrase(200, 5, "voiture"))), exact, 9},
		{"200, 6 (3.1 %)", art("voiture", P(withKeyphrase(200, 6, "voiture"))), exact, -10},
		{"200, 7 (3.62 %)", art("voiture", P(withKeyphrase(200, 7, "voiture"))), exact, -10},
		{"200, 8 (4.13 %)", art("voiture", P(withKeyphrase(200, 8, "voiture"))), exact, -50},
		{"500, 2 (0.41 %)", art("voiture", P(withKeyphrase(500, 2, "voiture"))), exact, 4},
		// k = 4, N = 110: two occurrences are 3.7 % but the recommended
		// minimum is 2, so 9.
		{"110, k=4, 2", art(kp4, P(withKeyphrase(110, 2, kp4))), exact, 9},
		{"110, k=4, 3", art(kp4, P(withKeyphrase(110, 3, kp4))), exact, -50},
		// Plural forms count in forms mode only.
		{"plural exact", art("voiture", P(withKeyphrase(200, 0, "voiture")+" Voitures. Voitures. Voitures.")), exact, 4},
		{"plural forms", art("voiture", P(withKeyphrase(200, 0, "voiture")+" Voitures. Voitures. Voitures.")), Options{}, 9},
	}
	runScoreCases(t, "seo.keyphrase_density", cases)
}

func TestMetaDescriptionLength(t *testing.T) {
	t.Parallel()
	mk := func(n int, date string) *article.Article {
		a := art("voiture", P(para(50, 10, 0)))
		a.MetaDescription = strings.Repeat("é", n)
		a.Date = date
		return a
	}
	runScoreCases(t, "seo.meta_description_length", []scoreCase{
		{"none", mk(0, ""), exact, 1},
		{"none with date", mk(0, "2024-01-01"), exact, 1},
		{"1", mk(1, ""), exact, 6},
		{"120", mk(120, ""), exact, 6},
		{"121", mk(121, ""), exact, 9},
		{"156", mk(156, ""), exact, 9},
		{"157", mk(157, ""), exact, 6},
		{"143 + date (10+3)", mk(143, "2024-01-01"), exact, 9},
		{"144 + date", mk(144, "2024-01-01"), exact, 6},
	})
	a := mk(0, "")
	a.MetaDescription = strings.Repeat("🙂", 61) // 122 UTF-16 units
	if got := score(t, a, exact, "seo.meta_description_length"); got != 9 {
		t.Errorf("emoji count twice: got %d, want 9", got)
	}
}

func TestMetaDescriptionKeyphrase(t *testing.T) {
	t.Parallel()
	mk := func(kp, meta string) *article.Article {
		a := art(kp, P(para(50, 10, 0)))
		a.MetaDescription = meta
		return a
	}
	runScoreCases(t, "seo.meta_description_keyphrase", []scoreCase{
		{"no keyphrase", mk("", "La voiture électrique."), exact, 3},
		{"no meta", mk("voiture électrique", ""), exact, 3},
		{"0", mk("voiture électrique", "Une voiture rouge."), exact, 3},
		{"1", mk("voiture électrique", "Une voiture très électrique."), exact, 9},
		{"2 in one sentence", mk("voiture électrique", "Voiture électrique, voiture électrique."), exact, 9},
		{"3 across sentences", mk("voiture", "Voiture. Voiture. Voiture."), exact, 3},
		{"words in different sentences", mk("voiture électrique", "Une voiture. Très électrique."), exact, 3},
		{"plural, exact", mk("voiture électrique", "Des voitures électriques."), exact, 3},
		{"plural, forms", mk("voiture électrique", "Des voitures électriques."), Options{}, 9},
	})
}

func TestIntroduction(t *testing.T) {
	t.Parallel()
	runScoreCases(t, "seo.keyphrase_introduction", []scoreCase{
		{"no keyphrase", art("", P("La voiture électrique.")), exact, 3},
		{"no text", art("voiture"), exact, 3},
		{"one sentence", art("voiture électrique", P("Le jardin. Une voiture très électrique roule.")), exact, 9},
		{"spread", art("voiture électrique", P("Une voiture roule. Elle est électrique.")), exact, 6},
		{"absent", art("voiture électrique", P("Une voiture roule."), P("Voiture électrique.")), exact, 3},
		{"after a heading", art("voiture électrique", H(2, "Titre"), P("Voiture électrique.")), exact, 9},
		{"elision", art("état", P("L’État décide.")), exact, 9},
	})
}

func TestSubheadingsKeyphrase(t *testing.T) {
	t.Parallel()
	body := P(para(100, 10, 0))
	h := func(texts ...string) []article.Block {
		bs := []article.Block{body}
		for _, t := range texts {
			bs = append(bs, H(2, t), P(para(20, 10, 3)))
		}
		return bs
	}
	runScoreCases(t, "seo.subheadings_keyphrase", []scoreCase{
		{"no keyphrase", art("", h("Voiture")...), exact, 1},
		{"none, short text", art("voiture", body), exact, 9},
		{"none, 300 words", art("voiture", P(para(300, 10, 0))), exact, 2},
		{"1 of 1", art("voiture", h("La voiture")...), exact, 9},
		{"0 of 1", art("voiture", h("Le jardin")...), exact, 3},
		{"1 of 4 (lo = 2)", art("voiture", h("Voiture", "A", "B", "C")...), exact, 3},
		{"2 of 4", art("voiture", h("Voiture", "Voiture rouge", "B", "C")...), exact, 9},
		{"3 of 4 (hi = 3)", art("voiture", h("Voiture", "Voiture rouge", "Une voiture", "C")...), exact, 9},
		{"4 of 4", art("voiture", h("Voiture", "Voiture rouge", "Une voiture", "Voiture !")...), exact, 3},
		{"k=2 needs both", art("voiture électrique", h("Voiture", "Voiture")...), exact, 3},
		{"k=3 needs two", art("voiture électrique rapide", h("Voiture rapide", "Jardin")...), exact, 9},
		{"h4 does not count", art("voiture", body, article.Block{Kind: article.Heading, Level: 4, Text: "Voiture"}), exact, 9},
	})
}

func TestCompetingLinks(t *testing.T) {
	t.Parallel()
	link := func(text, url string) *article.Article {
		b := P("Lire " + text + " ici.")
		b.Links = []article.Link{{Text: text, URL: url}}
		return art("voiture électrique", b)
	}
	runScoreCases(t, "seo.competing_links", []scoreCase{
		{"no link", art("voiture électrique", P("Texte.")), exact, 8},
		{"anchor is keyphrase", link("voiture électrique", "https://ailleurs.example/x"), exact, 2},
		{"anchor with function word", link("la voiture électrique", "https://ailleurs.example/x"), exact, 2},
		{"anchor with another word", link("voiture électrique rouge", "https://ailleurs.example/x"), exact, 8},
		{"anchor to itself", link("voiture électrique", "https://plume.example/a/b/"), exact, 8},
		{"fragment", link("voiture électrique", "#haut"), exact, 8},
	})
}

func TestImages(t *testing.T) {
	t.Parallel()
	body := P(para(50, 10, 0))
	runScoreCases(t, "seo.images", []scoreCase{
		{"none", art("voiture", body), exact, 3},
		{"one", art("voiture", body, Img("")), exact, 9},
	})
	imgs := func(alts ...string) []article.Block {
		bs := []article.Block{body}
		for _, a := range alts {
			bs = append(bs, Img(a))
		}
		return bs
	}
	runScoreCases(t, "seo.image_keyphrase", []scoreCase{
		{"no image", art("voiture", body), exact, 3},
		{"no keyphrase", art("", imgs("voiture")...), exact, 3},
		{"no alt", art("voiture", imgs("")...), exact, 6},
		{"alt without keyphrase", art("voiture", imgs("jardin")...), exact, 6},
		{"1 of 1", art("voiture", imgs("Une voiture")...), exact, 9},
		{"half of k=2", art("voiture électrique", imgs("Une voiture")...), exact, 9},
		{"1 of 5 (lo = 2)", art("voiture", imgs("voiture", "a", "b", "c", "d")...), exact, 6},
		{"2 of 5", art("voiture", imgs("voiture", "voiture", "b", "c", "d")...), exact, 9},
		{"4 of 5", art("voiture", imgs("voiture", "voiture", "voiture", "voiture", "d")...), exact, 9},
		{"5 of 5", art("voiture", imgs("voiture", "voiture", "voiture", "voiture", "voiture")...), exact, 6},
		{"5 of 6 (hi = 4)", art("voiture", imgs("voiture", "voiture", "voiture", "voiture", "voiture", "x")...), exact, 6},
		{"4 of 6", art("voiture", imgs("voiture", "voiture", "voiture", "voiture", "y", "x")...), exact, 9},
	})
}

func TestLinks(t *testing.T) {
	t.Parallel()
	mk := func(links ...article.Link) *article.Article {
		b := P("Un texte avec des liens.")
		b.Links = links
		return art("voiture", b)
	}
	ext := article.Link{Text: "a", URL: "https://autre.example/x"}
	extNF := article.Link{Text: "b", URL: "https://autre.example/y", NoFollow: true}
	in := article.Link{Text: "c", URL: "/rubrique/page"}
	inHost := article.Link{Text: "d", URL: "https://plume.example/autre"}
	inNF := article.Link{Text: "e", URL: "/z", NoFollow: true}
	mail := article.Link{Text: "f", URL: "mailto:a@b.example"}
	runScoreCases(t, "seo.outbound_links", []scoreCase{
		{"none", mk(in, mail), exact, 3},
		{"all nofollow", mk(extNF), exact, 7},
		{"some nofollow", mk(ext, extNF), exact, 8},
		{"followed", mk(ext), exact, 9},
	})
	runScoreCases(t, "seo.internal_links", []scoreCase{
		{"none", mk(ext, mail), exact, 3},
		{"all nofollow", mk(inNF), exact, 7},
		{"mixed", mk(in, inNF), exact, 8},
		{"followed, same host", mk(inHost, in), exact, 9},
	})
	// A link in a quotation does not count.
	q := article.Block{Kind: article.Quote, Text: "a", Links: []article.Link{ext}}
	if got := score(t, art("voiture", P("Texte."), q), exact, "seo.outbound_links"); got != 3 {
		t.Errorf("link in a quote counted: %d", got)
	}
}

func TestTitleKeyphrase(t *testing.T) {
	t.Parallel()
	mk := func(kp, title string) *article.Article {
		a := art(kp, P("Texte."))
		a.Title = title
		return a
	}
	runScoreCases(t, "seo.title_keyphrase", []scoreCase{
		{"no keyphrase", mk("", "Voiture électrique"), exact, 2},
		{"no title", mk("voiture électrique", ""), exact, 2},
		{"at start", mk("voiture électrique", "Voiture électrique : le guide"), exact, 9},
		{"after function words", mk("voiture électrique", "La voiture électrique : le guide"), exact, 9},
		{"elsewhere", mk("voiture électrique", "Le guide de la voiture électrique"), exact, 6},
		{"words apart", mk("voiture électrique", "Voiture : tout est électrique"), exact, 6},
		{"accent-free title", mk("voiture électrique", "Voiture electrique"), exact, 9},
		{"absent", mk("voiture électrique", "Le jardin"), exact, 2},
		{"plural, exact", mk("voiture électrique", "Voitures électriques"), exact, 2},
		{"plural, forms", mk("voiture électrique", "Voitures électriques : le guide"), Options{}, 9},
		{"quoted absent", mk(`"voiture électrique"`, "Électrique, la voiture"), exact, 2},
	})
	a := mk("voiture", "Titre")
	a.SEOTitle = "Voiture : titre SEO"
	if got := score(t, a, exact, "seo.title_keyphrase"); got != 9 {
		t.Errorf("SEO title not used: %d", got)
	}
}

func TestTitleWidth(t *testing.T) {
	t.Parallel()
	mk := func(title string) *article.Article {
		a := art("voiture", P("Texte."))
		a.Title = title
		return a
	}
	// "a" is 1139 units: 53 of them are 589.6 px, 54 are 600.7 px.
	runScoreCases(t, "seo.title_width", []scoreCase{
		{"empty", mk(""), exact, 1},
		{"53 a", mk(strings.Repeat("a", 53)), exact, 9},
		{"54 a", mk(strings.Repeat("a", 54)), exact, 3},
	})
	if w := titleWidth("  Le   titre "); w != titleWidth("Le titre") {
		t.Errorf("white space not collapsed: %d", w)
	}
}

func TestSlugKeyphrase(t *testing.T) {
	t.Parallel()
	mk := func(kp, slug string) *article.Article {
		a := art(kp, P("Texte."))
		a.Slug = slug
		return a
	}
	runScoreCases(t, "seo.slug_keyphrase", []scoreCase{
		{"no slug", mk("voiture", ""), exact, 3},
		{"no keyphrase", mk("", "voiture"), exact, 3},
		{"k=2 all", mk("voiture électrique", "la-voiture-electrique"), exact, 9},
		{"k=2 half", mk("voiture électrique", "voiture-rouge"), exact, 6},
		{"k=3 two of three", mk("voiture électrique rapide", "voiture_rapide"), exact, 9},
		{"k=3 one of three", mk("voiture électrique rapide", "voiture"), exact, 6},
		{"œ needs oe", mk("cœur", "coeur-de-ville"), exact, 9},
	})
}

func TestFunctionWordsKeyphrase(t *testing.T) {
	t.Parallel()
	r, ok := result(t, art("de la", P("Texte.")), exact, "seo.function_words_keyphrase")
	if !ok || r.Hidden || r.Score != 0 || r.Message == "" {
		t.Errorf("function words only: %+v, %v", r, ok)
	}
	r, ok = result(t, art("voiture", P("Texte.")), exact, "seo.function_words_keyphrase")
	if !ok || !r.Hidden {
		t.Errorf("content keyphrase: want a hidden result, got %+v, %v", r, ok)
	}
	if _, ok := result(t, art("", P("Texte.")), exact, "seo.function_words_keyphrase"); ok {
		t.Error("no keyphrase: the check should not run")
	}
	if _, ok := result(t, art(`"de la"`, P("Texte.")), exact, "seo.function_words_keyphrase"); !ok {
		t.Error("quoted keyphrase: the check should run")
	} else if r, _ := result(t, art(`"de la"`, P("Texte.")), exact, "seo.function_words_keyphrase"); !r.Hidden {
		t.Error("quoted function words are an exact-match request, not a warning")
	}
}

func TestSingleH1(t *testing.T) {
	t.Parallel()
	runScoreCases(t, "seo.single_h1", []scoreCase{
		{"none", art("voiture", P("Texte.")), exact, 8},
		{"one", art("voiture", H(1, "Titre"), P("Texte.")), exact, 8},
		{"one empty", art("voiture", H(1, "Titre"), H(1, " "), P("Texte.")), exact, 8},
		{"two", art("voiture", H(1, "Titre"), H(1, "Autre"), P("Texte.")), exact, 1},
	})
}

func TestKeyphraseParsing(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in      string
		content []string
		quoted  bool
		onlyFn  bool
	}{
		{"Voiture Électrique", []string{"voiture", "électrique"}, false, false},
		{"la voiture de l'année", []string{"voiture", "l'année"}, false, false},
		{"porte-parole", []string{"porte", "parole"}, false, false},
		{"« voiture électrique »", []string{"voiture électrique"}, true, false},
		{"“de la”", []string{"de la"}, true, false},
		{"de la", []string{"de", "la"}, false, true},
		{"", nil, false, false},
		{"!!", nil, false, false},
	} {
		k := ParseKeyphrase(c.in)
		if strings.Join(k.Content, "|") != strings.Join(c.content, "|") || k.Quoted != c.quoted || k.OnlyFunction != c.onlyFn {
			t.Errorf("ParseKeyphrase(%q) = %+v", c.in, k)
		}
	}
}

func TestMatching(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		text, word string
		exact      int
		forms      int
	}{
		{"La voiture", "voiture", 1, 1},
		{"Les voitures", "voiture", 0, 1},
		{"L’État et l'état", "état", 2, 2},
		{"d'État", "état", 1, 1},
		{"electrique", "électrique", 1, 1},
		{"électrique", "electrique", 0, 1},
		{"coeur", "cœur", 1, 1},
		{"piste-cyclable", "piste", 1, 1},
		{"pistes", "piste", 0, 1},
		{"voituresque", "voiture", 0, 0},
		{"aujourd'hui", "hui", 1, 0}, // Yoast: an apostrophe is a left boundary
	} {
		m := newFormsMatcher(ParseKeyphrase(c.word))
		if got := (exactMatcher{}).count(c.text, c.word); got != c.exact {
			t.Errorf("exact count(%q, %q) = %d, want %d", c.text, c.word, got, c.exact)
		}
		if got := m.count(c.text, c.word); got != c.forms {
			t.Errorf("forms count(%q, %q) = %d, want %d", c.text, c.word, got, c.forms)
		}
	}
	// The example: « voitures électriques » matches the keyphrase
	// « voiture électrique » in forms mode only.
	a := art("voiture électrique", P("Les voitures électriques gagnent du terrain."))
	if got := score(t, a, Options{}, "seo.keyphrase_introduction"); got != 9 {
		t.Errorf("forms introduction = %d, want 9", got)
	}
	if got := score(t, a, exact, "seo.keyphrase_introduction"); got != 3 {
		t.Errorf("exact introduction = %d, want 3", got)
	}
}

func TestSEOAggregate(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		scores []int
		want   int
	}{
		{[]int{9, 9}, 100},
		{[]int{9, 0}, 50},
		{[]int{9, 6, 3}, 67},
		{[]int{-999, 9, 9}, -3633},
		{[]int{-50, 4}, -256},
		{[]int{-10, 5}, -28}, // −27.78 rounds half up to −28
		{nil, 0},
	} {
		var rs []Result
		for _, s := range c.scores {
			rs = append(rs, Result{Score: s, Category: SEO})
		}
		rs = append(rs, Result{Score: 9, Category: Readability})
		if got := seoAggregate(rs); got != c.want {
			t.Errorf("seoAggregate(%v) = %d, want %d", c.scores, got, c.want)
		}
	}
	if jsRound(-2.5) != -2 || jsRound(2.5) != 3 {
		t.Error("jsRound does not round half up")
	}
}
