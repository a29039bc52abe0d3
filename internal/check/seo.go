package check

import (
	"math"
	"net/url"
	"strings"
)

// The SEO assessments of Yoast SEO 3.6.0 for French, from
// docs/yoast-rules.md §2 (section numbers in each comment).

func init() {
	for _, c := range []Check{
		&Introduction{base{"seo.keyphrase_introduction", "introductionKeyword", SEO}},
		&KeyphraseLength{base{"seo.keyphrase_length", "keyphraseLength", SEO}},
		&Density{base{"seo.keyphrase_density", "keyphraseDensity", SEO}},
		&MetaKeyphrase{base{"seo.meta_description_keyphrase", "metaDescriptionKeyword", SEO}},
		&MetaLength{base{"seo.meta_description_length", "metaDescriptionLength", SEO}},
		&SubheadingsKeyphrase{base{"seo.subheadings_keyphrase", "subheadingsKeyword", SEO}},
		&CompetingLinks{base{"seo.competing_links", "textCompetingLinks", SEO}},
		&ImageKeyphrase{base{"seo.image_keyphrase", "imageKeyphrase", SEO}},
		&Images{base{"seo.images", "images", SEO}},
		&TextLength{base{"seo.text_length", "textLength", SEO}},
		&OutboundLinks{base{"seo.outbound_links", "externalLinks", SEO}},
		&InternalLinks{base{"seo.internal_links", "internalLinks", SEO}},
		&TitleKeyphrase{base{"seo.title_keyphrase", "keyphraseInSEOTitle", SEO}},
		&TitleWidth{base{"seo.title_width", "titleWidth", SEO}},
		&SlugKeyphrase{base{"seo.slug_keyphrase", "slugKeyword", SEO}},
		&FunctionWordsKeyphrase{base{"seo.function_words_keyphrase", "functionWordsInKeyphrase", SEO}},
		&SingleH1{base{"seo.single_h1", "singleH1", SEO}},
	} {
		Register(c)
	}
}

var (
	_ Check = (*Introduction)(nil)
	_ Check = (*KeyphraseLength)(nil)
	_ Check = (*Density)(nil)
	_ Check = (*MetaKeyphrase)(nil)
	_ Check = (*MetaLength)(nil)
	_ Check = (*SubheadingsKeyphrase)(nil)
	_ Check = (*CompetingLinks)(nil)
	_ Check = (*ImageKeyphrase)(nil)
	_ Check = (*Images)(nil)
	_ Check = (*TextLength)(nil)
	_ Check = (*OutboundLinks)(nil)
	_ Check = (*InternalLinks)(nil)
	_ Check = (*TitleKeyphrase)(nil)
	_ Check = (*TitleWidth)(nil)
	_ Check = (*SlugKeyphrase)(nil)
	_ Check = (*FunctionWordsKeyphrase)(nil)
	_ Check = (*SingleH1)(nil)
)

// Introduction checks that the keyphrase is in the first paragraph (§2.1).
type Introduction struct{ base }

// Run implements Check.
func (c *Introduction) Run(d *Document) (Result, bool) {
	if d.Keyphrase.Empty() || d.Words == 0 {
		return res(d, 3, "Aucune expression clé ou aucun texte : l'introduction ne peut pas être évaluée.",
			"No keyphrase or no text: the introduction cannot be assessed.")
	}
	for _, b := range d.Body {
		if b.Scope != ScopeParagraph || len(b.Sentences) == 0 || onlyLinks(b) {
			continue
		}
		for _, s := range b.Sentences {
			if d.fullMatches(s.Text) > 0 {
				return res(d, 9, "L'expression clé apparaît dans la première phrase utile de l'introduction.",
					"The keyphrase appears in a sentence of the introduction.")
			}
		}
		if d.fullMatches(b.Text) > 0 {
			return res(d, 6, "Les mots de l'expression clé sont dans l'introduction, mais pas dans une même phrase.",
				"The keyphrase words are in the introduction, but not in one sentence.")
		}
		break
	}
	return res(d, 3, "L'expression clé n'apparaît pas dans le premier paragraphe : placez-la dès l'introduction.",
		"The keyphrase is not in the first paragraph: use it in the introduction.")
}

