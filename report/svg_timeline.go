package report

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/escrowlab/escrowlab/internal/plural"
	"github.com/escrowlab/escrowlab/scenario"
)

// A timeline sets every call of a run on a calendar. Above the plot, the
// labels of periods (spans, shaded across every row) and moments (marks,
// dashed lines); then a row of calls with their numbers; then a row per
// party, a filled circle for each call it read and a hollow one for each
// it did not; then the dates and a key. A count at the right of each row
// says how many calls it read. When the calls are too close together for
// a circle each, each is a thin strip instead, light or dark; when they
// are too close even for that, they are gathered into bins a few units
// wide, and each bin shows the share of its calls that a row read.
const (
	tlineMargin   = 8.0
	tlineLabelMax = 210.0 // the widest column of row labels
	tlineDotR     = 4.5   // a call's circle
	tlineDotGap   = 11.0  // least distance between two circles' centres
	tlineStripGap = 5.0   // least distance between two strips' middles
	tlineStripW   = 3.5
	tlineStripH   = 20.0
	tlineShift    = 16.0 // furthest a circle may stand from its date
	tlineBinW     = 8.0  // a bin, at least
	tlineHeadH    = 20.0 // one line of labels of spans and marks
	tlineCallsH   = 40.0 // the row of calls, with their numbers
	tlineRowMin   = 34.0 // a party's row, at least
	tlineLabelH   = 17.0 // a line of a row label
	tlineSmall    = 14.0 // the size of dates, counts and call numbers
	tlineReadFill = "#0072B2"
	tlineUnread   = "#9AA5B1"
	tlinePale     = "#DDE2E7" // a strip or bin of calls not read
)

// tlineLayout is a timeline placed on the page.
type tlineLayout struct {
	t            *scenario.Timeline
	loc          *time.Location
	lo, hi       float64    // the domain, in seconds since 1970
	plotL, plotR float64    // the data area
	left         float64    // the right edge of the row labels
	labels       [][]string // each row's label, wrapped
	labelSize    float64
	counts       []string  // each row's count, the calls row's first
	xs           []float64 // where each call is drawn
	strips       bool      // whether calls are thin strips, not circles
	order        []int     // the calls' indexes by date
	bins         [][]int   // the calls' indexes by bin, if binned
	heads        []tlineHead
	headLines    int
	callsTop     float64 // the top of the calls row
	rowTop       []float64
	rowH         []float64
	axisY        float64
}

// svgTimeline draws a timeline and returns the SVG body and its height.
func svgTimeline(t *scenario.Timeline) (string, float64) {
	if t == nil || len(t.Calls) == 0 {
		return svgNothing()
	}
	l := newTimeline(t)
	var b strings.Builder
	l.spans(&b)
	l.grid(&b)
	l.marks(&b)
	l.callsRow(&b)
	for i := range t.Rows {
		l.row(&b, i)
	}
	l.headLabels(&b)
	l.dateAxis(&b)
	h := l.key(&b)
	return b.String(), h
}

// newTimeline lays a timeline out: the label column, the domain, where
// each call goes, the labels above and the rows.
func newTimeline(t *scenario.Timeline) *tlineLayout {
	l := &tlineLayout{t: t, loc: t.Calls[0].At.Location()}
	l.rowLabels()
	l.countColumn()
	l.domain()
	l.placeCalls()
	l.placeHeads()
	top := tlineMargin + float64(l.headLines)*tlineHeadH + 4
	l.callsTop = top
	top += tlineCallsH
	for _, lines := range l.labels {
		h := max(tlineRowMin, float64(len(lines))*tlineLabelH+14)
		l.rowTop, l.rowH = append(l.rowTop, top), append(l.rowH, h)
		top += h
	}
	l.axisY = top + 4
	return l
}

// rowLabels wraps the rows' labels into the label column at the largest
// size, from 15 down to 13, that keeps every one to two lines, and sets
// the column's width.
func (l *tlineLayout) rowLabels() {
	// 14 again at the end: a label too long for two lines even at 13
	// takes three or more, at the size of the dates.
	for _, size := range []float64{svgFont, 14, 13, 14} {
		l.labelSize, l.labels = size, nil
		fits := true
		for _, r := range l.t.Rows {
			lines := wrapBalanced(r.Label, tlineLabelMax, size)
			fits = fits && len(lines) <= 2
			l.labels = append(l.labels, lines)
		}
		if fits {
			break
		}
	}
	w := textWidth("calls", svgFont)
	for _, lines := range l.labels {
		w = max(w, linesWidth(lines, l.labelSize))
	}
	l.left = tlineMargin + min(w, tlineLabelMax)
	l.plotL = l.left + 22
}

