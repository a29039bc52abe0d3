package write

import "testing"

// After a sentence left out, the context takes only a sentence that
// stands on its own: the seeds' sentences that lean on the one before
// are refused.
func TestSelfContained(t *testing.T) {
	t.Parallel()
	for s, want := range map[string]bool{
		"Pékin a déjà riposté aux accusations américaines de cyber-vol parrainé par l’État.":                                       true,
		"Un porte-parole du gouvernement chinois explique à l’agence de presse Reuters que la Chine n’est pas derrière la brèche.": true,
		"Le responsable de la Maison Blanche a déclaré à CNN que la situation était une « menace active ».":                        true,
		"La société a déclaré que le groupe de piratage, qu’elle a nommé « Hafnium », est un « acteur hautement qualifié ».":       false, // which company?
		"Les experts ont déclaré qu’il s’agissait de l’une des plus grandes campagnes de cyberespionnage.":                         false, // il
		"Ces jetons sont généralement utilisés pour vérifier l’identité d’une personne.":                                           false, // ces
		"Toutefois, le ministère américain du commerce a confirmé que Microsoft l’avait informé de l’attaque.":                     false, // connective
		"Pékin a qualifié le rapport de Microsoft de « très peu professionnel » et de « désinformation ».":                         false, // which report?
		"Il a rapporté que des initiés ont déclaré que les pirates avaient « pris le contrôle » de milliers de systèmes.":          false,
	} {
		if got := selfContained(s); got != want {
			t.Errorf("selfContained(%q) = %v; want %v", s, got, want)
		}
	}
	if !sharesTopic("Des pirates informatiques basés en Chine ont accédé aux comptes de messagerie d’environ 25 organisations.", "Pékin nie toute implication dans les opérations de piratage des comptes.") {
		t.Error("« comptes » is shared")
	}
	if sharesTopic("Des pirates informatiques basés en Chine ont accédé aux comptes de messagerie d’environ 25 organisations.",
		"Avant-poste clé de l’armée américaine, les ports et les bases aériennes de Guam joueraient un rôle crucial.") {
		t.Error("Guam's bases share no topic with the lede")
	}
	if !opensWithConnective("Par ailleurs, l’ambassade a nié.") || opensWithConnective("L’ambassade de Russie, qui a nié, n’a pas répondu.") {
		t.Error("opensWithConnective")
	}
}
