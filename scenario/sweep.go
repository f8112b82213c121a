package scenario

import (
	"fmt"

	"github.com/escrowlab/escrowlab/attack"
	"github.com/escrowlab/escrowlab/internal/plural"
)

// ProjectedBits returns the widths a sweep projects its measured rate to.
func ProjectedBits() []int { return []int{32, 48, 64} }

// SweepRun is a measured sweep of forgeries over checksum widths.
type SweepRun struct {
	Lo, Hi  int // the widths asked for
	Trials  int // forgeries per width
	Workers int
	Seed    uint64
	Points  []attack.SweepPoint // the widths measured; the last may be partial if interrupted
}

// SweepRate is the search rate measured over every finished forgery of the
// sweep, in tries per second: the basis of the projection.
func (r SweepRun) SweepRate() float64 {
	var all []attack.Forgery
	for _, p := range r.Points {
		all = append(all, attack.Finished(p.Forgeries)...)
	}
	return attack.Rate(all)
}

// SweepTranscript writes up a sweep: a table measured width by width, then
// a projection to wider checksums, labelled as such.
func SweepTranscript(run SweepRun) *Transcript {
	b := newBuilder("forge-sweep", fmt.Sprintf("The cost of forging a LEAF, checksum widths %d to %d", run.Lo, run.Hi), run.Seed)
	b.t.Schemes = []attack.SchemeID{attack.ClipperID}
	b.intro("Blaze's attack costs about 2^w tries for a w-bit checksum: each extra bit doubles the work. This sweep measures the forgery at each width on this machine, then projects the measured rate to wider checksums.", refBlaze)
	b.intro(fmt.Sprintf("%s per width, on %s; seed %d.", plural.Count(run.Trials, "trial"), workers(run.Workers), run.Seed))

	measured := &Table{Caption: "Measured on this machine", Header: []string{"Bits", "Trials", "Mean tries", "Expected (2^bits)", "Mean time", "Rate", "Processor fooled"}}
	complete := 0 // widths with every trial finished
	for _, p := range run.Points {
		s := attack.Stats(p.Forgeries)
		if s.Trials == 0 {
			continue
		}
		if s.Trials == run.Trials {
			complete++
		}
		measured.Rows = append(measured.Rows, []Cell{
			Count(p.Bits), Count(s.Trials), Count(int(s.Tries.Mean + 0.5)),
			Count(int(attack.ExpectedTries(p.Bits))), Text(seconds(s.MeanSeconds)), Text(rate(s.Rate)),
			Ratio(s.Fooled, s.Trials),
		})
	}
	b.act("Measured", "Each row is real forgeries, run now.")
	b.step(Step{
		Actor: "Mallory", Action: "forges LEAFs at each checksum width",
		Table:   measured,
		Outcome: sweepOutcome(complete, run.Hi-run.Lo+1),
	})

	r := run.SweepRate()
	projected := &Table{Caption: fmt.Sprintf("Projected at the measured rate of %s (not measured)", rate(r)), Header: []string{"Bits", "Expected tries", "Projected mean time"}}
	for _, bits := range ProjectedBits() {
		projected.Rows = append(projected.Rows, []Cell{Count(bits), Text(fmt.Sprintf("2^%d", bits)), Text(seconds(attack.ProjectSeconds(bits, r)))})
	}
	b.act("Projected", "A projection, not a measurement: 2^bits divided by the rate measured above, assuming that rate holds.")
	b.step(Step{
		Actor: "Arithmetic", Action: "projects the measured rate to wider checksums",
		Table: projected,
		Note:  "A wider checksum would have made forgery slower, but a LEAF has only 128 bits: every bit of checksum is a bit taken from the unit ID or the wrapped key. And a rogue user can always encrypt twice, once outside the chip.",
		Cites: cites(refBlaze),
	})
	b.t.Charts = []Chart{sweepChart(run)}
	return b.finish()
}

// sweepOutcome says how many of the widths asked for were measured in
// full: all of them, or, after an interruption, fewer.
func sweepOutcome(complete, asked int) Outcome {
	if complete < asked {
		return Outcome{Refused, fmt.Sprintf("interrupted: %d of %s measured in full", complete, plural.Count(asked, "width"))}
	}
	return Outcome{Done, plural.Count(complete, "width") + " measured"}
}
