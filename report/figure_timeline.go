package report

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/escrowlab/escrowlab/scenario"
)

// Timeline symbols: a call read, a column of calls partly read, a call not
// read, a period covered, and a moment between two calls.
const (
	tlRead    = "●"
	tlPartly  = "◐"
	tlUnread  = "·"
	tlCovered = "━"
	tlMark    = "│"
)

// tlColumn is one column of a text timeline: a run of consecutive calls,
// or a moment (mark >= 0) between two calls.
type tlColumn struct {
	calls []scenario.TimelineCall
	mark  int // index into Timeline.Marks, or -1
}

// timelineLines draws a timeline as text w columns wide: the calls in
// order, one column each (or a few per column when there are too many for
// the width), each mark as a bar between the calls it falls between, then
// a row per span and per party, each under its label, and a key.
func timelineLines(t *scenario.Timeline, w int) []string {
	return timelineText(t, w, w)
}

// timelineText draws a timeline as [timelineLines] does, its rows of
// calls at most rowW columns wide and its words wrapped at w.
func timelineText(t *scenario.Timeline, rowW, w int) []string {
	if len(t.Calls) == 0 {
		return []string{"No calls were made."}
	}
	cols := tlColumns(t, rowW-2)
	per := len(cols[0].calls)
	for _, c := range cols {
		per = max(per, len(c.calls))
	}
	first, last := t.Calls[0], t.Calls[len(t.Calls)-1]
	out := []string{fmt.Sprintf("calls %d to %d, %s to %s, in order", first.Number, last.Number, first.At.Format(dateFormat), last.At.Format(dateFormat))}
	out = append(out, "  "+tlNumbers(cols))
	for _, s := range t.Spans {
		out = append(out, s.Label+fmt.Sprintf(" (%s to %s)", s.From.Format(dateFormat), s.To.Format(dateFormat)))
		out = append(out, "  "+tlRow(cols, func(c scenario.TimelineCall) bool { return inSpan(c.At, s) }, tlCovered, tlCovered, " "))
	}
	for _, r := range t.Rows {
		read := map[int]bool{}
		for _, n := range r.Read {
			read[n] = true
		}
		out = append(out, wrap(r.Label+fmt.Sprintf(": %d of %d", len(r.Read), len(t.Calls)), w)...)
		out = append(out, "  "+tlRow(cols, func(c scenario.TimelineCall) bool { return read[c.Number] }, tlRead, tlPartly, tlUnread))
	}
	return append(out, tlKey(t, per, w)...)
}

// dateFormat is how pictures write dates, as the transcript does.
const dateFormat = "2 Jan 2006"

// inSpan reports whether t falls in s, whose last day counts whole.
func inSpan(t time.Time, s scenario.Span) bool {
	return !t.Before(s.From) && t.Before(s.To.AddDate(0, 0, 1))
}

// tlColumns lays the calls out in at most w columns, a mark column before
// the first call at or after each mark, with as few calls per column as
// fit.
func tlColumns(t *scenario.Timeline, w int) []tlColumn {
	per := 1
	for {
		cols := tlLayout(t, per)
		if len(cols) <= w || per >= len(t.Calls) {
			return cols
		}
		per++
	}
}

// tlLayout groups the calls per to a column, never across a mark.
func tlLayout(t *scenario.Timeline, per int) []tlColumn {
	var cols []tlColumn
	placed := make([]bool, len(t.Marks))
	for _, c := range t.Calls {
		for i, m := range t.Marks {
			if !placed[i] && !c.At.Before(m.At) {
				cols, placed[i] = append(cols, tlColumn{mark: i}), true
			}
		}
		if n := len(cols); n > 0 && cols[n-1].mark < 0 && len(cols[n-1].calls) < per {
			cols[n-1].calls = append(cols[n-1].calls, c)
			continue
		}
		cols = append(cols, tlColumn{calls: []scenario.TimelineCall{c}, mark: -1})
	}
	for i := range t.Marks {
		if !placed[i] {
			cols = append(cols, tlColumn{mark: i})
		}
	}
	return cols
}

// tlRow writes one symbol per column: all if every call in it passes,
// some if only some do, none if none does; marks as bars.
func tlRow(cols []tlColumn, pass func(scenario.TimelineCall) bool, all, some, none string) string {
	var b strings.Builder
	for _, c := range cols {
		if c.mark >= 0 {
			b.WriteString(tlMark)
			continue
		}
		n := 0
		for _, call := range c.calls {
			if pass(call) {
				n++
			}
		}
		switch n {
		case len(c.calls):
			b.WriteString(all)
		case 0:
			b.WriteString(none)
		default:
			b.WriteString(some)
		}
	}
	return strings.TrimRight(b.String(), " ")
}

// tlNumbers writes the number of a column's first call above it, for the
// first column and then wherever a number fits with a space before it.
func tlNumbers(cols []tlColumn) string {
	line := []rune(strings.Repeat(" ", len(cols)))
	free := 0
	for i, c := range cols {
		if c.mark >= 0 || i < free {
			continue
		}
		n := strconv.Itoa(c.calls[0].Number)
		if i+len(n) > len(cols) {
			break
		}
		copy(line[i:], []rune(n))
		free = i + len(n) + 3
	}
	return strings.TrimRight(string(line), " ")
}

// tlKey explains the symbols, how many calls a column holds, and the
// marks from left to right.
func tlKey(t *scenario.Timeline, per, w int) []string {
	key := tlRead + " read, checked against what was said; " + tlUnread + " not read"
	if per > 1 {
		key = fmt.Sprintf("each column is up to %d calls: %s all read, checked against what was said; %s some; %s none", per, tlRead, tlPartly, tlUnread)
	}
	out := wrap(key, w)
	var marks []string
	for _, m := range t.Marks {
		marks = append(marks, m.Label+", "+m.At.Format(dateFormat))
	}
	if len(marks) > 0 {
		out = append(out, wrap(tlMark+" from left to right: "+strings.Join(marks, "; "), w)...)
	}
	return out
}
