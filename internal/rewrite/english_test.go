package rewrite

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/plume-seo/plume/internal/article"
	"github.com/plume-seo/plume/internal/clean"
	"github.com/plume-seo/plume/internal/fidelity"
	"github.com/plume-seo/plume/internal/fr/langid"
	"github.com/plume-seo/plume/internal/fr/lexicon"
	"github.com/plume-seo/plume/internal/fr/token"
	"github.com/plume-seo/plume/internal/keyphrase"
	"github.com/plume-seo/plume/internal/llm/llmtest"
	"github.com/plume-seo/plume/internal/plan"
	"github.com/plume-seo/plume/internal/write/writertest"
)

// englishInput is the English wire story of the tests.
func englishInput(t *testing.T) []Input {
	t.Helper()
	raw, err := os.ReadFile(writertest.EnglishStory)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := clean.Text(string(raw))
	if err != nil {
		t.Fatal(err)
	}
	return []Input{{Name: "ridge-fire_en.txt", Doc: doc}}
}

// frenchLine tells the language of a short line (a title, a heading, a key
// point) with the lexicon, as the LLM writer does.
var frenchLine = langid.New(langid.WithFrenchLexicon(lexicon.Default().Has), langid.WithMinWords(1))

// An English wire story, the LLM writer and a scripted model that
// "translates" with a phrase table give a French article: French in every
// part, the model's French keyphrase in the title, the lead's first
// sentence, the meta description and the slug, no unsupported figure,
// date or name, quotations in reported speech or translated with the
// mark, and at most 8 calls.
func TestEnglishStoryLLM(t *testing.T) {
	t.Parallel()
	tr := writertest.RidgeFire
	w, srv := llmWriter(t, llmtest.Rule{Respond: tr.Respond})
	in := englishInput(t)
	r, err := Run(context.Background(), in, Options{Writer: w, MinWords: 700})
	if err != nil {
		t.Fatal(err)
	}
	a := r.Article
	if r.Language != langid.French {
		t.Errorf("article language %q", r.Language)
	}
	if r.Keyphrase != tr.Keyphrase || r.Slug != "incendie-en-californie" {
		t.Errorf("keyphrase %q slug %q", r.Keyphrase, r.Slug)
	}
	kw := plan.KeyWordsOf(r.Keyphrase)
	first := token.Sentences(r.Lead)
	for name, s := range map[string]string{"title": r.Title, "seo title": r.SEOTitle, "meta description": r.MetaDescription, "lead's first sentence": first[0].Text} {
		if !keyphrase.ContainsAll(s, kw) {
			t.Errorf("%s %q lacks the keyphrase", name, s)
		}
	}
	// Every part French: each paragraph by the identifier, each short line
	// (title, headings, key points, meta) with the lexicon too.
	lines := []string{r.Title, r.SEOTitle, r.MetaDescription}
	paras := []string{r.Lead}
	for _, b := range a.Blocks {
		switch {
		case len(b.Links) > 0:
			// The sources cited, with their own titles.
		case b.Kind == article.Heading:
			lines = append(lines, b.Text)
		case b.Kind == article.List:
			lines = append(lines, b.Items...)
		default:
			paras = append(paras, b.Text)
		}
	}
	for _, l := range lines {
		if lang := frenchLine.Detect(l).Lang; lang != langid.French {
			t.Errorf("line not French (%s): %q", lang, l)
		}
	}
	for _, p := range paras {
		if lang := langid.Detect(p).Lang; lang != langid.French {
			t.Errorf("paragraph not French (%s): %q", lang, p)
		}
	}
	// The English sentences are not in the article.
	src := strings.Join(blockTexts(in[0].Doc), "\n")
	for _, p := range paras {
		for _, sp := range token.Sentences(p) {
			if s := strings.TrimSpace(sp.Text); len(s) > 30 && strings.Contains(src, s) {
				t.Errorf("a source sentence copied: %q", s)
			}
		}
	}
	if !r.Fidelity.OK() {
		t.Errorf("fidelity: %+v", r.Fidelity)
	}
	if r.Fidelity.FiguresKept < 8 {
		t.Errorf("figures kept %d of %d", r.Fidelity.FiguresKept, r.Fidelity.FiguresTotal)
	}
	// Quotations: each translated one carries the mark.
	marked := 0
	for _, p := range paras {
		for _, sp := range token.Sentences(p) {
			if strings.Contains(sp.Text, "«") {
				if !strings.Contains(sp.Text, fidelity.TranslatedMark("en")) {
					t.Errorf("a quotation without the mark: %q", sp.Text)
				}
				marked++
			}
		}
	}
	if marked != 2 {
		t.Errorf("%d marked quotations; want the 2 the model translated", marked)
	}
	keyPoints := 0
	for _, s := range r.Sections {
		if s.Kind == string(plan.KeyPoints) {
			keyPoints++
		}
		if (s.Kind == string(plan.Body) || s.Kind == string(plan.Profile)) && s.Writer != "llm" {
			t.Errorf("section %q written by %s", s.Heading, s.Writer)
		}
	}
	if keyPoints != 1 || len(r.FAQ) != 0 {
		t.Errorf("%d key points sections, FAQ %v", keyPoints, r.FAQ)
	}
	if r.LLM == nil || r.LLM.Calls > 8 || r.LLM.Fallbacks != 0 || r.LLM.Retries != 0 {
		t.Errorf("llm %+v", r.LLM)
	}
	if n := len(srv.Requests()); r.LLM != nil && n != r.LLM.Calls {
		t.Errorf("%d requests, %d calls accounted", n, r.LLM.Calls)
	}
	for _, warn := range r.Warnings {
		if strings.Contains(warn, "refused") || strings.Contains(warn, "left out") {
			t.Errorf("warning: %s", warn)
		}
	}
	t.Logf("%d words, SEO %d, readability %d; llm %+v; warnings %q", r.WordCount, r.SEOScore, r.ReadabilityScore, *r.LLM, r.Warnings)
}

