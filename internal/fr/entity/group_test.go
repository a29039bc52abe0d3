package entity

import (
	"slices"
	"strings"
	"testing"
)

func findEntity(es []Entity, canonical string) (Entity, bool) {
	for _, e := range es {
		if e.Canonical == canonical {
			return e, true
		}
	}
	return Entity{}, false
}

func canonicals(es []Entity) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Type.String()+":"+e.Canonical)
	}
	return out
}

func TestVariantsGrouped(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		sentences []string
		canonical string
		typ       Type
		variants  []string
		conflicts []string
		titles    []string
	}{
		{
			name: "first-name variants and surname",
			sentences: []string{
				"L’attachée de presse de la Maison Blanche, Jen Psaki, a déclaré vendredi que la menace est active.",
				"Les avertissements de Psaki faisaient suite à un tweet.",
				"« C’est une menace active », a déclaré la porte-parole de la Maison Blanche, Jennifer Psaki, lors d’un point de presse.",
				"Selon une autre source, Jane Psaki a refusé de commenter.",
			},
			canonical: "Jennifer Psaki",
			typ:       Person,
			variants:  []string{"Jennifer Psaki", "Jen Psaki", "Psaki", "Jane Psaki"},
			conflicts: []string{"Jane Psaki"},
			titles:    []string{"attachée de presse de la Maison Blanche", "porte-parole de la Maison Blanche"},
		},
		{
			name: "acronym, expansion, case variant",
			sentences: []string{
				"La Cybersecurity and Infrastructure Security Agency (CISA) a émis une directive d’urgence.",
				"La CISA a refusé de nommer les agences.",
				"La nouvelle incite la « Cybersecurity and Infrastructure Security Agency (Cisa) » américaine à publier une directive.",
			},
			canonical: "CISA",
			typ:       Org,
			variants:  []string{"CISA", "Cybersecurity and Infrastructure Security Agency", "Cisa"},
		},
		{
			name: "expansion by initials without parentheses",
			sentences: []string{
				"Le groupe de travail est piloté par le Unified Coordination Group.",
				"La directive UCG reste floue.",
			},
			canonical: "UCG",
			typ:       Org,
			variants:  []string{"UCG", "Unified Coordination Group"},
		},
		{
			name: "title without comma",
			sentences: []string{
				"Les avertissements faisaient suite à un tweet du conseiller à la sécurité nationale Jake Sullivan jeudi soir.",
				"Sullivan a déclaré que le gouvernement surveillait les rapports.",
			},
			canonical: "Jake Sullivan",
			typ:       Person,
			variants:  []string{"Jake Sullivan", "Sullivan"},
			titles:    []string{"conseiller à la sécurité nationale"},
		},
		{
			name: "title in apposition after the name",
			sentences: []string{
				"Pouria Amirshahi, député socialiste des Français de l’étranger, a voté contre.",
			},
			canonical: "Pouria Amirshahi",
			typ:       Person,
			variants:  []string{"Pouria Amirshahi"},
			titles:    []string{"député socialiste des Français de l’étranger"},
		},
		{
			name: "product and its last word",
			sentences: []string{
				"La campagne a exploité des failles du logiciel Microsoft Exchange.",
				"Un groupe exploitait des failles dans ses services de messagerie Exchange.",
			},
			canonical: "Microsoft Exchange",
			typ:       Product,
			variants:  []string{"Microsoft Exchange", "Exchange"},
		},
		{
			name: "threat actor named by a cue",
			sentences: []string{
				"Microsoft a déclaré que le groupe de pirates informatiques basé en Chine – qu’il désigne sous le nom de Zorbex – avait accédé à des comptes.",
				"Zorbex cible principalement les agences gouvernementales.",
			},
			canonical: "Zorbex",
			typ:       ThreatActor,
			variants:  []string{"Zorbex"},
		},
		{
			name: "event cue",
			sentences: []string{
				"La Russie était à l’origine du piratage massif de Quintaris qui a secoué le gouvernement.",
			},
			canonical: "Quintaris",
			typ:       Event,
			variants:  []string{"Quintaris"},
		},
	}
	for _, tt := range tests {
		es := Extract(tt.sentences)
		e, ok := findEntity(es, tt.canonical)
		if !ok {
			t.Errorf("%s: no entity %q in %q", tt.name, tt.canonical, canonicals(es))
			continue
		}
		if e.Type != tt.typ {
			t.Errorf("%s: type %v, want %v", tt.name, e.Type, tt.typ)
		}
		got := slices.Clone(e.Variants)
		want := slices.Clone(tt.variants)
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s: variants %q, want %q", tt.name, e.Variants, tt.variants)
		}
		if e.Variants[0] != e.Canonical {
			t.Errorf("%s: variants do not start with the canonical form: %q", tt.name, e.Variants)
		}
		if !slices.Equal(e.Conflicts, tt.conflicts) {
			t.Errorf("%s: conflicts %q, want %q", tt.name, e.Conflicts, tt.conflicts)
		}
		if !slices.Equal(e.Titles, tt.titles) {
			t.Errorf("%s: titles %q, want %q", tt.name, e.Titles, tt.titles)
		}
		for _, m := range e.Mentions {
			if s := tt.sentences[m.Sentence]; s[m.Start:m.End] != m.Text {
				t.Errorf("%s: mention %q is not sentence[%d:%d]", tt.name, m.Text, m.Start, m.End)
			}
		}
	}
}

