package escrow

import (
	"bytes"
	"crypto/hkdf"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"

	"github.com/escrowlab/escrowlab/internal/x25519"
)

// sessionKeyInfo labels the HKDF output so this key is never confused with
// a key derived elsewhere from the same secret.
const sessionKeyInfo = "escrowlab/clipper/v1 session key"

// KeyExchange is one caller's half of the Diffie-Hellman agreement that sets
// a call's session key, done outside the chip as the AT&T TSD 3600 did. This
// model uses X25519 in place of the TSD 3600's Diffie-Hellman group.
type KeyExchange struct {
	scalar [x25519.ScalarSize]byte
	public [x25519.PointSize]byte
	used   bool
}

// NewKeyExchange draws a fresh X25519 key pair from rand.
func NewKeyExchange(rand io.Reader) (*KeyExchange, error) {
	k := &KeyExchange{}
	if _, err := io.ReadFull(rand, k.scalar[:]); err != nil {
		return nil, fmt.Errorf("escrow: drawing key-exchange secret: %w", err)
	}
	k.public = x25519.PublicKey(&k.scalar)
	return k, nil
}

// Public returns the value sent to the other caller (and seen by any
// wiretap).
func (k *KeyExchange) Public() [x25519.PointSize]byte { return k.public }

// SessionKey combines this side's secret with the peer's public value and
// reduces the shared secret to an 80-bit session key with HKDF-SHA256. Both
// callers get the same key. The secret is wiped afterwards, so a
// KeyExchange gives one session key only.
func (k *KeyExchange) SessionKey(peer [x25519.PointSize]byte) (SessionKey, error) {
	var ks SessionKey
	if k.used {
		return ks, errors.New("escrow: key exchange already used; its secret was wiped")
	}
	shared, err := x25519.SharedSecret(&k.scalar, &peer)
	k.scalar, k.used = [x25519.ScalarSize]byte{}, true
	if err != nil {
		return ks, fmt.Errorf("escrow: key exchange: %w", err)
	}
	lo, hi := k.public[:], peer[:]
	if bytes.Compare(lo, hi) > 0 {
		lo, hi = hi, lo
	}
	info := append(append([]byte(sessionKeyInfo), lo...), hi...)
	key, err := hkdf.Key(sha256.New, shared[:], nil, string(info), KeySize)
	clear(shared[:])
	if err != nil {
		return ks, fmt.Errorf("escrow: deriving session key: %w", err)
	}
	copy(ks[:], key)
	return ks, nil
}
