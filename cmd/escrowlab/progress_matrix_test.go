package main

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// The matrix's progress names what it counts: the calls recorded, of
// those asked for, then how much of the measuring is done, in per cent.
// It never counts work units as calls, and estimates no time left while
// recording, whose rate says nothing about the measuring after it.
func TestMatrixProgress(t *testing.T) {
	drawnProgress(t)
	var stdout, stderr bytes.Buffer
	if status := run([]string{"escrowlab", "matrix", "--people", "40", "--sessions", "300", "--seed", "1", "--no-color"}, strings.NewReader(""), &stdout, &stderr); status != exitOK {
		t.Fatalf("exit status %d; stderr:\n%s", status, stderr.String())
	}
	recording := regexp.MustCompile(`^  [█░]{24} recording: ([0-9,]+) of 300 calls · Ctrl-C stops$`)
	measuring := regexp.MustCompile(`^  [█░]{24} measuring leaks: ([0-9]+)%( · ~[0-9ms]+ left)? · Ctrl-C stops$`)
	var saw [2]bool
	for _, l := range redraws(stderr.String()) {
		if utf8.RuneCountInString(l) > 79 {
			t.Errorf("redraw wider than an 80-column terminal: %q", l)
		}
		switch {
		case recording.MatchString(l):
			saw[0] = true
		case measuring.MatchString(l):
			saw[1] = true
		default:
			t.Fatalf("redraw %q is neither the calls recorded nor the share measured", l)
		}
	}
	if !saw[0] || !saw[1] {
		t.Errorf("drew recording %v, measuring %v; want both", saw[0], saw[1])
	}
}

func TestTimeLeft(t *testing.T) {
	tests := []struct {
		frac    float64
		elapsed time.Duration
		want    string
	}{
		{0.006, 5 * time.Second, ""},                // too little done to tell
		{0.5, 500 * time.Millisecond, ""},           // too soon to tell
		{0.5, 3 * time.Second, "~3s left"},          // half done in 3s
		{0.25, 20 * time.Second, "~1m0s left"},      // a quarter in 20s
		{0.99, 1500 * time.Millisecond, "~1s left"}, // never "~0s left"
		{1, 5 * time.Second, ""},                    // done
	}
	for _, tt := range tests {
		if got := timeLeft(tt.frac, tt.elapsed); got != tt.want {
			t.Errorf("timeLeft(%v, %v) = %q, want %q", tt.frac, tt.elapsed, got, tt.want)
		}
	}
}

func TestStepLineFits(t *testing.T) {
	for _, width := range []int{100, 60, 40, 20, 8, 0} {
		got := stepLine("measuring leaks", "61%", 0.61, "~2s left", width)
		if n := utf8.RuneCountInString(got); n > width {
			t.Errorf("stepLine in %d columns is %d wide: %q", width, n, got)
		}
		if width >= 20 && !strings.Contains(got, "61% · ~2s left") {
			t.Errorf("stepLine in %d columns = %q; want the share and the time left kept", width, got)
		}
	}
}
