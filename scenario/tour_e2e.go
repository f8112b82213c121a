package scenario

import (
	"fmt"

	"github.com/escrowlab/escrowlab/attack"
)

func (t *tour) endToEnd() error {
	w := t.w
	t.b.act("The same calls, end to end", "Every conversation so far was also held in an end-to-end encrypted app with forward secrecy, and the wiretap recorded those sessions too.")
	hello, reply := t.firstE2E.Hello, t.firstE2E.Reply
	t.b.step(Step{
		Actor: "Alice's and Bob's apps", Action: "each send a fresh one-time (ephemeral) X25519 key, signed with a long-term identity key (Ed25519) that only ever signs; both derive the session keys and wipe the ephemeral secrets",
		Values: []Value{
			bytesv("Alice's hello", hello),
			sub(bytesv("ephemeral public key", hello[:32])),
			sub(bytesv("signature", hello[32:])),
			bytesv("Bob's reply", reply),
		},
		Note: "Both sides derive one key per direction with HKDF-SHA256. Once the ephemeral secrets are erased, no one anywhere can recompute these keys.",
	})
	t.b.step(Step{
		Actor: "Alice's app", Action: "seals her words with ChaCha20-Poly1305",
		Values: []Value{
			text("Alice says", t.first.Messages[0].Text),
			bytesv("sealed message", t.firstE2E.Sealed[0]),
		},
		Outcome: Outcome{Done, "Bob's app opened it and got exactly Alice's words"},
		Note:    "Any flipped bit makes the message fail its authentication tag, so tampering is detected, not decrypted into garbage.",
	})

	e, err := t.measure(t.investigator(), attack.E2EForwardSecretID, nil)
	if err != nil {
		return err
	}
	t.b.step(Step{
		Actor: "FBI's decrypt processor", Action: "runs over the end-to-end archive with the family key and Alice's unit key",
		Outcome: sealedOrExposed(e, "sessions opened: there is no LEAF, and nothing was escrowed"),
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
		Actor: "Police", Action: "seize Alice's phone and take her identity key, then try it against every recorded session of hers",
		Outcome: sealedOrExposed(e, "of Alice's past sessions opened"),
		Quiz:    countQuestion("How many of Alice's recorded end-to-end sessions does her seized identity key open?", e.Opened, e.Total),
		Note:    "Forward secrecy: the keys that encrypted those sessions were erased when each handshake ended. The seized identity key only ever signed.",
	})
	return nil
}

// measure runs an attacker holding leak over the archive of one scheme,
// only over the sessions of person p if p is not nil.
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