func onlyLinks(b Block) bool {
	if len(b.Links) == 0 {
		return false
	}
	rest := b.Text
	for _, l := range b.Links {
		rest = strings.Replace(rest, l.Text, "", 1)
	}
	return strings.TrimFunc(rest, func(r rune) bool { return isPunct(r) || r == ' ' }) == ""
}

// KeyphraseLength checks the number of content words of the keyphrase
// (§2.2).
type KeyphraseLength struct{ base }

// Run implements Check.
func (c *KeyphraseLength) Run(d *Document) (Result, bool) {
	k := d.Keyphrase.Len()
	switch {
	case k == 0:
		return res(d, -999, "Aucune expression clé n'est définie : choisissez-en une.", "No focus keyphrase is set: choose one.")
	case k <= 4:
		return res(d, 9, "L'expression clé compte %d mot(s) porteur(s) de sens : bonne longueur.", "The keyphrase has %d content word(s): good length.", k)
	case k <= 8:
		return res(d, 6, "L'expression clé compte %d mots porteurs de sens : un peu longue.", "The keyphrase has %d content words: a bit long.", k)
	}
	return res(d, 3, "L'expression clé compte %d mots porteurs de sens : beaucoup trop longue.", "The keyphrase has %d content words: far too long.", k)
}

// Density checks how often the keyphrase occurs, weighted by its length
// (§2.3).
type Density struct{ base }

func (d *Document) densityFigures() densityFigures {
	if d.densityDone || d.Keyphrase.Empty() {
		return d.density
	}
	count := 0
	for _, s := range d.Sentences() {
		count += d.memo.fullMatches(d, s.Text)
	}
	f := 0.7 + float64(d.Keyphrase.Len())/3
	dd := 0.0
	if d.SplitWords > 0 {
		dd = float64(count) / float64(d.SplitWords) * 100 * f
	}
	d.density = densityFigures{count: count, d: dd}
	d.densityDone = true
	return d.density
}

// Run implements Check.
func (c *Density) Run(d *Document) (Result, bool) {
	if d.Keyphrase.Empty() || d.Words == 0 {
		return res(d, -50, "Aucune expression clé ou aucun texte : la densité ne peut pas être calculée.",
			"No keyphrase or no text: density cannot be computed.")
	}
	df := d.densityFigures()
	n, count := d.SplitWords, df.count
	if n < 100 {
		max := 1
		if n > 50 {
			max = 2
		}
		switch {
		case count == 0:
			return res(d, 4, "L'expression clé n'apparaît pas dans ce texte court.", "The keyphrase does not appear in this short text.")
		case count <= max:
			return res(d, 9, "L'expression clé apparaît %d fois : très bien pour un texte court.", "The keyphrase appears %d time(s): good for a short text.", count)
		case count == max+1:
			return res(d, -10, "L'expression clé apparaît %d fois : un peu trop pour un texte court.", "The keyphrase appears %d times: a bit much for a short text.", count)
		}
		return res(d, -50, "L'expression clé apparaît %d fois : bien trop pour un texte court.", "The keyphrase appears %d times: far too much for a short text.", count)
	}
	f := 0.7 + float64(d.Keyphrase.Len())/3
	recMin := max(2, int(math.Ceil(0.5*float64(n)/(100*f))))
	recMax := max(2, int(math.Floor(3*float64(n)/(100*f))))
	dd := df.d
	switch {
	case count == 0:
		return res(d, 4, "L'expression clé n'apparaît pas dans le texte : visez %d à %d occurrences.", "The keyphrase does not appear in the text: aim for %d to %d occurrences.", recMin, recMax)
	case dd < 0.5 || count == 1:
		return res(d, 4, "L'expression clé apparaît %d fois : trop peu, visez %d à %d occurrences.", "The keyphrase appears %d time(s): too few, aim for %d to %d.", count, recMin, recMax)
	case dd <= 3 || (count == 2 && recMin <= 2):
		return res(d, 9, "L'expression clé apparaît %d fois : c'est parfait.", "The keyphrase appears %d times: great.", count)
	case dd <= 4:
		return res(d, -10, "L'expression clé apparaît %d fois, plus que les %d conseillées : allégez.", "The keyphrase appears %d times, more than the advised %d: cut back.", count, recMax)
	}
	return res(d, -50, "L'expression clé apparaît %d fois, bien plus que les %d conseillées : c'est du bourrage.", "The keyphrase appears %d times, far more than the advised %d: keyword stuffing.", count, recMax)
}

