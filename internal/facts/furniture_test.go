package facts

import "testing"

func TestFurniture(t *testing.T) {
	t.Parallel()
	for s, want := range map[string]bool{
		"95'88'88'81'81'74'74'74'74'74'74'73'65'52'46'46'45'45'14'14' 96'":             true,
		"solidarite-financiere@infocomcgt.fr":                                          true,
		`solidarite-financiere\@infocomcgt.fr`:                                         true,
		"EFFECTIFS Y. Wissa T. Fontaine J. Laporte J. Morel H. Mendes":                 true,
		"DONNEZ, PARTAGEZ, INVESTISSEZ DANS LA LUTTE ! MERCI DE VOTRE AIDE":            true,
		"Remplir et renvoyer le bulletin ci-dessous (chèque à l’ordre d’Info’Com-CGT)": true,
		"Voir les messages en ligne sur LePotCommun.fr":                                true,
		"Télécharger":     true,
		"1 545 500 EUROS": true,
		"Plus de 20 000 organisations aux États-Unis ont été piratées, selon Reuters.":    false,
		"La CGT et le HCERES ont signé un accord avec l’ONU.":                             false,
		"Lorient a tenu tête à l’OL dans ce match qui se termine sur un score nul (1-1).": false,
		"Voir Naples et mourir, disait-on autrefois.":                                     false,
		"Agir maintenant est indispensable, affirme la Maison Blanche.":                   false,
		"Contactez-nous à l’adresse de la rédaction, qui répondra.":                       false,
		"Campagne décembre 2019":                   false,
		"Au moins 30 000 entreprises, selon Krebs": false,
	} {
		if got := Furniture(s); got != want {
			t.Errorf("Furniture(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzFurniture(f *testing.F) {
	for _, s := range []string{"95'88'88' 96'", "solidarite@infocomcgt.fr", "EFFECTIFS Y. Wissa", "Remplir le bulletin", "La Chine nie.", "", "é@.", "«»"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_ = Furniture(s) // must not panic on any input
	})
}
