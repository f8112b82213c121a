package sim

import (
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/sha256"
	"encoding/binary"
	"fmt"

	"golang.org/x/crypto/chacha20poly1305"

	"github.com/escrowlab/escrowlab/internal/framing"
)

const (
	// trafficInfo is the HKDF info string that turns a Kc into a traffic key.
	trafficInfo = "escrowlab/sim/v1 traffic"
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
	return framing.Seal(aead, seq, plaintext)
}

// Open authenticates and decrypts a message sealed by [Seal] under kc, and
// returns its sequence number and plaintext. It returns an error wrapping
// [ErrMalformed] if sealed is too short to be a message, and one wrapping
// [ErrAuthentication] if kc is wrong or the message was tampered with. It
// never returns unauthenticated plaintext.
func Open(kc Kc, sealed []byte) (seq uint64, plaintext []byte, err error) {
	if len(sealed) < framing.MinSize {
		return 0, nil, fmt.Errorf("sim: sealed message is %d bytes, want at least %d: %w", len(sealed), framing.MinSize, ErrMalformed)
	}
	aead, err := trafficAEAD(kc)
	if err != nil {
		return 0, nil, err
	}
	seq, plaintext, err = framing.Open(aead, sealed)
	if err != nil {
		return 0, nil, fmt.Errorf("sim: message %d: %w", binary.BigEndian.Uint64(sealed), ErrAuthentication)
	}
	return seq, plaintext, nil
}
