package prefault

import "syscall"

// mapPopulated returns size bytes of a private anonymous mapping whose
// pages the kernel maps at once, or nil.
func mapPopulated(size int) []byte {
	b, err := syscall.Mmap(-1, 0, size, syscall.PROT_READ|syscall.PROT_WRITE,
		syscall.MAP_ANON|syscall.MAP_PRIVATE|syscall.MAP_POPULATE)
	if err != nil {
		return nil
	}
	return b
}

func unmap(b []byte) { _ = syscall.Munmap(b) }
