package lexicon

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/plume-seo/plume/internal/fr/lexicon/internal/lexfmt"
	"github.com/plume-seo/plume/internal/prefault"
)

// embedded is the lexicon built from hunspell-fr-comprehensive 1:7.0-1
// (Dicollecte/Grammalecte French dictionary, MPL-2.0); see data/NOTICE.
//
//go:embed data/lexicon.bin
var embedded []byte

// Lexicon answers look-ups on one decoded lexicon. It is immutable after
// Parse and safe for concurrent use.
type Lexicon struct {
	t      *lexfmt.Table
	tags   []Analysis // per tag ID, without lemma
	tagSet []POSSet   // per tag ID, the single POS as a set
	// bucket[k] is the first form whose first two bytes, as a big-endian
	// number, are ≥ k: it narrows a binary search to forms sharing the
	// look-up key's first two bytes.
	bucket []uint32

	lemmaOnce sync.Once
	lemmaPos  []uint32 // per string ID: start in lemmaForm
	lemmaForm []uint32 // form IDs grouped by lemma

	mem lexfmt.Memory // where the tables live: the Go heap, or populated memory for Default
}

// defaultLexicon decodes the embedded data on first use, into memory the
// kernel maps at once (package prefault): the lexicon lives as long as the
// process, and faulting its 20 MB in page by page would cost more than
// decoding them.
var defaultLexicon = sync.OnceValues(func() (*Lexicon, error) { return parse(embedded, prefault.Alloc{}) })

// Default returns the embedded lexicon, decoding it on the first call
// (about 30 ms of CPU, 12 MB kept). Should the embedded data be unreadable, which the
// package's tests rule out, it returns an empty lexicon that knows no word;
// LoadDefault reports the error.
func Default() *Lexicon {
	l, err := defaultLexicon()
	if err != nil {
		return &Lexicon{}
	}
	return l
}

// LoadDefault is Default with the decoding error, for callers that want to
// fail loudly at start-up.
func LoadDefault() (*Lexicon, error) {
	return defaultLexicon()
}

// Parse decodes lexicon data written by the generator (lexfmt format).
// Corrupt data gives an error, never a panic.
func Parse(data []byte) (*Lexicon, error) { return parse(data, nil) }

// parse is Parse with the tables in mem (nil: the Go heap).
func parse(data []byte, mem lexfmt.Memory) (*Lexicon, error) {
	if mem == nil {
		mem = lexfmt.Heap
	}
	t, err := lexfmt.DecodeIn(data, mem)
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	l := &Lexicon{t: t, tags: make([]Analysis, len(t.Tags)), tagSet: make([]POSSet, len(t.Tags)), mem: mem}
	for i, s := range t.Tags {
		a, err := parseTag(s)
		if err != nil {
			return nil, fmt.Errorf("lexicon: tag %d: %w", i, err)
		}
		l.tags[i] = a
		l.tagSet[i] = POSSet(0).Add(a.POS)
	}
	// Forms are sorted by the encoder; Parse does not re-check (it would
	// cost a tenth of the load time). Unsorted data makes look-ups miss,
	// never panic, since bucket stays monotonic.
	l.bucket = mem.Uint32s(1<<16 + 1)
	k := 0
	for i := range t.NForms {
		for key := key2(t.String(i)); k <= key; k++ {
			l.bucket[k] = uint32(i)
		}
	}
	for ; k <= 1<<16; k++ {
		l.bucket[k] = uint32(t.NForms)
	}
	return l, nil
}

func key2(s string) int {
	switch len(s) {
	case 0:
		return 0
	case 1:
		return int(s[0]) << 8
	}
	return int(s[0])<<8 | int(s[1])
}

