package scenario

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
)

func runTestTour(t testing.TB, seed uint64) *Transcript {
	t.Helper()
	tr, err := runTour(Options{Seed: seed})
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

func TestTourReplays(t *testing.T) {
	a, b := runTestTour(t, 7), runTestTour(t, 7)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("the same seed gave different transcripts")
	}
	if c := runTestTour(t, 8); reflect.DeepEqual(a.Acts, c.Acts) {
		t.Fatal("different seeds gave the same transcript")
	}
}

// summaryCells returns the tour's summary as row label -> [clipper, e2e].
func summaryCells(t *testing.T, tr *Transcript) map[string][2]string {
	t.Helper()
	if tr.Summary == nil {
		t.Fatal("no summary table")
	}
	cells := make(map[string][2]string)
	for _, r := range tr.Summary.Rows {
		cells[r[0]] = [2]string{r[1], r[2]}
	}
	return cells
}

// The tour's claims, checked over several seeds: the counts come from real
// decryption, so a broken model changes them.
func TestTourOutcomes(t *testing.T) {
	for seed := uint64(1); seed <= 5; seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			tr := runTestTour(t, seed)
			cells := summaryCells(t, tr)
			var total int
			if _, err := fmt.Sscanf(cells["Nothing but the wiretap"][0], "0/%d", &total); err != nil || total == 0 {
				t.Fatalf("wiretap-only cell %q", cells["Nothing but the wiretap"][0])
			}
			none := fmt.Sprintf("0/%d", total)
			all := fmt.Sprintf("%d/%d", total, total)
			want := map[string][2]string{
				"Nothing but the wiretap":                  {none, none},
				"The family key alone":                     {none, none},
				"One escrow database and the family key":   {none, none},
				"Alice's phone, seized":                    {none, none},
				"Both escrow databases and the family key": {all, none},
			}
			for row, w := range want {
				if cells[row] != w {
					t.Errorf("%s: got %v, want %v", row, cells[row], w)
				}
			}
			var alice int
			if _, err := fmt.Sscanf(cells["Alice's unit key, kept after the warrant"][0], "%d/", &alice); err != nil || alice < 3 || alice >= total {
				t.Errorf("Alice's unit key opened %q: want her calls (at least 3: before, during, after the warrant), not all", cells["Alice's unit key, kept after the warrant"][0])
			}
			if !strings.Contains(strings.Join(tr.Closing, " "), fmt.Sprintf("%d of the %d captured Clipper calls", total, total)) {
				t.Errorf("closing does not report every caller identified by the family key: %q", tr.Closing[0])
			}
		})
	}
}

func TestTourShape(t *testing.T) {
	tr := runTestTour(t, 1)
	if len(tr.Acts) != 5 {
		t.Fatalf("%d acts, want 5", len(tr.Acts))
	}
	for _, a := range tr.Acts {
		if a.Title == "" || a.Intro == "" || len(a.Steps) == 0 {
			t.Errorf("act %d is missing a title, intro or steps", a.Number)
		}
		for i, s := range a.Steps {
			if s.Actor == "" || s.Action == "" {
				t.Errorf("step %d.%d lacks an actor or action", a.Number, i+1)
			}
			for _, v := range s.Values {
				if v.Label == "" {
					t.Errorf("step %d.%d has a value without a label", a.Number, i+1)
				}
			}
		}
	}
	joined := strings.Join(tr.Intro, " ")
	for _, want := range []string{"teaching model", "classified", "seeded with 1"} {
		if !strings.Contains(joined, want) {
			t.Errorf("intro does not say %q", want)
		}
	}
}

// Every reference cited exists, is listed once in order, and appears in
// docs/references.md under the same number.
func TestReferencesMatchDocs(t *testing.T) {
	docs, err := os.ReadFile("../docs/references.md")
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range References() {
		if r.Number != i+1 {
			t.Fatalf("reference %d has number %d", i+1, r.Number)
		}
		if !strings.Contains(string(docs), fmt.Sprintf("%d. %s", r.Number, r.Full)) {
			t.Errorf("docs/references.md lacks \"%d. %s\"", r.Number, r.Full)
		}
	}
	tr := runTestTour(t, 1)
	prev := 0
	for _, r := range tr.References {
		if r.Number <= prev {
			t.Fatalf("references out of order: %d after %d", r.Number, prev)
		}
		prev = r.Number
	}
}

func TestLookup(t *testing.T) {
	if s, err := Lookup("tour"); err != nil || s.ID != "tour" || s.Run == nil {
		t.Fatalf("Lookup(tour) = %+v, %v", s, err)
	}
	if _, err := Lookup("nope"); err == nil {
		t.Fatal("Lookup(nope) succeeded")
	}
}

func BenchmarkTour(b *testing.B) {
	for b.Loop() {
		if _, err := runTour(Options{Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}
