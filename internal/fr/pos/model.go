package pos

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"

	"github.com/plume-seo/plume/internal/prefault"
)

// model is the compiled, read-only form of a trained tagger: one weight
// table per pass (the left-to-right pass, and the right-to-left pass of a
// model trained with TrainConfig.Bidirectional), a tag dictionary and the
// look-ahead tag sets.
type model struct {
	classes []string
	// tagdict maps the hash of a normalised frequent, unambiguous word to
	// its class; such words are tagged without scoring.
	tagdict map[uint64]uint8
	// seen maps the hash of a normalised frequent word to the hash of the
	// tag set it had in training (see buildTagDict).
	seen    map[uint64]uint64
	useDict bool
	// dictPrint is dictFingerprint of the Dict the model was trained with.
	dictPrint uint64
	// passes holds the left-to-right pass's table and, when bidi is set,
	// the right-to-left pass's.
	passes []table
	bidi   bool
}

// table is one perceptron's weights: an open-addressing table from feature
// key to its (class, weight) pairs. Most features carry weight for only a
// few classes, so sparse pairs are both smaller on disk and faster to add
// up than dense rows; the pairs of a feature with one or two classes (four
// features in five) sit in its slot, so that its look-up touches one cache
// line.
type table struct {
	scale float32 // real weight = int16 weight × scale
	mask  uint64
	slots []slot
	pairs []pair // of features with more than two classes
}

// slot is one entry of the feature table, 16 bytes. The table is indexed
// by the key's low bits and the slot keeps its high 32 bits as a
// fingerprint: among the few keys probed per look-up, a false match has a
// chance of about 2^-32.
type slot struct {
	fp    uint32 // high half of the key; 0 marks an empty slot
	start uint32 // first pair in table.pairs when count > 2
	count uint8
	cls   [2]uint8 // the pairs themselves when count ≤ 2
	wts   [2]int16
}

// pair is one class weight of a feature.
type pair struct {
	class  uint8
	weight int16
}

// fingerprint returns the high half of k, never 0.
func fingerprint(k uint64) uint32 {
	if fp := uint32(k >> 32); fp != 0 {
		return fp
	}
	return 1
}

const (
	magic         = "PLUMEPOS"
	formatVersion = 3
	maxClasses    = 64
	maxPasses     = 2
)

// slot returns the table slot holding key k, or nil.
func (m *table) slot(k uint64) *slot {
	fp := fingerprint(k)
	i := k & m.mask
	for {
		s := &m.slots[i]
		switch s.fp {
		case fp:
			return s
		case 0:
			return nil
		}
		i = (i + 1) & m.mask
	}
}

// score adds the weights of feats into scores.
func (m *table) score(feats []uint64, scores []int32) {
	for _, f := range feats {
		s := m.slot(f)
		if s == nil {
			continue
		}
		switch s.count {
		case 2:
			scores[s.cls[1]] += int32(s.wts[1])
			fallthrough
		case 1:
			scores[s.cls[0]] += int32(s.wts[0])
		default:
			for _, p := range m.pairs[s.start : s.start+uint32(s.count)] {
				scores[p.class] += int32(p.weight)
			}
		}
	}
}

// feature is one row of a model being encoded.
type feature struct {
	key uint64
	cls []uint8
	wts []int16
}

// encodedTable is one pass's weights being encoded.
type encodedTable struct {
	scale float32
	feats []feature
}

// encode writes the model format:
//
//	"PLUMEPOS" version:u32 flags:u32 dictprint:u64 nclasses:u8 {len:u8 name}…
//	ntagdict:u32 {key:u64 class:u8}… nseen:u32 {key:u64 set:u64}…
//	npasses:u8 {scale:f32 nfeat:u32 {key:u64 n:u8 {class:u8 weight:i16}…}…}…
//
// little-endian throughout.
func encode(classes []string, useDict, bidi bool, dictPrint uint64, tagdict map[uint64]uint8, seen map[uint64]uint64, passes []encodedTable) []byte {
	b := []byte(magic)
	b = binary.LittleEndian.AppendUint32(b, formatVersion)
	var flags uint32
	if useDict {
		flags |= 1
	}
	if bidi {
		flags |= 2
	}
	b = binary.LittleEndian.AppendUint32(b, flags)
	b = binary.LittleEndian.AppendUint64(b, dictPrint)
	b = append(b, byte(len(classes)))
	for _, c := range classes {
		b = append(b, byte(len(c)))
		b = append(b, c...)
	}
	b = binary.LittleEndian.AppendUint32(b, uint32(len(tagdict)))
	for _, k := range sortedKeys(tagdict) {
		b = binary.LittleEndian.AppendUint64(b, k)
		b = append(b, tagdict[k])
	}
	b = binary.LittleEndian.AppendUint32(b, uint32(len(seen)))
	for _, k := range sortedKeys(seen) {
		b = binary.LittleEndian.AppendUint64(b, k)
		b = binary.LittleEndian.AppendUint64(b, seen[k])
	}
	b = append(b, byte(len(passes)))
	for _, p := range passes {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(p.scale))
		b = binary.LittleEndian.AppendUint32(b, uint32(len(p.feats)))
		for _, f := range p.feats {
			b = binary.LittleEndian.AppendUint64(b, f.key)
			b = append(b, byte(len(f.cls)))
			for j, c := range f.cls {
				b = append(b, c)
				b = binary.LittleEndian.AppendUint16(b, uint16(f.wts[j]))
			}
		}
	}
	return b
}

// errTruncated reports a model file that ends early.
var errTruncated = errors.New("truncated model")

// reader decodes the model format, remembering the first error.
type reader struct {
	b   []byte
	err error
}

