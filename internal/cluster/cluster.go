package cluster

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"math"
	"sort"
)

// Reason says why two sources are one story.
type Reason string

// Reasons for a match.
const (
	// NoMatch: the sources are different stories.
	NoMatch Reason = ""
	// NearDuplicate: the texts are copies of one another (shingle Jaccard
	// at or above Options.NearDuplicate).
	NearDuplicate Reason = "near-duplicate"
	// SameEvent: different texts that share salient entities and a figure,
	// a date or most of their content words, close in time.
	SameEvent Reason = "same-event"
)

// Match is the evidence that two sources tell one story, as [Clusterer.Compare]
// weighs it.
type Match struct {
	// Jaccard is the MinHash estimate of the shingle sets' similarity.
	Jaccard float64
	// SharedEntities counts the entities found in both sources (the smaller
	// count of the two directions, each entity matched by any of its keys).
	SharedEntities int
	// SharedFacts counts the figure and date keys found in both.
	SharedFacts int
	// TermOverlap is the overlap coefficient of the content words.
	TermOverlap float64
	// Apart is set when both publication dates are known and further apart
	// than Options.Window.
	Apart bool
	// Reason is the verdict.
	Reason Reason
}

// score orders matches: any copy before any same-event match, then by the
// strength of the evidence.
func (m Match) score() float64 {
	switch m.Reason {
	case NearDuplicate:
		return 1000 + m.Jaccard
	case SameEvent:
		return float64(m.SharedEntities+m.SharedFacts) + m.TermOverlap
	}
	return 0
}

// Story is a cluster of sources.
type Story struct {
	// ID is the id of the story's first source.
	ID int64
	// Sources are the ids of its sources, in the order they were added.
	Sources []int64
}

// Related is a story related to another, with the strength of the relation.
type Related struct {
	StoryID int64
	// Score is an IDF-weighted cosine of the two stories' entity names and
	// content words, in (0, 1].
	Score float64
}

type member struct {
	id    int64
	story int // index into Clusterer.stories
	f     Features
}

type story struct {
	id      int64
	members []int64
	ents    map[string]int // entity Key → number of member sources naming it
	terms   map[string]int // term → number of member sources using it
	// norm caches the length of the story's vector, computed when the
	// collection had normAt sources; IDF drifts slowly, so it is refreshed
	// when the story changes or the collection grows by a quarter.
	norm   float64
	normAt int
}

// Clusterer assigns sources to stories incrementally. Build it with [New].
// Its memory grows with the sources added; it is not safe for concurrent
// use.
type Clusterer struct {
	opts    Options
	rows    int
	srcs    []member
	byID    map[int64]int
	stories []*story
	storyOf map[int64]int // story id → index

	buckets   map[uint64][]int32 // LSH band hash → source indexes
	names     map[string][]int32 // entity key → source indexes
	saturated map[string]bool    // entity keys too common to index

	entDF, termDF map[string]int // sources naming an entity Key / using a term
}

// New returns an empty Clusterer with opts (zero fields take their
// defaults), or an error naming the first invalid field.
func New(opts Options) (*Clusterer, error) {
	opts = opts.WithDefaults()
	if err := opts.Validate(); err != nil {
		return nil, err
	}
	return &Clusterer{
		opts:      opts,
		rows:      NumHashes / opts.Bands,
		byID:      map[int64]int{},
		storyOf:   map[int64]int{},
		buckets:   map[uint64][]int32{},
		names:     map[string][]int32{},
		saturated: map[string]bool{},
		entDF:     map[string]int{},
		termDF:    map[string]int{},
	}, nil
}

// Options returns the options in force, defaults filled in.
func (c *Clusterer) Options() Options { return c.opts }

// Len returns the number of sources added.
func (c *Clusterer) Len() int { return len(c.srcs) }

