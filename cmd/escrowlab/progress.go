package main

import (
	"fmt"
	"io"
	"strings"
	"sync/atomic"
	"time"

	"golang.org/x/term"
)

// Progress display timing: nothing for runs shorter than progressDelay.
const (
	progressDelay = time.Second
	progressTick  = 200 * time.Millisecond
	progressWidth = 24
)

// startProgress draws a progress bar on w, if w is a terminal, for a search
// that is expected to make about expected tries in all. The bar appears
// only once the run has lasted progressDelay. The returned function stops
// it and clears the line.
func startProgress(w io.Writer, tries *atomic.Uint64, expected float64) (stop func()) {
	f, ok := terminal(w)
	if !ok {
		return func() {}
	}
	cols := 80
	if c, _, err := term.GetSize(int(f.Fd())); err == nil && c > 0 {
		cols = c
	}
	quit, finished := make(chan struct{}), make(chan struct{})
	start := time.Now()
	go func() {
		defer close(finished)
		delay := time.NewTimer(progressDelay)
		defer delay.Stop()
		select {
		case <-quit:
			return
		case <-delay.C:
		}
		tick := time.NewTicker(progressTick)
		defer tick.Stop()
		for {
			fmt.Fprint(w, "\r"+progressLine(tries.Load(), expected, time.Since(start), cols-1))
			select {
			case <-quit:
				fmt.Fprint(w, "\r\x1b[K")
				return
			case <-tick.C:
			}
		}
	}()
	return func() { close(quit); <-finished }
}

// progressLine renders one line of the bar, at most width columns: tries
// made against the expected number, the rate, and a rough estimate of the
// time left.
func progressLine(done uint64, expected float64, elapsed time.Duration, width int) string {
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
	line := fmt.Sprintf("  %s %s tries · %s/s · %s · Ctrl-C stops", bar, humanCount(float64(done)), humanCount(rate), left)
	if r := []rune(line); len(r) > width {
		line = string(r[:max(width, 0)])
	}
	return line
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
