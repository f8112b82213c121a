package tapfile

import (
	"bytes"
	"errors"
	"io"
	"testing"
)

// FuzzReader feeds arbitrary bytes to the reader: it must never panic or
// loop, and every record it returns must be one the input really holds,
// checksum and all.
func FuzzReader(f *testing.F) {
	data, _ := sample(f, 4)
	f.Add(data)
	f.Add(data[:len(data)/2])
	f.Add([]byte(Magic))
	f.Add(append([]byte(Magic), Sync[:]...))
	f.Fuzz(func(t *testing.T, in []byte) {
		r, err := NewReader(bytes.NewReader(in))
		if err != nil {
			return
		}
		last := -1
		for range len(in) + 2 {
			rec, err := r.Next()
			var d *Damage
			switch {
			case err == io.EOF:
				return
			case errors.As(err, &d):
				if d.Offset < int64(len(Magic)) || d.Offset > int64(len(in)) {
					t.Fatalf("damage located at byte %d of %d", d.Offset, len(in))
				}
				continue
			case err != nil:
				t.Fatal(err)
			}
			if rec.Number <= last {
				t.Fatalf("record %d after record %d", rec.Number, last)
			}
			last = rec.Number
			end := rec.Offset + int64(Overhead+len(rec.Body))
			if rec.Offset < int64(len(Magic)) || end > int64(len(in)) || !bytes.Equal(in[rec.Offset+prefixSize+metaSize:end-crcSize], rec.Body) {
				t.Fatalf("record %d is not where it says it is", rec.Number)
			}
		}
		t.Fatal("Next did not reach io.EOF")
	})
}
