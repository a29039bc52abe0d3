package cluster

import (
	"hash/fnv"
	"math"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/plume-seo/plume/internal/clean"
	"github.com/plume-seo/plume/internal/fr/entity"
	"github.com/plume-seo/plume/internal/fr/figure"
	"github.com/plume-seo/plume/internal/fr/token"
)

// NumHashes is the length of a MinHash signature. 128 hashes give a standard
// error of about 1/sqrt(128) ≈ 0.09 on the estimated Jaccard similarity,
// enough to tell a copy (J ≥ 0.5) from another text (J ≈ 0).
const NumHashes = 128

// shingleSize is the number of words per shingle: 3-word shingles are short
// enough to survive light editing and long enough to be rare across stories.
const shingleSize = 3

// maxTerms caps the content words kept per source: the most frequent ones
// carry the topic, the tail adds cost and noise.
const maxTerms = 150

// Features is what the clusterer knows of one source, computed once by
// [Extract]. Every slice is sorted and without duplicates.
type Features struct {
	// Signature is the MinHash signature of the source's word 3-shingles
	// (lower-cased, accents kept); empty when the text has fewer than three
	// words.
	Signature []uint64
	// Entities are the source's salient entities (persons, organisations,
	// products, threat actors, events), sorted by Key. News agencies
	// (Reuters, AFP…) are left out: they sign copy about every story.
	Entities []Name
	// EntityKeys are the union of the entities' Keys, sorted.
	EntityKeys []string
	// Figures are the keys of the source's figures ([figure.Figure.Key]),
	// leaving out small counts ("deux pays") and bare years, which every
	// story has.
	Figures []string
	// Dates are the keys of the source's calendar dates that name at least a
	// month ([figure.Date.Key]).
	Dates []string
	// Terms are the source's most frequent content words, folded.
	Terms []string
	// Published is the publication date when the document gives one, the
	// zero time otherwise.
	Published time.Time
}

// Name is one entity of a source as the clusterer matches it.
type Name struct {
	// Key is the canonical name folded: lower case, no accents, hyphens and
	// apostrophes as spaces.
	Key string
	// Keys are Key, every folded variant of the name and a person's
	// surname alone, so that « Jen Psaki » in one source meets « Jennifer
	// Psaki » in another.
	Keys []string
}

// Extract computes the features of a cleaned document. A nil document gives
// empty features.
func Extract(doc *clean.Document) Features {
	var f Features
	if doc == nil {
		return f
	}
	texts := make([]string, 0, len(doc.Blocks)+1)
	if t := strings.TrimSpace(doc.Title); t != "" {
		texts = append(texts, t)
	}
	for _, b := range doc.Blocks {
		texts = append(texts, b.Text)
	}
	var sentences []string
	for _, t := range texts {
		for _, sp := range token.Sentences(t) {
			sentences = append(sentences, sp.Text)
		}
	}

	// Words, shingles and terms.
	var words []string
	tf := map[string]int{}
	for _, s := range sentences {
		for _, w := range token.Words(s) {
			w = token.Fold(w)
			if !hasLetterOrDigit(w) {
				continue
			}
			words = append(words, w)
			if k := termKey(w); k != "" {
				tf[k]++
			}
		}
	}
	f.Signature = signature(words)
	f.Terms = topTerms(tf, maxTerms)

	// Entities.
	ents := map[string]map[string]bool{}
	keys := map[string]bool{}
	for _, e := range entity.Extract(sentences) {
		switch e.Type {
		case entity.Person, entity.Org, entity.Product, entity.ThreatActor, entity.Event:
		default:
			continue
		}
		k := nameKey(e.Canonical)
		if k == "" || agencies[k] {
			continue
		}
		ks := ents[k]
		if ks == nil {
			ks = map[string]bool{}
			ents[k] = ks
		}
		ks[k] = true
		for _, v := range e.Variants {
			if vk := nameKey(v); len(vk) >= 3 && !agencies[vk] {
				ks[vk] = true
			}
		}
		if e.Type == entity.Person {
			if fs := strings.Fields(k); len(fs) > 1 && len(fs[len(fs)-1]) >= 3 {
				ks[fs[len(fs)-1]] = true
			}
		}
		for x := range ks {
			keys[x] = true
		}
	}
	for _, k := range sortedKeys(boolSet(ents)) {
		f.Entities = append(f.Entities, Name{Key: k, Keys: sortedKeys(ents[k])})
	}
	f.EntityKeys = sortedKeys(keys)

	// Figures and dates.
	figs := map[string]bool{}
	dates := map[string]bool{}
	for _, s := range sentences {
		for _, g := range figure.Figures(s) {
			if salientFigure(g) {
				figs[g.Key()] = true
			}
		}
		for _, d := range figure.Dates(s) {
			if d.Month > 0 && d.Relative == "" {
				dates[d.Key()] = true
			}
		}
	}
	f.Figures = sortedKeys(figs)
	f.Dates = sortedKeys(dates)
	f.Published = parsePublished(doc.Date)
	return f
}

