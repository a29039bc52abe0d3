package write

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/plume-seo/plume/internal/article"
	"github.com/plume-seo/plume/internal/facts"
	"github.com/plume-seo/plume/internal/fidelity"
	"github.com/plume-seo/plume/internal/fr/langid"
	"github.com/plume-seo/plume/internal/fr/token"
	"github.com/plume-seo/plume/internal/keyphrase"
	"github.com/plume-seo/plume/internal/llm"
	"github.com/plume-seo/plume/internal/plan"
	"github.com/plume-seo/plume/internal/typo"
)

// Sources in another language. The offline writer writes with the
// sources' own sentences, so from an English source everything it fills
// — title, keyphrase, key points, FAQ, headings, meta description, prose
// — is English. The LLM writer then writes the article in French: its
// outline call also proposes a French keyphrase and the key points; the
// prose sections are translated by the model and verified across
// languages (package fidelity reads the source's figures and dates in its
// language, and holds translated quotations to its rule); what would stay
// in the source's language — a section that fails twice, the FAQ, a
// heading refused — is left out with a warning, never kept.

// foreignLang returns the language of the story's first source that is not
// in French, or "" when all are French.
func foreignLang(sh *facts.Sheet) string {
	if f := sh.Foreign(); len(f) > 0 {
		return sh.Sources[f[0]].Lang
	}
	return ""
}

// langNames are the French names of the languages langid knows, after
// « en »: « en anglais ».
var langNames = map[string]string{
	langid.English: "anglais", langid.Spanish: "espagnol", langid.Italian: "italien",
	langid.German: "allemand", langid.Portuguese: "portugais",
}

func langName(lang string) string {
	if n := langNames[lang]; n != "" {
		return n
	}
	return "une autre langue"
}

// outlineSchemaForeign is outlineSchema with the French keyphrase and the
// key points the model proposes for sources in another language.
var outlineSchemaForeign = llm.Schema{Name: "plume_outline_fr", JSON: json.RawMessage(`{
  "type": "object",
  "properties": {
    "keyphrase": {"type": "string"},
    "title": {"type": "string"},
    "headings": ` + headingsSchema + `,
    "points": {"type": "array", "items": {"type": "string"}}
  },
  "required": ["keyphrase", "title", "headings", "points"],
  "additionalProperties": false
}`)}

// foreignOutlineNote is added to the outline prompt when the sources are
// in another language; %s is its French name.
const foreignOutlineNote = `Les sources sont en %[1]s ; l'article est écrit en français.
- Propose d'abord une expression clé française (champ "keyphrase") : 1 à 4 mots que des lecteurs français chercheraient, tirés des faits donnés ; l'expression actuelle, en %[1]s, ne vaut pas.
- Le titre et les intertitres marqués expression_cle="oui" contiennent ta nouvelle expression clé française.
- Donne aussi 3 à 5 points essentiels (champ "points") : une phrase française courte chacun, avec les seuls chiffres, dates et noms des faits donnés.
- Réponds par un objet JSON {"keyphrase": "…", "title": "…", "headings": [{"section": numéro, "heading": "…"}], "points": ["…"]}.
`

// foreignSectionNote is added to a section prompt when the sources are in
// another language; %[1]s is its French name, %[2]s the mark of a
// translated quotation.
const foreignSectionNote = `Les extraits sont en %[1]s : écris la section en français, en traduisant fidèlement leurs faits, sans rien ajouter.
Écris les chiffres à la française (20 000 ; 1,2 million ; 5 milliards de dollars) ; garde les noms de personnes et d'organisations tels qu'ils sont écrits.
Citations (cette règle remplace celle de la citation mot pour mot) : une citation en %[1]s est soit rapportée au discours indirect, sans guillemets, soit traduite en entier entre « » et suivie aussitôt de la mention %[2]s, avec le nom de la personne qui parle dans la même phrase ou la précédente. Jamais une traduction entre « » sans cette mention.
`

// maxKeyphraseWords bounds a keyphrase's content words.
const maxKeyphraseWords = 4

// foreignKeyphrase sets the model's French keyphrase in the plan, if it
// passes: French, 1–4 content words, no fact absent from the sources. It
// returns why it was refused.
func foreignKeyphrase(p *plan.Plan, sh *facts.Sheet, proposed string) []string {
	kp := strings.Trim(strings.TrimSpace(proposed), "«»\"“”.")
	kp = strings.TrimSpace(kp)
	problems := lineProblems(kp, 60, sh)
	words := plan.KeyWordsOf(kp)
	if kp != "" && (len(words) == 0 || len(words) > maxKeyphraseWords) {
		problems = append(problems, fmt.Sprintf("%d mots (1 à %d)", len(words), maxKeyphraseWords))
	}
	if len(problems) > 0 {
		return problems
	}
	p.Keyphrase, p.KeyWords = kp, words
	return nil
}

