package x25519

import (
	"bytes"
	"encoding/hex"
	"errors"
	"math/rand/v2"
	"testing"

	"golang.org/x/crypto/curve25519"
)

// edgeScalars are scalars at the edges of clamping and of the group order:
// zero, all ones, only the high bit, only the bits clamping clears, one,
// and the group order l and its neighbours (little-endian).
func edgeScalars(t *testing.T) [][ScalarSize]byte {
	var out [][ScalarSize]byte
	fill := func(b byte) (k [ScalarSize]byte) {
		for i := range k {
			k[i] = b
		}
		return k
	}
	out = append(out, fill(0), fill(0xff), fill(0x80), fill(0x7f), fill(0x01))
	var k [ScalarSize]byte
	k[31] = 0x80
	out = append(out, k)
	k = [ScalarSize]byte{0: 7}
	out = append(out, k)
	k = [ScalarSize]byte{0: 1}
	out = append(out, k)
	k = [ScalarSize]byte{31: 0x40}
	out = append(out, k)
	for _, h := range []string{
		"edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010", // l
		"ecd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010", // l-1
		"eed3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010", // l+1
		"68ae9ae2d018925ab4e7bc16f7cef50a00000000000000000000000000000080", // 8l
	} {
		b, err := hex.DecodeString(h)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, [ScalarSize]byte(b))
	}
	return out
}

// randomScalars returns n scalars from a fixed stream.
func randomScalars(n int) [][ScalarSize]byte {
	r := rand.NewChaCha8([32]byte{'x', '2', '5', '5', '1', '9'})
	out := make([][ScalarSize]byte, n)
	for i := range out {
		_, _ = r.Read(out[i][:])
	}
	return out
}

// TestPublicKeyMatchesCurve25519 compares PublicKey with
// curve25519.X25519(k, Basepoint) on the edge scalars and 5,000 random ones.
func TestPublicKeyMatchesCurve25519(t *testing.T) {
	for _, k := range append(edgeScalars(t), randomScalars(5000)...) {
		want, err := curve25519.X25519(k[:], curve25519.Basepoint)
		if err != nil {
			t.Fatalf("curve25519.X25519(%x, 9): %v", k, err)
		}
		if got := PublicKey(&k); !bytes.Equal(got[:], want) {
			t.Fatalf("PublicKey(%x) = %x, want %x", k, got, want)
		}
	}
}

// edgePoints are u-coordinates that are not ordinary public keys: the
// points of small order (from the list in libsodium and in the X25519
// literature), p-1, p, p+1, and values with the ignored top bit set or
// at least p (non-canonical), all little-endian.
var edgePoints = []string{
	"0000000000000000000000000000000000000000000000000000000000000000",
	"0100000000000000000000000000000000000000000000000000000000000000",
	"e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
	"5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
	"ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // p-1
	"edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // p
	"eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // p+1
	"cdeb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b880",
	"4c9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f11d7",
	"d9ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
	"daffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
	"dbffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
	"ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
	"0900000000000000000000000000000000000000000000000000000000000080", // the base point, top bit set
	"0200000000000000000000000000000000000000000000000000000000000000",
}

// check compares SharedSecret with curve25519.X25519 on one input: the
// same secret, or an error from both.
func check(t *testing.T, k, p [32]byte) {
	t.Helper()
	want, werr := curve25519.X25519(k[:], p[:])
	got, err := SharedSecret(&k, &p)
	switch {
	case (err != nil) != (werr != nil):
		t.Fatalf("SharedSecret(%x, %x): error %v; curve25519.X25519's: %v", k, p, err, werr)
	case err != nil && !errors.Is(err, ErrLowOrder):
		t.Fatalf("SharedSecret(%x, %x): %v, want ErrLowOrder", k, p, err)
	case err == nil && !bytes.Equal(got[:], want):
		t.Fatalf("SharedSecret(%x, %x) = %x, want %x", k, p, got, want)
	}
}

