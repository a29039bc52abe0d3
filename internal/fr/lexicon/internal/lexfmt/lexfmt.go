// Package lexfmt is the on-disk format of plume's French lexicon: the
// generator encodes with it and package lexicon decodes with it, so the two
// can never disagree about the layout.
//
// It takes a list of forms with their analyses (lemma + textual tag) and
// gives a flate-compressed byte string, and back. It never reads files or
// the network, and knows nothing of what the tags mean.
//
// Layout (all integers are unsigned varints unless said otherwise): the magic
// line, the uncompressed body length, then the flate-compressed body:
//
//	nTags nForms nExtra nAna
//	column tags      : per tag, length + bytes
//	column prefixes  : per string, bytes shared with the previous string
//	column suffixlen : per string, length of the rest
//	column suffixes  : the rest of every string, concatenated
//	column counts    : per form, number of analyses
//	column lemmas    : per analysis, zig-zag varint of lemmaID − formID
//	column tagids    : per analysis, index into the tag table
//
// Each column is preceded by its byte length. Strings are the sorted forms
// followed by the sorted "extra" lemmas that are not themselves forms; a
// lemma ID indexes that combined list. Front coding of the sorted strings and
// one column per kind of value are what keep the file small: flate then sees
// long runs of similar bytes.
package lexfmt

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"unsafe"
)

// Magic opens every lexicon file; the digit is the format version.
const Magic = "PLUMELEX1\n"

// Analysis is one reading of a form as the encoder receives it.
type Analysis struct {
	Lemma string
	Tag   string // textual tag, e.g. "NOUN|Gender=Fem|Number=Plur"
}

// Entry is one form with all its readings.
type Entry struct {
	Form     string
	Analyses []Analysis
}

// Table is the decoded lexicon, laid out for lookups without per-string
// allocation: every string lives in Strings and is addressed by offsets.
type Table struct {
	Tags     []string
	Strings  string   // all forms, then all extra lemmas, concatenated
	Offsets  []uint32 // len = NForms+NExtra+1; string i is Strings[Offsets[i]:Offsets[i+1]]
	NForms   int      // forms are strings 0..NForms-1, sorted bytewise
	AnaStart []uint32 // len = NForms+1; form i has analyses AnaStart[i]:AnaStart[i+1]
	Lemma    []uint32 // per analysis: string ID of the lemma
	Tag      []uint16 // per analysis: index into Tags
}

// String returns string id i.
func (t *Table) String(i int) string { return t.Strings[t.Offsets[i]:t.Offsets[i+1]] }

// Encode writes entries to w. Entries may come in any order and may repeat a
// form; analyses are merged and de-duplicated so the output is deterministic.
func Encode(w io.Writer, entries []Entry) error {
	merged := map[string][]Analysis{}
	for _, e := range entries {
		if e.Form == "" {
			return errors.New("lexfmt: empty form")
		}
		merged[e.Form] = append(merged[e.Form], e.Analyses...)
	}
	forms := make([]string, 0, len(merged))
	for f := range merged {
		forms = append(forms, f)
	}
	sort.Strings(forms)
	formID := make(map[string]int, len(forms))
	for i, f := range forms {
		formID[f] = i
	}
	extraSet := map[string]bool{}
	tagCount := map[string]int{}
	for _, f := range forms {
		as := merged[f]
		slices.SortFunc(as, func(a, b Analysis) int {
			if a.Lemma != b.Lemma {
				return cmpStr(a.Lemma, b.Lemma)
			}
			return cmpStr(a.Tag, b.Tag)
		})
		as = slices.Compact(as)
		merged[f] = as
		for _, a := range as {
			if a.Lemma == "" {
				return fmt.Errorf("lexfmt: form %q has an empty lemma", f)
			}
			if _, ok := formID[a.Lemma]; !ok {
				extraSet[a.Lemma] = true
			}
			tagCount[a.Tag]++
		}
	}
	extras := sortedKeys(extraSet)
	tags := byFrequency(tagCount)
	if len(tags) > 1<<16 {
		return fmt.Errorf("lexfmt: %d tags, at most 65536", len(tags))
	}
	tagID := make(map[string]int, len(tags))
	for i, t := range tags {
		tagID[t] = i
	}
	lemmaID := func(l string) int {
		if i, ok := formID[l]; ok {
			return i
		}
		i, _ := slices.BinarySearch(extras, l)
		return len(forms) + i
	}

	var colTags, colLens, colSuf, colCount, colLemma, colTag []byte
	nAna := 0
	for _, t := range tags {
		colTags = binary.AppendUvarint(colTags, uint64(len(t)))
		colTags = append(colTags, t...)
	}
	prev := ""
	for _, s := range append(slices.Clip(forms), extras...) {
		p := commonPrefix(prev, s)
		colLens = appendLens(colLens, p, len(s)-p)
		colSuf = append(colSuf, s[p:]...)
		prev = s
	}
	for i, f := range forms {
		as := merged[f]
		colCount = binary.AppendUvarint(colCount, uint64(len(as)))
		for _, a := range as {
			colLemma = binary.AppendVarint(colLemma, int64(lemmaID(a.Lemma)-i))
			colTag = binary.AppendUvarint(colTag, uint64(tagID[a.Tag]))
			nAna++
		}
	}

	var body []byte
	for _, n := range []int{len(tags), len(forms), len(extras), nAna} {
		body = binary.AppendUvarint(body, uint64(n))
	}
	for _, col := range [][]byte{colTags, colLens, colSuf, colCount, colLemma, colTag} {
		body = binary.AppendUvarint(body, uint64(len(col)))
		body = append(body, col...)
	}

	head := binary.AppendUvarint([]byte(Magic), uint64(len(body)))
	if _, err := w.Write(head); err != nil {
		return fmt.Errorf("lexfmt: write header: %w", err)
	}
	fw, err := flate.NewWriter(w, flate.BestCompression)
	if err != nil {
		return fmt.Errorf("lexfmt: %w", err)
	}
	if _, err := fw.Write(body); err != nil {
		return fmt.Errorf("lexfmt: compress: %w", err)
	}
	if err := fw.Close(); err != nil {
		return fmt.Errorf("lexfmt: compress: %w", err)
	}
	return nil
}

