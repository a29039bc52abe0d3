package rephrase

import (
	"strings"
	"testing"
)

func TestVaryAttribution(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		seed int
		want string // "" when VaryAttribution must refuse
	}{
		{
			name: "que with a recipient between",
			in:   "Le responsable de la Maison Blanche a déclaré à CNN que la situation était une « menace active ».",
			seed: 0,
			want: "Le responsable de la Maison Blanche a affirmé à CNN que la situation était une « menace active ».",
		},
		{
			name: "another seed, another verb",
			in:   "Le responsable de la Maison Blanche a déclaré à CNN que la situation était une « menace active ».",
			seed: 2,
			want: "Le responsable de la Maison Blanche a précisé à CNN que la situation était une « menace active ».",
		},
		{
			name: "inversion a-t-elle ajouté is kept",
			in:   "« Tous ceux qui utilisent ces serveurs doivent agir maintenant pour les corriger », a-t-elle ajouté.",
			seed: 1,
			want: "« Tous ceux qui utilisent ces serveurs doivent agir maintenant pour les corriger », a-t-elle affirmé.",
		},
		{
			name: "plural auxiliary and qu’",
			in:   "Les experts ont déclaré qu’il s’agissait de l’une des plus grandes campagnes de cyberespionnage connues contre les États-Unis.",
			seed: 4,
			want: "Les experts ont souligné qu’il s’agissait de l’une des plus grandes campagnes de cyberespionnage connues contre les États-Unis.",
		},
		{
			name: "a day between verb and que",
			in:   "Microsoft a déclaré mardi que les attaques Hafnium « n’étaient en aucun cas liées aux attaques distinctes liées à SolarWinds ».",
			seed: 1,
			want: "Microsoft a indiqué mardi que les attaques Hafnium « n’étaient en aucun cas liées aux attaques distinctes liées à SolarWinds ».",
		},
		{
			name: "incise after a curly quotation",
			in:   "“Storm-0558 cible principalement les agences gouvernementales d’Europe occidentale”, a déclaré la société.",
			seed: -1,
			want: "“Storm-0558 cible principalement les agences gouvernementales d’Europe occidentale”, a souligné la société.",
		},
		{
			name: "refuse: negated verb",
			in:   "Le géant du logiciel n’a pas précisé où sont basées les agences gouvernementales.",
		},
		{
			name: "refuse: verb with a direct object, no speech",
			in:   "Le ministère a précisé les mesures immédiates prises pour répondre à la compromission.",
		},
		{
			name: "refuse: incise after indirect speech, not a quotation",
			in:   "Le groupe de travail est un effort multi-agences initié par le Conseil de sécurité nationale, a déclaré le responsable américain.",
		},
		{
			name: "refuse: present tense, not a compound past",
			in:   "Microsoft explique que les pirates utilisent ses serveurs de messagerie pour attaquer leurs cibles.",
		},
		{
			name: "refuse: verb of the quotation itself",
			in:   "« Nous avons déclaré que nous agirions », a écrit Krebs.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, ok := VaryAttribution(tt.in, tt.seed)
			if tt.want == "" {
				if ok || got != tt.in {
					t.Fatalf("VaryAttribution should refuse, got %v %q", ok, got)
				}
				return
			}
			if !ok || got != tt.want {
				t.Fatalf("VaryAttribution(seed %d):\n got %v %q\nwant %q", tt.seed, ok, got, tt.want)
			}
			checkKeepsFacts(t, tt.in, got)
		})
	}
}

// TestVaryAttributionSeeds checks that over the seed articles every
// variation changes one word only, keeps facts, and never repeats the
// verb it replaced.
func TestVaryAttributionSeeds(t *testing.T) {
	t.Parallel()
	n := 0
	for i, s := range seedSentences(t) {
		got, ok := VaryAttribution(s, i)
		if !ok {
			continue
		}
		n++
		checkKeepsFacts(t, s, got)
		a, b := strings.Fields(s), strings.Fields(got)
		if len(a) != len(b) {
			t.Fatalf("word count changed: %q → %q", s, got)
		}
		diff := 0
		for k := range a {
			if a[k] != b[k] {
				diff++
			}
		}
		if diff != 1 {
			t.Fatalf("%d words changed: %q → %q", diff, s, got)
		}
	}
	if n < 8 {
		t.Fatalf("only %d seed sentences varied; want at least 8", n)
	}
}

func BenchmarkVaryAttribution(b *testing.B) {
	s := "Le responsable de la Maison Blanche a déclaré à CNN que la situation était une « menace active »."
	VaryAttribution(s, 0)
	b.ReportAllocs()
	for b.Loop() {
		VaryAttribution(s, 3)
	}
}