// MetaKeyphrase checks the keyphrase in the meta description (§2.4).
type MetaKeyphrase struct{ base }

// Run implements Check.
func (c *MetaKeyphrase) Run(d *Document) (Result, bool) {
	if d.Keyphrase.Empty() || strings.TrimSpace(d.Meta.Text) == "" {
		return res(d, 3, "Aucune expression clé ou aucune méta-description : ajoutez l'expression clé à la description.",
			"No keyphrase or no meta description: put the keyphrase in the description.")
	}
	m := 0
	for _, s := range yoastSentences(d.Meta.Text) {
		m += d.fullMatches(s)
	}
	switch {
	case m == 0:
		return res(d, 3, "La méta-description ne contient pas l'expression clé.", "The meta description does not contain the keyphrase.")
	case m <= 2:
		return res(d, 9, "L'expression clé apparaît dans la méta-description.", "The keyphrase appears in the meta description.")
	}
	return res(d, 3, "L'expression clé apparaît %d fois dans la méta-description : c'est trop.", "The keyphrase appears %d times in the meta description: too many.", m)
}

// MetaLength checks the meta description length (§2.5).
type MetaLength struct{ base }

// Run implements Check.
func (c *MetaLength) Run(d *Document) (Result, bool) {
	l := metaLength(d)
	switch {
	case l == 0:
		return res(d, 1, "Aucune méta-description : les moteurs de recherche en afficheront un extrait au hasard.",
			"No meta description: search engines will show a random excerpt.")
	case l <= 120:
		return res(d, 6, "Méta-description de %d caractères : trop courte, visez 121 à 156.", "Meta description of %d characters: too short, aim for 121 to 156.", l)
	case l <= 156:
		return res(d, 9, "Méta-description de %d caractères : bonne longueur.", "Meta description of %d characters: good length.", l)
	}
	return res(d, 6, "Méta-description de %d caractères : elle sera tronquée au-delà de 156.", "Meta description of %d characters: cut beyond 156.", l)
}

// SubheadingsKeyphrase checks the keyphrase in H2 and H3 subheadings
// (§2.6).
type SubheadingsKeyphrase struct{ base }

// Run implements Check.
func (c *SubheadingsKeyphrase) Run(d *Document) (Result, bool) {
	if d.Keyphrase.Empty() || d.Words == 0 {
		return res(d, 1, "Aucune expression clé ou aucun texte : les intertitres ne peuvent pas être évalués.",
			"No keyphrase or no text: subheadings cannot be assessed.")
	}
	hs := d.Headings(2, 3)
	n := len(hs)
	if n == 0 {
		if d.Words >= 300 {
			return res(d, 2, "Aucun intertitre H2 ou H3 : structurez le texte et reprenez-y l'expression clé.",
				"No H2 or H3 subheading: structure the text and use the keyphrase in them.")
		}
		return res(d, 9, "Texte court sans intertitre : rien à signaler.", "Short text without subheadings: fine.")
	}
	r := 0
	for _, h := range hs {
		if d.percentFound(h.Text) > 50 {
			r++
		}
	}
	lo := int(math.Ceil(0.3 * float64(n)))
	hi := int(math.Floor(0.75 * float64(n)))
	switch {
	case r > 0 && r < lo:
		return res(d, 3, "Seuls %d intertitre(s) sur %d reprennent l'expression clé : c'est trop peu.", "Only %d of %d subheadings reflect the keyphrase: too few.", r, n)
	case n > 1 && r > hi:
		return res(d, 3, "%d intertitres sur %d reprennent l'expression clé : c'est trop, variez.", "%d of %d subheadings reflect the keyphrase: too many, vary them.", r, n)
	case n == 1 && r == 1, lo <= r && r <= hi && r > 0:
		return res(d, 9, "%d intertitre(s) sur %d reprennent l'expression clé : bien.", "%d of %d subheadings reflect the keyphrase: good.", r, n)
	}
	return res(d, 3, "Aucun intertitre H2 ou H3 ne reprend l'expression clé.", "No H2 or H3 subheading reflects the keyphrase.")
}

