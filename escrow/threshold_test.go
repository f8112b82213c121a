package escrow

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"testing"

	"github.com/escrowlab/escrowlab/escrow/shamir"
)

// thresholdSystem is a k-of-n escrow installation made from a fixed seed.
type thresholdSystem struct {
	rand     *rand.ChaCha8
	family   *Family
	facility *ThresholdFacility
	agents   []*EscrowAgent
	devices  []*Device
}

func newThresholdSystem(t testing.TB, seed byte, k, n, devices int) *thresholdSystem {
	t.Helper()
	r := rand.NewChaCha8([32]byte{'t', seed})
	kf, err := NewFamilyKey(r)
	if err != nil {
		t.Fatal(err)
	}
	f, err := NewFamily(kf, DefaultChecksumBits)
	if err != nil {
		t.Fatal(err)
	}
	s := &thresholdSystem{rand: r, family: f}
	for i := range n {
		s.agents = append(s.agents, NewEscrowAgent(fmt.Sprintf("agent %d", i)))
	}
	if s.facility, err = NewThresholdFacility(f, k, s.agents); err != nil {
		t.Fatal(err)
	}
	for range devices {
		d, err := s.facility.Manufacture(r)
		if err != nil {
			t.Fatal(err)
		}
		s.devices = append(s.devices, d)
	}
	return s
}

// indexSets returns every size-element subset of 0..n-1, in order.
func indexSets(n, size int) [][]int {
	if size == 0 {
		return [][]int{nil}
	}
	var out [][]int
	for last := size - 1; last < n; last++ {
		for _, s := range indexSets(last, size-1) {
			out = append(out, append(s, last))
		}
	}
	return out
}

func TestThresholdLawfulAccess(t *testing.T) {
	s := newThresholdSystem(t, 1, 3, 5, 1)
	alice := s.devices[0]
	ks := SessionKey{}
	s.rand.Read(ks[:])
	const msg = "meet me at the usual place"
	call, err := alice.Encrypt(s.rand, ks, []byte(msg))
	if err != nil {
		t.Fatal(err)
	}
	w := Certification{Agency: "FBI", UnitID: alice.UnitID(), Docket: "94-3", Begins: day("1994-03-01"), Ends: day("1994-04-01")}
	released := func(set []int) map[int]KeyComponent {
		m := make(map[int]KeyComponent)
		for _, i := range set {
			c, err := s.agents[i].Release(w, day("1994-03-02"))
			if err != nil {
				t.Fatal(err)
			}
			m[i] = c
		}
		return m
	}
	all, err := CombineShares(released([]int{0, 1, 2, 3, 4}))
	if err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		agents   int
		readable bool
	}{{1, false}, {2, false}, {3, true}, {4, true}, {5, true}}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%d agents", tt.agents), func(t *testing.T) {
			for _, set := range indexSets(5, tt.agents) {
				ku, err := CombineShares(released(set))
				if err != nil {
					t.Fatal(err)
				}
				p := NewDecryptProcessor(s.family)
				p.AddUnitKey(alice.UnitID(), ku)
				got, err := p.Decrypt(call)
				read := err == nil && string(got) == msg
				if read != tt.readable {
					t.Errorf("agents %v: processor read %q, %v; readable = %t, want %t", set, got, err, read, tt.readable)
				}
				if gotKS, err := p.SessionKey(alice.UnitID(), call.LEAF); (err == nil && gotKS == ks) != tt.readable {
					t.Errorf("agents %v: unwrapped session key %s, %v; want correct = %t", set, gotKS, err, tt.readable)
				}
				if (ku == all) != tt.readable {
					t.Errorf("agents %v: rebuilt KU %s, all five give %s", set, ku, all)
				}
			}
		})
	}
	for _, a := range s.agents {
		for _, r := range a.Log() {
			if r.Err != nil {
				t.Errorf("%s refused a valid warrant: %v", a.Name(), r.Err)
			}
		}
	}
}

