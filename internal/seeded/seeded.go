// Package seeded derives independent, reproducible random streams from a
// run's seed. escrowlab replays a run from its seed: every key, IV and
// choice comes from a stream named by what it is for, so that adding or
// removing one consumer (a scheme, a person) never shifts another's draws.
//
// Deterministic keys are for demonstration only: nothing generated this way
// protects a real secret.
package seeded

import (
	"crypto/sha256"
	"encoding/binary"
	"math/rand/v2"
)

// New returns the stream for seed and the labels that name its purpose,
// such as New(7, "scheme", "clipper", "person", "Alice"). Different label
// lists give unrelated streams; the same seed and labels give the same
// stream every time.
func New(seed uint64, labels ...string) *rand.ChaCha8 {
	h := sha256.New()
	h.Write([]byte("escrowlab stream v1"))
	var n [8]byte
	binary.BigEndian.PutUint64(n[:], seed)
	h.Write(n[:])
	for _, l := range labels {
		// Length-prefix each label so that ("ab", "c") and ("a", "bc")
		// name different streams.
		binary.BigEndian.PutUint64(n[:], uint64(len(l)))
		h.Write(n[:])
		h.Write([]byte(l))
	}
	var key [32]byte
	h.Sum(key[:0])
	return rand.NewChaCha8(key)
}