// The same model inventing a figure in its French text: the section is
// asked again with the failure listed, fails again and is left out with a
// warning — its offline text is English — and the invented figure is
// nowhere in the article.
func TestEnglishStoryInventedFigure(t *testing.T) {
	t.Parallel()
	tr := writertest.RidgeFire
	tr.Edit = func(s string) string {
		return strings.Replace(s, "Environ 900 personnes", "Environ 1 900 personnes", 1)
	}
	w, srv := llmWriter(t, llmtest.Rule{Respond: tr.Respond})
	r, err := Run(context.Background(), englishInput(t), Options{Writer: w, MinWords: 700})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(r.Markdown, "1 900") || strings.Contains(r.Markdown, "900 people") || !r.Fidelity.OK() || r.Language != langid.French {
		t.Errorf("the invented figure or the English text is in the article (fidelity %+v, language %s)", r.Fidelity, r.Language)
	}
	left := ""
	for _, warn := range r.Warnings {
		if strings.Contains(warn, "left out") {
			left = warn
		}
	}
	if !strings.Contains(left, "Écoles fermées et refuges ouverts") || !strings.Contains(spaces.Replace(left), "1 900") {
		t.Errorf("no warning says the section was left out: %q", r.Warnings)
	}
	for _, s := range r.Sections {
		if s.Writer != "llm" && (s.Kind == string(plan.Body) || s.Kind == string(plan.Profile)) {
			t.Errorf("section %q kept with writer %s", s.Heading, s.Writer)
		}
	}
	if r.LLM == nil || r.LLM.Fallbacks != 1 || r.LLM.Retries != 1 || r.LLM.Calls > 8 {
		t.Errorf("llm %+v", r.LLM)
	}
	// The repair prompt listed the failure.
	found := false
	for _, req := range srv.Requests() {
		for _, m := range req.Messages {
			found = found || strings.Contains(m.Content, "Ta réponse précédente a été refusée") && strings.Contains(spaces.Replace(m.Content), "1 900")
		}
	}
	if !found {
		t.Error("no repair prompt names the invented figure")
	}
}