// countColumn writes how many calls each row read, and how many there
// were, and leaves room for them at the right.
func (l *tlineLayout) countColumn() {
	n := len(l.t.Calls)
	l.counts = []string{plural.Count(n, "call")}
	w := textWidth(l.counts[0], tlineSmall)
	for i := range l.t.Rows {
		c := plural.Thousands(len(l.readSet(i))) + " of " + plural.Thousands(n)
		l.counts = append(l.counts, c)
		w = max(w, textWidth(c, tlineSmall))
	}
	l.plotR = svgWidth - tlineMargin - w - 18
}

// readSet is which calls row i read, by index into the calls.
func (l *tlineLayout) readSet(i int) map[int]bool {
	nums := map[int]bool{}
	for _, n := range l.t.Rows[i].Read {
		nums[n] = true
	}
	read := map[int]bool{}
	for j, c := range l.t.Calls {
		if nums[c.Number] {
			read[j] = true
		}
	}
	return read
}

// unixSecs is a moment in seconds since 1970.
func unixSecs(t time.Time) float64 { return float64(t.Unix()) + float64(t.Nanosecond())/1e9 }

// domain is every call, span and mark, with a little room at each end; at
// least two days, so that calls on one day still have a calendar.
func (l *tlineLayout) domain() {
	lo, hi := math.Inf(1), math.Inf(-1)
	add := func(t time.Time) {
		if !t.IsZero() {
			lo, hi = min(lo, unixSecs(t)), max(hi, unixSecs(t))
		}
	}
	for _, c := range l.t.Calls {
		add(c.At)
	}
	for _, s := range l.t.Spans {
		add(s.From)
		add(s.To)
	}
	for _, m := range l.t.Marks {
		add(m.At)
	}
	if math.IsInf(lo, 0) {
		lo, hi = 0, 0
	}
	const day = 86400.0
	if hi-lo < 2*day {
		mid := (lo + hi) / 2
		lo, hi = mid-day, mid+day
	}
	pad := (hi - lo) * 0.03
	l.lo, l.hi = lo-pad, hi+pad
}

// x is where a moment falls.
func (l *tlineLayout) x(t time.Time) float64 {
	return l.plotL + (unixSecs(t)-l.lo)/(l.hi-l.lo)*(l.plotR-l.plotL)
}

// placeCalls sets each call at its date, moved aside by at most
// tlineShift so that circles keep apart; if they cannot, so that thin
// strips do; if they cannot either, the calls go into bins.
func (l *tlineLayout) placeCalls() {
	n := len(l.t.Calls)
	at := make([]float64, n)
	l.order = make([]int, n)
	for i, c := range l.t.Calls {
		at[i], l.order[i] = l.x(c.At), i
	}
	slices.SortStableFunc(l.order, func(a, b int) int { return l.t.Calls[a].At.Compare(l.t.Calls[b].At) })
	for _, gap := range []float64{tlineDotGap, tlineStripGap} {
		if xs, ok := l.spread(at, gap); ok {
			l.xs, l.strips = xs, gap == tlineStripGap
			return
		}
	}
	l.xs = at
	l.binCalls()
}

// spread moves the calls at positions at apart by gap, in date order,
// each as little as may be; ok is false if one would move further than
// tlineShift, or out of the plot.
func (l *tlineLayout) spread(at []float64, gap float64) (xs []float64, ok bool) {
	xs = slices.Clone(at)
	prev := math.Inf(-1)
	for _, i := range l.order {
		xs[i] = max(xs[i], prev+gap)
		prev = xs[i]
	}
	next := math.Inf(1)
	for k := len(l.order) - 1; k >= 0; k-- {
		i := l.order[k]
		xs[i] = min(xs[i], next-gap, l.plotR)
		next = xs[i]
	}
	for i := range xs {
		if math.Abs(xs[i]-at[i]) > tlineShift || xs[i] < l.plotL-tlineShift {
			return nil, false
		}
	}
	return xs, true
}

