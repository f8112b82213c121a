package wire

import (
	"bytes"
	"encoding/binary"
	"errors"
	"testing"
)

// FuzzReader runs a sequence of reads, chosen by ops, over arbitrary
// bytes. No read may panic, return bytes that are not the next ones of
// the input, exceed its limit, or read past the end; after the first
// failure every read returns nothing and the failure stays, wrapping
// ErrMalformed.
func FuzzReader(f *testing.F) {
	rec := AppendUint(nil, 3)
	for _, s := range []string{"hello", "", "world"} {
		rec = AppendBytes(rec, []byte(s))
	}
	f.Add([]byte{3, 10, 1, 1, 10, 1, 10, 1, 10}, rec)
	f.Add([]byte{0, 4, 2, 255}, []byte{1, 2, 3, 4, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
	f.Add([]byte{0, 255}, []byte{1})
	f.Add([]byte{3, 255, 0}, []byte{0xff, 0xff, 0x03})
	f.Fuzz(func(t *testing.T, ops, data []byte) {
		r := NewReader(data)
		var failed error
		for i := 0; i+1 < len(ops); i += 2 {
			before := r.b
			arg := int(ops[i+1])
			if arg == 255 {
				arg = -1 // a nonsense size or limit
			}
			var got []byte
			var n uint64
			var limit uint64
			switch ops[i] % 4 {
			case 0:
				got = r.Fixed(arg)
				if r.err == nil && (len(got) != arg || !bytes.HasPrefix(before, got) || cap(got) != len(got)) {
					t.Fatalf("Fixed(%d) = %x from %x", arg, got, before)
				}
			case 1:
				limit = uint64(arg)
				got = r.Bytes(arg)
				if r.err == nil {
					head := binary.AppendUvarint(nil, uint64(len(got)))
					if uint64(len(got)) > limit || !bytes.HasSuffix(before[:len(before)-len(r.b)], got) || len(before)-len(r.b) < len(head)+len(got) {
						t.Fatalf("Bytes(%d) = %x from %x", arg, got, before)
					}
				}
			case 2:
				limit = uint64(arg)
				n = r.Uint(limit)
				if r.err == nil {
					v, k := binary.Uvarint(before)
					if v != n || n > limit || k <= 0 || !bytes.Equal(before[k:], r.b) {
						t.Fatalf("Uint(%d) = %d from %x", limit, n, before)
					}
				}
			case 3:
				each := int(ops[i+1] % 9)
				c := r.Count(arg, each)
				n = uint64(max(c, 0))
				if r.err == nil && (c < 0 || c > arg || each > 0 && c*each > len(r.b)) {
					t.Fatalf("Count(%d, %d) = %d with %d bytes left", arg, each, c, len(r.b))
				}
			}
			if len(r.b) > len(before) || !bytes.HasSuffix(before, r.b) {
				t.Fatalf("a read went back or sideways: %x, then %x", before, r.b)
			}
			switch {
			case failed != nil:
				if r.err != failed || got != nil || n != 0 || r.b != nil {
					t.Fatalf("a read after the failure %v gave %x, %d, %v", failed, got, n, r.err)
				}
			case r.err != nil:
				if !errors.Is(r.err, ErrMalformed) || got != nil || n != 0 || r.b != nil {
					t.Fatalf("a failed read gave %x, %d, %v", got, n, r.err)
				}
				failed = r.err
			}
		}
		left := len(r.b)
		err := r.Done()
		if (err != nil) != (failed != nil || left > 0) || err != nil && !errors.Is(err, ErrMalformed) {
			t.Fatalf("Done = %v with %d bytes left and failure %v", err, left, failed)
		}
		if rest := r.Rest(); len(rest) != 0 || r.Err() != err {
			t.Fatalf("after Done: %x, %v", rest, r.Err())
		}
	})
}
