// Package wire writes and reads the binary forms of scheme records in a
// wiretap archive: fixed-size fields, and variable-size ones prefixed by
// their length as a uvarint. A Reader never reads past its input or
// allocates more than it holds, so damaged or hostile bytes can only make
// it fail.
package wire

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// ErrMalformed is the error of a Reader that ran out of input or met a
// length it cannot hold.
var ErrMalformed = errors.New("malformed record")

// AppendBytes appends b prefixed by its length.
func AppendBytes(dst, b []byte) []byte {
	return append(binary.AppendUvarint(dst, uint64(len(b))), b...)
}

// AppendUint appends n as a uvarint.
func AppendUint(dst []byte, n uint64) []byte { return binary.AppendUvarint(dst, n) }

// Reader reads fields in order from a record's bytes. After the first
// failure every read returns zero values and Err reports it.
type Reader struct {
	b   []byte
	err error
}

// NewReader returns a reader of b.
func NewReader(b []byte) *Reader { return &Reader{b: b} }

// Fixed reads the next n bytes.
func (r *Reader) Fixed(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || n > len(r.b) {
		r.fail("a %d-byte field, with %d bytes left", n, len(r.b))
		return nil
	}
	out := r.b[:n:n]
	r.b = r.b[n:]
	return out
}

// Bytes reads a length-prefixed field of at most max bytes. A negative
// max is a failure.
func (r *Reader) Bytes(max int) []byte {
	if !r.limit(max) {
		return nil
	}
	n := r.Uint(uint64(max))
	return r.Fixed(int(n))
}

// Uint reads a uvarint no greater than max.
func (r *Reader) Uint(max uint64) uint64 {
	if r.err != nil {
		return 0
	}
	n, k := binary.Uvarint(r.b)
	if k <= 0 {
		r.fail("a bad number")
		return 0
	}
	if n > max {
		r.fail("%d where at most %d fits", n, max)
		return 0
	}
	r.b = r.b[k:]
	return n
}

// Count reads how many items follow, refusing more than max or more than
// the input could hold at least each bytes apiece. A negative max is a
// failure, so the count is never negative.
func (r *Reader) Count(max, each int) int {
	if !r.limit(max) {
		return 0
	}
	n := int(r.Uint(uint64(max)))
	if r.err == nil && each > 0 && n > len(r.b)/each {
		r.fail("%d items of at least %d bytes, with %d bytes left", n, each, len(r.b))
		return 0
	}
	return n
}

// Rest returns the bytes not yet read, and reads them.
func (r *Reader) Rest() []byte {
	b := r.b
	r.b = nil
	return b
}

// Err returns the first failure, or nil.
func (r *Reader) Err() error { return r.err }

// Done reports an error if the input had bytes left over or a read failed.
func (r *Reader) Done() error {
	if r.err == nil && len(r.b) > 0 {
		r.fail("%d bytes left over", len(r.b))
	}
	return r.err
}

// limit reports whether max can bound a length or a count, failing the
// reader if it cannot: converted to uint64, a negative max would allow
// any number, which would then come back negative as an int.
func (r *Reader) limit(max int) bool {
	if r.err == nil && max < 0 {
		r.fail("a limit of %d", max)
	}
	return r.err == nil
}

func (r *Reader) fail(format string, args ...any) {
	r.err = fmt.Errorf("%w: "+format, append([]any{ErrMalformed}, args...)...)
	r.b = nil
}
