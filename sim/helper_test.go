package sim_test

import (
	"encoding/binary"
	"io"
	"math/rand/v2"
	"testing"

	"github.com/escrowlab/escrowlab/sim"
)

// seeded returns a deterministic reader for the given seed.
func seeded(seed uint64) io.Reader {
	var s [32]byte
	binary.LittleEndian.PutUint64(s[:], seed)
	return rand.NewChaCha8(s)
}

// makeSIM makes a SIM or fails the test.
func makeSIM(t testing.TB, m *sim.Manufacturer, r io.Reader, imsi string) *sim.SIM {
	t.Helper()
	s, err := m.MakeSIM(r, imsi)
	if err != nil {
		t.Fatalf("MakeSIM(%q): %v", imsi, err)
	}
	return s
}

// challenge runs a challenge at o or fails the test.
func challenge(t testing.TB, o *sim.Operator, r io.Reader, imsi string) (sim.RAND, sim.SRES, sim.Kc) {
	t.Helper()
	rnd, sres, kc, err := o.Challenge(r, imsi)
	if err != nil {
		t.Fatalf("Challenge(%q): %v", imsi, err)
	}
	return rnd, sres, kc
}