// applyForeignOutline applies what the outline call proposes for sources
// in another language before the title and headings are judged: the
// French keyphrase (with the fixed headings that carry it) and the key
// points. It returns the warnings, or an error when no French keyphrase
// stands — without one the article has no title or lead to check.
func applyForeignOutline(p *plan.Plan, sh *facts.Sheet, d *Draft, ans outlineAnswer) ([]string, error) {
	var warnings []string
	if !p.KeyphraseGiven {
		old := p.KeyWords
		if problems := foreignKeyphrase(p, sh, ans.Keyphrase); len(problems) > 0 {
			return nil, fmt.Errorf("llm: the model's French keyphrase %q was refused (%s): %w", ans.Keyphrase, strings.Join(problems, "; "), ErrNoFrench)
		}
		d.Article.Keyphrase = p.Keyphrase
		// The fixed headings that carried the sources' keyphrase carry
		// the French one, as the model wrote it (the model's phrase is
		// already the form a heading says).
		for i, b := range d.Article.Blocks {
			if b.Kind != article.Heading || b.Level != 2 || len(old) == 0 || !keyphrase.ContainsAll(b.Text, old) {
				continue
			}
			var h string
			switch plan.Kind(b.Section) {
			case plan.KeyPoints:
				h = capitalize(p.Keyphrase) + nbsp + ": l’essentiel"
			case plan.FAQ:
				h = capitalize(p.Keyphrase) + nbsp + ": vos questions"
			default:
				continue
			}
			h = typo.Fix(h, typo.DefaultStyle())
			d.Article.Blocks[i].Text = h
			setSectionHeading(d, i, h)
		}
	}
	// The key points, in French: each one checked as a line of the
	// article; three at least, as the offline writer asks.
	var points []string
	for _, pt := range ans.Points {
		pt = typo.Fix(strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(pt), "-•* ")), typo.DefaultStyle())
		if pt == "" {
			continue
		}
		if problems := lineProblems(pt, 200, sh); len(problems) > 0 {
			warnings = append(warnings, fmt.Sprintf("llm: key point %q refused: %s", pt, strings.Join(problems, "; ")))
			continue
		}
		points = append(points, pt)
	}
	for i, b := range d.Article.Blocks {
		if b.Kind == article.Heading && b.Level == 2 && plan.Kind(b.Section) == plan.KeyPoints &&
			i+1 < len(d.Article.Blocks) && d.Article.Blocks[i+1].Kind == article.List && len(points) >= 3 {
			d.Article.Blocks[i+1].Items = points
			d.Article.Blocks[i+1].Text = strings.Join(points, "\n")
		}
	}
	return warnings, nil
}

// setSectionHeading sets the heading of the section whose H2 is
// Article.Blocks[block].
func setSectionHeading(d *Draft, block int, h string) {
	k := -1
	for i := 0; i <= block && i < len(d.Article.Blocks); i++ {
		if b := d.Article.Blocks[i]; b.Kind == article.Heading && b.Level == 2 {
			k++
		}
	}
	if k >= 0 && k < len(d.Sections) {
		d.Sections[k].Heading = h
	}
}

// leftOutWarning opens the warning of a section left out of an article
// written from sources in another language, rather than kept in the
// offline writer's text; %q is its heading.
const leftOutWarning = "llm: section %q left out, its offline text is not in French: "

// omittedWarning opens the warning of a section that an article written
// from sources in another language leaves out for what the model did not
// write: a heading, key points, an FAQ (not a fallback).
const omittedWarning = "llm: section %q left out: "

// frenchOnly leaves out of an article written from sources in another
// language every part that is neither the model's verified French nor
// French already (a section from a French source of a mixed story): the
// lead if the model's failed and the offline one is not French, the FAQ
// (its answers are the sources' sentences), and any section whose heading
// or text is not French — a prose section whose answers failed, key points
// the model did not give.
// It returns the warnings, or an error when nothing the model wrote
// remains.
func frenchOnly(d *Draft, leadOK bool, lang string) ([]string, error) {
	warnings, faqOK := frenchFAQ(d)
	a := d.Article
	type cut struct{ from, to, info int }
	var cuts []cut
	k := -1
	leadEnd := 0
	for leadEnd < len(a.Blocks) && a.Blocks[leadEnd].Kind == article.Paragraph && len(a.Blocks[leadEnd].Links) == 0 {
		leadEnd++
	}
	kept := 0
	for i := 0; i < len(a.Blocks); i++ {
		b := a.Blocks[i]
		if b.Kind != article.Heading || b.Level != 2 {
			continue
		}
		k++
		end := sectionEnd(a.Blocks, i)
		kind := plan.Kind(b.Section)
		var texts []string
		for _, x := range a.Blocks[i+1 : end] {
			if x.Kind == article.List {
				texts = append(texts, x.Items...)
			} else {
				texts = append(texts, x.Text)
			}
		}
		why, said := "", false
		switch {
		case kind == plan.FAQ && !faqOK:
			why = fmt.Sprintf("its questions and answers would be the sources' sentences, in %s", langName(lang))
		case lineLang(b.Text) != langid.French:
			why = "its heading is not in French"
		case (kind == plan.Body || kind == plan.Profile) && k < len(d.Sections) && d.Sections[k].Writer != "llm" && !frenchText(texts):
			why, said = "the model's text failed its checks", true // the section loop said which
		case kind != plan.Body && kind != plan.Profile && !frenchText(texts):
			why = "its text would be the sources' sentences, in " + langName(lang)
		}
		if why == "" {
			kept++
			continue
		}
		if kind == plan.FAQ {
			a.FAQ = nil
		}
		cuts = append(cuts, cut{i, end, k})
		if !said {
			warnings = append(warnings, fmt.Sprintf(omittedWarning+"%s", b.Text, why))
		}
	}
	for j := len(cuts) - 1; j >= 0; j-- {
		c := cuts[j]
		a.Blocks = append(a.Blocks[:c.from:c.from], a.Blocks[c.to:]...)
		if c.info < len(d.Sections) {
			d.Sections = append(d.Sections[:c.info:c.info], d.Sections[c.info+1:]...)
		}
	}
	var lead []string
	for _, b := range a.Blocks[:leadEnd] {
		lead = append(lead, b.Text)
	}
	if !leadOK && leadEnd > 0 && !frenchText(lead) {
		a.Blocks = append(a.Blocks[:0:0], a.Blocks[leadEnd:]...)
		d.Lead = "" // the section loop said why
	}
	if d.Lead == "" && kept == 0 {
		return warnings, fmt.Errorf("llm: no part of the article passed its checks (%s): %w", strings.Join(warnings, " | "), ErrNoFrench)
	}
	return warnings, nil
}

