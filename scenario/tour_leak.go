package scenario

import (
	"fmt"
	"time"

	"github.com/escrowlab/escrowlab/attack"
)

func (t *tour) leak() error {
	w, agents := t.w, t.clip.Agents()
	t.b.act("The leak", "The escrow system fails as its critics warned in 1997 and 2015: the keys leak.")
	w.Advance(90 * 24 * time.Hour)
	t.leakAt = w.Now()
	kf := t.clip.Family().Key()
	escrowLeak, err := w.Leak(attack.EscrowDBs, attack.Target{})
	if err != nil {
		return err
	}
	t.leaked = escrowLeak
	t.b.step(Step{
		Actor: "Intruder", Action: fmt.Sprintf("copies both escrow databases and the family key on %s", t.leakAt.Format(dateFormat)),
		Values: []Value{
			text(agents[0].Name()+" database", fmt.Sprintf("%d components", agents[0].Units())),
			text(agentShort(agents[1])+" database", fmt.Sprintf("%d components", agents[1].Units())),
			t.b.against("KF", bytesv("family key KF", kf[:])),
		},
		Outcome: Outcome{Exposed, "every chip's unit key can now be rebuilt"},
		Figure:  t.holders(),
		Note:    "The intruder could be another state's spies or a criminal gang, as the 2015 articles warn. Splitting the key stops a careless clerk, not a determined adversary, and a leak cannot be undone: the keys are burned into chips already sold.",
		Cites:   cites(refRisks1997, refDoormats2015, refNews004),
	})
	after, err := chatter(w, t.rng, 6, 3*24*time.Hour, nil)
	if err != nil {
		return err
	}

	clipper, err := t.measure(escrowLeak, attack.ClipperID, nil)
	if err != nil {
		return err
	}
	fs, err := t.measure(escrowLeak, attack.E2EForwardSecretID, nil)
	if err != nil {
		return err
	}
	table := &Table{Caption: "Measured over every call the wiretap recorded", Header: []string{"Scheme", "Calls", "Opened", "Before the leak", "After the leak"}}
	for _, e := range []attack.Exposure{clipper, fs} {
		table.Rows = append(table.Rows, []Cell{Text(capitalized(schemeName(e.Scheme))), Count(e.Total), Count(e.Opened), Count(e.OpenedBefore), Count(e.OpenedAfter)})
	}
	t.b.step(Step{
		Actor: "Intruder's decrypt processor", Action: fmt.Sprintf("rebuilds every unit key and runs over the whole archive, including the %d calls made since the leak by people who do not know of it", len(after)),
		Values:  unnested(callValues(after)),
		Table:   table,
		Outcome: Outcome{Exposed, fmt.Sprintf("decrypted %d/%d calls under Clipper; %d/%d of the same calls end to end", clipper.Opened, clipper.Total, fs.Opened, fs.Total)},
		Quiz:    spreadQuestion("Which recorded Clipper calls can the intruder open?", clipper.Opened, clipper.OpenedBefore, clipper.OpenedAfter, clipper.Total),
		Note:    "Every chip, every call, before and after the leak. Leaked escrow keys do not expire.",
	})
	if len(clipper.Recovered) > 0 {
		t.b.step(t.samples(clipper.Recovered))
	}

	all := escrowLeak
	for _, p := range w.People {
		seized, err := w.Leak(attack.DeviceSeizure, attack.Target{Person: p})
		if err != nil {
			return err
		}
		all = all.Merge(seized)
	}
	fs, err = t.measure(all, attack.E2EForwardSecretID, nil)
	if err != nil {
		return err
	}
	t.b.step(Step{
		Actor: "Intruder", Action: "also seizes every phone's identity key and tries the end-to-end archive again",
		Outcome: sealedOrExposed(fs, "end-to-end calls opened"),
		Note:    "Nothing was escrowed, so nothing could leak: each call's keys lived only in two phones, for that call.",
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
		vals = append(vals, text(callName(c), c.Caller.Name+" to "+c.Callee.Name))
		for j, m := range c.Messages {
			vals = append(vals, sub(text(c.Sender(m).Name, r.Texts[j])))
		}
	}
	return Step{
		Actor: "Intruder", Action: "reads, for example, the latest call:", Values: vals,
		Outcome: Outcome{Exposed, "each recovered line matches, byte for byte, what was said"},
	}
}

// summary ends the tour with the exposure matrix of its own archive:
// every leak against every scheme, measured.
func (t *tour) summary() error {
	w := t.w
	target := attack.Target{Person: t.alice, Session: t.first.Session}
	m, err := w.Matrix(tourLeaks, tourSchemes, t.leakAt, target)
	if err != nil {
		return err
	}
	t.b.t.Summary = matrixTable(m)
	var exps []attack.Exposure
	var names []string
	for _, s := range tourSchemes {
		e, err := t.measure(t.leaked, s, nil)
		if err != nil {
			return err
		}
		exps, names = append(exps, e), append(names, schemeName(s))
	}
	calls, err := t.timeline()
	if err != nil {
		return err
	}
	t.b.t.Charts = []Chart{
		*calls,
		openedOverTime("What the intruder with the escrow databases and the family key opened, day by day", w.Sent(), tourStart, TimeMark{Label: "the leak", At: t.leakAt}, exps, names),
		heatMap("What each leak opened of this archive, scheme by scheme", m),
	}
	t.b.t.Summary.Caption = fmt.Sprintf("Every leak of key material against this archive's %d calls, measured: calls opened of those recorded", len(w.Sent()))
	t.b.t.Summary.Legend = matrixLegend(m, func(s attack.SchemeInfo) string { return s.Title })
	for _, p := range matrixReading(m) {
		t.b.closing(p)
	}
	t.b.closing("Key escrow stakes everyone's privacy on a few secrets staying secret forever, and does not bind the people it targets. Hence the cryptographers' verdict of 1997 and 2015: exceptional access rebuilds Clipper's weakness.", refDoormats2015)
	return nil
}
