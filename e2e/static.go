package e2e

import (
	"crypto/ecdh"
	"crypto/hkdf"
	"crypto/sha256"
	"fmt"
	"io"
)

const (
	// StaticWrappedSize is the length of the wrapped session key that
	// [StartStatic] returns: a 32-byte HPKE encapsulated key, the encrypted
	// 32-byte session key and a 16-byte tag.
	StaticWrappedSize = sessionKeySize + hpkeOverhead

	sessionKeySize = 32
	staticInfo     = "escrowlab/e2e-static/v1"
	staticKeyInfo  = "escrowlab/e2e-static/v1 traffic keys"
)

// A StaticKey is a user's long-term X25519 encryption key for the
// e2e-static variant, the way classic PGP worked: every session key
// addressed to the user is encrypted to this one key. There is no forward
// secrecy, so whoever later obtains the private key opens every session ever
// addressed to that user, past and future, though no one else's.
type StaticKey struct {
	priv *ecdh.PrivateKey
}

// NewStaticKey creates a static key from 32 bytes read from rand, so a
// seeded reader always gives the same key.
func NewStaticKey(rand io.Reader) (*StaticKey, error) {
	priv, err := newX25519Key(rand)
	if err != nil {
		return nil, fmt.Errorf("e2e: generating static key: %w", err)
	}
	return &StaticKey{priv: priv}, nil
}

// Public returns the static public key that callers wrap session keys to.
// It returns nil for an invalid StaticKey.
func (k *StaticKey) Public() *ecdh.PublicKey {
	if !k.valid() {
		return nil
	}
	return k.priv.PublicKey()
}

// PrivateKey returns the static private key. This is what seizing the
// user's device yields, and with [UnwrapStatic] it opens every recorded
// session addressed to the user. It returns nil for an invalid StaticKey.
func (k *StaticKey) PrivateKey() *ecdh.PrivateKey {
	if !k.valid() {
		return nil
	}
	return k.priv
}

func (k *StaticKey) valid() bool {
	return k != nil && checkPrivate(k.priv, "static key") == nil
}

// StartStatic is the caller's side of an e2e-static session. It draws a
// fresh 32-byte session key K from rand, wraps K to the recipient's static
// public key with HPKE, and returns the wrapped key to send (of
// [StaticWrappedSize] bytes) and the caller's Session, which seals with
// InitiatorToResponder.
//
// It reads 64 bytes from rand: K, then the seed of HPKE's ephemeral key. A
// seeded reader therefore always gives the same wrapped bytes and Session.
func StartStatic(rand io.Reader, recipient *ecdh.PublicKey) (wrapped []byte, s *Session, err error) {
	if err := checkPublic(recipient, "recipient static key"); err != nil {
		return nil, nil, err
	}
	var k [sessionKeySize]byte
	defer clear(k[:])
	if err := readFull(rand, k[:]); err != nil {
		return nil, nil, fmt.Errorf("e2e: generating session key: %w", err)
	}
	wrapped, err = wrap(rand, recipient, staticInfo, k[:])
	if err != nil {
		return nil, nil, err
	}
	keys, err := staticKeys(k[:])
	if err != nil {
		return nil, nil, err
	}
	return wrapped, newSession(keys, true), nil
}

// AcceptStatic is the callee's side of an e2e-static session: it unwraps
// the session key with its own static key and returns a Session that seals
// with ResponderToInitiator. Errors are as for [UnwrapStatic].
func AcceptStatic(self *StaticKey, wrapped []byte) (*Session, error) {
	if !self.valid() {
		return nil, fmt.Errorf("e2e: nil or invalid static key: %w", ErrMalformed)
	}
	keys, err := UnwrapStatic(self.priv, wrapped)
	if err != nil {
		return nil, err
	}
	return newSession(keys, false), nil
}

// UnwrapStatic recovers a session's Keys from a captured wrapped key. It is
// what anyone holding the recipient's static private key can do, whether
// the recipient or a thief: with [OpenMessage] the Keys open every message
// of the session in both directions.
//
// It returns an error wrapping ErrMalformed for a nil or non-X25519 key or
// a wrapped key of the wrong length, and ErrAuthentication if the wrapped
// key was tampered with or addressed to someone else.
func UnwrapStatic(priv *ecdh.PrivateKey, wrapped []byte) (Keys, error) {
	if err := checkPrivate(priv, "static key"); err != nil {
		return Keys{}, err
	}
	k, err := unwrap(priv, staticInfo, wrapped, sessionKeySize, "wrapped session key")
	if err != nil {
		return Keys{}, err
	}
	defer clear(k)
	return staticKeys(k)
}

// staticKeys expands a session key into the two direction keys with
// HKDF-SHA256, so that the two directions never share a key and nonce.
func staticKeys(k []byte) (Keys, error) {
	okm, err := hkdf.Key(sha256.New, k, nil, staticKeyInfo, 64)
	if err != nil {
		return Keys{}, fmt.Errorf("e2e: deriving traffic keys: %w", err)
	}
	defer clear(okm)
	var keys Keys
	copy(keys.InitiatorToResponder[:], okm[:32])
	copy(keys.ResponderToInitiator[:], okm[32:])
	return keys, nil
}
