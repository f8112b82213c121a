package scenario

import (
	"fmt"

	"github.com/escrowlab/escrowlab/attack"
	"github.com/escrowlab/escrowlab/internal/plural"
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
	b := newBuilder("forge", fmt.Sprintf("Blaze's rogue LEAF: forging %s %d-bit checksum", article(run.Bits), run.Bits), run.Seed)
	b.t.Schemes = []attack.SchemeID{attack.ClipperID}
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
		b.closing(fmt.Sprintf("Interrupted: %d of %s finished, after %s in all.", len(done), plural.Count(len(run.Forgeries), "trial"), plural.Count(tries, "try")))
	}
	if len(done) > 0 {
		b.closing(nistComparison(done, run.Bits), refNISTFactSheet, refNISTStatement)
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
		Note:  fmt.Sprintf("The chip never reveals its keys; it only accepts or refuses. With %s %d-bit checksum it accepts a random LEAF once in %s tries on average.", article(bits), bits, count(uint64(attack.ExpectedTries(bits)))),
		Cites: cites(refBlaze),
	}
	steps := []Step{{
		Actor: name + "'s chip", Action: "encrypts a call to Bob and attaches a genuine LEAF naming its own unit ID",
		Values: []Value{bytesv("genuine LEAF", f.Genuine)},
	}, search}
	if f.Forged == nil {
		search.Outcome = Outcome{Refused, fmt.Sprintf("interrupted after %s: no LEAF found yet", plural.Count(f.Tries, "try"))}
		steps[1] = search
		return steps
	}
	search.Values = append(search.Values, bytesv("forged LEAF", f.Forged))
	search.Outcome = Outcome{Done, fmt.Sprintf("the chip accepted a random LEAF after %s", plural.Count(f.Tries, "try"))}
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
		Actor: "FBI's decrypt processor", Action: "holds " + name + "'s unit key, released by both agents under a warrant, and reads the call",
		Values: []Value{
			text("same call, genuine LEAF", yesNo(f.GenuineRead, "read correctly (control)", "not read: the control failed")),
			text("forged LEAF names", f.ForgedUnit.String()+", "+unit),
		},
		Note:  "Blaze's draft of May 1994, as NIST's statement of 2 June quoted it, put a forgery at about 28 minutes on the prototype device: too slow, his draft said, for setting up a secure phone call. NIST added that evaders would more likely use unescrowed devices or encrypt twice. Either way, escrow binds only those who comply.",
		Cites: cites(refBlaze, refNISTStatement),
	}
	le.Quiz = yesNoQuestion("Police hold "+name+"'s unit key. Do they read the forged call?", "yes", "no", !f.LEFooled)
	if f.LEFooled {
		le.Outcome = Outcome{Sealed, "the message did not come out: the session key unwrapped from the forged LEAF is garbage"}
	} else {
		le.Outcome = Outcome{Exposed, "the processor read the call: this forgery failed"}
	}
	return append(steps, bob, le)
}

// article is the indefinite article before a number of bits read aloud:
// "an 8-bit", "an 18-bit", "a 16-bit".
func article(n int) string {
	switch {
	case n == 8 || n == 11 || n == 18 || n >= 80 && n < 90:
		return "an"
	}
	return "a"
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
	t := &Table{Caption: "Over " + plural.Count(len(fs), "trial"), Header: []string{"Measure", "Value"}}
	add := func(k string, v Cell) { t.Rows = append(t.Rows, []Cell{Text(k), v}) }
	add("mean tries", Count(int(st.Mean+0.5)))
	add("expected mean (2^"+fmt.Sprint(bits)+")", Count(int(attack.ExpectedTries(bits))))
	add("median tries", Count(int(st.Median+0.5)))
	add("fewest tries", Count(int(st.Min)))
	add("most tries", Count(int(st.Max)))
	add("standard deviation", Count(int(st.StdDev+0.5)))
	if s.Trials > 0 {
		add("mean time", Text(seconds(s.MeanSeconds)))
	}
	add("rate", Text(rate(s.Rate)))
	add("decrypt processor fooled", Ratio(s.Fooled, s.Trials))
	return t
}

// nistComparison sets the measured time beside NIST's 1994 estimate.
func nistComparison(fs []attack.Forgery, bits int) string {
	st := attack.Stats(fs)
	then := "In June 1994 NIST's technical fact sheet put a forgery of the real 16-bit checksum at 65,536 tries on average, \"less than an hour\", and its statement of 2 June quoted Blaze's draft at about 28 minutes on the prototype device."
	if bits != 16 {
		measured := fmt.Sprintf("this run's forgeries took %s tries on average, %s each here", count(uint64(st.Tries.Mean+0.5)), seconds(st.MeanSeconds))
		if st.Trials == 1 {
			measured = fmt.Sprintf("this run's forgery took %s tries, %s here", count(uint64(st.Tries.Mean+0.5)), seconds(st.MeanSeconds))
		}
		return fmt.Sprintf("%s %s %d-bit checksum needs 2^%d = %s tries on average; %s.", then, capitalized(article(bits)), bits, bits, count(uint64(attack.ExpectedTries(bits))), measured)
	}
	return fmt.Sprintf("%s This machine took %s per forgery.", then, seconds(st.MeanSeconds))
}
