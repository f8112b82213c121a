package framing

import (
	"bytes"
	"errors"
	"testing"

	"golang.org/x/crypto/chacha20poly1305"
)

func TestSealOpen(t *testing.T) {
	aead, err := chacha20poly1305.New(make([]byte, chacha20poly1305.KeySize))
	if err != nil {
		t.Fatal(err)
	}
	sealed := Seal(aead, 7, []byte("hello"))
	if len(sealed) != MinSize+5 {
		t.Fatalf("sealed %d bytes", len(sealed))
	}
	seq, got, err := Open(aead, sealed)
	if err != nil || seq != 7 || !bytes.Equal(got, []byte("hello")) {
		t.Fatalf("Open = %d, %q, %v", seq, got, err)
	}
	tests := []struct {
		name string
		in   []byte
		want error
	}{
		{"short", sealed[:MinSize-1], ErrShort},
		{"renumbered", append([]byte{0, 0, 0, 0, 0, 0, 0, 8}, sealed[SeqSize:]...), ErrAuthentication},
		{"flipped", append(append([]byte(nil), sealed[:len(sealed)-1]...), sealed[len(sealed)-1]^1), ErrAuthentication},
	}
	for _, tt := range tests {
		if _, p, err := Open(aead, tt.in); !errors.Is(err, tt.want) || p != nil {
			t.Errorf("%s: Open = %q, %v; want %v", tt.name, p, err, tt.want)
		}
	}
}