// ErrFormat reports a file that is not a valid lexicon.
var ErrFormat = errors.New("lexfmt: malformed lexicon data")

// maxBody bounds the uncompressed size we agree to allocate, so corrupt data
// cannot ask for an absurd buffer.
const maxBody = 1 << 28

// Decode parses data produced by Encode.
func Decode(data []byte) (*Table, error) { return DecodeIn(data, nil) }

// Memory makes the zeroed slices a decoded table is made of, safely for
// concurrent use: Heap, or a prefault.Alloc.
type Memory interface {
	Bytes(n int) []byte
	Uint32s(n int) []uint32
	Uint16s(n int) []uint16
}

// Heap is the Go heap as a Memory: plain make.
var Heap Memory = heap{}

type heap struct{}

func (heap) Bytes(n int) []byte     { return make([]byte, n) }
func (heap) Uint32s(n int) []uint32 { return make([]uint32, n) }
func (heap) Uint16s(n int) []uint16 { return make([]uint16, n) }

// DecodeIn is Decode with the table, and the decoder's buffer, in mem
// (nil: Heap).
func DecodeIn(data []byte, mem Memory) (*Table, error) {
	if mem == nil {
		mem = Heap
	}
	if !bytes.HasPrefix(data, []byte(Magic)) {
		return nil, fmt.Errorf("%w: bad magic", ErrFormat)
	}
	data = data[len(Magic):]
	n, k := binary.Uvarint(data)
	if k <= 0 || n > maxBody {
		return nil, fmt.Errorf("%w: bad body length", ErrFormat)
	}
	body := mem.Bytes(int(n))
	fr := flate.NewReader(bytes.NewReader(data[k:]))
	if _, err := io.ReadFull(fr, body); err != nil {
		return nil, fmt.Errorf("lexfmt: decompress: %w", err)
	}
	_ = fr.Close()
	return decodeBody(body, mem)
}

// reader walks a byte slice of varints; the first error sticks.
type reader struct {
	b   []byte
	bad bool
}

func (r *reader) uvarint() uint64 {
	// Fast path for one-byte values, which are most of the data.
	if len(r.b) > 0 && r.b[0] < 0x80 {
		v := uint64(r.b[0])
		r.b = r.b[1:]
		return v
	}
	v, k := binary.Uvarint(r.b)
	if k <= 0 {
		r.bad = true
		r.b = nil
		return 0
	}
	r.b = r.b[k:]
	return v
}

func (r *reader) varint() int64 {
	u := r.uvarint()
	return int64(u>>1) ^ -int64(u&1)
}

