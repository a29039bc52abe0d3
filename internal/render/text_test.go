package render

import (
	"strings"
	"testing"

	"github.com/plume-seo/plume/internal/article"
)

func TestPlainText(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		a    *article.Article
		want string
	}{
		{"blocks", &article.Article{Title: "Le titre", Blocks: []article.Block{
			{Kind: article.Paragraph, Text: "Un *chapeau* [lié].", Links: []article.Link{{Text: "lié", URL: "/x"}}},
			{Kind: article.Heading, Level: 2, Text: "Un intertitre"},
			{Kind: article.List, Items: []string{"un", "deux"}},
			{Kind: article.Image, Src: "/a.png", Alt: "pas du texte"},
			{Kind: article.Quote, Text: "« Une\ncitation »"},
			{Kind: article.Paragraph, Text: "  "},
		}}, "Le titre\n\nUn *chapeau* [lié].\n\nUn intertitre\n\nun\ndeux\n\n« Une citation »\n"},
		{"title only", &article.Article{Title: "Seul"}, "Seul\n"},
		{"empty", &article.Article{}, ""},
	}
	for _, tt := range tests {
		if got := PlainText(tt.a); got != tt.want {
			t.Errorf("%s: PlainText = %q, want %q", tt.name, got, tt.want)
		}
	}
	// Every word of the body is there, once: counting words on PlainText is
	// counting the article's.
	a := loadArticle(t, "sample.json")
	got := strings.Fields(PlainText(a))
	want := strings.Fields(a.Title + "\n" + a.BodyText())
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("PlainText words differ from title + BodyText")
	}
}
