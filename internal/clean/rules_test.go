package clean

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	trafilatura "github.com/markusmobius/go-trafilatura"
)

func TestParseBrief(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		want *Brief // nil: not a brief
	}{
		{"Make this article seo compatible, Let there be subheadings for the article, be in french, create at least 700 words",
			&Brief{MinWords: 700, Language: "fr", Subheadings: true, SEO: true}},
		{"Réécris cet article en 800 mots avec des intertitres", &Brief{MinWords: 800, Subheadings: true}},
		{"Rédigez un article optimisé SEO de 1 200 mots en français, mot-clé : « piratage Microsoft »",
			&Brief{MinWords: 1200, Language: "fr", SEO: true, Keyphrase: "piratage Microsoft"}},
		{"Please rewrite this text in French with H2 subheadings, focus keyphrase \"Midnight Blizzard\"",
			&Brief{Language: "fr", Subheadings: true, Keyphrase: "Midnight Blizzard"}},
		{"Write at least 1000 words but at most 1500 words.", &Brief{MinWords: 1000}},
		// Article sentences that talk about SEO or words are not briefs.
		{"Le référencement naturel (SEO) est devenu un métier à part entière pour les rédactions.", nil},
		{"Microsoft a déclaré que 30 000 mots de passe avaient été volés.", nil},
		{"Make sure to patch your servers, Microsoft said.", nil},
		{"", nil},
	}
	for _, tt := range tests {
		got, ok := parseBrief(tt.text)
		if tt.want == nil {
			if ok {
				t.Errorf("parseBrief(%q) = %+v; want not a brief", tt.text, got)
			}
			continue
		}
		if !ok {
			t.Errorf("parseBrief(%q): not recognised", tt.text)
			continue
		}
		tt.want.Raw = tt.text
		if *got != *tt.want {
			t.Errorf("parseBrief(%q)\n got %+v\nwant %+v", tt.text, *got, *tt.want)
		}
	}
}

func TestRules(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		want Reason // "" = article text
	}{
		{"Laisser un commentaire", ReasonCommentForm},
		{"Leave a Reply", ReasonCommentForm},
		{"Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *", ReasonCommentForm},
		{"Commentaire *", ReasonCommentForm},
		{"Share:", ReasonShare},
		{"Partager cet article", ReasonShare},
		{"Facebook Twitter LinkedIn WhatsApp", ReasonShare},
		{"GIPHY App Key not set. Please check settings", ReasonPluginError},
		{"Notez cet article", ReasonRating},
		{"4,5/5 (12 votes)", ReasonRating},
		{"Avatar photo", ReasonAuthorAvatar},
		{"administrator", ReasonAuthorAvatar},
		{"Linkin-news.com est un journal électronique tunisien développé par la société Linkin Way.", ReasonSitePromo},
		{"Abonnez-vous à notre newsletter pour ne rien manquer.", ReasonSitePromo},
		{"Chargé de Mission Secteur Privé/Chef Atelier Mécanique/Économiste/Coordinateur HSE/Aide Comptable", ReasonJobAds},
		{"Recrutement d’un Chargé du suivi évaluation du Projet", ReasonJobAds},
		{"Technologie-microsoft", ReasonCategory},
		{"Accueil > Monde > Europe", ReasonCategory},
		{"in", ReasonGarbage},
		{"🙂", ReasonGarbage},
		{"Lire aussi : Le pape à Najaf", ReasonNavigation},
		{"A lire aussi : Notre récit du discours de Martine Aubry", ReasonNavigation}, // no accent on the capital
		{"© Le Monde 2024 – Tous droits réservés", ReasonLegal},
		{"Publicité", ReasonAd},
		{"Photo : AFP", ReasonCaption},
		// Article text that uses the same words.
		{"Le porte-parole a refusé de laisser un commentaire sur l’enquête en cours.", ""},
		{"Les internautes peuvent partager leurs données avec des tiers.", ""},
		{"Microsoft", ""},
		{"Présence en Chine", ""},
		{"Que savons-nous du piratage?", ""},
		{"Le cyber-voleur a agi seul.", ""},
		{"porte-parole", ""},
		{"La société est un acteur majeur du cloud, selon ses concurrents, qui s’en inquiètent.", ""},
	}
	for _, tt := range tests {
		got, _ := matchRule(tt.text, countWords(tt.text))
		if got != tt.want {
			t.Errorf("matchRule(%q) = %q; want %q", tt.text, got, tt.want)
		}
	}
}

func TestBylineAndDateline(t *testing.T) {
	t.Parallel()
	for text, want := range map[string]string{
		"Par Raphaël Satter":                   "Raphaël Satter",
		"Un texte de Frédéric Zalac d’Enquête": "Frédéric Zalac d’Enquête",
		"Written by Fama":                      "Fama",
		"By Jane Doe and John Smith":           "Jane Doe and John Smith",
		"Par Marie de La Tour":                 "Marie de La Tour",
		"Par ailleurs, la Chine dément.":       "",
		"Par exemple":                          "",
		"By the way, this is not a byline":     "",
	} {
		got, ok := byline(text, countWords(text))
		if got != want || ok != (want != "") {
			t.Errorf("byline(%q) = %q, %v; want %q", text, got, ok, want)
		}
	}
	for text, want := range map[string][2]string{
		"WASHINGTON (Reuters) – L’Agence a déclaré.":       {"WASHINGTON (Reuters)", "L’Agence a déclaré."},
		"PARIS, 3 mars (AFP) - Le gouvernement a annoncé.": {"PARIS, 3 mars (AFP)", "Le gouvernement a annoncé."},
		"(AFP) — Un séisme a frappé le Népal.":             {"(AFP)", "Un séisme a frappé le Népal."},
		"Le FBI (Federal Bureau) – enquête.":               {"", "Le FBI (Federal Bureau) – enquête."},
	} {
		d, rest, _ := dateline(text)
		if d != want[0] || rest != want[1] {
			t.Errorf("dateline(%q) = %q, %q; want %q, %q", text, d, rest, want[0], want[1])
		}
	}
}

