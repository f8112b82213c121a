package escrow

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"testing"
)

func TestDeviceRoundTrip(t *testing.T) {
	s := newTestSystem(t, 5, DefaultChecksumBits, 2)
	alice, bob := s.devices[0], s.devices[1]
	for _, msg := range []string{"", "a", "exactly8", "a longer message that spans several Skipjack blocks"} {
		ks := s.sessionKey(t)
		tr, err := alice.Encrypt(s.rand, ks, []byte(msg))
		if err != nil {
			t.Fatal(err)
		}
		if len(tr.Ciphertext)%8 != 0 || len(tr.Ciphertext) <= len(msg) {
			t.Errorf("ciphertext of %d bytes for %d-byte message", len(tr.Ciphertext), len(msg))
		}
		got, err := bob.Decrypt(ks, tr)
		if err != nil {
			t.Fatalf("%q: %v", msg, err)
		}
		if string(got) != msg {
			t.Errorf("decrypted %q, want %q", got, msg)
		}
	}
}

func TestDeviceRefusesBadLEAF(t *testing.T) {
	s := newTestSystem(t, 6, DefaultChecksumBits, 2)
	alice, bob := s.devices[0], s.devices[1]
	ks := s.sessionKey(t)
	tr, err := alice.Encrypt(s.rand, ks, []byte("meet at noon"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		ks   SessionKey
		edit func(*Transmission)
		want error
	}{
		{"wrong session key", SessionKey{1}, func(*Transmission) {}, ErrLEAFRejected},
		{"LEAF from another call", ks, func(t *Transmission) {
			other, _ := alice.Encrypt(s.rand, SessionKey{2}, []byte("x"))
			t.LEAF = other.LEAF
		}, ErrLEAFRejected},
		{"IV changed", ks, func(t *Transmission) { t.IV[0] ^= 1 }, ErrLEAFRejected},
		{"LEAF truncated", ks, func(t *Transmission) { t.LEAF = t.LEAF[:10] }, ErrLEAFRejected},
		{"ciphertext truncated", ks, func(t *Transmission) { t.Ciphertext = t.Ciphertext[:5] }, ErrMalformed},
		{"ciphertext empty", ks, func(t *Transmission) { t.Ciphertext = nil }, ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := *tr
			c.LEAF = bytes.Clone(tr.LEAF)
			c.Ciphertext = bytes.Clone(tr.Ciphertext)
			tt.edit(&c)
			if _, err := bob.Decrypt(tt.ks, &c); !errors.Is(err, tt.want) {
				t.Fatalf("Decrypt error = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestDeviceDecryptNil(t *testing.T) {
	s := newTestSystem(t, 15, DefaultChecksumBits, 1)
	if _, err := s.devices[0].Decrypt(SessionKey{}, nil); !errors.Is(err, ErrMalformed) {
		t.Fatalf("error = %v, want ErrMalformed", err)
	}
}

func TestDecryptTrafficWrongKey(t *testing.T) {
	ks := SessionKey{1, 2, 3}
	ct, err := encryptTraffic(ks, IV{4}, []byte("the plan"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := DecryptTraffic(SessionKey{9}, IV{4}, ct)
	if err == nil && string(got) == "the plan" {
		t.Fatal("wrong key recovered the plaintext")
	}
}

// TestDecryptCallMatchesDecryptTraffic checks that a call's transmissions
// decrypted together come out as each does alone, and that one bad
// transmission fails the call.
func TestDecryptCallMatchesDecryptTraffic(t *testing.T) {
	s := newTestSystem(t, 16, DefaultChecksumBits, 1)
	ks := s.sessionKey(t)
	var ts []*Transmission
	for _, msg := range []string{"one", "a longer second message", "", "exactly 16 bytes"} {
		tr, err := s.devices[0].Encrypt(s.rand, ks, []byte(msg))
		if err != nil {
			t.Fatal(err)
		}
		ts = append(ts, tr)
	}
	got, err := DecryptCall(ks, ts)
	if err != nil || len(got) != len(ts) {
		t.Fatalf("DecryptCall: %d plaintexts, %v", len(got), err)
	}
	for i, tr := range ts {
		want, err := DecryptTraffic(ks, tr.IV, tr.Ciphertext)
		if err != nil || !bytes.Equal(got[i], want) {
			t.Fatalf("transmission %d: DecryptCall gave %q, DecryptTraffic %q (%v)", i, got[i], want, err)
		}
	}
	bad := *ts[1]
	bad.Ciphertext = bad.Ciphertext[:len(bad.Ciphertext)-1]
	if _, err := DecryptCall(ks, []*Transmission{ts[0], &bad}); !errors.Is(err, ErrMalformed) {
		t.Fatalf("a cut ciphertext: %v, want ErrMalformed", err)
	}
	if _, err := DecryptCall(ks, []*Transmission{ts[0], nil}); !errors.Is(err, ErrMalformed) {
		t.Fatalf("a nil transmission: %v, want ErrMalformed", err)
	}
}

func TestUnitIDsUnique(t *testing.T) {
	s := newTestSystem(t, 7, DefaultChecksumBits, 200)
	seen := map[UnitID]bool{}
	for _, d := range s.devices {
		if seen[d.UnitID()] {
			t.Fatalf("unit ID %s made twice", d.UnitID())
		}
		seen[d.UnitID()] = true
	}
	if s.nist.Units() != 200 || s.treasury.Units() != 200 {
		t.Fatalf("agents hold %d and %d components, want 200 each", s.nist.Units(), s.treasury.Units())
	}
}

// CheckBatch must give Check's answers: the first LEAF that Check accepts,
// from anywhere in a list of random candidates, genuine LEAFs and LEAFs of
// the wrong size, in batches of any length.
func TestCheckBatchMatchesCheck(t *testing.T) {
	for _, bits := range []int{8, 12, 16, 17, 24, 32} {
		s := newTestSystem(t, byte(bits), bits, 1)
		rng := rand.New(rand.NewPCG(uint64(bits), 10))
		ks := s.sessionKey(t)
		tr, err := s.devices[0].Encrypt(s.rand, ks, []byte("x"))
		if err != nil {
			t.Fatal(err)
		}
		c, err := s.devices[0].LEAFChecker(ks, tr.IV)
		if err != nil {
			t.Fatal(err)
		}
		leaves := make([]LEAF, 3000)
		for i := range leaves {
			switch leaves[i] = make(LEAF, len(tr.LEAF)); rng.IntN(100) {
			case 0:
				leaves[i] = bytes.Clone(tr.LEAF)
			case 1:
				leaves[i] = make(LEAF, rng.IntN(30)) // the wrong size, or empty
			default:
				s.rand.Read(leaves[i])
			}
		}
		var accepted []int
		for i, l := range leaves {
			if c.Check(l) {
				accepted = append(accepted, i)
			}
		}
		if len(accepted) < 10 {
			t.Fatalf("bits=%d: only %d of %d candidates pass; the test needs more", bits, len(accepted), len(leaves))
		}
		for pos, next := 0, 0; pos < len(leaves); {
			end := min(len(leaves), pos+rng.IntN(3*maxBatch))
			want := -1
			if next < len(accepted) && accepted[next] < end {
				want = accepted[next] - pos
			}
			if got := c.CheckBatch(leaves[pos:end]); got != want {
				t.Fatalf("bits=%d: CheckBatch(leaves[%d:%d]) = %d, want %d", bits, pos, end, got, want)
			}
			if want >= 0 {
				pos, next = accepted[next]+1, next+1
			} else {
				pos = end
			}
		}
	}
}
