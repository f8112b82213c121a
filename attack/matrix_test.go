package attack

import (
	"testing"
)

func TestMatrixInvariants(t *testing.T) {
	m, err := NewMatrix(MatrixConfig{People: 5, Sessions: 24, LeakAt: 10, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	sent := m.World.Sent()
	before := 0
	var target, addressed, targetBefore int
	for _, c := range sent {
		early := c.At.Before(m.LeakAt)
		if early {
			before++
		}
		if c.Caller == m.Target.Person || c.Callee == m.Target.Person {
			target++
			if early {
				targetBefore++
			}
		}
		if c.Callee == m.Target.Person {
			addressed++
		}
	}
	if before != 10 || target == 0 || addressed == 0 {
		t.Fatalf("archive: %d sessions before the leak (want 10), target in %d, addressed to target %d", before, target, addressed)
	}
	const total = 24
	tests := []struct {
		leak                  LeakID
		scheme                Scheme
		opened, before, after int
		metadata              int
	}{
		{NoLeak, Clipper, 0, 0, 0, 0},
		{EscrowDBs, Clipper, total, before, total - before, total},
		{Agent1DB, Clipper, 0, 0, 0, 0},
		{Agent2DB, Clipper, 0, 0, 0, 0},
		{FamilyKeyLeak, Clipper, 0, 0, 0, total},
		{UnitKeyLeak, Clipper, target, targetBefore, target - targetBefore, total},
		{DeviceSeizure, Clipper, 0, 0, 0, 0},
		{DeviceSeizure, E2EForwardSecret, 0, 0, 0, 0},
		{DeviceSeizure, E2EEscrowed, 0, 0, 0, 0},
		{DeviceSeizure, E2EStatic, addressed, -1, -1, 0},
		{AuthorityKeyLeak, E2EEscrowed, total, before, total - before, 0},
		{AuthorityKeyLeak, E2EForwardSecret, 0, 0, 0, 0},
		{EscrowDBs, E2EForwardSecret, 0, 0, 0, 0},
		{QuorumDBs, Clipper, total, before, total - before, total},
		{QuorumDBs, Threshold, total, before, total - before, total},
		{EscrowDBs, Threshold, total, before, total - before, total},
		{Agent1DB, Threshold, 0, 0, 0, 0},
		{FamilyKeyLeak, Threshold, 0, 0, 0, total},
		{UnitKeyLeak, Threshold, target, targetBefore, target - targetBefore, total},
		{SIMDB, SIM, total, before, total - before, total},
		{SIMDB, Clipper, 0, 0, 0, 0},
		{EscrowDBs, SIM, 0, 0, 0, 0},
		{DeviceSeizure, SIM, 0, 0, 0, 0},
	}
	for _, tt := range tests {
		c, ok := m.Cell(tt.leak, tt.scheme)
		if !ok {
			t.Fatalf("no cell for %s x %s", tt.leak, tt.scheme)
		}
		if c.Total != total || c.Opened != tt.opened || c.Metadata != tt.metadata ||
			(tt.before >= 0 && (c.OpenedBefore != tt.before || c.OpenedAfter != tt.after)) {
			t.Errorf("%s x %s: got %+v; want opened %d (before %d, after %d), metadata %d", tt.leak, tt.scheme, c, tt.opened, tt.before, tt.after, tt.metadata)
		}
	}
	// One leaked session key opens exactly that session, under every scheme.
	for _, s := range Schemes {
		if c, _ := m.Cell(SessionKeyLeak, s); c.Opened != 1 || c.OpenedBefore != 1 {
			t.Errorf("session-key x %s: %+v, want exactly the one session, before the leak", s, c)
		}
	}
	// Forward secrecy: no leak but a session key opens anything under e2e-fs.
	for _, l := range Leaks {
		c, _ := m.Cell(l, E2EForwardSecret)
		if l != SessionKeyLeak && c.Opened != 0 {
			t.Errorf("%s x e2e-fs opened %d", l, c.Opened)
		}
	}
	if len(m.Cells) != len(Leaks)*len(Schemes) {
		t.Fatalf("%d cells, want %d", len(m.Cells), len(Leaks)*len(Schemes))
	}
}

// Splitting the key k-of-n moves the single point of failure, it does not
// remove it: k databases open everything, k-1 open nothing.
func TestThresholdQuorum(t *testing.T) {
	w, mid := newTestWorld(t)
	kf := w.Family.Key()
	for _, tt := range []struct {
		agents []int
		opened int
	}{
		{firstN(ThresholdK - 1), 0},
		{[]int{1, 3}, 0},
		{firstN(ThresholdK), 12},
		{[]int{0, 2, 4}, 12},
		{firstN(ThresholdN), 12},
	} {
		a, err := NewAttacker(w.agentDBs(&kf, nil, tt.agents), w.Family.ChecksumBits())
		if err != nil {
			t.Fatal(err)
		}
		if e := Measure(a, w.Tap.Captures(Threshold), w.Sent(), mid); e.Opened != tt.opened {
			t.Errorf("threshold agents %v: opened %d/%d, want %d", tt.agents, e.Opened, e.Total, tt.opened)
		}
	}
}

func TestMatrixConfigRejected(t *testing.T) {
	for _, cfg := range []MatrixConfig{
		{People: 1, Sessions: 4},
		{People: MaxPeople + 1, Sessions: 4},
		{People: 3, Sessions: 0},
		{People: 3, Sessions: MaxSessions + 1},
		{People: 3, Sessions: 4, LeakAt: 5},
		{People: 3, Sessions: 4, LeakAt: -1},
	} {
		if _, err := NewMatrix(cfg); err == nil {
			t.Errorf("NewMatrix(%+v) succeeded", cfg)
		}
	}
}

func TestParseIDs(t *testing.T) {
	for _, l := range Leaks {
		if got, err := ParseLeak(string(l)); err != nil || got != l {
			t.Errorf("ParseLeak(%q) = %q, %v", l, got, err)
		}
	}
	for _, s := range Schemes {
		if got, err := ParseScheme(string(s)); err != nil || got != s {
			t.Errorf("ParseScheme(%q) = %q, %v", s, got, err)
		}
	}
	if _, err := ParseLeak("everything"); err == nil {
		t.Error("ParseLeak accepted an unknown id")
	}
	if _, err := ParseScheme("rot13"); err == nil {
		t.Error("ParseScheme accepted an unknown id")
	}
}

func TestNames(t *testing.T) {
	n := Names(30)
	if n[0] != "Alice" || n[25] != "Zoe" || n[29] != "Person 30" {
		t.Fatalf("Names(30) = %v", n)
	}
}

func BenchmarkMatrixDefault(b *testing.B) {
	for b.Loop() {
		if _, err := NewMatrix(MatrixConfig{People: 8, Sessions: 64, LeakAt: 32, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}
