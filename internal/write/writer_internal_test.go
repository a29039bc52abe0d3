package write

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/plume-seo/plume/internal/article"
	"github.com/plume-seo/plume/internal/clean"
	"github.com/plume-seo/plume/internal/facts"
	"github.com/plume-seo/plume/internal/fr/chunk"
	"github.com/plume-seo/plume/internal/fr/entity"
	"github.com/plume-seo/plume/internal/plan"
)

func TestLengthens(t *testing.T) {
	t.Parallel()
	// 19 words: a two-word connective takes it past Yoast's 20.
	s19 := "Un porte-parole du gouvernement chinois explique à l’agence de presse Reuters que la Chine n’est pas derrière la brèche."
	// 20 words once the one-word connective is in: still short.
	s19b := "Le responsable de la Maison Blanche a déclaré à CNN que la situation était une « menace active » et sérieuse."
	long := "Il y a environ 30 000 clients concernés aux États-Unis et 250 000 dans le monde, bien que ces chiffres devraient augmenter, a déclaré le responsable."
	tests := []struct {
		name, s, t string
		want       bool
	}{
		{"a short sentence made long", s19, "Par ailleurs, " + lowerFirst(s19), true},
		{"a short sentence that stays short", s19b, "Puis " + lowerFirst(s19b), false},
		{"a long sentence stays long: nothing lost", long, "En outre, " + lowerFirst(long), false},
		{"only the first sentence of a paragraph counts", s19b + " " + long, "Puis " + lowerFirst(s19b) + " " + long, false},
	}
	for _, tt := range tests {
		if got := lengthens(tt.s, tt.t); got != tt.want {
			t.Errorf("%s: lengthens = %v (words %d → %d), want %v", tt.name, got, firstSentenceWords(tt.s), firstSentenceWords(tt.t), tt.want)
		}
	}
}

func TestQuoted(t *testing.T) {
	t.Parallel()
	s := "« Il s’agit d’une menace efficace et active », révèle l’attachée de presse."
	for _, tt := range []struct {
		at   string
		want bool
	}{{"menace efficace", true}, {"attachée de presse", false}, {"Il s’agit", true}} {
		if got := quoted(s, strings.Index(s, tt.at)); got != tt.want {
			t.Errorf("quoted(%q) = %v, want %v", tt.at, got, tt.want)
		}
	}
}

func TestFullName(t *testing.T) {
	t.Parallel()
	m, _ := filepath.Glob("../../testdata/seeds/000_*.txt")
	if len(m) != 1 {
		t.Fatal("seed 000 not found")
	}
	raw, err := os.ReadFile(m[0])
	if err != nil {
		t.Fatal(err)
	}
	doc, err := clean.Text(string(raw))
	if err != nil {
		t.Fatal(err)
	}
	sh := facts.Build([]facts.Source{{Name: m[0], Title: doc.Title, Doc: doc}})
	w := newWriter(&plan.Plan{}, sh, &Draft{}, &article.Article{})
	for sp, want := range map[string]string{
		"Sullivan":                 "Jake Sullivan", // the FAQ asks « Qu’a déclaré Jake Sullivan ? »
		"Jake Sullivan":            "Jake Sullivan",
		"un responsable américain": "un responsable américain",
		"Microsoft":                "Microsoft",
		"":                         "",
	} {
		if got := w.fullName(sp); got != want {
			t.Errorf("fullName(%q) = %q, want %q", sp, got, want)
		}
	}
}