// CompetingLinks checks for links whose anchor is the keyphrase (§2.7).
type CompetingLinks struct{ base }

// Run implements Check.
func (c *CompetingLinks) Run(d *Document) (Result, bool) {
	if d.Keyphrase.Empty() || d.Words == 0 {
		return res(d, 8, "Aucun lien n'a pour ancre l'expression clé.", "No link uses the keyphrase as its anchor.")
	}
	own := stripURL(d.Article.URL)
	n := 0
	for _, l := range d.Links() {
		if strings.HasPrefix(l.URL, "#") || (own != "" && stripURL(l.URL) == own) {
			continue
		}
		if d.fullMatches(l.Text) == 0 {
			continue
		}
		words := splitKeyphrase(normQuotes(strings.ToLower(l.Text)))
		var content []string
		for _, w := range words {
			if !isFunctionWord(w) {
				content = append(content, w)
			}
		}
		if len(content) == 0 {
			content = words
		}
		all := true
		for _, w := range content {
			in := false
			for _, kw := range d.Keyphrase.Content {
				if d.countIn(w, kw) > 0 {
					in = true
					break
				}
			}
			if !in {
				all = false
				break
			}
		}
		if all {
			n++
		}
	}
	if n == 0 {
		return res(d, 8, "Aucun lien n'a pour ancre l'expression clé.", "No link uses the keyphrase as its anchor.")
	}
	return res(d, 2, "%d lien(s) ont l'expression clé pour ancre : ils font concurrence à cet article.", "%d link(s) use the keyphrase as anchor: they compete with this article.", n)
}

func stripURL(u string) string {
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	return strings.TrimRight(u, "/")
}

// ImageKeyphrase checks the keyphrase in image alternative texts (§2.8).
type ImageKeyphrase struct{ base }

// Run implements Check.
func (c *ImageKeyphrase) Run(d *Document) (Result, bool) {
	imgs := d.Images()
	n := len(imgs)
	if d.Keyphrase.Empty() || n == 0 {
		return res(d, 3, "Aucune image avec l'expression clé dans son texte alternatif.", "No image with the keyphrase in its alt text.")
	}
	withAlt, a := 0, 0
	for _, im := range imgs {
		if strings.TrimSpace(im.Alt) == "" {
			continue
		}
		withAlt++
		if d.percentFound(im.Alt) >= 50 {
			a++
		}
	}
	lo := int(math.Ceil(0.3 * float64(n)))
	hi := int(math.Floor(0.75 * float64(n)))
	switch {
	case withAlt > 0 && a == 0:
		return res(d, 6, "Les textes alternatifs des images ne reprennent pas l'expression clé.", "Image alt texts do not reflect the keyphrase.")
	case n > 4 && a > 0 && a < lo:
		return res(d, 6, "Trop peu d'images (%d sur %d) ont l'expression clé en texte alternatif.", "Too few images (%d of %d) have the keyphrase in their alt text.", a, n)
	case (n < 5 && a > 0) || (n == 5 && a >= 2 && a <= 4) || (n > 4 && lo <= a && a <= hi):
		return res(d, 9, "%d image(s) sur %d ont l'expression clé en texte alternatif : bien.", "%d of %d images have the keyphrase in their alt text: good.", a, n)
	case n > 4 && a > hi:
		return res(d, 6, "Trop d'images (%d sur %d) ont l'expression clé en texte alternatif : variez.", "Too many images (%d of %d) have the keyphrase in their alt text: vary.", a, n)
	}
	return res(d, 6, "Les images n'ont pas de texte alternatif : ajoutez-en un avec l'expression clé.", "Images have no alt text: add one with the keyphrase.")
}

// Images checks that the body has at least one image (§2.9).
type Images struct{ base }

