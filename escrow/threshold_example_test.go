package escrow_test

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/escrowlab/escrowlab/escrow"
)

// Five escrow agents, any three of which rebuild a unit key. Two warrants'
// worth of components read nothing; three stolen databases read every chip.
func ExampleThresholdFacility() {
	r := rand.NewChaCha8([32]byte{'3', 'o', 'f', '5'})
	kf, _ := escrow.NewFamilyKey(r)
	family, _ := escrow.NewFamily(kf, escrow.DefaultChecksumBits)
	var agents []*escrow.EscrowAgent
	for _, name := range []string{"NIST", "Treasury", "Judiciary", "Congress", "ACLU"} {
		agents = append(agents, escrow.NewEscrowAgent(name))
	}
	facility, _ := escrow.NewThresholdFacility(family, 3, agents)
	alice, _ := facility.Manufacture(r)
	ea, _ := escrow.NewKeyExchange(r)
	eb, _ := escrow.NewKeyExchange(r)
	ks, _ := ea.SessionKey(eb.Public())
	call, _ := alice.Encrypt(r, ks, []byte("see you at the bridge"))

	// Lawful access: two agents honour the warrant, which is not enough.
	day := time.Date(1994, 3, 1, 0, 0, 0, 0, time.UTC)
	w := escrow.Certification{Agency: "FBI", UnitID: alice.UnitID(), Docket: "94-0002", Begins: day, Ends: day.AddDate(0, 0, 30)}
	released := make(map[int]escrow.KeyComponent)
	for i := range 2 {
		released[i], _ = agents[i].Release(w, day)
	}
	ku, _ := escrow.CombineShares(released)
	processor := escrow.NewDecryptProcessor(family)
	processor.AddUnitKey(alice.UnitID(), ku)
	read, _ := processor.Decrypt(call)
	fmt.Println("two agents read the call:", string(read) == "see you at the bridge")

	// A breach: three databases, no warrant, no log entry.
	stolen := make(map[int]escrow.KeyComponent)
	for _, i := range []int{1, 3, 4} {
		stolen[i] = agents[i].Database()[alice.UnitID()]
	}
	ku, _ = escrow.CombineShares(stolen)
	processor.AddUnitKey(alice.UnitID(), ku)
	read, _ = processor.Decrypt(call)
	fmt.Printf("three stolen databases read: %s\n", read)
	// Output:
	// two agents read the call: false
	// three stolen databases read: see you at the bridge
}
