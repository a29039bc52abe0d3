package rephrase

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/plume-seo/plume/internal/fr/lexicon"
	"github.com/plume-seo/plume/internal/fr/token"
)

func TestSplitMore(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		want []string // nil when SplitMore must refuse
	}{
		{
			name: "relative clause after a feminine subject",
			in:   "L’ambassade de Russie à Washington, qui a nié par le passé être à l’origine de campagnes de piratage informatique, n’a pas immédiatement renvoyé de message sollicitant des commentaires.",
			want: []string{
				"L’ambassade de Russie à Washington a nié par le passé être à l’origine de campagnes de piratage informatique.",
				"Elle n’a pas immédiatement renvoyé de message sollicitant des commentaires.",
			},
		},
		{
			name: "relative clause; the second piece keeps its own reported speech",
			in:   "Cette révélation, qui a tiré la sonnette d’alarme dans l’ensemble du secteur de la cybersécurité, a été suivie la semaine dernière par un rapport du Cyber Safety Review Board des États-Unis qui a déclaré qu’un autre piratage – imputé à la Chine – avait pu être évité.",
			want: []string{
				"Cette révélation a tiré la sonnette d’alarme dans l’ensemble du secteur de la cybersécurité.",
				"Elle a été suivie la semaine dernière par un rapport du Cyber Safety Review Board des États-Unis qui a déclaré qu’un autre piratage – imputé à la Chine – avait pu être évité.",
			},
		},
		{
			name: "two compound verbs of one subject around a que clause",
			in:   "L’ambassade de Chine à Londres a déclaré à l’agence de presse Reuters qu’il s’agissait de “désinformation” et a qualifié le gouvernement américain de “plus grand empire du piratage et de cyber-voleur mondial”.",
			want: []string{
				"L’ambassade de Chine à Londres a déclaré à l’agence de presse Reuters qu’il s’agissait de “désinformation”.",
				"Elle a également qualifié le gouvernement américain de “plus grand empire du piratage et de cyber-voleur mondial”.",
			},
		},
		{
			name: "Split's comma et, below Split's own threshold",
			in:   "Les États-Unis ont exprimé leur inquiétude croissante concernant le piratage du programme de messagerie Microsoft Exchange, et le géant de la technologie accuse la Chine.",
			want: []string{
				"Les États-Unis ont exprimé leur inquiétude croissante concernant le piratage du programme de messagerie Microsoft Exchange.",
				"Le géant de la technologie accuse la Chine.",
			},
		},
		{
			name: "a name's two verbs around « , mais »: the name is repeated, « toutefois » keeps « mais »",
			in:   "Microsoft ne confirme pas les chiffres mentionnés, mais déclare vendredi dans un autre communiqué qu’il travaille en étroite collaboration avec les agences gouvernementales américaines.",
			want: []string{
				"Microsoft ne confirme pas les chiffres mentionnés.",
				"Microsoft déclare toutefois vendredi dans un autre communiqué qu’il travaille en étroite collaboration avec les agences gouvernementales américaines.",
			},
		},
		{
			name: "a name's two compound verbs joined by « et »",
			in:   "Pékin a qualifié le rapport de Microsoft de très peu professionnel et a accusé les États-Unis de mener leurs propres campagnes de piratage contre la Chine depuis des années.",
			want: []string{
				"Pékin a qualifié le rapport de Microsoft de très peu professionnel.",
				"Pékin a également accusé les États-Unis de mener leurs propres campagnes de piratage contre la Chine depuis des années.",
			},
		},
		{
			name: "refuse: « , mais » after a subordinate clause could join its verbs",
			in:   "Microsoft a déclaré que le groupe travaillait depuis la Chine avec des serveurs loués aux États-Unis, mais restait très discret sur ses cibles et sur ses méthodes.",
		},
		{
			name: "a name in apposition stands for a subject whose gender the lexicon does not know (PDG)",
			in:   "Le PDG de Microsoft, Tom Burt, dévoile le piratage dans un message mardi et annonce des mises à jour pour corriger les failles de sécurité qui, selon lui, permettent aux pirates d’accéder aux serveurs de Microsoft Exchange.",
			want: []string{
				"Le PDG de Microsoft, Tom Burt, dévoile le piratage dans un message mardi.",
				"Tom Burt annonce également des mises à jour pour corriger les failles de sécurité qui, selon lui, permettent aux pirates d’accéder aux serveurs de Microsoft Exchange.",
			},
		},
		{
			name: "refuse: the lexicon does not know the head noun's gender (PDG) and no name stands for it",
			in:   "Le PDG de Microsoft dévoile le piratage dans un message mardi et annonce des mises à jour pour corriger les failles de sécurité qui, selon lui, permettent aux pirates d’accéder aux serveurs de Microsoft Exchange.",
		},
		{
			name: "refuse: a bare name has no gender to take a pronoun",
			in:   "Après que Microsoft a publié mardi des correctifs pour les vulnérabilités, les attaques « se sont considérablement intensifiées » sur les serveurs non encore mis à jour avec des correctifs de sécurité, a déclaré Krebs, qui a cité des sources anonymes familières avec la situation.",
		},
		{
			name: "refuse: a final incise attributes the relative clause too",
			in:   "Le groupe de travail ou, « Unified Coordination Group » (UCG), est un effort multi-agences initié par le Conseil de sécurité nationale, qui comprend le FBI, la Cybersecurity and Infrastructure Security Agency (CISA) et d’autres, a déclaré le responsable américain.",
		},
		{
			name: "refuse: et joins the verbs of the que clause, same tense",
			in:   "Microsoft a déclaré que le groupe était basé en Chine mais fonctionnait via des serveurs privés virtuels loués aux États-Unis, et qu’il avait informé le gouvernement américain.",
		},
		{
			name: "refuse: a final selon covers both verbs",
			in:   "La campagne a exploité des failles récemment découvertes dans le logiciel Microsoft Exchange et a volé des e-mails de milliers d’organisations américaines, selon Brian Krebs.",
		},
		{
			name: "refuse: after a que clause with the same auxiliary, et is ambiguous",
			in:   "L’agence a déclaré que des pirates ont utilisé leur accès au système de messagerie de Microsoft et ont volé la correspondance entre des responsables et le géant de la technologie.",
		},
		{
			name: "refuse: the relative clause is cut by an incise, not closed",
			in:   "Le PDG de Microsoft, Tom Burt, a annoncé des mises à jour pour corriger les failles de sécurité qui, selon lui, permettent aux pirates d’accéder aux serveurs de Microsoft Exchange.",
		},
		{
			name: "a fronted adjunct stays with the first piece; two speech verbs, each with its que clause, are the main verbs",
			in:   "Dans une déclaration aux journalistes, Psaki affirme que la Maison Blanche est « préoccupée par le grand nombre de victimes » et signale que les vulnérabilités des serveurs de Microsoft « peuvent avoir des effets considérables ».",
			want: []string{
				"Dans une déclaration aux journalistes, Psaki affirme que la Maison Blanche est « préoccupée par le grand nombre de victimes ».",
				"Psaki signale également que les vulnérabilités des serveurs de Microsoft « peuvent avoir des effets considérables ».",
			},
		},
		{
			name: "refuse: after a que clause, et joins a speech verb and a verb of that clause",
			in:   "Dans une déclaration aux journalistes, Psaki affirme que la Maison Blanche est très préoccupée par le grand nombre de victimes et suit la situation de très près depuis plusieurs jours.",
		},
		{
			name: "refuse: et could join the speech verb of the que clause",
			in:   "Psaki affirme que la Maison Blanche déclare que la situation est très grave pour les agences fédérales et signale que les serveurs de Microsoft restent vulnérables.",
		},
		{
			name: "a detached present participle becomes the subject's verb, in the main verb's tense",
			in:   "Microsoft déclare toutefois vendredi dans un autre communiqué qu’il travaille en étroite collaboration avec les agences gouvernementales américaines, affirmant à ses clients que la « meilleure protection » est de « mettre à jour les applications ».",
			want: []string{
				"Microsoft déclare toutefois vendredi dans un autre communiqué qu’il travaille en étroite collaboration avec les agences gouvernementales américaines.",
				"Microsoft affirme à ses clients que la « meilleure protection » est de « mettre à jour les applications ».",
			},
		},
		{
			name: "a detached participle after a compound past takes the same auxiliary",
			in:   "L’agence américaine de cybersécurité a publié jeudi une longue liste de recommandations pour les administrateurs des serveurs touchés, exhortant les entreprises à installer les correctifs sans attendre.",
			want: []string{
				"L’agence américaine de cybersécurité a publié jeudi une longue liste de recommandations pour les administrateurs des serveurs touchés.",
				"Elle a exhorté les entreprises à installer les correctifs sans attendre.",
			},
		},
		{
			name: "refuse: after « que » and a noun phrase, the participle could be that phrase's",
			in:   "Psaki affirme que la Maison Blanche travaille en étroite collaboration avec les agences gouvernementales américaines, affirmant aux entreprises que la meilleure protection reste la mise à jour.",
		},
		{
			name: "refuse: the participle clause does not close the sentence",
			in:   "Microsoft déclare toutefois vendredi dans un autre communiqué qu’il travaille avec les agences gouvernementales américaines, citant plusieurs sources, que la mise à jour reste la meilleure protection.",
		},
		{
			name: "a participle right after a noun phrase with a bare complement says what that thing does",
			in:   "La nouvelle de la brèche incite la « Cybersecurity and Infrastructure Security Agency (Cisa) » américaine à publier une directive d’urgence demandant aux agences et aux départements de prendre des mesures de précaution urgentes.",
			want: []string{
				"La nouvelle de la brèche incite la « Cybersecurity and Infrastructure Security Agency (Cisa) » américaine à publier une directive d’urgence.",
				"Cette directive demande aux agences et aux départements de prendre des mesures de précaution urgentes.",
			},
		},
		{
			name: "refuse: a complement with its own determiner could be what the participle is about",
			in:   "La nouvelle de la brèche a incité les autorités américaines à publier rapidement le rapport de l’agence demandant aux départements de prendre des mesures de précaution urgentes.",
		},
		{
			name: "refuse: the participle's noun lies inside reported speech",
			in:   "Le responsable a déclaré que l’agence allait publier très rapidement une directive d’urgence demandant aux départements de prendre des mesures de précaution.",
		},
		{
			name: "a detached participle after an adverb between auxiliary and participle keeps the compound past",
			in:   "Microsoft a également déclaré vendredi dans un autre communiqué qu’il travaille avec les agences américaines, affirmant à ses clients que la mise à jour reste la meilleure protection.",
			want: []string{
				"Microsoft a également déclaré vendredi dans un autre communiqué qu’il travaille avec les agences américaines.",
				"Microsoft a affirmé à ses clients que la mise à jour reste la meilleure protection.",
			},
		},
		{
			name: "refuse: a detached participle of another verb may be the nearest noun's",
			in:   "Le parquet de Paris a ouvert jeudi une enquête préliminaire pour corruption et favoritisme, visant plusieurs élus du conseil départemental des Hauts-de-Seine.",
		},
		{
			name: "refuse: a time noun does nothing a participle says",
			in:   "Le ministère a publié jeudi une longue directive technique la semaine dernière demandant aux agences de prendre des mesures de précaution urgentes.",
		},
		{
			name: "refuse: the participle could be the plural complement's",
			in:   "La police a démantelé dans la nuit un réseau de trafiquants opérant depuis des années dans plusieurs villes de la région.",
		},
		{
			name: "refuse: a fronted viewpoint would be lost and the second piece stated as a fact",
			in:   "Pour Microsoft, la faille est mineure et concerne seulement une petite partie des serveurs de messagerie Exchange installés dans le monde entier.",
		},
		{
			name: "refuse: short sentence",
			in:   "L’ambassade, qui a nié, n’a pas renvoyé de message.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, ok := SplitMore(tt.in, 20)
			if tt.want == nil {
				if ok {
					t.Fatalf("SplitMore should refuse, got %q", got)
				}
				return
			}
			if !ok || !slices.Equal(got, tt.want) {
				t.Fatalf("SplitMore:\n got %v %q\nwant %q", ok, got, tt.want)
			}
			checkKeepsFacts(t, tt.in, strings.Join(got, " "))
		})
	}
}

