package report

import (
	"fmt"
	"html"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/escrowlab/escrowlab/scenario"
)

// Charts are drawn as inline SVG by the small amount of code below: no
// library, no script, nothing fetched. Every chart is 720 user units wide
// and scales with the page; text sizes are in the same units, so 15 units
// read at about the size of the body text when the figure spans the page.
const (
	svgWidth    = 720.0
	svgFont     = 15.0 // tick labels, legend, cell labels
	svgCharW    = 0.56 // estimated advance of one character, in ems
	svgLineH    = 26.0 // one legend row
	svgPlotH    = 300.0
	svgMaxTicks = 8
	svgAxisGap  = 8.0 // between the data area and each axis
)

// svgInk is the colour of axes and text; svgGrid of grid lines.
const (
	svgInk  = "#1b1f24"
	svgGrid = "#d9dee3"
)

// svgPalette is the Okabe–Ito palette in the order series take it, without
// its yellow, which is too light for a line on white.
var svgPalette = []string{"#000000", "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"}

// svgDashes are the dash patterns series take in turn, so that lines differ
// by more than colour; svgProjection is the pattern of a Dashed series that
// would otherwise be solid.
var svgDashes = []string{"", "10 5", "3 4", "14 4 3 4", "6 3", "1.5 3"}

const svgProjection = "7 6"

// svgMarkers are the marker shapes series take in turn.
var svgMarkers = []string{"circle", "square", "triangle", "diamond", "down", "cross", "plus"}

// svgChart draws one chart. id prefixes the ids of its title and
// description, which label the image for assistive technology.
func svgChart(c scenario.Chart, id string) string {
	var body string
	var height float64
	switch c.Kind {
	case scenario.HeatMapChart:
		body, height = svgHeatMap(c.Heat, c.XLabel, c.YLabel)
	case scenario.EnvelopeChart:
		body, height = svgEnvelope(c.Envelope)
	case scenario.TimelineChart:
		body, height = svgTimeline(c.Timeline)
	case scenario.GraphChart:
		body, height = svgGraph(c.Graph)
	default:
		body, height = svgLineChart(c)
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 %s %s" width="%s" height="%s" aria-labelledby="%s-title" aria-describedby="%s-desc" font-family="system-ui, sans-serif" font-size="%s" fill="%s">`,
		svgNum(svgWidth), svgNum(height), svgNum(svgWidth), svgNum(height), id, id, svgNum(svgFont), svgInk)
	b.WriteString("\n")
	fmt.Fprintf(&b, "<title id=\"%s-title\">%s</title>\n", id, svgEsc(chartTitle(c)))
	fmt.Fprintf(&b, "<desc id=\"%s-desc\">%s</desc>\n", id, svgEsc(chartAlt(c)))
	b.WriteString(body)
	b.WriteString("</svg>")
	return b.String()
}

// chartTitle is a chart's title, or a plain one if it has none.
func chartTitle(c scenario.Chart) string {
	if t := strings.TrimSpace(c.Title); t != "" {
		return t
	}
	if c.Kind == scenario.HeatMapChart {
		return "Heat map"
	}
	return "Line chart"
}

// chartAlt is a chart's text alternative, or a short account of what it
// holds if it has none.
func chartAlt(c scenario.Chart) string {
	if a := strings.TrimSpace(c.Alt); a != "" {
		return a
	}
	if c.Kind == scenario.HeatMapChart {
		if c.Heat == nil {
			return "An empty grid."
		}
		return fmt.Sprintf("A grid of %d rows by %d columns.", len(c.Heat.Rows), len(c.Heat.Cols))
	}
	names := make([]string, len(c.Series))
	for i, s := range c.Series {
		names[i] = s.Name
	}
	if len(names) == 0 {
		return "An empty chart."
	}
	return "Lines: " + strings.Join(names, "; ") + "."
}

// svgEsc escapes text for an SVG element or attribute.
func svgEsc(s string) string { return html.EscapeString(s) }

// svgNum formats a coordinate with at most one decimal, without a trailing
// ".0", so that output is short and deterministic.
func svgNum(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "0"
	}
	s := strconv.FormatFloat(math.Round(f*10)/10, 'f', -1, 64)
	if s == "-0" {
		return "0"
	}
	return s
}

// textWidth estimates the width of s set at size, in user units.
func textWidth(s string, size float64) float64 { return float64(width(s)) * size * svgCharW }

// finite reports whether f is an ordinary number.
func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