// parseTag reads the generator's "UPOS|Feat=Val|…" strings.
func parseTag(s string) (Analysis, error) {
	parts := strings.Split(s, "|")
	var a Analysis
	p, ok := ParsePOS(parts[0])
	if !ok {
		return a, fmt.Errorf("unknown UPOS %q", parts[0])
	}
	a.POS = p
	for _, f := range parts[1:] {
		k, v, _ := strings.Cut(f, "=")
		ok := true
		switch k {
		case "Gender":
			a.Gender, ok = lookupName(v, Masc, Fem, Epicene)
		case "Number":
			a.Number, ok = lookupName(v, Sing, Plur, NumberInv)
		case "VerbForm":
			a.VerbForm, ok = lookupName(v, Inf, Part, Fin)
		case "Tense":
			a.Tense, ok = lookupName(v, TensePres, TensePast, TenseImp, TenseFut)
		case "Mood":
			a.Mood, ok = lookupName(v, MoodInd, MoodSub, MoodCnd, MoodImp)
		case "Person":
			if len(v) == 1 && v[0] >= '1' && v[0] <= '3' {
				a.Person = v[0] - '0'
			} else {
				ok = false
			}
		default:
			ok = false
		}
		if !ok {
			return a, fmt.Errorf("bad feature %q in %q", f, s)
		}
	}
	return a, nil
}

func lookupName[T interface {
	~uint8
	String() string
}](name string, values ...T) (T, bool) {
	for _, v := range values {
		if v.String() == name {
			return v, true
		}
	}
	return 0, false
}

// Stats counts what the lexicon holds.
type Stats struct {
	Forms    int // distinct surface forms (spellings)
	Lemmas   int // distinct lemmas
	Entries  int // distinct (form, lemma) pairs: « touchées » under toucher and under touché count twice
	Analyses int // (form, lemma, tag) triples
	Tags     int // distinct UPOS + feature combinations
}

// Stats returns the lexicon's sizes. It builds the lemma index that Forms
// uses, if not built yet.
func (l *Lexicon) Stats() Stats {
	if l == nil || l.t == nil {
		return Stats{}
	}
	l.buildLemmas()
	n := 0
	for i := range len(l.lemmaPos) - 1 {
		if l.lemmaPos[i+1] > l.lemmaPos[i] {
			n++
		}
	}
	return Stats{Forms: l.t.NForms, Lemmas: n, Entries: len(l.lemmaForm), Analyses: len(l.t.Lemma), Tags: len(l.t.Tags)}
}

// maxKey bounds the stack buffer used to normalise a key; longer words
// (there are none in French) take the slow path.
const maxKey = 96

// find returns the form ID of s, or -1. s must already be normalised.
func (l *Lexicon) find(s string) int {
	if l == nil || l.t == nil || s == "" {
		return -1
	}
	k := key2(s)
	lo, hi := int(l.bucket[k]), int(l.bucket[k+1])
	t := l.t
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if t.Strings[t.Offsets[m]:t.Offsets[m+1]] < s {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < t.NForms && t.Strings[t.Offsets[lo]:t.Offsets[lo+1]] == s {
		return lo
	}
	return -1
}

// findNorm looks s up after mapping typographic apostrophes to '.
func (l *Lexicon) findNorm(s string) int {
	if !hasTypoApostrophe(s) {
		return l.find(s)
	}
	var buf [maxKey]byte
	b := buf[:0]
	if len(s) > maxKey {
		b = make([]byte, 0, len(s))
	}
	for _, r := range s {
		if r == '’' || r == 'ʼ' {
			r = '\''
		}
		b = utf8.AppendRune(b, r)
	}
	return l.find(string(b))
}

// hasTypoApostrophe reports whether s holds ’ (E2 80 99) or ʼ (CA BC).
// It scans bytes for the lead bytes first: strings.ContainsAny with
// non-ASCII runes was a fifth of the look-up time.
func hasTypoApostrophe(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == 0xE2 || c == 0xCA {
			return strings.Contains(s[i:], "’") || strings.Contains(s[i:], "ʼ")
		}
	}
	return false
}

// Has reports whether form is in the lexicon.
func (l *Lexicon) Has(form string) bool { return l.findNorm(form) >= 0 }

// Lookup returns the analyses of form, exactly as spelt (apostrophes
// aside), or nil for an unknown form. Analyses come sorted by lemma
// (bytewise), then tag; the slice is the caller's.
func (l *Lexicon) Lookup(form string) []Analysis {
	id := l.findNorm(form)
	if id < 0 {
		return nil
	}
	return l.appendForm(nil, id)
}

