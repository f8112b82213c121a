package scenario

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/escrowlab/escrowlab/attack"
	"github.com/escrowlab/escrowlab/escrow"
)

// escrowLeak is the whole escrow system in an adversary's hands: both
// agents' databases and the family key.
func escrowLeak(w *attack.World) attack.Leak {
	kf := w.Family.Key()
	return attack.Leak{FamilyKey: &kf, Databases: [2]map[escrow.UnitID]escrow.KeyComponent{w.Agents[0].Database(), w.Agents[1].Database()}}
}

func (t *tour) leak() error {
	w := t.w
	t.b.act("The leak", "The escrow system fails as its critics warned in 1997 and 2015: the keys leak.")
	rng := rand.New(w.Rand())
	w.Advance(90 * 24 * time.Hour)
	t.leakAt = w.Now()
	kf := w.Family.Key()
	t.b.step(Step{
		Actor: "Intruder", Action: fmt.Sprintf("copies both escrow databases and the family key on %s", t.leakAt.Format(dateFormat)),
		Values: []Value{
			text(w.Agents[0].Name()+" database", fmt.Sprintf("%d components", w.Agents[0].Units())),
			text(agentShort(w.Agents[1])+" database", fmt.Sprintf("%d components", w.Agents[1].Units())),
			bytesv("family key KF", kf[:]),
		},
		Outcome: Outcome{Exposed, "every chip's unit key can now be rebuilt"},
		Note:    "The intruder could be another state's spies or a criminal gang, as the 2015 articles warn. Splitting the key stops a careless clerk, not a determined adversary, and a leak cannot be undone: the keys are burned into chips already sold.",
		Cites:   cites(refRisks1997, refDoormats2015, refNews004),
	})
	after, err := chatter(w, rng, 6, 3*24*time.Hour, nil)
	if err != nil {
		return err
	}

	clipper, err := t.measure(escrowLeak(w), attack.Clipper, nil)
	if err != nil {
		return err
	}
	fs, err := t.measure(escrowLeak(w), attack.E2EForwardSecret, nil)
	if err != nil {
		return err
	}
	table := &Table{Caption: "Measured over the whole wiretap archive", Header: []string{"Scheme", "Sessions", "Opened", "Before the leak", "After the leak"}}
	for _, e := range []attack.Exposure{clipper, fs} {
		table.Rows = append(table.Rows, []string{schemeName(e.Scheme), fmt.Sprint(e.Total), fmt.Sprint(e.Opened), fmt.Sprint(e.OpenedBefore), fmt.Sprint(e.OpenedAfter)})
	}
	t.b.step(Step{
		Actor: "Intruder's decrypt processor", Action: fmt.Sprintf("rebuilds every unit key and runs over the whole archive, including the %d calls made since the leak by people who do not know of it", len(after)),
		Table:   table,
		Outcome: Outcome{Exposed, fmt.Sprintf("decrypted %d/%d Clipper sessions; %d/%d end-to-end sessions", clipper.Opened, clipper.Total, fs.Opened, fs.Total)},
		Quiz:    spreadQuestion("Which recorded Clipper calls can the intruder open?", clipper.Opened, clipper.OpenedBefore, clipper.OpenedAfter, clipper.Total),
		Note:    "Every chip, every call, before and after the leak. Leaked escrow keys do not expire.",
	})
	if len(clipper.Recovered) > 0 {
		t.b.step(t.samples(clipper.Recovered))
	}

	all := escrowLeak(w)
	for _, p := range w.People {
		all.Identities = append(all.Identities, p.Identity.PrivateKey())
	}
	fs, err = t.measure(all, attack.E2EForwardSecret, nil)
	if err != nil {
		return err
	}
	t.b.step(Step{
		Actor: "Intruder", Action: "also seizes every phone's identity key and tries the end-to-end archive again",
		Outcome: sealedOrExposed(fs, "end-to-end sessions opened"),
		Note:    "Nothing was escrowed, so nothing could leak: each session's keys lived only in two phones, for one call.",
		Cites:   cites(refDoormats2015),
	})
	return nil
}

// samples shows a few sessions the intruder read, spread over the archive.
func (t *tour) samples(rs []attack.Recovered) Step {
	var vals []Value
	for _, i := range []int{len(rs) - 1} {
		r := rs[i]
		c := r.Conversation
		vals = append(vals, text(fmt.Sprintf("session %d, %s", c.Session, c.At.Format(dateFormat)), c.Caller.Name+" to "+c.Callee.Name))
		for j, m := range c.Messages {
			vals = append(vals, sub(text(c.Sender(m).Name, r.Texts[j])))
		}
	}
	return Step{
		Actor: "Intruder", Action: "reads, for example, the latest call:", Values: vals,
		Outcome: Outcome{Exposed, "each recovered line matches, byte for byte, what was said"},
	}
}

// schemeName names a scheme for readers.
func schemeName(s attack.Scheme) string {
	switch s {
	case attack.Clipper:
		return "Clipper (key escrow)"
	case attack.E2EForwardSecret:
		return "End-to-end, forward secret"
	}
	return string(s)
}

// summary ends the tour with the exposure matrix of its own archive:
// every leak against every scheme, measured.
func (t *tour) summary() error {
	w := t.w
	target := attack.Target{Person: t.alice, Session: t.first.Session}
	cells, err := w.Exposure(tourLeaks, tourSchemes, t.leakAt, target)
	if err != nil {
		return err
	}
	before := 0
	for _, c := range w.Sent() {
		if c.At.Before(t.leakAt) {
			before++
		}
	}
	m := &attack.Matrix{
		Config: attack.MatrixConfig{People: len(w.People), Sessions: len(w.Sent()), LeakAt: before, Seed: t.b.t.Seed},
		World:  w, LeakAt: t.leakAt, Target: target, Cells: cells,
	}
	t.b.t.Summary = matrixTable(m)
	var exps []attack.Exposure
	var names []string
	for _, s := range tourSchemes {
		e, err := t.measure(escrowLeak(w), s, nil)
		if err != nil {
			return err
		}
		exps, names = append(exps, e), append(names, string(s))
	}
	t.b.t.Charts = []Chart{
		openedOverTime("What the intruder holding the escrow databases and family key opened, by day", w.Sent(), tourStart, t.leakAt, exps, names),
		heatMap("Share of this archive each leak opened, by scheme", m),
	}
	t.b.t.Summary.Caption = fmt.Sprintf("This archive under every leak, measured (%s: who called whom exposed too)", metadataMark)
	t.b.t.Closing = append(matrixReading(m), "Key escrow stakes everyone's privacy on a few secrets staying secret forever, and does not bind the people it targets. Hence the cryptographers' verdict of 1997 and 2015: exceptional access rebuilds Clipper's weakness.")
	t.b.cite([]int{refDoormats2015})
	return nil
}
