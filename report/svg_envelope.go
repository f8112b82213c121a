package report

import (
	"fmt"
	"strings"

	"github.com/escrowlab/escrowlab/scenario"
)

// Envelope geometry, in user units. Each layer is a rounded box headed by
// a padlock and the words for its lock; the layer inside is a box inside
// it, narrower by an indent on each side.
const (
	envMargin   = 8.0   // round the outermost box
	envPad      = 14.0  // between a box's edge and its contents
	envLineH    = 20.0  // one line of text
	envItemGap  = 8.0   // between two items of a layer
	envLockW    = 26.0  // the padlock and the space after it
	envMinW     = 280.0 // the narrowest box drawn, so that its text stays readable
	envMaxDepth = 64    // layers drawn at most, which also ends a cycle
)

// envColors are the edges and padlocks of the layers, outermost first, and
// envTints their fills: each layer differs from the one round it in hue,
// and by its place inside it on paper.
var (
	envColors = []string{"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00"}
	envTints  = []string{"#F3F8FC", "#FDF2EA", "#EDF8F4", "#FAF0F6", "#FDF6E6"}
)

// svgEnvelope draws an envelope's layers as nested boxes and returns the
// SVG body and its height.
func svgEnvelope(e *scenario.Envelope) (string, float64) {
	if e == nil || e.Lock == "" && len(e.Items) == 0 {
		return svgNothing()
	}
	var b strings.Builder
	h := envBox(&b, e, envMargin, envMargin, svgWidth-2*envMargin, 0)
	return b.String(), envMargin + h + envMargin
}

// envIndent is how far a layer inside a box of width w stands in from its
// sides: less as the boxes narrow, so that deep nesting still fits.
func envIndent(w float64) float64 { return min(22, max(4, w*0.04)) }

// envBox draws one layer with its top left corner at x, y and width w,
// and everything inside it; it returns the box's height.
func envBox(b *strings.Builder, e *scenario.Envelope, x, y, w float64, depth int) float64 {
	color := envColors[depth%len(envColors)]
	tint := envTints[depth%len(envTints)]
	var in strings.Builder
	cy := y + envPad
	// The heading: a padlock, then the lock in words.
	lock := wrapTo(e.Lock, w-2*envPad-envLockW, svgFont)
	in.WriteString(svgPadlock(x+envPad, cy+3, color))
	in.WriteString(svgTextLines(x+envPad+envLockW, cy+15, envLineH, lock, `font-weight="700"`))
	cy += float64(len(lock))*envLineH + 8
	head := cy - y
	cy += envItemGap + 2
	labelW := envLabelWidth(e.Items, w-2*envPad)
	for _, it := range e.Items {
		if it.Inner != nil {
			cy += envInner(&in, it.Inner, x, cy, w, depth) + envItemGap
			continue
		}
		cy += envItem(&in, it, x+envPad, cy, labelW, w-2*envPad) + envItemGap
	}
	h := cy - y + envPad - envItemGap
	fmt.Fprintf(b, `<rect x="%s" y="%s" width="%s" height="%s" rx="10" fill="%s" stroke="%s" stroke-width="2"/>`+"\n",
		svgNum(x), svgNum(y), svgNum(w), svgNum(h), tint, color)
	// The heading sits on a band of the edge's colour, rounded like the box.
	fmt.Fprintf(b, `<path d="M%s %sV%sa9 9 0 0 1 9 -9H%sa9 9 0 0 1 9 9V%sZ" fill="%s" fill-opacity="0.14" stroke="%s" stroke-width="1"/>`+"\n",
		svgNum(x+1), svgNum(y+head), svgNum(y+10), svgNum(x+w-10), svgNum(y+head), color, color)
	b.WriteString(in.String())
	return h
}

// envInner draws the layer inside a box at x with width w, or says that
// more layers lie inside when the box is too narrow or too deep to hold
// another; it returns the height used.
func envInner(b *strings.Builder, e *scenario.Envelope, x, y, w float64, depth int) float64 {
	ind := envIndent(w)
	if w-2*ind < envMinW || depth+1 >= envMaxDepth {
		b.WriteString(svgTextLines(x+envPad, y+15, envLineH, wrapTo("(more layers inside, not drawn)", w-2*envPad, svgFont), `font-style="italic" fill="`+svgMuted+`"`))
		return envLineH
	}
	return envBox(b, e, x+ind, y, w-2*ind, depth+1)
}

// envLabelWidth is the width of the column of item labels in a box whose
// contents are w wide: enough for the widest label, at most two fifths of
// the box, none if no item has a label.
func envLabelWidth(items []scenario.EnvelopeItem, w float64) float64 {
	lw := 0.0
	for _, it := range items {
		if it.Inner == nil && it.Label != "" {
			lw = max(lw, textWidth(it.Label, svgFont)*1.2+18) // bold: a fifth wider
		}
	}
	return min(lw, w*0.4)
}

// envItem draws one labelled item at x, y: its label in bold in a column
// labelW wide, its text wrapped beside it, the whole w wide. It returns
// the height used.
func envItem(b *strings.Builder, it scenario.EnvelopeItem, x, y, labelW, w float64) float64 {
	lines := 1
	if it.Label != "" {
		l := wrapTo(it.Label, labelW-18, svgFont*1.2)
		b.WriteString(svgTextLines(x, y+15, envLineH, l, `font-weight="700"`))
		lines = len(l)
	}
	if it.Text != "" {
		t := wrapTo(it.Text, w-labelW, svgFont)
		b.WriteString(svgTextLines(x+labelW, y+15, envLineH, t, ""))
		lines = max(lines, len(t))
	}
	return float64(lines) * envLineH
}

// svgPadlock draws a padlock 12 units wide whose shackle's top is at x, y.
func svgPadlock(x, y float64, color string) string {
	return fmt.Sprintf(`<g class="lock"><path d="M%s %sv-4a4 4 0 0 1 8 0v4" fill="none" stroke="%s" stroke-width="2.2"/><rect x="%s" y="%s" width="14" height="11" rx="2" fill="%s"/><circle cx="%s" cy="%s" r="1.8" fill="#FFFFFF"/></g>`+"\n",
		svgNum(x+3), svgNum(y+8), color, svgNum(x), svgNum(y+8), color, svgNum(x+7), svgNum(y+13))
}