// axis maps data values to positions along one axis, linearly or on a
// log10 scale, and knows its ticks.
type axis struct {
	lo, hi   float64 // the domain; log10 of it for a log axis
	log      bool
	from, to float64 // the range in user units
	ticks    []float64
	step     float64 // between ticks; decades for a log axis
	minor    []float64
}

// pos maps a data value to a position; ok is false for values a log axis
// cannot show.
func (a *axis) pos(v float64) (float64, bool) {
	if !finite(v) {
		return 0, false
	}
	if a.log {
		if v <= 0 {
			return 0, false
		}
		v = math.Log10(v)
	}
	return a.from + (v-a.lo)/(a.hi-a.lo)*(a.to-a.from), true
}

// niceStep returns a step of 1, 2 or 5 times a power of ten that divides
// span into about n intervals.
func niceStep(span float64, n int) float64 {
	if !(span > 0) || !finite(span) {
		return 1
	}
	raw := span / float64(n)
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	switch f := raw / p; {
	case f <= 1:
		return p
	case f <= 2:
		return 2 * p
	case f <= 5:
		return 5 * p
	}
	return 10 * p
}

// ticksBetween returns the multiples of step from lo to hi.
func ticksBetween(lo, hi, step float64) []float64 {
	var ts []float64
	eps := step * 1e-9
	for k := math.Ceil((lo - eps) / step); k*step <= hi+eps && len(ts) < 100; k++ {
		ts = append(ts, k*step+0) // +0 turns -0 into 0
	}
	return ts
}

// linearAxis returns an axis over [lo, hi] with nice ticks, about n
// intervals apart. If zero is set
// the domain is widened to include zero and rounded out to whole steps, as
// suits counts; otherwise it stays as given. If integer is set, ticks are
// whole numbers.
func linearAxis(lo, hi float64, n int, zero, integer bool) axis {
	if zero {
		lo, hi = min(lo, 0), max(hi, 0)
	}
	if hi <= lo {
		lo, hi = lo-1, hi+1
		if zero && lo < 0 && hi-1 >= 0 {
			lo = 0
		}
	}
	step := niceStep(hi-lo, n)
	if integer {
		step = max(step, 1)
	}
	if zero {
		lo, hi = math.Floor(lo/step)*step, math.Ceil(hi/step)*step
	}
	return axis{lo: lo, hi: hi, step: step, ticks: ticksBetween(lo, hi, step)}
}

// logAxis returns a log10 axis over the whole decades that cover [lo, hi],
// both positive, with a tick at every multiple of 1, 2, 3, 5 or 10 decades
// inside it, so that there are at most svgMaxTicks, and minor ticks at the
// decades between.
func logAxis(lo, hi float64) axis {
	dlo, dhi := math.Floor(math.Log10(lo)), math.Ceil(math.Log10(hi))
	if dhi <= dlo {
		dhi = dlo + 1
	}
	a := axis{log: true, lo: dlo, hi: dhi}
	for _, k := range []float64{1, 2, 3, 5, 10, 20, 50, 100} {
		a.step, a.ticks = k, ticksBetween(dlo, dhi, k)
		if len(a.ticks) <= svgMaxTicks {
			break
		}
	}
	if a.step > 1 && a.hi-a.lo <= 60 {
		for d := a.lo; d <= a.hi; d++ {
			if math.Mod(d, a.step) != 0 {
				a.minor = append(a.minor, d)
			}
		}
	}
	return a
}

// tickLabel formats a tick of a linear axis whose ticks are step apart.
func tickLabel(v, step float64) string {
	decimals := 0
	if step < 1 {
		decimals = int(math.Ceil(-math.Log10(step) - 1e-9))
	}
	return groupThousands(strconv.FormatFloat(v, 'f', decimals, 64))
}

// groupThousands puts commas between groups of three digits in the whole
// part of a formatted number: "1234567.5" becomes "1,234,567.5".
func groupThousands(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, _ := strings.Cut(s, ".")
	if frac != "" {
		frac = "." + frac
	}
	if s == "0" || strings.Trim(whole+frac, "0.") == "" {
		sign = ""
	}
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return sign + b.String() + frac
}

