package escrow_test

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/escrowlab/escrowlab/escrow"
)

// Lawful access as described in 1994: a warrant, two released components,
// one rebuilt unit key, one call read. The seeded generator makes the
// example repeatable; real keys come from crypto/rand.
func Example() {
	r := rand.NewChaCha8([32]byte{'e', 'e', 's'})
	kf, _ := escrow.NewFamilyKey(r)
	family, _ := escrow.NewFamily(kf, escrow.DefaultChecksumBits)
	nist := escrow.NewEscrowAgent("NIST")
	treasury := escrow.NewEscrowAgent("Treasury ASD")
	facility, _ := escrow.NewFacility(family, nist, treasury)
	alice, _ := facility.Manufacture(r)
	bob, _ := facility.Manufacture(r)

	// Alice and Bob agree a session key, and Alice's chip sends.
	ea, _ := escrow.NewKeyExchange(r)
	eb, _ := escrow.NewKeyExchange(r)
	ks, _ := ea.SessionKey(eb.Public())
	call, _ := alice.Encrypt(r, ks, []byte("see you at the bridge"))
	ksBob, _ := eb.SessionKey(ea.Public())
	heard, _ := bob.Decrypt(ksBob, call)
	fmt.Printf("Bob hears: %s\n", heard)

	// The agency reads the unit ID from the LEAF and gets a warrant for it.
	processor := escrow.NewDecryptProcessor(family)
	leaf, _ := processor.ReadLEAF(call.LEAF)
	fmt.Println("LEAF names Alice's chip:", leaf.UnitID == alice.UnitID())
	day := time.Date(1994, 3, 1, 0, 0, 0, 0, time.UTC)
	w := escrow.Certification{Agency: "FBI", UnitID: leaf.UnitID, Docket: "94-0001", Begins: day, Ends: day.AddDate(0, 0, 30)}
	ku1, _ := nist.Release(w, day)
	ku2, _ := treasury.Release(w, day)
	processor.AddUnitKey(leaf.UnitID, escrow.CombineComponents(ku1, ku2))
	read, _ := processor.Decrypt(call)
	fmt.Printf("The agency reads: %s\n", read)
	// Output:
	// Bob hears: see you at the bridge
	// LEAF names Alice's chip: true
	// The agency reads: see you at the bridge
}
