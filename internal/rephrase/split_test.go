package rephrase

import (
	"slices"
	"testing"
	"unicode"
)

func TestSplit(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		want []string // nil when Split must refuse
	}{
		{
			name: "semicolon, second piece capitalised",
			in:   "Les avertissements de Psaki faisaient suite à un tweet du conseiller à la sécurité nationale Jake Sullivan jeudi soir qui soulignait à quel point l’administration Biden était préoccupée ; il a exhorté les administrateurs informatiques du pays à installer immédiatement les correctifs logiciels.",
			want: []string{
				"Les avertissements de Psaki faisaient suite à un tweet du conseiller à la sécurité nationale Jake Sullivan jeudi soir qui soulignait à quel point l’administration Biden était préoccupée.",
				"Il a exhorté les administrateurs informatiques du pays à installer immédiatement les correctifs logiciels.",
			},
		},
		{
			name: "comma mais with its own subject keeps Mais",
			in:   "Microsoft ne confirme pas les chiffres mentionnés par la presse américaine depuis plusieurs jours, mais il travaille en étroite collaboration avec les agences gouvernementales américaines pour protéger ses clients.",
			want: []string{
				"Microsoft ne confirme pas les chiffres mentionnés par la presse américaine depuis plusieurs jours.",
				"Mais il travaille en étroite collaboration avec les agences gouvernementales américaines pour protéger ses clients.",
			},
		},
		{
			name: "comma et with a noun-phrase subject drops et",
			in:   "Les États-Unis ont exprimé leur inquiétude croissante concernant le piratage du programme de messagerie Microsoft Exchange depuis mardi, et le géant de la technologie accuse désormais la Chine de cyberespionnage.",
			want: []string{
				"Les États-Unis ont exprimé leur inquiétude croissante concernant le piratage du programme de messagerie Microsoft Exchange depuis mardi.",
				"Le géant de la technologie accuse désormais la Chine de cyberespionnage.",
			},
		},
		{
			name: "refuse: short sentence",
			in:   "Microsoft explique que les pirates utilisent ses serveurs de messagerie, et la Chine nie.",
		},
		{
			name: "refuse: et followed by a verb without its own subject",
			in:   "Dans un article de blog mardi, le dirigeant de Microsoft, Tom Burt, a déclaré que la société avait publié des mises à jour pour corriger les failles de sécurité, qui s’appliquent aux versions locales du logiciel plutôt qu’aux versions basées sur le cloud, et a exhorté les clients à les appliquer.",
		},
		{
			name: "refuse: et qu’ coordinates two que clauses",
			in:   "Microsoft a déclaré que le groupe était basé en Chine mais fonctionnait via des serveurs privés virtuels loués aux États-Unis, et qu’il avait informé le gouvernement américain.",
		},
		{
			name: "refuse: never split inside a quotation",
			in:   "“Microsoft a informé le département d’une compromission du système Office 365 de Microsoft, et le département a pris des mesures immédiates pour y répondre”, a déclaré un porte-parole du ministère américain du Commerce.",
		},
		{
			name: "refuse: a final incise attributes both halves",
			in:   "Le groupe de travail est un effort multi-agences initié par le Conseil de sécurité nationale, et il comprend le FBI, la CISA et d’autres agences fédérales, a déclaré le responsable américain.",
		},
		{
			name: "refuse: a head selon attributes both halves",
			in:   "Selon Microsoft, le groupe de pirates informatiques a accédé à des comptes de messagerie en falsifiant des jetons, et ces jetons sont généralement utilisés pour vérifier l’identité d’une personne.",
		},
		{
			name: "refuse: a relative clause is not a split point",
			in:   "Cette révélation, qui a tiré la sonnette d’alarme dans l’ensemble du secteur de la cybersécurité, a été suivie la semaine dernière par un rapport du Cyber Safety Review Board des États-Unis.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, ok := Split(tt.in)
			if tt.want == nil {
				if ok {
					t.Fatalf("Split should refuse, got %q", got)
				}
				return
			}
			if !ok || !slices.Equal(got, tt.want) {
				t.Fatalf("Split:\n got %v %q\nwant %q", ok, got, tt.want)
			}
		})
	}
}

// TestSplitPiecesAreSentences checks, over the seed articles, the
// promises every piece keeps.
func TestSplitPiecesAreSentences(t *testing.T) {
	t.Parallel()
	for _, s := range seedSentences(t) {
		pieces, ok := Split(s)
		if !ok {
			continue
		}
		for _, p := range pieces {
			ps := parse(p)
			if !ps.balanced || !hasFinite(ps.toks) || p[len(p)-1] != '.' {
				t.Fatalf("piece %q of %q is not a sentence", p, s)
			}
			if r := []rune(p)[0]; !unicode.IsUpper(r) {
				t.Fatalf("piece %q does not start with a capital", p)
			}
		}
	}
}

func BenchmarkSplit(b *testing.B) {
	s := "Microsoft ne confirme pas les chiffres mentionnés par la presse américaine depuis plusieurs jours, mais il travaille en étroite collaboration avec les agences gouvernementales américaines pour protéger ses clients."
	Split(s)
	b.ReportAllocs()
	for b.Loop() {
		Split(s)
	}
}
