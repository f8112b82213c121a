package sim_test

import (
	"bytes"
	"encoding/hex"
	"errors"
	"math"
	"testing"

	"github.com/escrowlab/escrowlab/sim"
)

var testKc = sim.Kc{1, 2, 3, 4, 5, 6, 7, 8}

func TestSealOpenRoundTrip(t *testing.T) {
	tests := []struct {
		name      string
		seq       uint64
		plaintext []byte
	}{
		{"empty", 0, []byte{}},
		{"short", 1, []byte("hello from the handset")},
		{"1K", 42, bytes.Repeat([]byte{'x'}, 1024)},
		{"max seq", math.MaxUint64, []byte("last")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sealed := sim.Seal(testKc, tt.seq, tt.plaintext)
			if got, want := len(sealed), 8+len(tt.plaintext)+16; got != want {
				t.Errorf("sealed length = %d, want %d", got, want)
			}
			if len(tt.plaintext) > 0 && bytes.Contains(sealed, tt.plaintext) {
				t.Error("sealed message contains the plaintext")
			}
			seq, got, err := sim.Open(testKc, sealed)
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			if seq != tt.seq {
				t.Errorf("seq = %d, want %d", seq, tt.seq)
			}
			if !bytes.Equal(got, tt.plaintext) {
				t.Errorf("plaintext = %q, want %q", got, tt.plaintext)
			}
		})
	}
}

// TestSealKnownAnswer pins the wire format to a vector computed
// independently (Python's cryptography package): HKDF-SHA256 of Kc with info
// "escrowlab/sim/v1 traffic", then ChaCha20-Poly1305 with nonce
// 0^4 || seq and seq as additional data, output seq || ciphertext || tag.
func TestSealKnownAnswer(t *testing.T) {
	got := hex.EncodeToString(sim.Seal(testKc, 1, []byte("hi")))
	want := "0000000000000001" + "9c0a" + "a985f13c61054598b1f411af6493de0c"
	if got != want {
		t.Errorf("Seal = %s, want %s", got, want)
	}
}

func TestSealDependsOnSeqAndKey(t *testing.T) {
	msg := []byte("same words twice")
	a := sim.Seal(testKc, 1, msg)
	b := sim.Seal(testKc, 2, msg)
	c := sim.Seal(sim.Kc{8, 7, 6, 5, 4, 3, 2, 1}, 1, msg)
	if bytes.Equal(a[8:], b[8:]) {
		t.Error("different sequence numbers gave the same ciphertext")
	}
	if bytes.Equal(a, c) {
		t.Error("different keys gave the same sealed message")
	}
}

func TestOpenWrongKc(t *testing.T) {
	sealed := sim.Seal(testKc, 7, []byte("secret"))
	wrong := []sim.Kc{{}, {1, 2, 3, 4, 5, 6, 7, 9}, {0x81, 2, 3, 4, 5, 6, 7, 8}, {8, 7, 6, 5, 4, 3, 2, 1}}
	for _, kc := range wrong {
		seq, pt, err := sim.Open(kc, sealed)
		if !errors.Is(err, sim.ErrAuthentication) {
			t.Errorf("Open with Kc %x: err = %v, want ErrAuthentication", kc, err)
		}
		if seq != 0 || pt != nil {
			t.Errorf("Open with Kc %x returned seq %d, plaintext %q on failure", kc, seq, pt)
		}
	}
}

func TestOpenRejectsEveryBitFlip(t *testing.T) {
	sealed := sim.Seal(testKc, 3, []byte("meet at nine"))
	for i := range len(sealed) * 8 {
		tampered := bytes.Clone(sealed)
		tampered[i/8] ^= 1 << (i % 8)
		if _, pt, err := sim.Open(testKc, tampered); !errors.Is(err, sim.ErrAuthentication) {
			t.Errorf("bit %d flipped: err = %v, plaintext %q; want ErrAuthentication", i, err, pt)
		}
	}
	if _, _, err := sim.Open(testKc, sealed); err != nil {
		t.Fatalf("Open of the untouched message: %v", err)
	}
}

func TestOpenShortInput(t *testing.T) {
	sealed := sim.Seal(testKc, 0, nil) // the shortest valid message
	if len(sealed) != 24 {
		t.Fatalf("sealed empty message is %d bytes, want 24", len(sealed))
	}
	for n := range len(sealed) {
		if _, _, err := sim.Open(testKc, sealed[:n]); !errors.Is(err, sim.ErrMalformed) {
			t.Errorf("%d bytes: err = %v, want ErrMalformed", n, err)
		}
	}
	if _, _, err := sim.Open(testKc, nil); !errors.Is(err, sim.ErrMalformed) {
		t.Errorf("nil: err = %v, want ErrMalformed", err)
	}
	if _, pt, err := sim.Open(testKc, sealed); err != nil || len(pt) != 0 {
		t.Errorf("24 bytes: plaintext %q, err %v; want empty, nil", pt, err)
	}
}