func TestHeadlineClauses(t *testing.T) {
	t.Parallel()
	tests := []struct {
		title     string
		want, not []string
	}{
		{
			title: "L’administration Biden devrait former un groupe de travail pour traiter le piratage de Microsoft lié à la Chine",
			want:  []string{"L’administration Biden devrait former un groupe de travail"},
			not:   []string{"L’administration Biden devrait former un groupe"}, // « de » builds the compound noun
		},
		{
			title: "Microsoft : la Maison Blanche met en garde contre une « réelle menace » de pirater le géant de l’électronique",
			want:  []string{"la Maison Blanche met en garde"},
			not:   []string{"la Maison Blanche met", "Microsoft"},
		},
		{title: "Le piratage de Microsoft en chiffres"}, // a label: no verb, no clause
	}
	for _, tt := range tests {
		got := headlineClauses(tt.title)
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("headlineClauses(%q) = %q, lacks %q", tt.title, got, w)
			}
		}
		for _, n := range tt.not {
			if slices.Contains(got, n) {
				t.Errorf("headlineClauses(%q) = %q, holds %q", tt.title, got, n)
			}
		}
		if tt.want == nil && len(got) > 0 {
			t.Errorf("headlineClauses(%q) = %q, want none", tt.title, got)
		}
	}
}

