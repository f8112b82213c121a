package attack

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
)

// builtinSchemes are the schemes escrowlab ships; tests may register more.
var builtinSchemes = []SchemeID{ClipperID, ThresholdID, SIMID, E2EStaticID, E2EForwardSecretID, E2EGhostID, E2EEscrowedID}

func TestMatrixInvariants(t *testing.T) {
	m, err := NewMatrix(context.Background(), MatrixConfig{People: 5, Sessions: 24, LeakAfter: 10, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	sent := m.World.Sent()
	before := 0
	var target, addressed, targetBefore int
	for _, c := range sent {
		early := c.At.Before(m.LeakTime)
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
		scheme                SchemeID
		opened, before, after int
		metadata              int
	}{
		{NoLeak, ClipperID, 0, 0, 0, 0},
		{EscrowDBs, ClipperID, total, before, total - before, total},
		{Agent1DB, ClipperID, 0, 0, 0, 0},
		{Agent2DB, ClipperID, 0, 0, 0, 0},
		{FamilyKeyLeak, ClipperID, 0, 0, 0, total},
		{UnitKeyLeak, ClipperID, target, targetBefore, target - targetBefore, total},
		{DeviceSeizure, ClipperID, 0, 0, 0, 0},
		{DeviceSeizure, E2EForwardSecretID, 0, 0, 0, 0},
		{DeviceSeizure, E2EEscrowedID, 0, 0, 0, 0},
		{DeviceSeizure, E2EStaticID, addressed, -1, -1, 0},
		{AuthorityKeyLeak, E2EEscrowedID, total, before, total - before, 0},
		{AuthorityKeyLeak, E2EForwardSecretID, 0, 0, 0, 0},
		{EscrowDBs, E2EForwardSecretID, 0, 0, 0, 0},
		{QuorumDBs, ClipperID, total, before, total - before, total},
		{QuorumDBs, ThresholdID, total, before, total - before, total},
		{EscrowDBs, ThresholdID, total, before, total - before, total},
		{Agent1DB, ThresholdID, 0, 0, 0, 0},
		{FamilyKeyLeak, ThresholdID, 0, 0, 0, total},
		{UnitKeyLeak, ThresholdID, target, targetBefore, target - targetBefore, total},
		{SIMDB, SIMID, total, before, total - before, total},
		{SIMDB, ClipperID, 0, 0, 0, 0},
		{EscrowDBs, SIMID, 0, 0, 0, 0},
		{DeviceSeizure, SIMID, 0, 0, 0, 0},
		// Access capabilities read only what passes after the leak; the
		// intercept system's call records name the parties of every call.
		{ProviderBreach, E2EGhostID, total - before, 0, total - before, total - before},
		{InterceptBreach, SIMID, total - before, 0, total - before, total},
		{ProviderBreach, E2EForwardSecretID, 0, 0, 0, 0},
		{InterceptBreach, E2EForwardSecretID, 0, 0, 0, 0},
		{InterceptBreach, ClipperID, 0, 0, 0, 0},
		{SIMDB, E2EGhostID, 0, 0, 0, 0},
		{DeviceSeizure, E2EGhostID, 0, 0, 0, 0},
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
	for _, s := range builtinSchemes {
		if c, _ := m.Cell(SessionKeyLeak, s); c.Opened != 1 || c.OpenedBefore != 1 {
			t.Errorf("session-key x %s: %+v, want exactly the one session, before the leak", s, c)
		}
	}
	// Forward secrecy: no leak but a session key opens anything under e2e-fs.
	for _, l := range LeakIDs() {
		c, _ := m.Cell(l, E2EForwardSecretID)
		if l != SessionKeyLeak && c.Opened != 0 {
			t.Errorf("%s x e2e-fs opened %d", l, c.Opened)
		}
	}
	// An access capability reads only what passes after the leak. The relay
	// scheme and its tap are registered by example_scheme_test.go.
	if c, ok := m.Cell("relay-tap", "relay"); !ok || c.Opened != total-before || c.OpenedBefore != 0 {
		t.Errorf("relay-tap x relay: %+v, want every session after the leak and none before", c)
	}
	if len(m.Cells) != len(LeakIDs())*len(SchemeIDs()) {
		t.Fatalf("%d cells, want %d", len(m.Cells), len(LeakIDs())*len(SchemeIDs()))
	}
}

// Splitting the key k-of-n moves the single point of failure, it does not
// remove it: k databases open everything, k-1 open nothing.
func TestThresholdQuorum(t *testing.T) {
	w, mid := newTestWorld(t, ThresholdID)
	th, _ := SchemeOf[*Threshold](w)
	kf := th.family.Key()
	for _, tt := range []struct {
		first, last int
		opened      int
	}{
		{1, ThresholdK - 1, 0},
		{2, ThresholdK, 0},
		{1, ThresholdK, 12},
		{3, ThresholdN, 12},
		{1, ThresholdN, 12},
	} {
		h := Holdings{{Scheme: ThresholdID, Item: th.databases(&kf, tt.first, tt.last)[0]}}
		if e := measure(t, w, h, ThresholdID, mid); e.Opened != tt.opened {
			t.Errorf("threshold agents %d to %d: opened %d/%d, want %d", tt.first, tt.last, e.Opened, e.Total, tt.opened)
		}
	}
}

func TestMatrixConfigRejected(t *testing.T) {
	for _, cfg := range []MatrixConfig{
		{People: 1, Sessions: 4},
		{People: MaxPeople + 1, Sessions: 4},
		{People: 3, Sessions: 0},
		{People: 3, Sessions: MaxSessions + 1},
		{People: 3, Sessions: 4, LeakAfter: 5},
		{People: 3, Sessions: 4, LeakAfter: -1},
	} {
		if _, err := NewMatrix(context.Background(), cfg); err == nil {
			t.Errorf("NewMatrix(%+v) succeeded", cfg)
		}
	}
}

func TestParseIDs(t *testing.T) {
	for _, l := range LeakIDs() {
		if got, err := ParseLeak(string(l)); err != nil || got != l {
			t.Errorf("ParseLeak(%q) = %q, %v", l, got, err)
		}
	}
	for _, s := range SchemeIDs() {
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

func BenchmarkMatrixDefault(b *testing.B) {
	for b.Loop() {
		if _, err := NewMatrix(context.Background(), MatrixConfig{People: 8, Sessions: 64, LeakAfter: 32, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

// stopAfter is a context that ends after its Err method has been asked n
// times: a stand-in for Ctrl-C at a chosen point of the work.
type stopAfter struct {
	context.Context
	n int
}

func (c *stopAfter) Err() error {
	if c.n--; c.n < 0 {
		return context.Canceled
	}
	return nil
}

// Ctrl-C while the archive is recorded returns no matrix; Ctrl-C while
// leaks are measured returns the leaks measured so far, marked.
func TestMatrixInterrupted(t *testing.T) {
	cfg := MatrixConfig{People: 4, Sessions: 10, LeakAfter: 5, Seed: 1, Leaks: []LeakID{NoLeak, EscrowDBs, SIMDB}}
	if m, err := NewMatrix(&stopAfter{context.Background(), 4}, cfg); !errors.Is(err, ErrInterrupted) || m != nil {
		t.Fatalf("stopped while recording: %v, %v", m, err)
	}
	var progress atomic.Int64
	cfg.Progress = &progress
	m, err := NewMatrix(&stopAfter{context.Background(), 10 + 2}, cfg)
	if !errors.Is(err, ErrInterrupted) || m == nil || !m.Interrupted {
		t.Fatalf("stopped while measuring: %v, %v", m, err)
	}
	if got, want := len(m.Cells), 2*len(SchemeIDs()); got != want {
		t.Fatalf("%d cells, want the %d of the two leaks measured", got, want)
	}
	if got, want := progress.Load(), int64(10+2*len(SchemeIDs())*10); got != want {
		t.Errorf("progress counted %d units, want %d", got, want)
	}
	cfg.Progress = new(atomic.Int64)
	if _, err := NewMatrix(context.Background(), cfg); err != nil || cfg.Progress.Load() != MatrixWork(cfg) {
		t.Errorf("a whole run counted %d units of the %d MatrixWork promised (%v)", cfg.Progress.Load(), MatrixWork(cfg), err)
	}
}
