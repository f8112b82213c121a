package main

import (
	"strings"
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
	}{
		{1_300_000, 65536 * 100, time.Second, 100, []string{"1.3M tries", "1.3M/s", "~4s left", "Ctrl-C stops", "███░"}},
		{70_000, 65536, 50 * time.Millisecond, 100, []string{"70.0k tries", "past the average", "████████████████████████"}},
		{500, 65536, time.Second, 30, nil},
	}
	for _, tt := range tests {
		got := progressLine(tt.done, tt.expected, tt.elapsed, tt.width)
		if n := utf8.RuneCountInString(got); n > tt.width {
			t.Errorf("line of %d columns exceeds width %d: %q", n, tt.width, got)
		}
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("progressLine(%d, %v) = %q; want it to contain %q", tt.done, tt.expected, got, w)
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
