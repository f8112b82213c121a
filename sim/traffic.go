package sim

import (
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/sha256"
	"encoding/binary"
	"fmt"

	"golang.org/x/crypto/chacha20poly1305"
)

const (
	// trafficInfo is the HKDF info string that turns a Kc into a traffic key.
	trafficInfo = "escrowlab/sim/v1 traffic"
	// seqSize is the length of the big-endian sequence number that prefixes
	// every sealed message.
	seqSize = 8
	// minSealedSize is the length of a sealed empty message.
	minSealedSize = seqSize + chacha20poly1305.Overhead
)

// trafficAEAD returns the ChaCha20-Poly1305 instance keyed with
// HKDF-SHA256(kc, no salt, trafficInfo). It fails only if the runtime
// forbids these algorithms, as GODEBUG=fips140=only does.
func trafficAEAD(kc Kc) (cipher.AEAD, error) {
	key, err := hkdf.Key(sha256.New, kc[:], nil, trafficInfo, chacha20poly1305.KeySize)
	if err != nil {
		return nil, fmt.Errorf("sim: deriving traffic key: %w", err)
	}
	defer clear(key)
	aead, err := chacha20poly1305.New(key)
	if err != nil {
		return nil, fmt.Errorf("sim: traffic cipher: %w", err)
	}
	return aead, nil
}

// nonceFor returns the AEAD nonce for a sequence number: four zero bytes
// followed by the 8-byte big-endian sequence number.
func nonceFor(seq uint64) [chacha20poly1305.NonceSize]byte {
	var n [chacha20poly1305.NonceSize]byte
	binary.BigEndian.PutUint64(n[4:], seq)
	return n
}

// Seal encrypts and authenticates plaintext as message number seq of a
// connection keyed with kc, and returns seq (8 bytes, big-endian) followed
// by the ciphertext and the 16-byte tag. The sequence number is also the
// additional data. Each seq must be used at most once per kc.
//
// Seal panics only if the runtime forbids HKDF-SHA256 with a 64-bit key or
// ChaCha20-Poly1305, as GODEBUG=fips140=only does; no input makes it fail.
func Seal(kc Kc, seq uint64, plaintext []byte) []byte {
	aead, err := trafficAEAD(kc)
	if err != nil {
		panic(err)
	}
	out := make([]byte, seqSize, minSealedSize+len(plaintext))
	binary.BigEndian.PutUint64(out, seq)
	nonce := nonceFor(seq)
	return aead.Seal(out, nonce[:], plaintext, out[:seqSize])
}

// Open authenticates and decrypts a message sealed by [Seal] under kc, and
// returns its sequence number and plaintext. It returns an error wrapping
// [ErrMalformed] if sealed is too short to be a message, and one wrapping
// [ErrAuthentication] if kc is wrong or the message was tampered with. It
// never returns unauthenticated plaintext.
func Open(kc Kc, sealed []byte) (seq uint64, plaintext []byte, err error) {
	if len(sealed) < minSealedSize {
		return 0, nil, fmt.Errorf("%w: sealed message is %d bytes, want at least %d", ErrMalformed, len(sealed), minSealedSize)
	}
	aead, err := trafficAEAD(kc)
	if err != nil {
		return 0, nil, err
	}
	seq = binary.BigEndian.Uint64(sealed)
	nonce := nonceFor(seq)
	plaintext, err = aead.Open(nil, nonce[:], sealed[seqSize:], sealed[:seqSize])
	if err != nil {
		return 0, nil, fmt.Errorf("%w: message %d", ErrAuthentication, seq)
	}
	return seq, plaintext, nil
}
