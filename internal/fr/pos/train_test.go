package pos

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// trainFixture returns a few hand-written tagged sentences, enough for the
// perceptron to learn its own training set.
func trainFixture() []Sentence {
	raw := []string{
		"Le/DET chat/NOUN dort/VERB ./PUNCT",
		"La/DET maison/NOUN est/AUX grande/ADJ ./PUNCT",
		"Il/PRON va/VERB au/ADP+DET marché/NOUN ./PUNCT",
		"Les/DET enfants/NOUN jouent/VERB dans/ADP le/DET jardin/NOUN ./PUNCT",
		"Marie/PROPN a/AUX mangé/VERB des/DET pommes/NOUN ./PUNCT",
		"Le/DET prix/NOUN des/ADP+DET pommes/NOUN augmente/VERB ./PUNCT",
		"Paris/PROPN est/AUX une/DET ville/NOUN ./PUNCT",
		"Nous/PRON avons/AUX vu/VERB le/DET film/NOUN du/ADP+DET jour/NOUN ./PUNCT",
	}
	var out []Sentence
	for _, r := range raw {
		var s Sentence
		for _, wt := range strings.Fields(r) {
			w, t, _ := strings.Cut(wt, "/")
			s.Words = append(s.Words, w)
			s.Tags = append(s.Tags, t)
			s.MWT = append(s.MWT, strings.Contains(t, "+"))
		}
		out = append(out, s)
	}
	return out
}

// mapDict is a Dict backed by a map, for tests.
type mapDict map[string][]string

func (d mapDict) Tags(w string) []string { return d[strings.ToLower(w)] }

func TestTrainLearnsFixture(t *testing.T) {
	t.Parallel()
	sents := trainFixture()
	for _, tc := range []struct {
		name string
		cfg  TrainConfig
	}{
		{"defaults", TrainConfig{}},
		{"no tag dictionary, no pruning", TrainConfig{TagDictMinFreq: -1, Prune: -1, Epochs: 5}},
		{"with dict", TrainConfig{Dict: mapDict{"chat": {"NOUN"}, "est": {"AUX", "VERB"}}}},
		{"bidirectional", TrainConfig{Bidirectional: true, TagDictMinFreq: -1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			model, err := Train(sents, tc.cfg)
			if err != nil {
				t.Fatal(err)
			}
			again, err := Train(sents, tc.cfg)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(model, again) {
				t.Error("training twice with one seed gave different models")
			}
			tg, err := Load(model, tc.cfg.Dict, nil)
			if err != nil {
				t.Fatal(err)
			}
			if want := map[bool]int{false: 1, true: 2}[tc.cfg.Bidirectional]; tg.m.bidi != tc.cfg.Bidirectional || len(tg.m.passes) != want {
				t.Errorf("model has bidi %v and %d passes, want %v and %d", tg.m.bidi, len(tg.m.passes), tc.cfg.Bidirectional, want)
			}
			acc := tg.Evaluate(sents, Vocabulary(sents))
			if acc.Tokens != 46 || acc.Multi != 3 || acc.Unknown != 0 {
				t.Errorf("counts %+v, want 46 tokens, 3 contractions, 0 unknown", acc)
			}
			if acc.Correct < acc.Tokens-1 {
				t.Errorf("training-set accuracy %s, want at most one error", acc)
			}
		})
	}
}

func TestTrainErrors(t *testing.T) {
	t.Parallel()
	if _, err := Train(nil, TrainConfig{}); err == nil {
		t.Error("Train(nil) gave no error")
	}
	if _, err := Train(trainFixture(), TrainConfig{Epochs: -1}); err == nil {
		t.Error("negative Epochs gave no error")
	}
	if _, err := Train(trainFixture(), TrainConfig{TagDictMinRatio: 2}); err == nil {
		t.Error("TagDictMinRatio 2 gave no error")
	}
	bad := []Sentence{{Words: []string{"a", "b"}, Tags: []string{"X"}}}
	if _, err := Train(bad, TrainConfig{}); err == nil {
		t.Error("words/tags length mismatch gave no error")
	}
	model, err := Train(trainFixture(), TrainConfig{Dict: mapDict{}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Load(model, nil, nil); err == nil {
		t.Error("Load without the dictionary the model was trained with gave no error")
	}
}

// udDir is where the Universal Dependencies treebanks live on the
// development machine; tests that need them skip elsewhere.
func udDir(t *testing.T) string {
	dir := os.Getenv("PLUME_UD_DIR")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "..", "shared", "data", "ud") // ../shared beside the repository
	}
	if _, err := os.Stat(filepath.Join(dir, "UD_French-GSD")); err != nil {
		t.Skipf("treebanks not found in %s (set PLUME_UD_DIR)", dir)
	}
	return dir
}

// TestTreebankAccuracy checks the embedded model on the two test sets it was
// never trained on. The thresholds sit a little under the measured figures
// (reported by cmd/postrain) so that a broken feature extractor fails.
func TestTreebankAccuracy(t *testing.T) {
	dir := udDir(t)
	for _, tc := range []struct {
		file string
		min  float64
	}{
		{"UD_French-Sequoia/fr_sequoia-ud-test.conllu", 98.0},
		{"UD_French-GSD/fr_gsd-ud-test.conllu", 96.0},
	} {
		f, err := os.Open(filepath.Join(dir, tc.file))
		if err != nil {
			t.Fatal(err)
		}
		sents, err := ReadCoNLLU(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		acc := Default().Evaluate(sents, nil)
		t.Logf("%s: %s", filepath.Base(tc.file), acc)
		if got := pct(acc.Correct, acc.Tokens); got < tc.min {
			t.Errorf("%s: surface accuracy %.2f%%, want ≥ %.1f%%", tc.file, got, tc.min)
		}
	}
}

// TestModelMatchesLexicon fails when the lexicon has changed since the
// embedded model was trained: the model's ambiguity-class features would
// then no longer mean what they meant in training. Retrain with
// cmd/postrain when it fails.
func TestModelMatchesLexicon(t *testing.T) {
	t.Parallel()
	m, err := decode(modelData)
	if err != nil {
		t.Fatal(err)
	}
	if !m.useDict {
		t.Fatal("embedded model was trained without the lexicon")
	}
	if got := dictFingerprint(defaultLexicon()); got != m.dictPrint {
		t.Errorf("lexicon fingerprint %x, model trained with %x: retrain the model (see MODEL_LICENSE.md)", got, m.dictPrint)
	}
}
