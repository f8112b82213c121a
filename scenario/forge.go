package scenario

import (
	"fmt"

	"github.com/escrowlab/escrowlab/attack"
)

// ForgeRun is a measured run of Blaze's rogue-LEAF attack, to be written up
// as a transcript.
type ForgeRun struct {
	Bits      int
	Workers   int
	Seed      uint64
	Forgeries []attack.Forgery // in order; the last may be unfinished if the run was interrupted
}

// ForgeTranscript writes up a forgery run: one forgery step by step, the
// statistics over all trials, and the comparison with NIST's 1994 estimate.
func ForgeTranscript(run ForgeRun) *Transcript {
	b := newBuilder("forge", fmt.Sprintf("Blaze's rogue LEAF: forging a %d-bit checksum", run.Bits), run.Seed)
	b.intro("In 1994 Matt Blaze showed that a Clipper user can dodge the escrow without breaking any cipher. The receiving chip checks only a short checksum inside the LEAF, so a rogue user can feed random LEAFs to their own chip until one passes, and send that instead of the real one.", refBlaze)
	b.intro(fmt.Sprintf("Here Mallory owns a genuine chip but cannot read its keys: the search uses only the chip's LEAF check, which answers yes or no, on %s. Every number below was measured in this run; the seed is %d.", workers(run.Workers), run.Seed))
	done := attack.Finished(run.Forgeries)
	if len(run.Forgeries) > 0 {
		first := run.Forgeries[0]
		b.act("One forgery", "Mallory calls Bob. Law enforcement has a warrant for Mallory's chip and both halves of its unit key.")
		for _, s := range forgeSteps(first, run.Bits, run.Workers, "Mallory") {
			b.step(s)
		}
	}
	if len(run.Forgeries) > 1 {
		b.t.Summary = trialTable(done, run.Bits)
	}
	if len(done) < len(run.Forgeries) || len(run.Forgeries) == 0 {
		var tries uint64
		for _, f := range run.Forgeries {
			tries += f.Tries
		}
		b.t.Closing = append(b.t.Closing, fmt.Sprintf("Interrupted: %d of %d trials finished; %s tries were made in all.", len(done), len(run.Forgeries), count(tries)))
	}
	if len(done) > 0 {
		b.t.Closing = append(b.t.Closing, nistComparison(done, run.Bits))
		b.cite([]int{refNISTFactSheet})
	}
	return b.finish()
}

// workers says how the search was spread over cores: on n workers, or on
// every core if n is 0 (for transcripts that must read the same on any
// machine; the tries do not depend on it).
func workers(n int) string {
	switch n {
	case 0:
		return "every core"
	case 1:
		return "one core"
	}
	return fmt.Sprintf("%d workers, one per core", n)
}

