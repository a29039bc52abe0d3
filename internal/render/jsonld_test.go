package render

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/plume-seo/plume/internal/article"
)

type ldDoc struct {
	Context string           `json:"@context"`
	Graph   []map[string]any `json:"@graph"`
}

func decodeLD(t *testing.T, data []byte) ldDoc {
	t.Helper()
	var d ldDoc
	if err := json.Unmarshal(data, &d); err != nil {
		t.Fatalf("JSON-LD: %v\n%s", err, data)
	}
	if d.Context != "https://schema.org" {
		t.Errorf("@context = %q", d.Context)
	}
	return d
}

func TestJSONLD(t *testing.T) {
	t.Parallel()
	a := loadArticle(t, "sample.json")
	data, err := JSONLD(a, HTMLOptions{Author: "Rédaction", Publisher: "Exemple Média"})
	if err != nil {
		t.Fatal(err)
	}
	d := decodeLD(t, data)
	if len(d.Graph) != 2 {
		t.Fatalf("want NewsArticle and FAQPage, got %d nodes", len(d.Graph))
	}
	na := d.Graph[0]
	want := map[string]any{
		"@type":            "NewsArticle",
		"headline":         a.Title,
		"description":      a.MetaDescription,
		"inLanguage":       "fr",
		"datePublished":    "2021-03-06",
		"keywords":         a.Keyphrase,
		"url":              a.URL,
		"mainEntityOfPage": a.URL,
		"isBasedOn":        []any{a.Sources[0].URL, a.Sources[1].URL},
		"author":           map[string]any{"@type": "Organization", "name": "Rédaction"},
		"publisher":        map[string]any{"@type": "Organization", "name": "Exemple Média"},
	}
	for k, v := range want {
		if !reflect.DeepEqual(na[k], v) {
			t.Errorf("NewsArticle.%s = %#v, want %#v", k, na[k], v)
		}
	}
	if _, ok := na["image"]; ok {
		t.Error("a relative image URL must not be given as the article's image")
	}
	faq := d.Graph[1]
	if faq["@type"] != "FAQPage" {
		t.Fatalf("second node %v", faq["@type"])
	}
	qs := faq["mainEntity"].([]any)
	if len(qs) != len(a.FAQ) {
		t.Fatalf("%d questions, want %d", len(qs), len(a.FAQ))
	}
	for i, q := range qs {
		q := q.(map[string]any)
		ans := q["acceptedAnswer"].(map[string]any)
		if q["@type"] != "Question" || q["name"] != a.FAQ[i].Question || ans["@type"] != "Answer" || ans["text"] != a.FAQ[i].Answer {
			t.Errorf("question %d = %v", i, q)
		}
	}
}

func TestJSONLDOptionalParts(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("Le piratage de Microsoft Exchange inquiète ", 5)
	tests := []struct {
		name  string
		a     *article.Article
		check func(t *testing.T, d ldDoc)
	}{
		{"no FAQ, no date, no author", &article.Article{Title: "Titre", Date: "6 mars 2021"}, func(t *testing.T, d ldDoc) {
			if len(d.Graph) != 1 {
				t.Errorf("FAQPage without FAQ")
			}
			for _, k := range []string{"datePublished", "author", "publisher", "isBasedOn", "url"} {
				if _, ok := d.Graph[0][k]; ok {
					t.Errorf("%s present", k)
				}
			}
		}},
		{"long title falls back to the SEO title", &article.Article{Title: long, SEOTitle: "Piratage de Microsoft Exchange"}, func(t *testing.T, d ldDoc) {
			if d.Graph[0]["headline"] != "Piratage de Microsoft Exchange" {
				t.Errorf("headline %q", d.Graph[0]["headline"])
			}
		}},
		{"long title is cut at a word", &article.Article{Title: long, SEOTitle: long}, func(t *testing.T, d ldDoc) {
			h := d.Graph[0]["headline"].(string)
			if n := utf8.RuneCountInString(h); n > 110 || n < 80 {
				t.Errorf("headline of %d chars: %q", n, h)
			}
			if !strings.HasSuffix(h, "…") || !strings.HasPrefix(long, strings.TrimSuffix(h, "…")) || strings.HasSuffix(strings.TrimSuffix(h, "…"), " ") {
				t.Errorf("headline not cut at a word: %q", h)
			}
		}},
		{"absolute image, RFC 3339 date, unsafe source", &article.Article{
			Title: "T", Date: "2021-03-06T10:30:00+01:00", Lang: "fr-FR",
			Blocks:  []article.Block{{Kind: article.Image, Src: "https://exemple.fr/a.jpg"}, {Kind: article.Image, Src: "javascript:x"}},
			Sources: []article.Source{{URL: "javascript:alert(1)"}, {URL: "https://a.fr/x"}},
			FAQ:     []article.QA{{Question: "Q ?", Answer: ""}, {Question: "Vraie ?", Answer: "Oui."}},
		}, func(t *testing.T, d ldDoc) {
			na := d.Graph[0]
			if na["datePublished"] != "2021-03-06T10:30:00+01:00" || na["inLanguage"] != "fr-FR" {
				t.Errorf("date %v lang %v", na["datePublished"], na["inLanguage"])
			}
			if !reflect.DeepEqual(na["image"], []any{"https://exemple.fr/a.jpg"}) || !reflect.DeepEqual(na["isBasedOn"], []any{"https://a.fr/x"}) {
				t.Errorf("image %v isBasedOn %v", na["image"], na["isBasedOn"])
			}
			if len(d.Graph) != 2 || len(d.Graph[1]["mainEntity"].([]any)) != 1 {
				t.Errorf("a question without answer must be left out: %v", d.Graph)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			data, err := JSONLD(tt.a, HTMLOptions{})
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, decodeLD(t, data))
		})
	}
}

func TestJSONLDIsScriptSafe(t *testing.T) {
	t.Parallel()
	a := &article.Article{
		Title: "</script><script>alert(1)</script>", MetaDescription: "<!-- & -->", Keyphrase: "a\u2028b",
		FAQ: []article.QA{{Question: "</SCRIPT>", Answer: "<script>"}},
	}
	data, err := JSONLD(a, HTMLOptions{Author: "</script>"})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []string{"<", ">", "&", "\u2028"} {
		if bytes.Contains(data, []byte(c)) {
			t.Errorf("JSON-LD holds a raw %q:\n%s", c, data)
		}
	}
	d := decodeLD(t, data)
	if d.Graph[0]["headline"] != a.Title {
		t.Errorf("headline %q, want the title unchanged once decoded", d.Graph[0]["headline"])
	}
}
