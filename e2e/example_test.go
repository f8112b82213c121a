package e2e_test

import (
	"errors"
	"fmt"
	"math/rand/v2"

	"github.com/escrowlab/escrowlab/e2e"
)

func Example() {
	// A fixed seed makes the run reproducible. Real programs pass
	// crypto/rand.Reader instead.
	rng := rand.NewChaCha8([32]byte{'e', 's', 'c', 'r', 'o', 'w'})

	alice, _ := e2e.NewIdentity(rng)
	bob, _ := e2e.NewIdentity(rng)

	// Alice knows Bob's identity key and starts a session.
	handshake, hello, err := e2e.Initiate(rng, alice, bob.Public())
	if err != nil {
		panic(err)
	}
	// Bob checks the hello came from Alice and answers.
	bobSession, reply, err := e2e.Respond(rng, bob, alice.Public(), hello)
	if err != nil {
		panic(err)
	}
	// Alice checks the reply came from Bob. Both ephemeral keys are gone now.
	aliceSession, err := handshake.Finish(reply)
	if err != nil {
		panic(err)
	}

	sealed := aliceSession.Seal([]byte("meet at noon"))
	plaintext, err := bobSession.Open(sealed)
	if err != nil {
		panic(err)
	}
	fmt.Printf("%d-byte hello, %d-byte reply, %d-byte message\n", len(hello), len(reply), len(sealed))
	fmt.Println(string(plaintext))

	// Replaying the same message is refused.
	_, err = bobSession.Open(sealed)
	fmt.Println(errors.Is(err, e2e.ErrReplay))
	// Output:
	// 96-byte hello, 96-byte reply, 36-byte message
	// meet at noon
	// true
}

// An eavesdropper who recorded a session and later seizes the identity keys
// still cannot open it: those keys only ever signed.
func ExampleOpenMessage() {
	rng := rand.NewChaCha8([32]byte{'s', 'e', 'i', 'z', 'e'})
	alice, _ := e2e.NewIdentity(rng)
	bob, _ := e2e.NewIdentity(rng)
	h, hello, _ := e2e.Initiate(rng, alice, bob.Public())
	_, reply, _ := e2e.Respond(rng, bob, alice.Public(), hello)
	s, _ := h.Finish(reply)
	recorded := s.Seal([]byte("private"))

	// Try the seized identity seed as if it were the shared secret.
	seized := alice.PrivateKey().Seed()
	keys, err := e2e.DeriveKeys(seized, hello, reply)
	if err != nil {
		panic(err)
	}
	_, _, err = e2e.OpenMessage(keys.InitiatorToResponder, recorded)
	fmt.Println(errors.Is(err, e2e.ErrAuthentication))
	// Output: true
}
