package e2e_test

import (
	"fmt"
	"math/rand/v2"

	"github.com/escrowlab/escrowlab/e2e"
)

// In e2e-static the callee's long-term key protects every session key sent
// to it, so whoever later steals that key opens recorded sessions.
func ExampleStartStatic() {
	rng := rand.NewChaCha8([32]byte{'p', 'g', 'p'})
	bob, _ := e2e.NewStaticKey(rng)

	// Alice wraps a fresh session key to Bob's static key.
	wrapped, alice, err := e2e.StartStatic(rng, bob.Public())
	if err != nil {
		panic(err)
	}
	bobSession, err := e2e.AcceptStatic(bob, wrapped)
	if err != nil {
		panic(err)
	}
	recorded := alice.Seal([]byte("meet at noon"))
	plaintext, _ := bobSession.Open(recorded)
	fmt.Printf("%d-byte wrapped key; bob reads %q\n", len(wrapped), plaintext)

	// Years later Bob's device is seized.
	keys, err := e2e.UnwrapStatic(bob.PrivateKey(), wrapped)
	if err != nil {
		panic(err)
	}
	_, plaintext, err = e2e.OpenMessage(keys.InitiatorToResponder, recorded)
	fmt.Printf("thief reads %q: %v\n", plaintext, err == nil)
	// Output:
	// 80-byte wrapped key; bob reads "meet at noon"
	// thief reads "meet at noon": true
}

// In e2e-escrowed the forward-secret session also carries its keys
// encrypted to an authority, whose one key opens every such session.
func ExampleOpenEscrow() {
	rng := rand.NewChaCha8([32]byte{'e', 'x', 'c', 'e', 'p', 't'})
	authority, _ := e2e.NewAuthority(rng)
	alice, _ := e2e.NewIdentity(rng)
	bob, _ := e2e.NewIdentity(rng)
	h, hello, _ := e2e.Initiate(rng, alice, bob.Public())
	bobSession, reply, _ := e2e.Respond(rng, bob, alice.Public(), hello)
	aliceSession, _ := h.Finish(reply)

	// Alice's app escrows the session keys; the field travels with the session.
	field, err := aliceSession.EscrowTo(rng, authority.Public())
	if err != nil {
		panic(err)
	}
	recorded := bobSession.Seal([]byte("forward secret?"))

	// Whoever holds, or leaks, the authority key opens the recording.
	keys, err := e2e.OpenEscrow(authority.PrivateKey(), field)
	if err != nil {
		panic(err)
	}
	_, plaintext, err := e2e.OpenMessage(keys.ResponderToInitiator, recorded)
	fmt.Printf("%d-byte escrow field\n", len(field))
	fmt.Printf("%q %v %v\n", plaintext, err == nil, keys == bobSession.Keys())
	// Output:
	// 112-byte escrow field
	// "forward secret?" true true
}
