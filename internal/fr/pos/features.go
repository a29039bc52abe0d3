package pos

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Dict gives the parts of speech a dictionary allows for a word form (its
// ambiguity class). The tagger uses it as a feature, which helps most on
// words the treebanks never show. The model must be used with the same
// dictionary it was trained with.
type Dict interface {
	// Tags returns the UPOS tags the form can have, or nil when the form
	// is unknown. The order does not matter.
	Tags(word string) []string
}

// Features are 64-bit hashes of (template, value) pairs rather than strings:
// building and hashing strings per token costs allocations, while hashing
// precomputed per-token values costs a few multiplications. With about 10^6
// distinct features a 64-bit collision is practically impossible, so the
// model still stores exact keys.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// mix is the splitmix64 finaliser; it spreads template ids and combined
// values over all 64 bits.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

func key1(tmpl, a uint64) uint64    { return mix(tmpl*0x9e3779b97f4a7c15 ^ a) }
func key2(tmpl, a, b uint64) uint64 { return mix(key1(tmpl, a) ^ b*0xc2b2ae3d27d4eb4f) }

// Feature templates. The numbering is part of the model format: changing it
// requires retraining.
const (
	fBias = iota + 1
	fWord
	fPrevWord
	fNextWord
	fPrev2Word
	fNext2Word
	fSuf1
	fSuf2
	fSuf3
	fSuf4
	fPre1
	fPre2
	fPre3
	fPre4
	fShape
	fFlagsInitial
	fPrevTag
	fPrev2Tag
	fPrevTags
	fPrevTagWord
	fPrevSuf3
	fNextSuf3
	fAmb
	fPrevAmb
	fNextAmb
	fAmbPrevTag
	fWordNext
	fPrevWordWord
	fNextShape
	fNext2Amb
	fPrevTagNextWord
	fWordCase
	fSuf3Case
	fPrevWordCase
	fNextSeen
	fNext2Seen
	fContentSuf3
	fContentSeen
	fWordContentSuf2
	fMorph
	fNextMorph
	fContentMorph
	fSufAmb
	fPrevTagNextAmb
	numTemplates
)

// maxFeatures is the number of features extract emits per token.
const maxFeatures = numTemplates - 1

// shape flags
const (
	flCap = 1 << iota
	flAllCaps
	flDigit
	flHyphen
	flApos
	flPunct
	flInitial
)

// tok holds the per-token values that the feature templates combine, so
// that each token is normalised and hashed once.
type tok struct {
	word  uint64 // normalised form
	pre   [4]uint64
	suf   [4]uint64
	shape uint64
	amb   uint64 // ambiguity class from the Dict; 0 when unknown
	morph uint64 // verb forms the Dict allows (bitsDict only)
	flags uint64
	seen  uint64 // tag set seen in training for a frequent word; 0 otherwise
	// adverb marks words only ever seen as adverbs (ne, pas, également…),
	// which the look-ahead skips.
	adverb bool
}

// Sentinels for positions before and after the sentence.
var (
	tokStart = tok{word: mix(1), seen: mix(1), suf: [4]uint64{mix(1), mix(1), mix(1), mix(1)}, shape: mix(1), amb: mix(1)}
	tokEnd   = tok{word: mix(2), seen: mix(2), suf: [4]uint64{mix(2), mix(2), mix(2), mix(2)}, shape: mix(2), amb: mix(2)}
)

// normRune folds the variants that carry no part-of-speech information:
// case, typographic apostrophes and quotes, and digit values.
func normRune(r rune) rune {
	switch r {
	case '’', 'ʼ', '`', '´':
		return '\''
	case '«', '»', '“', '”', '„', '‹', '›':
		return '"'
	case '–', '—':
		return '-'
	}
	if r >= '0' && r <= '9' {
		return '0'
	}
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	if unicode.IsDigit(r) {
		return '0'
	}
	return unicode.ToLower(r)
}

// normWord returns the normalised form of w, the one that keys the tag
// dictionary. It allocates only when w changes.
func normWord(w string) string {
	return strings.Map(normRune, w)
}

// hashNorm returns the hash of normWord(w) without building it.
func hashNorm(w string) uint64 {
	h := uint64(fnvOffset)
	for _, r := range w {
		h = (h ^ uint64(normRune(r))) * fnvPrime
	}
	return h
}

// makeTok computes the per-token values of w.
// tokCtx holds what makeTok needs besides the word.
type tokCtx struct {
	dict  Dict
	cache map[string][2]uint64 // ambiguity classes by word; nil: no caching
	seen  map[uint64]uint64    // tag sets of frequent training words
	adv   uint64               // the tag set {ADV}
}

// seenSet hashes a set of class ids the way buildTagDict does.
func seenSet(ids ...int) uint64 {
	h := uint64(fnvOffset)
	for _, i := range ids {
		h = (h ^ uint64(i+1)) * fnvPrime
	}
	return h
}

func makeTok(w string, ctx *tokCtx) tok {
	var t tok
	// Prefix hashes are the running hash after 1..4 runes; suffix hashes
	// the running hash over the runes read backwards. Words shorter than k
	// runes repeat their whole-word hash, tagged by length.
	h := uint64(fnvOffset)
	n := 0
	var shape [8]byte
	ns := 0
	var last byte
	upper, letters := 0, 0
	for i, r := range w {
		nr := normRune(r)
		h = (h ^ uint64(nr)) * fnvPrime
		if n < 4 {
			t.pre[n] = h
		}
		n++
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
			upper++
			letters++
			if i == 0 {
				t.flags |= flCap
			}
		case unicode.IsLetter(r):
			c = 'x'
			letters++
		case unicode.IsDigit(r):
			c = 'd'
			t.flags |= flDigit
		case nr == '-':
			c = '-'
			t.flags |= flHyphen
		case nr == '\'':
			c = '\''
			t.flags |= flApos
		default:
			c = '.'
			t.flags |= flPunct
		}
		if c != last && ns < len(shape) {
			shape[ns] = c
			ns++
			last = c
		}
	}
	t.word = h
	t.seen = ctx.seen[h]
	t.adverb = t.seen != 0 && t.seen == ctx.adv
	for k := n; k < 4; k++ {
		t.pre[k] = key1(uint64(k+100), h)
	}
	if letters > 1 && upper == letters {
		t.flags |= flAllCaps
	}
	sh := uint64(fnvOffset)
	for _, c := range shape[:ns] {
		sh = (sh ^ uint64(c)) * fnvPrime
	}
	t.shape = sh
	h = fnvOffset
	k := 0
	for end := len(w); end > 0 && k < 4; k++ {
		r, size := utf8.DecodeLastRuneInString(w[:end])
		end -= size
		h = (h ^ uint64(normRune(r))) * fnvPrime
		t.suf[k] = h
	}
	for ; k < 4; k++ {
		t.suf[k] = key1(uint64(k+200), t.word)
	}
	if ctx.dict != nil {
		t.amb, t.morph = ambClass(w, ctx.dict, ctx.cache)
	}
	return t
}

