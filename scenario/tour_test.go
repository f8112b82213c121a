package scenario

import (
	"context"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
)

func runTestTour(t testing.TB, seed uint64) *Transcript {
	t.Helper()
	tr, err := runTour(context.Background(), Options{Seed: seed})
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

// withoutTimings blanks the values that are measured in wall-clock time,
// which differ between runs of the same seed.
func withoutTimings(tr *Transcript) *Transcript {
	for _, a := range tr.Acts {
		for _, s := range a.Steps {
			for i, v := range s.Values {
				if v.Label == "time" || v.Label == "rate" {
					s.Values[i].Text = ""
				}
			}
		}
	}
	return tr
}

func TestTourReplays(t *testing.T) {
	a, b := withoutTimings(runTestTour(t, 7)), withoutTimings(runTestTour(t, 7))
	if !reflect.DeepEqual(a, b) {
		t.Fatal("the same seed gave different transcripts")
	}
	if c := runTestTour(t, 8); reflect.DeepEqual(a.Acts, c.Acts) {
		t.Fatal("different seeds gave the same transcript")
	}
}

// summaryCells returns the tour's closing matrix as leak id -> scheme ->
// [opened, total].
func summaryCells(t *testing.T, tr *Transcript) map[string]map[string][2]int {
	t.Helper()
	if tr.Summary == nil {
		t.Fatal("no summary table")
	}
	cells := make(map[string]map[string][2]int)
	for _, r := range tr.Summary.Rows {
		leak := r[0].Text
		cells[leak] = make(map[string][2]int)
		for i, cell := range r[1:] {
			if cell.Kind != RatioCell {
				t.Fatalf("cell %q is not a ratio", cell)
			}
			cells[leak][tr.Summary.Header[i+1]] = [2]int{cell.N, cell.Of}
		}
	}
	return cells
}

// The tour's claims, checked over several seeds: the counts come from real
// decryption, so a broken model changes them.
func TestTourOutcomes(t *testing.T) {
	for seed := uint64(1); seed <= 4; seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			tr := runTestTour(t, seed)
			cells := summaryCells(t, tr)
			total := cells["none"]["clipper"][1]
			if total < 10 {
				t.Fatalf("archive of %d sessions", total)
			}
			want := map[string]map[string]int{
				"none":           {"clipper": 0, "e2e-static": 0, "e2e-fs": 0, "e2e-escrowed": 0},
				"family-key":     {"clipper": 0},
				"agent1-db":      {"clipper": 0},
				"agent2-db":      {"clipper": 0},
				"escrow-dbs":     {"clipper": total, "e2e-fs": 0, "e2e-escrowed": 0},
				"device-seizure": {"clipper": 0, "e2e-fs": 0, "e2e-escrowed": 0},
				"authority-key":  {"e2e-escrowed": total, "e2e-fs": 0},
				"session-key":    {"clipper": 1, "e2e-static": 1, "e2e-fs": 1, "e2e-escrowed": 1},
			}
			for leak, schemes := range want {
				for scheme, n := range schemes {
					if got := cells[leak][scheme]; got != [2]int{n, total} {
						t.Errorf("%s x %s: %d/%d, want %d/%d", leak, scheme, got[0], got[1], n, total)
					}
				}
			}
			if alice := cells["unit-key"]["clipper"][0]; alice < 3 || alice >= total {
				t.Errorf("Alice's unit key opened %d/%d: want her calls (at least 3: before, during, after the warrant), not all", alice, total)
			}
			if !strings.Contains(prose(tr.Closing), fmt.Sprintf("revealed who called whom in %d/%d", total, total)) {
				t.Errorf("closing does not report every caller identified by the family key: %q", prose(tr.Closing))
			}
			// Quiz answers are worked out from the measurements.
			answers := map[string]int{}
			for _, a := range tr.Acts {
				for _, s := range a.Steps {
					if s.Quiz != nil {
						answers[s.Quiz.Prompt] = s.Quiz.Answer
					}
				}
			}
			for prompt, want := range map[string]int{
				"Which recorded Clipper calls can the intruder open?":                              4, // all
				"How many of Alice's recorded end-to-end calls does her seized identity key open?": 0, // none
				"Police hold Mallory's unit key. Do they read the forged call?":                    1, // no
			} {
				if got, ok := answers[prompt]; !ok || got != want {
					t.Errorf("quiz %q: answer %d (asked: %v), want %d", prompt, got, ok, want)
				}
			}
			rogue := tr.Acts[5].Steps
			if got := rogue[len(rogue)-1].Outcome.Kind; got != Sealed {
				t.Errorf("act 6: the decrypt processor's outcome is %v, want Sealed (fooled)", got)
			}
			checkEpilogue(t, tr.Acts[6])
		})
	}
}

func TestTourShape(t *testing.T) {
	tr := runTestTour(t, 1)
	if len(tr.Acts) != 7 {
		t.Fatalf("%d acts, want 7", len(tr.Acts))
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
	joined := prose(tr.Intro)
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
		if _, err := runTour(context.Background(), Options{Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

// checkEpilogue checks the 2024 epilogue's measurements: the intruder in
// the intercept system reads no mobile call from before it got in, every
// call since, and every call record; the end-to-end archive stays sealed.
func checkEpilogue(t *testing.T, act Act) {
	t.Helper()
	if len(act.Steps) != 1 || act.Steps[0].Table == nil {
		t.Fatalf("epilogue: %d steps, want one with a table", len(act.Steps))
	}
	rows := act.Steps[0].Table.Rows
	mobile, e2e := func(r int) Cell { return rows[r][1] }, func(r int) Cell { return rows[r][2] }
	if c := mobile(0); c.N != 0 || c.Of == 0 {
		t.Errorf("epilogue: read %d/%d mobile calls from before the breach, want none of some", c.N, c.Of)
	}
	if c := mobile(1); c.N != c.Of || c.Of == 0 {
		t.Errorf("epilogue: read %d/%d mobile calls since the breach, want all", c.N, c.Of)
	}
	if c := mobile(2); c.N != c.Of {
		t.Errorf("epilogue: %d/%d call records, want all", c.N, c.Of)
	}
	for r := range 3 {
		if c := e2e(r); c.N != 0 {
			t.Errorf("epilogue: row %d opened %d/%d end-to-end sessions", r, c.N, c.Of)
		}
	}
}
