package e2e

import (
	"crypto/ecdh"
	"errors"
	"fmt"
	"io"
)

const (
	// EscrowFieldSize is the length of the escrow field that
	// [Session.EscrowTo] returns: a 32-byte HPKE encapsulated key, the
	// encrypted 64-byte Keys and a 16-byte tag.
	EscrowFieldSize = escrowedKeysSize + hpkeOverhead

	escrowedKeysSize = 64
	escrowInfo       = "escrowlab/e2e-escrowed/v1"
)

// An Authority is the X25519 key pair of an "exceptional access" authority
// in the e2e-escrowed variant. Every escrowed session carries its Keys
// encrypted to the authority's public key, so the one private key opens
// every session of every user, past and future: Clipper's escrow database
// rebuilt on top of forward-secret encryption.
type Authority struct {
	priv *ecdh.PrivateKey
}

// NewAuthority creates an authority key from 32 bytes read from rand, so a
// seeded reader always gives the same key.
func NewAuthority(rand io.Reader) (*Authority, error) {
	priv, err := newX25519Key(rand)
	if err != nil {
		return nil, fmt.Errorf("e2e: generating authority key: %w", err)
	}
	return &Authority{priv: priv}, nil
}

// Public returns the authority's public key, which every app escrows
// session keys to. It returns nil for an invalid Authority.
func (a *Authority) Public() *ecdh.PublicKey {
	if !a.valid() {
		return nil
	}
	return a.priv.PublicKey()
}

// PrivateKey returns the authority's private key. This is what a leak of
// the authority's key yields, and with [OpenEscrow] it opens every recorded
// escrowed session. It returns nil for an invalid Authority.
func (a *Authority) PrivateKey() *ecdh.PrivateKey {
	if !a.valid() {
		return nil
	}
	return a.priv
}

func (a *Authority) valid() bool {
	return a != nil && checkPrivate(a.priv, "authority key") == nil
}

// EscrowTo returns the escrow field for the session: its [Session.Keys],
// InitiatorToResponder then ResponderToInitiator, encrypted with HPKE to
// the authority's public key. The app sends the field alongside the
// session, where an eavesdropper can record it. Both sides produce fields
// that open to the same Keys.
//
// HPKE's ephemeral key is made from 32 bytes read from rand, so a seeded
// reader always gives the same field. It returns an error wrapping
// ErrMalformed for a nil or non-X25519 authority key, and an error if rand
// is nil or runs short.
func (s *Session) EscrowTo(rand io.Reader, authority *ecdh.PublicKey) ([]byte, error) {
	if s == nil {
		return nil, errors.New("e2e: nil session")
	}
	if err := checkPublic(authority, "authority key"); err != nil {
		return nil, err
	}
	k := s.Keys()
	pt := make([]byte, 0, escrowedKeysSize)
	pt = append(append(pt, k.InitiatorToResponder[:]...), k.ResponderToInitiator[:]...)
	clear(k.InitiatorToResponder[:])
	clear(k.ResponderToInitiator[:])
	defer clear(pt)
	return wrap(rand, authority, escrowInfo, pt)
}

// OpenEscrow recovers a session's Keys from a captured escrow field. It is
// what the holder of the authority's private key can do, lawfully or not:
// with [OpenMessage] the Keys open every message of the session in both
// directions.
//
// It returns an error wrapping ErrMalformed for a nil or non-X25519 key or
// a field of the wrong length, and ErrAuthentication if the field was
// tampered with or escrowed to another authority.
func OpenEscrow(priv *ecdh.PrivateKey, field []byte) (Keys, error) {
	if err := checkPrivate(priv, "authority key"); err != nil {
		return Keys{}, err
	}
	pt, err := unwrap(priv, escrowInfo, field, escrowedKeysSize, "escrow field")
	if err != nil {
		return Keys{}, err
	}
	defer clear(pt)
	var k Keys
	copy(k.InitiatorToResponder[:], pt[:32])
	copy(k.ResponderToInitiator[:], pt[32:])
	return k, nil
}
