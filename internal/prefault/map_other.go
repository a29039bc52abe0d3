//go:build !linux

package prefault

// mapPopulated has no populated mappings to give off Linux: the Go heap
// serves.
func mapPopulated(size int) []byte { return nil }

func unmap([]byte) {}
