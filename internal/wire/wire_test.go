package wire

import (
	"bytes"
	"errors"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	var b []byte
	b = AppendUint(b, 300)
	b = AppendBytes(b, []byte("hello"))
	b = append(b, 1, 2, 3)
	r := NewReader(b)
	if n := r.Uint(1000); n != 300 {
		t.Fatalf("Uint = %d", n)
	}
	if got := r.Bytes(10); !bytes.Equal(got, []byte("hello")) {
		t.Errorf("Bytes = %q", got)
	}
	if got := r.Fixed(3); !bytes.Equal(got, []byte{1, 2, 3}) {
		t.Errorf("Fixed = %v", got)
	}
	if err := r.Done(); err != nil {
		t.Error(err)
	}
}

func TestRefusals(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		read func(*Reader)
	}{
		{"too short", []byte{1, 2}, func(r *Reader) { r.Fixed(3) }},
		{"length over the limit", AppendBytes(nil, make([]byte, 20)), func(r *Reader) { r.Bytes(10) }},
		{"length past the end", []byte{5, 1}, func(r *Reader) { r.Bytes(10) }},
		{"bad varint", []byte{0xff, 0xff}, func(r *Reader) { r.Uint(1 << 60) }},
		{"a count the input cannot hold", []byte{100, 1, 2}, func(r *Reader) { r.Count(1000, 8) }},
		{"left over", []byte{1, 2}, func(r *Reader) { r.Fixed(1) }},
		{"negative size", []byte{1}, func(r *Reader) { r.Fixed(-1) }},
		{"a negative length limit", AppendBytes(nil, []byte{1}), func(r *Reader) { r.Bytes(-1) }},
		{"a negative count limit", []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01}, func(r *Reader) {
			if n := r.Count(-1, 0); n != 0 {
				t.Errorf("a count of %d", n)
			}
		}},
	}
	for _, tt := range tests {
		r := NewReader(tt.in)
		tt.read(r)
		if err := r.Done(); !errors.Is(err, ErrMalformed) {
			t.Errorf("%s: %v, want ErrMalformed", tt.name, err)
		}
	}
}
