package plan_test

import (
	"strings"
	"testing"

	"github.com/plume-seo/plume/internal/plan"
	"github.com/plume-seo/plume/internal/write/writertest"
)

func TestPlanHafnium(t *testing.T) {
	t.Parallel()
	sh := writertest.Sheet(t, []string{"000", "001", "002"})
	p := plan.Build(sh, plan.Options{MinWords: 900})
	if p.Keyphrase != "Hafnium" {
		t.Errorf("keyphrase %q; want the central actor Hafnium", p.Keyphrase)
	}
	kinds := map[plan.Kind]int{}
	budget := 0
	for _, s := range p.Sections {
		kinds[s.Kind]++
		budget += s.Budget
		if s.Kind == plan.Body {
			words := 0
			for _, id := range s.Sentences {
				words += sh.Sentences[id].Words
			}
			if words > 300 {
				t.Errorf("body section of %d words (> 300)", words)
			}
		}
		if s.Kind == plan.Profile && s.Subject != "Hafnium" {
			t.Errorf("profile of %q", s.Subject)
		}
	}
	if p.Sections[0].Kind != plan.Lead {
		t.Errorf("first section is %s", p.Sections[0].Kind)
	}
	for _, k := range []plan.Kind{plan.KeyPoints, plan.Profile, plan.FAQ} {
		if kinds[k] != 1 {
			t.Errorf("%d %s sections; want 1", kinds[k], k)
		}
	}
	if kinds[plan.Body] < 3 {
		t.Errorf("%d body sections", kinds[plan.Body])
	}
	// Budgets add up to the target (rounded up per section).
	if budget < p.Target || budget > p.Target+len(p.Sections) {
		t.Errorf("budgets add up to %d for a target of %d", budget, p.Target)
	}
	// Every story sentence is used once at most.
	seen := map[int]bool{}
	for _, s := range p.Sections {
		if s.Kind == plan.KeyPoints {
			continue // key points restate figures in other words
		}
		for _, id := range s.Sentences {
			if seen[id] {
				t.Errorf("sentence %d planned twice: %q", id, sh.Sentences[id].Text)
			}
			seen[id] = true
		}
	}
}

func TestPlanKeyphraseOverride(t *testing.T) {
	t.Parallel()
	sh := writertest.Sheet(t, []string{"003"})
	p := plan.Build(sh, plan.Options{Keyphrase: "directive d'urgence"})
	if p.Keyphrase != "directive d'urgence" || strings.Join(p.KeyWords, " ") != "directive urgence" {
		t.Errorf("keyphrase %q words %q", p.Keyphrase, p.KeyWords)
	}
	if p.Target != 700 {
		t.Errorf("default target %d", p.Target)
	}
	p = plan.Build(sh, plan.Options{})
	if p.Keyphrase != "Midnight Blizzard" {
		t.Errorf("keyphrase %q; want Midnight Blizzard", p.Keyphrase)
	}
	if p.Supported >= 700 {
		t.Errorf("003 alone supports %d words; it holds about 330", p.Supported)
	}
}