// knownFinite reports whether the tagger reads a finite verb outside
// quotations, or the piece is nounParticipleSplit's « DEM N V … » whose
// verb the lexicon knows as finite: the tagger may read « Cette directive
// demande … » as a noun phrase.
func knownFinite(toks []tok) bool {
	if hasFinite(toks) {
		return true
	}
	if len(toks) < 3 || !demonstratives[toks[0].low] {
		return false
	}
	return lexicon.Default().FiniteFold(toks[2].low)
}

var demonstratives = map[string]bool{"ce": true, "cet": true, "cette": true, "ces": true}

// SplitLong cuts until the pieces are short or cannot be cut: a sentence
// with two safe points gives three pieces.
func TestSplitLong(t *testing.T) {
	t.Parallel()
	in := "L’ambassade de Russie à Washington, qui a nié par le passé être à l’origine de campagnes de piratage informatique, n’a pas immédiatement renvoyé de message sollicitant des commentaires ; la CISA a averti que les pirates auraient également pu s’en prendre à des groupes non gouvernementaux."
	got := SplitLong(in, 20)
	want := []string{
		"L’ambassade de Russie à Washington a nié par le passé être à l’origine de campagnes de piratage informatique.",
		"Elle n’a pas immédiatement renvoyé de message sollicitant des commentaires.",
		"La CISA a averti que les pirates auraient également pu s’en prendre à des groupes non gouvernementaux.",
	}
	if !slices.Equal(got, want) {
		t.Fatalf("SplitLong:\n got %q\nwant %q", got, want)
	}
	short := "La CISA a refusé de nommer les agences qui auraient pu être touchées."
	if got := SplitLong(short, 20); len(got) != 1 || got[0] != short {
		t.Fatalf("a short sentence is kept whole, got %q", got)
	}
}

