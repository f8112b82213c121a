package report

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// Direct labels name each line where it ends, in a column to the right of
// the plot, so that no reader matches colours against a legend. Lines that
// end at the same point share one block of labels, one row each.
const (
	labelMargin = 236.0 // the column of labels, with the gap before it
	labelGap    = 14.0  // between the plot and the column
	labelSize   = 13.0
	labelLineH  = 16.0
	labelSample = 24.0 // the sample of a line before each name
	labelSpace  = 8.0  // between two blocks
)

// labelBlock is the labels of the series that end at one point.
type labelBlock struct {
	endX, endY float64 // where the lines end
	rows       []labelRow
	top        float64 // where the block is set
}

// labelRow is one series' label, wrapped.
type labelRow struct {
	s     lineSeries
	lines []string
}

func (b *labelBlock) height() float64 {
	n := 0
	for _, r := range b.rows {
		n += len(r.lines)
	}
	return float64(n)*labelLineH + float64(len(b.rows)-1)*3
}

// labelBlocks groups the series by where they end, wraps their names to
// the label column and sets the blocks beside their lines' ends, top to
// bottom, without overlap.
func labelBlocks(series []lineSeries, column float64) []*labelBlock {
	var blocks []*labelBlock
	chars := max(8, int((column-labelSample-6)/(labelSize*svgCharW)))
	for _, s := range series {
		if len(s.pts) == 0 {
			continue
		}
		end := s.pts[len(s.pts)-1]
		i := slices.IndexFunc(blocks, func(b *labelBlock) bool { return b.endX == end[0] && b.endY == end[1] })
		if i < 0 {
			blocks = append(blocks, &labelBlock{endX: end[0], endY: end[1]})
			i = len(blocks) - 1
		}
		name := s.name + ": " + groupThousands(fmt.Sprint(s.last))
		if s.same != "" {
			name += " (same line)"
		}
		blocks[i].rows = append(blocks[i].rows, labelRow{s, wrap(name, chars)})
	}
	slices.SortStableFunc(blocks, func(a, b *labelBlock) int { return int(math.Copysign(1, a.endY-b.endY)) })
	below := math.Inf(-1)
	for _, b := range blocks {
		b.top = max(b.endY-labelLineH/2, below)
		below = b.top + b.height() + labelSpace
	}
	return blocks
}

// directLabels draws the blocks in the column that starts at x, each row
// a sample of its line and its name, with a thin leader from the end of
// the lines when the block had to move away from it. It returns the SVG
// and the lowest point drawn.
func directLabels(blocks []*labelBlock, x float64) (string, float64) {
	var b strings.Builder
	b.WriteString(`<g class="labels" font-size="` + svgNum(labelSize) + `">` + "\n")
	bottom := 0.0
	for _, blk := range blocks {
		first := blk.top + labelLineH/2
		if math.Abs(first-blk.endY) > 2 {
			fmt.Fprintf(&b, `<polyline fill="none" stroke="#7d8995" stroke-width="1" points="%s,%s %s,%s %s,%s"/>`+"\n",
				svgNum(blk.endX+6), svgNum(blk.endY), svgNum(x-labelGap/2), svgNum(blk.endY), svgNum(x-2), svgNum(first))
		}
		y := blk.top
		for _, r := range blk.rows {
			mid := y + labelLineH/2
			dash := ""
			if r.s.dash != "" {
				dash = ` stroke-dasharray="` + r.s.dash + `"`
			}
			fmt.Fprintf(&b, `<line x1="%s" x2="%s" y1="%s" y2="%s" stroke="%s" stroke-width="2.5"%s/>`, svgNum(x), svgNum(x+labelSample-4), svgNum(mid), svgNum(mid), r.s.color, dash)
			fmt.Fprintf(&b, `<g fill="none" stroke="%s" stroke-width="1.6">%s</g>`, r.s.color, svgMarker(r.s.marker, x+(labelSample-4)/2, mid, 3.8))
			for i, l := range r.lines {
				fmt.Fprintf(&b, `<text x="%s" y="%s" dy="0.35em">%s</text>`, svgNum(x+labelSample+2), svgNum(mid+float64(i)*labelLineH), svgEsc(l))
			}
			b.WriteString("\n")
			y += float64(len(r.lines))*labelLineH + 3
		}
		bottom = max(bottom, y)
	}
	b.WriteString("</g>\n")
	return b.String(), bottom
}
