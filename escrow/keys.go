package escrow

import (
	"encoding/hex"
	"fmt"
	"io"

	"github.com/escrowlab/escrowlab/escrow/skipjack"
)

// KeySize is the size in bytes of every EES key: 80 bits, Skipjack's key size.
const KeySize = skipjack.KeySize

// UnitID is a chip's 32-bit serial number, carried in clear inside every
// LEAF (clear, that is, to anyone holding the family key).
type UnitID uint32

// String formats the unit ID as 8 hex digits, the way it is printed on
// screen and in logs.
func (id UnitID) String() string { return fmt.Sprintf("%08X", uint32(id)) }

// FamilyKey is KF, the 80-bit key shared by every chip of a family. It seals
// the LEAF. Law enforcement's decrypt processor holds it too.
type FamilyKey [KeySize]byte

// UnitKey is KU, the 80-bit key unique to one chip. It wraps every session
// key the chip sends, so whoever holds it can read all of that chip's traffic.
type UnitKey [KeySize]byte

// KeyComponent is one of the two 80-bit shares of a unit key held by the
// escrow agents: KU = KU1 xor KU2. One component alone is a uniformly random
// string that says nothing about KU.
type KeyComponent [KeySize]byte

// SessionKey is KS, the 80-bit key that encrypts one call.
type SessionKey [KeySize]byte

// IV is the 64-bit initialisation vector sent beside the LEAF.
type IV [skipjack.BlockSize]byte

// CombineComponents rebuilds a unit key from its two escrowed components.
func CombineComponents(ku1, ku2 KeyComponent) UnitKey {
	var ku UnitKey
	for i := range ku {
		ku[i] = ku1[i] ^ ku2[i]
	}
	return ku
}

// NewFamilyKey reads a fresh family key from rand.
func NewFamilyKey(rand io.Reader) (FamilyKey, error) {
	var kf FamilyKey
	if _, err := io.ReadFull(rand, kf[:]); err != nil {
		return kf, fmt.Errorf("escrow: generating family key: %w", err)
	}
	return kf, nil
}

// String returns the key in hex.
func (k FamilyKey) String() string { return hex.EncodeToString(k[:]) }

// String returns the key in hex.
func (k UnitKey) String() string { return hex.EncodeToString(k[:]) }

// String returns the component in hex.
func (k KeyComponent) String() string { return hex.EncodeToString(k[:]) }

// String returns the key in hex.
func (k SessionKey) String() string { return hex.EncodeToString(k[:]) }

// String returns the IV in hex.
func (iv IV) String() string { return hex.EncodeToString(iv[:]) }
