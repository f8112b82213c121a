package scenario

import (
	"errors"
	"fmt"
	"time"

	"github.com/escrowlab/escrowlab/attack"
	"github.com/escrowlab/escrowlab/escrow"
)

func (t *tour) lawfulAccess() error {
	w, clip := t.w, t.clip
	t.b.act("Lawful access", "An investigator suspects Alice, and follows the procedure laid down in 1994.")
	proc := escrow.NewDecryptProcessor(clip.Family())
	tr := t.firstClipper.Transmissions[0]
	leaf, err := proc.ReadLEAF(tr.LEAF)
	if err != nil {
		return err
	}
	owner := clip.Owner(leaf.UnitID)
	if owner == nil {
		return fmt.Errorf("LEAF names unit %s, which no one owns", leaf.UnitID)
	}
	t.b.step(Step{
		Actor: "Investigator's decrypt processor", Action: "opens the LEAF of Alice's captured call with the family key",
		Values:  []Value{text("unit ID in the LEAF", leaf.UnitID.String())},
		Outcome: Outcome{Done, fmt.Sprintf("the call came from chip %s: %s's", leaf.UnitID, owner.Name)},
		Note:    "With the family key alone the agency learns whose chip is talking in every call it captures, with no warrant. The words stay locked under the unit key.",
		Cites:   cites(refDenningSmid),
	})

	w.Advance(24 * time.Hour)
	t.warrant = escrow.Warrant{
		UnitID: leaf.UnitID, Court: "U.S. District Court (illustrative)", CaseNumber: "94-MJ-0417",
		Issued: w.Now(), Expires: w.Now().AddDate(0, 0, 30),
	}
	t.b.step(Step{
		Actor: "Court", Action: "issues a warrant for Alice's chip",
		Values: []Value{
			text("unit ID", t.warrant.UnitID.String()),
			text("court, case", t.warrant.Court+", "+t.warrant.CaseNumber),
			text("valid", t.warrant.Issued.Format(dateFormat)+" to "+t.warrant.Expires.Format(dateFormat)),
		},
		Note: "The order names one chip and runs for thirty days.",
	})

	var halves [2]escrow.KeyComponent
	var released []Value
	for i, agent := range clip.Agents() {
		c, err := agent.Release(t.warrant, w.Now())
		if err != nil {
			return err
		}
		halves[i] = c
		log := agent.Log()
		released = append(released, bytesv(fmt.Sprintf("KU%d from %s (log entry %d)", i+1, agentShort(agent), len(log)), c[:]))
	}
	t.b.step(Step{
		Actor: "Both escrow agents", Action: "check the warrant, each release its half of Alice's unit key, and log the release",
		Values:  released,
		Outcome: Outcome{Done, "released: the warrant names this chip and is in force"},
	})

	t.b.step(t.oneHalfAlone(halves[0], tr))

	t.aliceKU = escrow.CombineComponents(halves[0], halves[1])
	proc.AddUnitKey(leaf.UnitID, t.aliceKU)
	ks, err := proc.SessionKey(leaf.UnitID, tr.LEAF)
	if err != nil {
		return err
	}
	var read []Value
	for i, m := range t.first.Messages {
		tr := t.firstClipper.Transmissions[i]
		got, err := escrow.DecryptTraffic(ks, tr.IV, tr.Ciphertext)
		if err != nil {
			return err
		}
		if string(got) != m.Text {
			return fmt.Errorf("decrypt processor read %q, but %q was said", got, m.Text)
		}
		read = append(read, text(t.first.Sender(m).Name+" said", string(got)))
	}
	t.b.step(Step{
		Actor: "Investigator's decrypt processor", Action: "rebuilds KU = KU1 xor KU2, unwraps the session key from the LEAF and decrypts the call",
		Values:  append([]Value{bytesv("KU", t.aliceKU[:]), bytesv("KS unwrapped", ks[:])}, read...),
		Outcome: Outcome{Done, "the unwrapped KS is the one the phones agreed; both sides of the call read back exactly"},
		Note:    "The session key belongs to the call, not to Alice, so Bob's words open too, though the warrant never named him.",
	})
	return t.afterExpiry()
}

