package rephrase

import "testing"

func TestMergeNearDuplicates(t *testing.T) {
	t.Parallel()
	// Sentences of the three Hafnium seeds (000, 001, 002) and of 004.
	reuters := Sourced{"Et Reuters rapporte que plus de 20 000 organisations aux États-Unis sont infiltrées, en plus de nombreuses autres touchées dans le monde.", "001"}
	krebs := Sourced{"Une récente campagne de cyberespionnage chinoise « inhabituellement agressive » a ciblé au moins 30 000 organisations américaines, y compris le gouvernement local, a déclaré un spécialiste de la sécurité informatique.", "002"}
	tests := []struct {
		name string
		in   []Sourced
		want [][2]int // per group: index of the kept input, number of others
	}{
		{
			name: "same claim in two outlets: the one with more names is kept",
			in: []Sourced{
				{"Microsoft a déclaré mardi que les attaques Hafnium « n’étaient en aucun cas liées aux attaques distinctes liées à SolarWinds ».", "002"},
				{"Microsoft signale que l’attaque Hafnium n’est en aucun cas liée aux attaques SolarWinds.", "001"},
			},
			want: [][2]int{{0, 1}},
		},
		{
			name: "20 000 and 30 000 stay apart, each with its source",
			in: []Sourced{
				reuters,
				{"Et Reuters rapporte que plus de 30 000 organisations aux États-Unis sont infiltrées, en plus de nombreuses autres touchées dans le monde.", "X"},
			},
			want: [][2]int{{0, 0}, {1, 0}},
		},
		{
			name: "the sentence holding every figure is kept",
			in: []Sourced{
				{"Il y a environ 30 000 clients concernés aux États-Unis.", "A"},
				{"Il y a environ 30 000 clients concernés aux États-Unis et 250 000 dans le monde.", "B"},
			},
			want: [][2]int{{1, 1}},
		},
		{
			name: "different names stay apart (Jen vs Jennifer Psaki)",
			in: []Sourced{
				{"La porte-parole de la Maison Blanche, Jen Psaki, a qualifié la situation de menace active.", "000"},
				{"La porte-parole de la Maison Blanche, Jennifer Psaki, a qualifié la situation de menace active.", "002"},
			},
			want: [][2]int{{0, 0}, {1, 0}},
		},
		{
			name: "unrelated sentences are not merged",
			in: []Sourced{
				reuters, krebs,
				{"La Chine nie systématiquement toute implication dans des opérations de piratage informatique.", "004"},
			},
			want: [][2]int{{0, 0}, {1, 0}, {2, 0}},
		},
		{
			name: "exact duplicate from the same source",
			in: []Sourced{
				{"La CISA a refusé de nommer les agences qui auraient pu être touchées.", "003"},
				{"La CISA a refusé de nommer les agences qui auraient pu être touchées.", "003"},
			},
			want: [][2]int{{0, 1}},
		},
		{
			name: "three sources, one group, order of first appearance",
			in: []Sourced{
				{"Pékin a qualifié le rapport de Microsoft de désinformation.", "004"},
				{"Microsoft explique que les pirates utilisent ses serveurs de messagerie.", "001"},
				{"Pékin a qualifié le rapport de Microsoft de pure désinformation.", "X"},
				{"Pékin qualifie le rapport de Microsoft de désinformation.", "Y"},
			},
			want: [][2]int{{2, 2}, {1, 0}},
		},
		{
			name: "a date that differs keeps two sentences apart",
			in: []Sourced{
				{"La CISA a publié une directive d’urgence le 2 avril.", "003"},
				{"La CISA a publié une directive d’urgence le 12 avril.", "X"},
			},
			want: [][2]int{{0, 0}, {1, 0}},
		},
		{
			name: "empty input",
			in:   nil,
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := MergeNearDuplicates(tt.in)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d groups %+v; want %d", len(got), got, len(tt.want))
			}
			for g, w := range tt.want {
				if got[g].Kept != tt.in[w[0]] || len(got[g].Others) != w[1] {
					t.Fatalf("group %d: kept %q with %d others; want %q with %d", g, got[g].Kept.Text, len(got[g].Others), tt.in[w[0]].Text, w[1])
				}
				for _, o := range got[g].Others {
					checkKeepsFacts(t, digitsOnly(o.Text), got[g].Kept.Text)
				}
			}
		})
	}
}

// TestMergeSeedsKeepsBothFigures runs the three Hafnium seeds together:
// Reuters' 20 000 and Krebs' 30 000 must both survive with their sources.
func TestMergeSeedsKeepsBothFigures(t *testing.T) {
	t.Parallel()
	var in []Sourced
	for i, s := range seedSentences(t) {
		in = append(in, Sourced{s, string(rune('a' + i%26))})
	}
	out := MergeNearDuplicates(in)
	total, has20, has30 := 0, false, false
	for _, m := range out {
		total += 1 + len(m.Others)
		has20 = has20 || containsRun(m.Kept.Text, "20", "000")
		has30 = has30 || containsRun(m.Kept.Text, "30", "000")
	}
	if total != len(in) || !has20 || !has30 {
		t.Fatalf("total %d/%d, 20 000 kept %v, 30 000 kept %v", total, len(in), has20, has30)
	}
}

func containsRun(s string, runs ...string) bool {
	d := digitRuns(s)
	for i := 0; i+len(runs) <= len(d); i++ {
		ok := true
		for k, r := range runs {
			ok = ok && d[i+k] == r
		}
		if ok {
			return true
		}
	}
	return false
}

func BenchmarkMergeNearDuplicates(b *testing.B) {
	var in []Sourced
	for _, s := range seedSentences(b) {
		in = append(in, Sourced{s, "seed"})
	}
	MergeNearDuplicates(in)
	b.ReportAllocs()
	for b.Loop() {
		MergeNearDuplicates(in)
	}
}
