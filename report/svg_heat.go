package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/escrowlab/escrowlab/scenario"
)

// Heat map geometry, in user units.
const (
	heatCellH   = 36.0
	heatMaxW    = 150.0 // widest cell, so that a small grid stays compact
	heatHeadMax = 240.0 // widest row header column
)

// heatStops is the colour ramp from 0 to 1: pale grey-blue through the
// Okabe–Ito sky blue to a deep blue, growing darker all the way, so that
// order survives greyscale printing and every kind of colour blindness.
var heatStops = [][3]float64{{0xF4, 0xF7, 0xFA}, {0x56, 0xB4, 0xE9}, {0x00, 0x3F, 0x73}}

// heatColor returns the fill for a value from 0 to 1 (clamped), and the
// text colour, black or white, that contrasts with it more.
func heatColor(v float64) (fill, text string) {
	if !finite(v) {
		v = 0
	}
	v = min(max(v, 0), 1)
	seg := v * float64(len(heatStops)-1)
	i := min(int(seg), len(heatStops)-2)
	f := seg - float64(i)
	var rgb [3]float64
	for k := range rgb {
		rgb[k] = math.Round(heatStops[i][k] + (heatStops[i+1][k]-heatStops[i][k])*f)
	}
	fill = fmt.Sprintf("#%02X%02X%02X", int(rgb[0]), int(rgb[1]), int(rgb[2]))
	l := luminance(rgb)
	// Contrast ratios against black (luminance 0) and white (1).
	if (l+0.05)/0.05 >= 1.05/(l+0.05) {
		return fill, "#000000"
	}
	return fill, "#FFFFFF"
}

// heatShade is where a share falls on the ramp: none at the pale end,
// anything above none at least a sixth of the way along, so that 1 call
// in 20 is visibly not 0.
func heatShade(v float64) float64 {
	if !finite(v) || v <= 0 {
		return 0
	}
	return heatFloor + (1-heatFloor)*min(v, 1)
}

// heatFloor is the shade of the smallest share above none.
const heatFloor = 0.18

