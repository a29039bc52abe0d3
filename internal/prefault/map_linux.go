package prefault

import (
	"syscall"
	"unsafe"
)

// madvPopulateWrite is MADV_POPULATE_WRITE (Linux 5.14): populate the
// range's pages, writable, as a write fault would.
const madvPopulateWrite = 23

// populate maps in the whole pages of [p, p+n). An error (an older
// kernel) leaves them to be faulted in on first touch, as without it.
func populate(p unsafe.Pointer, n uintptr) {
	const page = 4096
	start := (uintptr(p) + page - 1) &^ (page - 1)
	end := (uintptr(p) + n) &^ (page - 1)
	if end <= start {
		return
	}
	_, _, _ = syscall.Syscall(syscall.SYS_MADVISE, start, end-start, madvPopulateWrite)
}
