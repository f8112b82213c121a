package escrow

import (
	"encoding/binary"
	"encoding/hex"
	"fmt"

	"github.com/escrowlab/escrowlab/escrow/skipjack"
)

// Checksum widths a Family accepts. The real LEAF had a 16-bit checksum
// (NIST's technical fact sheet of June 1994 and Blaze's paper; FIPS 185
// left the LEAF's construction classified); other widths let a lesson
// measure how the width sets the cost of forgery.
const (
	MinChecksumBits     = 8
	MaxChecksumBits     = 32
	DefaultChecksumBits = 16
)

const (
	unitIDSize     = 4
	wrappedKeySize = KeySize
	leafHeaderSize = unitIDSize + wrappedKeySize // 14 bytes before the checksum field
)

// checksumConstant is XORed into KS to key the checksum computation, so the
// checksum never equals a block of the traffic keystream. It is public: the
// checksum's strength comes from KS, not from this constant.
var checksumConstant = [KeySize]byte{'L', 'E', 'A', 'F', '-', 'c', 'h', 'e', 'c', 'k'}

// LEAF is a sealed Law Enforcement Access Field as it travels on the wire:
// 128 bits with the default 16-bit checksum (14 bytes plus the checksum field,
// rounded up to whole bytes, for other widths).
type LEAF []byte

// String returns the LEAF in hex.
func (l LEAF) String() string { return hex.EncodeToString(l) }

// LEAFContents is a LEAF opened with the family key, field by field.
type LEAFContents struct {
	UnitID     UnitID               // the sending chip's serial number
	WrappedKey [wrappedKeySize]byte // the session key KS encrypted under the chip's unit key KU
	Checksum   uint32               // the top ChecksumBits bits of the checksum field
}

// LEAFSize returns the length in bytes of a LEAF whose checksum is bits wide.
func LEAFSize(bits int) int { return leafHeaderSize + (bits+7)/8 }

// Checksum computes the LEAF checksum of a session key and IV: the top bits
// of Skipjack, keyed with KS xor a public constant, applied to the IV. The
// real function was classified; this one has the property that matters: it
// depends on KS and the IV, and on nothing else in the LEAF.
func Checksum(ks SessionKey, iv IV, bits int) (uint32, error) {
	if bits < MinChecksumBits || bits > MaxChecksumBits {
		return 0, fmt.Errorf("escrow: checksum of %d bits (want %d to %d): %w", bits, MinChecksumBits, MaxChecksumBits, ErrChecksumBits)
	}
	var k [KeySize]byte
	for i := range k {
		k[i] = ks[i] ^ checksumConstant[i]
	}
	b, err := skipjack.NewCipher(k[:])
	if err != nil {
		return 0, err
	}
	var out [skipjack.BlockSize]byte
	b.Encrypt(out[:], iv[:])
	return uint32(binary.BigEndian.Uint64(out[:]) >> (64 - bits)), nil
}

// putChecksum writes sum into the checksum field (the bytes after the
// header), left-aligned; bits below the checksum are zero.
func putChecksum(field []byte, sum uint32, bits int) {
	v := uint64(sum) << (64 - bits)
	for i := range field {
		field[i] = byte(v >> (56 - 8*i))
	}
}

// getChecksum reads the top bits bits of the checksum field.
func getChecksum(field []byte, bits int) uint32 {
	var v uint64
	for i := range field {
		v |= uint64(field[i]) << (56 - 8*i)
	}
	return uint32(v >> (64 - bits))
}