// binCalls gathers the calls into bins of equal time, at least tlineBinW
// units wide.
func (l *tlineLayout) binCalls() {
	nb := max(1, int((l.plotR-l.plotL)/tlineBinW))
	w := (l.plotR - l.plotL) / float64(nb)
	l.bins = make([][]int, nb)
	for _, i := range l.order {
		b := min(max(int((l.xs[i]-l.plotL)/w), 0), nb-1)
		l.bins[b] = append(l.bins[b], i)
	}
}

// binX is the left edge of bin b.
func (l *tlineLayout) binX(b int) float64 { return l.plotL + float64(b)*l.binW() }

// binW is the width of a bin.
func (l *tlineLayout) binW() float64 { return (l.plotR - l.plotL) / float64(max(len(l.bins), 1)) }

// tlineHead is the label of a span or a mark, set on one of the lines above
// the plot, line 0 nearest it. A mark's dashed line, and a span's edges,
// rise to their label's line, so no label stands across them.
type tlineHead struct {
	text  string
	x, x2 float64 // the mark, twice, or the span's edges
	span  bool
	tx, w float64 // where the text starts, and its width
	line  int
}

// placeHeads sets the labels of spans and marks beside their lines, each
// on the lowest line where it overlaps no other label and crosses no
// other's line.
func (l *tlineLayout) placeHeads() {
	for _, s := range l.t.Spans {
		from, to := s.From, s.To
		if !from.IsZero() && !to.IsZero() && to.Before(from) {
			from, to = to, from
		}
		h := tlineHead{text: s.Label, x: l.plotL, x2: l.plotR, span: true}
		if !from.IsZero() {
			h.x = l.x(from)
		}
		if !to.IsZero() {
			h.x2 = l.x(to)
		}
		l.heads = append(l.heads, h)
	}
	for _, m := range l.t.Marks {
		x := l.plotL // a mark with no date stands at the start
		if !m.At.IsZero() {
			x = l.x(m.At)
		}
		l.heads = append(l.heads, tlineHead{text: m.Label, x: x, x2: x})
	}
	slices.SortStableFunc(l.heads, func(a, b tlineHead) int { return cmp.Compare(a.x, b.x) })
	for i := range l.heads {
		h := &l.heads[i]
		h.w = textWidth(h.text, tlineSmall) * 1.1 // marks are bold
		h.tx = h.x + 6
		if h.tx+h.w > svgWidth-tlineMargin {
			h.tx = h.x - 6 - h.w
		}
		if h.tx < tlineMargin {
			h.tx = max(tlineMargin, svgWidth-tlineMargin-h.w)
		}
		h.line = headLine(*h, l.heads[:i])
		l.headLines = max(l.headLines, h.line+1)
	}
}

// headLine is the lowest line where h fits among the labels placed so
// far, or, if it cannot fit without crossing a line, the lowest where it
// overlaps no label.
func headLine(h tlineHead, placed []tlineHead) int {
	for _, strict := range []bool{true, false} {
		for h.line = 0; h.line <= len(placed); h.line++ {
			if headFits(h, placed, strict) {
				return h.line
			}
		}
	}
	return len(placed)
}

// headFits reports whether h may stand on its line among the labels
// placed so far: clear of those on the same line and, if strict, its own
// lines clear of the labels below and its text clear of the lines of
// labels above.
func headFits(h tlineHead, placed []tlineHead, strict bool) bool {
	crosses := func(x, tx, w float64) bool { return tx-4 <= x && x <= tx+w+4 }
	for _, p := range placed {
		switch {
		case p.line == h.line && h.tx < p.tx+p.w+14 && p.tx < h.tx+h.w+14:
			return false
		case !strict:
		case p.line < h.line && (crosses(h.x, p.tx, p.w) || crosses(h.x2, p.tx, p.w)):
			return false
		case p.line > h.line && (crosses(p.x, h.tx, h.w) || crosses(p.x2, h.tx, h.w)):
			return false
		}
	}
	return true
}

// headTop is the top of line j of the labels above the plot.
func (l *tlineLayout) headTop(j int) float64 {
	return tlineMargin + float64(l.headLines-1-j)*tlineHeadH
}