// AppendLookup appends the analyses of form to dst and returns it; with a
// dst of enough capacity it does not allocate.
func (l *Lexicon) AppendLookup(dst []Analysis, form string) []Analysis {
	id := l.findNorm(form)
	if id < 0 {
		return dst
	}
	return l.appendForm(dst, id)
}

func (l *Lexicon) appendForm(dst []Analysis, id int) []Analysis {
	t := l.t
	lo, hi := t.AnaStart[id], t.AnaStart[id+1]
	if dst == nil {
		dst = make([]Analysis, 0, hi-lo)
	}
	for i := lo; i < hi; i++ {
		a := l.tags[t.Tag[i]]
		a.Lemma = t.String(int(t.Lemma[i]))
		dst = append(dst, a)
	}
	return dst
}

func (l *Lexicon) setOf(id int) POSSet {
	if id < 0 {
		return 0
	}
	var s POSSet
	t := l.t
	for i := t.AnaStart[id]; i < t.AnaStart[id+1]; i++ {
		s |= l.tagSet[t.Tag[i]]
	}
	return s
}

// TagSet returns the possible POS tags of form as a set, without
// allocating; empty for an unknown form.
func (l *Lexicon) TagSet(form string) POSSet { return l.setOf(l.findNorm(form)) }

// Tags returns the possible POS tags of form in UPOS order, or nil.
func (l *Lexicon) Tags(form string) []POS { return l.TagSet(form).POS() }

// IsProperName reports whether the dictionary lists form as a proper name
// (first name, surname, place, organisation…), whatever else it may be.
func (l *Lexicon) IsProperName(form string) bool { return l.TagSet(form).Has(PropN) }