// bitsDict is implemented by dictionaries that can give a word's tag set
// as bits without allocating (LexiconDict); ambClass prefers it.
type bitsDict interface {
	tagBits(word string) (tags, morph uint64)
}

// ambClass hashes the tag set that d gives for w, and the verb forms
// when d knows them; 0 for an unknown word.
func ambClass(w string, d Dict, cache map[string][2]uint64) (amb, morph uint64) {
	if cache != nil {
		if h, ok := cache[w]; ok {
			return h[0], h[1]
		}
	}
	var h uint64
	if bd, ok := d.(bitsDict); ok {
		b, m := bd.tagBits(w)
		if b != 0 {
			h = mix(b ^ 0x5bd1e995)
		}
		morph = m
	} else {
		// Summing per-tag hashes makes the class independent of the
		// order of the tags without sorting them.
		for _, t := range d.Tags(w) {
			th := uint64(fnvOffset)
			for i := 0; i < len(t); i++ {
				th = (th ^ uint64(t[i])) * fnvPrime
			}
			h += mix(th)
		}
	}
	if cache != nil {
		cache[w] = [2]uint64{h, morph}
	}
	return h, morph
}

// at returns the token at i, or a sentinel outside the sentence.
func at(toks []tok, i int) *tok {
	switch {
	case i < 0:
		return &tokStart
	case i >= len(toks):
		return &tokEnd
	}
	return &toks[i]
}