func TestTypes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		sentence string
		want     map[string]Type
	}{
		{"L’ambassade de Chine à Londres a déclaré à l’agence de presse Reuters qu’il s’agissait de désinformation.",
			map[string]Type{"ambassade de Chine": Org, "Londres": Place, "Reuters": Org, "Chine": Place}},
		{"Microsoft a informé le département d’une compromission du système Office 365 de Microsoft.",
			map[string]Type{"Office 365": Product, "Microsoft": Org}},
		{"Toutefois, le ministère américain du commerce a confirmé que la secrétaire d’État au commerce, Gina Raimondo, était touchée.",
			map[string]Type{"ministère américain du commerce": Org, "Gina Raimondo": Person}},
		{"Le groupe de travail est initié par le Conseil de sécurité nationale, qui comprend le FBI.",
			map[string]Type{"Conseil de sécurité nationale": Org, "FBI": Org}},
		{"Un rapport du Cyber Safety Review Board des États-Unis accuse l’entreprise.",
			map[string]Type{"Cyber Safety Review Board": Org, "États-Unis": Place}},
		{"Les intrus, qu’elle surnomme « Midnight Blizzard », lisaient les courriels.",
			map[string]Type{"Midnight Blizzard": ThreatActor}},
		{"L’administration Biden devrait former un groupe de travail.",
			map[string]Type{"Biden": Person}},
		{"Parmi les opposants figure l’UMP Laure de la Raudière, et les secours sont arrivés à Katmandou à bord d’un Airbus A350.",
			map[string]Type{"Laure de la Raudière": Person, "Katmandou": Place, "Airbus A350": Product}},
	}
	for _, tt := range tests {
		es := Extract([]string{tt.sentence})
		for name, typ := range tt.want {
			e, ok := findEntity(es, name)
			if !ok {
				t.Errorf("%q: no entity %q in %q", tt.sentence, name, canonicals(es))
				continue
			}
			if e.Type != typ {
				t.Errorf("%q: %q is %v, want %v", tt.sentence, name, e.Type, typ)
			}
		}
	}
}

func TestNoEntities(t *testing.T) {
	t.Parallel()
	for _, s := range []string{
		"",
		"Les pirates utilisent ses serveurs de messagerie pour attaquer leurs cibles.",
		"Mardi, l’État a publié des correctifs en mars.",
		"Pékin a déjà riposté aux accusations américaines de cyber-vol parrainé par l’État.",
	} {
		es := Extract([]string{s})
		for _, e := range es {
			if e.Canonical != "Pékin" {
				t.Errorf("%q: unexpected entity %s %q", s, e.Type, e.Canonical)
			}
		}
	}
}

