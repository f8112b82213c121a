package scenario

import (
	"fmt"

	"github.com/escrowlab/escrowlab/attack"
)

// holders pictures who holds which key by the time of the leak in act 5:
// every key handed over since the chips were made, and the three taken.
func (t *tour) holders() *Chart {
	agents := t.clip.Agents()
	n := agents[0].Units()
	nist, treasury := agents[0].Name(), agentShort(agents[1])
	const gov, factory, chips, fbi, thief, apps = "Government", "Chip factory", "every Clipper chip", "FBI's decrypt processor", "Intruder", "Alice's and Bob's apps"
	issued, leaked := t.cert.Begins.Format(dateFormat), t.leakAt.Format(dateFormat)
	g := &Graph{
		Nodes: []string{gov, factory, chips, nist, treasury, fbi, thief, apps},
		Edges: []Edge{
			{From: gov, To: chips, Key: "KF"},
			{From: gov, To: fbi, Key: "KF"},
			{From: factory, To: nist, Key: fmt.Sprintf("KU1 of %d chips", n)},
			{From: factory, To: treasury, Key: fmt.Sprintf("KU2 of %d chips", n)},
			{From: nist, To: fbi, Key: "Alice's KU1", When: issued},
			{From: treasury, To: fbi, Key: "Alice's KU2", When: issued},
			{From: nist, To: thief, Key: fmt.Sprintf("every KU1 (%d)", n), When: leaked, Leak: true},
			{From: treasury, To: thief, Key: fmt.Sprintf("every KU2 (%d)", n), When: leaked, Leak: true},
			{From: gov, To: thief, Key: "KF", When: leaked, Leak: true},
		},
	}
	return &Chart{
		Kind: GraphChart, Title: "Who holds which key after the leak", Graph: g,
		Alt: fmt.Sprintf("The government gives the family key KF to every chip and to the FBI's decrypt processor. The chip factory gives the halves of %d unit keys to %s and %s, who each release Alice's half to the FBI on %s. On %s an intruder takes both databases and KF. Alice's and Bob's end-to-end apps hand no key to anyone.", n, nist, treasury, issued, leaked),
	}
}

// timeline pictures every call of the tour against the order's dates, the
// leak and the intercept breach, and which calls each party read.
func (t *tour) timeline() (*Chart, error) {
	all := t.leaked
	for _, p := range t.w.People {
		seized, err := t.w.Leak(attack.DeviceSeizure, attack.Target{Person: p})
		if err != nil {
			return nil, err
		}
		all = all.Merge(seized)
	}
	parties := []struct {
		label  string
		held   attack.Holdings
		scheme attack.SchemeID
	}{
		{"FBI, with Alice's unit key (Clipper)", t.investigator(), attack.ClipperID},
		{"Intruder, with the escrow databases and KF (Clipper)", t.leaked, attack.ClipperID},
		{"Intruder in the carrier's intercept system (mobile network)", t.breached, attack.SIMID},
		{"Intruder, with KF, the databases and every phone (end to end, forward secret)", all, attack.E2EForwardSecretID},
	}
	var rows []TimelineRow
	for _, p := range parties {
		e, err := t.measure(p.held, p.scheme, nil)
		if err != nil {
			return nil, err
		}
		rows = append(rows, readRow(p.label, e))
	}
	spans := []Span{{Label: "order " + t.order.Docket + " in force", From: t.order.Begins, To: t.order.LastDay()}}
	marks := []TimeMark{{Label: "escrow leak", At: t.leakAt}, {Label: "intercept breach (the epilogue's 2024 attack, replayed)", At: t.breachAt}}
	return timeline("Every call, and who read it", t.w.Sent(), spans, marks, rows), nil
}