// Run implements Check.
func (c *Images) Run(d *Document) (Result, bool) {
	if n := len(d.Images()); n > 0 {
		return res(d, 9, "L'article contient %d image(s).", "The article has %d image(s).", n)
	}
	return res(d, 3, "Aucune image : ajoutez-en au moins une.", "No image: add at least one.")
}

// TextLength checks the body's length in words (§2.10).
type TextLength struct{ base }

// Run implements Check.
func (c *TextLength) Run(d *Document) (Result, bool) {
	t := d.Words
	switch {
	case t >= 300:
		return res(d, 9, "Le texte compte %d mots : bonne longueur.", "The text has %d words: good length.", t)
	case t >= 250:
		return res(d, 6, "Le texte compte %d mots : un peu court, visez au moins 300.", "The text has %d words: a bit short, aim for 300.", t)
	case t >= 200:
		return res(d, 3, "Le texte compte %d mots : trop court, visez au moins 300.", "The text has %d words: too short, aim for 300.", t)
	case t >= 100:
		return res(d, -10, "Le texte compte %d mots : bien trop court, visez au moins 300.", "The text has %d words: far too short, aim for 300.", t)
	}
	return res(d, -20, "Le texte compte %d mots : beaucoup trop court, visez au moins 300.", "The text has %d words: much too short, aim for 300.", t)
}

// linkKind classifies a link as Yoast does (§2.11): "internal", "external"
// or "" for other schemes and fragments.
func linkKind(href, permalink string) string {
	href = strings.TrimSpace(href)
	if href == "" || strings.HasPrefix(href, "#") {
		return ""
	}
	if strings.HasPrefix(href, "/") && !strings.HasPrefix(href, "//") {
		return "internal"
	}
	u, err := url.Parse(href)
	if err != nil {
		return ""
	}
	if u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https" {
		return ""
	}
	if u.Host == "" {
		return "internal"
	}
	if p, err := url.Parse(permalink); err == nil && p.Host != "" && p.Host == u.Host {
		return "internal"
	}
	return "external"
}

func linkStats(d *Document, kind string) (total, nofollow int) {
	for _, l := range d.Links() {
		if linkKind(l.URL, d.Article.URL) == kind {
			total++
			if l.NoFollow {
				nofollow++
			}
		}
	}
	return total, nofollow
}

// OutboundLinks checks links to other sites (§2.11).
type OutboundLinks struct{ base }

// Run implements Check.
func (c *OutboundLinks) Run(d *Document) (Result, bool) {
	n, nf := linkStats(d, "external")
	switch {
	case n == 0:
		return res(d, 3, "Aucun lien sortant : citez vos sources.", "No outbound link: link to your sources.")
	case nf == n:
		return res(d, 7, "Tous les liens sortants sont en nofollow.", "All outbound links are nofollow.")
	case nf > 0:
		return res(d, 8, "Liens sortants présents, certains en nofollow.", "Outbound links present, some nofollow.")
	}
	return res(d, 9, "L'article contient %d lien(s) sortant(s).", "The article has %d outbound link(s).", n)
}

// InternalLinks checks links to the same site (§2.12).
type InternalLinks struct{ base }

// Run implements Check.
func (c *InternalLinks) Run(d *Document) (Result, bool) {
	n, nf := linkStats(d, "internal")
	switch {
	case n == 0:
		return res(d, 3, "Aucun lien interne : renvoyez vers d'autres articles du site.", "No internal link: link to other articles of the site.")
	case nf == n:
		return res(d, 7, "Tous les liens internes sont en nofollow.", "All internal links are nofollow.")
	case nf > 0:
		return res(d, 8, "Liens internes présents, certains en nofollow.", "Internal links present, some nofollow.")
	}
	return res(d, 9, "L'article contient %d lien(s) interne(s).", "The article has %d internal link(s).", n)
}

// TitleKeyphrase checks the keyphrase at the start of the SEO title
// (§2.13).
type TitleKeyphrase struct{ base }

