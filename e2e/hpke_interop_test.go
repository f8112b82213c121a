package e2e_test

import (
	"bytes"
	"crypto/ecdh"
	"crypto/hpke"
	"errors"
	"io"
	"testing"

	"github.com/escrowlab/escrowlab/e2e"
)

// hpkeVariant is one use of HPKE on the wire, described independently of
// the package: the info string and plaintext size it must use, how to make
// a wrapped value from a reader, and how to open one.
type hpkeVariant struct {
	name string
	info string // the wire format's info string, spelled out
	size int    // plaintext bytes
	priv *ecdh.PrivateKey
	// wrap wraps with the package's own code, drawing all randomness from
	// r, and returns the plaintext inside.
	wrap func(t *testing.T, r io.Reader) (wrapped, plaintext []byte)
	// open opens with the package's own code.
	open func(priv *ecdh.PrivateKey, wrapped []byte) (e2e.Keys, error)
	// keys returns the Keys that open must return for plaintext.
	keys func(t *testing.T, plaintext []byte) e2e.Keys
}

// plainKeys is the plaintext of an escrow field or a device copy: the Keys,
// InitiatorToResponder then ResponderToInitiator.
func plainKeys(k e2e.Keys) []byte {
	return append(append([]byte(nil), k.InitiatorToResponder[:]...), k.ResponderToInitiator[:]...)
}

func keysFromPlain(_ *testing.T, pt []byte) e2e.Keys {
	var k e2e.Keys
	copy(k.InitiatorToResponder[:], pt[:32])
	copy(k.ResponderToInitiator[:], pt[32:])
	return k
}

func hpkeVariants(t *testing.T) []hpkeVariant {
	t.Helper()
	c := handshake(t, 50)
	static := newStaticKey(t, seeded(51))
	auth := newAuthority(t, seeded(52))
	dev, err := e2e.NewDeviceKey(seeded(53))
	if err != nil {
		t.Fatal(err)
	}
	return []hpkeVariant{
		{
			name: "e2e-static", info: "escrowlab/e2e-static/v1", size: 32, priv: static.PrivateKey(),
			wrap: func(t *testing.T, r io.Reader) ([]byte, []byte) {
				// StartStatic draws the session key K first: choose it here.
				k := make([]byte, 32)
				if _, err := io.ReadFull(r, k); err != nil {
					t.Fatal(err)
				}
				w, _, err := e2e.StartStatic(io.MultiReader(bytes.NewReader(k), r), static.Public())
				if err != nil {
					t.Fatal(err)
				}
				return w, k
			},
			open: e2e.UnwrapStatic,
			keys: func(t *testing.T, k []byte) e2e.Keys {
				// The Keys StartStatic derives from the session key k.
				_, s, err := e2e.StartStatic(io.MultiReader(bytes.NewReader(k), seeded(54)), static.Public())
				if err != nil {
					t.Fatal(err)
				}
				return s.Keys()
			},
		},
		{
			name: "e2e-escrowed", info: "escrowlab/e2e-escrowed/v1", size: 64, priv: auth.PrivateKey(),
			wrap: func(t *testing.T, r io.Reader) ([]byte, []byte) {
				return escrow(t, r, c.aliceS, auth), plainKeys(c.aliceS.Keys())
			},
			open: e2e.OpenEscrow,
			keys: keysFromPlain,
		},
		{
			name: "e2e-ghost", info: "escrowlab/e2e-devices/v1", size: 64, priv: dev.PrivateKey(),
			wrap: func(t *testing.T, r io.Reader) ([]byte, []byte) {
				w, err := c.bobS.SealToDevice(r, dev.Public())
				if err != nil {
					t.Fatal(err)
				}
				return w, plainKeys(c.bobS.Keys())
			},
			open: e2e.OpenDeviceCopy,
			keys: keysFromPlain,
		},
	}
}

// stdOpen opens a wrapped value with crypto/hpke, as any RFC 9180
// implementation of the suite would.
func stdOpen(priv *ecdh.PrivateKey, info string, wrapped []byte) ([]byte, error) {
	k, err := hpke.NewDHKEMPrivateKey(priv)
	if err != nil {
		return nil, err
	}
	return hpke.Open(k, hpke.HKDFSHA256(), hpke.ChaCha20Poly1305(), []byte(info), wrapped)
}

// stdSeal wraps plaintext to pub with crypto/hpke, whose ephemeral key
// comes from crypto/rand.
func stdSeal(t *testing.T, pub *ecdh.PublicKey, info string, plaintext []byte) []byte {
	t.Helper()
	k, err := hpke.NewDHKEMPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	out, err := hpke.Seal(k, hpke.HKDFSHA256(), hpke.ChaCha20Poly1305(), []byte(info), plaintext)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestHPKEInteropOpenWithStdlib checks what the package wraps from a
// seeded reader is standard HPKE: crypto/hpke's Open, given the recipient's
// key and the variant's info string, recovers the plaintext.
func TestHPKEInteropOpenWithStdlib(t *testing.T) {
	for _, v := range hpkeVariants(t) {
		t.Run(v.name, func(t *testing.T) {
			for seed := uint64(60); seed < 65; seed++ {
				wrapped, want := v.wrap(t, seeded(seed))
				if len(wrapped) != 32+v.size+16 {
					t.Fatalf("wrapped value is %d bytes, want %d", len(wrapped), 32+v.size+16)
				}
				got, err := stdOpen(v.priv, v.info, wrapped)
				if err != nil {
					t.Fatalf("seed %d: crypto/hpke.Open: %v", seed, err)
				}
				if !bytes.Equal(got, want) {
					t.Fatalf("seed %d: crypto/hpke.Open = %x, want %x", seed, got, want)
				}
				if _, err := stdOpen(v.priv, v.info+"x", wrapped); err == nil {
					t.Fatalf("seed %d: opened under another info string", seed)
				}
			}
		})
	}
}

// TestHPKEInteropOpenStdlibSealed checks the package opens what
// crypto/hpke's Seal wraps, and that every tampered bit of it, or another
// variant's info string, gives ErrAuthentication.
func TestHPKEInteropOpenStdlibSealed(t *testing.T) {
	vs := hpkeVariants(t)
	for i, v := range vs {
		t.Run(v.name, func(t *testing.T) {
			pt := make([]byte, v.size)
			if _, err := io.ReadFull(seeded(uint64(70+i)), pt); err != nil {
				t.Fatal(err)
			}
			sealed := stdSeal(t, v.priv.PublicKey(), v.info, pt)
			got, err := v.open(v.priv, sealed)
			if err != nil {
				t.Fatalf("opening crypto/hpke's value: %v", err)
			}
			if want := v.keys(t, pt); got != want {
				t.Fatalf("opened Keys %x, want %x", got, want)
			}
			for bit := range len(sealed) * 8 {
				if k, err := v.open(v.priv, flipBit(sealed, bit)); !errors.Is(err, e2e.ErrAuthentication) || k != (e2e.Keys{}) {
					t.Fatalf("bit %d flipped: %v, %v; want ErrAuthentication", bit, k, err)
				}
			}
			other := vs[(i+1)%len(vs)]
			if k, err := v.open(v.priv, stdSeal(t, v.priv.PublicKey(), other.info, pt)); !errors.Is(err, e2e.ErrAuthentication) || k != (e2e.Keys{}) {
				t.Fatalf("sealed under %q: %v, %v; want ErrAuthentication", other.info, k, err)
			}
		})
	}
}
