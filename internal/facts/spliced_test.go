package facts

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestSpliced(t *testing.T) {
	t.Parallel()
	for s, want := range map[string]bool{
		"La CISA a émis une directive et nous examinons les prochaines étapes dont nous avons besoin pour C’est une menace active qui se développe encore.": true,
		"Il faut agir vite et Il est trop tard pour attendre.":                               true,
		"C’est une menace active, a déclaré le responsable.":                                 false, // a sentence's own start
		"« C’est une menace active », a-t-il dit. Il a ajouté que la réponse serait rapide.": false, // after a full stop
		"Le ministre a lu Le Monde et La Croix avant la réunion.":                            false, // titles of newspapers
	} {
		if got := Spliced(s); got != want {
			t.Errorf("Spliced(%q) = %v, want %v", s, got, want)
		}
	}
}

// splicedRe is the pattern Spliced scans for, kept as the reference the
// scanner must agree with.
var splicedRe = regexp.MustCompile(`(?:^|[^\p{L}’'])\p{Ll}+ (?:C[’']est|Il|Elle|Ils|Elles|Nous|Je|On) \p{L}`)

// TestSplicedAgreesWithPattern checks the scanner against the pattern on
// every line of the seeds and on edge cases: apostrophes, a capital
// inside the word before, the end of the text, non-ASCII letters.
func TestSplicedAgreesWithPattern(t *testing.T) {
	t.Parallel()
	lines := []string{
		"accord Il viendra", "d’accord Il viendra", "l'accord Il viendra", "Accord Il viendra",
		"mAccord Il viendra", "été Il viendra", "pour Il", "pour Il ", "pour Il 3", "pour  Il viendra",
		"pour Ilot vert", "x C'est bien", "x C’est é", "« pour Il viendra", "pour On ÉTAIT là",
	}
	m, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "seeds", "*.txt"))
	for _, f := range m {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(raw), "\n")...)
	}
	n := 0
	for _, s := range lines {
		want := splicedRe.MatchString(s)
		if want {
			n++
		}
		if got := Spliced(s); got != want {
			t.Errorf("Spliced(%q) = %v, the pattern says %v", s, got, want)
		}
	}
	if n < 3 {
		t.Fatalf("only %d lines spliced; the cases should cover both answers", n)
	}
}
