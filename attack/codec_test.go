package attack

import (
	"bytes"
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
			var codec Codec = s
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
			if again, err := restored.(Codec).Directory(); err != nil || !bytes.Equal(again, dir) {
				t.Errorf("the restored scheme's directory differs (%v):\n%s\nwant\n%s", err, again, dir)
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
	opened, _ := compareFromFiles(t, string(leak.ID), w, s, codec, restored, held)
	return opened
}

// compareFromFiles checks that what held gives, through key files and a
// scheme restored from its directory, opens exactly what held opens in
// the deployed scheme s, call by call, naming the same people. It
// returns how many calls the files opened, and whether held was key
// material at all: an access capability is nothing a file can carry.
func compareFromFiles(t *testing.T, what string, w *World, s Scheme, codec Codec, restored Reading, held Holdings) (opened int, material bool) {
	t.Helper()
	var fromFiles Holdings
	for _, h := range held {
		parts, err := codec.KeyParts(h.Item)
		if errors.Is(err, ErrNotKeyMaterial) {
			return 0, false
		}
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		for _, p := range parts {
			item, err := restored.ParseItem(p.Kind, p.Body)
			if err != nil {
				t.Fatalf("%s: reading back %s: %v\n%s", what, p.Kind, err, p.Body)
			}
			fromFiles = append(fromFiles, Holding{Leak: h.Leak, Scheme: h.Scheme, Since: h.Since, Item: item})
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
			t.Errorf("%s, session %d: from files %q %v, from the leak %q %v", what, c.Session, b2.Texts, names(b2), a.Texts, names(a))
		}
		if b2.Texts != nil {
			opened++
		}
	}
	return opened, len(held) > 0
}

// Key material given at a moment, which opens calls only after it (a
// hidden device that a breached provider or a warrant lists on accounts),
// opens from files what it opens in the world: the calls after its day,
// naming the same people, though the files cannot carry the provider's
// records of who called whom.
func TestCodecAfterTheLeak(t *testing.T) {
	for _, info := range Schemes() {
		t.Run(string(info.ID), func(t *testing.T) {
			if info.Restore == nil {
				t.Skipf("%s has no codec yet", info.ID)
			}
			for _, leak := range Leaks() {
				if leak.Access {
					checkAfter(t, info, string(leak.ID), func(w *World) (Holdings, error) { return w.Leak(leak.ID, Target{}) })
				}
			}
			checkAfter(t, info, "a warrant", func(w *World) (Holdings, error) {
				held, _, err := w.Serve(NewWarrant(w.People[0], "FBI", "court", "94-1", w.Now(), 30))
				return held, err
			})
		})
	}
}

// checkAfter has Alice and Bob call each other, gives the adversary what
// give gives, has them call again, and compares what it opens from files
// and from the world. Key material must open some call after it.
func checkAfter(t *testing.T, info SchemeInfo, what string, give func(*World) (Holdings, error)) {
	t.Helper()
	w, err := NewWorld(Config{People: []string{"Alice", "Bob", "Carol"}, Seed: 4, Start: time.Date(1994, 3, 1, 9, 0, 0, 0, time.UTC), Schemes: []SchemeID{info.ID}})
	if err != nil {
		t.Fatal(err)
	}
	say := []Message{{FromCaller: true, Text: "hello"}, {Text: "hi"}}
	call := func() {
		for _, pair := range [][2]int{{0, 1}, {1, 0}, {2, 1}} {
			if _, err := w.Call(w.People[pair[0]], w.People[pair[1]], say); err != nil {
				t.Fatal(err)
			}
			w.Advance(time.Hour)
		}
	}
	call()
	held, err := give(w)
	if err != nil {
		t.Fatal(err)
	}
	call()
	s, _ := w.Scheme(info.ID)
	dir, err := s.(Codec).Directory()
	if err != nil {
		t.Fatal(err)
	}
	restored, err := info.Restore(dir, w.People)
	if err != nil {
		t.Fatal(err)
	}
	if opened, material := compareFromFiles(t, what, w, s, s.(Codec), restored, held); material && opened == 0 {
		t.Errorf("%s: its key files opened no call after it", what)
	}
}