// Run implements Check.
func (c *TitleKeyphrase) Run(d *Document) (Result, bool) {
	title := d.SEOTitle.Text
	if d.Keyphrase.Empty() || strings.TrimSpace(title) == "" {
		return res(d, 2, "Aucune expression clé ou aucun titre SEO.", "No keyphrase or no SEO title.")
	}
	if i, before := d.match.phraseAt(title, d.Keyphrase); i >= 0 {
		lead := true
		for _, w := range before {
			if !isFunctionWord(w) {
				lead = false
				break
			}
		}
		if lead {
			return res(d, 9, "Le titre SEO commence par l'expression clé.", "The SEO title starts with the keyphrase.")
		}
		return res(d, 6, "Le titre SEO contient l'expression clé, mais pas au début : placez-la en tête.", "The SEO title has the keyphrase, but not at the start: move it first.")
	}
	if !d.Keyphrase.Quoted && d.foundWords(title) == d.Keyphrase.Len() {
		return res(d, 6, "Le titre SEO contient les mots de l'expression clé, mais pas l'expression telle quelle.", "The SEO title has the keyphrase words, but not the exact phrase.")
	}
	return res(d, 2, "Le titre SEO ne contient pas l'expression clé.", "The SEO title does not contain the keyphrase.")
}

// TitleWidth checks the SEO title's width in search results (§2.14).
type TitleWidth struct{ base }

// Run implements Check.
func (c *TitleWidth) Run(d *Document) (Result, bool) {
	w := titleWidth(d.SEOTitle.Text)
	switch {
	case w <= 1:
		return res(d, 1, "Aucun titre SEO : écrivez-en un.", "No SEO title: write one.")
	case w <= 600:
		return res(d, 9, "Le titre SEO tient dans les résultats de recherche (%d px sur 600).", "The SEO title fits search results (%d of 600 px).", w)
	}
	return res(d, 3, "Le titre SEO est trop large (%d px sur 600) : il sera tronqué.", "The SEO title is too wide (%d of 600 px): it will be cut.", w)
}

// SlugKeyphrase checks the keyphrase in the slug (§2.15).
type SlugKeyphrase struct{ base }

// Run implements Check.
func (c *SlugKeyphrase) Run(d *Document) (Result, bool) {
	slug := strings.NewReplacer("-", " ", "_", " ").Replace(d.Slug.Text)
	if d.Keyphrase.Empty() || strings.TrimSpace(slug) == "" {
		return res(d, 3, "Aucune expression clé ou aucun slug.", "No keyphrase or no slug.")
	}
	p := d.percentFound(slug)
	k := d.Keyphrase.Len()
	if (k < 3 && p == 100) || (k >= 3 && p > 50) {
		return res(d, 9, "Le slug contient l'expression clé.", "The slug contains the keyphrase.")
	}
	return res(d, 6, "Le slug ne contient pas (toute) l'expression clé.", "The slug does not contain (all of) the keyphrase.")
}

// FunctionWordsKeyphrase warns about a keyphrase made of function words only
// (§2.16). Otherwise its result is hidden but still counted by the SEO
// aggregate, as in Yoast.
type FunctionWordsKeyphrase struct{ base }

// Run implements Check.
func (c *FunctionWordsKeyphrase) Run(d *Document) (Result, bool) {
	if d.Keyphrase.Empty() {
		return Result{}, false
	}
	if d.Keyphrase.OnlyFunction {
		return res(d, 0, "L'expression clé n'est faite que de mots-outils : choisissez des mots porteurs de sens.",
			"The keyphrase is made of function words only: choose meaningful words.")
	}
	r, _ := res(d, 0, "", "")
	r.Hidden = true
	return r, true
}

// SingleH1 checks that the body has at most one H1 (§2.17).
type SingleH1 struct{ base }

// Run implements Check.
func (c *SingleH1) Run(d *Document) (Result, bool) {
	n := 0
	for _, h := range d.Headings(1) {
		if strings.TrimSpace(h.Text) != "" {
			n++
		}
	}
	if n <= 1 {
		return res(d, 8, "Le corps de l'article n'a pas plusieurs titres H1.", "The body has no more than one H1.")
	}
	return res(d, 1, "Le corps de l'article a %d titres H1 : n'en gardez qu'un.", "The body has %d H1 headings: keep only one.", n)
}
