package pos

import (
	_ "embed"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
)

// modelData is the trained model (format in model.go), built by
// `go run ./internal/fr/pos/cmd/postrain -out internal/fr/pos/model.bin`.
// Origin and licence: trained on UD_French-Sequoia train (LGPL-LR),
// UD_French-GSD dev (CC BY-SA 4.0) and UD_French-PUD test (CC BY-SA 3.0)
// with the ambiguity classes of package lexicon; see MODEL_LICENSE.md.
//
//go:embed model.bin
var modelData []byte

// Tagger assigns UPOS tags to French surface tokens. A Tagger is safe for
// concurrent use.
type Tagger struct {
	m      *model
	ctx    tokCtx
	lemmas Lemmatizer
	pool   sync.Pool // *scratch
	cache  tagCache
}

// tagCache remembers the tags of recent sentences. The pipeline's stages
// (facts, chunks, entities, sentence operations, checks) tag the same
// sentences again; the cache makes the second time free. It is bounded and
// cleared whole when full, which keeps it simple and safe.
type tagCache struct {
	mu sync.Mutex
	m  map[string][]string
}

const tagCacheSize = 4096

func (c *tagCache) get(key string) ([]string, bool) {
	c.mu.Lock()
	tags, ok := c.m[key]
	c.mu.Unlock()
	return tags, ok
}

func (c *tagCache) put(key string, tags []string) {
	c.mu.Lock()
	if c.m == nil || len(c.m) >= tagCacheSize {
		c.m = make(map[string][]string, 256)
	}
	c.m[key] = tags
	c.mu.Unlock()
}

func cacheKey(words []string) string {
	n := 0
	for _, w := range words {
		n += len(w) + 1
	}
	var b strings.Builder
	b.Grow(n)
	for _, w := range words {
		b.WriteString(w)
		b.WriteByte(0)
	}
	return b.String()
}

// Lemmatizer gives the lemma of a word form for a part of speech.
type Lemmatizer interface {
	// Lemma returns the lemma of word read as tag, and false when the
	// dictionary has no analysis of word with that tag.
	Lemma(word, tag string) (string, bool)
}

// scratch holds the per-call buffers of Tag, reused through a pool so that
// tagging allocates only its result.
type scratch struct {
	toks   []tok
	rev    []tok     // toks reversed, for the right-to-left pass
	comb   []float32 // both passes' scores
	best   []uint8
	feats  []uint64
	scores []int32
}

// fallbackTag is what a Tagger without a model gives every token.
const fallbackTag = "X"

var defaultTagger = sync.OnceValue(func() *Tagger {
	// The model decodes while the lexicon does, on another core.
	lexc := make(chan *LexiconDict, 1)
	go func() { lexc <- defaultLexicon() }()
	// The model lives as long as the process: its 4 MB of weights go in
	// memory the kernel maps at once (package prefault).
	m, err := decodeIn(modelData, true)
	lex := <-lexc
	var t *Tagger
	if err == nil {
		t, err = build(m, lex, lex)
	}
	if err != nil {
		// The embedded model is checked by the tests; should it ever fail
		// to load, tag everything as X rather than panic at run time.
		return &Tagger{}
	}
	return t
})

// Default returns the tagger built from the embedded model, loading it on
// first use. It is shared and safe for concurrent use.
func Default() *Tagger { return defaultTagger() }

// Load builds a Tagger from a model produced by Train. dict must be the
// dictionary the model was trained with (nil if it was trained without
// one); lemmas may be nil, in which case Lemma lower-cases.
func Load(data []byte, dict Dict, lemmas Lemmatizer) (*Tagger, error) {
	m, err := decode(data)
	if err != nil {
		return nil, fmt.Errorf("load pos model: %w", err)
	}
	return build(m, dict, lemmas)
}

// build makes a Tagger of a decoded model.
func build(m *model, dict Dict, lemmas Lemmatizer) (*Tagger, error) {
	if m.useDict && dict == nil {
		return nil, fmt.Errorf("load pos model: trained with a dictionary, none given")
	}
	if !m.useDict {
		dict = nil
	}
	t := &Tagger{m: m, lemmas: lemmas}
	t.ctx = tokCtx{dict: dict, seen: m.seen, adv: m.adverbSet()}
	return t, nil
}

// Tags returns the tag set of the model: UPOS tags and the compound tags of
// contractions, such as "ADP+DET".
func (t *Tagger) Tags() []string {
	if t == nil || t.m == nil {
		return []string{fallbackTag}
	}
	return append([]string(nil), t.m.classes...)
}

// Tag returns one tag per surface token of one sentence. The previous two
// predicted tags are features, so a whole sentence should be passed at once.
func (t *Tagger) Tag(words []string) []string {
	out := make([]string, len(words))
	if t == nil || t.m == nil {
		for i := range out {
			out[i] = fallbackTag
		}
		return out
	}
	key := cacheKey(words)
	if tags, ok := t.cache.get(key); ok {
		copy(out, tags)
		return out
	}
	t.tag(words, out)
	t.cache.put(key, append([]string(nil), out...))
	return out
}

// tag tags one sentence into out, without the cache.
func (t *Tagger) tag(words []string, out []string) {
	m := t.m
	s, _ := t.pool.Get().(*scratch)
	if s == nil {
		s = &scratch{scores: make([]int32, len(m.classes))}
	}
	s.toks = s.toks[:0]
	for _, w := range words {
		s.toks = append(s.toks, makeTok(w, &t.ctx))
	}
	for i, c := range m.tagToks(s) {
		out[i] = m.classes[c]
	}
	t.pool.Put(s)
}

