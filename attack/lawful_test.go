package attack

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

// lawfulWorld has six people call one another every day for 90 days, with
// a 30-day warrant for Alice served on day 30.
func lawfulWorld(t *testing.T) (*World, Warrant, Holdings, []Service) {
	t.Helper()
	w, err := NewWorld(Config{People: []string{"Alice", "Bob", "Carol", "Dave", "Erin", "Frank"}, Seed: 11, Start: start})
	if err != nil {
		t.Fatal(err)
	}
	var wt Warrant
	var held Holdings
	var served []Service
	for day := range 90 {
		if day == 30 {
			wt = NewWarrant(w.People[0], "police", "court", "94-1", w.Now(), 30)
			if held, served, err = w.Serve(wt); err != nil {
				t.Fatal(err)
			}
		}
		a, b := w.People[day%6], w.People[(day*5+1)%6]
		if a == b {
			b = w.People[(day+1)%6]
		}
		if _, err := w.Call(a, b, []Message{{FromCaller: true, Text: fmt.Sprint("day ", day)}, {Text: "ok"}}); err != nil {
			t.Fatal(err)
		}
		w.Advance(24 * time.Hour)
	}
	return w, wt, held, served
}

// Every warrant compared: each scheme with a lawful-access path serves the
// same warrant its own way, and the measurement shows what each opened
// inside and outside the warrant's window.
func TestWarrantUnderEveryScheme(t *testing.T) {
	w, wt, held, served := lawfulWorld(t)
	var lawful []SchemeID
	for _, s := range served {
		lawful = append(lawful, s.Scheme)
		if s.How == "" {
			t.Errorf("%s: no account of how the warrant was served", s.Scheme)
		}
	}
	// inside: Alice's sessions in the window; outside: Alice's other
	// sessions; others: sessions without Alice. -1: all of them.
	tests := []struct {
		scheme                  SchemeID
		inside, outside, others int
	}{
		{ClipperID, -1, -1, 0},
		{ThresholdID, -1, -1, 0},
		{E2EEscrowedID, -1, -1, -1},
		{E2EGhostID, -1, 0, 0},
		{SIMID, -1, 0, 0},
		{E2EForwardSecretID, 0, 0, 0},
		{E2EStaticID, 0, 0, 0},
	}
	a, err := NewAttacker(w, held)
	if err != nil {
		t.Fatal(err)
	}
	alice := w.People[0]
	for _, tt := range tests {
		e := Measure(a, w.Tap.Captures(tt.scheme), w.Sent(), wt.Begins)
		var n, total [3]int
		opened := map[int]bool{}
		for _, r := range e.Recovered {
			opened[r.Conversation.Session] = true
		}
		for _, c := range w.Sent() {
			k := 2
			switch {
			case c.Involves(alice) && wt.Covers(c.At):
				k = 0
			case c.Involves(alice):
				k = 1
			}
			total[k]++
			if opened[c.Session] {
				n[k]++
			}
		}
		for k, want := range []int{tt.inside, tt.outside, tt.others} {
			if want < 0 {
				want = total[k]
			}
			if n[k] != want {
				t.Errorf("%s: %s opened %d of %d, want %d", tt.scheme, []string{"inside the window", "Alice's outside it", "others'"}[k], n[k], total[k], want)
			}
		}
		if total[0] == 0 || total[1] == 0 || total[2] == 0 {
			t.Fatalf("a class of sessions is empty: %v", total)
		}
	}
	for _, s := range []SchemeID{ClipperID, ThresholdID, E2EEscrowedID, E2EGhostID, SIMID} {
		if !slices.Contains(lawful, s) {
			t.Errorf("%s served no warrant", s)
		}
	}
	for _, s := range []SchemeID{E2EForwardSecretID, E2EStaticID} {
		if slices.Contains(lawful, s) {
			t.Errorf("%s served a warrant", s)
		}
	}
}

// The safety-number check reveals every session copied to a hidden device,
// and no other.
func TestGhostCheck(t *testing.T) {
	w, _, _, _ := lawfulWorld(t)
	g, _ := SchemeOf[*Ghost](w)
	sent := w.Sent()
	ghosted := 0
	for _, c := range w.Tap.Captures(E2EGhostID) {
		conv := sent[c.Session-1]
		copied := len(c.Record.(*GhostRecord).Copies) > 0
		if copied {
			ghosted++
		}
		if g.Check(conv) != copied {
			t.Errorf("session %d: copied to a hidden device %v, check reveals %v", c.Session, copied, g.Check(conv))
		}
	}
	if ghosted == 0 {
		t.Fatal("no session was ghosted")
	}
}
