package rephrase

import "testing"

func TestReframe(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		in    string
		style Style
		want  string // "" when Reframe must refuse
	}{
		{
			name:  "incise with recipient to selon keeps the recipient",
			in:    "Il y a environ 30 000 clients concernés aux États-Unis et 250 000 dans le monde, bien que ces chiffres devraient augmenter, a déclaré le responsable américain à CNN.",
			style: StyleSelon,
			want:  "Selon les déclarations du responsable américain à CNN, il y a environ 30 000 clients concernés aux États-Unis et 250 000 dans le monde, bien que ces chiffres devraient augmenter.",
		},
		{
			name:  "incise to reported: qu’ elided, recipient after the verb",
			in:    "Il y a environ 30 000 clients concernés aux États-Unis et 250 000 dans le monde, bien que ces chiffres devraient augmenter, a déclaré le responsable américain à CNN.",
			style: StyleReported,
			want:  "Le responsable américain a déclaré à CNN qu’il y a environ 30 000 clients concernés aux États-Unis et 250 000 dans le monde, bien que ces chiffres devraient augmenter.",
		},
		{
			name:  "refuse: a subject with a name in apposition is not an incise (no verb before it)",
			in:    "Le PDG de Microsoft, Tom Burt, dévoile le piratage dans un message mardi.",
			style: StyleSelon,
		},
		{
			name:  "que to selon, partial quotation kept in place",
			in:    "Le responsable de la Maison Blanche a déclaré à CNN que la situation était une « menace active ».",
			style: StyleSelon,
			want:  "Selon les déclarations du responsable de la Maison Blanche à CNN, la situation était une « menace active ».",
		},
		{
			name:  "que to incise",
			in:    "Les experts ont déclaré qu’il s’agissait de l’une des plus grandes campagnes de cyberespionnage connues contre les États-Unis.",
			style: StyleIncise,
			want:  "Il s’agissait de l’une des plus grandes campagnes de cyberespionnage connues contre les États-Unis, ont déclaré les experts.",
		},
		{
			name:  "que to selon with elision of the article",
			in:    "Les experts ont déclaré qu’il s’agissait de l’une des plus grandes campagnes de cyberespionnage connues contre les États-Unis.",
			style: StyleSelon,
			want:  "Selon les experts, il s’agissait de l’une des plus grandes campagnes de cyberespionnage connues contre les États-Unis.",
		},
		{
			name:  "final selon moves to the head, first word lower-cased",
			in:    "Des pirates informatiques basés en Chine ont accédé aux comptes de messagerie d’environ 25 organisations, y compris des agences gouvernementales, selon Microsoft.",
			style: StyleSelon,
			want:  "Selon Microsoft, des pirates informatiques basés en Chine ont accédé aux comptes de messagerie d’environ 25 organisations, y compris des agences gouvernementales.",
		},
		{
			name:  "final selon with a proper-noun start keeps its capital",
			in:    "L’Agence nationale de sécurité a également un rôle dans la réponse, selon une autre source proche de la situation.",
			style: StyleSelon,
			want:  "Selon une autre source proche de la situation, l’Agence nationale de sécurité a également un rôle dans la réponse.",
		},
		{
			name:  "selon to reported uses a indiqué",
			in:    "Selon la société, le groupe de piratage est basé en Chine.",
			style: StyleReported,
			want:  "La société a indiqué que le groupe de piratage est basé en Chine.",
		},
		{
			name:  "selon lui to incise inverts the pronoun",
			in:    "Selon lui, les attaques ont considérablement augmenté.",
			style: StyleIncise,
			want:  "Les attaques ont considérablement augmenté, a-t-il indiqué.",
		},
		{
			name:  "direct quotation with a-t-elle ajouté to colon form",
			in:    "« Tous ceux qui utilisent ces serveurs doivent agir maintenant pour les corriger. Nous sommes préoccupés par le fait qu’il y ait un grand nombre de victimes », a-t-elle ajouté.",
			style: StyleReported,
			want:  "Elle a ajouté\u00a0: « Tous ceux qui utilisent ces serveurs doivent agir maintenant pour les corriger. Nous sommes préoccupés par le fait qu’il y ait un grand nombre de victimes ».",
		},
		{
			name:  "direct quotation with curly quotes to colon form",
			in:    "“Storm-0558 cible principalement les agences gouvernementales d’Europe occidentale”, a déclaré la société.",
			style: StyleReported,
			want:  "La société a déclaré\u00a0: “Storm-0558 cible principalement les agences gouvernementales d’Europe occidentale”.",
		},
		{
			name:  "refuse: a direct quotation is never reframed with selon",
			in:    "« C’est une menace active », a déclaré la porte-parole de la Maison Blanche, Jennifer Psaki.",
			style: StyleSelon,
		},
		{
			name:  "refuse: a day cannot be kept by selon",
			in:    "L’attachée de presse de la Maison Blanche, Jen Psaki, a déclaré vendredi que « tous ceux qui dirigent ces serveurs doivent agir maintenant pour les corriger ».",
			style: StyleSelon,
		},
		{
			name:  "refuse: two coordinated que clauses",
			in:    "Microsoft a déclaré que le groupe était basé en Chine mais fonctionnait via des serveurs privés virtuels loués aux États-Unis, et qu’il avait informé le gouvernement américain.",
			style: StyleSelon,
		},
		{
			name:  "refuse: the speaker has a second verb after que P",
			in:    "L’ambassade de Chine à Londres a déclaré à l’agence de presse Reuters qu’il s’agissait de “désinformation” et a qualifié le gouvernement américain de “plus grand empire du piratage et de cyber-voleur mondial”.",
			style: StyleIncise,
		},
		{
			name:  "refuse: a possessive would lose its referent",
			in:    "Microsoft explique que les pirates utilisent ses serveurs de messagerie pour attaquer leurs cibles.",
			style: StyleSelon,
		},
		{
			name:  "refuse: not reported speech",
			in:    "La CISA a refusé de nommer les agences qui auraient pu être touchées.",
			style: StyleSelon,
		},
		{
			name:  "refuse: already in the style",
			in:    "Selon Microsoft, des pirates informatiques ont accédé aux comptes de messagerie.",
			style: StyleSelon,
		},
		{
			name:  "refuse: unbalanced quotation",
			in:    "Au moins 30 000 organisations ont été piratées ces derniers jours par une unité chinoise, « A écrit Krebs dans le post.",
			style: StyleReported,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, ok := Reframe(tt.in, tt.style)
			if tt.want == "" {
				if ok || got != tt.in {
					t.Fatalf("Reframe should refuse, got %v %q", ok, got)
				}
				return
			}
			if !ok || got != tt.want {
				t.Fatalf("Reframe(%s):\n got %v %q\nwant %q", tt.style, ok, got, tt.want)
			}
			checkKeepsFacts(t, tt.in, got)
		})
	}
}

// TestReframeRoundTrip checks that going to another style and back gives
// the sentence again, for sentences where no information is reworded.
func TestReframeRoundTrip(t *testing.T) {
	t.Parallel()
	for _, s := range []string{
		"Les experts ont déclaré qu’il s’agissait de l’une des plus grandes campagnes de cyberespionnage connues contre les États-Unis.",
		"La société a déclaré que le groupe de piratage, qu’elle a nommé «Hafnium», est un «acteur hautement qualifié et sophistiqué».",
	} {
		inc, ok := Reframe(s, StyleIncise)
		if !ok {
			t.Fatalf("no incise for %q", s)
		}
		back, ok := Reframe(inc, StyleReported)
		if !ok || back != s {
			t.Fatalf("round trip:\n  in %q\n via %q\nback %q", s, inc, back)
		}
	}
}

func BenchmarkReframe(b *testing.B) {
	s := "Il y a environ 30 000 clients concernés aux États-Unis et 250 000 dans le monde, bien que ces chiffres devraient augmenter, a déclaré le responsable américain à CNN."
	Reframe(s, StyleSelon) // load lexicon and tagger outside the timing
	b.ReportAllocs()
	for b.Loop() {
		Reframe(s, StyleSelon)
	}
}
