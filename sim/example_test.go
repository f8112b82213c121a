package sim_test

import (
	"fmt"
	"math/rand/v2"

	"github.com/escrowlab/escrowlab/sim"
)

// The 2015 SIM key heist: a passive eavesdropper holding a copy of the
// manufacturer's key database identifies a caller from the challenge and
// response on the air, and reads the call. The seeded generator makes the
// example repeatable; real keys come from crypto/rand.
func Example() {
	rng := rand.NewChaCha8([32]byte{'g', 's', 'm'})

	gemalto := sim.NewManufacturer("Gemalto")
	alice, _ := gemalto.MakeSIM(rng, "234150000000001")
	_, _ = gemalto.MakeSIM(rng, "234150000000002")
	_, _ = gemalto.MakeSIM(rng, "234150000000003")
	operator := sim.NewOperator("Vodafone", gemalto.Database())

	// The key database is copied on its way to the operator.
	stolen := gemalto.Database()

	// Alice's phone connects: a challenge and a response go over the air in
	// the clear, then her call is encrypted under Kc.
	challenge, _, _, _ := operator.Challenge(rng, alice.IMSI())
	response, kc := alice.Respond(challenge)
	call := sim.Seal(kc, 0, []byte("meet me at the station at nine"))

	// The eavesdropper recorded challenge, response and call.
	imsi, ki, ok := sim.Identify(stolen, challenge, response)
	fmt.Println("identified:", imsi, ok)
	_, thiefKc := sim.Derive(ki, challenge)
	_, heard, err := sim.Open(thiefKc, call)
	fmt.Printf("heard: %s (err %v)\n", heard, err)
	// Output:
	// identified: 234150000000001 true
	// heard: meet me at the station at nine (err <nil>)
}
