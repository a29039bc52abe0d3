package write

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/plume-seo/plume/internal/article"
	"github.com/plume-seo/plume/internal/check"
	"github.com/plume-seo/plume/internal/facts"
	"github.com/plume-seo/plume/internal/fr/token"
	"github.com/plume-seo/plume/internal/keyphrase"
	"github.com/plume-seo/plume/internal/plan"
	"github.com/plume-seo/plume/internal/typo"
)

// metaWarning opens the offline writer's warnings about the meta
// description (meta.go).
const metaWarning = "meta description: "

// finishMeta sets the SEO fields again once the model's text is in the
// draft — the title may be the model's, the lead is — with the offline
// writer's deterministic rules (meta.go): an SEO title that starts with the
// keyphrase and fits the width Google shows, a meta description that is a
// complete sentence with the keyphrase once, the keyphrase's slug. When no
// sentence of the sources gives a meta description of 121–156 characters,
// a verified sentence of the model's text that does is used.
//
// From sources in another language (foreign), no sentence of the sources
// is French: the meta description is the model's (foreignMeta).
func finishMeta(p *plan.Plan, sh *facts.Sheet, d *Draft, byModel []string, foreign bool) {
	kept := d.Warnings[:0]
	for _, w := range d.Warnings {
		if !strings.HasPrefix(w, metaWarning) {
			kept = append(kept, w)
		}
	}
	d.Warnings = kept
	a := d.Article
	mw := newWriter(p, sh, d, a)
	if foreign {
		mw.kform = p.Keyphrase // the model's French phrase, as it wrote it
	}
	st := typo.DefaultStyle()
	a.Title = typo.Fix(a.Title, st)
	a.SEOTitle = typo.Fix(mw.seoTitle(), st)
	a.Keyphrase = p.Keyphrase
	if !foreign && !p.KeyphraseGiven {
		a.Keyphrase = mw.kform // as the offline writer's: the form its SEO title opens with
	}
	if foreign {
		foreignMeta(d, p.KeyWords, byModel)
		a.MetaDescription = typo.Fix(a.MetaDescription, st)
		a.Slug = Slug(p.Keyphrase)
		return
	}
	n := len(d.Warnings)
	a.MetaDescription = typo.Fix(mw.metaDescription(), st)
	if len(MetaProblems(a, p.KeyWords)) > 0 {
		if m := modelMeta(byModel, p.KeyWords); m != "" {
			a.MetaDescription = m
			d.Warnings = d.Warnings[:n]
		}
	}
	a.Slug = Slug(a.Keyphrase)
}

// modelMeta returns the first sentence, or pair of consecutive sentences,
// of the model's verified paragraphs that makes a valid meta description,
// else "".
func modelMeta(paras []string, kw []string) string {
	ok := func(s string) bool {
		return len(metaDescriptionProblems(s, kw)) == 0 && !opensWithPronoun(s)
	}
	for _, para := range paras {
		ss := token.Sentences(para)
		for i := range ss {
			if t := strings.TrimSpace(ss[i].Text); ok(t) {
				return t
			}
			if i+1 < len(ss) {
				if t := strings.TrimSpace(ss[i].Text) + " " + strings.TrimSpace(ss[i+1].Text); ok(t) {
					return t
				}
			}
		}
	}
	return ""
}

// Bounds of a valid meta description, in characters, as Yoast rates them.
const (
	minValidMeta = 121
	maxValidMeta = maxMetaDesc
)

// MetaProblems lists what is wrong with an article's SEO fields against
// plume's bars: an SEO title of at most 60 characters that holds the
// keyphrase, a meta description of 121–156 characters that is complete
// sentences with the keyphrase once, a slug that is the keyphrase's. kw are
// the keyphrase's words.
func MetaProblems(a *article.Article, kw []string) []string {
	var problems []string
	switch {
	case strings.TrimSpace(a.SEOTitle) == "":
		problems = append(problems, "SEO title: empty")
	case !fitsSERP(a.SEOTitle):
		problems = append(problems, fmt.Sprintf("SEO title: %d px wide (at most %d)", check.TitlePixels(a.SEOTitle), maxTitlePixels))
	}
	if len(kw) > 0 && !keyphrase.ContainsAll(a.SEOTitle, kw) {
		problems = append(problems, "SEO title: no keyphrase")
	}
	for _, p := range metaDescriptionProblems(a.MetaDescription, kw) {
		problems = append(problems, "meta description: "+p)
	}
	if want := Slug(a.Keyphrase); a.Slug == "" || a.Slug != want {
		problems = append(problems, fmt.Sprintf("slug %q, want %q", a.Slug, want))
	}
	return problems
}

func metaDescriptionProblems(s string, kw []string) []string {
	var problems []string
	if n := runes(s); n < minValidMeta || n > maxValidMeta {
		problems = append(problems, fmt.Sprintf("%d characters (121–156)", n))
	}
	if len(kw) > 0 {
		if !keyphrase.ContainsAll(s, kw) {
			problems = append(problems, "no keyphrase")
		} else if n := occurrences(s, kw[0]); n != 1 {
			problems = append(problems, fmt.Sprintf("the keyphrase %d times", n))
		}
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s, " »”)\u00a0\u202f"))
	if !strings.ContainsRune(".!?", last) || !balanced(s) {
		problems = append(problems, "not a complete sentence")
	}
	return problems
}
