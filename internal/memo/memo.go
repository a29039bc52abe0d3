// Package memo keeps values computed from a key, once: the stages that
// read one article's sheet at every writing pass (the plan, the writer,
// the checks, fidelity) remember their per-sentence readings with it.
package memo

import "sync"

// Map remembers f(k) for each key it is asked. It is safe for concurrent
// use; its zero value is ready. f runs without the lock held, so two
// goroutines asking for one new key may both compute it (the first value
// stored is kept for later calls, and f must be deterministic).
type Map[K comparable, V any] struct {
	mu sync.Mutex
	m  map[K]V
}

// Get returns the value remembered for k, computing it with f the first
// time.
func (m *Map[K, V]) Get(k K, f func() V) V {
	m.mu.Lock()
	v, ok := m.m[k]
	m.mu.Unlock()
	if ok {
		return v
	}
	v = f()
	m.mu.Lock()
	defer m.mu.Unlock()
	if old, ok := m.m[k]; ok {
		return old
	}
	if m.m == nil {
		m.m = map[K]V{}
	}
	m.m[k] = v
	return v
}

// Len is the number of values remembered.
func (m *Map[K, V]) Len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.m)
}
