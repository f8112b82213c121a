package sim_test

import (
	"bytes"
	"errors"
	"io"
	"maps"
	"testing"

	"github.com/escrowlab/escrowlab/sim"
)

// run makes three SIMs and one challenge each from seed, and returns the
// database and the challenges.
func run(t *testing.T, seed uint64) (map[string]sim.Ki, []sim.RAND) {
	t.Helper()
	r := seeded(seed)
	m := sim.NewManufacturer("Gemalto")
	imsis := []string{"001", "002", "003"}
	for _, imsi := range imsis {
		makeSIM(t, m, r, imsi)
	}
	op := sim.NewOperator("Orange", m.Database())
	var rands []sim.RAND
	for _, imsi := range imsis {
		rnd, _, _ := challenge(t, op, r, imsi)
		rands = append(rands, rnd)
	}
	return m.Database(), rands
}

func TestDeterminism(t *testing.T) {
	db1, rands1 := run(t, 40)
	db2, rands2 := run(t, 40)
	if !maps.Equal(db1, db2) {
		t.Error("same seed gave different key databases")
	}
	for i := range rands1 {
		if rands1[i] != rands2[i] {
			t.Errorf("challenge %d: same seed gave RAND %x and %x", i, rands1[i], rands2[i])
		}
	}

	db3, rands3 := run(t, 41)
	for imsi, ki := range db1 {
		if db3[imsi] == ki {
			t.Errorf("%s: different seeds gave the same Ki", imsi)
		}
	}
	if rands1[0] == rands3[0] {
		t.Error("different seeds gave the same RAND")
	}

	// Everything comes from the reader, in order: three Ki, then three RAND.
	stream := make([]byte, 3*sim.KiSize+3*sim.RANDSize)
	if _, err := io.ReadFull(seeded(40), stream); err != nil {
		t.Fatal(err)
	}
	for i, imsi := range []string{"001", "002", "003"} {
		ki := db1[imsi]
		if want := stream[i*sim.KiSize:][:sim.KiSize]; !bytes.Equal(ki[:], want) {
			t.Errorf("%s: Ki = %x, want the reader's bytes %x", imsi, ki, want)
		}
		rnd := rands1[i]
		if want := stream[3*sim.KiSize+i*sim.RANDSize:][:sim.RANDSize]; !bytes.Equal(rnd[:], want) {
			t.Errorf("challenge %d: RAND = %x, want the reader's bytes %x", i, rnd, want)
		}
	}
}

func TestMakeSIMRejects(t *testing.T) {
	m := sim.NewManufacturer("Gemalto")
	makeSIM(t, m, seeded(50), "001")

	tests := []struct {
		name    string
		rand    io.Reader
		imsi    string
		wantErr error // nil means any error
	}{
		{"empty IMSI", seeded(51), "", sim.ErrMalformed},
		{"duplicate IMSI", seeded(51), "001", nil},
		{"reader exhausted", bytes.NewReader(make([]byte, sim.KiSize-1)), "002", io.ErrUnexpectedEOF},
		{"reader empty", bytes.NewReader(nil), "002", io.EOF},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := m.MakeSIM(tt.rand, tt.imsi)
			if err == nil {
				t.Fatalf("MakeSIM(%q) = %v, want an error", tt.imsi, s)
			}
			if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Errorf("err = %v, want %v", err, tt.wantErr)
			}
			if s != nil {
				t.Errorf("returned a SIM with an error")
			}
		})
	}
	if db := m.Database(); len(db) != 1 {
		t.Errorf("database has %d entries after rejected SIMs, want 1", len(db))
	}
	// A failed attempt records nothing, so the IMSI can be issued later.
	makeSIM(t, m, seeded(52), "002")
}

func TestChallengeUnknownIMSI(t *testing.T) {
	m := sim.NewManufacturer("Gemalto")
	makeSIM(t, m, seeded(60), "001")
	op := sim.NewOperator("Orange", m.Database())
	makeSIM(t, m, seeded(61), "002") // issued after the key file shipped

	for _, imsi := range []string{"", "999", "002"} {
		r := bytes.NewReader(make([]byte, sim.RANDSize))
		if _, _, _, err := op.Challenge(r, imsi); err == nil {
			t.Errorf("Challenge(%q) succeeded for an IMSI not in the key file", imsi)
		}
		if r.Len() != sim.RANDSize {
			t.Errorf("Challenge(%q) read the reader before rejecting the IMSI", imsi)
		}
	}
	if _, _, _, err := op.Challenge(bytes.NewReader(nil), "001"); !errors.Is(err, io.EOF) {
		t.Errorf("Challenge with an empty reader: err = %v, want io.EOF", err)
	}
	if _, _, _, err := op.Challenge(seeded(62), "001"); err != nil {
		t.Errorf("Challenge(\"001\"): %v", err)
	}
}

func TestDatabaseIsCopy(t *testing.T) {
	m := sim.NewManufacturer("Gemalto")
	s := makeSIM(t, m, seeded(70), "001")
	db := m.Database()
	orig := db["001"]

	db["001"] = sim.Ki{}
	db["666"] = sim.Ki{6}
	delete(db, "001")
	after := m.Database()
	if len(after) != 1 || after["001"] != orig {
		t.Errorf("changing the copy changed the manufacturer's database: %x", after)
	}

	// The operator keeps its own copy of the key file too.
	keyFile := m.Database()
	op := sim.NewOperator("Orange", keyFile)
	keyFile["001"] = sim.Ki{}
	rnd, sres, kc := challenge(t, op, seeded(71), "001")
	if gotSRES, gotKc := s.Respond(rnd); gotSRES != sres || gotKc != kc {
		t.Error("changing the key file after NewOperator changed the operator's keys")
	}
}

func TestNames(t *testing.T) {
	if got := sim.NewManufacturer("Gemalto").Name(); got != "Gemalto" {
		t.Errorf("Name() = %q, want Gemalto", got)
	}
	s := makeSIM(t, sim.NewManufacturer("G&D"), seeded(80), "310260000000001")
	if got := s.IMSI(); got != "310260000000001" {
		t.Errorf("IMSI() = %q, want 310260000000001", got)
	}
}
