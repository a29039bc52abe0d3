package pos

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"
)

// newsCases are sentences from the seed articles in testdata (French news
// copy about Microsoft mail intrusions), tokenised by hand the way plume's
// tokeniser does: elisions split off, contractions kept whole. want maps a
// token index to the tags accepted there; only tags that matter and that a
// French reader would not dispute are asserted.
var newsCases = []struct {
	name  string
	words []string
	want  map[int][]string
}{
	{
		name:  "agence nationale",
		words: []string{"L’", "Agence", "nationale", "de", "sécurité", "a", "également", "un", "rôle", "dans", "la", "réponse", "."},
		want: map[int][]string{
			0: {"DET"}, 1: {"NOUN", "PROPN"}, 2: {"ADJ"}, 3: {"ADP"}, 4: {"NOUN"},
			5: {"VERB"}, 6: {"ADV"}, 7: {"DET"}, 8: {"NOUN"}, 9: {"ADP"}, 10: {"DET"}, 11: {"NOUN"}, 12: {"PUNCT"},
		},
	},
	{
		name:  "maison blanche",
		words: []string{"La", "Maison", "Blanche", "a", "refusé", "de", "commenter", "le", "nombre", "de", "victimes", "touchées", "."},
		want: map[int][]string{
			// The treebanks tag this name both ways: PROPN PROPN (the
			// usual UD choice) and NOUN ADJ (GSD's « Maison Blanche »).
			0: {"DET"}, 1: {"PROPN", "NOUN"}, 2: {"PROPN", "ADJ"}, 3: {"AUX"}, 4: {"VERB"}, 5: {"ADP"},
			6: {"VERB"}, 7: {"DET"}, 8: {"NOUN"}, 9: {"ADP"}, 10: {"NOUN"}, 11: {"VERB", "ADJ"},
		},
	},
	{
		name:  "pirates en chine",
		words: []string{"Des", "pirates", "informatiques", "basés", "en", "Chine", "ont", "accédé", "aux", "comptes", "de", "messagerie", "d’", "environ", "25", "organisations", "."},
		want: map[int][]string{
			0: {"DET"}, 1: {"NOUN"}, 2: {"ADJ"}, 3: {"VERB", "ADJ"}, 4: {"ADP"}, 5: {"PROPN"}, 6: {"AUX"},
			7: {"VERB"}, 8: {"ADP+DET"}, 9: {"NOUN"}, 10: {"ADP"}, 11: {"NOUN"}, 12: {"ADP"}, 14: {"NUM"}, 15: {"NOUN"},
		},
	},
	{
		name:  "géant du logiciel",
		words: []string{"Le", "géant", "du", "logiciel", "n’", "a", "pas", "précisé", "où", "sont", "basées", "les", "agences", "gouvernementales", "."},
		want: map[int][]string{
			0: {"DET"}, 1: {"NOUN"}, 2: {"ADP+DET"}, 3: {"NOUN"}, 4: {"ADV"}, 5: {"AUX"}, 6: {"ADV"},
			7: {"VERB"}, 9: {"AUX"}, 11: {"DET"}, 12: {"NOUN"}, 13: {"ADJ"},
		},
	},
	{
		name:  "directive du 2 avril",
		words: []string{"Dans", "la", "directive", "du", "2", "avril", ",", "l'", "agence", "prévenait", "que", "des", "pirates", "exploitaient", "les", "informations", "d'", "authentification", "."},
		want: map[int][]string{
			0: {"ADP"}, 1: {"DET"}, 2: {"NOUN"}, 3: {"ADP+DET"}, 4: {"NUM"}, 5: {"NOUN"}, 6: {"PUNCT"}, 7: {"DET"},
			8: {"NOUN"}, 9: {"VERB"}, 10: {"SCONJ"}, 11: {"DET"}, 12: {"NOUN"}, 13: {"VERB"}, 14: {"DET"},
			15: {"NOUN"}, 16: {"ADP"}, 17: {"NOUN"},
		},
	},
	{
		name:  "secrétaire d'état",
		words: []string{"La", "secrétaire", "d’", "État", "au", "commerce", ",", "Gina", "Raimondo", ",", "fait", "partie", "des", "personnes", "touchées", "par", "la", "faille", "."},
		want: map[int][]string{
			0: {"DET"}, 1: {"NOUN"}, 4: {"ADP+DET"}, 5: {"NOUN"}, 7: {"PROPN"}, 8: {"PROPN"},
			10: {"VERB"}, 11: {"NOUN"}, 12: {"ADP+DET"}, 13: {"NOUN"}, 15: {"ADP"}, 17: {"NOUN"},
		},
	},
}

