package escrow

import (
	"math/rand/v2"
	"testing"
)

// testSystem is a small EES installation made from a fixed seed.
type testSystem struct {
	rand     *rand.ChaCha8
	family   *Family
	nist     *EscrowAgent
	treasury *EscrowAgent
	devices  []*Device
}

func newTestSystem(t testing.TB, seed byte, bits, devices int) *testSystem {
	t.Helper()
	r := rand.NewChaCha8([32]byte{seed})
	kf, err := NewFamilyKey(r)
	if err != nil {
		t.Fatal(err)
	}
	f, err := NewFamily(kf, bits)
	if err != nil {
		t.Fatal(err)
	}
	s := &testSystem{rand: r, family: f, nist: NewEscrowAgent("NIST"), treasury: NewEscrowAgent("Treasury ASD")}
	fac, err := NewFacility(f, s.nist, s.treasury)
	if err != nil {
		t.Fatal(err)
	}
	for range devices {
		d, err := fac.Manufacture(r)
		if err != nil {
			t.Fatal(err)
		}
		s.devices = append(s.devices, d)
	}
	return s
}

func (s *testSystem) sessionKey(t testing.TB) SessionKey {
	t.Helper()
	var ks SessionKey
	s.rand.Read(ks[:])
	return ks
}