// foldVariants calls try with form's lower-cased and title-cased
// spellings, each once and only when it differs from form.
func foldVariants(form string, try func(string)) {
	if !hasUpper(form) {
		return
	}
	var buf [maxKey]byte
	lower := appendCase(buf[:0], form, false)
	try(string(lower))
	var buf2 [maxKey]byte
	title := appendCase(buf2[:0], form, true)
	if string(title) != form && string(title) != string(lower) {
		try(string(title))
	}
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// appendCase appends s lower-cased, or title-cased (first letter upper,
// the rest lower) when title is set.
func appendCase(dst []byte, s string, title bool) []byte {
	first := true
	for _, r := range s {
		if first && title {
			r = unicode.ToUpper(r)
		} else {
			r = unicode.ToLower(r)
		}
		first = false
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

// LookupFold returns the analyses of form and, when form has capitals,
// those of its lower-cased spelling (« Le » → « le ») and of its
// title-cased one (« PÉKIN » → « Pékin » and « pékin »). It suits a word
// whose case says nothing, such as the first word of a sentence or of a
// heading: for « Pierre » it returns both the first name and the noun.
func (l *Lexicon) LookupFold(form string) []Analysis {
	out := l.Lookup(form)
	foldVariants(form, func(v string) { out = l.AppendLookup(out, v) })
	return out
}

// TagSetFold is TagSet over the same spellings as LookupFold.
func (l *Lexicon) TagSetFold(form string) POSSet {
	s := l.TagSet(form)
	foldVariants(form, func(v string) { s |= l.TagSet(v) })
	return s
}

// HasFold reports whether form or one of LookupFold's spellings is known.
func (l *Lexicon) HasFold(form string) bool { return l.TagSetFold(form) != 0 }

// FiniteFold reports whether some reading of form, over LookupFold's
// spellings, is a finite verb or auxiliary (« cible », « a »).
func (l *Lexicon) FiniteFold(form string) bool {
	for _, a := range l.LookupFold(form) {
		if a.Finite() {
			return true
		}
	}
	return false
}

// Lemmas returns the distinct lemmas of form, or nil.
func (l *Lexicon) Lemmas(form string) []string {
	id := l.findNorm(form)
	if id < 0 {
		return nil
	}
	t := l.t
	var out []string
	for i := t.AnaStart[id]; i < t.AnaStart[id+1]; i++ {
		s := t.String(int(t.Lemma[i]))
		dup := false
		for _, x := range out {
			if x == s {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, s)
		}
	}
	return out
}

// buildLemmas inverts the lemma column once, on first need, so loading
// stays fast for callers that never ask for a lemma's forms.
func (l *Lexicon) buildLemmas() {
	l.lemmaOnce.Do(func() {
		t := l.t
		nStr := len(t.Offsets) - 1
		pos := l.mem.Uint32s(nStr + 1)
		for _, lm := range t.Lemma {
			pos[lm+1]++
		}
		for i := 1; i <= nStr; i++ {
			pos[i] += pos[i-1]
		}
		forms := l.mem.Uint32s(len(t.Lemma))
		fill := l.mem.Uint32s(nStr)
		copy(fill, pos[:nStr])
		for f := range t.NForms {
			for i := t.AnaStart[f]; i < t.AnaStart[f+1]; i++ {
				lm := t.Lemma[i]
				// Forms arrive in increasing order, so a repeat (same form,
				// same lemma, another tag) is always the previous slot.
				if fill[lm] > pos[lm] && forms[fill[lm]-1] == uint32(f) {
					continue
				}
				forms[fill[lm]] = uint32(f)
				fill[lm]++
			}
		}
		// Close the gaps left by repeats: pack each lemma's run to the left.
		w := uint32(0)
		for lm := range nStr {
			start := w
			for i := pos[lm]; i < fill[lm]; i++ {
				forms[w] = forms[i]
				w++
			}
			pos[lm] = start
		}
		pos[nStr] = w
		l.lemmaPos, l.lemmaForm = pos, forms[:w]
	})
}

// lemmaID returns the string ID of lemma (a form, or an extra lemma), or -1.
func (l *Lexicon) lemmaID(lemma string) int {
	if id := l.findNorm(lemma); id >= 0 {
		return id
	}
	if l == nil || l.t == nil {
		return -1
	}
	lemma = strings.NewReplacer("’", "'", "ʼ", "'").Replace(lemma)
	t := l.t
	lo, hi := t.NForms, len(t.Offsets)-1
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if t.String(m) < lemma {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(t.Offsets)-1 && t.String(lo) == lemma {
		return lo
	}
	return -1
}

// Forms returns every form whose analyses name lemma as their lemma
// (« toucher » → touche, touchées, touchons…), sorted bytewise, or nil.
// Part-of-speech is not distinguished: « américain » gives the noun's and
// the adjective's forms together.
func (l *Lexicon) Forms(lemma string) []string {
	id := l.lemmaID(lemma)
	if id < 0 {
		return nil
	}
	l.buildLemmas()
	ids := l.lemmaForm[l.lemmaPos[id]:l.lemmaPos[id+1]]
	if len(ids) == 0 {
		return nil
	}
	out := make([]string, len(ids))
	for i, f := range ids {
		out[i] = l.t.String(int(f))
	}
	return out
}

// Inflect returns the forms of lemma that have a reading with the
// features of want: its part of speech and every feature want sets (a
// zero feature matches any). « affirmer » with a finite present
// indicative third-person singular gives « affirme »; with a past
// participle, masculine singular, « affirmé ». A reading that leaves a
// feature unset, or is invariable in number (« pris ») or epicene, matches
// it.
func (l *Lexicon) Inflect(lemma string, want Analysis) []string {
	var out []string
	var buf []Analysis
	for _, f := range l.Forms(lemma) {
		buf = l.AppendLookup(buf[:0], f)
		for _, a := range buf {
			if a.Lemma == lemma && a.POS == want.POS && a.VerbForm == want.VerbForm &&
				matches(uint8(a.Tense), uint8(want.Tense)) && matches(uint8(a.Mood), uint8(want.Mood)) &&
				matches(a.Person, want.Person) && (a.Number == NumberInv || matches(uint8(a.Number), uint8(want.Number))) &&
				(a.Gender == Epicene || matches(uint8(a.Gender), uint8(want.Gender))) {
				out = append(out, f)
				break
			}
		}
	}
	return out
}

// matches reports whether a reading's feature value fits the wanted one:
// equal, or either left unset.
func matches(have, want uint8) bool { return want == 0 || have == 0 || have == want }
