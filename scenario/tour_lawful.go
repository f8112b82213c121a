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
	w.Advance(24 * time.Hour)
	t.order = attack.NewWarrant(t.alice, "FBI", "U.S. District Court (illustrative)", "94-MJ-0417", w.Now(), 30)
	t.b.step(Step{
		Actor: "Court", Action: "authorises the interception of Alice's line",
		Values: []Value{
			text("court, docket", t.order.Court+", "+t.order.Docket),
			text("in force", fmt.Sprintf("%s to %s: 30 days", t.order.Begins.Format(dateFormat), t.order.LastDay().Format(dateFormat))),
		},
		Note: "The order names a person and a period. It says nothing about keys.",
	})

	tapped, err := w.Call(t.alice, t.bob, exchange([2]string{"Can you talk tonight?", "After nine."}))
	if err != nil {
		return err
	}
	rec, _, _, err := t.records(tapped.Session)
	if err != nil {
		return err
	}
	proc := escrow.NewDecryptProcessor(clip.Family())
	leaf, err := proc.ReadLEAF(rec.Transmissions[0].LEAF)
	if err != nil {
		return err
	}
	if owner := clip.Owner(leaf.UnitID); owner != t.alice {
		return fmt.Errorf("the LEAF of Alice's call names unit %s, not her chip", leaf.UnitID)
	}
	t.b.step(Step{
		Actor: "FBI's decrypt processor", Action: fmt.Sprintf("(the government's machine for reading LEAFs) opens, with the family key, the LEAF of call %d, intercepted on Alice's line on %s under the order", tapped.Session, tapped.At.Format(dateFormat)),
		Values:  []Value{text("unit ID in the LEAF", leaf.UnitID.String())},
		Outcome: Outcome{Done, fmt.Sprintf("the call came from chip %s: Alice's", leaf.UnitID)},
		Note:    "The family key names the chip behind every call without any key being released. The rules allowed LEAFs to be decoded only on traffic intercepted under an order; whoever steals the family key needs no order at all.",
		Cites:   cites(refDOJProcedures),
	})

	t.cert = escrow.Certification{Agency: t.order.Agency, UnitID: leaf.UnitID, Docket: t.order.Docket, Begins: t.order.Begins, Ends: t.order.Ends}
	var halves [2]escrow.KeyComponent
	released := []Value{text("certified", fmt.Sprintf("unit %s, docket %s, to %s", t.cert.UnitID, t.cert.Docket, t.cert.LastDay().Format(dateFormat)))}
	for i, agent := range clip.Agents() {
		c, err := agent.Release(t.cert, w.Now())
		if err != nil {
			return err
		}
		halves[i] = c
		released = append(released, t.b.against(fmt.Sprintf("KU%d", i+1), bytesv(fmt.Sprintf("KU%d from %s (log entry %d)", i+1, agentShort(agent), len(agent.Log())), c[:])))
	}
	t.b.step(Step{
		Actor: "FBI, to both escrow agents", Action: "certifies that it holds the order; each agent checks the certification, releases its half of Alice's unit key and logs the release",
		Values:  released,
		Outcome: Outcome{Done, "released: the certification names this chip and the authority is in force"},
		Note:    "Under the Justice Department's procedures of 4 February 1994 the agents acted on the agency's certification, not on the court order.",
		Cites:   cites(refDOJProcedures),
	})

	tr := t.firstClipper.Transmissions[0]
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
		Actor: "FBI's decrypt processor", Action: fmt.Sprintf("rebuilds KU = KU1 xor KU2 and reads Alice's call to Bob of %s, recorded before the order", t.first.At.Format(dateFormat)),
		Values:  append([]Value{t.b.against("KU", bytesv("KU", t.aliceKU[:])), t.b.against("KS", bytesv("KS unwrapped", ks[:]))}, read...),
		Outcome: Outcome{Done, "the unwrapped KS is the one the phones agreed; both sides of the call read back exactly"},
		Note:    "The unit key knows nothing of the order's dates, so a call made before it opens too. The session key belongs to the call, not to Alice, so Bob's words open as well.",
	})
	return t.afterExpiry()
}

// oneHalfAlone shows that one escrow agent's component opens nothing.
func (t *tour) oneHalfAlone(ku1 escrow.KeyComponent, tr *escrow.Transmission) Step {
	p := escrow.NewDecryptProcessor(t.clip.Family())
	id := t.clip.Chip(t.alice).UnitID()
	p.AddUnitKey(id, escrow.UnitKey(ku1))
	s := Step{
		Actor: "FBI's decrypt processor", Action: "tries KU1 alone, as if one agency (or one stolen database) were enough",
	}
	ks, err := p.SessionKey(id, tr.LEAF)
	got, derr := p.Decrypt(tr)
	switch {
	case err != nil:
		s.Outcome = Outcome{Sealed, "no session key: " + err.Error()}
	case ks == t.firstKS() || (derr == nil && string(got) == t.first.Messages[0].Text):
		s.Outcome = Outcome{Exposed, "KU1 alone opened the call: the model is broken"}
	default:
		s.Values = []Value{t.b.against("KS", bytesv("KS unwrapped with KU1 alone", ks[:]))}
		s.Outcome = Outcome{Sealed, "wrong session key; decryption fails"}
	}
	s.Quiz = yesNoQuestion("The processor is given only the half of Alice's unit key that one agent holds. Does it read her call?",
		"yes: half the key opens the call", "no: one half alone reveals nothing", s.Outcome.Kind == Exposed)
	return s
}

