package rephrase

import (
	"strings"
	"testing"
)

// The fuzz targets check that no operation panics and that every output
// keeps the figures and « » quotations of its input (checkKeepsFacts).
// Each is seeded with the seed articles' sentences.

func FuzzReframe(f *testing.F) {
	for _, s := range seedSentences(f) {
		f.Add(s, uint8(0))
	}
	f.Add("Selon l’agence, 25 organisations ont été touchées.", uint8(1))
	f.Fuzz(func(t *testing.T, s string, style uint8) {
		out, ok := Reframe(s, Style(style%4))
		if !ok {
			if out != s {
				t.Fatalf("refused but changed: %q → %q", s, out)
			}
			return
		}
		checkKeepsFacts(t, s, out)
	})
}

func FuzzVaryAttribution(f *testing.F) {
	for i, s := range seedSentences(f) {
		f.Add(s, i)
	}
	f.Fuzz(func(t *testing.T, s string, seed int) {
		out, ok := VaryAttribution(s, seed)
		if !ok {
			if out != s {
				t.Fatalf("refused but changed: %q → %q", s, out)
			}
			return
		}
		checkKeepsFacts(t, s, out)
	})
}

func FuzzSplit(f *testing.F) {
	for _, s := range seedSentences(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		pieces, ok := Split(s)
		if !ok {
			return
		}
		if len(pieces) != 2 {
			t.Fatalf("Split gave %d pieces", len(pieces))
		}
		checkKeepsFacts(t, s, strings.Join(pieces, " "))
		for _, p := range pieces {
			if strings.Count(p, "«") != strings.Count(p, "»") {
				t.Fatalf("piece with unbalanced quotes: %q", p)
			}
		}
	})
}

func FuzzSplitLong(f *testing.F) {
	for _, s := range seedSentences(f) {
		f.Add(s, uint8(20))
	}
	f.Add("La société, qui a nié « tout », n’a pas répondu à nos questions sur les 25 organisations.", uint8(8))
	f.Add("Microsoft déclare toutefois vendredi qu’il travaille avec les agences américaines, affirmant à ses clients que la « meilleure protection » est la mise à jour.", uint8(12))
	f.Add("La nouvelle incite la CISA à publier une directive d’urgence demandant aux agences de prendre des mesures de précaution urgentes.", uint8(10))
	f.Add("Dans une déclaration aux journalistes, Psaki affirme que la Maison Blanche est « préoccupée » et signale que les vulnérabilités « peuvent avoir des effets ».", uint8(10))
	f.Fuzz(func(t *testing.T, s string, max uint8) {
		pieces := SplitLong(s, int(max))
		if len(pieces) == 0 {
			t.Fatal("SplitLong gave no piece")
		}
		if len(pieces) == 1 {
			if pieces[0] != s {
				t.Fatalf("no cut but changed: %q → %q", s, pieces[0])
			}
			return
		}
		checkKeepsFacts(t, s, strings.Join(pieces, " "))
		for _, p := range pieces {
			if strings.Count(p, "«") != strings.Count(p, "»") || strings.Count(p, "“") != strings.Count(p, "”") {
				t.Fatalf("piece with unbalanced quotes: %q", p)
			}
		}
	})
}

func FuzzStripDateline(f *testing.F) {
	for _, s := range seedSentences(f) {
		f.Add(s)
	}
	f.Add("WASHINGTON (Reuters) – L’Agence a déclaré 12 000 cas.")
	f.Fuzz(func(t *testing.T, s string) {
		out, ok := StripDateline(s)
		if !ok {
			if out != s {
				t.Fatalf("refused but changed: %q → %q", s, out)
			}
			return
		}
		if !strings.HasSuffix(s, out) {
			t.Fatalf("StripDateline changed more than the head: %q → %q", s, out)
		}
		checkKeepsFacts(t, s, out)
	})
}

func FuzzConnect(f *testing.F) {
	seeds := seedSentences(f)
	for i := 1; i < len(seeds); i++ {
		f.Add(seeds[i-1], seeds[i])
	}
	f.Fuzz(func(t *testing.T, prev, s string) {
		out, ok := Connect(prev, s)
		if !ok {
			if out != s {
				t.Fatalf("refused but changed: %q → %q", s, out)
			}
			return
		}
		checkKeepsFacts(t, s, out)
		if !IsTransition(out) {
			t.Fatalf("Connect output carries no transition: %q", out)
		}
	})
}

func FuzzMergeNearDuplicates(f *testing.F) {
	seeds := seedSentences(f)
	for i := 1; i < len(seeds); i++ {
		f.Add(seeds[i-1], seeds[i], seeds[i-1]+" ")
	}
	f.Add("Au moins 30 000 organisations ont été piratées.", "Au moins 20 000 organisations ont été piratées.", "Au moins 30 000 organisations américaines ont été piratées.")
	f.Fuzz(func(t *testing.T, a, b, c string) {
		in := []Sourced{{a, "A"}, {b, "B"}, {c, "C"}}
		out := MergeNearDuplicates(in)
		seen := 0
		for _, m := range out {
			seen += 1 + len(m.Others)
			for _, o := range m.Others {
				checkKeepsFacts(t, digitsOnly(o.Text), m.Kept.Text)
			}
		}
		if seen != len(in) {
			t.Fatalf("%d sentences in, %d accounted for", len(in), seen)
		}
	})
}

// digitsOnly keeps the digit runs of s: a merged sentence must give its
// figures to the kept one, not its quotations (those stay in Others).
// Each run once: the kept sentence holds the others' figures as a set.
func digitsOnly(s string) string {
	seen := map[string]bool{}
	var out []string
	for _, d := range digitRuns(s) {
		if !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	}
	return strings.Join(out, " ")
}
