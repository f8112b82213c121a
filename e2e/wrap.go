package e2e

import (
	"bytes"
	"crypto/ecdh"
	"crypto/hpke"
	"fmt"
	"io"

	circlhpke "github.com/cloudflare/circl/hpke"
	"golang.org/x/crypto/chacha20poly1305"
)

// The e2e-static, e2e-escrowed and e2e-ghost variants wrap secrets to a
// long-term X25519 key with HPKE (RFC 9180) in base mode, using the suite
// DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20Poly1305, and no
// associated data. A wrapped value is the 32-byte encapsulated key followed
// by the AEAD ciphertext and tag: what crypto/hpke's Seal returns and its
// Open takes.
const (
	hpkeEncSize  = 32
	hpkeOverhead = hpkeEncSize + chacha20poly1305.Overhead
	// hpkeSeedSize is what wrap reads from its reader: the ikmE from which
	// DHKEM's DeriveKeyPair makes the sender's ephemeral key.
	hpkeSeedSize = 32
)

// sealSuite is the suite above in circl's terms, for wrap.
var sealSuite = circlhpke.NewSuite(circlhpke.KEM_X25519_HKDF_SHA256, circlhpke.KDF_HKDF_SHA256, circlhpke.AEAD_ChaCha20Poly1305)

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

// wrap encrypts plaintext to pub with HPKE under info. The sender's
// ephemeral key is derived (RFC 9180's DeriveKeyPair) from 32 bytes read
// from rand, so a seeded reader always gives the same wrapped bytes.
//
// It uses circl's HPKE because crypto/hpke, since Go 1.26, draws the
// ephemeral key from crypto/rand and accepts no reader. The bytes are those
// crypto/hpke's Seal would make with that ephemeral key, and unwrap opens
// them with crypto/hpke.
func wrap(rand io.Reader, pub *ecdh.PublicKey, info string, plaintext []byte) ([]byte, error) {
	if err := checkPublic(pub, "public key"); err != nil {
		return nil, err
	}
	var seed [hpkeSeedSize]byte
	defer clear(seed[:])
	if err := readFull(rand, seed[:]); err != nil {
		return nil, fmt.Errorf("e2e: generating HPKE ephemeral key: %w", err)
	}
	pk, err := circlhpke.KEM_X25519_HKDF_SHA256.Scheme().UnmarshalBinaryPublicKey(pub.Bytes())
	if err != nil {
		return nil, fmt.Errorf("e2e: %v: %w", err, ErrMalformed)
	}
	sender, err := sealSuite.NewSender(pk, []byte(info))
	if err != nil {
		return nil, fmt.Errorf("e2e: %v: %w", err, ErrMalformed)
	}
	enc, sealer, err := sender.Setup(bytes.NewReader(seed[:]))
	if err != nil {
		// X25519 with a low-order public key yields an all-zero secret.
		return nil, fmt.Errorf("e2e: wrapping to public key: %v: %w", err, ErrMalformed)
	}
	ct, err := sealer.Seal(plaintext, nil)
	if err != nil {
		return nil, fmt.Errorf("e2e: wrapping: %w", err)
	}
	return append(enc, ct...), nil
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
