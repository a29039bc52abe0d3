package rephrase

import "testing"

func TestStripDateline(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		want string // "" when StripDateline must refuse
	}{
		{
			name: "seed 003: WASHINGTON (Reuters) –",
			in:   "WASHINGTON (Reuters) – L’Agence américaine de cybersécurité et de sécurité des infrastructures a déclaré que des pirates informatiques soutenus par le gouvernement russe avaient utilisé leur accès au système de messagerie de Microsoft.",
			want: "L’Agence américaine de cybersécurité et de sécurité des infrastructures a déclaré que des pirates informatiques soutenus par le gouvernement russe avaient utilisé leur accès au système de messagerie de Microsoft.",
		},
		{
			name: "capitalised place and AFP with a hyphen",
			in:   "Paris (AFP) - Le gouvernement a annoncé un plan de cybersécurité.",
			want: "Le gouvernement a annoncé un plan de cybersécurité.",
		},
		{
			name: "agency alone",
			in:   "(Reuters) — Microsoft a déclaré que le groupe était basé en Chine.",
			want: "Microsoft a déclaré que le groupe était basé en Chine.",
		},
		{
			name: "all-capitals place known to the lexicon",
			in:   "PÉKIN – La Chine nie systématiquement toute implication dans des opérations de piratage informatique.",
			want: "La Chine nie systématiquement toute implication dans des opérations de piratage informatique.",
		},
		{
			name: "place, comma and agency",
			in:   "LONDRES, (Reuters) – L’ambassade de Chine a qualifié ces accusations de désinformation.",
			want: "L’ambassade de Chine a qualifié ces accusations de désinformation.",
		},
		{
			name: "refuse: a dated dateline would drop a date",
			in:   "PARIS, 12 mars (AFP) – Le gouvernement a annoncé un plan de cybersécurité.",
		},
		{
			name: "refuse: an acronym before a dash is not a place",
			in:   "CISA – La directive d’urgence vise à fournir des conseils aux agences gouvernementales.",
		},
		{
			name: "refuse: a broken ticker is not a dateline",
			in:   "Microsoft (NASDAQ 🙂 pour voler la correspondance entre des responsables.",
		},
		{
			name: "refuse: dash inside the sentence",
			in:   "Un autre piratage – imputé à la Chine – avait pu être évité.",
		},
		{
			name: "refuse: lower-case continuation",
			in:   "WASHINGTON (Reuters) – selon l’agence, les pirates ont agi.",
		},
		{
			name: "refuse: unknown bracketed source",
			in:   "WASHINGTON (Le Blog) – L’agence a averti les clients.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, ok := StripDateline(tt.in)
			if tt.want == "" {
				if ok || got != tt.in {
					t.Fatalf("StripDateline should refuse, got %v %q", ok, got)
				}
				return
			}
			if !ok || got != tt.want {
				t.Fatalf("StripDateline:\n got %v %q\nwant %q", ok, got, tt.want)
			}
		})
	}
}

func BenchmarkStripDateline(b *testing.B) {
	s := "WASHINGTON (Reuters) – L’Agence américaine de cybersécurité et de sécurité des infrastructures a déclaré que des pirates informatiques avaient utilisé leur accès."
	b.ReportAllocs()
	for b.Loop() {
		StripDateline(s)
	}
}
