package pos

import (
	"strings"
	"testing"
)

func TestNormalisation(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ a, b string }{
		{"L’", "l'"},
		{"AUJOURD’HUI", "aujourd'hui"},
		{"2021", "1999"}, // digit values carry no tag information
		{"«", "»"},
		{"États", "états"},
	} {
		if hashNorm(tc.a) != hashNorm(tc.b) {
			t.Errorf("%q and %q should normalise alike (%q, %q)", tc.a, tc.b, normWord(tc.a), normWord(tc.b))
		}
		if hashNorm(tc.a) != makeTok(tc.a, &tokCtx{}).word {
			t.Errorf("makeTok(%q).word differs from hashNorm", tc.a)
		}
	}
	if hashNorm("été") == hashNorm("ete") {
		t.Error("accents must not be folded: été and ete are different words")
	}
}

func TestMakeTokAffixes(t *testing.T) {
	t.Parallel()
	ctx := &tokCtx{}
	long := makeTok("Sécurité", ctx)
	other := makeTok("sécurisé", ctx)
	// Same first four runes (case folded), different endings.
	for k := 0; k < 4; k++ {
		if long.pre[k] != other.pre[k] {
			t.Errorf("prefix %d of sécurité and sécurisé differ", k+1)
		}
	}
	if long.suf[0] != other.suf[0] { // both end in é
		t.Error("suffix 1 of sécurité and sécurisé differ")
	}
	if long.suf[1] == other.suf[1] { // té vs sé
		t.Error("suffix 2 of sécurité and sécurisé are equal")
	}
	if long.flags&flCap == 0 || other.flags&flCap != 0 {
		t.Errorf("capital flags: %b %b", long.flags, other.flags)
	}
	short := makeTok("à", ctx)
	if short.pre[0] != short.word || short.suf[0] != makeTok("À", ctx).suf[0] {
		t.Error("one-rune word: prefix 1 should be the word, suffix case-folded")
	}
	if short.pre[1] == short.pre[2] || short.suf[1] == short.suf[3] {
		t.Error("missing affixes of a short word must stay distinct by length")
	}
	for _, tc := range []struct {
		word string
		flag uint64
	}{
		{"CISA", flAllCaps}, {"30", flDigit}, {"multi-agences", flHyphen}, {"l'", flApos}, {"qu’", flApos}, {",", flPunct},
	} {
		if makeTok(tc.word, ctx).flags&tc.flag == 0 {
			t.Errorf("%q lacks flag %b", tc.word, tc.flag)
		}
	}
}

func TestExtractCount(t *testing.T) {
	t.Parallel()
	ctx := &tokCtx{dict: mapDict{"le": {"DET", "PRON"}}}
	for _, words := range [][]string{{"x"}, {"le", "chat"}, {"a", "b", "c", "d", "e"}} {
		toks := make([]tok, len(words))
		for i, w := range words {
			toks[i] = makeTok(w, ctx)
		}
		for i := range toks {
			f := extract(nil, toks, i, 3, 4)
			if len(f) != maxFeatures {
				t.Fatalf("%v[%d]: %d features, want %d", words, i, len(f), maxFeatures)
			}
			seen := map[uint64]bool{}
			for _, k := range f {
				seen[k] = true
			}
			if len(seen) < maxFeatures-2 {
				t.Errorf("%v[%d]: only %d distinct keys of %d", words, i, len(seen), maxFeatures)
			}
		}
	}
}

func TestAmbClassOrderFree(t *testing.T) {
	t.Parallel()
	a, _ := ambClass("x", mapDict{"x": {"NOUN", "ADJ"}}, nil)
	b, _ := ambClass("x", mapDict{"x": {"ADJ", "NOUN"}}, nil)
	c, _ := ambClass("x", mapDict{"x": {"NOUN"}}, nil)
	u, _ := ambClass("y", mapDict{}, nil)
	if a != b || a == c || u != 0 {
		t.Errorf("ambiguity classes: %x %x %x %x", a, b, c, u)
	}
}

// BenchmarkFeatures compares the two designs the brief allowed: hashed
// feature keys in an open-addressing table (what the tagger does) against
// string features looked up in a Go map (the classic design).
func BenchmarkFeatures(b *testing.B) {
	words := strings.Fields("L' Agence nationale de sécurité a également un rôle dans la réponse , bien qu' il ne soit pas immédiatement clair si son implication est codifiée .")
	tg := Default()
	b.Run("hashed", func(b *testing.B) {
		b.ReportAllocs()
		toks := make([]tok, len(words))
		feats := make([]uint64, 0, maxFeatures)
		scores := make([]int32, len(tg.m.classes))
		for b.Loop() {
			for i, w := range words {
				toks[i] = makeTok(w, &tokCtx{seen: tg.m.seen})
			}
			for i := range toks {
				feats = extract(feats[:0], toks, i, 1, 2)
				tg.m.passes[0].score(feats, scores)
			}
		}
		b.ReportMetric(float64(len(words))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	})
	b.Run("strings", func(b *testing.B) {
		b.ReportAllocs()
		// A map as large as the model, keyed by feature strings.
		table := make(map[string]int32, len(tg.m.passes[0].slots)*2/3)
		for i := range len(tg.m.passes[0].slots) * 2 / 3 {
			table["f"+strings.Repeat("x", i%7)+string(rune(i))] = int32(i)
		}
		norm := make([]string, len(words))
		var sum int32
		for b.Loop() {
			for i, w := range words {
				norm[i] = strings.ToLower(w)
			}
			at := func(i int) string {
				if i < 0 || i >= len(norm) {
					return "<s>"
				}
				return norm[i]
			}
			for i, w := range norm {
				r := []rune(w)
				fs := []string{"bias", "w=" + w, "w-1=" + at(i-1), "w+1=" + at(i+1), "w-2=" + at(i-2), "w+2=" + at(i+2),
					"t-1=NOUN", "t-2=DET", "t-1t-2=NOUN DET", "t-1w=NOUN " + w, "w-1w=" + at(i-1) + " " + w, "ww+1=" + w + " " + at(i+1)}
				for k := 1; k <= 4 && k <= len(r); k++ {
					fs = append(fs, "p"+string(rune('0'+k))+"="+string(r[:k]), "s"+string(rune('0'+k))+"="+string(r[len(r)-k:]))
				}
				for len(fs) < maxFeatures {
					fs = append(fs, "x="+w)
				}
				for _, f := range fs {
					sum += table[f]
				}
			}
		}
		_ = sum
		b.ReportMetric(float64(len(words))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	})
}
