package scenario

import (
	"crypto/ed25519"
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
	t.b.act("The leak", "Now the escrow system fails the way its critics warned in 1997 and again in 2015: the keys reach someone they were never meant for.")
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
		Note:    "The intruder could be another state's intelligence service or a criminal gang, as the 2015 articles warn. Splitting the key guards against one careless clerk, not a determined adversary, and a leak cannot be undone: the keys are burned into chips already sold.",
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
		Note:    "Nothing was escrowed, so nothing could leak: each session's keys lived only in two phones, for the length of one conversation.",
		Cites:   cites(refDoormats2015),
	})
	return nil
}

// samples shows a few sessions the intruder read, spread over the archive.
func (t *tour) samples(rs []attack.Recovered) Step {
	var vals []Value
	for _, i := range []int{len(rs) / 2, len(rs) - 1} {
		r := rs[i]
		c := r.Conversation
		vals = append(vals, text(fmt.Sprintf("session %d, %s", c.Session, c.At.Format(dateFormat)), c.Caller.Name+" to "+c.Callee.Name))
		for j, m := range c.Messages {
			vals = append(vals, sub(text(c.Sender(m).Name, r.Texts[j])))
		}
	}
	return Step{
		Actor: "Intruder", Action: "reads, for example:", Values: vals,
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

func (t *tour) summary() error {
	w := t.w
	kf := w.Family.Key()
	alice := []ed25519.PrivateKey{t.alice.Identity.PrivateKey()}
	rows := []struct {
		who     string
		clipper attack.Leak
		e2e     attack.Leak
	}{
		{"Nothing but the wiretap", attack.Leak{}, attack.Leak{}},
		{"The family key alone", attack.Leak{FamilyKey: &kf}, attack.Leak{FamilyKey: &kf}},
		{"One escrow database and the family key", attack.Leak{FamilyKey: &kf, Databases: [2]map[escrow.UnitID]escrow.KeyComponent{w.Agents[0].Database(), nil}}, attack.Leak{}},
		{"Alice's unit key, kept after the warrant", attack.Leak{FamilyKey: &kf, UnitKeys: map[escrow.UnitID]escrow.UnitKey{t.warrant.UnitID: t.aliceKU}}, attack.Leak{}},
		// A seized Clipper phone yields nothing: the chip never gives up KU.
		{"Alice's phone, seized", attack.Leak{}, attack.Leak{Identities: alice}},
		{"Both escrow databases and the family key", escrowLeak(w), escrowLeak(w)},
	}
	table := &Table{Header: []string{"What the adversary holds", "Clipper calls read", "End-to-end sessions read"}}
	for _, r := range rows {
		c, err := t.measure(r.clipper, attack.Clipper, nil)
		if err != nil {
			return err
		}
		e, err := t.measure(r.e2e, attack.E2EForwardSecret, nil)
		if err != nil {
			return err
		}
		table.Rows = append(table.Rows, []string{r.who, fmt.Sprintf("%d/%d", c.Opened, c.Total), fmt.Sprintf("%d/%d", e.Opened, e.Total)})
	}
	table.Caption = "What each adversary reads of the archive, measured by decrypting it"
	t.b.t.Summary = table
	t.b.t.Closing = []string{
		fmt.Sprintf("Content is not all that leaks. With the family key alone, the LEAFs of %d of the %d captured Clipper calls name a known chip: who called whom, and when, is exposed without a single call being decrypted.", t.callersIdentified(), len(w.Tap.Captures(attack.Clipper))),
		"Key escrow makes the privacy of everyone's calls depend on a few databases staying secret forever. Lawful access needed a warrant, two agencies and a decrypt processor; the leak needed only a copy, and it opened every call, past and future.",
		"Forward-secret end-to-end encryption leaves nothing to copy: no database, no session key that outlives its session. Hence the argument of 1997 and 2015: exceptional access cannot be added without rebuilding Clipper's weakness.",
	}
	t.b.cite([]int{refDoormats2015})
	return nil
}

// callersIdentified counts the captured Clipper calls whose LEAF, opened
// with the family key alone, names a chip that belongs to someone.
func (t *tour) callersIdentified() int {
	n := 0
	for _, c := range t.w.Tap.Captures(attack.Clipper) {
		leaf, err := t.w.Family.OpenLEAF(c.Clipper.Transmissions[0].LEAF)
		if err == nil && t.w.Owner(leaf.UnitID) != nil {
			n++
		}
	}
	return n
}
