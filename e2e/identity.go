package e2e

import (
	"crypto/ed25519"
	"errors"
	"fmt"
	"io"
	"slices"
)

// An Identity is a user's long-term Ed25519 identity key. It only signs
// handshake messages to prove who is talking; it is never used to derive
// encryption keys.
type Identity struct {
	priv ed25519.PrivateKey
}

// NewIdentity creates an identity from 32 seed bytes read from rand.
func NewIdentity(rand io.Reader) (*Identity, error) {
	var seed [ed25519.SeedSize]byte
	defer clear(seed[:])
	if err := readFull(rand, seed[:]); err != nil {
		return nil, fmt.Errorf("e2e: generating identity: %w", err)
	}
	return &Identity{priv: ed25519.NewKeyFromSeed(seed[:])}, nil
}

// Public returns the identity's Ed25519 public key, which peers use to
// verify its handshake signatures. It returns nil for an invalid Identity.
func (id *Identity) Public() ed25519.PublicKey {
	if !id.valid() {
		return nil
	}
	return id.priv.Public().(ed25519.PublicKey)
}

// PrivateKey returns a copy of the identity's Ed25519 private key.
//
// This is what seizing the user's device yields. escrowlab's attack code uses
// it to attempt, and fail, to open recorded forward-secret sessions: the key
// only ever signed, so it holds nothing that derives the message keys.
// It returns nil for an invalid Identity.
func (id *Identity) PrivateKey() ed25519.PrivateKey {
	if !id.valid() {
		return nil
	}
	return slices.Clone(id.priv)
}

func (id *Identity) valid() bool {
	return id != nil && len(id.priv) == ed25519.PrivateKeySize
}

func (id *Identity) sign(msg []byte) []byte {
	return ed25519.Sign(id.priv, msg)
}

// readFull fills buf from rand, treating a nil reader as an error rather
// than a panic.
func readFull(rand io.Reader, buf []byte) error {
	if rand == nil {
		return errors.New("e2e: nil random source")
	}
	if _, err := io.ReadFull(rand, buf); err != nil {
		return fmt.Errorf("e2e: reading random source: %w", err)
	}
	return nil
}
