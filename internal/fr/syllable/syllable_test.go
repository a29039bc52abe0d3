package syllable

import (
	"bufio"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
)

type known struct {
	word  string
	count int
}

// readKnown reads testdata/words.txt, a list of words with the syllable
// count a careful French speaker gives them.
func readKnown(tb testing.TB) []known {
	tb.Helper()
	f, err := os.Open("testdata/words.txt")
	if err != nil {
		tb.Fatalf("open word list: %v", err)
	}
	defer f.Close()
	var out []known
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		word, n, ok := strings.Cut(text, "\t")
		c, err := strconv.Atoi(n)
		if !ok || err != nil {
			tb.Fatalf("words.txt:%d: want word<TAB>count, got %q", line, text)
		}
		out = append(out, known{word, c})
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("read word list: %v", err)
	}
	return out
}

func TestCountAccuracy(t *testing.T) {
	t.Parallel()
	words := readKnown(t)
	if len(words) < 80 {
		t.Fatalf("word list has %d words, want at least 80", len(words))
	}
	exact := 0
	for _, w := range words {
		if got := Count(w.word); got == w.count {
			exact++
		} else {
			t.Logf("Count(%q) = %d, list says %d", w.word, got, w.count)
		}
	}
	acc := float64(exact) / float64(len(words))
	t.Logf("exact on %d of %d words (%.1f %%)", exact, len(words), 100*acc)
	if acc < 0.90 {
		t.Errorf("accuracy %.1f %% is below 90 %%", 100*acc)
	}
}

// TestCountRules pins one word per heuristic, so that a regression names the
// rule it broke.
func TestCountRules(t *testing.T) {
	t.Parallel()
	tests := []struct {
		rule, word string
		want       int
	}{
		{"final mute e", "table", 1},
		{"final -es", "pirates", 2},
		{"verbal -ent", "parlent", 1},
		{"-aient", "étaient", 2},
		{"-ent noun", "client", 2},
		{"-ent adverb", "souvent", 2},
		{"-ment adverb", "rapidement", 4},
		{"-ment verb", "affirment", 2},
		{"capitalised -ent name", "Laurent", 2},
		{"vowel pairs", "oiseau", 2},
		{"y as vowel", "cycle", 1},
		{"y between vowels", "payer", 2},
		{"pays", "pays", 2},
		{"hiatus é", "réaction", 3},
		{"hiatus oè", "poète", 2},
		{"hiatus éâ", "théâtre", 2},
		{"trema", "Noël", 2},
		{"diérèse", "ouvrier", 3},
		{"qu", "quatre", 1},
		{"gu", "guerre", 1},
		{"ge", "mangeons", 2},
		{"ligature", "cœur", 1},
		{"apostrophe", "aujourd’hui", 3},
		{"hyphen", "après-midi", 4},
		{"only a mute e", "le", 1},
		{"digits", "2024", 1},
		{"punctuation", "«", 0},
		{"empty", "", 0},
		{"upper case", "ÉTATS-UNIS", 4},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			t.Parallel()
			if got := Count(tt.word); got != tt.want {
				t.Errorf("Count(%q) = %d, want %d", tt.word, got, tt.want)
			}
		})
	}
}

func TestReadingEase(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name                        string
		words, sentences, syllables int
		want                        float64
		band                        Band
	}{
		// 207 − 1.015 × 10 − 73.6 × 1.5 = 86.45
		{"short sentences", 100, 10, 150, 86.45, Easy},
		// 207 − 1.015 × 25 − 73.6 × 1.8 = 49.145
		{"news copy", 100, 4, 180, 49.145, Difficult},
		// 207 − 1.015 × 40 − 73.6 × 2 = 19.2
		{"dense", 80, 2, 160, 19.2, VeryDifficult},
		{"no words", 0, 1, 0, 0, VeryDifficult},
		{"no sentences", 10, 0, 12, 0, VeryDifficult},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := ReadingEase(tt.words, tt.sentences, tt.syllables)
			if math.Abs(got-tt.want) > 1e-9 {
				t.Errorf("ReadingEase(%d, %d, %d) = %v, want %v", tt.words, tt.sentences, tt.syllables, got, tt.want)
			}
			if b := Interpret(got); b != tt.band {
				t.Errorf("Interpret(%v) = %v, want %v", got, b, tt.band)
			}
		})
	}
}

func TestInterpretBoundaries(t *testing.T) {
	t.Parallel()
	tests := []struct {
		score float64
		want  Band
		label string
	}{
		{120, VeryEasy, "très facile"}, {90, VeryEasy, "très facile"}, {89.9, Easy, "facile"},
		{80, Easy, "facile"}, {70, FairlyEasy, "assez facile"}, {65, Standard, "standard"},
		{50, FairlyDifficult, "assez difficile"}, {30, Difficult, "difficile"},
		{29.9, VeryDifficult, "très difficile"}, {-40, VeryDifficult, "très difficile"},
	}
	for _, tt := range tests {
		b := Interpret(tt.score)
		if b != tt.want || b.String() != tt.label || b.Audience() == "" {
			t.Errorf("Interpret(%v) = %v %q (audience %q), want %v %q", tt.score, b, b.String(), b.Audience(), tt.want, tt.label)
		}
	}
	if Band(99).String() != "inconnu" || Band(-1).Audience() != "" {
		t.Error("out-of-range band not handled")
	}
}

func FuzzCount(f *testing.F) {
	for _, w := range []string{"aujourd'hui", "États-Unis", "œuvre", "'-'", "ent", "pays", "\xff\xfe", "gue", "y"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		n := Count(w)
		if n < 0 || n > len(w) {
			t.Fatalf("Count(%q) = %d, outside [0, %d]", w, n, len(w))
		}
	})
}

func BenchmarkCount(b *testing.B) {
	words := readKnown(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			Count(w.word)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(words)), "ns/word")
}