func TestDefaultTagsNews(t *testing.T) {
	t.Parallel()
	tg := Default()
	if tg.m == nil {
		t.Fatal("embedded model did not load")
	}
	for _, tc := range newsCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := tg.Tag(tc.words)
			if len(got) != len(tc.words) {
				t.Fatalf("Tag gave %d tags for %d words", len(got), len(tc.words))
			}
			for i, want := range tc.want {
				if !contains(want, got[i]) {
					t.Errorf("%q (#%d) tagged %s, want one of %v\n  sentence: %v", tc.words[i], i, got[i], want, pairs(tc.words, got))
				}
			}
		})
	}
}

func contains(set []string, s string) bool {
	for _, x := range set {
		if x == s {
			return true
		}
	}
	return false
}

func pairs(words, tags []string) string {
	var b strings.Builder
	for i, w := range words {
		b.WriteString(w + "/" + tags[i] + " ")
	}
	return b.String()
}

func TestDefaultModel(t *testing.T) {
	t.Parallel()
	tg := Default()
	if Default() != tg {
		t.Error("Default returned a different tagger on the second call")
	}
	tags := tg.Tags()
	for _, want := range []string{"ADJ", "ADP", "ADP+DET", "AUX", "DET", "NOUN", "NUM", "PRON", "PROPN", "PUNCT", "VERB"} {
		if !contains(tags, want) {
			t.Errorf("tag set %v lacks %s", tags, want)
		}
	}
	if got := tg.Tag(nil); len(got) != 0 {
		t.Errorf("Tag(nil) = %v, want empty", got)
	}
}

func TestTypographicApostrophe(t *testing.T) {
	t.Parallel()
	// The treebanks write ' but French copy mostly ’: both must tag alike.
	tg := Default()
	a := tg.Tag([]string{"L'", "agence", "n'", "a", "pas", "répondu", "."})
	b := tg.Tag([]string{"L’", "agence", "n’", "a", "pas", "répondu", "."})
	if strings.Join(a, " ") != strings.Join(b, " ") {
		t.Errorf("tags differ: %v vs %v", a, b)
	}
}

func TestNilAndEmptyTagger(t *testing.T) {
	t.Parallel()
	for _, tg := range []*Tagger{nil, {}} {
		got := tg.Tag([]string{"le", "chat"})
		if len(got) != 2 || got[0] != fallbackTag || got[1] != fallbackTag {
			t.Errorf("tagger without model: Tag = %v, want [X X]", got)
		}
		if l := tg.Lemma("Chat", "NOUN"); l != "chat" {
			t.Errorf("tagger without model: Lemma = %q, want chat", l)
		}
	}
}

func TestLemmaFallback(t *testing.T) {
	t.Parallel()
	tg := &Tagger{}
	for _, tc := range []struct{ word, tag, want string }{
		{"Agence", "NOUN", "agence"},
		{"L’", "DET", "l'"},
		{"ÉTATS-UNIS", "PROPN", "états-unis"},
	} {
		if got := tg.Lemma(tc.word, tc.tag); got != tc.want {
			t.Errorf("Lemma(%q, %q) = %q, want %q", tc.word, tc.tag, got, tc.want)
		}
	}
}

func TestConcurrentTag(t *testing.T) {
	t.Parallel()
	tg := Default()
	want := tg.Tag(newsCases[0].words)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 50 {
				for _, tc := range newsCases {
					if got := tg.Tag(tc.words); len(got) != len(tc.words) {
						t.Errorf("concurrent Tag: %d tags for %d words", len(got), len(tc.words))
					}
				}
				if got := tg.Tag(newsCases[0].words); strings.Join(got, " ") != strings.Join(want, " ") {
					t.Errorf("concurrent Tag = %v, want %v", got, want)
				}
			}
		}()
	}
	wg.Wait()
}

func TestLoadRejectsBadModels(t *testing.T) {
	t.Parallel()
	good := modelData
	cases := map[string][]byte{
		"empty":     nil,
		"magic":     append([]byte("NOTAPOS!"), good[8:]...),
		"truncated": good[:len(good)/2],
		"trailing":  append(append([]byte(nil), good...), 0),
		"header":    good[:20],
	}
	for name, data := range cases {
		if _, err := Load(data, nil, nil); err == nil {
			t.Errorf("%s: Load accepted a bad model", name)
		}
	}
	if m, err := decode(good); err != nil || len(m.classes) < 17 {
		t.Errorf("embedded model: err %v", err)
	}
}

