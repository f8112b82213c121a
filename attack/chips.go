package attack

import (
	"bytes"
	"fmt"
	"io"

	"github.com/escrowlab/escrowlab/escrow"
	"github.com/escrowlab/escrowlab/internal/wire"
)

// Helpers for schemes built on escrowed chips (clipper, threshold): the
// call between two chips and the decrypt processor's reading of it.

// ChipRecord is a call between escrowed chips as it crosses the wire: the
// two key-exchange values, then one transmission (LEAF, IV, ciphertext)
// per message.
type ChipRecord struct {
	Exchange      [2][32]byte
	Transmissions []*escrow.Transmission
}

// chipCall holds c on the chips that chip picks: the phones agree a
// session key KS by key exchange, and for each message the sender's chip
// encrypts and attaches a LEAF while the receiver's chip checks the LEAF,
// decrypts, and must get exactly what was said.
func chipCall(rand io.Reader, c *Conversation, chip func(*Person) *escrow.Device) (*ChipRecord, escrow.SessionKey, error) {
	a, err := escrow.NewKeyExchange(rand)
	if err != nil {
		return nil, escrow.SessionKey{}, err
	}
	b, err := escrow.NewKeyExchange(rand)
	if err != nil {
		return nil, escrow.SessionKey{}, err
	}
	rec := &ChipRecord{Exchange: [2][32]byte{a.Public(), b.Public()}}
	ks, err := a.SessionKey(b.Public())
	if err != nil {
		return nil, ks, err
	}
	if kb, err := b.SessionKey(a.Public()); err != nil || kb != ks {
		return nil, ks, fmt.Errorf("the phones derived different session keys (%v)", err)
	}
	for _, m := range c.Messages {
		t, err := chip(c.Sender(m)).Encrypt(rand, ks, []byte(m.Text))
		if err != nil {
			return nil, ks, err
		}
		to := c.Receiver(m)
		got, err := chip(to).Decrypt(ks, t)
		if err != nil {
			return nil, ks, fmt.Errorf("%s's phone: %w", to.Name, err)
		}
		if string(got) != m.Text {
			return nil, ks, fmt.Errorf("%s's phone decrypted %q, but %q was sent", to.Name, got, m.Text)
		}
		rec.Transmissions = append(rec.Transmissions, t)
	}
	return rec, ks, nil
}

// chipOpener reads calls between escrowed chips (clipper, threshold) with
// what one adversary holds: a decrypt processor if it holds the family
// key, and any session keys.
type chipOpener struct {
	proc     *escrow.DecryptProcessor // nil without the family key
	sessions map[int]escrow.SessionKey
	owner    func(escrow.UnitID) *Person
}

// Open reads one chip call, opening its LEAFs one by one.
func (o *chipOpener) Open(c Capture) Opening {
	rec, ok := c.Record.(*ChipRecord)
	if !ok {
		return Opening{}
	}
	var leaves []escrow.LEAFContents
	var opened []bool
	if o.proc != nil {
		for _, t := range rec.Transmissions {
			leaf, err := o.proc.ReadLEAF(t.LEAF)
			leaves, opened = append(leaves, leaf), append(opened, err == nil)
		}
	}
	return o.open(c.Session, rec, leaves, opened)
}

// OpenBatch reads many chip calls, opening all their LEAFs at once.
func (o *chipOpener) OpenBatch(cs []Capture) []Opening {
	out := make([]Opening, len(cs))
	if o.proc == nil {
		for i, c := range cs {
			out[i] = o.Open(c)
		}
		return out
	}
	recs := make([]*ChipRecord, len(cs))
	var all []escrow.LEAF
	for i, c := range cs {
		if recs[i], _ = c.Record.(*ChipRecord); recs[i] != nil {
			for _, t := range recs[i].Transmissions {
				all = append(all, t.LEAF)
			}
		}
	}
	leaves, opened := o.proc.ReadLEAFs(all)
	k := 0
	for i, rec := range recs {
		if rec != nil {
			n := len(rec.Transmissions)
			out[i] = o.open(cs[i].Session, rec, leaves[k:k+n], opened[k:k+n])
			k += n
		}
	}
	return out
}

