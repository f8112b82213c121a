package scenario

import (
	"fmt"
	"time"

	"github.com/escrowlab/escrowlab/attack"
	"github.com/escrowlab/escrowlab/internal/plural"
)

// outcomeOf is Exposed if anything opened, Sealed otherwise.
func outcomeOf(opened int, text string) Outcome {
	if opened > 0 {
		return Outcome{Exposed, text}
	}
	return Outcome{Sealed, text}
}

// epilogue brings the lesson to 2024: the same people's calls also
// crossed a mobile network, whose switch carries an intercept function by
// law, and an intruder gets into it.
func (t *tour) epilogue() error {
	w := t.w
	t.b.act("Epilogue: 2024", "The same calls also crossed a mobile network, whose switch must, by law, be able to copy a named line's calls for the police. In 2024 intruders were found inside such systems at US carriers. Here that attack is replayed on this story's calls, so its dates stay on the story's 1994 calendar.")
	w.Advance(7 * 24 * time.Hour)
	breach := w.Now()
	held, err := w.Leak(attack.InterceptBreach, attack.Target{})
	if err != nil {
		return err
	}
	t.breachAt, t.breached = breach, held
	since, err := chatter(w, t.rng, 4, 2*24*time.Hour, nil)
	if err != nil {
		return err
	}
	sim, err := t.measure(held, attack.SIMID, nil)
	if err != nil {
		return err
	}
	fs, err := t.measure(held, attack.E2EForwardSecretID, nil)
	if err != nil {
		return err
	}
	before := 0
	for _, c := range w.Sent() {
		if c.At.Before(breach) {
			before++
		}
	}
	after := sim.Total - before
	table := &Table{Header: []string{"Calls", "Mobile network", "End to end"}, Rows: [][]Cell{
		{Text("read, before it got in"), Ratio(sim.OpenedBefore, before), Ratio(fs.OpenedBefore, before)},
		{Text("read, since"), Ratio(sim.OpenedAfter, after), Ratio(fs.OpenedAfter, after)},
		{Text("who called whom"), Ratio(sim.Metadata, sim.Total), Ratio(fs.Metadata, fs.Total)},
	}}
	t.b.step(Step{
		Actor: "Intruder", Action: fmt.Sprintf("gets into the carrier's intercept system; %s later, it tries every recorded call", plural.Count(len(since), "call")),
		Values:  unnested(callValues(since)),
		Table:   table,
		Outcome: outcomeOf(sim.Opened, fmt.Sprintf("read %d of the %s made since it got in and %d of the %d before, each checked against what was said; %s stayed sealed", sim.OpenedAfter, plural.Count(after, "call"), sim.OpenedBefore, before, plural.Count(fs.Total-fs.Opened, "end-to-end call"))),
		Quiz:    spreadQuestionAt("Intruders get into the carrier's intercept system. Which of the calls that crossed the mobile network can they read?", "they got in", sim.Opened, sim.OpenedBefore, sim.OpenedAfter, sim.Total),
		Note:    "Access built for warrants serves whoever controls it: it reads only what passes after the intrusion, but everyone's, and the call records reach back. In December 2024 the US Cybersecurity and Infrastructure Security Agency (CISA) urged highly targeted people to use end-to-end encryption.",
		Cites:   cites(refFBICISA2024, refCISAGuidance),
	})
	return nil
}
