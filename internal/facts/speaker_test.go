package facts

import "testing"

func TestAttribute(t *testing.T) {
	t.Parallel()
	tests := []struct {
		s       string
		speaker string
		pronoun bool
	}{
		{"Il y a environ 30 000 clients concernés aux États-Unis et 250 000 dans le monde, bien que ces chiffres devraient augmenter, a déclaré le responsable américain à CNN.", "le responsable américain", false},
		{"Et Reuters rapporte que plus de 20 000 organisations aux États-Unis sont infiltrées, en plus de nombreuses autres touchées dans le monde.", "Reuters", false},
		{"« Au moins 30 000 entreprises à travers les États-Unis – y compris un grand nombre de petites entreprises – sont compromises », déclare Krebs dans un message, sur son blog.", "Krebs", false},
		{"« Tous ceux qui utilisent ces serveurs doivent agir maintenant pour les corriger », a-t-elle ajouté.", "", true},
		{"« Cela a le potentiel d’affecter simultanément des organisations », a déclaré à CNN une source proche de l’enquête sur l’attaque, notant que les agences étaient touchées.", "une source proche de l’enquête", false},
		{"L’Agence américaine de cybersécurité et de sécurité des infrastructures a déclaré que des pirates informatiques soutenus par le gouvernement russe avaient utilisé leur accès.", "L’Agence américaine de cybersécurité et de sécurité des infrastructures", false},
		{"Microsoft a déclaré dans un e-mail qu’il « travaillait avec nos clients ».", "Microsoft", false},
		{"Des pirates informatiques basés en Chine ont accédé aux comptes de messagerie d’environ 25 organisations, selon Microsoft.", "Microsoft", false},
		{"L’expert de l’industrie et bloggeur Brian Krebs estime que le nombre est encore plus élevé, citant plusieurs sources de sécurité.", "L’expert de l’industrie et bloggeur Brian Krebs", false},
		{"La Maison Blanche a refusé de commenter le nombre de victimes touchées.", "", false},
		// selonRe reads « selon » and « d’après » in any case.
		{"SELON Microsoft, le groupe est basé en Chine.", "Microsoft", false},
		{"D’APRÈS la CISA, les agences ont été touchées.", "la CISA", false},
		{"Le géant du logiciel n’a pas précisé où sont basées les agences gouvernementales.", "", false},
	}
	for _, tt := range tests {
		got := Attribute(tt.s)
		if got.Speaker != tt.speaker || got.Pronoun != tt.pronoun {
			t.Errorf("Attribute(%.60q…) = %+v; want speaker %q pronoun %v", tt.s, got, tt.speaker, tt.pronoun)
		}
	}
}

func TestShortName(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"L’expert de l’industrie et bloggeur Brian Krebs":                         "Brian Krebs",
		"la porte-parole de la Maison Blanche, Jennifer Psaki":                    "Jennifer Psaki",
		"le responsable américain":                                                "le responsable américain",
		"Reuters":                                                                 "Reuters",
		"Le conseiller à la sécurité nationale de la Maison Blanche":              "Maison Blanche",
		"L’Agence américaine de cybersécurité et de sécurité des infrastructures": "L’Agence américaine de cybersécurité et de sécurité des infrastructures",
	} {
		if got := ShortName(in); got != want {
			t.Errorf("ShortName(%q) = %q; want %q", in, got, want)
		}
	}
}
