package report

import (
	"strings"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// width is the display width of s in columns, as a terminal shows it: a
// Chinese or Japanese character or an emoji takes two columns, a combining
// accent none, and the letters, box drawing and symbols escrowlab prints
// (─ ✓ ✗ ■ …) one each.
func width(s string) int { return uniseg.StringWidth(s) }

// spaces returns n spaces, or none if n is not positive.
func spaces(n int) string { return strings.Repeat(" ", max(n, 0)) }

// wrap breaks text into lines of at most limit columns, breaking at white
// space, and between characters of scripts written without spaces (see
// [pieces]). A word longer than limit that cannot be broken stands alone
// on its line.
func wrap(text string, limit int) []string {
	return wrapWords(strings.Fields(text), limit, limit)
}

// wrapWords fills lines greedily with words, the first line holding at most
// first columns and later lines at most rest. A word may contain spaces; it
// is never split at them, only between the [pieces] of a word written
// without spaces. If the first word fits only on a later line, the first
// line is left empty so that the caller's prefix can stand alone.
func wrapWords(words []string, first, rest int) []string {
	var lines []string
	var line strings.Builder
	n, limit := 0, first
	for _, w := range words {
		for i, p := range pieces(w) {
			pw := width(p)
			gap := 0 // a space before the first piece of a word
			if i == 0 && n > 0 {
				gap = 1
			}
			if n == 0 && len(lines) == 0 && pw > first && pw <= rest {
				lines, limit = append(lines, ""), rest
			}
			if n > 0 && n+gap+pw > limit {
				lines = append(lines, line.String())
				line.Reset()
				n, limit, gap = 0, rest, 0
			}
			if gap > 0 {
				line.WriteByte(' ')
				n++
			}
			line.WriteString(p)
			n += pw
		}
	}
	if n > 0 {
		lines = append(lines, line.String())
	}
	return lines
}

// pieces splits a word where a line may break inside it: where Unicode's
// line breaking rules (UAX #14) allow a break next to a wide character, as
// between two Chinese characters, which are written without spaces. Words
// in scripts written with spaces, hyphenated ones included, stay whole, so
// that English text wraps only at spaces.
func pieces(word string) []string {
	if isASCII(word) {
		return []string{word}
	}
	type cluster struct {
		end, width int // end is the byte offset just after the cluster
		canBreak   bool
	}
	var cs []cluster
	state, off, rest := -1, 0, word
	for len(rest) > 0 {
		var c string
		var b int
		c, rest, b, state = uniseg.StepString(rest, state)
		off += len(c)
		cs = append(cs, cluster{end: off, width: b >> uniseg.ShiftWidth, canBreak: b&uniseg.MaskLine == uniseg.LineCanBreak})
	}
	var out []string
	start := 0
	for i := 0; i+1 < len(cs); i++ {
		if cs[i].canBreak && (cs[i].width > 1 || cs[i+1].width > 1) {
			out = append(out, word[start:cs[i].end])
			start = cs[i].end
		}
	}
	return append(out, word[start:])
}

// isASCII reports whether s is all ASCII, which needs no segmenting.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
