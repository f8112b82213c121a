package scenario

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/escrowlab/escrowlab/attack"
)

// Case studies of 2004 and later are dated in their own years, and only a
// run that shows a LEAF says that escrowlab's LEAF is its own design.
func TestEras(t *testing.T) {
	tests := []struct {
		id   string
		year string // day 0's year, as the transcript writes it
		leaf bool   // whether a LEAF appears
	}{
		{"lawful-access", "1994", true},
		{"rogue-leaf", "1994", true},
		{"forward-secrecy", "1994", false},
		{"athens-2005", "2004", false},
		{"sim-key-heist", "2010", false},
		{"exceptional-access-2015", "2015", true},
		{"ghost-2018", "2019", false},
		{"salt-typhoon-2024", "2024", false},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			s, err := Lookup(tt.id)
			if err != nil {
				t.Fatal(err)
			}
			tr, err := s.Run(context.Background(), Options{Seed: 3})
			if err != nil {
				t.Fatal(err)
			}
			if got := tr.Acts[0].Intro; !strings.Contains(got, "Day 0 is") || !strings.Contains(got, tt.year) {
				t.Errorf("calendar: %q, want day 0 in %s", got, tt.year)
			}
			if got := strings.Contains(prose(tr.Intro), "LEAF"); got != tt.leaf {
				t.Errorf("LEAF disclaimer shown: %v, want %v", got, tt.leaf)
			}
			if !strings.Contains(prose(tr.Intro), "A teaching model, not a product") {
				t.Error("no teaching-model disclaimer")
			}
		})
	}
}

// A warrant's dates, its check and its words agree: a 30-day order covers
// 30 days, inclusive, and the narration names its last day.
func TestWarrantDates(t *testing.T) {
	spec, err := Parse("w.yaml", []byte(`title: dates
start: 1994-03-22
cast: [Alice, Bob]
schemes: [clipper]
traffic: {sessions: 0, days: 40}
events:
  - day: 0
    warrant: {for: Alice, days: 31}
`))
	if err != nil {
		t.Fatal(err)
	}
	tr, err := RunSpec(context.Background(), spec, Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	step := tr.Acts[0].Steps[0]
	if got := step.Values[0].Text; !strings.HasPrefix(got, "22 Mar 1994 to 21 Apr 1994, 31 days") {
		t.Errorf("warrant in force %q, want 22 Mar 1994 to 21 Apr 1994, 31 days", got)
	}
	if !strings.Contains(step.Values[1].Text, "certified") || !strings.Contains(step.Values[1].Text, "docket 94-MJ-0001") {
		t.Errorf("Clipper's account %q does not follow the certification procedure", step.Values[1].Text)
	}
}

// Ctrl-C during a run returns the transcript so far, which says it was
// interrupted, and an error the command line recognises.
func TestRunSpecInterrupted(t *testing.T) {
	spec, err := Parse("big.yaml", []byte(`title: big
cast: [Alice, Bob]
traffic: {people: 20, sessions: 2000, days: 300}
events:
  - day: 100
    leak: escrow-dbs
`))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var held atomic.Int64
	tr, err := RunSpec(ctx, spec, Options{Seed: 1, Progress: &held})
	if !errors.Is(err, attack.ErrInterrupted) || tr == nil {
		t.Fatalf("RunSpec = %v, %v; want a transcript and ErrInterrupted", tr, err)
	}
	if !strings.Contains(prose(tr.Closing), "Interrupted") || held.Load() != 0 {
		t.Errorf("closing %q, %d sessions counted", prose(tr.Closing), held.Load())
	}
	_, err = RunSpec(context.Background(), spec, Options{Seed: 1, Progress: &held})
	if err != nil || held.Load() != int64(Sessions(spec)) {
		t.Errorf("a whole run counted %d of %d sessions (%v)", held.Load(), Sessions(spec), err)
	}
}

// A run stopped during a forgery says how far the search had got.
func TestInterruptedForgerySaysItsTries(t *testing.T) {
	spec, err := Parse("wide.yaml", []byte("title: wide\ncast: [Alice, Bob]\ntraffic: {sessions: 0}\nevents:\n  - day: 1\n    forge: {bits: 24, by: Alice}\n"))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	tr, err := RunSpec(ctx, spec, Options{Seed: 1})
	if !errors.Is(err, attack.ErrInterrupted) || tr == nil {
		t.Fatalf("RunSpec = %v; want the transcript so far and ErrInterrupted", err)
	}
	var said string
	for _, a := range tr.Acts {
		for _, s := range a.Steps {
			said += s.Action + "\n"
		}
	}
	if !strings.Contains(said, "was forging a LEAF with a 24-bit checksum when the run stopped, after ") {
		t.Errorf("the transcript does not say how far the forgery got:\n%s", said)
	}
}
