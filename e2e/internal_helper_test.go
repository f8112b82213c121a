package e2e

import (
	"encoding/binary"
	"io"
	"math/rand/v2"
	"testing"
)

// chacha returns a deterministic reader for the given seed.
func chacha(seed uint64) io.Reader {
	var s [32]byte
	binary.LittleEndian.PutUint64(s[:], seed)
	return rand.NewChaCha8(s)
}

// pair makes two identities from r.
func pair(t testing.TB, r io.Reader) (alice, bob *Identity) {
	t.Helper()
	var err error
	if alice, err = NewIdentity(r); err != nil {
		t.Fatal(err)
	}
	if bob, err = NewIdentity(r); err != nil {
		t.Fatal(err)
	}
	return alice, bob
}

func isZero(b []byte) bool {
	for _, x := range b {
		if x != 0 {
			return false
		}
	}
	return true
}
