package main

// Closed-class words written by us (plume authors), not taken from
// Dicollecte. The dictionary tags grammatical words well, elided ones (l',
// d', qu'…) included, but it reads « du » and « des » only as determiners
// although they are also the contraction de + le / de + les, lacks « si »
// as a conjunction and « ç' » altogether, and leaves a few lemmas as the
// surface form (« s' » conjunction, « presqu' », « au » preposition).
//
// An entry with replace set first drops the dictionary's analyses of that
// form with the same UPOS; other entries only add.
var closedClass = []struct {
	form    string
	lemma   string
	tag     string
	replace bool
}{
	{"ç'", "ça", "PRON|Gender=Epi|Number=Inv", false},
	{"s'", "si", "SCONJ", true},
	{"presqu'", "presque", "ADV", true},
	{"du", "de", "ADP", false},
	{"des", "de", "ADP", false},
	{"au", "à", "ADP", true},
	{"aux", "à", "ADP", true},
	{"si", "si", "SCONJ", false},
	{"les", "le", "PRON|Gender=Epi|Number=Plur", true},
}