// spans shades each span from its label down to the dates.
func (l *tlineLayout) spans(b *strings.Builder) {
	for _, h := range l.heads {
		if !h.span {
			continue
		}
		top := l.headTop(h.line)
		fmt.Fprintf(b, `<rect class="span" x="%s" y="%s" width="%s" height="%s" fill="#E69F00" fill-opacity="0.16" stroke="#B07800" stroke-width="1"/>`+"\n",
			svgNum(h.x), svgNum(top), svgNum(max(h.x2-h.x, 1)), svgNum(l.axisY-top))
	}
}

// marks draws each mark as a dashed line from its label down to the
// dates.
func (l *tlineLayout) marks(b *strings.Builder) {
	for _, h := range l.heads {
		if h.span {
			continue
		}
		fmt.Fprintf(b, `<line class="mark" x1="%s" x2="%s" y1="%s" y2="%s" stroke="%s" stroke-width="1.5" stroke-dasharray="6 4"/>`+"\n",
			svgNum(h.x), svgNum(h.x), svgNum(l.headTop(h.line)+2), svgNum(l.axisY), svgInk)
	}
}

// headLabels writes the labels of spans and marks, over everything else.
func (l *tlineLayout) headLabels(b *strings.Builder) {
	for _, h := range l.heads {
		weight := ` font-weight="700"`
		if h.span {
			weight = ""
		}
		fmt.Fprintf(b, `<text x="%s" y="%s" font-size="%s"%s%s>%s</text>`+"\n",
			svgNum(h.tx), svgNum(l.headTop(h.line)+15), svgNum(tlineSmall), weight, svgHalo, svgEsc(h.text))
	}
}

// grid draws a faint line down from each date on the axis, and a rule
// between rows.
func (l *tlineLayout) grid(b *strings.Builder) {
	b.WriteString(`<g stroke="` + svgGrid + `" stroke-width="1">`)
	for _, tk := range l.dateTicks() {
		fmt.Fprintf(b, `<line x1="%s" x2="%s" y1="%s" y2="%s"/>`, svgNum(tk.x), svgNum(tk.x), svgNum(l.callsTop), svgNum(l.axisY))
	}
	for _, y := range l.rowTop {
		fmt.Fprintf(b, `<line x1="%s" x2="%s" y1="%s" y2="%s"/>`, svgNum(tlineMargin), svgNum(svgWidth-tlineMargin), svgNum(y), svgNum(y))
	}
	b.WriteString("</g>\n")
}

