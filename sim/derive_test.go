package sim_test

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/escrowlab/escrowlab/sim"
)

func TestDeriveMatchesSpec(t *testing.T) {
	var kiSeq sim.Ki
	var randSeq sim.RAND
	for i := range kiSeq {
		kiSeq[i] = byte(i)
	}
	for i := range randSeq {
		randSeq[i] = byte(0x10 + i)
	}
	r := seeded(1)
	var kiRand sim.Ki
	var randRand sim.RAND
	if _, err := io.ReadFull(r, kiRand[:]); err != nil {
		t.Fatal(err)
	}
	if _, err := io.ReadFull(r, randRand[:]); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name string
		ki   sim.Ki
		rand sim.RAND
	}{
		{"zero", sim.Ki{}, sim.RAND{}},
		{"counting", kiSeq, randSeq},
		{"seeded", kiRand, randRand},
		{"all ones", sim.Ki(bytes.Repeat([]byte{0xff}, sim.KiSize)), sim.RAND(bytes.Repeat([]byte{0xff}, sim.RANDSize))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mac := hmac.New(sha256.New, tt.ki[:])
			mac.Write([]byte("escrowlab/sim/v1"))
			mac.Write(tt.rand[:])
			sum := mac.Sum(nil)

			sres, kc := sim.Derive(tt.ki, tt.rand)
			if !bytes.Equal(sres[:], sum[:4]) {
				t.Errorf("SRES = %x, want %x", sres, sum[:4])
			}
			if !bytes.Equal(kc[:], sum[4:12]) {
				t.Errorf("Kc = %x, want %x", kc, sum[4:12])
			}
		})
	}
}

// TestDeriveKnownAnswer pins the derivation to a vector computed
// independently (Python's hmac module).
func TestDeriveKnownAnswer(t *testing.T) {
	var ki sim.Ki
	var r sim.RAND
	for i := range ki {
		ki[i] = byte(i)
	}
	for i := range r {
		r[i] = byte(0x10 + i)
	}
	sres, kc := sim.Derive(ki, r)
	if got, want := hex.EncodeToString(sres[:]), "f20816ab"; got != want {
		t.Errorf("SRES = %s, want %s", got, want)
	}
	if got, want := hex.EncodeToString(kc[:]), "037ece8233bb4f42"; got != want {
		t.Errorf("Kc = %s, want %s", got, want)
	}
}

// TestSIMAndNetworkAgree checks that the SIM, the operator and anyone
// holding Ki compute the same SRES and Kc for a challenge.
func TestSIMAndNetworkAgree(t *testing.T) {
	tests := []struct {
		seed  uint64
		imsis []string
	}{
		{10, []string{"234150000000001"}},
		{11, []string{"234150000000001", "234150000000002", "310260000000003"}},
		{12, []string{"a", "b", "c", "d", "e", "f", "g", "h"}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.seed), func(t *testing.T) {
			r := seeded(tt.seed)
			gemalto := sim.NewManufacturer("Gemalto")
			sims := make([]*sim.SIM, len(tt.imsis))
			for i, imsi := range tt.imsis {
				sims[i] = makeSIM(t, gemalto, r, imsi)
			}
			db := gemalto.Database()
			op := sim.NewOperator("Vodafone", db)

			seen := make(map[sim.Kc]bool)
			for _, s := range sims {
				for range 3 {
					rnd, wantSRES, wantKc := challenge(t, op, r, s.IMSI())
					sres, kc := s.Respond(rnd)
					if sres != wantSRES || kc != wantKc {
						t.Errorf("%s: SIM answered (%x, %x), operator expects (%x, %x)", s.IMSI(), sres, kc, wantSRES, wantKc)
					}
					if dsres, dkc := sim.Derive(db[s.IMSI()], rnd); dsres != sres || dkc != kc {
						t.Errorf("%s: Derive with the database Ki gives (%x, %x), SIM (%x, %x)", s.IMSI(), dsres, dkc, sres, kc)
					}
					if seen[kc] {
						t.Errorf("%s: Kc %x repeated across challenges", s.IMSI(), kc)
					}
					seen[kc] = true
				}
			}
		})
	}
}

// TestSIMDoesNotPrintKi checks that fmt does not reveal a SIM's Ki.
func TestSIMDoesNotPrintKi(t *testing.T) {
	m := sim.NewManufacturer("Gemalto")
	s := makeSIM(t, m, seeded(20), "234150000000001")
	ki := m.Database()["234150000000001"]
	forms := []string{
		fmt.Sprintf("%v", s), fmt.Sprintf("%+v", s), fmt.Sprintf("%#v", s),
		fmt.Sprintf("%v", *s), fmt.Sprintf("%+v", *s), fmt.Sprintf("%#v", *s),
	}
	decimal := strings.Trim(fmt.Sprint(ki[:]), "[]")
	for _, f := range forms {
		if strings.Contains(f, hex.EncodeToString(ki[:])) || strings.Contains(f, decimal) {
			t.Errorf("printing a SIM reveals Ki: %s", f)
		}
	}
}
