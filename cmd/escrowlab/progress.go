package main

import (
	"fmt"
	"io"
	"strings"
	"sync/atomic"
	"time"
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
	if _, ok := terminal(w); !ok {
		return func() {}
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
			fmt.Fprint(w, "\r"+progressLine(tries.Load(), expected, time.Since(start)))
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

// progressLine renders one line of the bar: done against the expected
// number of tries, the rate, and a rough estimate of the time left.
func progressLine(done uint64, expected float64, elapsed time.Duration) string {
	frac := 0.0
	if expected > 0 {
		frac = min(float64(done)/expected, 1)
	}
	filled := int(frac * progressWidth)
	bar := strings.Repeat("█", filled) + strings.Repeat("░", progressWidth-filled)
	rate := float64(done) / elapsed.Seconds()
	left := "past the average: any moment now"
	if float64(done) < expected && rate > 0 {
		left = "about " + (time.Duration((expected-float64(done))/rate) * time.Second).Round(time.Second).String() + " left on average"
	}
	return fmt.Sprintf("  searching %s %d tries · %.0f tries/s · %s (Ctrl-C stops)", bar, done, rate, left)
}
