package main

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/rivo/uniseg"

	"github.com/escrowlab/escrowlab/attack"
	"github.com/escrowlab/escrowlab/internal/plural"
	"github.com/escrowlab/escrowlab/scenario"
)

// forgeWidths lists the checksum widths of the LEAF forgeries in spec,
// in order.
func forgeWidths(spec *scenario.Spec) []int {
	var bits []int
	for _, e := range spec.Events {
		if e.Kind == scenario.ForgeEvent {
			bits = append(bits, e.Bits)
		}
	}
	return bits
}

// forgeWork describes the LEAF forgeries of the given widths for a
// progress line: how many, how wide, the tries made so far and how many
// they take on average ("~": a search may need more or fewer, so the time
// left cannot be told).
func forgeWork(bits []int, tried uint64) string {
	tries := 0.0
	for _, b := range bits {
		tries += attack.ExpectedTries(b)
	}
	width := fmt.Sprintf("%d bits", bits[0])
	if lo, hi := slices.Min(bits), slices.Max(bits); lo != hi {
		width = fmt.Sprintf("%d to %d bits", lo, hi)
	}
	return fmt.Sprintf("%s of %s: %s of ~%s tries", plural.Count(len(bits), "LEAF forgery"), width, humanCount(float64(tried)), humanCount(tries))
}

// scenarioLine renders one line of progress, in at most width columns,
// for a scenario run that forges LEAFs: the scenario counts the calls it
// holds but not the forgers' tries, so the line gives the time elapsed,
// the calls held of those planned, if any, and the forgeries still to
// come or under way, without an estimate of the time left. When the line
// is too wide, the hint goes first, then what the forgeries are, then the
// calls, and the tries last.
func scenarioLine(held, calls int, forges string, elapsed time.Duration, width int) string {
	clock := "running " + elapsed.Truncate(time.Second).String()
	var count []string
	if calls > 0 {
		count = []string{fmt.Sprintf("%s of %s", humanCount(float64(held)), plural.Count(calls, "call"))}
	}
	_, tries, _ := strings.Cut(forges, ": ")
	for _, parts := range [][]string{
		append(append([]string{clock}, count...), forges, "Ctrl-C stops"),
		append(append([]string{clock}, count...), forges),
		append(append([]string{clock}, count...), tries),
		{clock, tries},
		{clock},
	} {
		if line := "  " + strings.Join(parts, " · "); uniseg.StringWidth(line) <= width {
			return line
		}
	}
	return clip(clock, width)
}