// tagToks returns the classes of s.toks, in s.best. A bidirectional model
// tags them greedily left to right and right to left, and each token gets
// the class with the highest sum of both passes' scores.
func (m *model) tagToks(s *scratch) []uint8 {
	s.best = s.best[:0]
	if !m.bidi {
		s.best = m.greedy(&m.passes[0], s.toks, s.best, s, nil)
		return s.best
	}
	nc, n := len(m.classes), len(s.toks)
	s.comb = append(s.comb[:0], make([]float32, 2*n*nc)...)
	fwd, bwd := s.comb[:n*nc], s.comb[n*nc:]
	s.best = m.greedy(&m.passes[0], s.toks, s.best, s, fwd)
	s.rev = append(s.rev[:0], s.toks...)
	slices.Reverse(s.rev)
	s.best = m.greedy(&m.passes[1], s.rev, s.best, s, bwd)
	s.best = s.best[:n] // the left-to-right pass's classes
	for i := range n {
		if _, ok := m.tagdict[s.toks[i].word]; ok {
			continue
		}
		row := fwd[i*nc : (i+1)*nc]
		for c, v := range bwd[(n-1-i)*nc : (n-i)*nc] {
			row[c] += v
		}
		s.best[i] = uint8(argmax(row))
	}
	return s.best
}

// greedy tags toks in order with tab's weights and appends their classes to
// dst. With comb not nil, it also stores each scored token's real-valued
// scores in comb, nc per token.
func (m *model) greedy(tab *table, toks []tok, dst []uint8, s *scratch, comb []float32) []uint8 {
	nc := len(m.classes)
	p1, p2 := nc, nc+1 // start markers
	for i := range toks {
		c, ok := m.tagdict[toks[i].word]
		best := int(c)
		if !ok {
			s.feats = extract(s.feats[:0], toks, i, p1, p2)
			clear(s.scores)
			tab.score(s.feats, s.scores)
			best = argmax(s.scores)
			if comb != nil {
				row := comb[i*nc : (i+1)*nc]
				for c, v := range s.scores {
					row[c] = float32(v) * tab.scale
				}
			}
		}
		dst = append(dst, uint8(best))
		p1, p2 = best, p1
	}
	return dst
}

// argmax returns the index of the highest score, the lowest index on ties.
func argmax[T int32 | int64 | float32 | float64](scores []T) int {
	best := 0
	for i, v := range scores {
		if v > scores[best] {
			best = i
		}
	}
	return best
}

// Lemma returns the lemma of word read with tag (as given by Tag): the
// dictionary analysis whose part of speech matches tag, else word in lower
// case with typographic apostrophes folded. A compound tag gives the lemmas
// of the parts joined with "+" when the dictionary knows them
// (« du » → "de+le").
func (t *Tagger) Lemma(word, tag string) string {
	if t != nil && t.lemmas != nil {
		if l, ok := t.lemmas.Lemma(word, tag); ok {
			return l
		}
		if low := strings.ToLower(word); low != word {
			if l, ok := t.lemmas.Lemma(low, tag); ok {
				return l
			}
		}
	}
	return strings.Map(func(r rune) rune {
		if r == '’' || r == 'ʼ' {
			return '\''
		}
		return r
	}, strings.ToLower(word))
}

// Accuracy counts correct tags over surface tokens, split into plain tokens
// and multiword tokens (contractions).
type Accuracy struct {
	Tokens, Correct       int
	Plain, PlainCorrect   int
	Multi, MultiCorrect   int
	Unknown, UnknownRight int // tokens whose normalised form is not in Known
}

// Evaluate tags each sentence and compares with its gold tags. known, if
// not nil, holds the normalised forms seen in training, to count accuracy
// on unknown words.
func (t *Tagger) Evaluate(sents []Sentence, known map[string]bool) Accuracy {
	var a Accuracy
	for _, s := range sents {
		got := make([]string, len(s.Words))
		t.tag(s.Words, got)
		for i, g := range got {
			ok := g == s.Tags[i]
			a.Tokens++
			if ok {
				a.Correct++
			}
			if i < len(s.MWT) && s.MWT[i] {
				a.Multi++
				if ok {
					a.MultiCorrect++
				}
			} else {
				a.Plain++
				if ok {
					a.PlainCorrect++
				}
			}
			if known != nil && !known[normWord(s.Words[i])] {
				a.Unknown++
				if ok {
					a.UnknownRight++
				}
			}
		}
	}
	return a
}

// pct returns 100·n/d, 0 when d is 0.
func pct(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return 100 * float64(n) / float64(d)
}

// String reports the accuracies in percent.
func (a Accuracy) String() string {
	s := fmt.Sprintf("surface %.2f%% (%d/%d)  plain %.2f%% (%d)  contractions %.2f%% (%d)",
		pct(a.Correct, a.Tokens), a.Correct, a.Tokens,
		pct(a.PlainCorrect, a.Plain), a.Plain,
		pct(a.MultiCorrect, a.Multi), a.Multi)
	if a.Unknown > 0 {
		s += fmt.Sprintf("  unknown %.2f%% (%d)", pct(a.UnknownRight, a.Unknown), a.Unknown)
	}
	return s
}

func sortedKeys[K uint64 | string, V any](m map[K]V) []K {
	ks := make([]K, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool { return ks[i] < ks[j] })
	return ks
}
