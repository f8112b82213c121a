package report

import (
	"math"
	"strings"

	"github.com/escrowlab/escrowlab/scenario"
)

// figureLines draws a picture as text for terminals and Markdown code
// blocks, at most width columns wide: an envelope as nested boxes, a
// timeline as rows of symbols, a graph as a list of arrows. Line charts and
// heat maps have no text drawing (their numbers are in tables): for them,
// and for a picture without data, it returns nil.
func figureLines(c scenario.Chart, width int) []string {
	switch {
	case c.Kind == scenario.EnvelopeChart && c.Envelope != nil:
		return envelopeLines(c.Envelope, min(width, envelopeWidth(c.Envelope)))
	case c.Kind == scenario.TimelineChart && c.Timeline != nil:
		return timelineLines(c.Timeline, width)
	case c.Kind == scenario.GraphChart && c.Graph != nil:
		return graphLines(c.Graph, width)
	}
	return nil
}

// unwrapped is a width no line of text reaches: words laid out at it are
// never wrapped.
const unwrapped = math.MaxInt32

// codeFigureLines draws a picture as text for a Markdown code block, which
// viewers show as it is, scrolling rather than wrapping: at its natural
// width, no words ever wrapped, a label never cut from its count. A
// timeline's rows of calls still fit in rowW columns, a few calls to a
// column if need be. Like [figureLines], it returns nil for a picture
// without a text drawing.
func codeFigureLines(c scenario.Chart, rowW int) []string {
	switch {
	case c.Kind == scenario.EnvelopeChart && c.Envelope != nil:
		return envelopeLines(c.Envelope, envelopeWidth(c.Envelope))
	case c.Kind == scenario.TimelineChart && c.Timeline != nil:
		return timelineText(c.Timeline, rowW, unwrapped)
	case c.Kind == scenario.GraphChart && c.Graph != nil:
		return graphLines(c.Graph, unwrapped)
	}
	return nil
}

// figure writes a picture's title and its text drawing, indented; a chart
// with no text drawing writes nothing.
func (r *renderer) figure(c scenario.Chart, indent int) {
	lines := figureLines(c, r.width-indent)
	if len(lines) == 0 {
		return
	}
	r.emptyLine()
	r.wrapped(c.Title, indent, sgrBold)
	for _, l := range lines {
		r.line(spaces(indent), l)
	}
	r.emptyLine()
}

// figures writes, under a heading, the transcript's pictures that have a
// text drawing; the numbers of its charts are in its tables already.
func (r *renderer) figures(charts []scenario.Chart) {
	var drawn []scenario.Chart
	for _, c := range charts {
		if figureLines(c, r.width) != nil {
			drawn = append(drawn, c)
		}
	}
	if len(drawn) == 0 {
		return
	}
	r.heading("Figures")
	for _, c := range drawn {
		r.figure(c, 0)
	}
}

// envelopeLines draws an envelope as a box width columns wide, its lock
// in the top border (or on the first lines, if too long), its fields as
// label and text, and each inner envelope as a box inside it.
func envelopeLines(e *scenario.Envelope, w int) []string {
	if w < 16 {
		return flatEnvelope(e, "")
	}
	inner := w - 4
	var body []string
	top := "┌" + strings.Repeat("─", w-2) + "┐"
	if width(e.Lock)+6 <= w {
		top = "┌─ " + e.Lock + " " + strings.Repeat("─", w-5-width(e.Lock)) + "┐"
	} else {
		body = append(body, wrap(e.Lock, inner)...)
	}
	labelW := 0
	for _, it := range e.Items {
		if it.Inner == nil && width(it.Label) <= inner/3 {
			labelW = max(labelW, width(it.Label))
		}
	}
	for _, it := range e.Items {
		if it.Inner != nil {
			body = append(body, envelopeLines(it.Inner, inner)...)
			continue
		}
		body = append(body, fieldLines(it.Label, it.Text, labelW, inner)...)
	}
	out := []string{top}
	for _, l := range body {
		out = append(out, "│ "+l+spaces(inner-width(l))+" │")
	}
	return append(out, "└"+strings.Repeat("─", w-2)+"┘")
}

// envelopeWidth is the width an envelope needs to set everything on one
// line: its lock in the border, each field beside its label, each inner
// envelope inside it.
func envelopeWidth(e *scenario.Envelope) int {
	labelW := 0
	for _, it := range e.Items {
		if it.Inner == nil {
			labelW = max(labelW, width(it.Label))
		}
	}
	w := width(e.Lock) + 6
	for _, it := range e.Items {
		if it.Inner != nil {
			w = max(w, envelopeWidth(it.Inner)+4)
		} else {
			w = max(w, labelW+2+width(it.Text)+4)
		}
	}
	return w
}

// fieldLines sets a label in a column labelW wide and its text beside it,
// wrapped under itself; a label wider than the column stands on its own
// line.
func fieldLines(label, text string, labelW, w int) []string {
	if width(label) > labelW || w-labelW-2 < minBeside/2 {
		return append(wrap(label, w), wrap("  "+text, w)...)
	}
	var out []string
	for i, l := range wrap(text, w-labelW-2) {
		head := spaces(labelW + 2)
		if i == 0 {
			head = label + spaces(labelW-width(label)+2)
		}
		out = append(out, head+l)
	}
	return out
}

// flatEnvelope lists an envelope's layers without boxes, for very narrow
// pages: each lock, then its contents indented.
func flatEnvelope(e *scenario.Envelope, indent string) []string {
	out := []string{indent + e.Lock + ":"}
	for _, it := range e.Items {
		if it.Inner != nil {
			out = append(out, flatEnvelope(it.Inner, indent+"  ")...)
		} else {
			out = append(out, indent+"  "+it.Label+": "+it.Text)
		}
	}
	return out
}
