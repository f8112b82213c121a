package main

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/rivo/uniseg"

	"github.com/escrowlab/escrowlab/internal/plural"
)

// Estimates of the time left are shown only once a phase has run for
// etaAfter and done etaFrom of its work: before that, the rate says
// little about the rest.
const (
	etaAfter = time.Second
	etaFrom  = 0.02
)

// matrixProgress renders the matrix's progress in its two steps,
// "recording" and "measuring leaks", which
// count very different work at very different rates: first the calls
// recorded (one unit each), then each recorded call tried under each leak
// and scheme (one unit each, far quicker). read says how many units of
// work, of total, are done; sessions of them are the calls recorded. The
// estimate of the time left is given for the second step only, from its
// own rate, which is also the time left for the whole run.
func matrixProgress(read func() int64, sessions, total int64) render {
	measuring := time.Duration(-1) // when the second step began
	return func(elapsed time.Duration, width int) string {
		done := read()
		if done < sessions {
			return stepLine("recording", fmt.Sprintf("%s of %s", plural.Thousands(done), plural.Count(sessions, "call")), float64(done)/float64(sessions), "", width)
		}
		if measuring < 0 {
			measuring = elapsed
		}
		frac := 1.0
		if total > sessions {
			frac = min(float64(done-sessions)/float64(total-sessions), 1)
		}
		return stepLine("measuring leaks", fmt.Sprintf("%.0f%%", math.Floor(frac*100)), frac, timeLeft(frac, elapsed-measuring), width)
	}
}

// timeLeft estimates the time a step that has done frac of its work in
// elapsed has left, or says nothing while that is too early to tell.
func timeLeft(frac float64, elapsed time.Duration) string {
	if elapsed < etaAfter || frac < etaFrom || frac >= 1 {
		return ""
	}
	left := time.Duration(float64(elapsed) * (1 - frac) / frac)
	return "~" + max(left.Round(time.Second), time.Second).String() + " left"
}

// stepLine renders one line of a step's progress in at most width
// columns: a bar for frac done, what the step does, how far it is, the
// time left if known, and how to stop. When the line is too wide, the
// hint goes first, then the bar, then the step's name.
func stepLine(step, count string, frac float64, left string, width int) string {
	filled := int(frac * progressWidth)
	bar := strings.Repeat("█", filled) + strings.Repeat("░", progressWidth-filled)
	tail := count
	if left != "" {
		tail += " · " + left
	}
	for _, line := range []string{
		"  " + bar + " " + step + ": " + tail + " · Ctrl-C stops",
		"  " + bar + " " + step + ": " + tail,
		"  " + step + ": " + tail,
		"  " + tail,
	} {
		if uniseg.StringWidth(line) <= width {
			return line
		}
	}
	return clip(count, width)
}
