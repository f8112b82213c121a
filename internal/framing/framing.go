// Package framing seals numbered messages with ChaCha20-Poly1305, the
// framing that escrowlab's end-to-end and SIM traffic share: each sealed
// message is its 8-byte big-endian sequence number, then the ciphertext and
// the 16-byte tag. The sequence number is the nonce (after four zero bytes)
// and the additional data, so a message cannot be replayed under another
// number unnoticed.
package framing

import (
	"crypto/cipher"
	"encoding/binary"
	"errors"
	"fmt"

	"golang.org/x/crypto/chacha20poly1305"
)

// SeqSize is the length of the sequence number that starts every message.
const SeqSize = 8

// MinSize is the length of a sealed empty message.
const MinSize = SeqSize + chacha20poly1305.Overhead

// Errors Open returns; callers wrap them in their own package's errors.
var (
	ErrShort          = errors.New("sealed message too short")
	ErrAuthentication = errors.New("message failed authentication")
)

// Seal encrypts plaintext with aead as message number seq and returns
// seq || ciphertext || tag. aead must be ChaCha20-Poly1305 (12-byte nonce).
func Seal(aead cipher.AEAD, seq uint64, plaintext []byte) []byte {
	out := make([]byte, SeqSize, MinSize+len(plaintext))
	binary.BigEndian.PutUint64(out, seq)
	nonce := nonceFor(seq)
	return aead.Seal(out, nonce[:], plaintext, out[:SeqSize])
}

// Open authenticates and decrypts one sealed message with aead and returns
// its sequence number and plaintext. It fails with an error wrapping
// ErrShort or ErrAuthentication, and never returns unauthenticated
// plaintext.
func Open(aead cipher.AEAD, sealed []byte) (seq uint64, plaintext []byte, err error) {
	if len(sealed) < MinSize {
		return 0, nil, fmt.Errorf("%w: %d bytes, want at least %d", ErrShort, len(sealed), MinSize)
	}
	seq = binary.BigEndian.Uint64(sealed)
	nonce := nonceFor(seq)
	plaintext, err = aead.Open(nil, nonce[:], sealed[SeqSize:], sealed[:SeqSize])
	if err != nil {
		return 0, nil, fmt.Errorf("%w: message %d", ErrAuthentication, seq)
	}
	return seq, plaintext, nil
}

// nonceFor returns the nonce for a sequence number: four zero bytes, then
// the sequence number big-endian.
func nonceFor(seq uint64) [chacha20poly1305.NonceSize]byte {
	var n [chacha20poly1305.NonceSize]byte
	binary.BigEndian.PutUint64(n[4:], seq)
	return n
}