// oneHalfAlone shows that one escrow agent's component opens nothing.
func (t *tour) oneHalfAlone(ku1 escrow.KeyComponent, tr *escrow.Transmission) Step {
	p := escrow.NewDecryptProcessor(t.clip.Family())
	id := t.clip.Chip(t.alice).UnitID()
	p.AddUnitKey(id, escrow.UnitKey(ku1))
	s := Step{
		Actor: "Investigator's decrypt processor", Action: "tries KU1 alone, as if one agency (or one stolen database) were enough",
		Note: "Either half alone is a random string: it unwraps a wrong session key.",
	}
	ks, err := p.SessionKey(id, tr.LEAF)
	got, derr := p.Decrypt(tr)
	switch {
	case err != nil:
		s.Outcome = Outcome{Sealed, "no session key: " + err.Error()}
	case ks == t.firstKS() || (derr == nil && string(got) == t.first.Messages[0].Text):
		s.Outcome = Outcome{Exposed, "KU1 alone opened the call: the model is broken"}
	default:
		s.Values = []Value{bytesv("KS unwrapped with KU1 alone", ks[:])}
		s.Outcome = Outcome{Sealed, "wrong session key; decryption fails"}
	}
	return s
}

// afterExpiry lets the warrant lapse and shows the kept unit key reading
// Alice's later calls all the same.
func (t *tour) afterExpiry() error {
	w := t.w
	if _, err := chatter(w, t.rng, 2, 5*24*time.Hour, t.alice); err != nil {
		return err
	}
	w.Advance(t.warrant.Expires.Sub(w.Now()) + 60*24*time.Hour)
	later, err := w.Call(t.alice, t.carol, exchange([2]string{
		"Carol, I moved the money before the vote. Nobody knows.",
		"Good. Don't mention it on the phone again.",
	}))
	if err != nil {
		return err
	}
	t.b.step(Step{
		Actor: "Alice", Action: fmt.Sprintf("calls Carol on %s, two months after the warrant expired", later.At.Format(dateFormat)),
		Values: []Value{text("Alice says", later.Messages[0].Text)},
	})
	_, err = t.clip.Agents()[0].Release(t.warrant, w.Now())
	if !errors.Is(err, escrow.ErrWarrantExpired) {
		return fmt.Errorf("agent answered an expired warrant with %v", err)
	}
	t.b.step(Step{
		Actor: attack.FirstAgentName, Action: "is asked for Alice's half again under the same warrant",
		Outcome: Outcome{Refused, "refused and logged: the warrant has expired"},
	})

	a, err := attack.NewAttacker(w, t.investigator())
	if err != nil {
		return err
	}
	e := attack.Measure(a, w.Tap.Captures(attack.ClipperID), w.Sent(), t.warrant.Expires)
	var before, during, after, others int
	for _, r := range e.Recovered {
		c := r.Conversation
		switch {
		case c.Caller != t.alice && c.Callee != t.alice:
			others++
		case c.At.Before(t.warrant.Issued):
			before++
		case c.At.After(t.warrant.Expires):
			after++
		default:
			during++
		}
	}
	t.b.step(Step{
		Actor: "Investigator's decrypt processor", Action: "decrypts every captured call of Alice's with the unit key it kept",
		Values: []Value{
			text("before the warrant", fmt.Sprint(before)),
			text("while it was in force", fmt.Sprint(during)),
			text("after it expired", fmt.Sprint(after)),
			text("not involving Alice", fmt.Sprint(others)),
		},
		Outcome: Outcome{Exposed, fmt.Sprintf("read %d of Alice's calls, %d of them outside the warrant's thirty days, each checked against what was said", e.Opened-others, before+after)},
		Quiz: yesNoQuestion("The warrant has expired and the agents refuse it. Can the processor still read Alice's new call?",
			"yes: the rebuilt unit key never expires", "no: the key lapsed with the warrant", after > 0),
		Note:  "The expiry date is policy: the agents check it, and the processor is trusted to erase the key. Nothing in the mathematics stops whoever holds KU from reading the chip's past and future calls.",
		Cites: cites(refRisks1997),
	})
	return nil
}

// investigator is what the investigator holds after the warrant: the
// family key, in the decrypt processor, and Alice's rebuilt unit key.
func (t *tour) investigator() attack.Holdings {
	kf := t.clip.Family().Key()
	keys := attack.ClipperKeys{FamilyKey: &kf, UnitKeys: map[escrow.UnitID]escrow.UnitKey{t.warrant.UnitID: t.aliceKU}}
	return attack.Holdings{{Scheme: attack.ClipperID, Since: t.warrant.Issued, Item: keys}}
}

// firstKS is the session key of Alice's first call, as the phones agreed it.
func (t *tour) firstKS() escrow.SessionKey {
	ks, _ := t.clip.SessionKey(t.first.Session)
	return ks
}
