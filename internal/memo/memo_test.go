package memo

import (
	"sync"
	"sync/atomic"
	"testing"
)

func TestMap(t *testing.T) {
	t.Parallel()
	var m Map[string, int]
	var calls atomic.Int32
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if v := m.Get("a", func() int { calls.Add(1); return 1 }); v != 1 {
				t.Errorf("Get = %d", v)
			}
		})
	}
	wg.Wait()
	before := calls.Load()
	if m.Get("a", func() int { calls.Add(1); return 2 }) != 1 || calls.Load() != before {
		t.Fatal("a remembered value was computed again")
	}
	if m.Get("b", func() int { return 3 }) != 3 || m.Len() != 2 {
		t.Fatalf("Len = %d", m.Len())
	}
}