// logTickText writes the label of a decade tick as SVG text content: plain
// numbers when every tick of the axis lies from 0.001 to a million, which
// most readers take in at a glance, and otherwise ten with a raised
// exponent.
func logTickText(decade float64, a *axis) string {
	if a.lo >= -3 && a.hi <= 6 {
		return svgEsc(groupThousands(strconv.FormatFloat(math.Pow(10, decade), 'f', max(0, int(-decade)), 64)))
	}
	exp := strconv.Itoa(int(decade))
	exp = strings.Replace(exp, "-", "−", 1)
	return `10<tspan dy="-0.5em" font-size="0.75em">` + exp + `</tspan>`
}

// timeRefs are durations worth naming on a log axis of seconds, so that a
// reader need not convert 10⁹ seconds into years.
var timeRefs = []struct {
	secs  float64
	label string
}{
	{1, "1 second"},
	{60, "1 minute"},
	{3600, "1 hour"},
	{86400, "1 day"},
	{365.25 * 86400, "1 year"},
	{1000 * 365.25 * 86400, "1,000 years"},
	{1e6 * 365.25 * 86400, "1 million years"},
	{1e9 * 365.25 * 86400, "1 billion years"},
}

// lineSeries is a series ready to draw: its points in user units and how
// it is told apart from the others.
type lineSeries struct {
	name   string
	pts    [][2]float64
	color  string
	dash   string
	marker string
	same   string  // the name of an earlier series with the same points
	last   float64 // the value of the last point drawn
	model  bool    // not measured (a Dashed series), such as a projection
}

// svgLineChart draws a line chart and returns its SVG body and height.
// Each line is named where it ends; a chart of seconds, whose right margin
// names durations, has a legend below instead.
func svgLineChart(c scenario.Chart) (string, float64) {
	p := newLinePlot(c)
	bottom := p.axisY + 40
	if c.XLabel != "" {
		bottom += 28
	}
	var labels string
	if secondsAxis(c) {
		legend, legendH := svgLegend(p.series, bottom, p.left)
		labels, bottom = legend, bottom+legendH
	} else {
		var low float64
		labels, low = directLabels(labelBlocks(p.series, labelMargin-labelGap), p.right+labelGap)
		bottom = max(bottom, low)
	}
	var b strings.Builder
	p.grid(&b)
	p.axes(&b)
	p.marks(&b)
	p.lines(&b)
	b.WriteString(labels)
	return b.String(), bottom + 8
}

// linePlot is a line chart laid out: its axes, its margins and its series
// in drawing coordinates.
type linePlot struct {
	c                        scenario.Chart
	xa, ya                   axis
	ylabels                  []string // the y tick labels, escaped
	left, right, top, bottom float64  // the data area
	axisX, axisY             float64  // where the axes stand, just outside it
	refs                     []timeRef
	series                   []lineSeries
}

// newLinePlot fits axes to the chart's data and lays out the plot.
func newLinePlot(c scenario.Chart) *linePlot {
	p := &linePlot{c: c}
	p.xa, p.ya = lineAxes(c)
	labelW := p.yTickLabels()
	// The data area runs from left to right and from top to bottom; the
	// axes stand svgAxisGap outside it, so that a line along zero or along
	// the first x value is not hidden by an axis.
	p.left = math.Round(max(48, labelW+22)) + svgAxisGap
	p.right = svgWidth - labelMargin // room to name each line
	if secondsAxis(c) {
		p.right = svgWidth - 112 // room for the names of durations
	}
	p.top = 24.0
	if c.YLabel != "" {
		p.top = 52
	}
	p.bottom = p.top + svgPlotH
	p.xa.from, p.xa.to = p.left, p.right
	p.ya.from, p.ya.to = p.bottom, p.top
	p.axisX, p.axisY = p.left-svgAxisGap, p.bottom+svgAxisGap
	p.refs = secondsRefs(c, &p.ya)
	p.series = lineSeriesOf(c, &p.xa, &p.ya)
	return p
}

