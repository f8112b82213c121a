package attack

import (
	"fmt"
	"testing"
	"time"

	"github.com/escrowlab/escrowlab/escrow"
)

var start = time.Date(1994, 3, 1, 9, 0, 0, 0, time.UTC)

// newTestWorld builds four people and has every pair call once, then once
// more after midTime; it returns the world and the time between the rounds.
func newTestWorld(t *testing.T, schemes ...SchemeID) (*World, time.Time) {
	t.Helper()
	w, err := NewWorld(Config{People: []string{"Alice", "Bob", "Carol", "Dave"}, Seed: 42, Start: start, Schemes: schemes})
	if err != nil {
		t.Fatal(err)
	}
	var mid time.Time
	for round := range 2 {
		for i, a := range w.People {
			for _, b := range w.People[i+1:] {
				msgs := []Message{
					{FromCaller: true, Text: fmt.Sprintf("%s to %s, round %d", a.Name, b.Name, round)},
					{FromCaller: false, Text: fmt.Sprintf("%s answers %s", b.Name, a.Name)},
				}
				if _, err := w.Call(a, b, msgs); err != nil {
					t.Fatal(err)
				}
				w.Advance(time.Hour)
			}
		}
		if round == 0 {
			mid = w.Now()
		}
	}
	return w, mid
}

// leak hands over leak id to target in w, failing the test on error.
func leak(t *testing.T, w *World, id LeakID, target Target) Holdings {
	t.Helper()
	h, err := w.Leak(id, target)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// measure runs an attacker holding h over one scheme's archive.
func measure(t *testing.T, w *World, h Holdings, scheme SchemeID, leakAt time.Time) Exposure {
	t.Helper()
	a, err := NewAttacker(w, h)
	if err != nil {
		t.Fatal(err)
	}
	return Measure(a, w.Tap.Captures(scheme), w.Sent(), leakAt)
}

func TestWorldRecordsEveryScheme(t *testing.T) {
	w, _ := newTestWorld(t)
	if got := len(w.Sent()); got != 12 {
		t.Fatalf("%d conversations, want 12", got)
	}
	ids := SchemeIDs()
	if len(ids) < 6 {
		t.Fatalf("%d schemes registered: %v", len(ids), ids)
	}
	for _, s := range ids {
		caps := w.Tap.Captures(s)
		if len(caps) != 12 {
			t.Fatalf("%s: %d captures, want 12", s, len(caps))
		}
		for i, c := range caps {
			if c.Session != i+1 || c.Scheme != s || c.Record == nil {
				t.Fatalf("%s capture %d: session %d scheme %s record %v", s, i, c.Session, c.Scheme, c.Record)
			}
		}
	}
	if got, want := len(w.Tap.Captures("")), 12*len(ids); got != want {
		t.Fatalf("all captures: %d, want %d", got, want)
	}
}

func TestMeasure(t *testing.T) {
	w, mid := newTestWorld(t)
	alice := w.Person("Alice")
	clipper, _ := SchemeOf[*Clipper](w)
	kf := clipper.Family().Key()
	hold := func(k ClipperKeys) Holdings { return Holdings{{Scheme: ClipperID, Item: k}} }
	full := leak(t, w, EscrowDBs, Target{})
	one := hold(ClipperKeys{FamilyKey: &kf, Databases: [2]map[escrow.UnitID]escrow.KeyComponent{clipper.Agents()[0].Database(), nil}})
	noKF := hold(ClipperKeys{Databases: [2]map[escrow.UnitID]escrow.KeyComponent{clipper.Agents()[0].Database(), clipper.Agents()[1].Database()}})
	aliceKey := hold(ClipperKeys{FamilyKey: &kf, UnitKeys: map[escrow.UnitID]escrow.UnitKey{clipper.Chip(alice).UnitID(): clipper.UnitKey(alice)}})
	var seized Holdings
	for _, p := range w.People {
		seized = seized.Merge(leak(t, w, DeviceSeizure, Target{Person: p}))
	}

	tests := []struct {
		name                  string
		held                  Holdings
		scheme                SchemeID
		opened, before, after int
		alice                 bool // only Alice's sessions may open
	}{
		{"nothing leaked", nil, ClipperID, 0, 0, 0, false},
		{"escrow databases and KF", full, ClipperID, 12, 6, 6, false},
		{"escrow databases and KF, e2e", full, E2EForwardSecretID, 0, 0, 0, false},
		{"databases without KF", noKF, ClipperID, 0, 0, 0, false},
		{"one database and KF", one, ClipperID, 0, 0, 0, false},
		{"Alice's unit key", aliceKey, ClipperID, 6, 3, 3, true},
		{"every phone seized, e2e-fs", seized, E2EForwardSecretID, 0, 0, 0, false},
		{"every phone seized, e2e-static", seized, E2EStaticID, 12, 6, 6, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := measure(t, w, tt.held, tt.scheme, mid)
			if e.Total != 12 || e.Opened != tt.opened || e.OpenedBefore != tt.before || e.OpenedAfter != tt.after {
				t.Fatalf("got total %d opened %d (before %d, after %d), want 12 %d (%d, %d)",
					e.Total, e.Opened, e.OpenedBefore, e.OpenedAfter, tt.opened, tt.before, tt.after)
			}
			if len(e.Recovered) != e.Opened {
				t.Fatalf("%d recovered sessions for %d opened", len(e.Recovered), e.Opened)
			}
			for _, r := range e.Recovered {
				if tt.alice && !r.Conversation.Involves(alice) {
					t.Fatalf("Alice's unit key opened session %d between %s and %s", r.Conversation.Session, r.Conversation.Caller.Name, r.Conversation.Callee.Name)
				}
				if !matches(r.Conversation, r.Texts) {
					t.Fatalf("session %d recovered %q", r.Conversation.Session, r.Texts)
				}
			}
		})
	}
}