// TestBidirectionalSumsScores checks how a bidirectional model combines its
// passes, on hand-made weights: only the bias feature, which every token
// has, with the left-to-right pass for class A and the right-to-left pass
// for class B. The pass whose real weight (int16 weight × scale) is larger
// wins; a model with only the first pass follows it.
func TestBidirectionalSumsScores(t *testing.T) {
	t.Parallel()
	bias := key1(fBias, 0)
	pass := func(scale float32, class uint8, w int16) encodedTable {
		return encodedTable{scale: scale, feats: []feature{{key: bias, cls: []uint8{class}, wts: []int16{w}}}}
	}
	classes := []string{"A", "B"}
	words := []string{"un", "deux", "trois"}
	for _, tc := range []struct {
		name   string
		bidi   bool
		passes []encodedTable
		want   string
	}{
		{"forward only", false, []encodedTable{pass(1, 0, 1)}, "A A A"},
		{"backward larger", true, []encodedTable{pass(1, 0, 1), pass(1, 1, 3)}, "B B B"},
		{"forward larger by scale", true, []encodedTable{pass(10, 0, 1), pass(1, 1, 3)}, "A A A"},
	} {
		data := encode(classes, false, tc.bidi, 0, nil, nil, tc.passes)
		tg, err := Load(data, nil, nil)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if got := strings.Join(tg.Tag(words), " "); got != tc.want {
			t.Errorf("%s: tags %q, want %q", tc.name, got, tc.want)
		}
	}
	// A bidirectional model needs exactly two passes; any model one or two.
	for name, m := range map[string][]byte{
		"bidi with one pass": encode(classes, false, true, 0, nil, nil, []encodedTable{pass(1, 0, 1)}),
		"no pass":            encode(classes, false, false, 0, nil, nil, nil),
		"three passes":       encode(classes, false, false, 0, nil, nil, []encodedTable{pass(1, 0, 1), pass(1, 0, 1), pass(1, 0, 1)}),
	} {
		if _, err := Load(m, nil, nil); err == nil {
			t.Errorf("%s: Load accepted the model", name)
		}
	}
}

// tokenize splits text into sentences of surface tokens roughly as plume's
// tokeniser does, for benchmarks: punctuation apart, elided articles and
// pronouns (l’, d’, qu’…) split after the apostrophe.
func tokenize(text string) [][]string {
	var sents [][]string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			sents = append(sents, cur)
			cur = nil
		}
	}
	for _, line := range strings.Split(text, "\n") {
		for _, f := range strings.Fields(line) {
			for f != "" {
				i := strings.IndexFunc(f, func(r rune) bool { return r == '\'' || r == '’' })
				if i > 0 && i <= 5 && strings.IndexFunc(f[:i], func(r rune) bool { return !unicode.IsLetter(r) }) < 0 {
					cur = append(cur, f[:i+len(string([]rune(f[i:])[0]))])
					f = f[i+len(string([]rune(f[i:])[0])):]
					continue
				}
				var trail []string
				for f != "" {
					r := []rune(f)
					last := r[len(r)-1]
					if !unicode.IsPunct(last) || len(r) == 1 {
						break
					}
					trail = append([]string{string(last)}, trail...)
					f = string(r[:len(r)-1])
				}
				if f != "" {
					cur = append(cur, f)
				}
				for _, p := range trail {
					cur = append(cur, p)
					if p == "." || p == "!" || p == "?" {
						flush()
					}
				}
				break
			}
		}
		flush()
	}
	return sents
}

// article returns about n words of seed news copy as tokenised sentences.
func article(tb testing.TB, n int) [][]string {
	tb.Helper()
	files, err := filepath.Glob("../../../testdata/seeds/*.txt")
	if err != nil || len(files) == 0 {
		tb.Fatalf("no seed articles in testdata: %v", err)
	}
	var all [][]string
	words := 0
	for words < n {
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				tb.Fatal(err)
			}
			for _, s := range tokenize(string(b)) {
				if words >= n {
					return all
				}
				all = append(all, s)
				words += len(s)
			}
		}
	}
	return all
}

