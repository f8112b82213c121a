package attack

import (
	"crypto/ed25519"
	"crypto/sha512"
	"errors"
	"fmt"

	"golang.org/x/crypto/curve25519"

	"github.com/escrowlab/escrowlab/e2e"
	"github.com/escrowlab/escrowlab/escrow"
)

// ErrSealed reports that the leaked material did not open a session.
var ErrSealed = errors.New("attack: session stays sealed")

// Leak is the key material that has reached an adversary. The zero Leak is
// an eavesdropper with nothing but the wiretap archive.
type Leak struct {
	FamilyKey  *escrow.FamilyKey                        // KF, if it leaked
	Databases  [2]map[escrow.UnitID]escrow.KeyComponent // each escrow agent's database, if it leaked
	UnitKeys   map[escrow.UnitID]escrow.UnitKey         // unit keys kept from earlier warrants
	Identities []ed25519.PrivateKey                     // E2E identity keys from seized devices
}

// Attacker tries to open captured sessions with one Leak and nothing else.
type Attacker struct {
	leak Leak
	proc *escrow.DecryptProcessor // the attacker's own decrypt processor, if it has KF
}

// NewAttacker prepares an attacker holding leak. checksumBits is the width
// of the LEAF checksum, part of the public LEAF format.
func NewAttacker(leak Leak, checksumBits int) (*Attacker, error) {
	a := &Attacker{leak: leak}
	if leak.FamilyKey == nil {
		return a, nil
	}
	family, err := escrow.NewFamily(*leak.FamilyKey, checksumBits)
	if err != nil {
		return nil, err
	}
	a.proc = escrow.NewDecryptProcessor(family)
	for id, ku := range leak.UnitKeys {
		a.proc.AddUnitKey(id, ku)
	}
	// Rebuild KU for every unit in either leaked database. Where only one
	// database leaked, the missing component counts as zero and the single
	// component is tried as if it were the key: it fails, and Measure
	// shows that it did.
	db1, db2 := leak.Databases[0], leak.Databases[1]
	for _, db := range leak.Databases {
		for id := range db {
			if _, kept := leak.UnitKeys[id]; !kept {
				a.proc.AddUnitKey(id, escrow.CombineComponents(db1[id], db2[id]))
			}
		}
	}
	return a, nil
}

// Open tries to recover every message of a captured session. It returns
// the messages in the order sent, or an error wrapping ErrSealed.
func (a *Attacker) Open(c Capture) ([]string, error) {
	switch {
	case c.Clipper != nil:
		return a.openClipper(c.Clipper)
	case c.E2E != nil:
		return a.openE2E(c.E2E)
	}
	return nil, fmt.Errorf("session %d: empty capture: %w", c.Session, ErrSealed)
}

// openClipper reads each LEAF's unit ID with KF and, for a unit whose key
// it holds, unwraps the session key and decrypts the whole call with it.
func (a *Attacker) openClipper(c *ClipperCapture) ([]string, error) {
	if a.proc == nil {
		return nil, fmt.Errorf("no family key to open the LEAFs: %w", ErrSealed)
	}
	for _, t := range c.Transmissions {
		leaf, err := a.proc.ReadLEAF(t.LEAF)
		if err != nil || !a.proc.HasUnitKey(leaf.UnitID) {
			continue
		}
		ks, err := a.proc.SessionKey(leaf.UnitID, t.LEAF)
		if err != nil {
			continue
		}
		if texts, err := decryptAll(c.Transmissions, ks); err == nil {
			return texts, nil
		}
	}
	return nil, fmt.Errorf("no unit key that opens this call: %w", ErrSealed)
}

func decryptAll(ts []*escrow.Transmission, ks escrow.SessionKey) ([]string, error) {
	texts := make([]string, 0, len(ts))
	for _, t := range ts {
		p, err := escrow.DecryptTraffic(ks, t.IV, t.Ciphertext)
		if err != nil {
			return nil, err
		}
		texts = append(texts, string(p))
	}
	return texts, nil
}

// openE2E tries every secret on every seized device as a Diffie-Hellman
// secret against both ephemeral public keys of the handshake. Forward
// secrecy means none of them is the right one: the ephemeral secrets were
// wiped when the handshake ended.
func (a *Attacker) openE2E(c *E2ECapture) ([]string, error) {
	ei, er, err := e2e.Ephemerals(c.Hello, c.Reply)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", err, ErrSealed)
	}
	for _, secret := range seizedSecrets(a.leak.Identities) {
		for _, eph := range [][32]byte{ei, er} {
			shared, err := curve25519.X25519(secret, eph[:])
			if err != nil {
				continue
			}
			keys, err := e2e.DeriveKeys(shared, c.Hello, c.Reply)
			if err != nil {
				continue
			}
			if texts, err := openAll(c.Sealed, keys); err == nil {
				return texts, nil
			}
		}
	}
	return nil, fmt.Errorf("no seized secret opens this session: %w", ErrSealed)
}

// seizedSecrets lists every 32-byte secret a seized identity key offers:
// its seed and the X25519 scalar derived from it the standard way.
func seizedSecrets(ids []ed25519.PrivateKey) [][]byte {
	var out [][]byte
	for _, id := range ids {
		seed := id.Seed()
		h := sha512.Sum512(seed)
		out = append(out, seed, h[:32])
	}
	return out
}

// openAll opens each sealed message with whichever direction's key fits.
func openAll(sealed [][]byte, keys e2e.Keys) ([]string, error) {
	texts := make([]string, 0, len(sealed))
	for _, s := range sealed {
		_, p, err := e2e.OpenMessage(keys.InitiatorToResponder, s)
		if err != nil {
			if _, p, err = e2e.OpenMessage(keys.ResponderToInitiator, s); err != nil {
				return nil, err
			}
		}
		texts = append(texts, string(p))
	}
	return texts, nil
}