// minFAQ is the fewest questions an FAQ keeps, as the offline writer asks.
const minFAQ = 3

// frenchFAQ keeps, of the draft's FAQ, the questions and answers in French
// (from the French sources of a mixed story). It reports whether an FAQ of
// French questions only stands, and warns of those it left out; with fewer
// than three, the FAQ is left as it is, for frenchOnly to leave out.
func frenchFAQ(d *Draft) ([]string, bool) {
	a := d.Article
	for i, b := range a.Blocks {
		if b.Kind != article.Heading || b.Level != 2 || plan.Kind(b.Section) != plan.FAQ {
			continue
		}
		end := sectionEnd(a.Blocks, i)
		var kept []article.Block
		french := map[string]bool{}
		total := 0
		for j := i + 1; j+1 < end; j += 2 {
			q, ans := a.Blocks[j], a.Blocks[j+1]
			if q.Kind != article.Heading || ans.Kind != article.Paragraph {
				return nil, false
			}
			total++
			if lineLang(q.Text) == langid.French && frenchText([]string{ans.Text}) {
				kept = append(kept, q, ans)
				french[q.Text] = true
			}
		}
		if len(kept)/2 < minFAQ {
			return nil, false
		}
		var warnings []string
		if len(kept)/2 < total {
			var qas []article.QA
			for _, qa := range a.FAQ {
				if french[qa.Question] {
					qas = append(qas, qa)
				}
			}
			a.FAQ = qas
			a.Blocks = append(a.Blocks[:i+1:i+1], append(kept, a.Blocks[end:]...)...)
			warnings = append(warnings, fmt.Sprintf("llm: FAQ: %d of its %d questions left out, not in French", total-len(kept)/2, total))
		}
		return warnings, true
	}
	return nil, false
}

// frenchText reports whether a section's texts are in French, as the
// identifier reads them together.
func frenchText(texts []string) bool {
	return langid.Detect(strings.Join(texts, "\n")).Lang == langid.French
}

// foreignMeta sets the meta description of an article written from
// sources in another language: a verified sentence of the model's that
// fits, else the model's first sentence with the keyphrase, cut if need
// be — never a sentence of the sources.
func foreignMeta(d *Draft, kw []string, byModel []string) {
	a := d.Article
	if m := modelMeta(byModel, kw); m != "" {
		a.MetaDescription = m
		return
	}
	best := ""
	for _, para := range byModel {
		for _, sp := range token.Sentences(para) {
			if s := strings.TrimSpace(sp.Text); keyphrase.ContainsAll(s, kw) && runes(s) <= maxMetaDesc && runes(s) > runes(best) {
				best = s
			}
		}
	}
	if best == "" && d.Lead != "" {
		best = d.Lead
		if runes(best) > maxMetaDesc {
			cut := string([]rune(best)[:maxMetaDesc-1])
			if i := strings.LastIndexAny(cut, " \u00a0"); i > 0 {
				cut = cut[:i]
			}
			best = strings.TrimRight(cut, " ,;:") + "…"
		}
	}
	a.MetaDescription = best
	d.Warnings = append(d.Warnings, fmt.Sprintf(metaWarning+"no sentence of the model's French text fits 120–156 characters with the keyphrase; %d characters", runes(best)))
}

// quoteRuleProblem is the failure of a translated quotation, with the rule
// it breaks.
func quoteRuleProblem(f fidelity.Finding, lang string) string {
	return fmt.Sprintf("citation qui n’est pas celle des sources : « %s » — une citation traduite se donne au discours indirect, ou entière entre « » suivie de %s, avec le nom de la personne qui parle", f.Text, fidelity.TranslatedMark(lang))
}