// Add puts source id with features f into the story of its best-matching
// earlier source, or into a new story, and returns the story's id and
// whether the story is new. Adding an id a second time changes nothing and
// returns its story.
//
// The new source is compared only with candidates: sources sharing an LSH
// bucket of its signature or a rare entity name.
func (c *Clusterer) Add(id int64, f Features) (storyID int64, isNew bool) {
	if i, ok := c.byID[id]; ok {
		return c.stories[c.srcs[i].story].id, false
	}
	bands := c.bandKeys(f.Signature)
	best, bestScore := -1, 0.0
	for _, ci := range c.candidates(bands, f) {
		m := c.Compare(c.srcs[ci].f, f)
		if s := m.score(); s > bestScore || (s == bestScore && s > 0 && ci > int32(best)) {
			best, bestScore = int(ci), s
		}
	}
	idx := int32(len(c.srcs))
	si := -1
	if best >= 0 {
		si = c.srcs[best].story
	} else {
		si = len(c.stories)
		c.stories = append(c.stories, &story{id: id, ents: map[string]int{}, terms: map[string]int{}})
		c.storyOf[id] = si
		isNew = true
	}
	c.srcs = append(c.srcs, member{id: id, story: si, f: f})
	c.byID[id] = int(idx)
	st := c.stories[si]
	st.members = append(st.members, id)
	st.normAt = 0
	for _, e := range f.Entities {
		st.ents[e.Key]++
		c.entDF[e.Key]++
	}
	for _, t := range f.Terms {
		st.terms[t]++
		c.termDF[t]++
	}
	for _, b := range bands {
		c.buckets[b] = capped(c.buckets[b], idx, c.opts.MaxPostings)
	}
	for _, k := range f.EntityKeys {
		if c.saturated[k] {
			continue
		}
		if len(c.names[k]) >= c.opts.MaxPostings {
			// The name is common: it no longer tells stories apart.
			c.saturated[k] = true
			delete(c.names, k)
			continue
		}
		c.names[k] = append(c.names[k], idx)
	}
	return st.id, isNew
}

// capped appends x to list, dropping the oldest entry when the list is
// full: a bucket crowded with copies keeps the most recent ones, which all
// lead to the same stories.
func capped(list []int32, x int32, n int) []int32 {
	if len(list) >= n {
		copy(list, list[1:])
		list = list[:len(list)-1]
	}
	return append(list, x)
}

// bandKeys hashes each band of the signature, salted by its position, into
// one bucket key.
func (c *Clusterer) bandKeys(sig []uint64) []uint64 {
	if len(sig) != NumHashes {
		return nil
	}
	keys := make([]uint64, c.opts.Bands)
	var buf [8]byte
	for b := range keys {
		h := fnv.New64a()
		binary.LittleEndian.PutUint64(buf[:], uint64(b))
		_, _ = h.Write(buf[:])
		for _, v := range sig[b*c.rows : (b+1)*c.rows] {
			binary.LittleEndian.PutUint64(buf[:], v)
			_, _ = h.Write(buf[:])
		}
		keys[b] = h.Sum64()
	}
	return keys
}

// candidates returns the indexes of earlier sources that share a bucket or
// a rare entity name with f, those with most hits first, then the most
// recent, at most MaxCandidates.
func (c *Clusterer) candidates(bands []uint64, f Features) []int32 {
	hits := map[int32]int{}
	for _, b := range bands {
		for _, i := range c.buckets[b] {
			hits[i] += 2 // a shared band is strong evidence
		}
	}
	for _, k := range f.EntityKeys {
		for _, i := range c.names[k] {
			hits[i]++
		}
	}
	out := make([]int32, 0, len(hits))
	for i := range hits {
		out = append(out, i)
	}
	sort.Slice(out, func(a, b int) bool {
		if hits[out[a]] != hits[out[b]] {
			return hits[out[a]] > hits[out[b]]
		}
		return out[a] > out[b]
	})
	if len(out) > c.opts.MaxCandidates {
		out = out[:c.opts.MaxCandidates]
	}
	return out
}

// Compare weighs the evidence that sources a and b tell one story, under
// the Clusterer's options.
func (c *Clusterer) Compare(a, b Features) Match {
	o := c.opts
	m := Match{Jaccard: Similarity(a.Signature, b.Signature)}
	if !a.Published.IsZero() && !b.Published.IsZero() {
		d := a.Published.Sub(b.Published)
		if d < 0 {
			d = -d
		}
		m.Apart = d > o.Window
	}
	m.SharedEntities = min(sharedNames(a.Entities, b.EntityKeys), sharedNames(b.Entities, a.EntityKeys))
	m.SharedFacts = countShared(a.Figures, b.Figures) + countShared(a.Dates, b.Dates)
	if n := min(len(a.Terms), len(b.Terms)); n > 0 {
		m.TermOverlap = float64(countShared(a.Terms, b.Terms)) / float64(n)
	}
	switch {
	case m.Jaccard >= o.NearDuplicate:
		m.Reason = NearDuplicate
	case !m.Apart && m.SharedEntities >= o.MinSharedEntities &&
		(m.SharedFacts >= o.MinSharedFacts || m.TermOverlap >= o.MinTermOverlap):
		m.Reason = SameEvent
	}
	return m
}

