package shamir_test

import (
	"fmt"
	"math/rand/v2"

	"github.com/escrowlab/escrowlab/escrow/shamir"
)

// A secret split 3-of-5: any three shares rebuild it, two do not. The seeded
// generator makes the example repeatable; real shares need crypto/rand.
func Example() {
	r := rand.NewChaCha8([32]byte{'k', 'o', 'f', 'n'})
	shares, _ := shamir.Split(r, []byte("unit key!!"), 5, 3)

	got, _ := shamir.Combine([]shamir.Share{shares[4], shares[0], shares[2]})
	fmt.Printf("shares 5, 1, 3: %q\n", got)
	got, _ = shamir.Combine(shares[1:3])
	fmt.Println("shares 2, 3 give the secret:", string(got) == "unit key!!")
	// Output:
	// shares 5, 1, 3: "unit key!!"
	// shares 2, 3 give the secret: false
}