func (r *reader) bytes(n uint64) []byte {
	if n > uint64(len(r.b)) {
		r.bad = true
		r.b = nil
		return nil
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

func (r *reader) column() *reader {
	return &reader{b: r.bytes(r.uvarint())}
}

func decodeBody(body []byte, mem Memory) (*Table, error) {
	r := &reader{b: body}
	nTags, nForms, nExtra, nAna := r.uvarint(), r.uvarint(), r.uvarint(), r.uvarint()
	if r.bad || nTags > 1<<16 || nForms > maxBody || nExtra > maxBody || nAna > maxBody {
		return nil, fmt.Errorf("%w: bad counts", ErrFormat)
	}
	cTags, cLens, cSuf := r.column(), r.column(), r.column()
	cCount, cLemma, cTag := r.column(), r.column(), r.column()
	if r.bad {
		return nil, fmt.Errorf("%w: truncated columns", ErrFormat)
	}
	t := &Table{NForms: int(nForms)}
	t.Tags = make([]string, nTags)
	for i := range t.Tags {
		t.Tags[i] = string(cTags.bytes(cTags.uvarint()))
	}

	nStr := int(nForms + nExtra)
	// The analyses and the strings are independent columns: decode them
	// at once (the lexicon's load is most of a short command's time).
	anaErr := make(chan error, 1)
	go func() { anaErr <- decodeAnalyses(t, mem, nForms, nAna, uint64(nStr), nTags, cCount, cLemma, cTag) }()

	// The suffix column's length plus shared prefixes is the blob size; sum
	// the prefixes first so the blob is allocated once.
	total := uint64(len(cSuf.b))
	pre := *cLens
	for range nStr {
		p, _ := pre.lens()
		total += p
	}
	if pre.bad || total > maxBody {
		return nil, fmt.Errorf("%w: bad length column", ErrFormat)
	}
	blob := mem.Bytes(int(total))
	suf := cSuf.b
	t.Offsets = mem.Uint32s(nStr + 1)
	pos, prevStart := 0, 0
	for i := range nStr {
		p, s := cLens.lens()
		if p > uint64(pos-prevStart) || s > uint64(len(suf)) || uint64(pos)+p+s > total {
			return nil, fmt.Errorf("%w: string %d out of range", ErrFormat, i)
		}
		t.Offsets[i] = uint32(pos)
		// Byte loops, not copy: the pieces average a few bytes, where
		// memmove's call overhead dominates.
		dst := blob[pos : pos+int(p+s)]
		for j := range int(p) {
			dst[j] = blob[prevStart+j]
		}
		for j := range int(s) {
			dst[int(p)+j] = suf[j]
		}
		suf = suf[s:]
		prevStart = pos
		pos += int(p + s)
	}
	t.Offsets[nStr] = uint32(pos)
	if cLens.bad || cTags.bad || len(suf) != 0 || uint64(pos) != total {
		return nil, fmt.Errorf("%w: truncated strings", ErrFormat)
	}
	// blob is never written again, so the string may share its memory;
	// this saves copying (and zeroing) another 5 MB at load.
	t.Strings = unsafe.String(unsafe.SliceData(blob), len(blob))
	if err := <-anaErr; err != nil {
		return nil, err
	}

	return t, nil
}

// decodeAnalyses fills the analysis columns of t. It reads only its own
// columns, so it runs beside the string decoding.
func decodeAnalyses(t *Table, mem Memory, nForms, nAna, nStr, nTags uint64, cCount, cLemma, cTag *reader) error {
	t.AnaStart = mem.Uint32s(int(nForms + 1))
	t.Lemma = mem.Uint32s(int(nAna))
	t.Tag = mem.Uint16s(int(nAna))
	a := uint64(0)
	for i := range int(nForms) {
		t.AnaStart[i] = uint32(a)
		c := cCount.uvarint()
		if a+c > nAna {
			return fmt.Errorf("%w: too many analyses", ErrFormat)
		}
		for range c {
			l := int64(i) + cLemma.varint()
			tg := cTag.uvarint()
			if l < 0 || l >= int64(nStr) || tg >= nTags {
				return fmt.Errorf("%w: analysis out of range", ErrFormat)
			}
			t.Lemma[a] = uint32(l)
			t.Tag[a] = uint16(tg)
			a++
		}
	}
	t.AnaStart[nForms] = uint32(a)
	if a != nAna || cCount.bad || cLemma.bad || cTag.bad {
		return fmt.Errorf("%w: analysis columns", ErrFormat)
	}
	return nil
}

// appendLens writes a string's shared-prefix and suffix lengths: one byte
// p<<4|s when both are under 15 (nearly always), else 0xFF and two varints.
func appendLens(b []byte, p, s int) []byte {
	if p < 15 && s < 15 {
		return append(b, byte(p<<4|s))
	}
	b = append(b, 0xFF)
	b = binary.AppendUvarint(b, uint64(p))
	return binary.AppendUvarint(b, uint64(s))
}

func (r *reader) lens() (p, s uint64) {
	if len(r.b) > 0 && r.b[0] != 0xFF {
		v := r.b[0]
		r.b = r.b[1:]
		return uint64(v >> 4), uint64(v & 15)
	}
	if len(r.b) == 0 {
		r.bad = true
		return 0, 0
	}
	r.b = r.b[1:]
	return r.uvarint(), r.uvarint()
}

func commonPrefix(a, b string) int {
	n := min(len(a), len(b))
	i := 0
	for i < n && a[i] == b[i] {
		i++
	}
	return i
}

func cmpStr(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// byFrequency orders tags most frequent first, so the common ones get
// one-byte varint IDs; ties break alphabetically to stay deterministic.
func byFrequency(count map[string]int) []string {
	out := make([]string, 0, len(count))
	for k := range count {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool {
		if count[out[i]] != count[out[j]] {
			return count[out[i]] > count[out[j]]
		}
		return out[i] < out[j]
	})
	return out
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