// sharedNames counts the names of a that any key of keys (sorted) matches.
func sharedNames(a []Name, keys []string) int {
	n := 0
	for _, e := range a {
		for _, k := range e.Keys {
			if i := sort.SearchStrings(keys, k); i < len(keys) && keys[i] == k {
				n++
				break
			}
		}
	}
	return n
}

// countShared counts the strings in both sorted, duplicate-free slices.
func countShared(a, b []string) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
}

// StoryOf returns the story of source id, and false when id was never added.
func (c *Clusterer) StoryOf(id int64) (int64, bool) {
	i, ok := c.byID[id]
	if !ok {
		return 0, false
	}
	return c.stories[c.srcs[i].story].id, true
}

// Stories returns the stories in order of creation, each with its sources
// in the order they were added. The slices are copies.
func (c *Clusterer) Stories() []Story {
	out := make([]Story, len(c.stories))
	for i, s := range c.stories {
		out[i] = Story{ID: s.id, Sources: append([]int64(nil), s.members...)}
	}
	return out
}

// Related returns up to k other stories most related to story storyID, by
// decreasing score, leaving out stories that share nothing with it. Entity
// names weigh twice as much as content words; both are weighted by inverse
// document frequency over the sources added, so that a name every story
// carries counts for little. It scans every story: its cost grows with
// their number. An unknown story gives an error.
func (c *Clusterer) Related(storyID int64, k int) ([]Related, error) {
	si, ok := c.storyOf[storyID]
	if !ok {
		return nil, fmt.Errorf("related stories of %d: no such story", storyID)
	}
	if k <= 0 {
		return nil, nil
	}
	q := c.stories[si]
	qn := c.norm(q)
	if qn == 0 {
		return nil, nil
	}
	// The query's weights, computed once.
	qe, qt := c.weights(q.ents, c.entDF, 2), c.weights(q.terms, c.termDF, 1)
	var out []Related
	for j, s := range c.stories {
		if j == si {
			continue
		}
		dot := c.dotWeights(qe, s.ents, c.entDF, 2) + c.dotWeights(qt, s.terms, c.termDF, 1)
		if dot <= 0 {
			continue
		}
		out = append(out, Related{StoryID: s.id, Score: min(dot/(qn*c.norm(s)), 1)})
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Score > out[b].Score })
	if len(out) > k {
		out = out[:k]
	}
	return out, nil
}

// weight is the weight of a feature seen in count member sources and df
// sources overall: sublinear frequency times smoothed IDF.
func (c *Clusterer) weight(count, df int, boost float64) float64 {
	idf := math.Log(1 + float64(len(c.srcs))/float64(max(df, 1)))
	return boost * (1 + math.Log(float64(count))) * idf
}

func (c *Clusterer) weights(m map[string]int, df map[string]int, boost float64) map[string]float64 {
	w := make(map[string]float64, len(m))
	for k, n := range m {
		w[k] = c.weight(n, df[k], boost)
	}
	return w
}

// dotWeights is the dot product of weights q with the story features m.
func (c *Clusterer) dotWeights(q map[string]float64, m map[string]int, df map[string]int, boost float64) float64 {
	s := 0.0
	if len(q) <= len(m) {
		for k, wq := range q {
			if n, ok := m[k]; ok {
				s += wq * c.weight(n, df[k], boost)
			}
		}
		return s
	}
	for k, n := range m {
		if wq, ok := q[k]; ok {
			s += wq * c.weight(n, df[k], boost)
		}
	}
	return s
}

// norm returns the length of the story's vector, from the cache while it is
// fresh enough.
func (c *Clusterer) norm(s *story) float64 {
	if s.normAt > 0 && len(c.srcs) <= s.normAt+s.normAt/4 {
		return s.norm
	}
	sum := 0.0
	for k, n := range s.ents {
		w := c.weight(n, c.entDF[k], 2)
		sum += w * w
	}
	for k, n := range s.terms {
		w := c.weight(n, c.termDF[k], 1)
		sum += w * w
	}
	s.norm, s.normAt = math.Sqrt(sum), len(c.srcs)
	return s.norm
}
