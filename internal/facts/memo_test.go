package facts

import (
	"sync"
	"sync/atomic"
	"testing"
)

func TestMemo(t *testing.T) {
	t.Parallel()
	type keyA struct{}
	type keyB struct{ n int }
	sh := &Sheet{}
	var calls atomic.Int32
	var wg sync.WaitGroup
	got := make([]int, 8)
	for i := range got {
		wg.Go(func() {
			got[i] = sh.Memo(keyA{}, func() any { calls.Add(1); return 41 + 1 }).(int)
		})
	}
	wg.Wait()
	for i, v := range got {
		if v != 42 {
			t.Fatalf("goroutine %d got %d", i, v)
		}
	}
	// Concurrent first calls may compute twice; later calls never do.
	before := calls.Load()
	if sh.Memo(keyA{}, func() any { calls.Add(1); return 0 }).(int) != 42 || calls.Load() != before {
		t.Fatal("a memoised value was computed again")
	}
	// Keys of different types, or different values, do not collide; f
	// may ask for another key.
	v := sh.Memo(keyB{1}, func() any { return sh.Memo(keyB{2}, func() any { return "two" }).(string) + "+one" })
	if v != "two+one" || sh.Memo(keyB{2}, nil) != "two" {
		t.Fatalf("keyB{1} = %v, keyB{2} = %v", v, sh.Memo(keyB{2}, nil))
	}
}