// callsRow draws a tick for each call (or, binned, a bar as tall as the
// bin is full) and numbers as many as have room.
func (l *tlineLayout) callsRow(b *strings.Builder) {
	y := l.callsTop
	fmt.Fprintf(b, `<text x="%s" y="%s" text-anchor="end" font-weight="700">calls</text>`+"\n", svgNum(l.left), svgNum(y+31))
	fmt.Fprintf(b, `<text x="%s" y="%s" text-anchor="end" font-size="%s" fill="%s">%s</text>`+"\n", svgNum(svgWidth-tlineMargin), svgNum(y+31), svgNum(tlineSmall), svgMuted, svgEsc(l.counts[0]))
	var slots []tlineSlot
	b.WriteString(`<g class="calls" stroke="` + svgInk + `" stroke-width="1.5">`)
	if l.bins == nil {
		for _, i := range l.order {
			fmt.Fprintf(b, `<line x1="%s" x2="%s" y1="%s" y2="%s"/>`, svgNum(l.xs[i]), svgNum(l.xs[i]), svgNum(y+22), svgNum(y+34))
			slots = append(slots, tlineSlot{l.xs[i], []int{l.t.Calls[i].Number}})
		}
	} else {
		most := 1
		for _, bin := range l.bins {
			most = max(most, len(bin))
		}
		for k, bin := range l.bins {
			if len(bin) == 0 {
				continue
			}
			h := max(2, 14*float64(len(bin))/float64(most))
			fmt.Fprintf(b, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s" stroke="none"/>`, svgNum(l.binX(k)+1), svgNum(y+34-h), svgNum(l.binW()-2), svgNum(h), svgMuted)
			slot := tlineSlot{x: l.binX(k) + l.binW()/2}
			for _, i := range bin {
				slot.nums = append(slot.nums, l.t.Calls[i].Number)
			}
			slots = append(slots, slot)
		}
	}
	b.WriteString("</g>\n")
	b.WriteString(callNumbers(slots, y+15))
}

// tlineSlot is where one call, or one bin of calls, is drawn, with the
// numbers of its calls.
type tlineSlot struct {
	x    float64
	nums []int
}

// callNumbers writes, at y, the number of every call that is a multiple
// of the least of 1, 2, 5, 10, 20, 50… whose numbers keep apart, one in
// each slot at most, and, for a step of 5 or more, the first call's
// number if it has room.
func callNumbers(slots []tlineSlot, y float64) string {
	var shown []tlineSlot
	step := 1
	for ; step < 1e9; step = nextNumberStep(step) {
		if shown = numbersEvery(slots, step); numbersApart(shown) {
			break
		}
		shown = nil
	}
	if step >= 5 && len(shown) > 0 && len(slots[0].nums) > 0 && shown[0].x != slots[0].x {
		first := append([]tlineSlot{{slots[0].x, slots[0].nums[:1]}}, shown...)
		if numbersApart(first) {
			shown = first
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<g class="call-numbers" font-size="%s" text-anchor="middle" fill="%s">`, svgNum(tlineSmall), svgMuted)
	for _, c := range shown {
		fmt.Fprintf(&b, `<text x="%s" y="%s" class="num">%d</text>`, svgNum(c.x), svgNum(y), c.nums[0])
	}
	b.WriteString("</g>\n")
	return b.String()
}

// nextNumberStep is the step after step in 1, 2, 5, 10, 20, 50…
func nextNumberStep(step int) int {
	if s := strconv.Itoa(step); s[0] == '2' {
		return step / 2 * 5
	}
	return step * 2
}

// numbersEvery is each slot with the first of its numbers that is a
// multiple of step, as the only one.
func numbersEvery(slots []tlineSlot, step int) []tlineSlot {
	var out []tlineSlot
	for _, s := range slots {
		for _, n := range s.nums {
			if n%step == 0 {
				out = append(out, tlineSlot{s.x, []int{n}})
				break
			}
		}
	}
	return out
}

// numbersApart reports whether each number keeps clear of the next.
func numbersApart(shown []tlineSlot) bool {
	for k := 1; k < len(shown); k++ {
		a, b := shown[k-1], shown[k]
		if a.x+textWidth(strconv.Itoa(a.nums[0]), tlineSmall)/2+8 > b.x-textWidth(strconv.Itoa(b.nums[0]), tlineSmall)/2 {
			return false
		}
	}
	return true
}

// row draws row i: its label, a circle for each call, filled if the row
// read it (or, binned, a column filled as far as the share of its calls
// read), and the count of calls read.
func (l *tlineLayout) row(b *strings.Builder, i int) {
	top, h := l.rowTop[i], l.rowH[i]
	cy := top + h/2
	lines := l.labels[i]
	first := cy - float64(len(lines)-1)*tlineLabelH/2 + 5
	b.WriteString(svgTextLines(l.left, first, tlineLabelH, lines, `text-anchor="end" font-size="`+svgNum(l.labelSize)+`"`))
	fmt.Fprintf(b, `<text x="%s" y="%s" text-anchor="end" font-size="%s" fill="%s">%s</text>`+"\n", svgNum(svgWidth-tlineMargin), svgNum(cy+5), svgNum(tlineSmall), svgMuted, svgEsc(l.counts[i+1]))
	read := l.readSet(i)
	if l.bins != nil {
		l.binnedRow(b, read, cy)
		return
	}
	var filled, hollow strings.Builder
	for _, j := range l.order {
		c := fmt.Sprintf(`<circle cx="%s" cy="%s" r="%s"/>`, svgNum(l.xs[j]), svgNum(cy), svgNum(tlineDotR))
		if l.strips {
			c = fmt.Sprintf(`<rect x="%s" y="%s" width="%s" height="%s"/>`, svgNum(l.xs[j]-tlineStripW/2), svgNum(cy-tlineStripH/2), svgNum(tlineStripW), svgNum(tlineStripH))
		}
		if read[j] {
			filled.WriteString(c)
		} else {
			hollow.WriteString(c)
		}
	}
	if l.strips {
		fmt.Fprintf(b, `<g class="unread" fill="%s">%s</g>`+"\n", tlinePale, hollow.String())
		fmt.Fprintf(b, `<g class="read" fill="%s">%s</g>`+"\n", tlineReadFill, filled.String())
		return
	}
	fmt.Fprintf(b, `<g class="unread" fill="#FFFFFF" stroke="%s" stroke-width="1.5">%s</g>`+"\n", tlineUnread, hollow.String())
	fmt.Fprintf(b, `<g class="read" fill="%s" stroke="%s" stroke-width="1.5">%s</g>`+"\n", tlineReadFill, tlineReadFill, filled.String())
}

// binnedRow draws a column for each bin with calls: pale, and dark from
// the bottom up as far as the share of its calls the row read.
func (l *tlineLayout) binnedRow(b *strings.Builder, read map[int]bool, cy float64) {
	const h = 20.0
	w := l.binW() - 2
	b.WriteString(`<g class="bins">`)
	for k, bin := range l.bins {
		if len(bin) == 0 {
			continue
		}
		n := 0
		for _, j := range bin {
			if read[j] {
				n++
			}
		}
		x := l.binX(k) + 1
		fmt.Fprintf(b, `<rect x="%s" y="%s" width="%s" height="%s" fill="`+tlinePale+`"/>`, svgNum(x), svgNum(cy-h/2), svgNum(w), svgNum(h))
		if n > 0 {
			fh := max(3, h*float64(n)/float64(len(bin)))
			fmt.Fprintf(b, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s"/>`, svgNum(x), svgNum(cy+h/2-fh), svgNum(w), svgNum(fh), tlineReadFill)
		}
	}
	b.WriteString("</g>\n")
}