// TestSharedSecretMatchesCurve25519 compares SharedSecret with
// curve25519.X25519 for each edge or random scalar against a random
// u-coordinate and an ordinary public key, and for the edge scalars and
// the first random ones against every edge point.
func TestSharedSecretMatchesCurve25519(t *testing.T) {
	edges := edgeScalars(t)
	scalars := append(edges, randomScalars(2000)...)
	points := randomScalars(len(scalars) + 1) // random bytes: on the curve or its twist
	for i, k := range scalars {
		check(t, k, points[i])
		check(t, k, PublicKey(&points[i+1])) // an ordinary public key
		if i >= len(edges)+50 {
			continue
		}
		for _, h := range edgePoints {
			p, _ := hex.DecodeString(h)
			check(t, k, [32]byte(p))
		}
	}
}

// TestLowOrderPointsRefused checks that the first seven edge points, of
// small order, give ErrLowOrder.
func TestLowOrderPointsRefused(t *testing.T) {
	k := randomScalars(1)[0]
	for _, h := range edgePoints[:7] {
		p, _ := hex.DecodeString(h)
		if _, err := SharedSecret(&k, (*[32]byte)(p)); !errors.Is(err, ErrLowOrder) {
			t.Errorf("SharedSecret(k, %s): %v, want ErrLowOrder", h, err)
		}
	}
}

// TestRFC7748 checks the worked examples of RFC 7748, sections 5.2 and 6.1.
func TestRFC7748(t *testing.T) {
	tests := []struct{ scalar, point, want string }{
		{"a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4", "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c", "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552"},
		{"4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d", "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493", "95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957"},
		{"77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a", "0900000000000000000000000000000000000000000000000000000000000000", "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"},
		{"5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb", "0900000000000000000000000000000000000000000000000000000000000000", "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"},
		{"77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a", "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f", "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742"},
	}
	for _, tt := range tests {
		k, _ := hex.DecodeString(tt.scalar)
		p, _ := hex.DecodeString(tt.point)
		got, err := SharedSecret((*[32]byte)(k), (*[32]byte)(p))
		if err != nil || hex.EncodeToString(got[:]) != tt.want {
			t.Errorf("X25519(%s, %s) = %x, %v; want %s", tt.scalar, tt.point, got, err, tt.want)
		}
		if tt.point[:2] == "09" {
			if pub := PublicKey((*[32]byte)(k)); hex.EncodeToString(pub[:]) != tt.want {
				t.Errorf("PublicKey(%s) = %x, want %s", tt.scalar, pub, tt.want)
			}
		}
	}
}

// TestSharedSecretAgrees checks that two sides of an agreement get the
// same secret.
func TestSharedSecretAgrees(t *testing.T) {
	ks := randomScalars(200)
	for i := 0; i+1 < len(ks); i += 2 {
		a, b := ks[i], ks[i+1]
		pa, pb := PublicKey(&a), PublicKey(&b)
		sa, err1 := SharedSecret(&a, &pb)
		sb, err2 := SharedSecret(&b, &pa)
		if err1 != nil || err2 != nil || sa != sb {
			t.Fatalf("the two sides disagree: %x (%v) and %x (%v)", sa, err1, sb, err2)
		}
	}
}

// TestSharedSecretDoesNotAllocate checks that an agreement allocates
// nothing.
func TestSharedSecretDoesNotAllocate(t *testing.T) {
	k := randomScalars(2)
	p := PublicKey(&k[1])
	if n := testing.AllocsPerRun(10, func() { _, _ = SharedSecret(&k[0], &p) }); n != 0 {
		t.Errorf("SharedSecret allocates %v times, want 0", n)
	}
}

// BenchmarkPublicKey is one fixed-base public key.
func BenchmarkPublicKey(b *testing.B) {
	k := randomScalars(1)[0]
	for b.Loop() {
		_ = PublicKey(&k)
	}
}

// BenchmarkSharedSecret is one agreement: one ladder.
func BenchmarkSharedSecret(b *testing.B) {
	k := randomScalars(2)
	p := PublicKey(&k[1])
	for b.Loop() {
		if _, err := SharedSecret(&k[0], &p); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCurve25519 is the call this package replaces,
// curve25519.X25519 on an ordinary point: two ladders.
func BenchmarkCurve25519(b *testing.B) {
	k := randomScalars(2)
	p := PublicKey(&k[1])
	for b.Loop() {
		if _, err := curve25519.X25519(k[0][:], p[:]); err != nil {
			b.Fatal(err)
		}
	}
}
