package attack

import (
	"reflect"
	"sync"
	"testing"
	"time"
)

// Calls carried on many goroutines at once give exactly the records the
// same calls give one after another: each call draws only from its own
// stream, so a capture can use every core and still replay byte for byte.
func TestCarryConcurrently(t *testing.T) {
	cfg := Config{People: []string{"Alice", "Bob", "Carol"}, Seed: 9, Start: time.Date(1994, 3, 1, 9, 0, 0, 0, time.UTC)}
	seq, err := NewWorld(cfg)
	if err != nil {
		t.Fatal(err)
	}
	par, err := NewWorld(cfg)
	if err != nil {
		t.Fatal(err)
	}
	const n = 40
	var convs []Conversation
	for i := range n {
		a, b := seq.People[i%3], seq.People[(i+1)%3]
		c, err := seq.Call(a, b, []Message{{FromCaller: true, Text: "hello"}, {Text: "again"}})
		if err != nil {
			t.Fatal(err)
		}
		seq.Advance(time.Hour)
		c.Caller, c.Callee = par.People[i%3], par.People[(i+1)%3]
		convs = append(convs, c)
	}
	got := make([][]Capture, n)
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := w; i < n; i += 4 {
				caps, err := par.Carry(convs[i])
				if err != nil {
					t.Error(err)
				}
				got[i] = caps
			}
		})
	}
	wg.Wait()
	for _, want := range seq.Tap.Captures("") {
		var found bool
		for _, c := range got[want.Session-1] {
			if c.Scheme == want.Scheme {
				found = true
				if !reflect.DeepEqual(c.Record, want.Record) {
					t.Errorf("session %d under %s: carried concurrently, the record differs", want.Session, want.Scheme)
				}
			}
		}
		if !found {
			t.Errorf("session %d under %s: not carried", want.Session, want.Scheme)
		}
	}
}