// lineAxes fits the axes to every finite point (positive ones on a log
// axis) and every mark.
func lineAxes(c scenario.Chart) (xa, ya axis) {
	xlo, xhi := math.Inf(1), math.Inf(-1)
	ylo, yhi := math.Inf(1), math.Inf(-1)
	integer := true
	for _, s := range c.Series {
		for _, p := range s.Points {
			if !finite(p.X) || !finite(p.Y) || c.LogY && p.Y <= 0 {
				continue
			}
			xlo, xhi = min(xlo, p.X), max(xhi, p.X)
			ylo, yhi = min(ylo, p.Y), max(yhi, p.Y)
			integer = integer && p.Y == math.Trunc(p.Y)
		}
	}
	for _, m := range c.Marks {
		if finite(m.X) {
			xlo, xhi = min(xlo, m.X), max(xhi, m.X)
		}
	}
	if math.IsInf(xlo, 0) {
		xlo, xhi = 0, 1
	}
	switch {
	case math.IsInf(ylo, 0) && c.LogY:
		ya = logAxis(1, 10)
	case math.IsInf(ylo, 0):
		ya = linearAxis(0, 1, 5, true, false)
	case c.LogY:
		ya = logAxis(ylo, yhi)
	default:
		ya = linearAxis(ylo, yhi, 5, ylo >= 0, integer)
	}
	return linearAxis(xlo, xhi, 6, false, false), ya
}

// yTickLabels writes the y tick labels and returns the widest one's width,
// which sizes the left margin.
func (p *linePlot) yTickLabels() float64 {
	p.ylabels = make([]string, len(p.ya.ticks))
	labelW := 0.0
	for i, v := range p.ya.ticks {
		if p.ya.log {
			p.ylabels[i] = logTickText(v, &p.ya)
			if strings.HasPrefix(p.ylabels[i], "10<") {
				labelW = max(labelW, textWidth("10−00", svgFont))
				continue
			}
		} else {
			p.ylabels[i] = svgEsc(tickLabel(v, p.ya.step))
		}
		labelW = max(labelW, textWidth(html.UnescapeString(p.ylabels[i]), svgFont))
	}
	return labelW
}

// grid draws grid lines (decades between ticks dotted, ticks solid) and
// the named durations of a seconds axis.
func (p *linePlot) grid(b *strings.Builder) {
	b.WriteString(`<g class="grid" stroke="` + svgGrid + `" stroke-width="1">` + "\n")
	for _, d := range p.ya.minor {
		if len(p.refs) > 0 {
			break // the named durations are guide enough
		}
		y := yPos(&p.ya, d)
		fmt.Fprintf(b, `<line x1="%s" x2="%s" y1="%s" y2="%s" stroke-dasharray="1 4"/>`+"\n", svgNum(p.left), svgNum(p.right), svgNum(y), svgNum(y))
	}
	for _, v := range p.ya.ticks {
		y := yPos(&p.ya, v)
		fmt.Fprintf(b, `<line x1="%s" x2="%s" y1="%s" y2="%s"/>`+"\n", svgNum(p.left), svgNum(p.right), svgNum(y), svgNum(y))
	}
	b.WriteString("</g>\n")
	for _, r := range p.refs {
		fmt.Fprintf(b, `<line x1="%s" x2="%s" y1="%s" y2="%s" stroke="#7d8995" stroke-width="1" stroke-dasharray="5 4"/>`+"\n", svgNum(p.left), svgNum(p.right), svgNum(r.y), svgNum(r.y))
		fmt.Fprintf(b, `<text x="%s" y="%s" dy="0.35em" font-size="14" fill="#4a5560">%s</text>`+"\n", svgNum(p.right+6), svgNum(r.y), svgEsc(r.label))
	}
}

// axes draws both axes, their ticks, tick labels and axis labels.
func (p *linePlot) axes(b *strings.Builder) {
	fmt.Fprintf(b, `<g stroke="%s" stroke-width="1.5"><line x1="%s" x2="%s" y1="%s" y2="%s"/><line x1="%s" x2="%s" y1="%s" y2="%s"/></g>`+"\n",
		svgInk, svgNum(p.left), svgNum(p.right), svgNum(p.axisY), svgNum(p.axisY), svgNum(p.axisX), svgNum(p.axisX), svgNum(p.top), svgNum(p.bottom))
	b.WriteString(`<g class="ticks">` + "\n")
	for i, v := range p.ya.ticks {
		y := yPos(&p.ya, v)
		fmt.Fprintf(b, `<line x1="%s" x2="%s" y1="%s" y2="%s" stroke="%s"/>`, svgNum(p.axisX-5), svgNum(p.axisX), svgNum(y), svgNum(y), svgInk)
		fmt.Fprintf(b, `<text x="%s" y="%s" text-anchor="end" dy="0.35em">%s</text>`+"\n", svgNum(p.axisX-9), svgNum(y), p.ylabels[i])
	}
	for _, v := range p.xa.ticks {
		x, _ := p.xa.pos(v)
		fmt.Fprintf(b, `<line x1="%s" x2="%s" y1="%s" y2="%s" stroke="%s"/>`, svgNum(x), svgNum(x), svgNum(p.axisY), svgNum(p.axisY+5), svgInk)
		fmt.Fprintf(b, `<text x="%s" y="%s" text-anchor="middle">%s</text>`+"\n", svgNum(x), svgNum(p.axisY+24), svgEsc(tickLabel(v, p.xa.step)))
	}
	b.WriteString("</g>\n")
	if p.c.YLabel != "" {
		fmt.Fprintf(b, `<text x="%s" y="%s" font-weight="600">%s</text>`+"\n", svgNum(p.axisX-9), svgNum(p.top-22), svgEsc(p.c.YLabel))
	}
	if p.c.XLabel != "" {
		fmt.Fprintf(b, `<text x="%s" y="%s" text-anchor="middle" font-weight="600">%s</text>`+"\n", svgNum((p.left+p.right)/2), svgNum(p.axisY+54), svgEsc(p.c.XLabel))
	}
}

