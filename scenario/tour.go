package scenario

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/escrowlab/escrowlab/attack"
	"github.com/escrowlab/escrowlab/escrow"
	"github.com/escrowlab/escrowlab/internal/seeded"
)

// The tour's cast and calendar, and the schemes and leaks of its closing
// matrix: Clipper, the mobile network the calls also cross, and the
// end-to-end family, against every leak of key material. The intercept
// breach, an access capability that reads only what passes after it, is
// the epilogue's; threshold escrow has a scenario of its own.
var (
	tourSchemes = []attack.SchemeID{attack.ClipperID, attack.SIMID, attack.E2EStaticID, attack.E2EForwardSecretID, attack.E2EEscrowedID}
	tourLeaks   = []attack.LeakID{attack.NoLeak, attack.FamilyKeyLeak, attack.Agent1DB, attack.Agent2DB, attack.EscrowDBs, attack.UnitKeyLeak, attack.DeviceSeizure, attack.SIMDB, attack.AuthorityKeyLeak, attack.SessionKeyLeak}
	tourCast    = []string{"Alice", "Bob", "Carol", "Dave", "Erin", "Frank"}
	tourStart   = time.Date(1994, time.March, 7, 9, 0, 0, 0, time.UTC)
)

// tour is the state the acts of the tour share.
type tour struct {
	ctx  context.Context // ends the forgery of act 6 early
	b    *builder
	w    *attack.World
	clip *attack.Clipper
	fs   *attack.ForwardSecret
	rng  *rand.Rand // the tour's own choices: who makes the background calls

	alice, bob, carol *attack.Person
	first             attack.Conversation     // Alice's call to Bob in act 2
	firstClipper      *attack.ChipRecord      // that call on the wire under Clipper
	firstE2E          *attack.HandshakeRecord // and under e2e-fs
	order             attack.Warrant          // the court order of act 3
	cert              escrow.Certification    // the FBI's certification to the escrow agents under it
	aliceKU           escrow.UnitKey          // rebuilt in act 3
	leakAt            time.Time
	leaked            attack.Holdings // what the intruder of act 5 took
	breachAt          time.Time       // when the intruder of act 7 got in
	breached          attack.Holdings // and what it holds
}

func runTour(ctx context.Context, opts Options) (*Transcript, error) {
	w, err := attack.NewWorld(attack.Config{People: tourCast, Seed: opts.Seed, Start: tourStart, Schemes: append(slices.Clone(tourSchemes), attack.SIMID)})
	if err != nil {
		return nil, fmt.Errorf("scenario: building the tour's world: %w", err)
	}
	t := &tour{
		ctx: ctx,
		b:   newBuilder("tour", "Key escrow, end to end: a guided tour", opts.Seed),
		w:   w, rng: rand.New(seeded.New(opts.Seed, "scenario", "tour")),
		alice: w.Person("Alice"), bob: w.Person("Bob"), carol: w.Person("Carol"),
	}
	t.clip, _ = attack.SchemeOf[*attack.Clipper](w)
	t.fs, _ = attack.SchemeOf[*attack.ForwardSecret](w)
	t.intro()
	t.b.t.Schemes = w.SchemeIDs()
	t.b.t.Keys = keyChart(t.b.t.Schemes)
	for _, act := range []func() error{t.setup, t.clipperCall, t.lawfulAccess, t.endToEnd, t.leak, t.rogueLEAF, t.epilogue, t.summary} {
		if err := act(); err != nil {
			return nil, fmt.Errorf("scenario: tour: %w", err)
		}
	}
	return t.b.finish(), nil
}

