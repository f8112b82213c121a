package attack

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// Every batch opener gives, call by call, what its Open gives: the same
// texts and the same people in the same order, whatever the adversary
// holds (nothing, each leak, every leak at once) and however the calls
// are cut into batches, with a record of the wrong kind among them.
func TestOpenBatchMatchesOpen(t *testing.T) {
	opened := 0
	for _, info := range Schemes() {
		w, err := NewWorld(Config{People: []string{"Alice", "Bob", "Carol", "Dave"}, Seed: 5, Start: time.Date(1994, 3, 1, 9, 0, 0, 0, time.UTC), Schemes: []SchemeID{info.ID}})
		if err != nil {
			t.Fatal(err)
		}
		rng := rand.New(rand.NewPCG(3, 4))
		for range 40 {
			if _, err := w.RandomCall(rng, 1+rng.IntN(3)); err != nil {
				t.Fatal(err)
			}
		}
		s, _ := w.Scheme(info.ID)
		caps := append(w.Tap.Captures(""), Capture{Session: 99, Scheme: info.ID, Record: "not a record"})
		holdings := []Holdings{nil}
		var all Holdings
		for _, l := range Leaks() {
			h, err := w.Leak(l.ID, Target{Person: w.People[0], Session: 1})
			if err != nil {
				t.Fatal(err)
			}
			holdings, all = append(holdings, h), append(all, h...)
		}
		for i, h := range append(holdings, all) {
			o, err := s.Opener(h)
			if err != nil {
				t.Fatal(err)
			}
			if b, ok := o.(BatchOpener); ok {
				opened += checkBatches(t, info.ID, i, b, caps)
			}
		}
	}
	if opened == 0 {
		t.Fatal("no batch opener opened a call: the comparison proves nothing")
	}
}

// checkBatches compares OpenBatch on caps, cut into batches of several
// sizes, with Open on each capture, and returns how many calls opened.
func checkBatches(t *testing.T, id SchemeID, holding int, o BatchOpener, caps []Capture) int {
	opened := 0
	t.Helper()
	for _, size := range []int{1, 3, 33, len(caps)} {
		for start := 0; start < len(caps); start += size {
			batch := caps[start:min(start+size, len(caps))]
			got := o.OpenBatch(batch)
			if len(got) != len(batch) {
				t.Fatalf("%s: %d openings for %d captures", id, len(got), len(batch))
			}
			for k, c := range batch {
				want := o.Open(c)
				if !slices.Equal(got[k].Texts, want.Texts) || (got[k].Texts == nil) != (want.Texts == nil) || !slices.Equal(got[k].Who, want.Who) {
					t.Fatalf("%s, holding %d, session %d in a batch of %d: OpenBatch gave %q %v, Open %q %v", id, holding, c.Session, size, got[k].Texts, got[k].Who, want.Texts, want.Who)
				}
				if want.Texts != nil {
					opened++
				}
			}
		}
	}
	return opened
}