// marks draws the labelled vertical lines, under the data.
func (p *linePlot) marks(b *strings.Builder) {
	for _, m := range p.c.Marks {
		x, ok := p.xa.pos(m.X)
		if !ok {
			continue
		}
		fmt.Fprintf(b, `<line x1="%s" x2="%s" y1="%s" y2="%s" stroke="%s" stroke-width="1.5" stroke-dasharray="6 4"/>`+"\n", svgNum(x), svgNum(x), svgNum(p.top), svgNum(p.axisY), svgInk)
		anchor, dx := "start", 6.0
		if x+dx+textWidth(m.Label, svgFont) > p.right {
			anchor, dx = "end", -6
		}
		fmt.Fprintf(b, `<text x="%s" y="%s" text-anchor="%s" font-weight="700" class="halo">%s</text>`+"\n", svgNum(x+dx), svgNum(p.top+16), anchor, svgEsc(m.Label))
	}
}

// lines draws every series as a line, then the markers over every line. A
// series that is not measured leaves unmarked a point that an earlier
// series has marked, so that a projection continuing a line never puts its
// marker on that line's last point.
func (p *linePlot) lines(b *strings.Builder) {
	for _, s := range p.series {
		if len(s.pts) < 2 {
			continue
		}
		pts := make([]string, len(s.pts))
		for i, pt := range s.pts {
			pts[i] = svgNum(pt[0]) + "," + svgNum(pt[1])
		}
		dash := ""
		if s.dash != "" {
			dash = ` stroke-dasharray="` + s.dash + `"`
		}
		fmt.Fprintf(b, `<polyline fill="none" stroke="%s" stroke-width="2.5" stroke-linejoin="round"%s points="%s"/>`+"\n", s.color, dash, strings.Join(pts, " "))
	}
	marked := make(map[[2]float64]bool)
	for _, s := range p.series {
		fmt.Fprintf(b, `<g fill="none" stroke="%s" stroke-width="1.8">`, s.color)
		step := max(1, (len(s.pts)+29)/30)
		for i, pt := range s.pts {
			if i%step != 0 && i != len(s.pts)-1 || s.model && marked[pt] {
				continue
			}
			b.WriteString(svgMarker(s.marker, pt[0], pt[1], 4.5))
			marked[pt] = true
		}
		b.WriteString("</g>\n")
	}
}

// yPos is the position of a tick on the y axis, which for a log axis is a
// decade.
func yPos(a *axis, v float64) float64 {
	if a.log {
		v = math.Pow(10, v)
	}
	y, _ := a.pos(v)
	return y
}

// timeRef is a named duration drawn across a chart.
type timeRef struct {
	y     float64
	label string
}

// secondsAxis reports whether a chart's y axis is a log scale of seconds,
// which gets named durations beside it.
func secondsAxis(c scenario.Chart) bool {
	return c.LogY && strings.Contains(strings.ToLower(c.YLabel), "second")
}

// secondsRefs returns the named durations that fall inside a log axis of
// seconds, at least 20 units apart; none for any other chart.
func secondsRefs(c scenario.Chart, ya *axis) []timeRef {
	if !secondsAxis(c) {
		return nil
	}
	var refs []timeRef
	last := math.Inf(1)
	for _, r := range timeRefs {
		d := math.Log10(r.secs)
		if d <= ya.lo || d >= ya.hi {
			continue
		}
		y := ya.from + (d-ya.lo)/(ya.hi-ya.lo)*(ya.to-ya.from)
		if last-y < 20 {
			continue
		}
		refs = append(refs, timeRef{y, r.label})
		last = y
	}
	return refs
}

