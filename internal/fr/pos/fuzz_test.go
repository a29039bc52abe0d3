package pos

import (
	"strings"
	"testing"
)

// FuzzTag checks that any tokens give one known tag each, without panic.
// The fuzzer's string is split on '|' into tokens so that empty tokens,
// spaces inside tokens and invalid UTF-8 are all reachable.
func FuzzTag(f *testing.F) {
	for _, tc := range newsCases {
		f.Add(strings.Join(tc.words, "|"))
	}
	f.Add("")
	f.Add("|||")
	f.Add("\xff\xfe|É|’|0000|--")
	tg := Default()
	known := map[string]bool{}
	for _, c := range tg.Tags() {
		known[c] = true
	}
	f.Fuzz(func(t *testing.T, in string) {
		words := strings.Split(in, "|")
		got := tg.Tag(words)
		if len(got) != len(words) {
			t.Fatalf("%d tags for %d words", len(got), len(words))
		}
		for i, g := range got {
			if !known[g] {
				t.Fatalf("word %q got unknown tag %q", words[i], g)
			}
			_ = tg.Lemma(words[i], g)
		}
	})
}

// FuzzLoad checks that corrupt model bytes give an error, never a panic.
func FuzzLoad(f *testing.F) {
	f.Add(modelData[:200])
	f.Add([]byte(magic))
	small, err := Train(trainFixture(), TrainConfig{Epochs: 2})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(small)
	f.Fuzz(func(t *testing.T, data []byte) {
		tg, err := Load(data, nil, nil)
		if err != nil {
			return
		}
		if got := tg.Tag([]string{"le", "chat", "dort"}); len(got) != 3 {
			t.Fatalf("%d tags for 3 words", len(got))
		}
	})
}
