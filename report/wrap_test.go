package report

import (
	"slices"
	"strings"
	"testing"

	"github.com/rivo/uniseg"
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

// Text in scripts written without spaces, such as Chinese, wraps between
// characters, and every line fits its width on a terminal, where each
// Chinese character takes two columns and a combining accent none.
func TestWrapDisplayWidth(t *testing.T) {
	tests := []struct {
		text  string
		limit int
	}{
		{"爱丽丝给鲍勃打电话。窃听器录下了一切：密钥交换、每条消息的访问字段和密文。", 20},
		{"Alice 给 Bob 打电话，窃听器录下了一切，包括之后的每一个电话。", 16},
		{"日本語の説明文は空白なしで書かれるので、文字の間で折り返す必要がある。", 30},
		// e and a combining acute accent: two runes, one column.
		{strings.Repeat("cafe\u0301 ", 12), 20},
		{strings.Repeat("re\u0301sume\u0301 de\u0301ja\u0300 vu ", 8), 25},
	}
	for _, tt := range tests {
		lines := wrap(tt.text, tt.limit)
		if len(lines) < 2 {
			t.Errorf("wrap(%q, %d) = %q, want several lines", tt.text, tt.limit, lines)
		}
		for _, l := range lines {
			if w := uniseg.StringWidth(l); w > tt.limit {
				t.Errorf("wrap(%q, %d): line %q is %d columns wide", tt.text, tt.limit, l, w)
			}
		}
		// The last line is the only one that may be short: every other
		// line is full enough that the next piece would not have fitted.
		for i, l := range lines[:max(len(lines)-1, 0)] {
			next := pieces(strings.Fields(lines[i+1])[0])[0]
			if width(l)+1+width(next) <= tt.limit {
				t.Errorf("wrap(%q, %d): line %q stops short; %q would fit", tt.text, tt.limit, l, next)
			}
		}
		if got, want := strings.Join(strings.Fields(strings.Join(lines, "")), ""), strings.Join(strings.Fields(tt.text), ""); got != want {
			t.Errorf("wrap(%q, %d) lost or changed text: %q", tt.text, tt.limit, got)
		}
	}
}

func TestWidth(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"abc", 3},
		{"─ ✓ ✗ ■ …", 9},
		{"cafe\u0301", 4},
		{"密钥", 4},
		{"Alice 给 Bob", 12},
	}
	for _, tt := range tests {
		if got := width(tt.s); got != tt.want {
			t.Errorf("width(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

// Words written with spaces stay whole, hyphens and accents included.
func TestPieces(t *testing.T) {
	tests := []struct {
		word string
		want []string
	}{
		{"well-known", []string{"well-known"}},
		{"ünïcödé", []string{"ünïcödé"}},
		{"cafe\u0301", []string{"cafe\u0301"}},
		{"密钥交换", []string{"密", "钥", "交", "换"}},
		{"密钥。", []string{"密", "钥。"}}, // no line starts with a full stop
		{"KU由两个机构保管", []string{"KU", "由", "两", "个", "机", "构", "保", "管"}},
	}
	for _, tt := range tests {
		if got := pieces(tt.word); !slices.Equal(got, tt.want) {
			t.Errorf("pieces(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}
