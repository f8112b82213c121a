package sim

import (
	"crypto/hmac"
	"crypto/sha256"
)

// Sizes, in bytes, of the GSM authentication values.
const (
	// KiSize is the size of a SIM's long-term secret key Ki (128 bits).
	KiSize = 16
	// RANDSize is the size of the network's challenge RAND (128 bits).
	RANDSize = 16
	// SRESSize is the size of the signed response SRES (32 bits).
	SRESSize = 4
	// KcSize is the size of the session key Kc (64 bits).
	KcSize = 8
)

// Ki is a SIM's long-term secret key, shared with the operator and known to
// the manufacturer that generated it.
type Ki [KiSize]byte

// RAND is the random challenge the network sends in the clear.
type RAND [RANDSize]byte

// SRES is the signed response the SIM sends back in the clear.
type SRES [SRESSize]byte

// Kc is the session key that encrypts one connection's radio traffic.
type Kc [KcSize]byte

// deriveLabel is the domain-separation prefix of the A3/A8 stand-in.
const deriveLabel = "escrowlab/sim/v1"

// Derive is the model's stand-in for the A3/A8 algorithms. It returns the
// SRES and Kc that ki gives for the challenge r: the first 4 and the next 8
// bytes of HMAC-SHA256(ki, "escrowlab/sim/v1" || r).
//
// The network computes it to check a SIM's answer, and so can anyone else
// who holds ki, such as a thief of the manufacturer's key database.
func Derive(ki Ki, r RAND) (SRES, Kc) {
	mac := hmac.New(sha256.New, ki[:])
	mac.Write([]byte(deriveLabel))
	mac.Write(r[:])
	var buf [sha256.Size]byte
	sum := mac.Sum(buf[:0])
	defer clear(buf[:])

	var sres SRES
	var kc Kc
	copy(sres[:], sum[:SRESSize])
	copy(kc[:], sum[SRESSize:SRESSize+KcSize])
	return sres, kc
}
