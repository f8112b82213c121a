package e2e_test

import (
	"encoding/binary"
	"io"
	"math/rand/v2"
	"testing"

	"github.com/escrowlab/escrowlab/e2e"
)

// seeded returns a deterministic reader for the given seed.
func seeded(seed uint64) io.Reader {
	var s [32]byte
	binary.LittleEndian.PutUint64(s[:], seed)
	return rand.NewChaCha8(s)
}

// conversation is a completed handshake between alice (initiator) and bob
// (responder).
type conversation struct {
	alice, bob       *e2e.Identity
	hello, reply     []byte
	aliceS, bobS     *e2e.Session
	aliceHS          *e2e.Handshake
	rand             io.Reader
	alicePub, bobPub []byte
}

func newIdentity(t testing.TB, r io.Reader) *e2e.Identity {
	t.Helper()
	id, err := e2e.NewIdentity(r)
	if err != nil {
		t.Fatalf("NewIdentity: %v", err)
	}
	return id
}

// handshake runs a full handshake with everything drawn from seed.
func handshake(t testing.TB, seed uint64) *conversation {
	t.Helper()
	r := seeded(seed)
	c := &conversation{rand: r, alice: newIdentity(t, r), bob: newIdentity(t, r)}
	c.alicePub, c.bobPub = c.alice.Public(), c.bob.Public()
	var err error
	c.aliceHS, c.hello, err = e2e.Initiate(r, c.alice, c.bob.Public())
	if err != nil {
		t.Fatalf("Initiate: %v", err)
	}
	c.bobS, c.reply, err = e2e.Respond(r, c.bob, c.alice.Public(), c.hello)
	if err != nil {
		t.Fatalf("Respond: %v", err)
	}
	c.aliceS, err = c.aliceHS.Finish(c.reply)
	if err != nil {
		t.Fatalf("Finish: %v", err)
	}
	return c
}

// flipBit returns a copy of b with bit i flipped.
func flipBit(b []byte, i int) []byte {
	out := append([]byte(nil), b...)
	out[i/8] ^= 1 << (i % 8)
	return out
}