// lineSeriesOf places each series' points and gives it a colour, a dash
// pattern and a marker, and notes series that repeat an earlier one point
// for point, which would otherwise hide under it.
func lineSeriesOf(c scenario.Chart, xa, ya *axis) []lineSeries {
	var out []lineSeries
	var keys []string
	for i, s := range c.Series {
		ls := lineSeries{
			name:   s.Name,
			color:  svgPalette[i%len(svgPalette)],
			dash:   svgDashes[i%len(svgDashes)],
			marker: svgMarkers[i%len(svgMarkers)],
		}
		ls.model = s.Dashed
		if s.Dashed && ls.dash == "" {
			ls.dash = svgProjection
		}
		var key strings.Builder
		for _, p := range s.Points {
			x, okx := xa.pos(p.X)
			y, oky := ya.pos(p.Y)
			if !okx || !oky {
				continue
			}
			q := [2]float64{x, y}
			if n := len(ls.pts); n > 0 && ls.pts[n-1] == q {
				continue
			}
			ls.pts, ls.last = append(ls.pts, q), p.Y
			fmt.Fprintf(&key, "%s,%s ", svgNum(x), svgNum(y))
		}
		k := key.String()
		if j := slices.Index(keys, k); j >= 0 && k != "" {
			ls.same = out[j].name
		}
		keys = append(keys, k)
		out = append(out, ls)
	}
	return out
}

// svgLegend draws one row per series: a sample of its line with its
// marker, and its name. It returns the SVG and its height.
func svgLegend(series []lineSeries, top, left float64) (string, float64) {
	var b strings.Builder
	b.WriteString(`<g class="legend">` + "\n")
	for i, s := range series {
		y := top + float64(i)*svgLineH + svgLineH/2
		dash := ""
		if s.dash != "" {
			dash = ` stroke-dasharray="` + s.dash + `"`
		}
		fmt.Fprintf(&b, `<line x1="%s" x2="%s" y1="%s" y2="%s" stroke="%s" stroke-width="2.5"%s/>`, svgNum(left), svgNum(left+44), svgNum(y), svgNum(y), s.color, dash)
		fmt.Fprintf(&b, `<g fill="none" stroke="%s" stroke-width="1.8">%s</g>`, s.color, svgMarker(s.marker, left+22, y, 4.5))
		name := svgEsc(s.name)
		if s.same != "" {
			name += ` <tspan fill="#4a5560">(same line as ` + svgEsc(s.same) + `)</tspan>`
		}
		fmt.Fprintf(&b, `<text x="%s" y="%s" dy="0.35em">%s</text>`+"\n", svgNum(left+56), svgNum(y), name)
	}
	b.WriteString("</g>\n")
	return b.String(), float64(len(series)) * svgLineH
}

// svgMarker draws a marker shape of about r units' radius at x, y.
func svgMarker(shape string, x, y, r float64) string {
	p := func(pts ...float64) string {
		var s strings.Builder
		for i := 0; i < len(pts); i += 2 {
			if i == 0 {
				s.WriteString("M")
			} else {
				s.WriteString("L")
			}
			s.WriteString(svgNum(x+pts[i]) + " " + svgNum(y+pts[i+1]))
		}
		return s.String()
	}
	switch shape {
	case "circle":
		return fmt.Sprintf(`<circle cx="%s" cy="%s" r="%s"/>`, svgNum(x), svgNum(y), svgNum(r))
	case "square":
		s := r * 0.9
		return `<path d="` + p(-s, -s, s, -s, s, s, -s, s) + `Z"/>`
	case "triangle":
		return `<path d="` + p(0, -r*1.15, r*1.1, r*0.75, -r*1.1, r*0.75) + `Z"/>`
	case "down":
		return `<path d="` + p(0, r*1.15, r*1.1, -r*0.75, -r*1.1, -r*0.75) + `Z"/>`
	case "diamond":
		return `<path d="` + p(0, -r*1.25, r*1.25, 0, 0, r*1.25, -r*1.25, 0) + `Z"/>`
	case "cross":
		return `<path d="` + p(-r, -r, r, r) + p(-r, r, r, -r) + `"/>`
	}
	return `<path d="` + p(-r*1.2, 0, r*1.2, 0) + p(0, -r*1.2, 0, r*1.2) + `"/>`
}
