package report

import (
	"fmt"
	"strings"
)

// The envelope, the timeline and the graph (svg_envelope.go,
// svg_timeline.go, svg_graph.go) share the helpers below. Each draws its
// body for svgChart, which wraps it in an <svg> 720 units wide, and
// returns the height it needs.

// svgMuted is the colour of secondary text, as --muted in the page.
const svgMuted = "#4a5560"

// svgHalo sets text over a white outline, so that a line or band drawn
// under it does not cross the letters. The page's style sheet gives the
// halo the paper's colour; the attributes keep it where there is none.
const svgHalo = ` class="halo" paint-order="stroke" stroke="#FFFFFF" stroke-width="4" stroke-linejoin="round"`

// svgNothing is the body of a figure with no data.
func svgNothing() (string, float64) {
	return `<text x="16" y="34" fill="` + svgMuted + `">Nothing to draw.</text>` + "\n", 56
}

// wrapTo breaks text into lines that fit w units when set at size, and
// always returns at least one line.
func wrapTo(text string, w, size float64) []string {
	lines := wrap(text, max(4, int(w/(size*svgCharW)+1e-6)))
	if len(lines) == 0 {
		return []string{""}
	}
	return lines
}

// linesWidth is the width of the widest of lines set at size.
func linesWidth(lines []string, size float64) float64 {
	w := 0.0
	for _, l := range lines {
		w = max(w, textWidth(l, size))
	}
	return w
}

// svgTextLines writes lines as one <text> element, the first baseline at
// y and each later one lineH below. attrs go into the element as they
// are, after a space.
func svgTextLines(x, y, lineH float64, lines []string, attrs string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<text x="%s" y="%s"`, svgNum(x), svgNum(y))
	if attrs != "" {
		b.WriteString(" " + attrs)
	}
	b.WriteString(">")
	for i, l := range lines {
		if i == 0 {
			b.WriteString(svgEsc(l))
			continue
		}
		fmt.Fprintf(&b, `<tspan x="%s" dy="%s">%s</tspan>`, svgNum(x), svgNum(lineH), svgEsc(l))
	}
	b.WriteString("</text>\n")
	return b.String()
}

// wrapBalanced breaks text into as few lines as wrapTo does, but as even
// in length as may be, so that a label of two lines does not leave one
// word on the second.
func wrapBalanced(text string, w, size float64) []string {
	lines := wrapTo(text, w, size)
	if len(lines) < 2 {
		return lines
	}
	for limit := width(text) / len(lines); limit < width(text); limit++ {
		if l := wrap(text, limit); len(l) == len(lines) {
			return l
		}
	}
	return lines
}