func TestSalience(t *testing.T) {
	t.Parallel()
	es := Extract(article(t, "001"))
	SortBySalience(es)
	if len(es) == 0 || es[0].Canonical != "Microsoft" {
		t.Fatalf("most salient entity of seed 001: %q, want Microsoft", canonicals(es))
	}
	for i := 1; i < len(es); i++ {
		if es[i].Count() > es[i-1].Count() {
			t.Fatalf("not sorted by count at %d: %q", i, canonicals(es))
		}
	}
	if f := es[0].First(); f.Sentence != 0 || f.Start != 0 {
		t.Errorf("Microsoft first mentioned at %+v, want sentence 0 offset 0", f)
	}
	if (Entity{}).First() != (Mention{}) {
		t.Error("First of an empty entity should be the zero Mention")
	}
}

func TestParseType(t *testing.T) {
	t.Parallel()
	for ty := Other; ty < numTypes; ty++ {
		got, ok := ParseType(ty.String())
		if !ok || got != ty {
			t.Errorf("ParseType(%q) = %v, %v", ty.String(), got, ok)
		}
	}
	if _, ok := ParseType("martian"); ok {
		t.Error(`ParseType("martian") should fail`)
	}
}

func TestListsLoad(t *testing.T) {
	t.Parallel()
	l := wordLists()
	for name, m := range map[string]map[string]bool{"places": l.places, "orgs": l.orgs, "products": l.products, "actors": l.actors, "firstnames": l.firstNames} {
		if len(m) < 10 {
			t.Errorf("list %s has %d names", name, len(m))
		}
	}
	if !l.places[key("États-Unis")] || !l.places[key("Pékin")] || !l.places[key("Texas")] {
		t.Error("places list lacks États-Unis, Pékin or Texas")
	}
	if l.aliases[key("Agence nationale de sécurité")] != "NSA" {
		t.Error("alias of NSA not loaded")
	}
	if strings.Contains(strings.Join(canonicals(Extract([]string{"Le Texas et la Floride."})), " "), "other") {
		t.Error("US states should be places")
	}
}

func FuzzExtract(f *testing.F) {
	for _, n := range []string{"000", "003", "004"} {
		for _, s := range article(f, n) {
			f.Add(s)
		}
	}
	f.Add("( CISA ) (Cisa) A B C and of the , , Jen Jennifer Psaki")
	f.Add("\xff«Storm-\x00 365 Office")
	f.Fuzz(func(t *testing.T, s string) {
		es := Extract([]string{s, s})
		for _, e := range es {
			if e.Canonical == "" || len(e.Mentions) == 0 || e.Variants[0] != e.Canonical {
				t.Fatalf("bad entity %+v", e)
			}
			for _, m := range e.Mentions {
				if m.Start < 0 || m.End > len(s) || m.Start > m.End || s[m.Start:m.End] != m.Text {
					t.Fatalf("bad mention %+v of %q", m, s)
				}
			}
		}
	})
}

// BenchmarkExtract extracts the entities of seed 001 (about 700 words),
// tagging and chunking included.
func BenchmarkExtract(b *testing.B) {
	sents := article(b, "001")
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Extract(sents)
	}
}

// A portfolio after « de la » stays with the title: « le ministre de la
// Santé Roman Prymula » names Roman Prymula, « la secrétaire d’État au
// Commerce » is no part of Gina Raimondo.
func TestPortfolioIsNoName(t *testing.T) {
	t.Parallel()
	es := Extract([]string{
		"Le ministre de la Santé Roman Prymula a été photographié sans masque.",
		"Roman Prymula a présenté ses excuses.",
	})
	for _, e := range es {
		if e.Type == Person && strings.Contains(e.Canonical, "Santé") {
			t.Errorf("person %q", e.Canonical)
		}
	}
	found := false
	for _, e := range es {
		found = found || e.Type == Person && e.Canonical == "Roman Prymula"
	}
	if !found {
		t.Errorf("no person Roman Prymula in %+v", es)
	}
}
