// Package prefault gives memory whose pages the kernel maps all at once.
//
// A fresh process faults in every page it touches, one at a time. On the
// virtual machines plume runs on, a fault costs some 10 µs — 32 MB touched
// page by page take 0.1 s, the same 32 MB populated in one call some
// 10 ms — and the French kit's tables (the lexicon, its lemma index, the
// tagger's model: some 25 MB) are most of what a short command touches.
//
// The memory is the Go heap's, as make gives it; on Linux each block of a
// page or more is then populated with madvise(MADV_POPULATE_WRITE) before
// it is written (the kernel maps its pages in one call). Elsewhere, or on
// a kernel without it (before 5.14), it is plain make.
package prefault

import "unsafe"

// Make returns a zeroed slice of n Ts, made by make, whose pages the
// kernel has mapped in one call. From 8 bytes on it is 8-byte aligned, as
// the Go allocator aligns such blocks.
func Make[T any](n int) []T {
	if n <= 0 {
		return nil
	}
	s := make([]T, n)
	populate(unsafe.Pointer(unsafe.SliceData(s)), uintptr(n)*unsafe.Sizeof(s[0]))
	return s
}

// Alloc is Make for the slices a lexicon table is made of
// (lexfmt.Memory). Its zero value is ready; it is safe for concurrent use.
type Alloc struct{}

// Bytes returns n zeroed bytes.
func (Alloc) Bytes(n int) []byte { return Make[byte](n) }

// Uint32s returns n zeroed uint32s.
func (Alloc) Uint32s(n int) []uint32 { return Make[uint32](n) }

// Uint16s returns n zeroed uint16s.
func (Alloc) Uint16s(n int) []uint16 { return Make[uint16](n) }
