package report

import (
	"slices"
	"strings"
	"testing"
)

func TestWrap(t *testing.T) {
	texts := []string{
		"",
		"one",
		"The Law Enforcement Access Field carries the session key encrypted under the chip's unit key, so whoever holds both escrowed halves of that unit key can read every call the phone ever made.",
		"  leading and   repeated   spaces\tand\ttabs\nand newlines  ",
		"short words then anunbreakablewordlongerthananyreasonablewidthatall then more short words",
		"ünïcödé ─── ✓ ✗ ■ … words count runes not bytes ünïcödé ─── ✓ ✗ ■ …",
	}
	for _, text := range texts {
		for _, limit := range []int{1, 5, 10, 20, 37, 60, 100} {
			lines := wrap(text, limit)
			for _, l := range lines {
				if width(l) > limit && strings.Contains(l, " ") {
					t.Errorf("wrap(%q, %d): line %q is %d columns", text, limit, l, width(l))
				}
				if l != strings.TrimSpace(l) || l == "" {
					t.Errorf("wrap(%q, %d): line %q has stray space or is empty", text, limit, l)
				}
			}
			if got, want := strings.Fields(strings.Join(lines, " ")), strings.Fields(text); !slices.Equal(got, want) {
				t.Errorf("wrap(%q, %d) words = %q, want %q", text, limit, got, want)
			}
		}
	}
}

func TestWrapWordsFirstLine(t *testing.T) {
	tests := []struct {
		words       []string
		first, rest int
		want        []string
	}{
		{[]string{"aa", "bb", "cc"}, 5, 8, []string{"aa bb", "cc"}},
		{[]string{"aaaaaa", "bb"}, 4, 9, []string{"", "aaaaaa bb"}},
		{[]string{"aaaaaaaaaa", "bb"}, 4, 9, []string{"aaaaaaaaaa", "bb"}},
		{[]string{"why", "[1, 4]"}, 10, 10, []string{"why [1, 4]"}},
		{[]string{"why", "[1, 4]"}, 8, 8, []string{"why", "[1, 4]"}},
		{nil, 5, 5, nil},
	}
	for _, tt := range tests {
		if got := wrapWords(tt.words, tt.first, tt.rest); !slices.Equal(got, tt.want) {
			t.Errorf("wrapWords(%q, %d, %d) = %q, want %q", tt.words, tt.first, tt.rest, got, tt.want)
		}
	}
}
