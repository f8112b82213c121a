package scenario

import (
	"github.com/escrowlab/escrowlab/attack"
	"github.com/escrowlab/escrowlab/escrow"
)

// rogueLEAF runs Blaze's forgery: escrow fails at its own purpose.
func (t *tour) rogueLEAF() error {
	t.b.act("The rogue LEAF", "Escrow also fails at its purpose. Mallory has a genuine Clipper phone and wants no escrow.")
	// One worker, so the number of tries replays with the seed; the time
	// is measured afresh in every run.
	f, err := attack.NewForger(attack.ForgeConfig{Bits: escrow.DefaultChecksumBits, Workers: 1, Seed: t.b.t.Seed})
	if err != nil {
		return err
	}
	r, err := f.Run(t.ctx)
	if err != nil {
		return err
	}
	// Act 2 already showed a genuine LEAF: start from the search.
	for _, s := range forgeSteps(r, f.Bits(), f.Workers(), "Mallory")[1:] {
		t.b.step(s)
	}
	return nil
}
