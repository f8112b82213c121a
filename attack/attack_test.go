package attack

import (
	"crypto/ed25519"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/escrowlab/escrowlab/escrow"
)

var start = time.Date(1994, 3, 1, 9, 0, 0, 0, time.UTC)

// newTestWorld builds four people and has every pair call once, then once
// more after midTime; it returns the world and the time between the rounds.
func newTestWorld(t *testing.T) (*World, time.Time) {
	t.Helper()
	w, err := NewWorld(rand.NewChaCha8([32]byte{42}), Config{People: []string{"Alice", "Bob", "Carol", "Dave"}, Start: start})
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
				if _, _, _, err := w.Call(a, b, msgs); err != nil {
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

func escrowLeak(w *World) Leak {
	kf := w.Family.Key()
	return Leak{FamilyKey: &kf, Databases: [2]map[escrow.UnitID]escrow.KeyComponent{w.Agents[0].Database(), w.Agents[1].Database()}}
}

func TestWorldRecordsEveryScheme(t *testing.T) {
	w, _ := newTestWorld(t)
	if got := len(w.Sent()); got != 12 {
		t.Fatalf("%d conversations, want 12", got)
	}
	for _, s := range Schemes {
		caps := w.Tap.Captures(s)
		if len(caps) != 12 {
			t.Fatalf("%s: %d captures, want 12", s, len(caps))
		}
		for i, c := range caps {
			if c.Session != i+1 || c.Scheme != s {
				t.Fatalf("%s capture %d: session %d scheme %s", s, i, c.Session, c.Scheme)
			}
		}
	}
	if got, want := len(w.Tap.Captures("")), 12*len(Schemes); got != want {
		t.Fatalf("all captures: %d, want %d", got, want)
	}
}

func TestMeasure(t *testing.T) {
	w, mid := newTestWorld(t)
	alice := w.Person("Alice")
	kf := w.Family.Key()
	full := escrowLeak(w)
	one := Leak{FamilyKey: &kf, Databases: [2]map[escrow.UnitID]escrow.KeyComponent{w.Agents[0].Database(), nil}}
	ku := escrow.CombineComponents(w.Agents[0].Database()[alice.Chip.UnitID()], w.Agents[1].Database()[alice.Chip.UnitID()])
	aliceKey := Leak{FamilyKey: &kf, UnitKeys: map[escrow.UnitID]escrow.UnitKey{alice.Chip.UnitID(): ku}}
	var seized []ed25519.PrivateKey
	for _, p := range w.People {
		seized = append(seized, p.Identity.PrivateKey())
	}
	noKF := full
	noKF.FamilyKey = nil

	tests := []struct {
		name                  string
		leak                  Leak
		scheme                Scheme
		opened, before, after int
	}{
		{"nothing leaked", Leak{}, Clipper, 0, 0, 0},
		{"escrow databases and KF", full, Clipper, 12, 6, 6},
		{"escrow databases and KF, e2e", full, E2EForwardSecret, 0, 0, 0},
		{"databases without KF", noKF, Clipper, 0, 0, 0},
		{"one database and KF", one, Clipper, 0, 0, 0},
		{"Alice's unit key", aliceKey, Clipper, 6, 3, 3},
		{"every identity seized, e2e", Leak{Identities: seized}, E2EForwardSecret, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := NewAttacker(tt.leak, w.Family.ChecksumBits())
			if err != nil {
				t.Fatal(err)
			}
			e := Measure(a, w.Tap.Captures(tt.scheme), w.Sent(), mid)
			if e.Total != 12 || e.Opened != tt.opened || e.OpenedBefore != tt.before || e.OpenedAfter != tt.after {
				t.Fatalf("got total %d opened %d (before %d, after %d), want 12 %d (%d, %d)",
					e.Total, e.Opened, e.OpenedBefore, e.OpenedAfter, tt.opened, tt.before, tt.after)
			}
			if len(e.Recovered) != e.Opened {
				t.Fatalf("%d recovered sessions for %d opened", len(e.Recovered), e.Opened)
			}
			for _, r := range e.Recovered {
				if tt.leak.UnitKeys != nil && r.Conversation.Caller != alice && r.Conversation.Callee != alice {
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
	w, mid := newTestWorld(t)
	a, err := NewAttacker(escrowLeak(w), w.Family.ChecksumBits())
	if err != nil {
		t.Fatal(err)
	}
	sent := w.Sent()
	sent[0].Messages = []Message{{FromCaller: true, Text: "something else"}, sent[0].Messages[1]}
	e := Measure(a, w.Tap.Captures(Clipper), sent, mid)
	if e.Opened != 11 || e.Wrong != 1 {
		t.Fatalf("opened %d wrong %d, want 11 and 1", e.Opened, e.Wrong)
	}
}

func TestWorldRejectsBadInput(t *testing.T) {
	if _, err := NewWorld(rand.NewChaCha8([32]byte{}), Config{People: []string{"A", "A"}}); err == nil {
		t.Error("duplicate names accepted")
	}
	if _, err := NewWorld(rand.NewChaCha8([32]byte{}), Config{People: []string{"A"}, ChecksumBits: 99}); err == nil {
		t.Error("checksum width 99 accepted")
	}
	w, err := NewWorld(rand.NewChaCha8([32]byte{}), Config{People: []string{"A", "B"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, _, err := w.Call(w.People[0], w.People[0], nil); err == nil {
		t.Error("a call to oneself accepted")
	}
	if _, _, _, err := w.Call(w.People[0], nil, nil); err == nil {
		t.Error("a call to nobody accepted")
	}
}

func TestLeakMerge(t *testing.T) {
	w, _ := newTestWorld(t)
	kf := w.Family.Key()
	a := Leak{Databases: [2]map[escrow.UnitID]escrow.KeyComponent{w.Agents[0].Database(), nil}}
	b := Leak{FamilyKey: &kf, Databases: [2]map[escrow.UnitID]escrow.KeyComponent{nil, w.Agents[1].Database()}}
	m := a.Merge(b)
	if a.FamilyKey != nil || a.Databases[1] != nil {
		t.Fatal("Merge changed its receiver")
	}
	att, err := NewAttacker(m, w.Family.ChecksumBits())
	if err != nil {
		t.Fatal(err)
	}
	// Two partial leaks together are the whole escrow system.
	if e := Measure(att, w.Tap.Captures(Clipper), w.Sent(), start); e.Opened != e.Total {
		t.Fatalf("merged leak opened %d/%d", e.Opened, e.Total)
	}
}
