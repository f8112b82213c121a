package attack

import (
	"errors"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// names lists who an opening identified, by name, sorted.
func names(o Opening) []string {
	var out []string
	for _, p := range o.Who {
		out = append(out, p.Name)
	}
	slices.Sort(out)
	return out
}

// Every scheme's records, directory and key files survive the trip to
// disk: a scheme restored from its directory, given the key files of a
// leak, opens exactly what the deployed scheme opens with the leak
// itself, call by call, and names the same people.
func TestCodecRoundTrip(t *testing.T) {
	for _, info := range Schemes() {
		t.Run(string(info.ID), func(t *testing.T) {
			w, err := NewWorld(Config{People: []string{"Alice", "Bob", "Carol", "Dave"}, Seed: 3, Start: time.Date(1994, 3, 1, 9, 0, 0, 0, time.UTC), Schemes: []SchemeID{info.ID}})
			if err != nil {
				t.Fatal(err)
			}
			s, _ := w.Scheme(info.ID)
			codec, ok := s.(Codec)
			if !ok || info.Restore == nil {
				t.Skipf("%s has no codec yet", info.ID)
			}
			rng := rand.New(rand.NewPCG(1, 2))
			for range 12 {
				w.Advance(24 * time.Hour)
				if _, err := w.RandomCall(rng, 3); err != nil {
					t.Fatal(err)
				}
			}
			dir, err := codec.Directory()
			if err != nil {
				t.Fatal(err)
			}
			restored, err := info.Restore(dir, w.People)
			if err != nil {
				t.Fatalf("restoring: %v", err)
			}
			opened := 0
			for _, leak := range Leaks() {
				opened += roundTripLeak(t, w, s, codec, restored, leak)
			}
			if opened == 0 {
				t.Error("no leak's key files opened anything: the comparison proves nothing")
			}
		})
	}
}

// roundTripLeak checks one leak: its items through key files, and every
// capture through the archive's record form. It returns how many calls
// the key files opened.
func roundTripLeak(t *testing.T, w *World, s Scheme, codec Codec, restored Reading, leak LeakInfo) int {
	t.Helper()
	target := Target{Person: w.People[0], Session: 1}
	held, err := w.Leak(leak.ID, target)
	if err != nil {
		t.Fatal(err)
	}
	var fromFiles Holdings
	for _, h := range held {
		parts, err := codec.KeyParts(h.Item)
		if errors.Is(err, ErrNotKeyMaterial) {
			return 0 // an access capability: nothing a file can carry
		}
		if err != nil {
			t.Fatalf("%s: %v", leak.ID, err)
		}
		for _, p := range parts {
			item, err := restored.ParseItem(p.Kind, p.Body)
			if err != nil {
				t.Fatalf("%s: reading back %s: %v\n%s", leak.ID, p.Kind, err, p.Body)
			}
			fromFiles = append(fromFiles, Holding{Leak: leak.ID, Scheme: h.Scheme, Since: h.Since, Item: item})
		}
	}
	want, err := s.Opener(held)
	if err != nil {
		t.Fatal(err)
	}
	got, err := restored.Opener(fromFiles)
	if err != nil {
		t.Fatal(err)
	}
	opened := 0
	for _, c := range w.Tap.Captures("") {
		b, err := codec.AppendRecord(nil, c.Record)
		if err != nil {
			t.Fatal(err)
		}
		rec, err := restored.ParseRecord(b)
		if err != nil {
			t.Fatalf("session %d: parsing its record: %v", c.Session, err)
		}
		c2 := c
		c2.Record = rec
		a, b2 := want.Open(c), got.Open(c2)
		if !slices.Equal(a.Texts, b2.Texts) || !slices.Equal(names(a), names(b2)) {
			t.Errorf("%s, session %d: from files %q %v, from the leak %q %v", leak.ID, c.Session, b2.Texts, names(b2), a.Texts, names(a))
		}
		if b2.Texts != nil {
			opened++
		}
	}
	return opened
}
