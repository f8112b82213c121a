package report

import (
	"strings"
	"unicode/utf8"
)

// width is the display width of s in columns. Every character escrowlab
// prints (letters, box drawing, ✓ ✗ ■ …) is one column wide, so counting
// runes suffices.
func width(s string) int { return utf8.RuneCountInString(s) }

// spaces returns n spaces, or none if n is not positive.
func spaces(n int) string { return strings.Repeat(" ", max(n, 0)) }

// wrap breaks text into lines of at most limit columns, breaking only at
// white space and keeping words intact. A word longer than limit stands
// alone on its line.
func wrap(text string, limit int) []string {
	return wrapWords(strings.Fields(text), limit, limit)
}

// wrapWords fills lines greedily with words, the first line holding at most
// first columns and later lines at most rest. A word may contain spaces; it
// is never split. If the first word fits only on a later line, the first
// line is left empty so that the caller's prefix can stand alone.
func wrapWords(words []string, first, rest int) []string {
	var lines []string
	var line strings.Builder
	n, limit := 0, first
	for _, w := range words {
		ww := width(w)
		if n == 0 && len(lines) == 0 && ww > first && ww <= rest {
			lines, limit = append(lines, ""), rest
		}
		if n > 0 && n+1+ww > limit {
			lines = append(lines, line.String())
			line.Reset()
			n, limit = 0, rest
		}
		if n > 0 {
			line.WriteByte(' ')
			n++
		}
		line.WriteString(w)
		n += ww
	}
	if n > 0 {
		lines = append(lines, line.String())
	}
	return lines
}
