package main

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/rivo/uniseg"
	"golang.org/x/term"
)

// Progress display timing: nothing for runs shorter than progressDelay.
// Variables only so that tests can draw at once.
var (
	progressDelay = time.Second
	progressTick  = 200 * time.Millisecond
)

// progressWidth is the width of the bar, in columns.
const progressWidth = 24

// meterTerminal reports whether progress is drawn on w, and if so how to
// read the width of the terminal it is. Tests replace it to draw progress
// into a buffer.
var meterTerminal = func(w io.Writer) (cols func() int, ok bool) {
	f, ok := terminal(w)
	if !ok {
		return nil, false
	}
	return func() int { return columns(f) }, true
}

// render draws one line of a progress display, at most width columns,
// after elapsed time.
type render func(elapsed time.Duration, width int) string

// startProgress draws a progress bar on w, if w is a terminal, for a search
// that is expected to make about expected tries in all. The bar appears
// only once the run has lasted progressDelay; each redraw fits the
// terminal's width at that moment and clears the rest of the line. The
// returned function stops it and clears the line.
func startProgress(w io.Writer, tries *atomic.Uint64, expected float64) (stop func()) {
	return startMeter(w, tries.Load, expected, "tries")
}

// startMeter is startProgress for any work counted in units: read says
// how many are done, of about expected in all.
func startMeter(w io.Writer, read func() uint64, expected float64, unit string) (stop func()) {
	return startDisplay(w, func(elapsed time.Duration, width int) string {
		return progressLine(read(), expected, unit, elapsed, width)
	})
}

// startDisplay redraws line on w, if w is a terminal, from progressDelay
// on, until the returned function is called.
func startDisplay(w io.Writer, line render) (stop func()) {
	cols, ok := meterTerminal(w)
	if !ok {
		return func() {}
	}
	return drawProgress(w, cols, line, progressDelay)
}

// clearLine erases from the cursor to the end of the line. A terminal
// with TERM=dumb may not understand it; there spaces clear the line.
var clearLine = func() string {
	if os.Getenv("TERM") == "dumb" {
		return ""
	}
	return "\x1b[K"
}()

// drawProgress redraws line on w every progressTick after delay, each
// time in cols()-1 columns, until the returned function is called.
func drawProgress(w io.Writer, cols func() int, line render, delay time.Duration) (stop func()) {
	quit, finished := make(chan struct{}), make(chan struct{})
	start := time.Now()
	go func() {
		defer close(finished)
		wait := time.NewTimer(delay)
		defer wait.Stop()
		select {
		case <-quit:
			return
		case <-wait.C:
		}
		tick := time.NewTicker(progressTick)
		defer tick.Stop()
		for {
			width := cols() - 1
			fmt.Fprint(w, "\r"+endLine(line(time.Since(start), width), width))
			select {
			case <-quit:
				fmt.Fprint(w, "\r"+endLine("", width)+"\r")
				return
			case <-tick.C:
			}
		}
	}()
	return func() { close(quit); <-finished }
}

// endLine ends a redrawn line of at most width columns so that nothing of
// a longer line drawn before it remains.
func endLine(line string, width int) string {
	if clearLine != "" {
		return line + clearLine
	}
	return line + strings.Repeat(" ", max(width-uniseg.StringWidth(line), 0))
}

// columns returns the width of terminal f, or 80 if it cannot tell.
func columns(f *os.File) int {
	if c := terminalWidth(f); c > 0 {
		return c
	}
	return 80
}

// terminalWidth is the width of the terminal f is, as the terminal
// reports it or, if it reports none (some pseudo-terminals say 0), as
// $COLUMNS gives it; 0 if neither knows.
func terminalWidth(f *os.File) int {
	if c, _, err := term.GetSize(int(f.Fd())); err == nil && c > 0 {
		return c
	}
	if c, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && c > 0 {
		return c
	}
	return 0
}

// progressLine renders one line of the bar in at most width columns: units
// done against the expected number, the rate, a rough estimate of the time
// left, and how to stop. When the line is too wide, the least useful parts
// go first: the hint, the rate, then the bar.
func progressLine(done uint64, expected float64, unit string, elapsed time.Duration, width int) string {
	frac := 0.0
	if expected > 0 {
		frac = min(float64(done)/expected, 1)
	}
	filled := int(frac * progressWidth)
	bar := strings.Repeat("█", filled) + strings.Repeat("░", progressWidth-filled)
	rate := float64(done) / elapsed.Seconds()
	left := "past the average, any moment"
	if float64(done) < expected && rate > 0 {
		left = "~" + (time.Duration((expected-float64(done))/rate) * time.Second).String() + " left"
	}
	tries, speed := humanCount(float64(done))+" "+unit, humanCount(rate)+"/s"
	for _, line := range []string{
		"  " + bar + " " + strings.Join([]string{tries, speed, left, "Ctrl-C stops"}, " · "),
		"  " + bar + " " + strings.Join([]string{tries, speed, left}, " · "),
		"  " + bar + " " + tries + " · " + left,
		"  " + tries + " · " + left,
	} {
		if uniseg.StringWidth(line) <= width {
			return line
		}
	}
	return clip(tries, width)
}

// humanCount writes n briefly: 950, 12.3k, 4.6M, 1.1G.
func humanCount(n float64) string {
	switch {
	case n >= 1e9:
		return fmt.Sprintf("%.1fG", n/1e9)
	case n >= 1e6:
		return fmt.Sprintf("%.1fM", n/1e6)
	case n >= 1e3:
		return fmt.Sprintf("%.1fk", n/1e3)
	}
	return fmt.Sprintf("%.0f", n)
}