// afterExpiry lets the order lapse and shows the kept unit key reading
// Alice's later calls all the same.
func (t *tour) afterExpiry() error {
	w := t.w
	during, err := chatter(w, t.rng, 2, 5*24*time.Hour, t.alice)
	if err != nil {
		return err
	}
	t.b.step(Step{
		Actor: "Alice", Action: fmt.Sprintf("makes %d more calls while the order is in force", len(during)),
		Values: unnested(callValues(during)),
	})
	w.Advance(t.order.Ends.Sub(w.Now()) + 60*24*time.Hour)
	later, err := w.Call(t.alice, t.carol, exchange([2]string{
		"Carol, I moved the money before the vote. Nobody knows.",
		"Good. Don't mention it on the phone again.",
	}))
	if err != nil {
		return err
	}
	t.b.step(Step{
		Actor: "Alice", Action: fmt.Sprintf("calls Carol on %s (call %d), two months after the order's last day", later.At.Format(dateFormat), later.Session),
		Values: []Value{text("Alice says", later.Messages[0].Text)},
	})
	_, err = t.clip.Agents()[0].Release(t.cert, w.Now())
	if !errors.Is(err, escrow.ErrAuthorityEnded) {
		return fmt.Errorf("agent answered a certification whose authority had ended with %v", err)
	}
	t.b.step(Step{
		Actor: attack.FirstAgentName, Action: "is asked for Alice's half again under the same certification",
		Outcome: Outcome{Refused, fmt.Sprintf("refused and logged: the authority ended after %s", t.cert.LastDay().Format(dateFormat))},
	})

	a, err := attack.NewAttacker(w, t.investigator())
	if err != nil {
		return err
	}
	e := attack.Measure(a, w.Tap.Captures(attack.ClipperID), w.Sent(), t.order.Ends)
	var spans [3][]attack.Conversation // before the order, in force, after it
	for _, r := range e.Recovered {
		c := r.Conversation
		switch {
		case !c.Involves(t.alice):
			return fmt.Errorf("the unit key of Alice's chip opened call %d, between %s and %s", c.Session, c.Caller.Name, c.Callee.Name)
		case c.At.Before(t.order.Begins):
			spans[0] = append(spans[0], c)
		case t.order.Covers(c.At):
			spans[1] = append(spans[1], c)
		default:
			spans[2] = append(spans[2], c)
		}
	}
	outside := len(spans[0]) + len(spans[2])
	t.b.step(Step{
		Actor: "FBI's decrypt processor", Action: "decrypts every recorded call of Alice's with the unit key it kept",
		Values: []Value{
			text("before the order", fmt.Sprintf("%d: %s", len(spans[0]), callNumbers(spans[0]))),
			text("while it was in force", fmt.Sprintf("%d: %s", len(spans[1]), callNumbers(spans[1]))),
			text("after its last day", fmt.Sprintf("%d: %s", len(spans[2]), callNumbers(spans[2]))),
		},
		Outcome: Outcome{Exposed, fmt.Sprintf("read %d of Alice's calls, %d outside the order's 30 days, each checked against what was said", e.Opened, outside)},
		Quiz: yesNoQuestion("The order has ended and the agents refuse the certification. Can the processor still read Alice's new call?",
			"yes: the rebuilt unit key never expires", "no: the key lapsed with the order", len(spans[2]) > 0),
		Note:  "The end date is policy: the agents check it, and the processor is trusted to erase the key. Nothing in the mathematics stops whoever holds KU from reading the chip's past and future calls, and the 1993 draft of the procedures said they gave those intercepted no rights, nor any ground to suppress evidence.",
		Cites: cites(refRisks1997, refDOJDraft1993),
	})
	return nil
}

// investigator is what the investigator holds after the order: the
// family key, in the decrypt processor, and Alice's rebuilt unit key.
func (t *tour) investigator() attack.Holdings {
	kf := t.clip.Family().Key()
	keys := attack.ClipperKeys{FamilyKey: &kf, UnitKeys: map[escrow.UnitID]escrow.UnitKey{t.cert.UnitID: t.aliceKU}}
	return attack.Holdings{{Scheme: attack.ClipperID, Since: t.order.Begins, Item: keys}}
}

// firstKS is the session key of Alice's first call, as the phones agreed it.
func (t *tour) firstKS() escrow.SessionKey {
	ks, _ := t.clip.SessionKey(t.first.Session)
	return ks
}