func TestThresholdFacilityValidation(t *testing.T) {
	f, err := NewFamily(FamilyKey{}, DefaultChecksumBits)
	if err != nil {
		t.Fatal(err)
	}
	agents := func(n int) []*EscrowAgent {
		as := make([]*EscrowAgent, n)
		for i := range as {
			as[i] = NewEscrowAgent(fmt.Sprint(i))
		}
		return as
	}
	a, b := NewEscrowAgent("a"), NewEscrowAgent("b")
	tests := []struct {
		name     string
		family   *Family
		k        int
		agents   []*EscrowAgent
		badRange bool // shamir.ErrThreshold should match too
	}{
		{"nil family", nil, 2, agents(3), false},
		{"k = 1", f, 1, agents(3), true},
		{"k = 0", f, 0, agents(3), true},
		{"k > n", f, 6, agents(5), true},
		{"no agents", f, 2, nil, true},
		{"256 agents", f, 2, agents(256), true},
		{"nil agent", f, 2, []*EscrowAgent{a, nil, b}, false},
		{"same agent twice", f, 2, []*EscrowAgent{a, b, a}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fac, err := NewThresholdFacility(tt.family, tt.k, tt.agents)
			if !errors.Is(err, ErrThresholdSetup) || fac != nil {
				t.Fatalf("NewThresholdFacility = %v, %v; want nil, ErrThresholdSetup", fac, err)
			}
			if errors.Is(err, shamir.ErrThreshold) != tt.badRange {
				t.Errorf("errors.Is(%v, shamir.ErrThreshold) = %t, want %t", err, !tt.badRange, tt.badRange)
			}
		})
	}
	if _, err := NewThresholdFacility(f, 255, agents(255)); err != nil {
		t.Errorf("255-of-255: %v", err)
	}
}

func TestThresholdManufacture(t *testing.T) {
	s := newThresholdSystem(t, 2, 3, 5, 100)
	seen := make(map[UnitID]bool)
	for _, d := range s.devices {
		if seen[d.UnitID()] {
			t.Fatalf("unit ID %s made twice", d.UnitID())
		}
		seen[d.UnitID()] = true
	}
	for _, a := range s.agents {
		if a.Units() != 100 {
			t.Errorf("%s holds %d units, want 100", a.Name(), a.Units())
		}
	}
	if s.facility.K() != 3 || len(s.facility.Agents()) != 5 {
		t.Errorf("K() = %d, %d agents; want 3, 5", s.facility.K(), len(s.facility.Agents()))
	}
	s.facility.Agents()[0] = nil // a copy: the facility keeps its agents
	if s.facility.Agents()[0] != s.agents[0] {
		t.Error("Agents() returned the facility's own slice")
	}

	// A random source that repeats a used unit ID must not make a twin chip.
	taken := s.devices[0].UnitID()
	repeat := make([]byte, 4+KeySize)
	repeat[0], repeat[1], repeat[2], repeat[3] = byte(taken>>24), byte(taken>>16), byte(taken>>8), byte(taken)
	d, err := s.facility.Manufacture(io.MultiReader(bytes.NewReader(repeat), s.rand))
	if err != nil {
		t.Fatal(err)
	}
	if seen[d.UnitID()] {
		t.Errorf("made a second chip with unit ID %s", d.UnitID())
	}

	// A failed manufacture deposits nothing.
	for _, r := range []io.Reader{nil, bytes.NewReader(make([]byte, 4+KeySize+3))} {
		if _, err := s.facility.Manufacture(r); err == nil {
			t.Error("Manufacture succeeded without enough randomness")
		}
	}
	for _, a := range s.agents {
		if a.Units() != 101 {
			t.Errorf("%s holds %d units after failed manufacture, want 101", a.Name(), a.Units())
		}
	}
}

func TestThresholdBreach(t *testing.T) {
	// k stolen databases open every chip, with no warrant and no agent asked.
	s := newThresholdSystem(t, 3, 3, 5, 10)
	p := NewDecryptProcessor(s.family)
	stolen := []map[UnitID]KeyComponent{s.agents[1].Database(), s.agents[2].Database(), s.agents[4].Database()}
	for _, d := range s.devices {
		ku, err := CombineShares(map[int]KeyComponent{1: stolen[0][d.UnitID()], 2: stolen[1][d.UnitID()], 4: stolen[2][d.UnitID()]})
		if err != nil {
			t.Fatal(err)
		}
		p.AddUnitKey(d.UnitID(), ku)
		ks := SessionKey{}
		s.rand.Read(ks[:])
		call, err := d.Encrypt(s.rand, ks, []byte("private"))
		if err != nil {
			t.Fatal(err)
		}
		if got, err := p.Decrypt(call); err != nil || string(got) != "private" {
			t.Errorf("unit %s: read %q, %v with three stolen databases", d.UnitID(), got, err)
		}
	}
	for _, a := range s.agents {
		if len(a.Log()) != 0 {
			t.Errorf("%s logged %d requests; a breach leaves no log", a.Name(), len(a.Log()))
		}
	}
}

func TestCombineSharesRejects(t *testing.T) {
	tests := []struct {
		name       string
		components map[int]KeyComponent
	}{
		{"nil", nil},
		{"empty", map[int]KeyComponent{}},
		{"negative index", map[int]KeyComponent{0: {}, -1: {}}},
		{"index 255 (x = 256)", map[int]KeyComponent{0: {}, 255: {}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ku, err := CombineShares(tt.components)
			if !errors.Is(err, shamir.ErrShares) || ku != (UnitKey{}) {
				t.Fatalf("CombineShares = %s, %v; want zero key, shamir.ErrShares", ku, err)
			}
		})
	}
}
