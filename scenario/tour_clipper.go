package scenario

import (
	"errors"
	"fmt"
	"time"

	"github.com/escrowlab/escrowlab/attack"
	"github.com/escrowlab/escrowlab/escrow"
)

func (t *tour) clipperCall() error {
	w := t.w
	t.b.act("A Clipper call", "Alice calls Bob on a phone with a Clipper chip inside. Here is what goes over the wire.")
	conv, err := w.Call(t.alice, t.bob, exchange([2]string{
		"Bob, the board votes on the merger on Thursday. Keep the figures to yourself.",
		"Understood. I'll bring the signed copies.",
	}))
	if err != nil {
		return err
	}
	cc, ks, ec, err := t.records(conv.Session)
	if err != nil {
		return err
	}
	t.first, t.firstClipper, t.firstE2E = conv, cc, ec
	t.b.keep("KS", ks[:])
	t.b.step(Step{
		Actor: "Alice's and Bob's phones", Action: "agree a session key KS by exchanging public values (Diffie-Hellman key exchange; X25519 in this model)",
		Values: []Value{
			bytesv("Alice's phone sends", cc.Exchange[0][:]),
			bytesv("Bob's phone sends", cc.Exchange[1][:]),
			bytesv("session key KS (80 bits)", ks[:]),
		},
		Outcome: Outcome{Done, "both phones hold the same KS; it never crossed the wire"},
		Note:    "On its own, this exchange would keep the call private even from a wiretap: the public values do not reveal KS.",
	})

	tr := cc.Transmissions[0]
	leaf, err := t.clip.Family().OpenLEAF(tr.LEAF)
	if err != nil {
		return err
	}
	t.b.step(Step{
		Actor: "Alice's chip", Action: "attaches a Law Enforcement Access Field (LEAF) to the call",
		Values: []Value{
			bytesv(fmt.Sprintf("LEAF on the wire (%d bits)", 8*len(tr.LEAF)), tr.LEAF),
			text("opened with KF, it holds:", ""),
			sub(text("unit ID (32 bits)", leaf.UnitID.String()+", Alice's chip")),
			sub(bytesv("KS under KU (80 bits)", leaf.WrappedKey[:])),
			sub(text(fmt.Sprintf("checksum (%d bits)", t.clip.Family().ChecksumBits()), fmt.Sprintf("%04x, computed from KS and the IV (the random block that starts the encryption, 2.3)", leaf.Checksum))),
		},
		Figure: leafEnvelope(leaf, ks, t.clip.Family().ChecksumBits()),
		Note:   "The LEAF puts the session key back on the wire, locked under Alice's unit key, and seals the whole field under the family key. Whoever holds both keys can undo the key exchange above.",
		Cites:  cites(refBlaze, refNISTFactSheet),
	})
	t.b.step(Step{
		Actor: "Alice's chip", Action: "encrypts her words under KS with Skipjack (CBC mode)",
		Values: []Value{
			text("Alice says", conv.Messages[0].Text),
			bytesv("IV (initialization vector), sent in the clear", tr.IV[:]),
			bytesv("ciphertext", tr.Ciphertext),
		},
		Note:  "The IV is a fresh random starting block, so the same words never encrypt the same way twice; CBC mode chains each 8-byte block to the one before. Skipjack has an 80-bit key, a 64-bit block and 32 rounds. It was classified when Clipper was launched and published only in 1998.",
		Cites: cites(refSkipjackSpec),
	})

	bobChip := t.clip.Chip(t.bob)
	heard, err := bobChip.Decrypt(ks, tr)
	if err != nil {
		return err
	}
	if string(heard) != conv.Messages[0].Text {
		return fmt.Errorf("decrypting the call, Bob's chip got %q, not what Alice said", heard)
	}
	t.b.step(Step{
		Actor: "Bob's chip", Action: "checks the LEAF's checksum against KS and the IV, then decrypts",
		Values:  []Value{text("Bob hears", string(heard))},
		Outcome: Outcome{Done, "LEAF accepted; the words match what Alice said"},
		Note:    "A chip refuses traffic whose LEAF fails this check, so a caller cannot simply strip the LEAF off. In 1994 Matt Blaze showed that a 16-bit check can be beaten by trial and error.",
		Cites:   cites(refBlaze),
	})

	forged := *tr
	forged.LEAF = append(escrow.LEAF(nil), tr.LEAF...)
	forged.LEAF[0] ^= 0x80
	out := Outcome{Refused, "LEAF rejected: the chip will not decrypt"}
	if _, err := bobChip.Decrypt(ks, &forged); err == nil {
		out = Outcome{Done, "accepted: a one-in-65,536 chance that this seed happened to hit"}
	} else if !errors.Is(err, escrow.ErrLEAFRejected) {
		return err
	}
	flipped := yesNoQuestion("Someone flips one bit of the LEAF and leaves the call itself alone. Does Bob's chip still decrypt the call?",
		"yes: the words were not touched", "no: it refuses the call", out.Kind == Done)
	t.b.step(Step{
		Actor: "Bob's chip", Action: "is handed the same call with one bit of the LEAF flipped",
		Outcome: out,
		Quiz:    flipped,
		Note:    "Changing any bit of the sealed LEAF scrambles the checksum inside it.",
	})

	if _, err := chatter(w, t.rng, 6, 3*24*time.Hour, nil); err != nil {
		return err
	}
	t.b.step(Step{
		Actor: "Wiretap", Action: "records this call (key-exchange values, then each message's LEAF, IV and ciphertext) and every call after it",
		Values:  append([]Value{text("calls so far", "(names are ground truth: the wiretap sees only bytes)")}, callValues(w.Sent())...),
		Outcome: Outcome{Done, fmt.Sprintf("the archive holds %d calls among %d people", len(w.Tap.Captures(attack.ClipperID)), len(w.People))},
		Note:    "Recording is cheap and archives last: what their owner can read later depends only on which keys reach it.",
	})
	return nil
}

