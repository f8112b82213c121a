package attack

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"sync/atomic"
	"time"

	"github.com/escrowlab/escrowlab/escrow"
	"github.com/escrowlab/escrowlab/internal/seeded"
)

// ErrInterrupted reports a forgery search stopped before it found a LEAF.
var ErrInterrupted = errors.New("attack: forgery search interrupted")

// ForgeConfig sets up Blaze's rogue-LEAF attack.
type ForgeConfig struct {
	Bits     int            // LEAF checksum width, escrow.MinChecksumBits to escrow.MaxChecksumBits
	Workers  int            // parallel searchers; 0 means one per core. Results do not depend on it
	Seed     uint64         // seeds the keys and the candidates: the same seed gives the same tries and LEAFs
	Progress *atomic.Uint64 // if set, receives tries as they are made, for a progress display (whole batches, so it may run past Tries)
}

// Forgery is one run of Blaze's attack, as measured.
type Forgery struct {
	Tries   uint64        // the number of the first candidate LEAF that passed, counting from 1; if interrupted, the candidates checked
	Elapsed time.Duration // wall time of the search

	Genuine, Forged escrow.LEAF
	ForgedUnit      escrow.UnitID // the unit ID the forged LEAF decodes to under KF
	ForgedUnitKnown bool          // whether that unit ID belongs to any chip

	Message      string // what the forger said
	ReceiverRead string // what the honest receiver's chip decrypted
	ReceiverOK   bool   // the receiver accepted the forged LEAF and read the message exactly

	GenuineRead bool // control: the decrypt processor reads the same call with the genuine LEAF
	LEFooled    bool // the decrypt processor, holding the forger's unit key, did not recover the message
}

// Forger runs rogue-LEAF searches against one EES installation: a forger
// who owns a genuine chip, an honest receiver, and the escrow agents who
// will give law enforcement the forger's unit key.
type Forger struct {
	cfg      ForgeConfig
	world    *World
	clipper  *Clipper
	forger   *Person
	receiver *Person
	src      *rand.ChaCha8 // the calls' key exchanges and IVs, and the searchers' seeds
	rng      *rand.Rand

	// oneAtATime makes the search call the chip's Check once per
	// candidate instead of CheckBatch: the reference path, for tests and
	// benchmarks.
	oneAtATime bool
}

// NewForger builds the installation for cfg.
func NewForger(cfg ForgeConfig) (*Forger, error) {
	if cfg.Bits < escrow.MinChecksumBits || cfg.Bits > escrow.MaxChecksumBits {
		return nil, fmt.Errorf("checksum width %d: want %d to %d bits", cfg.Bits, escrow.MinChecksumBits, escrow.MaxChecksumBits)
	}
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.GOMAXPROCS(0)
	}
	w, err := NewWorld(Config{People: []string{"Mallory", "Bob"}, Seed: cfg.Seed, ChecksumBits: cfg.Bits, Start: time.Date(1994, time.June, 1, 9, 0, 0, 0, time.UTC), Schemes: []SchemeID{ClipperID}})
	if err != nil {
		return nil, err
	}
	c, _ := SchemeOf[*Clipper](w)
	src := seeded.New(cfg.Seed, "forge")
	return &Forger{cfg: cfg, world: w, clipper: c, forger: w.People[0], receiver: w.People[1], src: src, rng: rand.New(src)}, nil
}

// Bits returns the checksum width under attack.
func (f *Forger) Bits() int { return f.cfg.Bits }

// Workers returns the number of parallel searchers.
func (f *Forger) Workers() int { return f.cfg.Workers }

// Run performs one forgery: the forger's chip encrypts a call; the search
// finds a random LEAF that the forger's own chip accepts for this call's
// session key and IV, using the chip only as an oracle; the call goes to
// the honest receiver with the forged LEAF; and law enforcement, holding
// the forger's unit key under a warrant, tries to read it. The random
// LEAFs are numbered, and the search returns the first that passes, so the
// tries and the forged LEAF depend on the seed alone, not on the number of
// workers or on timing.
//
// If ctx ends first, Run returns the tries made so far and an error
// wrapping ErrInterrupted.
func (f *Forger) Run(ctx context.Context) (Forgery, error) {
	var r Forgery
	ks, err := f.sessionKey()
	if err != nil {
		return r, err
	}
	r.Message = "Rogue call: this LEAF is a forgery."
	t, err := f.clipper.Chip(f.forger).Encrypt(f.src, ks, []byte(r.Message))
	if err != nil {
		return r, err
	}
	r.Genuine = t.LEAF
	start := time.Now()
	r.Forged, r.Tries, err = f.search(ctx, ks, t.IV)
	r.Elapsed = time.Since(start)
	if err != nil {
		return r, err
	}
	forged := &escrow.Transmission{LEAF: r.Forged, IV: t.IV, Ciphertext: t.Ciphertext}
	if got, err := f.clipper.Chip(f.receiver).Decrypt(ks, forged); err == nil {
		r.ReceiverRead = string(got)
		r.ReceiverOK = r.ReceiverRead == r.Message
	}
	return r, f.lawEnforcement(&r, t, forged)
}

// sessionKey runs the forger's and receiver's key exchange.
func (f *Forger) sessionKey() (escrow.SessionKey, error) {
	a, err := escrow.NewKeyExchange(f.src)
	if err != nil {
		return escrow.SessionKey{}, err
	}
	b, err := escrow.NewKeyExchange(f.src)
	if err != nil {
		return escrow.SessionKey{}, err
	}
	ks, err := a.SessionKey(b.Public())
	if err != nil {
		return ks, err
	}
	if kb, err := b.SessionKey(a.Public()); err != nil || kb != ks {
		return ks, fmt.Errorf("key exchange disagreed: %v", err)
	}
	return ks, nil
}

// lawEnforcement obtains the forger's unit key with a warrant and tries
// to read both the genuine and the forged call with it.
func (f *Forger) lawEnforcement(r *Forgery, genuine, forged *escrow.Transmission) error {
	w, c := f.world, f.clipper
	id := c.Chip(f.forger).UnitID()
	warrant := escrow.Certification{Agency: "FBI (illustrative)", UnitID: id, Docket: "94-MJ-0666", Begins: w.Now(), Ends: w.Now().AddDate(0, 0, 30)}
	ku1, err := c.Agents()[0].Release(warrant, w.Now())
	if err != nil {
		return err
	}
	ku2, err := c.Agents()[1].Release(warrant, w.Now())
	if err != nil {
		return err
	}
	proc := escrow.NewDecryptProcessor(c.Family())
	proc.AddUnitKey(id, escrow.CombineComponents(ku1, ku2))
	if got, err := proc.Decrypt(genuine); err == nil && string(got) == r.Message {
		r.GenuineRead = true
	}
	leaf, err := proc.ReadLEAF(forged.LEAF)
	if err != nil {
		return err
	}
	r.ForgedUnit, r.ForgedUnitKnown = leaf.UnitID, c.Owner(leaf.UnitID) != nil
	// The agency knows whose line it is tapping, so it uses the forger's
	// unit key whatever unit ID the LEAF claims.
	ks, err := proc.SessionKey(id, forged.LEAF)
	if err != nil {
		return err
	}
	got, err := escrow.DecryptTraffic(ks, forged.IV, forged.Ciphertext)
	r.LEFooled = err != nil || string(got) != r.Message
	return nil
}
