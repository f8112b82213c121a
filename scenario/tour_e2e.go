package scenario

import (
	"fmt"

	"github.com/escrowlab/escrowlab/attack"
)

func (t *tour) endToEnd() error {
	w := t.w
	t.b.act("The same calls, end to end", "Every call so far was also made in an end-to-end encrypted app with forward secrecy: each call gets fresh keys that the two phones erase when it ends, so no key kept anywhere can open it later. The wiretap recorded these calls too.")
	hello, reply := t.firstE2E.Hello, t.firstE2E.Reply
	t.b.step(Step{
		Actor: "Alice's and Bob's apps", Action: "each send a fresh one-time (ephemeral) public key, signed with the sender's long-term identity key, which only ever signs; both derive the call's keys and erase the one-time secrets",
		Values: []Value{
			bytesv("Alice's hello", hello),
			sub(bytesv("ephemeral public key", hello[:32])),
			sub(bytesv("signature", hello[32:])),
			bytesv("Bob's reply", reply),
		},
		Note: "Once the one-time secrets are erased, no one anywhere can recompute the call's keys. In this model the keys are X25519, the signatures Ed25519, and HKDF-SHA256 derives one key per direction.",
	})
	t.b.step(Step{
		Actor: "Alice's app", Action: "encrypts her words and adds an authentication tag, a short code only the holders of the call's keys can compute (ChaCha20-Poly1305)",
		Values: []Value{
			text("Alice says", t.first.Messages[0].Text),
			bytesv("sealed message", t.firstE2E.Sealed[0]),
		},
		Outcome: Outcome{Done, "Bob's app opened it and got exactly Alice's words"},
		Note:    "Any flipped bit makes the tag check fail, so tampering is detected, not decrypted into garbage.",
	})

	e, err := t.measure(t.investigator(), attack.E2EForwardSecretID, nil)
	if err != nil {
		return err
	}
	t.b.step(Step{
		Actor: "FBI's decrypt processor", Action: "runs over the end-to-end archive with the family key and Alice's unit key",
		Outcome: sealedOrExposed(e, "end-to-end calls recorded so far opened: there is no LEAF, and nothing was escrowed"),
		Note:    "Nothing in the archive answers to any escrowed key.",
	})

	seized, err := w.Leak(attack.DeviceSeizure, attack.Target{Person: t.alice})
	if err != nil {
		return err
	}
	e, err = t.measure(seized, attack.E2EForwardSecretID, t.alice)
	if err != nil {
		return err
	}
	t.b.step(Step{
		Actor: "Police", Action: "seize Alice's phone and take her identity key, then try it against every recorded end-to-end call of hers",
		Outcome: sealedOrExposed(e, "of Alice's past calls opened"),
		Quiz:    countQuestion("How many of Alice's recorded end-to-end calls does her seized identity key open?", e.Opened, e.Total),
		Note:    "Forward secrecy at work: the keys that encrypted those calls were erased when each call ended. The seized identity key only ever signed.",
	})
	return nil
}

// measure runs an attacker holding leak over the archive of one scheme,
// only over the calls of person p if p is not nil.
func (t *tour) measure(held attack.Holdings, scheme attack.SchemeID, p *attack.Person) (attack.Exposure, error) {
	a, err := attack.NewAttacker(t.w, held)
	if err != nil {
		return attack.Exposure{}, err
	}
	caps := t.w.Tap.Captures(scheme)
	if p != nil {
		involved := make(map[int]bool)
		for _, c := range t.w.Sent() {
			involved[c.Session] = c.Involves(p)
		}
		var mine []attack.Capture
		for _, c := range caps {
			if involved[c.Session] {
				mine = append(mine, c)
			}
		}
		caps = mine
	}
	return attack.Measure(a, caps, t.w.Sent(), t.leakAt), nil
}

// sealedOrExposed states a measured count as an outcome: Sealed when
// nothing opened, Exposed otherwise.
func sealedOrExposed(e attack.Exposure, what string) Outcome {
	kind := Sealed
	if e.Opened > 0 {
		kind = Exposed
	}
	return Outcome{kind, fmt.Sprintf("%d/%d %s", e.Opened, e.Total, what)}
}