// open reads a chip call as a decrypt processor does, given its LEAFs
// opened with the family key (leaves[i] where opened[i]; none without
// it): with the session key if the adversary holds it; otherwise, for
// each LEAF whose unit key the processor holds, the session key unwrapped
// from that LEAF. Whose chips sent the LEAFs comes out of every LEAF
// opened.
func (o *chipOpener) open(session int, rec *ChipRecord, leaves []escrow.LEAFContents, opened []bool) Opening {
	var op Opening
	if ks, ok := o.sessions[session]; ok {
		op.Texts = decryptChipCall(rec, ks)
	}
	for i, leaf := range leaves {
		if !opened[i] {
			continue
		}
		if p := o.owner(leaf.UnitID); p != nil {
			op.Who = append(op.Who, p)
		}
		if op.Texts != nil || !o.proc.HasUnitKey(leaf.UnitID) {
			continue
		}
		if k, err := o.proc.Unwrap(leaf.UnitID, leaf); err == nil {
			op.Texts = decryptChipCall(rec, k)
		}
	}
	return op
}

// decryptChipCall decrypts every transmission under ks, or returns nil if
// any fails.
func decryptChipCall(rec *ChipRecord, ks escrow.SessionKey) []string {
	plain, err := escrow.DecryptCall(ks, rec.Transmissions)
	if err != nil {
		return nil
	}
	texts := make([]string, len(plain))
	for i, p := range plain {
		texts[i] = string(p)
	}
	return texts
}

// Limits on a chip record read from an archive: no call has more
// messages, and no message is longer.
const (
	maxMessages = 1 << 10
	maxMessage  = 1 << 16
)

// ivSize is the length of a transmission's IV.
const ivSize = len(escrow.IV{})

// appendChipRecord writes a chip call: the two exchange values, then for
// each transmission its LEAF, IV and ciphertext, each sized by a prefix.
func appendChipRecord(dst []byte, rec *ChipRecord) []byte {
	dst = append(append(dst, rec.Exchange[0][:]...), rec.Exchange[1][:]...)
	dst = wire.AppendUint(dst, uint64(len(rec.Transmissions)))
	for _, t := range rec.Transmissions {
		dst = wire.AppendBytes(dst, t.LEAF)
		dst = append(dst, t.IV[:]...)
		dst = wire.AppendBytes(dst, t.Ciphertext)
	}
	return dst
}

// checkChipRecord refuses a chip call that parseChipRecord could not read
// back: more transmissions than a record holds, a LEAF of another size
// than leafSize, or a longer ciphertext than a record holds.
func checkChipRecord(rec *ChipRecord, leafSize int) error {
	if len(rec.Transmissions) > maxMessages {
		return fmt.Errorf("%d transmissions, more than the %d a record holds", len(rec.Transmissions), maxMessages)
	}
	for _, t := range rec.Transmissions {
		if len(t.LEAF) != leafSize || len(t.Ciphertext) > maxMessage {
			return fmt.Errorf("a LEAF of %d bytes and a ciphertext of %d: want a %d-byte LEAF and at most %d bytes", len(t.LEAF), len(t.Ciphertext), leafSize, maxMessage)
		}
	}
	return nil
}

// parseChipRecord reads what appendChipRecord wrote, with LEAFs of
// exactly leafSize bytes. The record's LEAFs and ciphertexts share one
// copy of b, and its transmissions one array: a few allocations a record
// rather than three per message.
func parseChipRecord(b []byte, leafSize int) (*ChipRecord, error) {
	r := wire.NewReader(bytes.Clone(b))
	rec := &ChipRecord{}
	copy(rec.Exchange[0][:], r.Fixed(32))
	copy(rec.Exchange[1][:], r.Fixed(32))
	n := r.Count(maxMessages, 1+leafSize+ivSize+1)
	ts := make([]escrow.Transmission, n)
	if n > 0 {
		rec.Transmissions = make([]*escrow.Transmission, 0, n)
	}
	for i := range ts {
		t := &ts[i]
		t.LEAF = escrow.LEAF(r.Bytes(leafSize))
		copy(t.IV[:], r.Fixed(ivSize))
		t.Ciphertext = r.Bytes(maxMessage)
		if len(t.LEAF) != leafSize {
			return nil, fmt.Errorf("a LEAF of %d bytes, want %d: %w", len(t.LEAF), leafSize, wire.ErrMalformed)
		}
		rec.Transmissions = append(rec.Transmissions, t)
	}
	if err := r.Done(); err != nil {
		return nil, err
	}
	return rec, nil
}
