// Package pos tags French surface tokens with Universal Dependencies
// part-of-speech tags (UPOS) and gives their lemmas.
//
// It takes one sentence already split into surface tokens, as plume's
// tokeniser gives them: elided forms such as « L' » and « qu' » are their own
// tokens, and contractions such as « du », « au », « des » and « auquel » are
// NOT split. It gives one tag per token. Because the treebanks split
// contractions into syntactic words (« du » = « de » + « le ») and the tagger
// does not, a contraction gets a compound tag joining its parts' tags with
// "+": « du », « au », « aux » → "ADP+DET"; « auquel », « duquel » →
// "ADP+PRON"; « des » is "DET" as the indefinite article (« des pirates »)
// and "ADP+DET" as de + les (« le prix des pommes »). Lemma picks the
// lexicon analysis whose part of speech matches the tag (« du » → "de+le").
//
// The tagger is a bidirectional greedy averaged perceptron (Collins 2002)
// whose features are the word and its neighbours, affixes, shape, the two
// previously predicted tags and the ambiguity class that package lexicon
// gives each word; see train.go. One perceptron tags the sentence left to
// right, another right to left, and each token gets the class with the
// highest sum of their scores, so that the predicted tags on both sides of
// a word count. Its model is embedded with go:embed and decoded once,
// lazily, by Default.
//
// The package never reads files or the network at run time. Training
// (ReadCoNLLU, Train, Evaluate) is used by cmd/postrain, which reads the
// Universal Dependencies treebanks from a path given on its command line.
package pos