// forgeSteps tells one forgery by the forger called name, step by step.
func forgeSteps(f attack.Forgery, bits, nworkers int, name string) []Step {
	search := Step{
		Actor: name, Action: fmt.Sprintf("feeds random LEAFs to the LEAF check of their own chip until one passes (%s)", workers(nworkers)),
		Values: []Value{
			text("tries", count(f.Tries)),
			text("expected on average", fmt.Sprintf("%s (2^%d)", count(uint64(attack.ExpectedTries(bits))), bits)),
			text("time", duration(f.Elapsed)),
			text("rate", rate(float64(f.Tries)/f.Elapsed.Seconds())),
		},
		Note:  fmt.Sprintf("The chip never reveals its keys; it only accepts or refuses. With a %d-bit checksum it accepts a random LEAF once in %s tries on average.", bits, count(uint64(attack.ExpectedTries(bits)))),
		Cites: cites(refBlaze),
	}
	steps := []Step{{
		Actor: name + "'s chip", Action: "encrypts a call to Bob and attaches a genuine LEAF naming its own unit ID",
		Values: []Value{bytesv("genuine LEAF", f.Genuine)},
	}, search}
	if f.Forged == nil {
		search.Outcome = Outcome{Refused, fmt.Sprintf("interrupted after %s tries: no LEAF found yet", count(f.Tries))}
		steps[1] = search
		return steps
	}
	search.Values = append(search.Values, bytesv("forged LEAF", f.Forged))
	search.Outcome = Outcome{Done, fmt.Sprintf("the chip accepted a random LEAF after %s tries", count(f.Tries))}
	steps[1] = search

	bob := Step{Actor: "Bob's chip", Action: "receives the call with the forged LEAF in place of the real one"}
	if f.ReceiverOK {
		bob.Values = []Value{text("Bob reads", f.ReceiverRead)}
		bob.Outcome = Outcome{Done, "LEAF accepted; the call decrypts normally"}
	} else {
		bob.Outcome = Outcome{Refused, "the forged LEAF was refused"}
	}
	unit := "a unit ID no chip has"
	if f.ForgedUnitKnown {
		unit = "a real chip's unit ID, by chance"
	}
	le := Step{
		Actor: "Investigator's decrypt processor", Action: "holds " + name + "'s unit key, released by both agents under a warrant, and reads the call",
		Values: []Value{
			text("same call, genuine LEAF", yesNo(f.GenuineRead, "read correctly (control)", "not read: the control failed")),
			text("forged LEAF names", f.ForgedUnit.String()+", "+unit),
		},
		Note:  "Escrow binds only those who play along. A determined criminal opts out in minutes; everyone else carries the risk of the escrow databases.",
		Cites: cites(refBlaze),
	}
	le.Quiz = yesNoQuestion("Police hold "+name+"'s unit key. Do they read the forged call?", "yes", "no", !f.LEFooled)
	if f.LEFooled {
		le.Outcome = Outcome{Sealed, "the message did not come out: the session key unwrapped from the forged LEAF is garbage"}
	} else {
		le.Outcome = Outcome{Exposed, "the processor read the call: this forgery failed"}
	}
	return append(steps, bob, le)
}

func yesNo(ok bool, yes, no string) string {
	if ok {
		return yes
	}
	return no
}

// trialTable summarises the tries and times of finished forgeries.
func trialTable(fs []attack.Forgery, bits int) *Table {
	s := attack.Stats(fs)
	st := s.Tries
	t := &Table{Caption: fmt.Sprintf("Over %d trials", len(fs)), Header: []string{"Measure", "Value"}}
	add := func(k, v string) { t.Rows = append(t.Rows, []string{k, v}) }
	add("mean tries", count(uint64(st.Mean+0.5)))
	add("expected mean (2^"+fmt.Sprint(bits)+")", count(uint64(attack.ExpectedTries(bits))))
	add("median tries", count(uint64(st.Median+0.5)))
	add("fewest, most tries", count(st.Min)+", "+count(st.Max))
	add("standard deviation", count(uint64(st.StdDev+0.5)))
	if s.Trials > 0 {
		add("mean time", seconds(s.MeanSeconds))
	}
	add("rate", rate(s.Rate))
	add("decrypt processor fooled", fmt.Sprintf("%d/%d", s.Fooled, s.Trials))
	return t
}

// nistComparison sets the measured time beside NIST's 1994 estimate.
func nistComparison(fs []attack.Forgery, bits int) string {
	mean := attack.Stats(fs).MeanSeconds
	if bits != 16 {
		return fmt.Sprintf("NIST's 1994 reply to Blaze concerned the real 16-bit checksum: about 65,536 tries on average, in \"less than an hour\" on the hardware of the time. This %d-bit run needed %s tries on average (2^%d) and took %s per forgery here.", bits, count(uint64(attack.ExpectedTries(bits))), bits, seconds(mean))
	}
	return fmt.Sprintf("NIST's 1994 reply to Blaze put the cost at about 65,536 tries on average, in \"less than an hour\" on the hardware of the time. This machine took %s per forgery.", seconds(mean))
}