// Measure must not count a session whose "plaintext" differs from what was
// said, even if decryption reported no error.
func TestMeasureChecksPlaintext(t *testing.T) {
	w, mid := newTestWorld(t, ClipperID)
	a, err := NewAttacker(w, leak(t, w, EscrowDBs, Target{}))
	if err != nil {
		t.Fatal(err)
	}
	sent := w.Sent()
	sent[0].Messages = []Message{{FromCaller: true, Text: "something else"}, sent[0].Messages[1]}
	e := Measure(a, w.Tap.Captures(ClipperID), sent, mid)
	if e.Opened != 11 || e.Wrong != 1 {
		t.Fatalf("opened %d wrong %d, want 11 and 1", e.Opened, e.Wrong)
	}
}

func TestWorldRejectsBadInput(t *testing.T) {
	for _, cfg := range []Config{
		{People: []string{"A", "A"}},
		{People: []string{"A", ""}},
		{People: []string{"A"}, ChecksumBits: 99},
		{People: []string{"A"}, Schemes: []SchemeID{"rot13"}},
	} {
		if _, err := NewWorld(cfg); err == nil {
			t.Errorf("NewWorld(%+v) succeeded", cfg)
		}
	}
	w, err := NewWorld(Config{People: []string{"A", "B"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Call(w.People[0], w.People[0], nil); err == nil {
		t.Error("a call to oneself accepted")
	}
	if _, err := w.Call(w.People[0], nil, nil); err == nil {
		t.Error("a call to nobody accepted")
	}
	for _, tt := range []struct {
		id     LeakID
		target Target
	}{
		{UnitKeyLeak, Target{}},
		{SessionKeyLeak, Target{Session: 1}},
		{"rot13", Target{}},
	} {
		if _, err := w.Leak(tt.id, tt.target); err == nil {
			t.Errorf("Leak(%s, %+v) succeeded", tt.id, tt.target)
		}
	}
}

func TestLeakMerge(t *testing.T) {
	w, _ := newTestWorld(t, ClipperID)
	a := leak(t, w, Agent1DB, Target{})
	b := leak(t, w, Agent2DB, Target{}).Merge(leak(t, w, FamilyKeyLeak, Target{}))
	m := a.Merge(b)
	if len(a) != 1 || len(m) != 3 {
		t.Fatalf("Merge changed its receiver or lost items: %d, %d", len(a), len(m))
	}
	// Three partial leaks together are the whole escrow system.
	if e := measure(t, w, m, ClipperID, start); e.Opened != e.Total {
		t.Fatalf("merged leak opened %d/%d", e.Opened, e.Total)
	}
}
