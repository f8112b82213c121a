package attack

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sync/atomic"
	"time"

	"github.com/escrowlab/escrowlab/internal/seeded"
)

// Person is one user. What they carry under each scheme (a chip, a SIM
// card, an app's keys) is kept by that scheme.
type Person struct {
	Name string
}

// Config describes the world to build.
type Config struct {
	People []string  // names, one Person each
	Seed   uint64    // seeds every key and choice
	Start  time.Time // the clock's starting time
	// Schemes are the schemes to deploy, in any order; nil means every
	// registered scheme. Each is deployed from its own stream, so the
	// choice changes no scheme's keys or outcomes.
	Schemes []SchemeID
	// ChecksumBits is the LEAF checksum width of escrowed chips; 0 means
	// escrow.DefaultChecksumBits.
	ChecksumBits int
	// Keep says which sessions' secrets the schemes keep, for a later
	// leak of one session's keys; nil keeps every session's. A capture of
	// a million calls keeps one, so that memory does not grow with them.
	Keep func(session int) bool
}

// World is a set of people, the schemes they call one another under, a
// simulated clock, and a wiretap on the network that records every call
// under every scheme. A world is reproducible from its seed, byte for byte:
// every key, including HPKE's ephemeral keys, comes from its streams.
type World struct {
	People []*Person
	Tap    *Wiretap

	schemes []deployed // in display order
	seed    uint64
	traffic *rand.Rand // who calls whom, and what they say, in generated traffic
	sent    []Conversation
	held    atomic.Int64 // the highest session number held, by Call or Carry
	clock   time.Time
}

// deployed is one scheme in one world.
type deployed struct {
	info   SchemeInfo
	scheme Scheme
}

// NewWorld deploys the configured schemes and enrols every person in each.
// Each scheme, and each person's equipment under it, draws from its own
// stream derived from the seed and the scheme's id.
func NewWorld(cfg Config) (*World, error) {
	w := &World{
		Tap:     &Wiretap{},
		seed:    cfg.Seed,
		traffic: rand.New(seeded.New(cfg.Seed, "traffic")),
		clock:   cfg.Start,
	}
	for _, info := range Schemes() {
		if cfg.Schemes != nil && !slices.Contains(cfg.Schemes, info.ID) {
			continue
		}
		env := Env{Rand: seeded.New(cfg.Seed, "scheme", string(info.ID)), Start: cfg.Start, ChecksumBits: cfg.ChecksumBits, Keep: keepAll(cfg.Keep)}
		s, err := info.New(env)
		if err != nil {
			return nil, fmt.Errorf("attack: deploying %s: %w", info.ID, err)
		}
		w.schemes = append(w.schemes, deployed{info, s})
	}
	for _, id := range cfg.Schemes {
		if _, ok := w.scheme(id); !ok {
			return nil, fmt.Errorf("attack: %w", unknownScheme(id))
		}
	}
	for _, name := range cfg.People {
		if err := w.enrol(name); err != nil {
			return nil, err
		}
	}
	return w, nil
}

// keepAll is keep, or a policy that keeps every session if keep is nil.
func keepAll(keep func(int) bool) func(int) bool {
	if keep == nil {
		return func(int) bool { return true }
	}
	return keep
}

// unknownScheme is LookupScheme's error for id.
func unknownScheme(id SchemeID) error {
	_, err := LookupScheme(string(id))
	return err
}

// enrol adds a person called name and equips them under every scheme.
func (w *World) enrol(name string) error {
	if name == "" || w.Person(name) != nil {
		return fmt.Errorf("attack: person %q: names must be unique and non-empty", name)
	}
	p := &Person{Name: name}
	for _, d := range w.schemes {
		if err := d.scheme.Enrol(p, seeded.New(w.seed, "scheme", string(d.info.ID), "person", name)); err != nil {
			return fmt.Errorf("attack: equipping %s under %s: %w", name, d.info.ID, err)
		}
	}
	w.People = append(w.People, p)
	return nil
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

// SchemeIDs returns the ids of the schemes deployed in w, in display order.
func (w *World) SchemeIDs() []SchemeID {
	out := make([]SchemeID, len(w.schemes))
	for i, d := range w.schemes {
		out[i] = d.info.ID
	}
	return out
}

// Scheme returns the deployed scheme with the given id.
func (w *World) Scheme(id SchemeID) (Scheme, bool) {
	d, ok := w.scheme(id)
	return d.scheme, ok
}

func (w *World) scheme(id SchemeID) (deployed, bool) {
	for _, d := range w.schemes {
		if d.info.ID == id {
			return d, true
		}
	}
	return deployed{}, false
}

// SchemeOf returns the deployed scheme of type T in w, for narration that
// needs a scheme's own details (the tour shows Clipper's LEAF, for one).
func SchemeOf[T Scheme](w *World) (T, bool) {
	for _, d := range w.schemes {
		if s, ok := d.scheme.(T); ok {
			return s, true
		}
	}
	var zero T
	return zero, false
}

// Now returns the simulated time.
func (w *World) Now() time.Time { return w.clock }

// Advance moves the simulated clock forward by d.
func (w *World) Advance(d time.Duration) { w.clock = w.clock.Add(d) }

// Sent returns the ground truth: every conversation held so far, in order.
func (w *World) Sent() []Conversation { return slices.Clone(w.sent) }
