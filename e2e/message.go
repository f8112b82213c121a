package e2e

import (
	"crypto/cipher"
	"encoding/binary"
	"fmt"

	"golang.org/x/crypto/chacha20poly1305"

	"github.com/escrowlab/escrowlab/internal/framing"
)

// newAEAD returns ChaCha20-Poly1305 under key.
func newAEAD(key [32]byte) cipher.AEAD {
	aead, err := chacha20poly1305.New(key[:])
	if err != nil {
		// Only possible for a wrong key size, which the array type rules out.
		panic("e2e: " + err.Error())
	}
	return aead
}

// sealMessage encrypts plaintext under key as message number seq and returns
// seq || ciphertext || tag. The sequence number is also the additional data.
func sealMessage(key [32]byte, seq uint64, plaintext []byte) []byte {
	return framing.Seal(newAEAD(key), seq, plaintext)
}

// OpenMessage authenticates and decrypts one captured sealed message with
// key, without any session state. It returns the message's sequence number
// and plaintext. It returns an error wrapping ErrMalformed if sealed is too
// short to be a message, and ErrAuthentication if it was tampered with or key
// is wrong; it never returns unauthenticated plaintext.
func OpenMessage(key [32]byte, sealed []byte) (seq uint64, plaintext []byte, err error) {
	return openFramed(newAEAD(key), sealed)
}

// openFramed opens a sealed message with aead, reporting failures with this
// package's errors.
func openFramed(aead cipher.AEAD, sealed []byte) (uint64, []byte, error) {
	if len(sealed) < framing.MinSize {
		return 0, nil, fmt.Errorf("e2e: sealed message is %d bytes, want at least %d: %w", len(sealed), framing.MinSize, ErrMalformed)
	}
	seq, p, err := framing.Open(aead, sealed)
	if err != nil {
		return 0, nil, fmt.Errorf("e2e: message %d: %w", binary.BigEndian.Uint64(sealed), ErrAuthentication)
	}
	return seq, p, nil
}
