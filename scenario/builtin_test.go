package scenario

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// Every built-in runs, and what its summary claims holds in the measured
// run: each built-in states its claims as predictions, checked here.
func TestBuiltinsKeepTheirClaims(t *testing.T) {
	all, err := Builtins()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 1+len(builtinOrder) {
		t.Fatalf("%d built-ins, want %d", len(all), 1+len(builtinOrder))
	}
	for _, s := range all {
		t.Run(s.ID, func(t *testing.T) {
			if s.Title == "" || s.Summary == "" || len(s.References) == 0 || len(s.Cast) == 0 || len(s.Events) == 0 {
				t.Fatalf("incomplete: %+v", s)
			}
			for _, seed := range []uint64{1, 2} {
				tr, err := s.Run(context.Background(), Options{Seed: seed})
				if err != nil {
					t.Fatal(err)
				}
				if tr.Failed != 0 {
					t.Errorf("seed %d: %d predictions failed:\n%s", seed, tr.Failed, failures(tr))
				}
				if s.ID != "tour" && s.ID != "rogue-leaf" && !hasAct(tr, "Predictions") {
					t.Errorf("no predictions: its claims are unchecked")
				}
			}
		})
	}
}

func hasAct(tr *Transcript, title string) bool {
	for _, a := range tr.Acts {
		if a.Title == title {
			return true
		}
	}
	return false
}

func failures(tr *Transcript) string {
	var b strings.Builder
	for _, a := range tr.Acts {
		for _, s := range a.Steps {
			if s.Outcome.Kind == Refused {
				fmt.Fprintf(&b, "  %s %s: %s\n", s.Actor, s.Action, s.Outcome.Text)
			}
		}
	}
	return b.String()
}

// rogue-leaf's claim is the forgery's outcome: the receiver reads the call,
// the police do not.
func TestRogueLEAFBuiltin(t *testing.T) {
	s, err := Lookup("rogue-leaf")
	if err != nil {
		t.Fatal(err)
	}
	tr, err := s.Run(context.Background(), Options{Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	var kinds []OutcomeKind
	for _, st := range tr.Acts[0].Steps {
		kinds = append(kinds, st.Outcome.Kind)
	}
	// narration, search (found), receiver (accepted), processor (fooled)
	if fmt.Sprint(kinds) != fmt.Sprint([]OutcomeKind{NoOutcome, Done, Done, Sealed}) {
		t.Fatalf("outcomes %v", kinds)
	}
}

// Every file in builtin/ is listed, once, and named after its id.
func TestBuiltinFilesRegistered(t *testing.T) {
	entries, err := builtinFiles.ReadDir("builtin")
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(builtinOrder) {
		t.Fatalf("%d files in builtin/, %d in builtinOrder", len(entries), len(builtinOrder))
	}
	for _, e := range entries {
		id := strings.TrimSuffix(e.Name(), ".yaml")
		if !slices.Contains(builtinOrder, id) {
			t.Errorf("builtin/%s is not in builtinOrder", e.Name())
		}
		s, err := Lookup(id)
		if err != nil || s.ID != id {
			t.Errorf("builtin/%s: id %q, %v", e.Name(), s.ID, err)
		}
	}
}

func TestLookupUnknown(t *testing.T) {
	_, err := Lookup("nope")
	if err == nil || !strings.Contains(err.Error(), "tour, lawful-access") {
		t.Fatalf("Lookup(nope) error %v; want the list of built-ins", err)
	}
}

// Every handout numbers its references 1, 2, 3... with no gaps, in the
// order a reader meets them, and cites only what it lists.
func TestHandoutReferencesNumbered(t *testing.T) {
	all, err := Builtins()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range all {
		tr, err := s.Run(context.Background(), Options{Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		listed := map[int]bool{}
		for i, r := range tr.References {
			if r.Number != i+1 || r.Catalogue < 1 || r.Full == "" {
				t.Errorf("%s: reference %d is %+v", s.ID, i+1, r)
			}
			listed[r.Number] = true
		}
		next := 1
		check := func(cites []int) {
			for _, n := range cites {
				if !listed[n] {
					t.Errorf("%s: cites [%d], which is not listed", s.ID, n)
				}
				if n > next {
					t.Errorf("%s: cites [%d] before [%d]", s.ID, n, next)
				}
				if n == next {
					next++
				}
			}
		}
		for _, p := range tr.Intro {
			check(p.Cites)
		}
		for _, a := range tr.Acts {
			for _, st := range a.Steps {
				check(st.Cites)
			}
		}
		for _, p := range tr.Closing {
			check(p.Cites)
		}
	}
}