// luminance is the WCAG relative luminance of an sRGB colour given as 0 to
// 255 per channel.
func luminance(rgb [3]float64) float64 {
	lin := func(c float64) float64 {
		c /= 255
		if c <= 0.04045 {
			return c / 12.92
		}
		return math.Pow((c+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(rgb[0]) + 0.7152*lin(rgb[1]) + 0.0722*lin(rgb[2])
}

// heatAt returns the value and the label of one cell; a missing label is
// the value as a percentage, and a missing value is NaN.
func heatAt(h *scenario.HeatMap, r, c int) (float64, string) {
	v := math.NaN()
	if r < len(h.Values) && c < len(h.Values[r]) {
		v = h.Values[r][c]
	}
	if r < len(h.Labels) && c < len(h.Labels[r]) {
		return v, h.Labels[r][c]
	}
	if finite(v) {
		return v, strconv.FormatFloat(100*v, 'f', 0, 64) + "%"
	}
	return v, ""
}

// splitLabel breaks a header too wide for w units into two lines, at the
// space or hyphen nearest its middle; a header with nowhere to break stays
// whole.
func splitLabel(s string, w, size float64) []string {
	if textWidth(s, size) <= w {
		return []string{s}
	}
	best, bestD := -1, len(s)
	for i, c := range s {
		if c == ' ' || c == '-' {
			if d := absInt(len(s)/2 - i); d < bestD {
				best, bestD = i, d
			}
		}
	}
	if best < 0 {
		return []string{s}
	}
	if s[best] == ' ' {
		return []string{s[:best], s[best+1:]}
	}
	return []string{s[:best+1], s[best+1:]}
}

// absInt is the absolute value of n.
func absInt(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// svgHeatMap draws a grid of cells shaded by value, each with its label,
// under column headers and beside row headers, with a key to the shades.
// It returns the SVG body and its height.
func svgHeatMap(h *scenario.HeatMap, xlabel, ylabel string) (string, float64) {
	if h == nil {
		h = &scenario.HeatMap{}
	}
	nrows, ncols := len(h.Rows), len(h.Cols)
	for _, row := range h.Values {
		ncols = max(ncols, len(row))
	}
	for _, row := range h.Labels {
		ncols = max(ncols, len(row))
	}
	nrows = max(nrows, len(h.Values), len(h.Labels))
	if nrows == 0 || ncols == 0 {
		return `<text x="16" y="34" fill="#4a5560">No cells to draw.</text>` + "\n", 56
	}
	const headSize = 14.0

	headW := textWidth(ylabel, headSize) + 16
	for _, r := range h.Rows {
		headW = max(headW, textWidth(r, svgFont)*1.1+16) // bold: a tenth wider
	}
	headW = math.Round(min(max(headW, 60), heatHeadMax))
	cellW := min(heatMaxW, math.Floor((svgWidth-headW-4)/float64(ncols)))
	gridX := headW + math.Floor((svgWidth-headW-4-cellW*float64(ncols))/2)

	// Column headers, one or two lines each.
	cols := make([][]string, ncols)
	lines := 1
	for c := range ncols {
		name := ""
		if c < len(h.Cols) {
			name = h.Cols[c]
		}
		cols[c] = splitLabel(name, cellW-6, headSize)
		lines = max(lines, len(cols[c]))
	}
	top := 8.0
	var b strings.Builder
	if xlabel != "" {
		fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="middle" font-weight="600">%s</text>`+"\n", svgNum(gridX+cellW*float64(ncols)/2), svgNum(top+14), svgEsc(xlabel))
		top += 26
	}
	headBottom := top + float64(lines)*18 + 6
	b.WriteString(`<g class="col-heads" font-weight="700" font-size="14" text-anchor="middle">` + "\n")
	for c, ls := range cols {
		x := gridX + cellW*(float64(c)+0.5)
		for i, l := range ls {
			y := headBottom - 8 - float64(len(ls)-1-i)*18
			fmt.Fprintf(&b, `<text x="%s" y="%s">%s</text>`, svgNum(x), svgNum(y), svgEsc(l))
		}
		b.WriteString("\n")
	}
	b.WriteString("</g>\n")
	if ylabel != "" {
		fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="end" font-weight="600" font-size="14">%s</text>`+"\n", svgNum(headW-10), svgNum(headBottom-8), svgEsc(ylabel))
	}

	// Rows: header, then cells.
	for r := range nrows {
		y := headBottom + float64(r)*heatCellH
		name := ""
		if r < len(h.Rows) {
			name = h.Rows[r]
		}
		fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="end" dy="0.35em" font-weight="600">%s</text>`+"\n", svgNum(headW-10), svgNum(y+heatCellH/2), svgEsc(name))
		for c := range ncols {
			v, label := heatAt(h, r, c)
			fill, ink := heatColor(heatShade(v))
			if !finite(v) {
				fill, ink = "#FFFFFF", svgInk
			}
			x := gridX + float64(c)*cellW
			fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s" stroke="#FFFFFF" stroke-width="2"/>`, svgNum(x), svgNum(y), svgNum(cellW), svgNum(heatCellH), fill)
			fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="middle" dy="0.35em" fill="%s" class="num">%s</text>`+"\n", svgNum(x+cellW/2), svgNum(y+heatCellH/2), ink, svgEsc(label))
		}
	}
	gridBottom := headBottom + float64(nrows)*heatCellH
	// A hairline round the grid, so pale cells keep an edge on paper.
	fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%s" fill="none" stroke="#aab4bf" stroke-width="1"/>`+"\n", svgNum(gridX), svgNum(headBottom), svgNum(cellW*float64(ncols)), svgNum(gridBottom-headBottom))

	// The key: five swatches from 0% to 100%.
	keyY := gridBottom + 22
	const swW, swH = 64.0, 26.0
	keyX := gridX + cellW*float64(ncols) - 5*swW
	fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="end" dy="0.35em" font-size="14">Shading</text>`, svgNum(keyX-10), svgNum(keyY+swH/2))
	for i := range 5 {
		v := float64(i) / 4
		fill, ink := heatColor(heatShade(v))
		x := keyX + float64(i)*swW
		fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s" stroke="#aab4bf" stroke-width="1"/>`, svgNum(x), svgNum(keyY), svgNum(swW), svgNum(swH), fill)
		fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="middle" dy="0.35em" font-size="13" fill="%s">%d%%</text>`, svgNum(x+swW/2), svgNum(keyY+swH/2), ink, i*25)
	}
	b.WriteString("\n")
	bottom := keyY + swH + 8
	if h.Note != "" {
		fmt.Fprintf(&b, `<text x="%s" y="%s" font-size="14">%s</text>`+"\n", svgNum(gridX), svgNum(bottom+14), svgEsc(h.Note))
		bottom += 26
	}
	return b.String(), bottom
}
