package main

import (
	"bytes"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"
)

func TestProgressLine(t *testing.T) {
	tests := []struct {
		done     uint64
		expected float64
		elapsed  time.Duration
		width    int
		want     []string
		dropped  []string
	}{
		{1_300_000, 65536 * 100, time.Second, 100, []string{"1.3M tries", "1.3M/s", "~4s left", "Ctrl-C stops", "███░"}, nil},
		{70_000, 65536, 50 * time.Millisecond, 100, []string{"70.0k tries", "past the average", "████████████████████████"}, nil},
		// Narrower terminals lose the hint, then the rate, then the bar.
		{1_300_000, 65536 * 100, time.Second, 60, []string{"███░", "1.3M tries", "1.3M/s", "~4s left"}, []string{"Ctrl-C"}},
		{1_300_000, 65536 * 100, time.Second, 50, []string{"███░", "1.3M tries", "~4s left"}, []string{"/s"}},
		{1_300_000, 65536 * 100, time.Second, 25, []string{"1.3M tries", "~4s left"}, []string{"█"}},
		{1_300_000, 65536 * 100, time.Second, 6, []string{"1.3M t"}, nil},
		{500, 65536, time.Second, 0, nil, nil},
	}
	for _, tt := range tests {
		got := progressLine(tt.done, tt.expected, "tries", tt.elapsed, tt.width)
		if n := utf8.RuneCountInString(got); n > tt.width {
			t.Errorf("line of %d columns exceeds width %d: %q", n, tt.width, got)
		}
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("progressLine(%d, %v, width %d) = %q; want it to contain %q", tt.done, tt.expected, tt.width, got, w)
			}
		}
		for _, w := range tt.dropped {
			if strings.Contains(got, w) {
				t.Errorf("progressLine(%d, %v, width %d) = %q; want %q dropped to fit", tt.done, tt.expected, tt.width, got, w)
			}
		}
	}
	if got := humanCount(950); got != "950" {
		t.Errorf("humanCount(950) = %q", got)
	}
	if got := humanCount(1.1e9); got != "1.1G" {
		t.Errorf("humanCount(1.1e9) = %q", got)
	}
}

// Each redraw starts at the left margin, fits the width the terminal has
// at that moment, and clears what a longer line left behind; stopping
// clears the line.
func TestDrawProgress(t *testing.T) {
	defer func(c string) { clearLine = c }(clearLine)
	clearLine = "\x1b[K"
	out := drawSome(t)
	if !strings.HasSuffix(out, "\r"+clearLine+"\r") {
		t.Fatalf("stopping did not clear the line: %q", out)
	}
	draws := strings.Split(strings.TrimSuffix(out, "\r"+clearLine+"\r"), "\r")[1:]
	for i, d := range draws {
		line, ok := strings.CutSuffix(d, clearLine)
		if !ok {
			t.Fatalf("redraw %d does not clear to the end of the line: %q", i, d)
		}
		if utf8.RuneCountInString(line) > 99 {
			t.Fatalf("redraw %d wider than the terminal: %q", i, line)
		}
	}
	if last := draws[len(draws)-1]; utf8.RuneCountInString(last) > 29+len(clearLine) {
		t.Fatalf("after the terminal narrowed to 30 columns, the redraw is %q", last)
	}
}

// With TERM=dumb, which may not know the escape that clears a line, each
// redraw is padded with spaces to the width instead.
func TestDrawProgressDumb(t *testing.T) {
	defer func(c string) { clearLine = c }(clearLine)
	clearLine = ""
	out := drawSome(t)
	if strings.Contains(out, "\x1b") {
		t.Fatalf("escape sequence on a dumb terminal: %q", out)
	}
	draws := strings.Split(out, "\r")[1:]
	last := draws[len(draws)-3] // before the blank line that clears, and the final return
	if n := utf8.RuneCountInString(last); n != 29 || !strings.HasSuffix(last, " ") {
		t.Fatalf("redraw %q has %d columns, want 29 ending in spaces", last, n)
	}
	if blank := draws[len(draws)-2]; strings.TrimSpace(blank) != "" || len(blank) != 29 {
		t.Fatalf("stopping wrote %q, want 29 spaces", blank)
	}
}

// drawSome runs the bar on a 100-column terminal, narrows it to 30, waits
// for a redraw at that width, stops it and returns what it wrote.
func drawSome(t *testing.T) string {
	var buf syncBuffer
	var tries atomic.Uint64
	tries.Store(1_300_000)
	var width atomic.Int64
	width.Store(100)
	line := func(elapsed time.Duration, width int) string {
		return progressLine(tries.Load(), 65536*100, "tries", elapsed, width)
	}
	stop := drawProgress(&buf, func() int { return int(width.Load()) }, line, 0)
	waitFor(t, func() bool { return strings.Count(buf.String(), "\r") >= 1 })
	width.Store(30)
	n := strings.Count(buf.String(), "\r")
	waitFor(t, func() bool { return strings.Count(buf.String(), "\r") > n+1 })
	stop()
	return buf.String()
}

// syncBuffer is a bytes.Buffer safe for one writer and one reader.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// waitFor waits until cond holds, failing the test after ten seconds.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !cond(); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("timed out")
		}
	}
}
