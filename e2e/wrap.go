package e2e

import (
	"crypto/ecdh"
	"crypto/hpke"
	"fmt"
	"io"

	"golang.org/x/crypto/chacha20poly1305"
)

// The e2e-static and e2e-escrowed variants wrap secrets to a long-term
// X25519 key with HPKE (RFC 9180) in base mode, using the suite
// DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20Poly1305. A wrapped value
// is the 32-byte encapsulated key followed by the AEAD ciphertext and tag.
const (
	hpkeEncSize  = 32
	hpkeOverhead = hpkeEncSize + chacha20poly1305.Overhead
)

// newX25519Key builds an X25519 private key from 32 bytes read from rand.
// It never calls GenerateKey, which since Go 1.26 ignores its reader, so a
// seeded reader always gives the same key.
func newX25519Key(rand io.Reader) (*ecdh.PrivateKey, error) {
	var b [32]byte
	defer clear(b[:])
	if err := readFull(rand, b[:]); err != nil {
		return nil, err
	}
	return ecdh.X25519().NewPrivateKey(b[:])
}

// checkPublic rejects nil, zero and non-X25519 public keys.
func checkPublic(pub *ecdh.PublicKey, what string) error {
	if pub == nil || pub.Curve() != ecdh.X25519() {
		return fmt.Errorf("e2e: %s is not an X25519 public key: %w", what, ErrMalformed)
	}
	return nil
}

// checkPrivate rejects nil, zero and non-X25519 private keys.
func checkPrivate(priv *ecdh.PrivateKey, what string) error {
	if priv == nil || priv.Curve() != ecdh.X25519() {
		return fmt.Errorf("e2e: %s is not an X25519 private key: %w", what, ErrMalformed)
	}
	return nil
}

// wrap encrypts plaintext to pub with HPKE under info.
//
// crypto/hpke draws the sender's ephemeral key from crypto/rand, not from
// any reader the caller supplies, so wrapped bytes differ on every call even
// under escrowlab's --seed; the plaintext inside them does not.
func wrap(pub *ecdh.PublicKey, info string, plaintext []byte) ([]byte, error) {
	pk, err := hpke.NewDHKEMPublicKey(pub)
	if err != nil {
		return nil, fmt.Errorf("e2e: %v: %w", err, ErrMalformed)
	}
	out, err := hpke.Seal(pk, hpke.HKDFSHA256(), hpke.ChaCha20Poly1305(), []byte(info), plaintext)
	if err != nil {
		// X25519 with a low-order public key yields an all-zero secret.
		return nil, fmt.Errorf("e2e: wrapping to public key: %v: %w", err, ErrMalformed)
	}
	return out, nil
}

// unwrap decrypts a value of size plaintext bytes wrapped to priv under
// info. It returns an error wrapping ErrMalformed for the wrong length and
// ErrAuthentication if wrapped was tampered with or is for another key.
func unwrap(priv *ecdh.PrivateKey, info string, wrapped []byte, size int, what string) ([]byte, error) {
	if want := size + hpkeOverhead; len(wrapped) != want {
		return nil, fmt.Errorf("e2e: %s is %d bytes, want %d: %w", what, len(wrapped), want, ErrMalformed)
	}
	k, err := hpke.NewDHKEMPrivateKey(priv)
	if err != nil {
		return nil, fmt.Errorf("e2e: %v: %w", err, ErrMalformed)
	}
	pt, err := hpke.Open(k, hpke.HKDFSHA256(), hpke.ChaCha20Poly1305(), []byte(info), wrapped)
	if err != nil || len(pt) != size {
		clear(pt)
		return nil, fmt.Errorf("e2e: %s: %w", what, ErrAuthentication)
	}
	return pt, nil
}
