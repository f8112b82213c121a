package e2e

import (
	"encoding/binary"
	"fmt"

	"golang.org/x/crypto/chacha20poly1305"
)

const (
	// seqSize is the length of the big-endian sequence number that prefixes
	// every sealed message.
	seqSize = 8
	// minSealedSize is the length of a sealed empty message.
	minSealedSize = seqSize + chacha20poly1305.Overhead
)

// nonceFor returns the AEAD nonce for a sequence number: four zero bytes
// followed by the 8-byte big-endian sequence number.
func nonceFor(seq uint64) [chacha20poly1305.NonceSize]byte {
	var n [chacha20poly1305.NonceSize]byte
	binary.BigEndian.PutUint64(n[4:], seq)
	return n
}

// sealMessage encrypts plaintext under key as message number seq and returns
// seq || ciphertext || tag. The sequence number is also the additional data.
func sealMessage(key [32]byte, seq uint64, plaintext []byte) []byte {
	aead, err := chacha20poly1305.New(key[:])
	if err != nil {
		// Only possible for a wrong key size, which the array type rules out.
		panic("e2e: " + err.Error())
	}
	out := make([]byte, seqSize, seqSize+len(plaintext)+chacha20poly1305.Overhead)
	binary.BigEndian.PutUint64(out, seq)
	nonce := nonceFor(seq)
	return aead.Seal(out, nonce[:], plaintext, out[:seqSize])
}

// OpenMessage authenticates and decrypts one captured sealed message with
// key, without any session state. It returns the message's sequence number
// and plaintext. It returns an error wrapping ErrMalformed if sealed is too
// short to be a message, and ErrAuthentication if it was tampered with or key
// is wrong; it never returns unauthenticated plaintext.
func OpenMessage(key [32]byte, sealed []byte) (seq uint64, plaintext []byte, err error) {
	if len(sealed) < minSealedSize {
		return 0, nil, fmt.Errorf("%w: sealed message is %d bytes, want at least %d", ErrMalformed, len(sealed), minSealedSize)
	}
	aead, err := chacha20poly1305.New(key[:])
	if err != nil {
		return 0, nil, fmt.Errorf("e2e: opening message: %w", err)
	}
	seq = binary.BigEndian.Uint64(sealed)
	nonce := nonceFor(seq)
	plaintext, err = aead.Open(nil, nonce[:], sealed[seqSize:], sealed[:seqSize])
	if err != nil {
		return 0, nil, fmt.Errorf("%w: message %d", ErrAuthentication, seq)
	}
	return seq, plaintext, nil
}
