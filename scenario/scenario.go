package scenario

import (
	"encoding/binary"
	"fmt"
	"math/rand/v2"
)

// Options are the settings every scenario run accepts.
type Options struct {
	// Seed makes the run reproducible: every key, IV and choice comes from
	// a generator seeded with it.
	Seed uint64
}

// Scenario is one case study: an id for the command line, a title, a
// one-paragraph summary, and the function that runs it.
type Scenario struct {
	ID      string
	Title   string
	Summary string
	Run     func(Options) (*Transcript, error)
}

// builtins lists the scenarios compiled into escrowlab.
var builtins = []Scenario{
	{
		ID:      "tour",
		Title:   "Key escrow, end to end: a guided tour",
		Summary: "Clipper's key escrow and forward-secret end-to-end encryption side by side: a call, lawful access with a warrant, the warrant-expiry weakness, and a leak of the escrow databases that opens every captured Clipper call while the end-to-end archive stays sealed.",
		Run:     runTour,
	},
}

// Builtins returns the built-in scenarios.
func Builtins() []Scenario { return append([]Scenario(nil), builtins...) }

// Lookup returns the built-in scenario with the given id.
func Lookup(id string) (Scenario, error) {
	for _, s := range builtins {
		if s.ID == id {
			return s, nil
		}
	}
	return Scenario{}, fmt.Errorf("unknown scenario %q", id)
}

// newSource returns the generator a run with this seed draws from.
func newSource(seed uint64) *rand.ChaCha8 {
	var s [32]byte
	copy(s[:], "escrowlab seed")
	binary.BigEndian.PutUint64(s[24:], seed)
	return rand.NewChaCha8(s)
}
