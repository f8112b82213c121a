package main

import (
	"strings"
	"testing"

	"github.com/rivo/uniseg"
)

// The --step prompt is cut to the terminal's width as it shows the text:
// two columns for a Chinese character, none for a combining accent, and
// never between a letter and its accent.
func TestTruncate(t *testing.T) {
	tests := []struct {
		s    string
		cols int
		want string
	}{
		{"short", 10, "short"},
		{"exactly ten", 11, "exactly ten"},
		{"a little too long", 10, "a little …"},
		{"爱丽丝给鲍勃打电话", 10, "爱丽丝给…"},
		{"爱丽丝给鲍勃打电话", 9, "爱丽丝给…"},
		{"cafe\u0301 cafe\u0301 cafe\u0301", 8, "cafe\u0301 ca…"},
		{"de\u0301ja\u0300", 3, "de\u0301…"},
	}
	for _, tt := range tests {
		got := truncate(tt.s, tt.cols)
		if got != tt.want {
			t.Errorf("truncate(%q, %d) = %q, want %q", tt.s, tt.cols, got, tt.want)
		}
		if w := uniseg.StringWidth(got); w > tt.cols {
			t.Errorf("truncate(%q, %d) is %d columns", tt.s, tt.cols, w)
		}
	}
	if got := preview("这是第一句话，它很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长。 Second."); uniseg.StringWidth(got) > 60 || !strings.HasSuffix(got, "…") {
		t.Errorf("preview of a long Chinese sentence = %q (%d columns), want at most 60 ending in …", got, uniseg.StringWidth(got))
	}
}
