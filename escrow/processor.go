package escrow

import "fmt"

// DecryptProcessor is law enforcement's decrypt processor. It holds the
// family key, so it can read the unit ID out of any LEAF, and it holds the
// unit keys it has rebuilt from escrowed components. Nothing in it checks
// the dates of an interception authority: once a unit key is in, it opens
// that chip's traffic from any time, past or future.
type DecryptProcessor struct {
	family *Family
	keys   map[UnitID]*wideBlock
}

// NewDecryptProcessor returns a processor holding family f's key and no unit
// keys.
func NewDecryptProcessor(f *Family) *DecryptProcessor {
	return &DecryptProcessor{family: f, keys: make(map[UnitID]*wideBlock)}
}

// ReadLEAF opens a captured LEAF with the family key.
func (p *DecryptProcessor) ReadLEAF(leaf LEAF) (LEAFContents, error) {
	return p.family.OpenLEAF(leaf)
}

// ReadLEAFs opens many captured LEAFs with the family key at once, as
// Family.OpenLEAFs does: faster than ReadLEAF on each. ok[i] is false for
// a LEAF that ReadLEAF would refuse.
func (p *DecryptProcessor) ReadLEAFs(leaves []LEAF) (out []LEAFContents, ok []bool) {
	return p.family.OpenLEAFs(leaves)
}

// AddUnitKey loads the unit key of chip id, replacing any earlier one.
func (p *DecryptProcessor) AddUnitKey(id UnitID, ku UnitKey) {
	w, err := newWideBlock(ku, wrappedKeySize)
	if err != nil {
		panic(err) // unreachable: wrappedKeySize is a valid width
	}
	p.keys[id] = w
}

// HasUnitKey reports whether the processor holds the unit key of chip id.
func (p *DecryptProcessor) HasUnitKey(id UnitID) bool { return p.keys[id] != nil }

// SessionKey unwraps the session key from a LEAF with the unit key loaded
// for chip id, whatever unit ID the LEAF itself names.
func (p *DecryptProcessor) SessionKey(id UnitID, leaf LEAF) (SessionKey, error) {
	if p.keys[id] == nil {
		return SessionKey{}, fmt.Errorf("escrow: unit %s: %w", id, ErrNoUnitKey)
	}
	c, err := p.family.OpenLEAF(leaf)
	if err != nil {
		return SessionKey{}, err
	}
	return p.Unwrap(id, c)
}

// Unwrap unwraps the session key from a LEAF already opened by ReadLEAF,
// with the unit key loaded for chip id, as SessionKey does without
// opening the LEAF a second time.
func (p *DecryptProcessor) Unwrap(id UnitID, c LEAFContents) (SessionKey, error) {
	var ks SessionKey
	w := p.keys[id]
	if w == nil {
		return ks, fmt.Errorf("escrow: unit %s: %w", id, ErrNoUnitKey)
	}
	var t [8]byte
	w.decrypt(ks[:], c.WrappedKey[:], &t)
	return ks, nil
}

// Decrypt reads a captured transmission the way the processor was built to:
// it opens the LEAF, takes the unit ID, unwraps the session key with that
// chip's unit key, and decrypts the traffic.
func (p *DecryptProcessor) Decrypt(t *Transmission) ([]byte, error) {
	if t == nil {
		return nil, fmt.Errorf("escrow: no transmission: %w", ErrMalformed)
	}
	c, err := p.ReadLEAF(t.LEAF)
	if err != nil {
		return nil, err
	}
	ks, err := p.SessionKey(c.UnitID, t.LEAF)
	if err != nil {
		return nil, err
	}
	return DecryptTraffic(ks, t.IV, t.Ciphertext)
}
