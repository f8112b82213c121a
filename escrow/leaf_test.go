package escrow

import (
	"errors"
	"math/rand/v2"
	"testing"
)

func TestLEAFRoundTrip(t *testing.T) {
	for _, bits := range []int{8, 12, 16, 20, 24, 32} {
		s := newTestSystem(t, 2, bits, 3)
		for _, d := range s.devices {
			ks := s.sessionKey(t)
			tr, err := d.Encrypt(s.rand, ks, []byte("hello"))
			if err != nil {
				t.Fatal(err)
			}
			if got, want := len(tr.LEAF), LEAFSize(bits); got != want {
				t.Fatalf("bits=%d: LEAF is %d bytes, want %d", bits, got, want)
			}
			c, err := s.family.OpenLEAF(tr.LEAF)
			if err != nil {
				t.Fatal(err)
			}
			if c.UnitID != d.UnitID() {
				t.Errorf("bits=%d: LEAF names unit %s, want %s", bits, c.UnitID, d.UnitID())
			}
			want, err := Checksum(ks, tr.IV, bits)
			if err != nil {
				t.Fatal(err)
			}
			if c.Checksum != want {
				t.Errorf("bits=%d: checksum %x, want %x", bits, c.Checksum, want)
			}
			p := NewDecryptProcessor(s.family)
			p.AddUnitKey(d.UnitID(), CombineComponents(s.nist.Database()[d.UnitID()], s.treasury.Database()[d.UnitID()]))
			got, err := p.SessionKey(c.UnitID, tr.LEAF)
			if err != nil {
				t.Fatal(err)
			}
			if got != ks {
				t.Errorf("bits=%d: unwrapped KS %s, want %s", bits, got, ks)
			}
		}
	}
}

func TestLEAFSize(t *testing.T) {
	tests := []struct{ bits, size int }{{8, 15}, {9, 16}, {16, 16}, {17, 17}, {24, 17}, {32, 18}}
	for _, tt := range tests {
		if got := LEAFSize(tt.bits); got != tt.size {
			t.Errorf("LEAFSize(%d) = %d, want %d", tt.bits, got, tt.size)
		}
	}
}

// A LEAF with any flipped bit must be rejected, except for the rare false
// accept a 16-bit checksum implies (probability 2^-16 per try).
func TestFlippedLEAFRejected(t *testing.T) {
	s := newTestSystem(t, 3, DefaultChecksumBits, 1)
	d := s.devices[0]
	accepted, tries := 0, 0
	for range 200 {
		ks := s.sessionKey(t)
		tr, err := d.Encrypt(s.rand, ks, []byte("call"))
		if err != nil {
			t.Fatal(err)
		}
		c, err := d.LEAFChecker(ks, tr.IV)
		if err != nil {
			t.Fatal(err)
		}
		if !c.Check(tr.LEAF) {
			t.Fatal("genuine LEAF rejected")
		}
		for bit := range 8 * len(tr.LEAF) {
			flipped := append(LEAF(nil), tr.LEAF...)
			flipped[bit/8] ^= 0x80 >> (bit % 8)
			tries++
			if c.Check(flipped) {
				accepted++
			}
		}
	}
	// 25,600 tries at 2^-16 expect 0.39 false accepts; 3 or more has
	// probability under 1%, and with this fixed seed the count is stable.
	if accepted > 2 {
		t.Fatalf("%d of %d flipped LEAFs accepted; want at most 2", accepted, tries)
	}
}

func TestChecksumRejectsWidths(t *testing.T) {
	for _, bits := range []int{0, 7, 33, 64} {
		if _, err := Checksum(SessionKey{}, IV{}, bits); !errors.Is(err, ErrChecksumBits) {
			t.Errorf("Checksum(bits=%d) error = %v, want ErrChecksumBits", bits, err)
		}
		if _, err := NewFamily(FamilyKey{}, bits); !errors.Is(err, ErrChecksumBits) {
			t.Errorf("NewFamily(bits=%d) error = %v, want ErrChecksumBits", bits, err)
		}
	}
}

func TestOpenLEAFRejectsLength(t *testing.T) {
	s := newTestSystem(t, 4, DefaultChecksumBits, 0)
	for _, n := range []int{0, 15, 17} {
		if _, err := s.family.OpenLEAF(make(LEAF, n)); !errors.Is(err, ErrMalformed) {
			t.Errorf("OpenLEAF(%d bytes) error = %v, want ErrMalformed", n, err)
		}
	}
}

// TestOpenLEAFsMatchesOpenLEAF checks, at several checksum widths, that
// opening LEAFs together gives what opening each alone gives, over more
// than one batch and with LEAFs of the wrong size among them.
func TestOpenLEAFsMatchesOpenLEAF(t *testing.T) {
	for _, bits := range []int{8, 16, 17, 24, 32} {
		s := newTestSystem(t, byte(bits), bits, 3)
		rng := rand.New(rand.NewPCG(uint64(bits), 11))
		var leaves []LEAF
		for i := range 150 {
			tr, err := s.devices[i%3].Encrypt(s.rand, s.sessionKey(t), []byte("x"))
			if err != nil {
				t.Fatal(err)
			}
			if rng.IntN(10) == 0 {
				tr.LEAF = make(LEAF, rng.IntN(30)) // the wrong size, or empty, or by chance the right one
			}
			leaves = append(leaves, tr.LEAF)
		}
		got, ok := s.family.OpenLEAFs(leaves)
		p := NewDecryptProcessor(s.family)
		pgot, pok := p.ReadLEAFs(leaves)
		for i, l := range leaves {
			want, err := s.family.OpenLEAF(l)
			if ok[i] != (err == nil) || ok[i] && got[i] != want || pok[i] != ok[i] || pgot[i] != got[i] {
				t.Fatalf("%d bits, LEAF %d (%d bytes): OpenLEAFs gave %+v, %v; OpenLEAF %+v, %v", bits, i, len(l), got[i], ok[i], want, err)
			}
		}
	}
}