// extract appends the feature keys of position i to dst. p1 and p2 are the
// classes predicted for the two previous tokens (or start markers).
func extract(dst []uint64, toks []tok, i int, p1, p2 int) []uint64 {
	t := &toks[i]
	prev, next := at(toks, i-1), at(toks, i+1)
	prev2, next2 := at(toks, i-2), at(toks, i+2)
	flags := t.flags
	if i == 0 {
		flags |= flInitial
	}
	tp1, tp2 := uint64(p1)+1, uint64(p2)+1
	// The next word that is not an adverb, looking at most 3 words ahead:
	// « a également un rôle » (VERB) vs « a également joué » (AUX).
	j := i + 1
	for j < len(toks) && j <= i+3 && toks[j].adverb {
		j++
	}
	content := at(toks, j)
	return append(dst,
		key1(fBias, 0),
		key1(fWord, t.word),
		key1(fPrevWord, prev.word),
		key1(fNextWord, next.word),
		key1(fPrev2Word, prev2.word),
		key1(fNext2Word, next2.word),
		key1(fSuf1, t.suf[0]),
		key1(fSuf2, t.suf[1]),
		key1(fSuf3, t.suf[2]),
		key1(fSuf4, t.suf[3]),
		key1(fPre1, t.pre[0]),
		key1(fPre2, t.pre[1]),
		key1(fPre3, t.pre[2]),
		key1(fPre4, t.pre[3]),
		key1(fShape, t.shape),
		key1(fFlagsInitial, flags),
		key1(fPrevTag, tp1),
		key1(fPrev2Tag, tp2),
		key2(fPrevTags, tp1, tp2),
		key2(fPrevTagWord, tp1, t.word),
		key1(fPrevSuf3, prev.suf[2]),
		key1(fNextSuf3, next.suf[2]),
		key1(fAmb, t.amb),
		key1(fPrevAmb, prev.amb),
		key1(fNextAmb, next.amb),
		key2(fAmbPrevTag, t.amb, tp1),
		key2(fWordNext, t.word, next.word),
		key2(fPrevWordWord, prev.word, t.word),
		key2(fNextShape, next.shape, next.flags),
		key1(fNext2Amb, next2.amb),
		key2(fPrevTagNextWord, tp1, next.word),
		key2(fWordCase, t.word, flags&(flCap|flAllCaps|flInitial)),
		key2(fSuf3Case, t.suf[2], flags&(flCap|flAllCaps|flInitial)),
		key2(fPrevWordCase, prev.word, flags&(flCap|flAllCaps)),
		key1(fNextSeen, next.seen),
		key1(fNext2Seen, next2.seen),
		key1(fContentSuf3, content.suf[2]),
		key1(fContentSeen, content.seen),
		key2(fWordContentSuf2, t.word, content.suf[1]),
		key2(fMorph, t.morph, t.amb),
		key1(fNextMorph, next.morph),
		key2(fContentMorph, content.morph, t.amb),
		key2(fSufAmb, t.suf[2], t.amb),
		key2(fPrevTagNextAmb, tp1, next.amb),
	)
}

// probeWords are common French words whose ambiguity classes fingerprint
// a Dict: the model records the fingerprint of the Dict it was trained
// with, so that a test can tell when the lexicon has changed under it.
var probeWords = []string{
	"le", "la", "les", "l'", "Le", "un", "une", "des", "du", "au", "aux", "de", "d'", "à",
	"est", "a", "été", "sont", "ont", "fait", "être", "avoir", "peut", "doit",
	"que", "qu'", "qui", "dont", "où", "si", "comme", "mais", "et", "ou", "ni",
	"en", "y", "se", "ne", "n'", "pas", "plus", "bien", "tout", "tous", "toute",
	"même", "autre", "cette", "ce", "ces", "son", "sa", "leur", "leurs", "nous",
	"il", "elle", "ils", "on", "après", "avant", "selon", "contre", "entre",
	"nombre", "président", "gouvernement", "pays", "France", "Paris", "Microsoft",
	"touchées", "déclaré", "nouvelle", "premier", "grand", "partie", "place",
	"deux", "trois", "cent", "mille", "2021", "%", "«", ",", ".",
}

// dictFingerprint hashes the ambiguity classes d gives the probe words.
func dictFingerprint(d Dict) uint64 {
	h := uint64(fnvOffset)
	for _, w := range probeWords {
		a, m := ambClass(w, d, nil)
		h = mix(h ^ a)
		h = mix(h ^ m)
	}
	return h
}
