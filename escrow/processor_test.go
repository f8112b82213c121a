package escrow

import (
	"errors"
	"testing"
)

// lawfulAccess runs the 1994 procedure for one device and returns the
// processor holding its rebuilt unit key.
func lawfulAccess(t *testing.T, s *testSystem, d *Device, w Certification, now string) *DecryptProcessor {
	t.Helper()
	ku1, err := s.nist.Release(w, day(now))
	if err != nil {
		t.Fatal(err)
	}
	ku2, err := s.treasury.Release(w, day(now))
	if err != nil {
		t.Fatal(err)
	}
	p := NewDecryptProcessor(s.family)
	p.AddUnitKey(d.UnitID(), CombineComponents(ku1, ku2))
	return p
}

func TestLawfulAccessAndExpiryWeakness(t *testing.T) {
	s := newTestSystem(t, 10, DefaultChecksumBits, 2)
	alice, bob := s.devices[0], s.devices[1]
	w := Certification{Agency: "FBI", UnitID: alice.UnitID(), Docket: "94-7", Begins: day("1994-03-01"), Ends: day("1994-03-31")}
	p := lawfulAccess(t, s, alice, w, "1994-03-02")

	for _, msg := range []string{"before the warrant", "during it", "long after it expired"} {
		tr, err := alice.Encrypt(s.rand, s.sessionKey(t), []byte(msg))
		if err != nil {
			t.Fatal(err)
		}
		got, err := p.Decrypt(tr)
		if err != nil || string(got) != msg {
			t.Fatalf("processor read %q, %v; want %q", got, err, msg)
		}
	}
	// The agents refuse the expired warrant, but the processor needs nothing more.
	if _, err := s.nist.Release(w, day("1994-09-01")); !errors.Is(err, ErrAuthorityEnded) {
		t.Fatalf("agent released on an expired warrant: %v", err)
	}
	// Bob's traffic stays closed: no key for his unit.
	tr, _ := bob.Encrypt(s.rand, s.sessionKey(t), []byte("bob"))
	if _, err := p.Decrypt(tr); !errors.Is(err, ErrNoUnitKey) {
		t.Fatalf("processor read Bob without his unit key: %v", err)
	}
}

func TestOneComponentRevealsNothing(t *testing.T) {
	s := newTestSystem(t, 11, DefaultChecksumBits, 1)
	alice := s.devices[0]
	ku1 := s.nist.Database()[alice.UnitID()]
	ku2 := s.treasury.Database()[alice.UnitID()]
	ks := s.sessionKey(t)
	tr, err := alice.Encrypt(s.rand, ks, []byte("only with both halves"))
	if err != nil {
		t.Fatal(err)
	}
	for _, half := range []KeyComponent{ku1, ku2} {
		p := NewDecryptProcessor(s.family)
		p.AddUnitKey(alice.UnitID(), UnitKey(half))
		got, err := p.SessionKey(alice.UnitID(), tr.LEAF)
		if err != nil {
			t.Fatal(err)
		}
		if got == ks {
			t.Fatal("one component alone unwrapped the session key")
		}
		if pt, err := p.Decrypt(tr); err == nil && string(pt) == "only with both halves" {
			t.Fatal("one component alone decrypted the call")
		}
	}
}

func TestProcessorRejectsMalformed(t *testing.T) {
	s := newTestSystem(t, 12, DefaultChecksumBits, 0)
	p := NewDecryptProcessor(s.family)
	for _, tr := range []*Transmission{nil, {LEAF: LEAF{1, 2}}} {
		if _, err := p.Decrypt(tr); !errors.Is(err, ErrMalformed) {
			t.Fatalf("Decrypt(%v) error = %v, want ErrMalformed", tr, err)
		}
	}
}

// TestUnwrapMatchesSessionKey checks that unwrapping an opened LEAF gives
// the session key SessionKey gives, and the same refusal without the
// unit key.
func TestUnwrapMatchesSessionKey(t *testing.T) {
	s := newTestSystem(t, 12, DefaultChecksumBits, 2)
	alice, bob := s.devices[0], s.devices[1]
	w := Certification{Agency: "FBI", UnitID: alice.UnitID(), Docket: "94-8", Begins: day("1994-03-01"), Ends: day("1994-03-31")}
	p := lawfulAccess(t, s, alice, w, "1994-03-02")
	ks := s.sessionKey(t)
	tr, err := alice.Encrypt(s.rand, ks, []byte("unwrap me"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := p.ReadLEAF(tr.LEAF)
	if err != nil {
		t.Fatal(err)
	}
	got, err := p.Unwrap(c.UnitID, c)
	want, werr := p.SessionKey(c.UnitID, tr.LEAF)
	if err != nil || werr != nil || got != want || got != ks {
		t.Fatalf("Unwrap gave %s (%v), SessionKey %s (%v); the call's key is %s", got, err, want, werr, ks)
	}
	if _, err := p.Unwrap(bob.UnitID(), c); !errors.Is(err, ErrNoUnitKey) {
		t.Fatalf("unwrapped without Bob's unit key: %v", err)
	}
}