func (t *tour) intro() {
	t.b.intro("In 2015 the United States protested China's draft rules requiring technology firms to hand over encryption keys and build in back doors; commentators answered that America had tried the same idea in the 1990s with the Clipper chip, and warned that escrowed keys can fall to other states' spies or to criminals.",
		refNews001, refNews004)
	t.b.intro(fmt.Sprintf("This tour runs that argument: six people call one another under Clipper and under end-to-end encryption, a wiretap records everything, and the archive is attacked with real cryptography. Every count is measured in this run, from keys seeded with %d for replay (seeded keys are for demonstration only). A teaching model, not a product: the chip's cipher, Skipjack, is the real one, but the inside of the real LEAF (the Law Enforcement Access Field, which every Clipper call carries so that the government can recover its key) was classified, so escrowlab's is its own (docs/how-it-works.md).", t.b.t.Seed),
		refSkipjackSpec)
}

func (t *tour) setup() error {
	w, clip := t.w, t.clip
	t.b.act("Setting up key escrow", "Before anyone makes a call, the government creates one family key, names two escrow agents and has a chip made for every phone.")
	kf := clip.Family().Key()
	t.b.keep("KF", kf[:])
	t.b.step(Step{
		Actor: "Government", Action: "creates the family key KF, built into every Clipper chip",
		Values: []Value{bytesv("family key KF (80 bits)", kf[:])},
		Note:   "One secret shared by every chip. It cannot decrypt a call by itself, but it opens the access field that every call carries.",
		Cites:  cites(refFIPS185),
	})
	t.b.step(Step{
		Actor: "Attorney General", Action: fmt.Sprintf("names two escrow agents: %s and the Treasury's Automated Systems Division", attack.FirstAgentName),
		Note:  "Neither agent can read anything alone; the two databases together open every chip.",
		Cites: cites(refDenningSmid),
	})
	agents := clip.Agents()
	var chips []string
	for _, p := range w.People {
		chips = append(chips, p.Name+" "+clip.Chip(p).UnitID().String())
	}
	deposited := countQuestionOf("No one is suspected of anything yet. Whose unit keys are now split between the two escrow agents?",
		[3]string{"no one's: a key is deposited only when a court orders it", "only some people's", "everyone's"},
		min(agents[0].Units(), agents[1].Units()), len(w.People))
	t.b.step(Step{
		Actor: "Chip factory", Action: fmt.Sprintf("makes a chip for each of %d people and deposits the two halves of each chip's unit key", len(w.People)),
		Values:  []Value{text("unit IDs", strings.Join(chips, ", "))},
		Outcome: Outcome{Done, fmt.Sprintf("%d chips made; %s holds %d components, %s holds %d", len(w.People), agents[0].Name(), agents[0].Units(), agentShort(agents[1]), agents[1].Units())},
		Quiz:    deposited,
		Note:    "The unit ID travels, sealed, with every call. The unit key never leaves the chip, except as the two halves held in escrow.",
		Cites:   cites(refFIPS185),
	})
	id := clip.Chip(t.alice).UnitID()
	ku1, ku2 := agents[0].Database()[id], agents[1].Database()[id]
	ku := escrow.CombineComponents(ku1, ku2)
	t.b.keep("KU1", ku1[:])
	t.b.keep("KU2", ku2[:])
	t.b.keep("KU", ku[:])
	t.b.step(Step{
		Actor: "Chip factory", Action: "splits Alice's unit key KU into two random halves, KU1 and KU2, that give KU back when combined with xor",
		Values: []Value{
			bytesv("KU1, held by "+agents[0].Name(), ku1[:]),
			bytesv("KU2, held by "+agentShort(agents[1]), ku2[:]),
			bytesv("KU = KU1 xor KU2", ku[:]),
		},
		Note: "Xor (exclusive or) compares two strings bit by bit: 1 where they differ, 0 where they agree. Either half alone is a random string that says nothing about KU; together they unwrap every session key Alice's chip will ever send.",
	})
	return nil
}

// agentShort names an escrow agent briefly.
func agentShort(a *escrow.EscrowAgent) string {
	if a.Name() == attack.SecondAgentName {
		return "Treasury"
	}
	return a.Name()
}
