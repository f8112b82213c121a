package attack

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/escrowlab/escrowlab/e2e"
	"github.com/escrowlab/escrowlab/escrow"
	"github.com/escrowlab/escrowlab/sim"
)

// The two escrow agents named by the US government in February 1994.
const (
	FirstAgentName  = "NIST"
	SecondAgentName = "Treasury Automated Systems Division"
)

// Person is one user: in their phone a Clipper chip, a threshold-escrow
// chip and a SIM card; in their messaging app an end-to-end identity key
// and a long-term static key (used only by the e2e-static scheme).
type Person struct {
	Name          string
	Chip          *escrow.Device
	ThresholdChip *escrow.Device
	SIM           *sim.SIM
	Identity      *e2e.Identity
	Static        *e2e.StaticKey
}

// The threshold-escrow arrangement every world uses: each unit key split
// into ThresholdN shares, any ThresholdK of which rebuild it.
const (
	ThresholdN = 5
	ThresholdK = 3
)

// Config describes the world to build.
type Config struct {
	People       []string  // names, one Person each
	ChecksumBits int       // LEAF checksum width; 0 means escrow.DefaultChecksumBits
	Start        time.Time // the clock's starting time
}

// World is one EES installation (a family key, two escrow agents, a chip
// facility), the authority of the e2e-escrowed scheme, the people using
// them, a simulated clock, and a wiretap on the network that records every
// call under every scheme. All keys come from one seeded generator, so a
// world is reproducible from its seed (except the ephemeral keys that HPKE
// draws for itself, which change no outcome).
type World struct {
	Family          *escrow.Family
	Agents          [2]*escrow.EscrowAgent
	Facility        *escrow.Facility
	ThresholdAgents []*escrow.EscrowAgent // the threshold scheme's n agents
	Authority       *e2e.Authority
	SIMMaker        *sim.Manufacturer // made every SIM and kept each one's Ki
	Operator        *sim.Operator     // the mobile network, holding the manufacturer's key file
	People          []*Person
	Tap             *Wiretap

	threshold *escrow.ThresholdFacility
	sent      []Conversation
	secrets   map[int]SessionKeys // what each session's endpoints knew
	src       *rand.ChaCha8
	clock     time.Time
}

// SessionKeys are the keys one conversation used under each scheme: ground
// truth that only its two endpoints held. A session-key leak hands one
// session's SessionKeys to the adversary.
type SessionKeys struct {
	Clipper   escrow.SessionKey
	Threshold escrow.SessionKey
	SIM       [2]sim.Kc // the caller's radio leg, then the callee's
	E2E       map[Scheme]e2e.Keys
}

// NewWorld builds a world from the seeded source src: it makes the family
// key, the agents and one chip and identity per person, depositing every
// chip's components with the agents.
func NewWorld(src *rand.ChaCha8, cfg Config) (*World, error) {
	bits := cfg.ChecksumBits
	if bits == 0 {
		bits = escrow.DefaultChecksumBits
	}
	kf, err := escrow.NewFamilyKey(src)
	if err != nil {
		return nil, err
	}
	family, err := escrow.NewFamily(kf, bits)
	if err != nil {
		return nil, err
	}
	w := &World{
		Family:  family,
		Agents:  [2]*escrow.EscrowAgent{escrow.NewEscrowAgent(FirstAgentName), escrow.NewEscrowAgent(SecondAgentName)},
		Tap:     &Wiretap{},
		secrets: make(map[int]SessionKeys),
		src:     src,
		clock:   cfg.Start,
	}
	if w.Facility, err = escrow.NewFacility(family, w.Agents[0], w.Agents[1]); err != nil {
		return nil, err
	}
	for i := range ThresholdN {
		w.ThresholdAgents = append(w.ThresholdAgents, escrow.NewEscrowAgent(fmt.Sprintf("Escrow agent %c", 'A'+i)))
	}
	if w.threshold, err = escrow.NewThresholdFacility(family, ThresholdK, w.ThresholdAgents); err != nil {
		return nil, err
	}
	if w.Authority, err = e2e.NewAuthority(src); err != nil {
		return nil, err
	}
	w.SIMMaker = sim.NewManufacturer("SIM manufacturer")
	seen := make(map[string]bool)
	for _, name := range cfg.People {
		if name == "" || seen[name] {
			return nil, fmt.Errorf("person %q: names must be unique and non-empty", name)
		}
		seen[name] = true
		p := &Person{Name: name}
		if p.Chip, err = w.Facility.Manufacture(src); err != nil {
			return nil, fmt.Errorf("making %s's chip: %w", name, err)
		}
		if p.Identity, err = e2e.NewIdentity(src); err != nil {
			return nil, fmt.Errorf("making %s's identity: %w", name, err)
		}
		if p.Static, err = e2e.NewStaticKey(src); err != nil {
			return nil, fmt.Errorf("making %s's static key: %w", name, err)
		}
		if p.ThresholdChip, err = w.threshold.Manufacture(src); err != nil {
			return nil, fmt.Errorf("making %s's threshold chip: %w", name, err)
		}
		if p.SIM, err = w.SIMMaker.MakeSIM(src, fmt.Sprintf("001010%09d", len(w.People)+1)); err != nil {
			return nil, fmt.Errorf("making %s's SIM: %w", name, err)
		}
		w.People = append(w.People, p)
	}
	w.Operator = sim.NewOperator("Mobile operator", w.SIMMaker.Database())
	return w, nil
}

// Person returns the person called name, or nil.
func (w *World) Person(name string) *Person {
	for _, p := range w.People {
		if p.Name == name {
			return p
		}
	}
	return nil
}

// Owner returns the person whose Clipper or threshold chip has unit ID
// id, or nil.
func (w *World) Owner(id escrow.UnitID) *Person {
	for _, p := range w.People {
		if p.Chip.UnitID() == id || p.ThresholdChip.UnitID() == id {
			return p
		}
	}
	return nil
}

// Rand returns the world's seeded generator, for callers that need more
// randomness from the same seed.
func (w *World) Rand() *rand.ChaCha8 { return w.src }

// Now returns the simulated time.
func (w *World) Now() time.Time { return w.clock }

// Advance moves the simulated clock forward by d.
func (w *World) Advance(d time.Duration) { w.clock = w.clock.Add(d) }

// Sent returns the ground truth: every conversation held so far, in order.
func (w *World) Sent() []Conversation { return append([]Conversation(nil), w.sent...) }
