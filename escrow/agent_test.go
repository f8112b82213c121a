package escrow

import (
	"errors"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestEscrowAgentRelease(t *testing.T) {
	s := newTestSystem(t, 8, DefaultChecksumBits, 2)
	alice := s.devices[0]
	good := Warrant{UnitID: alice.UnitID(), Court: "S.D.N.Y.", CaseNumber: "94-1", Issued: day("1994-03-01"), Expires: day("1994-04-01")}
	tests := []struct {
		name string
		edit func(*Warrant)
		now  string
		want error
	}{
		{"valid", func(*Warrant) {}, "1994-03-15", nil},
		{"unit ID of no chip", func(w *Warrant) { w.UnitID = absentUnit(s) }, "1994-03-15", ErrUnknownUnit},
		{"expired", func(*Warrant) {}, "1994-05-01", ErrWarrantExpired},
		{"not yet issued", func(*Warrant) {}, "1994-02-01", ErrWarrantNotYetValid},
		{"no court", func(w *Warrant) { w.Court = "" }, "1994-03-15", ErrWarrantIncomplete},
		{"no case number", func(w *Warrant) { w.CaseNumber = "" }, "1994-03-15", ErrWarrantIncomplete},
		{"no expiry", func(w *Warrant) { w.Expires = time.Time{} }, "1994-03-15", ErrWarrantIncomplete},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := good
			tt.edit(&w)
			c, err := s.nist.Release(w, day(tt.now))
			if !errors.Is(err, tt.want) {
				t.Fatalf("Release error = %v, want %v", err, tt.want)
			}
			if tt.want == nil && c != s.nist.Database()[alice.UnitID()] {
				t.Fatal("released the wrong component")
			}
			if tt.want != nil && c != (KeyComponent{}) {
				t.Fatal("refused request still returned a component")
			}
		})
	}
	log := s.nist.Log()
	if len(log) != len(tests) {
		t.Fatalf("log has %d entries, want %d (every request, granted or not)", len(log), len(tests))
	}
	if log[0].Err != nil || log[2].Err == nil {
		t.Errorf("log entries record the wrong outcome: %+v", log[:3])
	}
}

// absentUnit returns a unit ID that no chip of s has.
func absentUnit(s *testSystem) UnitID {
	db := s.nist.Database()
	id := UnitID(1)
	for _, taken := db[id]; taken; _, taken = db[id] {
		id++
	}
	return id
}

func TestWarrantForOtherUnitRefused(t *testing.T) {
	s := newTestSystem(t, 9, DefaultChecksumBits, 1)
	w := Warrant{UnitID: absentUnit(s), Court: "c", CaseNumber: "n", Issued: day("1994-01-01"), Expires: day("1995-01-01")}
	for _, a := range []*EscrowAgent{s.nist, s.treasury} {
		if _, err := a.Release(w, day("1994-06-01")); !errors.Is(err, ErrUnknownUnit) {
			t.Errorf("%s: error = %v, want ErrUnknownUnit", a.Name(), err)
		}
	}
}

func TestFacilityValidation(t *testing.T) {
	f, _ := NewFamily(FamilyKey{}, DefaultChecksumBits)
	a := NewEscrowAgent("a")
	if _, err := NewFacility(f, a, a); err == nil {
		t.Error("facility accepted the same agent twice")
	}
	if _, err := NewFacility(nil, a, NewEscrowAgent("b")); err == nil {
		t.Error("facility accepted a nil family")
	}
}
