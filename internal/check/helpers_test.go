package check

import (
	"strings"
	"testing"

	"github.com/plume-seo/plume/internal/article"
)

// vocab are neutral content words: no function word, no transition word,
// nothing that looks like a participle.
var vocab = strings.Fields("jardin soleil fleuve montagne forêt rivière village marché musique peinture théâtre cinéma bateau camion vélo avion train route pont chemin colline vallée plage port phare falaise")

// sent returns a sentence of n neutral words; seed varies its first word.
func sent(n, seed int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = vocab[(seed+i)%len(vocab)]
	}
	ws[0] = strings.ToUpper(ws[0][:1]) + ws[0][1:]
	return strings.Join(ws, " ") + "."
}

// para returns a paragraph of about total words in sentences of per words.
func para(total, per, seed int) string {
	var ss []string
	for total > 0 {
		n := min(per, total)
		ss = append(ss, sent(n, seed))
		seed += 7
		total -= n
	}
	return strings.Join(ss, " ")
}

func P(text string) article.Block { return article.Block{Kind: article.Paragraph, Text: text} }

func H(level int, text string) article.Block {
	return article.Block{Kind: article.Heading, Level: level, Text: text}
}

func Img(alt string) article.Block { return article.Block{Kind: article.Image, Src: "x.jpg", Alt: alt} }

func art(kp string, blocks ...article.Block) *article.Article {
	return &article.Article{Title: "Un titre", Keyphrase: kp, Blocks: blocks, URL: "https://plume.example/a/b"}
}

// result runs the analysis and returns the result of check id, hidden ones
// included; ok is false when the check did not run.
func result(t *testing.T, a *article.Article, opts Options, id string) (Result, bool) {
	t.Helper()
	rep, err := Analyze(a, opts)
	if err != nil {
		t.Fatalf("Analyze: %v", err)
	}
	for _, r := range rep.All() {
		if r.ID == id {
			return r, true
		}
	}
	return Result{}, false
}

func score(t *testing.T, a *article.Article, opts Options, id string) int {
	t.Helper()
	r, ok := result(t, a, opts, id)
	if !ok {
		t.Fatalf("%s did not run", id)
	}
	if r.Message == "" && !r.Hidden {
		t.Errorf("%s: empty message", id)
	}
	return r.Score
}

type scoreCase struct {
	name string
	a    *article.Article
	opts Options
	want int
}

func runScoreCases(t *testing.T, id string, cases []scoreCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := score(t, c.a, c.opts, id); got != c.want {
				t.Errorf("%s = %d, want %d", id, got, c.want)
			}
		})
	}
}

var exact = Options{Mode: Exact}