// tlineUnit is a step between dates on the axis.
type tlineUnit struct{ years, months, days int }

// tlineUnits are the steps tried, finest first.
var tlineUnits = []tlineUnit{
	{0, 0, 1}, {0, 0, 2}, {0, 0, 7}, {0, 1, 0}, {0, 2, 0}, {0, 3, 0}, {0, 6, 0},
	{1, 0, 0}, {2, 0, 0}, {5, 0, 0}, {10, 0, 0}, {25, 0, 0}, {50, 0, 0}, {100, 0, 0},
	{250, 0, 0}, {500, 0, 0}, {1000, 0, 0},
}

// tlineTick is a date on the axis: where it falls, its label and where the
// label is centred, moved in from the edges of the figure.
type tlineTick struct {
	x, cx float64
	label string
}

// dateTicks returns the dates on the axis at the finest step whose labels
// keep apart, or, if none does, the first and last of the coarsest.
func (l *tlineLayout) dateTicks() []tlineTick {
	lo := time.Unix(int64(math.Floor(l.lo)), 0).In(l.loc)
	hi := time.Unix(int64(math.Ceil(l.hi)), 0).In(l.loc)
	var ticks []tlineTick
	for _, u := range tlineUnits {
		ticks = l.ticksOf(u, u.dates(lo, hi))
		if len(ticks) > 0 && ticksApart(ticks) {
			return ticks
		}
	}
	if len(ticks) > 2 {
		ticks = []tlineTick{ticks[0], ticks[len(ticks)-1]}
	}
	return ticks
}

// ticksApart reports whether each tick's label keeps clear of the next.
func ticksApart(ticks []tlineTick) bool {
	for k := 1; k < len(ticks); k++ {
		a, b := ticks[k-1], ticks[k]
		if a.cx+textWidth(a.label, tlineSmall)/2+14 > b.cx-textWidth(b.label, tlineSmall)/2 {
			return false
		}
	}
	return true
}

// dates returns the dates that are whole steps of u from lo to hi, or
// nil if there would be more than 60.
func (u tlineUnit) dates(lo, hi time.Time) []time.Time {
	loc := lo.Location()
	var t time.Time
	switch {
	case u.years > 0:
		y := lo.Year()
		y -= ((y % u.years) + u.years) % u.years
		t = time.Date(y, time.January, 1, 0, 0, 0, 0, loc)
	case u.months > 0:
		m := (int(lo.Month()) - 1) / u.months * u.months
		t = time.Date(lo.Year(), time.Month(m+1), 1, 0, 0, 0, 0, loc)
	default:
		t = time.Date(lo.Year(), lo.Month(), lo.Day(), 0, 0, 0, 0, loc)
		for u.days == 7 && t.Weekday() != time.Monday {
			t = t.AddDate(0, 0, 1)
		}
	}
	var out []time.Time
	for ; !t.After(hi); t = t.AddDate(u.years, u.months, u.days) {
		if t.Before(lo) {
			continue
		}
		if out = append(out, t); len(out) > 60 {
			return nil
		}
	}
	return out
}

