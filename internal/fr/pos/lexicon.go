package pos

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode"

	"github.com/plume-seo/plume/internal/fr/lexicon"
)

// LexiconDict adapts plume's French lexicon (package lexicon) to the tagger:
// it is the Dict whose ambiguity classes the embedded model was trained with
// and the Lemmatizer that Default uses.
type LexiconDict struct {
	lex *lexicon.Lexicon
	// cache memoises tagBits: a binary search in 470,000 forms costs more
	// than the rest of tagging a token, and news copy repeats its words.
	// It stops growing at cacheMax entries so that odd input cannot make
	// it grow without bound.
	cache  sync.Map // string → [2]uint64
	cached atomic.Int64
}

const cacheMax = 1 << 17

// NewLexiconDict wraps lex; use lexicon.Default() for the embedded one.
func NewLexiconDict(lex *lexicon.Lexicon) *LexiconDict { return &LexiconDict{lex: lex} }

// Tags returns the UPOS tags the lexicon gives word under any of its
// spellings (exact, lower-cased, title-cased).
func (d *LexiconDict) Tags(word string) []string {
	set := d.lex.TagSetFold(word)
	var out []string
	for _, p := range set.POS() {
		out = append(out, p.String())
	}
	return out
}

// tagBits is the allocation-free form of Tags used for features: the exact
// spelling's tag set and the case-folded spellings' set, packed. Telling
// them apart matters: « Le » is known only once folded, « Microsoft » as
// spelt.
//
// morph is the set of verb forms among the readings (infinitive, past or
// present participle, finite), which separate ADJ from VERB and AUX from
// VERB better than the tag set alone.
func (d *LexiconDict) tagBits(word string) (tags, morph uint64) {
	if v, ok := d.cache.Load(word); ok {
		b := v.([2]uint64)
		return b[0], b[1]
	}
	tags, morph = d.lookupBits(word)
	if d.cached.Load() < cacheMax {
		// Clone: word may be a slice of a large text kept alive otherwise.
		if _, loaded := d.cache.LoadOrStore(strings.Clone(word), [2]uint64{tags, morph}); !loaded {
			d.cached.Add(1)
		}
	}
	return tags, morph
}

func (d *LexiconDict) lookupBits(word string) (tags, morph uint64) {
	exact := d.lex.TagSet(word)
	fold := exact
	for _, r := range word {
		if unicode.IsUpper(r) {
			fold = d.lex.TagSetFold(word)
			break
		}
	}
	if fold.Has(lexicon.Verb) || fold.Has(lexicon.Aux) || fold.Has(lexicon.Adj) {
		var buf [16]lexicon.Analysis
		anas := d.lex.AppendLookup(buf[:0], word)
		if len(anas) == 0 {
			anas = d.lex.LookupFold(word)
		}
		for _, a := range anas {
			switch a.VerbForm {
			case lexicon.Inf:
				morph |= 1
			case lexicon.Part:
				if a.Tense == lexicon.TensePres {
					morph |= 2
				} else {
					morph |= 4
				}
			case lexicon.Fin:
				morph |= 8
			}
		}
	}
	return uint64(exact) | uint64(fold)<<32, morph
}

// contractions gives the lemmas of the contracted tokens the treebanks
// split and the tagger keeps whole.
var contractions = map[string]string{
	"du": "de+le", "des": "de+les", "au": "à+le", "aux": "à+les",
	"auquel": "à+lequel", "auxquels": "à+lesquels", "auxquelles": "à+lesquelles",
	"duquel": "de+lequel", "desquels": "de+lesquels", "desquelles": "de+lesquelles",
}

// Lemma returns the lemma of word read as tag: for a compound tag the
// lemmas of the contraction's parts ("de+le"); otherwise the lemma of the
// lexicon analysis with that part of speech, AUX and VERB standing in for
// each other, preferring the word itself when several lemmas fit
// (« fils » NOUN → "fils", not "fil").
func (d *LexiconDict) Lemma(word, tag string) (string, bool) {
	if strings.Contains(tag, "+") {
		l, ok := contractions[strings.ToLower(word)]
		return l, ok
	}
	p, ok := lexicon.ParsePOS(tag)
	if !ok {
		return "", false
	}
	var buf [8]lexicon.Analysis
	anas := d.lex.AppendLookup(buf[:0], word)
	if len(anas) == 0 {
		anas = d.lex.LookupFold(word)
	}
	if l, ok := pickLemma(anas, word, p); ok {
		return l, true
	}
	switch p {
	case lexicon.Aux:
		return pickLemma(anas, word, lexicon.Verb)
	case lexicon.Verb:
		return pickLemma(anas, word, lexicon.Aux)
	}
	return "", false
}

func pickLemma(anas []lexicon.Analysis, word string, p lexicon.POS) (string, bool) {
	found := ""
	for _, a := range anas {
		if a.POS != p {
			continue
		}
		if strings.EqualFold(a.Lemma, word) {
			return a.Lemma, true
		}
		if found == "" {
			found = a.Lemma
		}
	}
	return found, found != ""
}