func TestOpensWithPronoun(t *testing.T) {
	t.Parallel()
	for s, want := range map[string]bool{
		"Elle a déclaré que le groupe était basé en Chine.":                             true,
		"Ce groupe opère depuis des serveurs loués.":                                    true,
		"La société a déclaré que le groupe de piratage est un « acteur sophistiqué ».": true,
		"L’entreprise a publié des correctifs mardi.":                                   true,
		"La Société générale a publié ses résultats.":                                   false, // a name
		"La Maison Blanche a refusé de commenter.":                                      false,
		"Microsoft a déclaré mardi que les attaques n’étaient pas liées.":               false,
		// The subject after an opening phrase.
		"Disponible en VOD/DVD, il a été diffusé cette semaine sur la chaîne Planète+.": true,
		"L’année dernière, elle a accusé Washington de frottis.":                        true,
		"Selon Microsoft, il s’agit d’un groupe basé en Chine.":                         false, // impersonal
		"Selon Microsoft, ses clients doivent mettre à jour leurs serveurs.":            false,
	} {
		if got := opensWithPronoun(s); got != want {
			t.Errorf("opensWithPronoun(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestHasVerb(t *testing.T) {
	t.Parallel()
	for s, want := range map[string]bool{
		"L’administration Biden devrait former un groupe de travail":                     true,
		"La campagne de piratage chinois cible des milliers d’organisations américaines": true, // « cible » read as a noun by the tagger
		"Le piratage de Microsoft en chiffres":                                           false,
		"La cible des pirates":                                                           false,
	} {
		if got := hasVerb(s); got != want {
			t.Errorf("hasVerb(%q) = %v, want %v", s, got, want)
		}
	}
}

// A heading names what a section is about: not a noun of a verb's
// locution (« fait partie des personnes »), nor an actor's title or
// periphrasis.
func TestHeadingPhrases(t *testing.T) {
	t.Parallel()
	phrase := func(s, text string) chunk.Phrase {
		for _, p := range chunk.Phrases(s) {
			if p.Text == text {
				return p
			}
		}
		t.Fatalf("no phrase %q in %q", text, s)
		return chunk.Phrase{}
	}
	s := "La secrétaire d’État au commerce fait partie des personnes touchées par la faille."
	if !inLocution(s, phrase(s, "partie des personnes")) {
		t.Errorf("« fait partie des personnes » is not read as a locution")
	}
	s2 := "Les pirates ont exploité une partie des failles."
	if inLocution(s2, phrase(s2, "partie des failles")) {
		t.Errorf("« une partie des failles » read as a locution")
	}
	s4 := "Le gouvernement a durci ses règles en matière de mesures sanitaires."
	for _, p := range chunk.Phrases(s4) {
		if strings.HasPrefix(p.Text, "matière") && !inLocution(s4, p) {
			t.Errorf("« en matière de » is not read as a locution: %q", p.Text)
		}
	}
	w := newWriter(&plan.Plan{}, &facts.Sheet{Entities: []entity.Entity{{Type: entity.Person, Canonical: "Jen Psaki", Titles: []string{"attachée de presse de la Maison Blanche"}}}}, &Draft{}, &article.Article{})
	s3 := "Le géant du logiciel et l’attachée de presse ont parlé des serveurs de messagerie. La fin de semaine a été calme."
	for text, want := range map[string]bool{"géant du logiciel": true, "attachée de presse": true, "fin de semaine": true, "serveurs de messagerie": false} {
		if got := w.namesSomeone(phrase(s3, text)); got != want {
			t.Errorf("namesSomeone(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestDenied(t *testing.T) {
	t.Parallel()
	s := "L’ambassade de Russie à Washington a nié par le passé être à l’origine de campagnes de piratage informatique."
	for _, p := range chunk.Phrases(s) {
		// Every phrase after « a nié » is under the denial; « L’ambassade
		// de Russie à Washington » is not.
		want := p.Start > strings.Index(s, "nié")
		if got := denied(s, p); got != want {
			t.Errorf("denied(%q) = %v, want %v", p.Text, got, want)
		}
	}
}

func TestLedeActor(t *testing.T) {
	t.Parallel()
	for lede, want := range map[string]string{
		"Des pirates informatiques basés en Chine ont accédé aux comptes de messagerie d’environ 25 organisations, selon Microsoft.": "des pirates informatiques basés en Chine",
		"L’Agence américaine a déclaré que des pirates informatiques soutenus par le gouvernement russe avaient utilisé leur accès.": "des pirates informatiques soutenus par le gouvernement russe",
		"La Maison Blanche a refusé de commenter le nombre de victimes.":                                                             "", // no participle
		"Les serveurs touchés ont été réparés.":                                                                                      "", // a participle with no complement
	} {
		if got := ledeActor(lede); got != want {
			t.Errorf("ledeActor(%q) = %q, want %q", lede, got, want)
		}
	}
}

func TestSharesKeyword(t *testing.T) {
	t.Parallel()
	kw := []string{"frappe", "Nardi"}
	for phrase, want := range map[string]bool{"frappe": true, "la frappe de loin": true, "gardien Nardi": true, "but": false} {
		if got := sharesKeyword(phrase, kw); got != want {
			t.Errorf("sharesKeyword(%q) = %v, want %v", phrase, got, want)
		}
	}
}

// A moment names no topic: the lead's phrase for an SEO title is never
// « le vendredi » or « la semaine », however often the sources say it.
func TestLeadPhraseSkipsTime(t *testing.T) {
	t.Parallel()
	lead := "Le vendredi, le ministre Roman Prymula a dîné dans un restaurant pragois malgré les mesures sanitaires."
	w := &writer{
		p:     &plan.Plan{KeyWords: []string{"Roman", "Prymula"}},
		draft: &Draft{Lead: lead},
		memo:  &sheetMemo{lower: []string{"le vendredi soir", "un vendredi", "ce vendredi-là", "le restaurant pragois"}},
	}
	got := w.leadPhrase()
	if got == "" || strings.Contains(got, "vendredi") {
		t.Fatalf("leadPhrase = %q", got)
	}
}

// A part names no topic; its complement does: « l’ensemble du secteur de
// la cybersécurité » heads a section as « le secteur de la
// cybersécurité ». A quantity says more than its complement and stays.
func TestPartitiveComplement(t *testing.T) {
	t.Parallel()
	for text, want := range map[string]string{
		"L’alarme a retenti dans l’ensemble du secteur de la cybersécurité.": "le secteur de la cybersécurité",
		"Une partie des serveurs de messagerie reste vulnérable.":            "les serveurs de messagerie",
		"Des milliers de systèmes informatiques ont été piratés.":            "les milliers de systèmes informatiques",
	} {
		got := ""
		for _, p := range chunk.Phrases(text) {
			if q := partitiveComplement(p); q.Kind == chunk.Common && len(strings.Fields(q.Text)) >= 2 {
				if d := withDeterminer(q); d == want {
					got = d
				}
			}
		}
		if got != want {
			t.Errorf("%q: no phrase %q", text, want)
		}
	}
}
