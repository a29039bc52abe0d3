package prefault

import (
	"sync"
	"testing"
	"unsafe"
)

// TestAlloc checks what every caller relies on: the memory is zeroed, of
// the length asked, 8-byte aligned, writable, and no two allocations
// overlap — from a few bytes to several pages.
func TestAlloc(t *testing.T) {
	t.Parallel()
	var a Alloc
	var got [][]byte
	for _, n := range []int{1, 7, 8, 1000, 4095, 4097, 3 << 20, 5} {
		b := a.Bytes(n)
		if len(b) != n || cap(b) != n {
			t.Fatalf("Bytes(%d): len %d cap %d", n, len(b), cap(b))
		}
		if p := uintptr(unsafe.Pointer(unsafe.SliceData(b))); n >= 8 && p%8 != 0 {
			t.Fatalf("Bytes(%d) at %#x, not 8-byte aligned", n, p)
		}
		for i, c := range b {
			if c != 0 {
				t.Fatalf("Bytes(%d)[%d] = %d, not zeroed", n, i, c)
			}
		}
		for i := range b {
			b[i] = byte(len(got) + 1)
		}
		got = append(got, b)
	}
	for i, b := range got {
		for j, c := range b {
			if c != byte(i+1) {
				t.Fatalf("allocation %d byte %d = %d: another allocation overlaps it", i, j, c)
			}
		}
	}
	if a.Bytes(0) != nil || a.Uint32s(0) != nil || a.Uint16s(-1) != nil {
		t.Fatal("an empty request returns memory")
	}
	u := a.Uint32s(1000)
	u[999] = 1<<32 - 1
	h := a.Uint16s(1001)
	h[1000] = 1<<16 - 1
	if len(u) != 1000 || len(h) != 1001 || u[0] != 0 || h[0] != 0 {
		t.Fatalf("Uint32s, Uint16s: lengths %d, %d", len(u), len(h))
	}
}

// TestMake checks Make on an element wider than a byte: the length in
// elements, zeroed, writable to the last one.
func TestMake(t *testing.T) {
	t.Parallel()
	type slot struct {
		fp    uint32
		count uint8
		wts   [2]int16
	}
	s := Make[slot](100_000)
	if len(s) != 100_000 || s[0] != (slot{}) || s[len(s)-1] != (slot{}) {
		t.Fatalf("Make: %d slots", len(s))
	}
	s[len(s)-1].fp = 1
	if Make[slot](0) != nil || Make[uint32](-1) != nil {
		t.Fatal("an empty request returns memory")
	}
}

// TestAllocConcurrent has goroutines share one Alloc, as the lexicon's
// two decoders do; run with -race.
func TestAllocConcurrent(t *testing.T) {
	t.Parallel()
	var a Alloc
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for range 200 {
				b := a.Uint32s(1000)
				for i := range b {
					if b[i] != 0 {
						t.Errorf("goroutine %d: memory not zeroed: another allocation overlaps it", g)
						return
					}
					b[i] = uint32(g + 1)
				}
			}
		})
	}
	wg.Wait()
}
