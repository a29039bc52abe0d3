package keyphrase

import "testing"

func TestPlainNoun(t *testing.T) {
	t.Parallel()
	for w, want := range map[string]bool{
		"piratage": true, "retraites": true, "croissance": true, "trottinettes": true,
		"wildfire": true,                  // unknown to the French lexicon: another language's noun
		"grandes":  false, "grand": false, // adjectives before the noun
		"pas": false, "bien": false, // adverbs the lexicon also knows as nouns
	} {
		if got := plainNoun(w); got != want {
			t.Errorf("plainNoun(%q) = %v, want %v", w, got, want)
		}
	}
}