func TestRepair(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"contre une `` menace active ''  des pirates": "contre une «\u00a0menace active\u00a0» des pirates",
		"de Microsoft (NASDAQ 🙂 pour voler":           "de Microsoft (NASDAQ) pour voler",
		"(NYSE:IBM 🙂 a":                               "(NYSE) a",
		"rien à réparer  ici":                         "rien à réparer ici",
		// A closing guillemet that came out as an opening one before the
		// incise; left alone when the guillemets balance.
		"« Au moins 30 000 organisations ont été piratées, « A écrit Krebs dans le post.":      "« Au moins 30 000 organisations ont été piratées », a écrit Krebs dans le post.",
		"« Au moins 30 000 organisations ont été piratées, «\u00a0A écrit Krebs dans le post.": "« Au moins 30 000 organisations ont été piratées », a écrit Krebs dans le post.",
		"Il a lu « Le Monde », « A écrit Krebs » et « Libération ».":                           "Il a lu « Le Monde », « A écrit Krebs » et « Libération ».",
		// An attribution's verb stranded after a full stop (« … on
		// Thursday showed. »); a sentence of its own is left alone.
		"une directive d’urgence publiée par l’organisme de surveillance américain. jeudi a montré.": "une directive d’urgence publiée par l’organisme de surveillance américain.",
		"selon le rapport publié par l’agence. a indiqué.":                                           "selon le rapport publié par l’agence.",
		"Le rapport est paru. Jeudi a montré la voie.":                                               "Le rapport est paru. Jeudi a montré la voie.",
		"Le texte est publié. Il a montré.":                                                          "Le texte est publié. Il a montré.",
	} {
		if got := repair(in); got != want {
			t.Errorf("repair(%q) = %q; want %q", in, got, want)
		}
	}
	if got := normalize("cyber\u00adsécurité\r\nE\u0301tat\t\tici"); got != "cybersécurité\nÉtat ici" {
		t.Errorf("normalize = %q", got)
	}
}

func TestNoArticle(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"Laisser un commentaire\n\nShare:\n\nNotez cet article",
		"in\n\nMicrosoft\n\nAccueil",
		"   ",
	} {
		if doc, err := Text(text); err != ErrNoArticle {
			t.Errorf("Text(%q) = %+v, %v; want ErrNoArticle", text, doc, err)
		}
	}
}

func TestMarkdownAndLists(t *testing.T) {
	t.Parallel()
	md := "---\ntitle: \"Un titre\"\n---\n\n## Le contexte\n\nLe **gouvernement** a publié un [rapport](https://exemple.fr) sur les piratages de l’année dernière.\n\n- premier point important du rapport\n- second point du rapport\n\n> « Nous sommes prêts », a dit la ministre lors de la conférence de presse.\n"
	doc, err := Markdown(md)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "Un titre" {
		t.Errorf("title %q", doc.Title)
	}
	var kinds []string
	for _, b := range doc.Blocks {
		kinds = append(kinds, string(b.Kind)+":"+b.Text)
	}
	got := strings.Join(kinds, "|")
	want := "heading:Le contexte|paragraph:Le gouvernement a publié un rapport sur les piratages de l’année dernière.|list:premier point important du rapport\nsecond point du rapport|quote:« Nous sommes prêts », a dit la ministre lors de la conférence de presse."
	if got != want {
		t.Errorf("blocks\n got %q\nwant %q", got, want)
	}
}

func FuzzText(f *testing.F) {
	for _, s := range []string{"000", "001", "002", "003", "004"} {
		f.Add(seed(f, s))
	}
	f.Add("in\n\n``a''\n(NASDAQ 🙂\n- x\n- y")
	f.Fuzz(func(t *testing.T, s string) {
		doc, err := Text(s)
		if err != nil {
			if err != ErrNoArticle {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		if len(doc.Blocks) == 0 {
			t.Fatal("document without blocks")
		}
	})
}

func FuzzMarkdown(f *testing.F) {
	f.Add("# T\n\n## H\n\nUn paragraphe assez long pour être de la prose, avec des mots.")
	f.Fuzz(func(t *testing.T, s string) {
		_, _ = Markdown(s)
	})
}

func BenchmarkTextSeed(b *testing.B) {
	raw := seed(b, "001")
	b.ReportAllocs()
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		if _, err := Text(raw); err != nil {
			b.Fatal(err)
		}
	}
}

// The HTML path is measured beside go-trafilatura alone on the same page:
// plume's goal is to stay within 1.2× of the extractor it builds on.
func benchHTMLPage(b *testing.B) string {
	raw, err := os.ReadFile(filepath.Join("..", "extract", "testdata", "article.html"))
	if err != nil {
		b.Fatal(err)
	}
	return string(raw)
}

func BenchmarkHTML(b *testing.B) {
	page := benchHTMLPage(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, err := HTML(page, "https://exemple.fr/article"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkHTMLTrafilaturaOnly(b *testing.B) {
	page := benchHTMLPage(b)
	u, _ := url.Parse("https://exemple.fr/article")
	b.ReportAllocs()
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, err := trafilatura.Extract(strings.NewReader(page), trafilatura.Options{OriginalURL: u}); err != nil {
			b.Fatal(err)
		}
	}
}
