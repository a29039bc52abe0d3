package write

import (
	"strings"
	"testing"

	"github.com/plume-seo/plume/internal/fr/langid"
	"github.com/plume-seo/plume/internal/fr/token"
	"github.com/plume-seo/plume/internal/plan"
)

// A heading's language is told from its words other than names: a
// heading of names only is French (fidelity checks the names), English
// words are not, whether the identifier places them or the lexicon does
// not know them.
func TestLineLang(t *testing.T) {
	t.Parallel()
	for s, french := range map[string]bool{
		"Chronologie":                                 true,
		"Les failles de sécurité":                     true,
		"Qui est Hafnium ?":                           true,
		"Hafnium : Microsoft Exchange":                true,
		"Storm-0558 : Europe":                         true,
		"Hafnium : le piratage de Microsoft Exchange": true,
		"Key takeaways":                               false,
		"Security updates":                            false,
		"What happened":                               false,
		"Storm-0558 : the stolen key":                 false,
		"Hafnium : what we know":                      false,
	} {
		if got := lineLang(s) == langid.French; got != french {
			t.Errorf("%q: French %v; want %v", s, got, french)
		}
	}
}

// A model's paragraph over 150 words is cut between sentences into even
// parts; nothing else changes.
func TestSplitParagraph(t *testing.T) {
	t.Parallel()
	sentence := "Les pirates informatiques ont eu accès aux comptes de messagerie de plusieurs agences gouvernementales pendant plus de trois semaines sans être repérés."
	var ss []string
	for range 14 {
		ss = append(ss, sentence)
	}
	para := strings.Join(ss, " ")
	parts := splitParagraph(para, 150) // 308 words: three parts
	if len(parts) != 3 || strings.Join(parts, " ") != para {
		t.Fatalf("%d parts: %q", len(parts), parts)
	}
	for _, p := range parts {
		if n := token.CountAlnumWords(p); n > 150 || n < 80 {
			t.Errorf("part of %d words", n)
		}
	}
	if got := splitParagraph(sentence, 150); len(got) != 1 || got[0] != sentence {
		t.Errorf("a short paragraph changed: %q", got)
	}
	long := strings.Repeat("mot ", 200) + "fin."
	if got := splitParagraph(long, 150); len(got) != 1 {
		t.Errorf("one long sentence was cut: %d parts", len(got))
	}
}

// Undoing a proposal for the keyphrase's share never leaves two equal
// headings: the proposal that took the undone one's heading is undone too.
func TestSettleProposals(t *testing.T) {
	t.Parallel()
	p := &plan.Plan{Keyphrase: "Hafnium", KeyWords: []string{"Hafnium"}}
	secs := []outlineSection{{heading: "Hafnium : les serveurs", withKey: true}, {heading: "Les victimes"}}
	// The model took the keyphrase out of the first heading and gave the
	// second the first's old heading.
	final := []string{"Les serveurs de messagerie", "Hafnium : les serveurs"}
	accepted := []bool{true, true}
	// Two fixed subheadings without the keyphrase: with only one of four
	// headings carrying it, the share (25 %) is too low.
	warnings := settleProposals(secs, final, accepted, 2, 0, map[string]bool{"questions fréquentes": true, "le contexte": true}, p)
	if final[0] != secs[0].heading || strings.EqualFold(final[0], final[1]) {
		t.Errorf("headings %q", final)
	}
	if final[1] != secs[1].heading || accepted[0] || accepted[1] || len(warnings) != 2 {
		t.Errorf("headings %q, accepted %v, warnings %q", final, accepted, warnings)
	}
}