// records returns what the wiretap recorded of session under Clipper and
// under e2e-fs, and the session key the phones agreed under Clipper.
func (t *tour) records(session int) (*attack.ChipRecord, escrow.SessionKey, *attack.HandshakeRecord, error) {
	c, ok1 := t.w.Tap.Capture(session, attack.ClipperID)
	e, ok2 := t.w.Tap.Capture(session, attack.E2EForwardSecretID)
	ks, ok3 := t.clip.SessionKey(session)
	cr, ok4 := c.Record.(*attack.ChipRecord)
	er, ok5 := e.Record.(*attack.HandshakeRecord)
	if !ok1 || !ok2 || !ok3 || !ok4 || !ok5 {
		return nil, ks, nil, fmt.Errorf("session %d was not recorded under %s and %s", session, attack.ClipperID, attack.E2EForwardSecretID)
	}
	return cr, ks, er, nil
}

// leafEnvelope pictures a LEAF as an envelope inside an envelope: the
// family key is the outer lock, the unit ID the return address, the unit
// key the inner lock around the session key.
func leafEnvelope(leaf escrow.LEAFContents, ks escrow.SessionKey, checksumBits int) *Chart {
	kks := hexGroups(ks[:])
	return &Chart{
		Kind: EnvelopeChart, Title: "The LEAF is an envelope inside an envelope",
		Alt: fmt.Sprintf("The outer envelope is sealed under the family key KF, the same in every chip. It holds the unit ID %s, a return address naming Alice's chip; an inner envelope, locked under Alice's unit key KU, holding the session key KS (%s); and a %d-bit checksum. Opening the outer envelope reveals who called; opening the inner one reveals the call.", leaf.UnitID, kks, checksumBits),
		Envelope: &Envelope{
			Lock: "sealed under the family key KF: the outer lock, the same in every chip",
			Items: []EnvelopeItem{
				{Label: "unit ID", Text: leaf.UnitID.String() + ": the return address, naming Alice's chip"},
				{Inner: &Envelope{
					Lock:  "locked under Alice's unit key KU: the inner lock, one per chip",
					Items: []EnvelopeItem{{Label: "session key KS", Text: kks}},
				}},
				{Label: "checksum", Text: fmt.Sprintf("%04x: ties the LEAF to KS and the IV", leaf.Checksum)},
			},
		},
	}
}
