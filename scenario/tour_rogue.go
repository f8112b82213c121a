package scenario

import (
	"github.com/escrowlab/escrowlab/attack"
	"github.com/escrowlab/escrowlab/escrow"
)

// rogueLEAF runs Blaze's forgery: escrow fails at its own purpose.
func (t *tour) rogueLEAF() error {
	t.b.act("The rogue LEAF", "Escrow also fails at its purpose. Mallory has a genuine Clipper phone and wants no escrow.")
	// Every core: the search returns the first passing candidate of a
	// numbered sequence, so the tries replay with the seed however many
	// cores search. The time is measured afresh in every run.
	f, err := attack.NewForger(attack.ForgeConfig{Bits: escrow.DefaultChecksumBits, Seed: t.b.t.Seed})
	if err != nil {
		return err
	}
	r, err := f.Run(t.ctx)
	if err != nil {
		return err
	}
	// Act 2 already showed a genuine LEAF: start from the search.
	// Say "every core", not how many: the transcript must not depend on
	// the machine.
	for _, s := range forgeSteps(r, f.Bits(), 0, "Mallory")[1:] {
		t.b.step(s)
	}
	return nil
}
