package plan_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/plume-seo/plume/internal/facts"
	"github.com/plume-seo/plume/internal/plan"
	"github.com/plume-seo/plume/internal/write/writertest"
)

// Leaving passive sentences out never takes what the article needs: the
// sentence that says what the headline's « groupe de travail » is (000,
// passive by Yoast's rule, no figure, no quotation) stays in the body;
// and the FAQ never takes the sentence that introduces a person whom the
// body later calls by surname alone (« Jen Psaki » before « Les
// avertissements de Psaki »).
func TestPlanKeepsWhatTheStoryNeeds(t *testing.T) {
	t.Parallel()
	sh := writertest.SheetRelated(t, []string{"000"}, []string{"001", "002", "003", "004"})
	find := func(prefix string) int {
		for _, s := range sh.Sentences {
			if !sh.Sources[s.Source].Related && strings.HasPrefix(s.Text, prefix) {
				return s.ID
			}
		}
		t.Fatalf("no story sentence opens with %q", prefix)
		return -1
	}
	task := find("Le groupe de travail ou")
	intro := find("L’attachée de presse de la Maison Blanche, Jen Psaki")
	later := find("Les avertissements de Psaki")
	for _, spare := range []int{0, 150, 400} {
		p := plan.Build(sh, plan.Options{MinWords: 700, AvoidPassive: true, Spare: spare})
		where := map[int]plan.Kind{}
		for _, s := range p.Sections {
			for _, id := range s.Sentences {
				where[id] = s.Kind
			}
		}
		if where[task] != plan.Body && where[task] != plan.Lead {
			t.Errorf("spare %d: the sentence on the headline's task force is in %q", spare, where[task])
		}
		if where[later] == plan.Body && where[intro] != plan.Body && where[intro] != plan.Lead {
			t.Errorf("spare %d: Psaki's introduction is in %q while the body calls her « Psaki »", spare, where[intro])
		}
		if i, l := slices.Index(bodyOrder(p), intro), slices.Index(bodyOrder(p), later); l >= 0 && (i < 0 || i > l) {
			t.Errorf("spare %d: « Psaki » (at %d) comes before her introduction (at %d)", spare, l, i)
		}
	}
}

// bodyOrder lists the sentences of the lead and body sections in article
// order.
func bodyOrder(p *plan.Plan) []int {
	var out []int
	for _, s := range p.Sections {
		if s.Kind == plan.Lead || s.Kind == plan.Body {
			out = append(out, s.Sentences...)
		}
	}
	return out
}

// Two sources quoting one speaker with one figure, in two translations
// (001's « Au moins 30 000 entreprises … sont compromises », 002's « Au
// moins 30 000 organisations … ont été piratées », both Krebs), are one
// statement: the trio's plan quotes it once. Reuters's « plus de 20 000 »
// beside it, another speaker, stays.
func TestPlanQuotesAStatementOnce(t *testing.T) {
	t.Parallel()
	sh := writertest.Sheet(t, []string{"000", "001", "002"})
	p := plan.Build(sh, plan.Options{MinWords: 900})
	krebs, reuters := 0, 0
	for _, s := range p.Sections {
		if s.Kind == plan.KeyPoints {
			continue // one line per figure and speaker, not quotations
		}
		for _, id := range s.Sentences {
			text := sh.Sentences[id].Text
			if strings.HasPrefix(text, "«") && strings.Contains(text, "Au moins 30") {
				krebs++
			}
			if strings.Contains(text, "20\u00a0000") || strings.Contains(text, "20 000") {
				reuters++
			}
		}
	}
	if krebs != 1 || reuters == 0 {
		t.Errorf("Krebs's quotation %d times, Reuters's figure %d times", krebs, reuters)
	}
}

// « L'essentiel » gives a figure once: Krebs's « au moins 30 000 » under
// his name (001) and under 002's description of him (« un spécialiste de
// la sécurité informatique ») is one line.
func TestKeyPointsFigureOnce(t *testing.T) {
	t.Parallel()
	sh := writertest.Sheet(t, []string{"000", "001", "002"})
	p := plan.Build(sh, plan.Options{MinWords: 900})
	n, lines := 0, 0
	for _, s := range p.Sections {
		if s.Kind != plan.KeyPoints {
			continue
		}
		for _, id := range s.Sentences {
			lines++
			if strings.Contains(strings.ToLower(sh.Sentences[id].Text), "au moins 30") {
				n++
			}
		}
	}
	if n != 1 || lines < 3 {
		t.Errorf("« au moins 30 000 » in %d of %d key points", n, lines)
	}
}

// A sentence moved out of its place never opens on what stands for
// something before it: the lead's sentence with the keyphrase and the
// profile's first sentence and the FAQ's answers stand alone (002's « La société a déclaré que
// le groupe de piratage, qu’elle a nommé « Hafnium »… » followed a
// security specialist's quotation in the lead, then opened « Qui est
// Hafnium ? »).
func TestMovedSentencesStandAlone(t *testing.T) {
	t.Parallel()
	for _, seeds := range [][]string{{"000"}, {"001"}, {"002"}, {"003"}, {"004"}, {"000", "001", "002"}} {
		sh := writertest.Sheet(t, seeds)
		for _, o := range []plan.Options{{MinWords: 700}, {MinWords: 700, AvoidPassive: true}} {
			p := plan.Build(sh, o)
			for _, s := range p.Sections {
				if len(s.Sentences) == 0 {
					continue
				}
				switch s.Kind {
				case plan.Lead:
					for i, id := range s.Sentences[1:] {
						if prev := s.Sentences[i]; prev != id-1 && (facts.OpensAnaphoric(sh.Sentences[id].Text) || sh.Sentences[id].ByPronoun) {
							t.Errorf("%v: the lead's %q leans on a sentence it does not follow", seeds, sh.Sentences[id].Text)
						}
					}
				case plan.Profile:
					if first := sh.Sentences[s.Sentences[0]]; facts.OpensAnaphoric(first.Text) {
						t.Errorf("%v: the profile opens on %q", seeds, first.Text)
					}
				case plan.FAQ:
					for _, id := range s.Sentences {
						if facts.OpensAnaphoric(sh.Sentences[id].Text) {
							t.Errorf("%v: the FAQ answers with %q", seeds, sh.Sentences[id].Text)
						}
					}
				}
			}
		}
	}
}
