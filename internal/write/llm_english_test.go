package write_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/plume-seo/plume/internal/fidelity"
	"github.com/plume-seo/plume/internal/fr/langid"
	"github.com/plume-seo/plume/internal/llm/llmtest"
	"github.com/plume-seo/plume/internal/plan"
	"github.com/plume-seo/plume/internal/write"
	"github.com/plume-seo/plume/internal/write/writertest"
)

// editOutline answers like tr, with its outline answer changed by edit.
func editOutline(tr *writertest.Translator, edit func(m map[string]any)) func(string) llmtest.Reply {
	return func(prompt string) llmtest.Reply {
		r := tr.Respond(prompt)
		if !strings.Contains(prompt, "<titre_actuel>") {
			return r
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(r.Content), &m); err != nil {
			panic(err)
		}
		edit(m)
		b, _ := json.Marshal(m)
		r.Content = string(b)
		return r
	}
}

// From an English source, what the outline call gets wrong is never made
// up for with the sources' English: no French keyphrase or no outline is
// an error; an English heading, too few key points leave their section
// out with a warning.
func TestLLMEnglishOutline(t *testing.T) {
	t.Parallel()
	sh := writertest.SheetOf(t, writertest.EnglishStory)
	write1 := func(t *testing.T, respond func(string) llmtest.Reply, o plan.Options) (*write.Draft, error) {
		c, _ := client(t, llmtest.Rule{Respond: respond})
		o.MinWords = 700
		return (&write.LLM{Client: c}).Write(context.Background(), plan.Build(sh, o), sh)
	}
	tr := writertest.RidgeFire
	t.Run("english keyphrase", func(t *testing.T) {
		t.Parallel()
		_, err := write1(t, editOutline(&tr, func(m map[string]any) { m["keyphrase"] = "wildfire evacuation" }), plan.Options{})
		if !errors.Is(err, write.ErrNoFrench) || !strings.Contains(err.Error(), "keyphrase") || !strings.Contains(err.Error(), "français") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("invented keyphrase", func(t *testing.T) {
		t.Parallel()
		_, err := write1(t, editOutline(&tr, func(m map[string]any) { m["keyphrase"] = "incendie au Nevada" }), plan.Options{})
		if err == nil || !strings.Contains(err.Error(), "Nevada") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("no outline", func(t *testing.T) {
		t.Parallel()
		c, _ := client(t, llmtest.Rule{Replies: []llmtest.Reply{{Status: 500}}})
		d, err := (&write.LLM{Client: c}).Write(context.Background(), plan.Build(sh, plan.Options{MinWords: 700}), sh)
		if !errors.Is(err, write.ErrNoFrench) || d != nil || !strings.Contains(err.Error(), "anglais") {
			t.Errorf("draft %v, err = %v", d, err)
		}
	})
	t.Run("english heading, two key points", func(t *testing.T) {
		t.Parallel()
		c, srv := client(t, llmtest.Rule{Respond: editOutline(&tr, func(m map[string]any) {
			hs := m["headings"].([]any)
			hs[len(hs)-1].(map[string]any)["heading"] = "Schools and shelters"
			m["points"] = m["points"].([]any)[:2]
		})})
		d, err := (&write.LLM{Client: c}).Write(context.Background(), plan.Build(sh, plan.Options{MinWords: 700}), sh)
		if err != nil {
			t.Fatal(err)
		}
		// The outline, the lead and the two sections with French headings:
		// no call for the section that is left out.
		if n := len(srv.Requests()); n != 4 {
			t.Errorf("%d calls; want 4", n)
		}
		warn := strings.Join(d.Warnings, "\n")
		for _, want := range []string{`"Schools and shelters" left out`, "l’essentiel\" left out"} {
			if !strings.Contains(warn, want) {
				t.Errorf("no warning %q in %q", want, warn)
			}
		}
		for _, s := range d.Sections {
			if s.Kind == plan.KeyPoints || strings.Contains(s.Heading, "Schools") {
				t.Errorf("section %q kept", s.Heading)
			}
		}
		if d.Article.Keyphrase != tr.Keyphrase || !strings.HasPrefix(d.Article.Title, "Incendie en Californie") {
			t.Errorf("keyphrase %q title %q", d.Article.Keyphrase, d.Article.Title)
		}
		if write.Fallbacks(d) != 0 {
			t.Errorf("fallbacks %d: a section left out for its heading is no fallback", write.Fallbacks(d))
		}
	})
	t.Run("keyphrase given", func(t *testing.T) {
		t.Parallel()
		d, err := write1(t, tr.Respond, plan.Options{Keyphrase: "feu de forêt"})
		if err != nil {
			t.Fatal(err)
		}
		if d.Article.Keyphrase != "feu de forêt" || d.Article.Slug != "feu-de-foret" {
			t.Errorf("keyphrase %q slug %q", d.Article.Keyphrase, d.Article.Slug)
		}
	})
}

// Any model answer, to the outline and to every section, for an English
// story: an error, or a draft with no unsupported fact and no paragraph or
// heading in English.
func FuzzLLMAnswersEnglish(f *testing.F) {
	tr := writertest.RidgeFire
	sh := writertest.SheetOf(f, writertest.EnglishStory)
	p := plan.Build(sh, plan.Options{MinWords: 700})
	// The translator's outline answer to a prompt holding the title only.
	outline := tr.Respond("<sources><titre_actuel>Wildfire forces 12,000 residents to flee</titre_actuel></sources>").Content
	for _, s := range []string{
		"", "{}", outline,
		`{"keyphrase": "incendie en Californie", "title": "Incendie en Californie", "headings": [], "points": ["Le feu a brûlé 20 000 acres.", "x", ""]}`,
		"Un incendie en Californie a forcé environ 12 000 habitants à partir. « No family will face this alone » (traduit de l’anglais).",
		"The fire burned 20,000 acres.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, answer string) {
		srv := llmtest.New(t, llmtest.Script{Models: []string{"test-model"}, Rules: []llmtest.Rule{{Replies: []llmtest.Reply{{Content: answer}}}}})
		c := newClient(t, srv)
		d, err := (&write.LLM{Client: c}).Write(context.Background(), p, sh)
		if err != nil {
			return
		}
		texts := []string{d.Article.Title, d.Article.SEOTitle, d.Article.MetaDescription}
		for _, b := range d.Article.Blocks {
			if len(b.Links) > 0 {
				continue
			}
			texts = append(texts, b.Text)
			texts = append(texts, b.Items...)
		}
		if r := fidelity.Check(texts, sh); !r.OK() {
			t.Errorf("unsupported %+v, quotes altered %+v", r.Unsupported, r.QuotesAltered)
		}
		for _, s := range texts {
			if langid.Detect(s).Lang == langid.English {
				t.Errorf("English in the article: %q", s)
			}
		}
	})
}

// The offline writer cannot translate: it refuses a story with an English
// source, naming it, and points to the LLM writer.
func TestExtractiveRefusesEnglish(t *testing.T) {
	t.Parallel()
	sh := writertest.SheetOf(t, writertest.EnglishStory)
	d, err := write.Extractive{}.Write(context.Background(), plan.Build(sh, plan.Options{MinWords: 700}), sh)
	if !errors.Is(err, write.ErrNotFrench) || d != nil || !strings.Contains(err.Error(), "ridge-fire_en.txt is not in French (language: en)") || !strings.Contains(err.Error(), "--writer llm") {
		t.Errorf("draft %v, err %v", d, err)
	}
	fr := writertest.Sheet(t, []string{"003"})
	if _, err := (write.Extractive{}).Write(context.Background(), plan.Build(fr, plan.Options{MinWords: 700}), fr); err != nil {
		t.Errorf("a French story: %v", err)
	}
}
