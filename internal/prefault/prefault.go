// Package prefault gives memory that the kernel maps all at once.
//
// A fresh process faults in every page it touches, one at a time. On the
// virtual machines plume runs on, a fault costs some 10 µs — 32 MB touched
// page by page take 0.1 s, the same 32 MB mapped with MAP_POPULATE under
// 10 ms — and the French kit's tables (the lexicon, its lemma index, the
// tagger's model: some 25 MB) are most of what a short command touches.
// The tables live as long as the process and hold no pointers, so they
// need neither the garbage collector nor freeing: they are built in
// memory from Alloc.
//
// On Linux, an Alloc takes its memory from anonymous mappings made with
// MAP_POPULATE, in chunks, never unmapped; elsewhere, or when mapping
// fails, from the Go heap. Only process-lifetime tables should use it: a
// table built twice from an Alloc keeps both copies.
package prefault

import (
	"sync"
	"unsafe"
)

// chunk is the size of one mapping: most tables fit in one, a larger
// request gets a mapping of its own.
const chunk = 8 << 20

// Alloc hands out zeroed memory from populated mappings. Its zero value is
// ready; it is safe for concurrent use.
type Alloc struct {
	mu   sync.Mutex
	free []byte // the rest of the current chunk
}

// Bytes returns n zeroed bytes, 8-byte aligned.
func (a *Alloc) Bytes(n int) []byte {
	if n <= 0 {
		return nil
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	size := (n + 7) &^ 7
	if size > len(a.free) {
		if size > chunk/2 {
			if b := mapPopulated(size); b != nil {
				return b[:n:n]
			}
			return make([]byte, n)
		}
		a.free = mapPopulated(chunk)
		if a.free == nil {
			return make([]byte, n)
		}
	}
	b := a.free[:n:n]
	a.free = a.free[size:]
	return b
}

// Uint32s returns n zeroed uint32s.
func (a *Alloc) Uint32s(n int) []uint32 {
	if n <= 0 {
		return nil
	}
	return unsafe.Slice((*uint32)(unsafe.Pointer(unsafe.SliceData(a.Bytes(4*n)))), n)
}

// Uint16s returns n zeroed uint16s.
func (a *Alloc) Uint16s(n int) []uint16 {
	if n <= 0 {
		return nil
	}
	return unsafe.Slice((*uint16)(unsafe.Pointer(unsafe.SliceData(a.Bytes(2*n)))), n)
}

// Scratch returns n zeroed bytes for a temporary buffer and the function
// that gives them back, from a populated mapping of their own (unmapped on
// release) where there is one, else from the Go heap.
func (*Alloc) Scratch(n int) ([]byte, func()) {
	if n > 0 {
		if b := mapPopulated(n); b != nil {
			return b, func() { unmap(b) }
		}
	}
	return make([]byte, n), func() {}
}
