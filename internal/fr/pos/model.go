package pos

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// model is the compiled, read-only form of a trained perceptron: an
// open-addressing table from feature key to a run of sparse (class, weight)
// pairs. Most features carry weight for only a few classes, so sparse runs
// are both smaller on disk and faster to add up than dense rows.
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
	scale     float32 // real weight = int16 weight × scale

	mask  uint64
	slots []slot
	pairs []pair
}

// slot is one entry of the feature table; key, run start and length sit
// together so that a look-up touches one cache line.
type slot struct {
	key   uint64 // 0 marks an empty slot
	start uint32 // first pair of the run
	count uint32 // length of the run
}

// pair is one class weight of a feature.
type pair struct {
	class  uint8
	weight int16
}

const (
	magic         = "PLUMEPOS"
	formatVersion = 2
	maxClasses    = 64
)

// slot returns the table slot holding key k, or -1.
func (m *model) slot(k uint64) *slot {
	if k == 0 {
		k = 1
	}
	i := k & m.mask
	for {
		s := &m.slots[i]
		switch s.key {
		case k:
			return s
		case 0:
			return nil
		}
		i = (i + 1) & m.mask
	}
}

// score adds the weights of feats into scores.
func (m *model) score(feats []uint64, scores []int32) {
	for _, f := range feats {
		s := m.slot(f)
		if s == nil {
			continue
		}
		for _, p := range m.pairs[s.start : s.start+s.count] {
			scores[p.class] += int32(p.weight)
		}
	}
}

// feature is one row of a model being encoded.
type feature struct {
	key uint64
	cls []uint8
	wts []int16
}

// encode writes the model format:
//
//	"PLUMEPOS" version:u32 flags:u32 dictprint:u64 nclasses:u8 {len:u8 name}…
//	scale:f32 ntagdict:u32 {key:u64 class:u8}… nseen:u32 {key:u64 set:u64}…
//	nfeat:u32 {key:u64 n:u8 {class:u8 weight:i16}…}…
//
// little-endian throughout.
func encode(classes []string, useDict bool, dictPrint uint64, scale float32, tagdict map[uint64]uint8, seen map[uint64]uint64, feats []feature) []byte {
	b := []byte(magic)
	b = binary.LittleEndian.AppendUint32(b, formatVersion)
	var flags uint32
	if useDict {
		flags |= 1
	}
	b = binary.LittleEndian.AppendUint32(b, flags)
	b = binary.LittleEndian.AppendUint64(b, dictPrint)
	b = append(b, byte(len(classes)))
	for _, c := range classes {
		b = append(b, byte(len(c)))
		b = append(b, c...)
	}
	b = binary.LittleEndian.AppendUint32(b, math.Float32bits(scale))
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
	b = binary.LittleEndian.AppendUint32(b, uint32(len(feats)))
	for _, f := range feats {
		b = binary.LittleEndian.AppendUint64(b, f.key)
		b = append(b, byte(len(f.cls)))
		for j, c := range f.cls {
			b = append(b, c)
			b = binary.LittleEndian.AppendUint16(b, uint16(f.wts[j]))
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

// decode parses a model written by encode.
func decode(data []byte) (*model, error) {
	r := &reader{b: data}
	if string(r.take(len(magic))) != magic {
		return nil, errors.New("decode model: bad magic")
	}
	if v := r.u32(); v != formatVersion {
		return nil, fmt.Errorf("decode model: format version %d, want %d", v, formatVersion)
	}
	m := &model{}
	m.useDict = r.u32()&1 != 0
	m.dictPrint = r.u64()
	nc := int(r.u8())
	if nc == 0 || nc > maxClasses {
		return nil, fmt.Errorf("decode model: %d classes", nc)
	}
	for range nc {
		m.classes = append(m.classes, string(r.take(int(r.u8()))))
	}
	m.scale = math.Float32frombits(r.u32())
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
	nf := int(r.u32())
	if r.err != nil {
		return nil, fmt.Errorf("decode model: %w", r.err)
	}
	if nf > len(r.b)/9 {
		return nil, fmt.Errorf("decode model: features: %w", errTruncated)
	}
	size := 1
	for size*2 < nf*3 { // load factor ≤ 2/3 keeps probes short
		size <<= 1
	}
	m.mask = uint64(size - 1)
	m.slots = make([]slot, size)
	// Each pair is 3 bytes on disk; the remaining length bounds the total.
	npairs := (len(r.b) - nf*9) / 3
	if npairs < 0 {
		npairs = 0
	}
	m.pairs = make([]pair, 0, npairs)
	for range nf {
		k := r.u64()
		n := int(r.u8())
		p := r.take(3 * n)
		if r.err != nil {
			return nil, fmt.Errorf("decode model: %w", r.err)
		}
		if k == 0 {
			k = 1
		}
		i := k & m.mask
		for m.slots[i].key != 0 {
			if m.slots[i].key == k {
				return nil, fmt.Errorf("decode model: duplicate feature %x", k)
			}
			i = (i + 1) & m.mask
		}
		m.slots[i] = slot{key: k, start: uint32(len(m.pairs)), count: uint32(n)}
		for j := 0; j < n; j++ {
			c := p[3*j]
			if int(c) >= nc {
				return nil, fmt.Errorf("decode model: feature class %d of %d", c, nc)
			}
			m.pairs = append(m.pairs, pair{class: c, weight: int16(binary.LittleEndian.Uint16(p[3*j+1:]))})
		}
	}
	if len(r.b) != 0 {
		return nil, fmt.Errorf("decode model: %d trailing bytes", len(r.b))
	}
	return m, nil
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
