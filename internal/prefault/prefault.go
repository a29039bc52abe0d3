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

// Alloc hands out zeroed, populated memory. Its zero value is ready; it is
// safe for concurrent use.
type Alloc struct{}

// Bytes returns n zeroed bytes; from 8 bytes on they are 8-byte aligned,
// as the Go allocator aligns such blocks (callers view them as wider
// words).
func (*Alloc) Bytes(n int) []byte {
	if n <= 0 {
		return nil
	}
	b := make([]byte, n)
	populate(unsafe.Pointer(unsafe.SliceData(b)), uintptr(n))
	return b
}

// Uint32s returns n zeroed uint32s.
func (*Alloc) Uint32s(n int) []uint32 {
	if n <= 0 {
		return nil
	}
	s := make([]uint32, n)
	populate(unsafe.Pointer(unsafe.SliceData(s)), uintptr(4*n))
	return s
}

// Uint16s returns n zeroed uint16s.
func (*Alloc) Uint16s(n int) []uint16 {
	if n <= 0 {
		return nil
	}
	s := make([]uint16, n)
	populate(unsafe.Pointer(unsafe.SliceData(s)), uintptr(2*n))
	return s
}

// Scratch returns n zeroed bytes for a temporary buffer and the function
// that gives them back (the garbage collector does).
func (a *Alloc) Scratch(n int) ([]byte, func()) { return a.Bytes(n), func() {} }
