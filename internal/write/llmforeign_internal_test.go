package write

import (
	"strings"
	"testing"

	"github.com/plume-seo/plume/internal/article"
	"github.com/plume-seo/plume/internal/plan"
)

// faqDraft is a draft with a French lead, one model-written body section
// and an FAQ of the questions given, each with its answer.
func faqDraft(qas ...article.QA) *Draft {
	a := &article.Article{Blocks: []article.Block{
		{Kind: article.Paragraph, Text: "Un incendie en Californie a forcé environ 12 000 habitants à quitter leur maison jeudi, à l’est de Sacramento."},
		{Kind: article.Heading, Level: 2, Text: "Des pompiers en renfort", Section: string(plan.Body)},
		{Kind: article.Paragraph, Text: "Plus de 1 800 pompiers ont été déployés, appuyés par 40 avions, selon les autorités de la région."},
		{Kind: article.Heading, Level: 2, Text: "Questions fréquentes", Section: string(plan.FAQ)},
	}, FAQ: qas}
	for _, qa := range qas {
		a.Blocks = append(a.Blocks, article.Block{Kind: article.Heading, Level: 3, Text: qa.Question, Section: string(plan.FAQ)},
			article.Block{Kind: article.Paragraph, Text: qa.Answer})
	}
	return &Draft{Article: a, Lead: a.Blocks[0].Text, Sections: []SectionInfo{
		{Heading: "Des pompiers en renfort", Level: 2, Kind: plan.Body, Writer: "llm"},
		{Heading: "Questions fréquentes", Level: 2, Kind: plan.FAQ, Writer: "extractive"},
	}}
}

var (
	frQA = []article.QA{
		{Question: "Combien d’habitants ont dû partir ?", Answer: "Environ 12 000 habitants ont dû quitter leur maison, selon les pompiers de la région."},
		{Question: "Combien de pompiers sont mobilisés ?", Answer: "Plus de 1 800 pompiers ont été déployés, avec le soutien de 40 avions."},
		{Question: "Qui est Maria Alvarez ?", Answer: "Maria Alvarez est la gouverneure qui a déclaré l’état d’urgence dans le comté."},
	}
	enQA = article.QA{Question: "How many homes burned?", Answer: "Officials said that 86 homes were destroyed and three firefighters were injured."}
)

// In a mixed story the FAQ keeps its French questions, three at least;
// with fewer it is left out, and an FAQ of English questions always is.
func TestFrenchFAQ(t *testing.T) {
	d := faqDraft(append(append([]article.QA{}, frQA...), enQA)...)
	warnings, err := frenchOnly(d, true, "en")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Article.FAQ) != 3 || len(d.Sections) != 2 || strings.Contains(blocksText(d), "homes") {
		t.Errorf("FAQ %v, sections %v, text %q", d.Article.FAQ, d.Sections, blocksText(d))
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "1 of its 4 questions left out") {
		t.Errorf("warnings %q", warnings)
	}

	d = faqDraft(frQA[0], frQA[1], enQA)
	warnings, err = frenchOnly(d, true, "en")
	if err != nil {
		t.Fatal(err)
	}
	if d.Article.FAQ != nil || len(d.Sections) != 1 || strings.Contains(blocksText(d), "Combien") {
		t.Errorf("FAQ %v, sections %v", d.Article.FAQ, d.Sections)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], `"Questions fréquentes" left out`) {
		t.Errorf("warnings %q", warnings)
	}
	// Nothing of the model's and nothing French: an error.
	d = faqDraft(enQA)
	d.Sections[0].Writer = "extractive"
	d.Article.Blocks[2].Text = "More than 1,800 firefighters were deployed, supported by 40 aircraft, officials said on Thursday."
	d.Article.Blocks[0].Text = "A fast-moving wildfire forced about 12,000 residents to leave their homes in northern California on Thursday."
	if _, err := frenchOnly(d, false, "en"); err == nil {
		t.Errorf("no error; blocks %q", blocksText(d))
	}
}

func blocksText(d *Draft) string {
	var b strings.Builder
	for _, bl := range d.Article.Blocks {
		b.WriteString(bl.Text + "\n")
	}
	return b.String()
}
