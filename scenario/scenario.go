package scenario

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
)

// Options are the settings every scenario run accepts.
type Options struct {
	// Seed makes the run reproducible: every key, IV and choice comes from
	// a generator seeded with it.
	Seed uint64
	// Progress, if set, counts the sessions held as the run goes, for a
	// progress display; Sessions says how many a scenario holds in all.
	Progress *atomic.Int64
	// ForgeTries, if set, receives the tries of the run's LEAF forgeries
	// as they are made, for a progress display.
	ForgeTries *atomic.Uint64
}

// Scenario is one case study: an id for the command line, a title, a
// one-paragraph summary, the references it cites, who is in it and what
// happens, and the function that runs it.
type Scenario struct {
	ID         string
	Title      string
	Summary    string
	References []int
	Cast       []string
	Events     []string // one line per event, in order
	Seed       *uint64  // the author's seed, used when no --seed is given
	Sessions   int      // the sessions a run holds, for a progress display; 0 if not known
	Path       string   // the file it was read from; empty for a built-in
	// Run runs the scenario. If ctx ends first, it returns what was
	// measured so far, with an error wrapping attack.ErrInterrupted.
	Run func(ctx context.Context, o Options) (*Transcript, error)
}

// FromSpec makes a scenario written as data runnable.
func FromSpec(spec *Spec) Scenario {
	s := Scenario{ID: spec.ID, Title: spec.Title, Summary: spec.Summary, References: spec.References, Cast: spec.Cast, Seed: spec.Traffic.Seed, Sessions: Sessions(spec),
		Run: func(ctx context.Context, o Options) (*Transcript, error) { return RunSpec(ctx, spec, o) }}
	for _, e := range spec.Events {
		s.Events = append(s.Events, describe(e))
	}
	return s
}

// tourScenario is the guided tour, written in Go.
func tourScenario() Scenario {
	return Scenario{
		ID:         "tour",
		Title:      "Key escrow, end to end: a guided tour",
		Summary:    "Clipper's key escrow and forward-secret end-to-end encryption side by side: a call, lawful access with a warrant, the warrant-expiry weakness, a leak of the escrow databases that opens every captured Clipper call while the end-to-end archive stays sealed, and Blaze's rogue LEAF.",
		References: []int{refFIPS185, refSkipjackSpec, refBlaze, refRisks1997, refDoormats2015, refDenningSmid},
		Cast:       tourCast,
		Events: []string{
			"act 1: the family key, two escrow agents, a chip for each person",
			"act 2: Alice calls Bob; the LEAF decoded; others call too",
			"act 3: a 30-day warrant for Alice's chip; the expiry weakness",
			"act 4: the same calls under forward-secret end-to-end encryption; Alice's phone seized",
			"act 5: both escrow databases and the family key leak",
			"act 6: Mallory forges a LEAF (Blaze 1994)",
			"act 7, epilogue: an intruder inside a carrier's intercept system (2024)",
			"the exposure matrix of the tour's own archive",
		},
		Run: runTour,
	}
}

// Builtins returns the built-in scenarios, the tour first.
func Builtins() ([]Scenario, error) {
	b, err := loadBuiltins()
	return append([]Scenario(nil), b...), err
}

// Lookup returns the built-in scenario with the given id.
func Lookup(id string) (Scenario, error) {
	all, err := Builtins()
	if err != nil {
		return Scenario{}, err
	}
	var ids []string
	for _, s := range all {
		if s.ID == id {
			return s, nil
		}
		ids = append(ids, s.ID)
	}
	return Scenario{}, fmt.Errorf("unknown scenario %q (built-ins: %s)", id, strings.Join(ids, ", "))
}

// describe writes one event as a line of a scenario's outline.
func describe(e Event) string {
	d := fmt.Sprintf("day %d: ", e.Day)
	switch e.Kind {
	case CallEvent:
		return d + e.From + " calls " + e.To
	case WarrantEvent:
		return d + fmt.Sprintf("a %d-day court order to intercept %s, for %s", e.Days, e.Person, e.Adversary)
	case LeakEvent:
		return d + fmt.Sprintf("%s leaks to %s", e.Leak, e.Adversary) + forPerson(e.Person)
	case SeizeEvent:
		return d + fmt.Sprintf("%s's phone seized, by %s", e.Person, e.Adversary)
	case ForgeEvent:
		return d + fmt.Sprintf("%s forges %s %d-bit LEAF", e.Person, article(e.Bits), e.Bits)
	case NarrateEvent:
		return d + "narration: " + e.Text
	}
	return d + string(e.Kind)
}

func forPerson(p string) string {
	if p == "" {
		return ""
	}
	return " (" + p + ")"
}
