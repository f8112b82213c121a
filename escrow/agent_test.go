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
	good := Certification{Agency: "FBI", UnitID: alice.UnitID(), Docket: "94-1", Begins: day("1994-03-01"), Ends: day("1994-04-01")}
	tests := []struct {
		name string
		edit func(*Certification)
		now  string
		want error
	}{
		{"valid", func(*Certification) {}, "1994-03-15", nil},
		{"unit ID of no chip", func(w *Certification) { w.UnitID = absentUnit(s) }, "1994-03-15", ErrUnknownUnit},
		{"expired", func(*Certification) {}, "1994-05-01", ErrAuthorityEnded},
		{"not yet issued", func(*Certification) {}, "1994-02-01", ErrAuthorityNotYetValid},
		{"no agency", func(w *Certification) { w.Agency = "" }, "1994-03-15", ErrCertificationIncomplete},
		{"no docket number", func(w *Certification) { w.Docket = "" }, "1994-03-15", ErrCertificationIncomplete},
		{"no end date", func(w *Certification) { w.Ends = time.Time{} }, "1994-03-15", ErrCertificationIncomplete},
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

func TestCertificationForOtherUnitRefused(t *testing.T) {
	s := newTestSystem(t, 9, DefaultChecksumBits, 1)
	w := Certification{Agency: "FBI", UnitID: absentUnit(s), Docket: "n", Begins: day("1994-01-01"), Ends: day("1995-01-01")}
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

// The authority is in force through its last day and ends at midnight:
// a 31-day authority from 1 March covers 1 to 31 March, inclusive.
func TestAuthorityEndsAtMidnight(t *testing.T) {
	s := newTestSystem(t, 2, DefaultChecksumBits, 3)
	c := Certification{Agency: "FBI", UnitID: s.devices[0].UnitID(), Docket: "94-2", Begins: day("1994-03-01"), Ends: day("1994-04-01")}
	if got := c.LastDay().Format(time.DateOnly); got != "1994-03-31" {
		t.Fatalf("last day %s, want 1994-03-31", got)
	}
	if days := int(c.Ends.Sub(c.Begins).Hours() / 24); days != 31 {
		t.Fatalf("%d days in force, want 31", days)
	}
	if _, err := s.nist.Release(c, day("1994-04-01").Add(-time.Minute)); err != nil {
		t.Errorf("refused on the last day: %v", err)
	}
	if _, err := s.nist.Release(c, day("1994-04-01")); !errors.Is(err, ErrAuthorityEnded) {
		t.Errorf("at midnight after the last day: %v, want ErrAuthorityEnded", err)
	}
}