// TestSplitMorePiecesAreSentences checks, over the seed articles, the
// promises every piece keeps: a capital, a final period, a finite verb,
// balanced quotations, every figure and quotation of the input, and
// never more words than the input.
func TestSplitMorePiecesAreSentences(t *testing.T) {
	t.Parallel()
	n := 0
	for _, s := range seedSentences(t) {
		pieces := SplitLong(s, 20)
		if len(pieces) == 1 {
			continue
		}
		n++
		checkKeepsFacts(t, s, strings.Join(pieces, " "))
		words := 0
		for _, p := range pieces {
			ps := parse(p)
			if !ps.balanced || !knownFinite(ps.toks) || p[len(p)-1] != '.' && !strings.HasSuffix(p, "”.") {
				t.Fatalf("piece %q of %q is not a sentence", p, s)
			}
			if r := []rune(p)[0]; !unicode.IsUpper(r) {
				t.Fatalf("piece %q does not start with a capital", p)
			}
			words += token.CountWords(p)
		}
		// A pronoun or the subject's name (four words at most) stands
		// for the subject it repeats, and « également » for « et », «
		// toutefois » for « mais »: five words more a cut at the most.
		if words > token.CountWords(s)+5*(len(pieces)-1) {
			t.Fatalf("%q: the pieces have %d words, the sentence %d", s, words, token.CountWords(s))
		}
	}
	if n < 3 {
		t.Fatalf("only %d seed sentences cut; the rules should apply to several", n)
	}
}
