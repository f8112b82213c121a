package skipjack

import "unsafe"

// anyOverlap reports whether x and y share memory at any index. It follows
// crypto/internal/fips140/alias, which the standard library's modes use but
// other packages cannot import.
func anyOverlap(x, y []byte) bool {
	return len(x) > 0 && len(y) > 0 &&
		uintptr(unsafe.Pointer(&x[0])) <= uintptr(unsafe.Pointer(&y[len(y)-1])) &&
		uintptr(unsafe.Pointer(&y[0])) <= uintptr(unsafe.Pointer(&x[len(x)-1]))
}

// inexactOverlap reports whether x and y share memory at any
// non-corresponding index: whether writing x while reading y would
// overwrite input not yet read. Exactly overlapping slices (in-place
// operation) are fine.
func inexactOverlap(x, y []byte) bool {
	if len(x) == 0 || len(y) == 0 || &x[0] == &y[0] {
		return false
	}
	return anyOverlap(x, y)
}