// ticksOf places dates on the axis and labels them: day and month, month,
// or year, as fits the step, with the year at the first date and
// wherever it changes.
func (l *tlineLayout) ticksOf(u tlineUnit, dates []time.Time) []tlineTick {
	var out []tlineTick
	for k, d := range dates {
		label := strconv.Itoa(d.Year())
		if u.years == 0 {
			label = d.Format("Jan")
			if u.months == 0 {
				label = strconv.Itoa(d.Day()) + " " + label
			}
			if k == 0 || d.Year() != dates[k-1].Year() {
				label += " " + strconv.Itoa(d.Year())
			}
		}
		x := l.x(d)
		half := textWidth(label, tlineSmall) / 2
		out = append(out, tlineTick{x: x, cx: min(max(x, tlineMargin+half), svgWidth-tlineMargin-half), label: label})
	}
	return out
}

// dateAxis draws the axis of dates under the rows.
func (l *tlineLayout) dateAxis(b *strings.Builder) {
	y := l.axisY
	fmt.Fprintf(b, `<line x1="%s" x2="%s" y1="%s" y2="%s" stroke="%s" stroke-width="1.5"/>`+"\n", svgNum(l.plotL-6), svgNum(l.plotR+6), svgNum(y), svgNum(y), svgInk)
	fmt.Fprintf(b, `<g class="dates" font-size="%s" text-anchor="middle">`, svgNum(tlineSmall))
	for _, tk := range l.dateTicks() {
		fmt.Fprintf(b, `<line x1="%s" x2="%s" y1="%s" y2="%s" stroke="%s"/>`, svgNum(tk.x), svgNum(tk.x), svgNum(y), svgNum(y+5), svgInk)
		fmt.Fprintf(b, `<text x="%s" y="%s">%s</text>`, svgNum(tk.cx), svgNum(y+22), svgEsc(tk.label))
	}
	b.WriteString("</g>\n")
}

// key explains the circles (or the strips, or the bins) under the axis
// and returns the height of the whole figure.
func (l *tlineLayout) key(b *strings.Builder) float64 {
	y, x := l.axisY+52, l.plotL
	read, unread := "read, checked against what was said", "not read"
	sample := func(fill, stroke string) string {
		if l.bins == nil && !l.strips {
			return fmt.Sprintf(`<circle cx="%s" cy="%s" r="%s" fill="%s" stroke="%s" stroke-width="1.5"/>`, svgNum(x+tlineDotR), svgNum(y-5), svgNum(tlineDotR), fill, stroke)
		}
		return fmt.Sprintf(`<rect x="%s" y="%s" width="8" height="16" fill="%s"/>`, svgNum(x+1), svgNum(y-13), fill)
	}
	b.WriteString(sample(tlineReadFill, tlineReadFill))
	fmt.Fprintf(b, `<text x="%s" y="%s">%s</text>`, svgNum(x+16), svgNum(y), svgEsc(read))
	x += 16 + textWidth(read, svgFont) + 24
	if l.bins == nil && !l.strips {
		b.WriteString(sample("#FFFFFF", tlineUnread))
	} else {
		b.WriteString(sample(tlinePale, "none"))
	}
	fmt.Fprintf(b, `<text x="%s" y="%s">%s</text>`+"\n", svgNum(x+16), svgNum(y), unread)
	if l.bins == nil {
		return y + 14
	}
	days := (l.hi - l.lo) / 86400 / float64(len(l.bins))
	note := wrapTo("Each column gathers the calls of "+binSpan(days)+", dark as far up as the share of them read.", svgWidth-tlineMargin-l.plotL, tlineSmall)
	b.WriteString(svgTextLines(l.plotL, y+24, 20, note, `font-size="`+svgNum(tlineSmall)+`" fill="`+svgMuted+`"`))
	return y + 24 + 20*float64(len(note)-1) + 14
}

// binSpan says how long a bin lasts, roughly, in days or hours.
func binSpan(days float64) string {
	if days >= 1.5 {
		return "about " + plural.Count(int(math.Round(days)), "day")
	}
	if days >= 0.75 {
		return "about a day"
	}
	return "about " + plural.Count(max(1, int(math.Round(days*24))), "hour")
}
