package write_test

import (
	"context"
	"strings"
	"testing"

	"github.com/plume-seo/plume/internal/article"
	"github.com/plume-seo/plume/internal/check"
	"github.com/plume-seo/plume/internal/fr/token"
	"github.com/plume-seo/plume/internal/plan"
	"github.com/plume-seo/plume/internal/write"
	"github.com/plume-seo/plume/internal/write/writertest"
)

// contextSentences returns the sentences of the context sections, each
// paragraph's first (a related story's lede) left out.
func contextSentences(d *write.Draft) []string {
	var out []string
	bs := d.Article.Blocks
	for i, b := range bs {
		if b.Kind != article.Heading || b.Section != string(plan.Context) || i+1 >= len(bs) {
			continue
		}
		para := bs[i+1].Text
		for k, sp := range token.Sentences(para) {
			if s := para[sp.Start:sp.End]; k > 0 && !strings.HasPrefix(s, "Lire aussi") {
				out = append(out, s)
			}
		}
	}
	return out
}

// When the plan asks for short sentences, the context prefers a related
// story's sentences no longer than 20 words once cut: fewer long ones
// than the default, over the five seeds; and its sentences all stay
// sentences of the sources (the fidelity checker's business, not
// repeated here) with the figures they carry.
func TestContextShortSentences(t *testing.T) {
	t.Parallel()
	long := func(ss []string) int {
		n := 0
		for _, s := range ss {
			if token.CountAlnumWords(s) > 20 {
				n++
			}
		}
		return n
	}
	var def, short int
	all := []string{"000", "001", "002", "003", "004"}
	for i, seed := range all {
		others := append(append([]string{}, all[:i]...), all[i+1:]...)
		sh := writertest.SheetRelated(t, []string{seed}, others)
		for _, o := range []plan.Options{{MinWords: 700}, {MinWords: 700, ShortSentences: true}} {
			d, err := write.Extractive{}.Write(context.Background(), plan.Build(sh, o), sh)
			if err != nil {
				t.Fatal(err)
			}
			ss := contextSentences(d)
			if len(ss) == 0 {
				t.Fatalf("%s: no context sentence past a lede", seed)
			}
			if o.ShortSentences {
				short += long(ss)
			} else {
				def += long(ss)
			}
		}
	}
	if short >= def {
		t.Errorf("%d long context sentences with ShortSentences, %d without", short, def)
	}
	t.Logf("long context sentences past the lede: %d by default, %d with ShortSentences", def, short)
}

// With AvoidPassive, a related story's excerpt keeps no sentence in the
// passive voice past its lede (000's context had « Le géant du logiciel
// n’a pas précisé où sont basées les agences gouvernementales. », which
// the body's own passive sentences, left out, had made room for), and
// still has sentences past its ledes.
func TestContextAvoidsPassive(t *testing.T) {
	t.Parallel()
	all := []string{"000", "001", "002", "003", "004"}
	candidates := 0
	for i, seed := range all {
		others := append(append([]string{}, all[:i]...), all[i+1:]...)
		sh := writertest.SheetRelated(t, []string{seed}, others)
		for _, s := range sh.Sentences {
			if sh.Sources[s.Source].Related && s.ID > 0 && sh.Sentences[s.ID-1].Source == s.Source && check.LooksPassive(s.Text) {
				candidates++
			}
		}
		for _, spare := range []int{0, 100} {
			d, err := write.Extractive{}.Write(context.Background(), plan.Build(sh, plan.Options{MinWords: 700, AvoidPassive: true, Spare: spare}), sh)
			if err != nil {
				t.Fatal(err)
			}
			ss := contextSentences(d)
			if len(ss) == 0 {
				t.Fatalf("%s: no context sentence past a lede", seed)
			}
			for _, s := range ss {
				if check.LooksPassive(s) {
					t.Errorf("%s (spare %d): passive context sentence with AvoidPassive: %q", seed, spare, s)
				}
			}
		}
	}
	if candidates == 0 {
		t.Error("the related stories have no passive sentence past their ledes: the test proves nothing")
	}
}