// spaces folds the no-break spaces of French typography.
var spaces = strings.NewReplacer("\u202f", " ", "\u00a0", " ")

// The model breaking the quotation rule — a translation in « » without
// the mark — is refused with the rule in the repair prompt, and the
// section is left out; the one that keeps the rule stays.
func TestEnglishStoryUnmarkedQuotation(t *testing.T) {
	t.Parallel()
	tr := writertest.RidgeFire
	tr.Edit = func(s string) string { return strings.ReplaceAll(s, " "+fidelity.TranslatedMark("en"), "") }
	w, srv := llmWriter(t, llmtest.Rule{Respond: tr.Respond})
	r, err := Run(context.Background(), englishInput(t), Options{Writer: w, MinWords: 700})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(r.Markdown, "Aucune famille") || strings.Contains(r.Markdown, "Ce feu avance") || !r.Fidelity.OK() {
		t.Errorf("an unmarked translated quotation is in the article:\n%s", r.Markdown)
	}
	if r.LLM == nil || r.LLM.Fallbacks != 1 || r.LLM.Retries != 1 {
		t.Errorf("llm %+v", r.LLM)
	}
	rule := false
	for _, req := range srv.Requests() {
		for _, m := range req.Messages {
			rule = rule || strings.Contains(m.Content, "Ta réponse précédente a été refusée") && strings.Contains(m.Content, "une citation traduite se donne au discours indirect")
		}
	}
	if !rule {
		t.Error("no repair prompt states the quotation rule")
	}
	if !strings.Contains(r.Markdown, "Écoles fermées et refuges ouverts") {
		t.Error("a section without quotations was left out too")
	}
}

func blockTexts(d *clean.Document) []string {
	var out []string
	for _, b := range d.Blocks {
		out = append(out, b.Text)
	}
	return out
}

// A story with a French and an English source: the English parts are
// translated, the French ones may keep the offline text when the model's
// fails (it is French), and nothing English remains.
func TestMixedStoryLLM(t *testing.T) {
	t.Parallel()
	tr := writertest.RidgeFire
	// The phrase table for the English extracts, the prompt-driven model
	// for the French ones.
	respond := func(p string) llmtest.Reply {
		if r := tr.Respond(p); strings.TrimSpace(r.Content) != "" {
			return r
		}
		return writertest.Model(p)
	}
	w, _ := llmWriter(t, llmtest.Rule{Respond: respond})
	r, err := Run(context.Background(), append(inputs(t, "003"), englishInput(t)...), Options{Writer: w, MinWords: 700})
	if err != nil {
		t.Fatal(err)
	}
	if r.Language != langid.French || !r.Fidelity.OK() || r.Keyphrase != tr.Keyphrase {
		t.Errorf("language %s, fidelity %+v, keyphrase %q", r.Language, r.Fidelity, r.Keyphrase)
	}
	french := 0
	for _, b := range r.Article.Blocks {
		if b.Kind != article.Paragraph || len(b.Links) > 0 {
			continue
		}
		if langid.Detect(b.Text).Lang == langid.French {
			french++
		} else {
			t.Errorf("paragraph not French: %q", b.Text)
		}
	}
	if !strings.Contains(r.Markdown, "CISA") || !strings.Contains(r.Markdown, "Maria Alvarez") || french < 6 {
		t.Errorf("the French source's or the English source's part is missing (%d French paragraphs):\n%s", french, r.Markdown)
	}
	for _, warn := range r.Warnings {
		if strings.Contains(warn, "left out") {
			t.Errorf("a French part left out: %s", warn)
		}
	}
}
