package rephrase

import (
	"strings"
	"testing"
)

func TestConnect(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		prev, s    string
		connective string // expected family, "" when Connect must refuse
		body       string // s as it must follow the connective
	}{
		{
			name:       "contrast: a negation about the same agencies",
			prev:       "Des pirates informatiques basés en Chine ont accédé aux comptes de messagerie d’environ 25 organisations, y compris des agences gouvernementales, selon Microsoft.",
			s:          "Le géant du logiciel n’a pas précisé où sont basées les agences gouvernementales.",
			connective: "contrast",
			body:       "le géant du logiciel n’a pas précisé où sont basées les agences gouvernementales.",
		},
		{
			name:       "contrast: a refusal, acronym keeps its capital",
			prev:       "La CISA a averti que les pirates auraient également pu s’en prendre à des groupes non gouvernementaux.",
			s:          "La CISA a refusé de nommer les agences qui auraient pu être touchées.",
			connective: "contrast",
			body:       "la CISA a refusé de nommer les agences qui auraient pu être touchées.",
		},
		{
			name:       "addition: same subject, proper noun keeps its capital",
			prev:       "Microsoft souligne que Hafnium a tenté de voler des informations à des groupes tels que des chercheurs en maladies infectieuses.",
			s:          "Microsoft explique que les pirates utilisent ses serveurs de messagerie pour attaquer leurs cibles.",
			connective: "addition",
			body:       "Microsoft explique que les pirates utilisent ses serveurs de messagerie pour attaquer leurs cibles.",
		},
		{
			name:       "time: a later month of the same year",
			prev:       "Microsoft a annoncé en mars 2024 qu’elle était toujours aux prises avec les intrus.",
			s:          "L’agence a publié une directive d’urgence en avril 2024.",
			connective: "time",
			body:       "l’agence a publié une directive d’urgence en avril 2024.",
		},
		{
			name: "refuse: s starts with a quotation",
			prev: "La Maison Blanche a refusé de commenter le nombre de victimes touchées.",
			s:    "« Nous entreprenons une réponse de l’ensemble du gouvernement », a déclaré un responsable.",
		},
		{
			name: "refuse: s already starts with a connective",
			prev: "Microsoft souligne que Hafnium a tenté de voler des informations.",
			s:    "Toutefois, Microsoft ne confirme pas les chiffres mentionnés.",
		},
		{
			name: "refuse: s starts with a subordinate clause",
			prev: "Microsoft a déclaré que le groupe était basé en Chine.",
			s:    "Bien que Hafnium soit basé en Chine, il est allégué qu’il opère à partir de VPN loués aux États-Unis.",
		},
		{
			name: "refuse: s starts with a prepositional phrase",
			prev: "Les États-Unis accusent depuis longtemps le gouvernement chinois de cyberespionnage.",
			s:    "Dans une déclaration aux journalistes, Psaki affirme que la Maison Blanche est préoccupée.",
		},
		{
			name: "refuse: no shared topic",
			prev: "La Maison Blanche a refusé de commenter le nombre de victimes touchées.",
			s:    "Le géant du logiciel n’a pas précisé où sont basées les agences gouvernementales.",
		},
		{
			name: "refuse: an earlier date is not a sequence",
			prev: "L’agence a publié une directive d’urgence en avril 2024.",
			s:    "Microsoft a annoncé l’intrusion en janvier 2024.",
		},
		{
			name: "refuse: s carries a transition word already",
			prev: "Microsoft souligne que Hafnium a tenté de voler des informations.",
			s:    "Microsoft explique donc que les pirates utilisent ses serveurs.",
		},
	}
	families := map[string][]string{
		"contrast": connectives[relContrast],
		"addition": connectives[relAddition],
		"time":     connectives[relTime],
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, ok := Connect(tt.prev, tt.s)
			if tt.connective == "" {
				if ok || got != tt.s {
					t.Fatalf("Connect should refuse, got %v %q", ok, got)
				}
				return
			}
			if !ok {
				t.Fatalf("Connect refused %q", tt.s)
			}
			found := false
			for _, c := range families[tt.connective] {
				if got == c+", "+tt.body {
					found = true
				}
			}
			if !found {
				t.Fatalf("Connect = %q; want one of %v + %q", got, families[tt.connective], tt.body)
			}
			checkKeepsFacts(t, tt.s, got)
			again, _ := Connect(tt.prev, tt.s)
			if again != got {
				t.Fatalf("Connect is not deterministic: %q then %q", got, again)
			}
		})
	}
}

func TestIsTransition(t *testing.T) {
	t.Parallel()
	tests := []struct {
		s    string
		want bool
	}{
		{"Cependant, il souligne également qu’il déploie des techniques d’atténuation.", true},
		{"Toutefois, le ministère américain du commerce a confirmé que Microsoft l’avait informé de l’attaque.", true},
		{"Bien qu’il ne soit pas immédiatement clair si son implication est codifiée.", true},
		{"D’abord, Microsoft a publié des correctifs.", true},
		{"Des pirates ont accédé aux comptes, selon Microsoft.", true},
		{"Il en va de même pour Bing, bien que le moteur de recherche local Baidu domine le marché.", true},
		{"Alors que de nombreuses entreprises technologiques américaines connaissent une relation tumultueuse avec le gouvernement chinois, Microsoft maintient une présence.", true},
		{"C’est pourquoi la CISA a publié une directive.", true},
		{"La Maison Blanche a refusé de commenter le nombre de victimes touchées.", false},
		{"Microsoft explique que les pirates utilisent ses serveurs de messagerie pour attaquer leurs cibles.", false},
		{"Pékin a qualifié le rapport de Microsoft de “très peu professionnel” et de “désinformation”.", false},
		{"Les médias américains ont rapporté que le département d’État avait été ciblé.", false},
	}
	for _, tt := range tests {
		if got := IsTransition(tt.s); got != tt.want {
			t.Errorf("IsTransition(%q) = %v; want %v", tt.s, got, tt.want)
		}
	}
	if n := TransitionCount(); n < 120 {
		t.Fatalf("transition list has %d entries; want at least 120", n)
	}
}

// TestTransitionListClean checks that every entry of the list is unique
// and in lower case, so the file stays reviewable.
func TestTransitionListClean(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for _, line := range strings.Split(transitionsText, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if line != strings.ToLower(line) || seen[line] {
			t.Errorf("transition entry %q duplicated or not lower case", line)
		}
		seen[line] = true
	}
}

func BenchmarkConnect(b *testing.B) {
	prev := "Des pirates informatiques basés en Chine ont accédé aux comptes de messagerie d’environ 25 organisations, y compris des agences gouvernementales, selon Microsoft."
	s := "Le géant du logiciel n’a pas précisé où sont basées les agences gouvernementales."
	Connect(prev, s)
	b.ReportAllocs()
	for b.Loop() {
		Connect(prev, s)
	}
}

func BenchmarkIsTransition(b *testing.B) {
	s := "Il en va de même pour Bing, bien que le moteur de recherche local Baidu domine le marché."
	b.ReportAllocs()
	for b.Loop() {
		IsTransition(s)
	}
}
