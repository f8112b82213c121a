package attack

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// Every leak is declared with words for prose, and the words name a
// person or a session exactly when the leak needs one.
func TestLeakDeclarations(t *testing.T) {
	for _, l := range Leaks() {
		if strings.TrimSpace(l.Words) == "" {
			t.Errorf("%s: no words", l.ID)
		}
		if got := strings.Contains(l.Words, "{person}"); got != (l.Needs == NeedsPerson) {
			t.Errorf("%s: words %q and needs %d disagree about a person", l.ID, l.Words, l.Needs)
		}
		if got := strings.Contains(l.Words, "{session}"); got != (l.Needs == NeedsSession) {
			t.Errorf("%s: words %q and needs %d disagree about a session", l.ID, l.Words, l.Needs)
		}
		if l.Like != "" {
			if _, err := LookupLeak(string(l.Like)); err != nil {
				t.Errorf("%s: like %v", l.ID, err)
			}
		}
	}
	for _, s := range Schemes() {
		if s.Title == "" || s.Description == "" || strings.HasSuffix(s.Description, ".") {
			t.Errorf("%s: title %q, description %q (want both, the description a phrase without a full stop)", s.ID, s.Title, s.Description)
		}
	}
}

// Every leak but none gives some scheme something, and a merge of any two
// leaks opens, under every scheme, at least what each opens alone:
// Holdings is a list, so a merge cannot drop a field, and this checks that
// no scheme's Opener forgets to combine its items.
func TestLeakRegistryMerges(t *testing.T) {
	w, mid := newTestWorld(t)
	target := Target{Person: w.Person("Alice"), Session: 3}
	held := map[LeakID]Holdings{}
	opened := map[LeakID]map[SchemeID]int{}
	for _, id := range LeakIDs() {
		held[id] = leak(t, w, id, target)
		if len(held[id]) == 0 && id != NoLeak {
			t.Errorf("%s gives nothing under any scheme", id)
		}
		opened[id] = map[SchemeID]int{}
		for _, s := range w.SchemeIDs() {
			opened[id][s] = measure(t, w, held[id], s, mid).Opened
		}
	}
	for _, a := range LeakIDs() {
		for _, b := range LeakIDs() {
			m := held[a].Merge(held[b])
			for _, s := range w.SchemeIDs() {
				if got, want := measure(t, w, m, s, mid).Opened, max(opened[a][s], opened[b][s]); got < want {
					t.Errorf("%s + %s under %s: opened %d, less than %d alone", a, b, s, got, want)
				}
			}
		}
	}
}

// Each scheme draws from its own stream: which other schemes are deployed,
// and in what order they are listed, changes none of its cells and no byte
// it puts on the wire, HPKE's wrapped keys, escrow fields and device
// copies included.
func TestSchemesAreIndependent(t *testing.T) {
	cfg := MatrixConfig{People: 6, Sessions: 20, LeakAfter: 8, Seed: 9}
	all, err := NewMatrix(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, schemes := range [][]SchemeID{{ClipperID}, {E2EStaticID, ThresholdID, E2EGhostID}, {SIMID, E2EEscrowedID, E2EForwardSecretID}} {
		c := cfg
		c.Schemes = schemes
		some, err := NewMatrix(context.Background(), c)
		if err != nil {
			t.Fatal(err)
		}
		for _, cell := range some.Cells {
			if want, _ := all.Cell(cell.Leak, cell.Scheme); cell != want {
				t.Errorf("with %v deployed: %+v; with every scheme: %+v", schemes, cell, want)
			}
		}
		for _, s := range schemes {
			a, b := all.World.Tap.Captures(s), some.World.Tap.Captures(s)
			for i := range a {
				if !reflect.DeepEqual(a[i].Record, b[i].Record) {
					t.Fatalf("with %v deployed, %s session %d differs on the wire", schemes, s, a[i].Session)
				}
			}
		}
		if !slices.Equal(some.World.SchemeIDs(), displayOrder(schemes)) {
			t.Errorf("deployed %v, want %v in display order", some.World.SchemeIDs(), schemes)
		}
	}
}

// displayOrder sorts ids as the registry lists them.
func displayOrder(ids []SchemeID) []SchemeID {
	var out []SchemeID
	for _, id := range SchemeIDs() {
		if slices.Contains(ids, id) {
			out = append(out, id)
		}
	}
	return out
}

// Registering a scheme whose id or title is taken panics and leaves the
// registry as it was: readers and the command line tell schemes apart by
// them.
func TestRegisterSchemeRefusesDuplicates(t *testing.T) {
	fs, err := LookupScheme(string(E2EForwardSecretID))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []SchemeInfo{
		{ID: "fresh-id", Title: fs.Title, Description: "d", New: fs.New},
		{ID: fs.ID, Title: "a fresh title", Description: "d", New: fs.New},
		{ID: "another-id", Title: "another title", New: fs.New},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("RegisterScheme(%q, %q) did not panic", s.ID, s.Title)
				}
			}()
			RegisterScheme(s)
		}()
	}
	if n, want := len(Schemes()), len(SchemeIDs()); n != want {
		t.Errorf("%d schemes, %d ids", n, want)
	}
	if _, err := LookupScheme("fresh-id"); err == nil {
		t.Error("a refused scheme was registered")
	}
}
