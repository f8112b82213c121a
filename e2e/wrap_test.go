package e2e

import (
	"bytes"
	"crypto/ecdh"
	"crypto/hpke"
	"encoding/hex"
	"errors"
	"testing"
)

func unhex(t *testing.T, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestWrapKnownAnswer checks the ephemeral key wrap makes from its 32
// random bytes is RFC 9180's DeriveKeyPair of them, with the test vector
// of RFC 9180 appendix A.2.1 (base mode, DHKEM(X25519, HKDF-SHA256),
// HKDF-SHA256, ChaCha20Poly1305): ikmE gives the vector's enc.
func TestWrapKnownAnswer(t *testing.T) {
	ikmE := unhex(t, "909a9b35d3dc4713a5e72a4da274b55d3d3821a37e5d099e74a647db583a904b")
	skRm := unhex(t, "8057991eef8f1f1af18f4a9491d16a1ce333f695d4db8e38da75975c4478e0fb")
	pkRm := unhex(t, "4310ee97d88cc1f088a5576c77ab0cf5c3ac797f3d95139c6c84b5429c59662a")
	enc := unhex(t, "1afa08d3dec047a643885163f1180476fa7ddb54c6a8029ea33f95796bf2ac4a")
	info := string(unhex(t, "4f6465206f6e2061204772656369616e2055726e")) // "Ode on a Grecian Urn"

	priv, err := ecdh.X25519().NewPrivateKey(skRm)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(priv.PublicKey().Bytes(), pkRm) {
		t.Fatal("skRm does not give pkRm")
	}
	pt := []byte("Beauty is truth, truth beauty")
	wrapped, err := wrap(bytes.NewReader(ikmE), priv.PublicKey(), info, pt)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(wrapped[:hpkeEncSize], enc) {
		t.Fatalf("enc = %x, want %x", wrapped[:hpkeEncSize], enc)
	}
	// crypto/hpke's own DeriveKeyPair agrees.
	eph, err := hpke.DHKEM(ecdh.X25519()).DeriveKeyPair(ikmE)
	if err != nil {
		t.Fatal(err)
	}
	if b := eph.PublicKey().Bytes(); !bytes.Equal(b, enc) {
		t.Fatalf("crypto/hpke DeriveKeyPair(ikmE) = %x, want %x", b, enc)
	}
	got, err := unwrap(priv, info, wrapped, len(pt), "test value")
	if err != nil || !bytes.Equal(got, pt) {
		t.Fatalf("unwrap = %q, %v; want %q", got, err, pt)
	}
}

// TestWrapBadInputs checks wrap refuses what it cannot use, reading no
// more than it must.
func TestWrapBadInputs(t *testing.T) {
	priv, err := newX25519Key(chacha(90))
	if err != nil {
		t.Fatal(err)
	}
	lowOrder, err := ecdh.X25519().NewPublicKey(make([]byte, 32))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		rand *bytes.Reader
		pub  *ecdh.PublicKey
		want error // nil means any error
	}{
		{"nil key", bytes.NewReader(make([]byte, 32)), nil, ErrMalformed},
		{"zero key", bytes.NewReader(make([]byte, 32)), &ecdh.PublicKey{}, ErrMalformed},
		{"low-order key", bytes.NewReader(make([]byte, 32)), lowOrder, ErrMalformed},
		{"short reader", bytes.NewReader(make([]byte, 31)), priv.PublicKey(), nil},
		{"empty reader", bytes.NewReader(nil), priv.PublicKey(), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, err := wrap(tt.rand, tt.pub, staticInfo, []byte("k"))
			if err == nil || w != nil || (tt.want != nil && !errors.Is(err, tt.want)) {
				t.Fatalf("wrap = %x, %v; want no bytes and %v", w, err, tt.want)
			}
		})
	}
	if w, err := wrap(nil, priv.PublicKey(), staticInfo, []byte("k")); err == nil || w != nil {
		t.Fatalf("nil reader: wrap = %x, %v; want an error", w, err)
	}
	// Exactly 32 bytes are enough, and all that is read.
	r := bytes.NewReader(make([]byte, 40))
	if _, err := wrap(r, priv.PublicKey(), staticInfo, []byte("k")); err != nil || r.Len() != 8 {
		t.Fatalf("wrap read %d bytes, %v; want 32, nil", 40-r.Len(), err)
	}
}