func TestTokenizeHelper(t *testing.T) {
	t.Parallel()
	got := tokenize("L’agence a dit qu'elle (CISA) partira. Oui !")
	want := [][]string{{"L’", "agence", "a", "dit", "qu'", "elle", "(CISA", ")", "partira", "."}, {"Oui", "!"}}
	if len(got) != len(want) {
		t.Fatalf("tokenize = %q", got)
	}
	for i := range want {
		if strings.Join(got[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("sentence %d = %q, want %q", i, got[i], want[i])
		}
	}
}

// BenchmarkLoad measures decoding the embedded model; the lexicon, decoded
// once by package lexicon, is loaded before the timer starts.
func BenchmarkLoad(b *testing.B) {
	dict := defaultLexicon()
	dict.Tags("le")
	b.ReportAllocs()
	b.ResetTimer()
	b.SetBytes(int64(len(modelData)))
	for b.Loop() {
		if _, err := Load(modelData, dict, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTagArticle tags a 1,000-word article sentence by sentence.
func BenchmarkTagArticle(b *testing.B) {
	sents := article(b, 1000)
	tg := Default()
	n := 0
	for _, s := range sents {
		n += len(s)
	}
	out := make([]string, 200)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		// The model alone: the sentence cache would make every repeat free.
		for _, s := range sents {
			tg.tag(s, out[:len(s)])
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkTagSentence(b *testing.B) {
	tg := Default()
	words := newsCases[4].words
	out := make([]string, len(words))
	b.ReportAllocs()
	for b.Loop() {
		tg.tag(words, out)
	}
	b.ReportMetric(float64(len(words))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkTagSentenceCached is Tag on a sentence seen before, as the
// pipeline's later stages call it.
func BenchmarkTagSentenceCached(b *testing.B) {
	tg := Default()
	words := newsCases[4].words
	tg.Tag(words)
	b.ReportAllocs()
	for b.Loop() {
		tg.Tag(words)
	}
}

func TestTagCache(t *testing.T) {
	t.Parallel()
	tg := Default()
	words := []string{"Le", "cache", "rend", "la", "même", "réponse", "."}
	first := tg.Tag(words)
	first[0] = "MUTATED" // callers own their result
	second := tg.Tag(words)
	if second[0] == "MUTATED" || strings.Join(second, " ") != strings.Join(tg.Tag(words), " ") {
		t.Errorf("cached tags changed: %v", second)
	}
	out := make([]string, len(words))
	tg.tag(words, out)
	if strings.Join(out, " ") != strings.Join(second, " ") {
		t.Errorf("cached %v, uncached %v", second, out)
	}
}

func TestDefaultLemma(t *testing.T) {
	t.Parallel()
	tg := Default()
	for _, tc := range []struct{ word, tag, want string }{
		{"touchées", "VERB", "toucher"},
		{"touchées", "ADJ", "touché"},
		{"a", "AUX", "avoir"},
		{"sont", "AUX", "être"},
		{"agences", "NOUN", "agence"},
		{"Agences", "NOUN", "agence"},
		{"fils", "NOUN", "fils"},
		{"du", "ADP+DET", "de+le"},
		{"Aux", "ADP+DET", "à+les"},
		{"L’", "DET", "le"},
		{"Microsoft", "PROPN", "Microsoft"},
		{"Hafnium", "PROPN", "hafnium"}, // unknown: lower-cased
		{"xyzzyq", "NOUN", "xyzzyq"},
	} {
		if got := tg.Lemma(tc.word, tc.tag); got != tc.want {
			t.Errorf("Lemma(%q, %q) = %q, want %q", tc.word, tc.tag, got, tc.want)
		}
	}
}

// TestTagThenLemma runs the two together as callers will.
func TestTagThenLemma(t *testing.T) {
	t.Parallel()
	tg := Default()
	words := []string{"Les", "pirates", "ont", "accédé", "aux", "comptes", "."}
	tags := tg.Tag(words)
	var lemmas []string
	for i, w := range words {
		lemmas = append(lemmas, tg.Lemma(w, tags[i]))
	}
	if got, want := strings.Join(lemmas, " "), "le pirate avoir accéder à+les compte ."; got != want {
		t.Errorf("lemmas %q, want %q (tags %v)", got, want, tags)
	}
}

// TestPrefaultedModelEqualsHeap checks that the model decoded into
// prefaulted memory, as Default's is, holds the same tables as one decoded
// on the Go heap.
func TestPrefaultedModelEqualsHeap(t *testing.T) {
	t.Parallel()
	pre, err := decodeIn(modelData, true)
	if err != nil {
		t.Fatal(err)
	}
	heap, err := decode(modelData)
	if err != nil {
		t.Fatal(err)
	}
	if len(pre.passes) != len(heap.passes) {
		t.Fatalf("%d passes, on the heap %d", len(pre.passes), len(heap.passes))
	}
	for i := range pre.passes {
		a, b := pre.passes[i], heap.passes[i]
		if a.scale != b.scale || a.mask != b.mask || !slices.Equal(a.slots, b.slots) || !slices.Equal(a.pairs, b.pairs) {
			t.Fatalf("pass %d differs", i)
		}
		if len(a.pairs) == 0 || cap(a.pairs) != len(a.pairs) {
			t.Errorf("pass %d: %d pairs in a slice of capacity %d: countPairs should size it exactly", i, len(a.pairs), cap(a.pairs))
		}
	}
}