// salientFigure reports whether a figure can tell one event from another:
// "deux pays" or "en 2021" cannot.
func salientFigure(g figure.Figure) bool {
	switch g.Kind {
	case figure.Year, figure.Ordinal:
		return false
	case figure.Count:
		return !g.Vague && g.Value >= 10
	}
	return true
}

// signature computes the MinHash signature of the word 3-shingles: for each
// of NumHashes hash functions, the least hash of any shingle. The functions
// are one 64-bit FNV-1a hash of the shingle remixed with NumHashes seeds
// (splitmix64 finaliser), the usual cheap stand-in for independent
// permutations.
func signature(words []string) []uint64 {
	if len(words) < shingleSize {
		return nil
	}
	sig := make([]uint64, NumHashes)
	for i := range sig {
		sig[i] = math.MaxUint64
	}
	seen := map[uint64]bool{}
	h := fnv.New64a()
	for i := 0; i+shingleSize <= len(words); i++ {
		h.Reset()
		for j := 0; j < shingleSize; j++ {
			_, _ = h.Write([]byte(words[i+j]))
			_, _ = h.Write([]byte{0})
		}
		x := h.Sum64()
		if seen[x] {
			continue
		}
		seen[x] = true
		for k := range sig {
			if v := mix(x ^ seeds[k]); v < sig[k] {
				sig[k] = v
			}
		}
	}
	return sig
}

// seeds are the per-function salts of the MinHash family, fixed so that
// signatures computed by different runs compare.
var seeds = func() [NumHashes]uint64 {
	var s [NumHashes]uint64
	x := uint64(0x9e3779b97f4a7c15)
	for i := range s {
		x = mix(x + uint64(i) + 1)
		s[i] = x
	}
	return s
}()

// mix is the splitmix64 finaliser: a bijection of 64-bit integers whose
// output bits all depend on every input bit.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// Similarity estimates the Jaccard similarity of the shingle sets behind
// two signatures: the share of hash functions whose minimum agrees. It is 0
// when either signature is empty or their lengths differ.
func Similarity(a, b []uint64) float64 {
	if len(a) == 0 || len(a) != len(b) {
		return 0
	}
	n := 0
	for i := range a {
		if a[i] == b[i] {
			n++
		}
	}
	return float64(n) / float64(len(a))
}

// nameKey folds an entity name for matching across sources: lower case,
// accents stripped, apostrophes and hyphens as spaces, spaces collapsed.
func nameKey(s string) string {
	s = token.StripAccents(token.Fold(s))
	s = strings.Map(func(r rune) rune {
		if r == '\'' || r == '-' || r == '.' || unicode.IsSpace(r) {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// termKey gives the key of a content word, or "" for a word that says
// nothing of the topic: short words, numbers and French function words.
func termKey(w string) string {
	if i := strings.IndexAny(w, "'’"); i >= 0 {
		w = w[i+1:]
	}
	w = token.StripAccents(w)
	if len([]rune(w)) < 4 || stopwords[w] {
		return ""
	}
	for _, r := range w {
		if !unicode.IsLetter(r) && r != '-' {
			return ""
		}
	}
	// A rough plural strip, so that "pirate" and "pirates" count as one.
	if len(w) > 4 && (strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x")) && !strings.HasSuffix(w, "aux") {
		w = w[:len(w)-1]
	}
	return w
}

func topTerms(tf map[string]int, n int) []string {
	type kv struct {
		k string
		n int
	}
	all := make([]kv, 0, len(tf))
	for k, c := range tf {
		all = append(all, kv{k, c})
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].n != all[j].n {
			return all[i].n > all[j].n
		}
		return all[i].k < all[j].k
	})
	if len(all) > n {
		all = all[:n]
	}
	out := make([]string, len(all))
	for i, e := range all {
		out[i] = e.k
	}
	sort.Strings(out)
	return out
}

func hasLetterOrDigit(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

func boolSet[V any](m map[string]V) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}

func sortedKeys(m map[string]bool) []string {
	if len(m) == 0 {
		return nil
	}
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// parsePublished reads a publication date as the cleaner keeps it: an ISO
// date or timestamp, or a French date in words ("2 avril 2024"). Only a date
// with day, month and year is kept; anything else gives the zero time.
func parsePublished(s string) time.Time {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04", "2006-01-02", "02/01/2006"} {
		if len(s) >= len(layout) {
			if t, err := time.Parse(layout, s[:len(layout)]); err == nil {
				return t
			}
		}
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	for _, d := range figure.Dates(s) {
		if d.Year > 0 && d.Month > 0 && d.Day > 0 {
			return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
		}
	}
	return time.Time{}
}