func (r *reader) take(n int) []byte {
	if r.err != nil || n > len(r.b) {
		r.err = errTruncated
		return nil
	}
	p := r.b[:n]
	r.b = r.b[n:]
	return p
}

func (r *reader) u8() uint8 {
	p := r.take(1)
	if p == nil {
		return 0
	}
	return p[0]
}

func (r *reader) u32() uint32 {
	p := r.take(4)
	if p == nil {
		return 0
	}
	return binary.LittleEndian.Uint32(p)
}

func (r *reader) u64() uint64 {
	p := r.take(8)
	if p == nil {
		return 0
	}
	return binary.LittleEndian.Uint64(p)
}

// decode parses a model written by encode, its tables on the Go heap.
func decode(data []byte) (*model, error) { return decodeIn(data, false) }

// decodeIn is decode with the weight tables populated in one call
// (prefault.Make) when the model lives as long as the process.
func decodeIn(data []byte, populated bool) (*model, error) {
	r := &reader{b: data}
	if string(r.take(len(magic))) != magic {
		return nil, errors.New("decode model: bad magic")
	}
	if v := r.u32(); v != formatVersion {
		return nil, fmt.Errorf("decode model: format version %d, want %d", v, formatVersion)
	}
	m := &model{}
	flags := r.u32()
	m.useDict = flags&1 != 0
	m.bidi = flags&2 != 0
	m.dictPrint = r.u64()
	nc := int(r.u8())
	if nc == 0 || nc > maxClasses {
		return nil, fmt.Errorf("decode model: %d classes", nc)
	}
	for range nc {
		m.classes = append(m.classes, string(r.take(int(r.u8()))))
	}
	ntd := int(r.u32())
	if ntd > len(r.b)/9 {
		return nil, fmt.Errorf("decode model: tag dictionary: %w", errTruncated)
	}
	m.tagdict = make(map[uint64]uint8, ntd)
	for range ntd {
		k, c := r.u64(), r.u8()
		if int(c) >= nc {
			return nil, fmt.Errorf("decode model: tag dictionary class %d of %d", c, nc)
		}
		m.tagdict[k] = c
	}
	nseen := int(r.u32())
	if nseen > len(r.b)/16 {
		return nil, fmt.Errorf("decode model: seen tag sets: %w", errTruncated)
	}
	m.seen = make(map[uint64]uint64, nseen)
	for range nseen {
		k := r.u64()
		m.seen[k] = r.u64()
	}
	np := int(r.u8())
	if r.err != nil {
		return nil, fmt.Errorf("decode model: %w", r.err)
	}
	if np == 0 || np > maxPasses || m.bidi && np != 2 {
		return nil, fmt.Errorf("decode model: %d passes", np)
	}
	for range np {
		tab, err := decodeTable(r, nc, populated)
		if err != nil {
			return nil, fmt.Errorf("decode model: %w", err)
		}
		m.passes = append(m.passes, tab)
	}
	if len(r.b) != 0 {
		return nil, fmt.Errorf("decode model: %d trailing bytes", len(r.b))
	}
	return m, nil
}

// decodeTable reads one pass's weights.
func decodeTable(r *reader, nc int, populated bool) (table, error) {
	var m table
	m.scale = math.Float32frombits(r.u32())
	nf := int(r.u32())
	if r.err != nil {
		return m, r.err
	}
	if nf > len(r.b)/9 {
		return m, fmt.Errorf("features: %w", errTruncated)
	}
	size := 1
	for size*2 < nf*3 { // load factor ≤ 2/3 keeps probes short
		size <<= 1
	}
	m.mask = uint64(size - 1)
	m.slots = makeSlice[slot](populated, size)
	m.pairs = makeSlice[pair](populated, countPairs(r.b, nf))[:0]
	for range nf {
		k := r.u64()
		n := int(r.u8())
		p := r.take(3 * n)
		if r.err != nil {
			return m, r.err
		}
		fp := fingerprint(k)
		i := k & m.mask
		for m.slots[i].fp != 0 {
			if m.slots[i].fp == fp {
				// A duplicate key, or two keys whose fingerprints
				// collide in one probe chain: retrain with another seed.
				return m, fmt.Errorf("duplicate feature fingerprint %x", fp)
			}
			i = (i + 1) & m.mask
		}
		sl := slot{fp: fp, count: uint8(n), start: uint32(len(m.pairs))}
		for j := 0; j < n; j++ {
			c := p[3*j]
			if int(c) >= nc {
				return m, fmt.Errorf("feature class %d of %d", c, nc)
			}
			w := int16(binary.LittleEndian.Uint16(p[3*j+1:]))
			if n <= 2 {
				sl.cls[j], sl.wts[j] = c, w
			} else {
				m.pairs = append(m.pairs, pair{class: c, weight: w})
			}
		}
		m.slots[i] = sl
	}
	return m, nil
}

// makeSlice returns n zeroed Ts: from prefault.Make for a model that
// lives as long as the process (populated), else from make.
func makeSlice[T any](populated bool, n int) []T {
	if populated {
		return prefault.Make[T](n)
	}
	return make([]T, n)
}

// countPairs returns how many pairs the nf features at the head of b keep
// in a table's pairs (those of more than two classes), so that the slice
// is made once; a truncated b counts what it holds.
func countPairs(b []byte, nf int) int {
	n := 0
	for range nf {
		if len(b) < 9 {
			break
		}
		c := int(b[8])
		if c > 2 {
			n += c
		}
		if 9+3*c > len(b) {
			break
		}
		b = b[9+3*c:]
	}
	return n
}

// adverbSet returns the tag set {ADV}, or 0 when the model has no ADV.
func (m *model) adverbSet() uint64 {
	for i, c := range m.classes {
		if c == "ADV" {
			return seenSet(i)
		}
	}
	return 0
}
