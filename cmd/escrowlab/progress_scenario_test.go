package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// drawnProgress makes progress draw at once, every few milliseconds, into
// any writer as if it were a terminal 80 columns wide, until the test
// ends.
func drawnProgress(t *testing.T) {
	t.Helper()
	term, delay, tick := meterTerminal, progressDelay, progressTick
	t.Cleanup(func() { meterTerminal, progressDelay, progressTick = term, delay, tick })
	meterTerminal = func(io.Writer) (func() int, bool) { return func() int { return 80 }, true }
	progressDelay, progressTick = 0, 10*time.Millisecond
}

// redraws splits what progress wrote into the lines it drew, without the
// escape that clears the rest of each.
func redraws(stderr string) []string {
	var lines []string
	for _, d := range strings.Split(stderr, "\r") {
		if d = strings.TrimSuffix(d, clearLine); strings.TrimSpace(d) != "" {
			lines = append(lines, d)
		}
	}
	return lines
}

// A scenario with no calls but wide LEAF forgeries shows progress while it
// forges: the time so far, the forgeries and their tries so far, and no
// estimate of the time left, since a search's tries vary.
func TestScenarioForgeProgress(t *testing.T) {
	drawnProgress(t)
	file := filepath.Join(t.TempDir(), "wide.yaml")
	spec := "title: wide\ncast: [Alice, Bob]\ntraffic: {sessions: 0}\nevents:\n  - day: 1\n    forge: {by: Alice, bits: 20}\n  - day: 2\n    forge: {by: Alice, bits: 18}\n"
	if err := os.WriteFile(file, []byte(spec), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if status := run([]string{"escrowlab", "scenario", "run", file, "--seed", "1", "--no-color"}, strings.NewReader(""), &stdout, &stderr); status != exitOK {
		t.Fatalf("exit status %d; stderr:\n%s", status, stderr.String())
	}
	lines := redraws(stderr.String())
	if len(lines) == 0 {
		t.Fatalf("no progress drawn; stderr %q", stderr.String())
	}
	for _, l := range lines {
		if n := utf8.RuneCountInString(l); n > 79 {
			t.Errorf("redraw of %d columns on an 80-column terminal: %q", n, l)
		}
		for _, want := range []string{"running ", "2 LEAF forgeries of 18 to 20 bits: ", " of ~1.3M tries"} {
			if !strings.Contains(l, want) {
				t.Errorf("redraw %q does not say %q", l, want)
			}
		}
		if strings.Contains(l, "left") || strings.Contains(l, "calls") {
			t.Errorf("redraw %q estimates the time left or counts calls the scenario does not make", l)
		}
	}
	if last := lines[len(lines)-1]; strings.Contains(last, ": 0 of") {
		t.Errorf("the tries were never counted: last redraw %q", last)
	}
}

func TestScenarioLine(t *testing.T) {
	forges := forgeWork([]int{24, 24}, 1_500_000)
	if want := "2 LEAF forgeries of 24 bits: 1.5M of ~33.6M tries"; forges != want {
		t.Fatalf("forgeWork = %q, want %q", forges, want)
	}
	tests := []struct {
		held, calls int
		width       int
		want        []string
		dropped     []string
	}{
		{120, 300, 200, []string{"running 12s", "120 of 300 calls", forges, "Ctrl-C stops"}, nil},
		{120, 300, 90, []string{"running 12s", "120 of 300 calls", forges}, []string{"Ctrl-C"}},
		{120, 300, 70, []string{"running 12s · 120 of 300 calls · 1.5M of ~33.6M tries"}, []string{"LEAF"}},
		{120, 300, 50, []string{"running 12s · 1.5M of ~33.6M tries"}, []string{"calls"}},
		{0, 0, 60, []string{"running 12s · 1.5M of ~33.6M tries"}, []string{"calls"}},
		{120, 300, 30, []string{"running 12s"}, []string{"calls", "LEAF", "tries"}},
		{120, 300, 5, []string{"runni"}, nil},
	}
	for _, tt := range tests {
		got := scenarioLine(tt.held, tt.calls, forges, 12500*time.Millisecond, tt.width)
		if n := utf8.RuneCountInString(got); n > tt.width {
			t.Errorf("line of %d columns exceeds width %d: %q", n, tt.width, got)
		}
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("scenarioLine(width %d) = %q; want it to contain %q", tt.width, got, w)
			}
		}
		for _, w := range tt.dropped {
			if strings.Contains(got, w) {
				t.Errorf("scenarioLine(width %d) = %q; want %q dropped to fit", tt.width, got, w)
			}
		}
	}
}
