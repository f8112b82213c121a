package report

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/escrowlab/escrowlab/scenario"
)

// A graph of who holds what is drawn in columns, as a layered drawing:
// each holder stands one column right of the furthest holder it receives
// from, and one that only gives stands just left of the first it gives
// to. An edge that spans several columns passes between the boxes of the
// columns it crosses, through a slot of its own, and is labelled there.
// Boxes in a column are ordered so that edges cross little, then moved
// up or down towards the holders they exchange keys with. Each edge
// leaves and enters a box at a port of its own, so that several edges
// between one pair run side by side. Where the space between columns
// allows, an edge is labelled on a straight run just after it leaves, in
// a strip that every edge crosses straight, and curves only beyond it;
// otherwise its label goes where it touches no box and no other label,
// on a thin leader if it must stand off its edge.
const (
	grMargin    = 8.0
	grTop       = 12.0
	grBoxMin    = 64.0  // the narrowest box
	grBoxMax    = 170.0 // the widest box
	grGapMax    = 190.0 // the widest space between columns
	grGapMin    = 36.0
	grLineH     = 18.0 // a line of a holder's name
	grPortGap   = 14.0 // between two edges' ends on one side of a box
	grSlotH     = 10.0 // an edge passing through a column
	grSlotGap   = 8.0  // between a passing edge and what is next to it
	grLabelSize = 14.0
	grLabelH    = 16.0  // a line of an edge's label
	grArrow     = 10.0  // the length of an arrowhead
	grCrowded   = 30.0  // the cost of a label's place too crowded to keep
	grLeadGap   = 160.0 // the least space between columns for a strip of labels
	grLeadPad   = 6.0   // before and after a label in the strip
	grCurveMin  = 48.0  // the run an edge needs to curve after the strip
	grNameSize  = 14.0
	grEdgeInk   = "#3B4754"
	grLeakInk   = "#D55E00"
	grLeakText  = "#A53B00" // vermillion darkened for text on white
	grBoxFill   = "#F2F4F6"
)

// grNode is a holder, or a slot where an edge passes through a column.
type grNode struct {
	name       string
	lines      []string // the name, wrapped
	slot       bool
	layer      int
	x, y, w, h float64 // the box
	prev, next []int   // the nodes joined to it in the columns either side
}

// grEdge is an edge laid out: the nodes it passes through, from left to
// right, and its label.
type grEdge struct {
	scenario.Edge
	chain    []int // node indexes, from the left
	reversed bool  // drawn right to left: it runs against the columns
	self     bool  // from a holder to itself
	lead     bool  // labelled on a straight run just after it leaves
	pts      []grPoint
	label    []string
	keyLines int     // how many lines of the label say what passed
	lx, ly   float64 // the label's centre
	lineY    float64 // the height of the edge at lx
	lw, lh   float64
	cost     float64 // how bad the label's place is: see labelCost
}

// grPoint is where an edge passes: a port on a box, a slot's end or the
// end of a strip of labels, and how the run from the point before goes.
type grPoint struct {
	x, y     float64
	straight bool
	through  bool // the run is straight through a column, in a slot
}

// grLayout is a graph laid out.
type grLayout struct {
	nodes   []*grNode
	edges   []*grEdge
	layers  [][]int
	gap     float64 // between columns
	nodeGap float64
	bottom  float64
}

// svgGraph draws who holds what and returns the SVG body and its height.
func svgGraph(g *scenario.Graph) (string, float64) {
	if g == nil || len(g.Nodes) == 0 && len(g.Edges) == 0 {
		return svgNothing()
	}
	l := layoutGraph(g)
	var b strings.Builder
	for _, e := range l.edges {
		l.drawEdge(&b, e)
	}
	for _, n := range l.nodes {
		l.drawNode(&b, n)
	}
	for _, e := range l.edges {
		drawEdgeLabel(&b, e)
	}
	h := l.legend(&b)
	return b.String(), h
}

// layoutGraph lays a graph out, with more room between boxes if labels
// would otherwise touch anything or cover other edges much; if none of
// the spacings tried clears every label, the one that does best.
func layoutGraph(g *scenario.Graph) *grLayout {
	var best *grLayout
	for _, gap := range []float64{28, 44, 64, 96, 128, 160, 200} {
		l := newGraphLayout(g, gap)
		if best == nil || l.totalCost() < best.totalCost() {
			best = l
		}
		if !slices.ContainsFunc(l.edges, func(e *grEdge) bool { return e.cost >= grCrowded }) {
			return l
		}
	}
	return best
}

// totalCost is the sum of the costs of the labels' places.
func (l *grLayout) totalCost() float64 {
	c := 0.0
	for _, e := range l.edges {
		c += e.cost
	}
	return c
}

// newGraphLayout lays a graph out with at least nodeGap between the boxes
// of a column.
func newGraphLayout(g *scenario.Graph, nodeGap float64) *grLayout {
	l := &grLayout{nodeGap: nodeGap}
	l.addNodes(g)
	l.assignLayers()
	l.addSlots()
	l.orderLayers()
	l.sizeBoxes()
	l.placeY()
	l.route()
	l.placeLabels()
	return l
}

// addNodes makes a node of each holder, those named only by an edge
// after the rest, and an edge of each edge, from its holder to its
// holder.
func (l *grLayout) addNodes(g *scenario.Graph) {
	index := map[string]int{}
	add := func(name string) int {
		if i, ok := index[name]; ok {
			return i
		}
		index[name] = len(l.nodes)
		l.nodes = append(l.nodes, &grNode{name: name})
		return len(l.nodes) - 1
	}
	for _, n := range g.Nodes {
		add(n)
	}
	for _, e := range g.Edges {
		a, b := add(e.From), add(e.To)
		l.edges = append(l.edges, &grEdge{Edge: e, chain: []int{a, b}, self: a == b})
	}
}

// grOrder returns the n nodes in an order in which every edge, given as
// a pair, runs forward, taking the first node in order of appearance
// that has no edge into it from a node not yet taken; when every node
// left has one (they lie on a cycle), the first of them goes next anyway.
func grOrder(n int, pairs [][2]int) []int {
	indeg := make([]int, n)
	out := make([][]int, n)
	for _, p := range pairs {
		indeg[p[1]]++
		out[p[0]] = append(out[p[0]], p[1])
	}
	done := make([]bool, n)
	order := make([]int, 0, n)
	for len(order) < n {
		next := -1
		for i := range n {
			if !done[i] && (indeg[i] == 0 || next < 0) {
				next = i
				if indeg[i] == 0 {
					break
				}
			}
		}
		done[next] = true
		order = append(order, next)
		for _, v := range out[next] {
			indeg[v]--
		}
	}
	return order
}

// assignLayers puts each holder in its column: one right of the furthest
// holder it receives from, or, if it only gives, just left of the first
// holder it gives to. An edge against that order (on a cycle) is turned
// round to be drawn right to left. Holders with no edge go into the
// column with fewest holders, the rightmost of those.
func (l *grLayout) assignLayers() {
	n := len(l.nodes)
	var pairs [][2]int
	for _, e := range l.edges {
		if !e.self {
			pairs = append(pairs, [2]int{e.chain[0], e.chain[1]})
		}
	}
	order := grOrder(n, pairs)
	rank := make([]int, n)
	for r, i := range order {
		rank[i] = r
	}
	in, out := make([][]int, n), make([][]int, n)
	for _, e := range l.edges {
		a, b := e.chain[0], e.chain[1]
		if e.self {
			continue
		}
		if rank[a] > rank[b] {
			e.reversed, e.chain, a, b = true, []int{b, a}, b, a
		}
		in[b], out[a] = append(in[b], a), append(out[a], b)
	}
	for _, v := range order {
		for _, u := range in[v] {
			l.nodes[v].layer = max(l.nodes[v].layer, l.nodes[u].layer+1)
		}
	}
	for k := n - 1; k >= 0; k-- {
		if v := order[k]; len(in[v]) == 0 && len(out[v]) > 0 {
			m := math.MaxInt
			for _, w := range out[v] {
				m = min(m, l.nodes[w].layer)
			}
			l.nodes[v].layer = m - 1
		}
	}
	l.placeIsolated(in, out)
}

// placeIsolated puts each holder with no edge into the column that has
// fewest holders so far, the rightmost if several have.
func (l *grLayout) placeIsolated(in, out [][]int) {
	lone := func(i int) bool {
		return len(in[i]) == 0 && len(out[i]) == 0 && !slices.ContainsFunc(l.edges, func(e *grEdge) bool { return e.self && e.chain[0] == i })
	}
	nl := 1
	for i, n := range l.nodes {
		if !lone(i) {
			nl = max(nl, n.layer+1)
		}
	}
	count := make([]int, nl)
	for i, n := range l.nodes {
		if !lone(i) {
			count[n.layer]++
		}
	}
	for i, n := range l.nodes {
		if !lone(i) {
			continue
		}
		best := nl - 1
		for k := nl - 1; k >= 0; k-- {
			if count[k] < count[best] {
				best = k
			}
		}
		n.layer = best
		count[best]++
	}
}

// addSlots gives each edge a slot in every column it passes through, and
// files every node under its column.
func (l *grLayout) addSlots() {
	for _, e := range l.edges {
		if e.self {
			continue
		}
		a, b := e.chain[0], e.chain[1]
		chain := []int{a}
		for k := l.nodes[a].layer + 1; k < l.nodes[b].layer; k++ {
			l.nodes = append(l.nodes, &grNode{slot: true, layer: k})
			chain = append(chain, len(l.nodes)-1)
		}
		e.chain = append(chain, b)
		for k := 1; k < len(e.chain); k++ {
			p, q := e.chain[k-1], e.chain[k]
			l.nodes[p].next = append(l.nodes[p].next, q)
			l.nodes[q].prev = append(l.nodes[q].prev, p)
		}
	}
	nl := 0
	for _, n := range l.nodes {
		nl = max(nl, n.layer+1)
	}
	l.layers = make([][]int, nl)
	for i, n := range l.nodes {
		l.layers[n.layer] = append(l.layers[n.layer], i)
	}
}

// orderLayers orders each column by the mean place of the nodes joined to
// its nodes, sweeping right and then left a few times, and keeps the
// order with fewest crossings. Holders with no edge stay at the bottom.
func (l *grLayout) orderLayers() {
	best, fewest := cloneLayers(l.layers), l.crossings()
	for it := range 8 {
		if it%2 == 0 {
			for k := 1; k < len(l.layers); k++ {
				l.sortLayer(k, true)
			}
		} else {
			for k := len(l.layers) - 2; k >= 0; k-- {
				l.sortLayer(k, false)
			}
		}
		if c := l.crossings(); c < fewest {
			best, fewest = cloneLayers(l.layers), c
		}
	}
	l.layers = best
}

// cloneLayers copies the columns.
func cloneLayers(layers [][]int) [][]int {
	out := make([][]int, len(layers))
	for k, ly := range layers {
		out[k] = slices.Clone(ly)
	}
	return out
}

// places returns each node's place in its column.
func (l *grLayout) places() []int {
	pos := make([]int, len(l.nodes))
	for _, ly := range l.layers {
		for p, i := range ly {
			pos[i] = p
		}
	}
	return pos
}

// sortLayer orders column k by the mean place of each node's neighbours
// in the column to its left (or right); a node with none keeps its place.
func (l *grLayout) sortLayer(k int, fromLeft bool) {
	pos := l.places()
	key := map[int]float64{}
	for _, i := range l.layers[k] {
		n := l.nodes[i]
		nb := n.next
		if fromLeft {
			nb = n.prev
		}
		key[i] = float64(pos[i])
		if len(n.prev)+len(n.next) == 0 {
			key[i] += 1e6
		}
		if len(nb) > 0 {
			sum := 0.0
			for _, j := range nb {
				sum += float64(pos[j])
			}
			key[i] = sum / float64(len(nb))
		}
	}
	slices.SortStableFunc(l.layers[k], func(a, b int) int { return cmp.Compare(key[a], key[b]) })
}

// crossings counts the pairs of edge runs between neighbouring columns
// that cross.
func (l *grLayout) crossings() int {
	pos := l.places()
	c := 0
	for k := 0; k+1 < len(l.layers); k++ {
		var runs [][2]int
		for _, i := range l.layers[k] {
			for _, j := range l.nodes[i].next {
				runs = append(runs, [2]int{pos[i], pos[j]})
			}
		}
		for a := range runs {
			for b := a + 1; b < len(runs); b++ {
				if (runs[a][0]-runs[b][0])*(runs[a][1]-runs[b][1]) < 0 {
					c++
				}
			}
		}
	}
	return c
}

// sizeBoxes sets the width of each column, as narrow as holds every name
// in two lines (or three or four, if the spaces between columns would
// otherwise be too narrow for labels), and of the spaces between; it
// wraps names and labels and makes each box tall enough for its name and
// for an edge, or a label, at each of its ports.
func (l *grLayout) sizeBoxes() {
	nl := float64(len(l.layers))
	avail := svgWidth - 2*grMargin
	var cols []float64
	for lines := 2; lines <= 4; lines++ {
		if cols = l.columnWidths(lines); sumOf(cols)+(nl-1)*grLeadGap <= avail {
			break
		}
	}
	if nl > 1 {
		l.gap = min(max((avail-sumOf(cols))/(nl-1), grGapMin), grGapMax)
	}
	if over := sumOf(cols) + (nl-1)*l.gap - avail; over > 0 {
		for k := range cols {
			cols[k] -= over / nl
		}
	}
	x := (svgWidth - sumOf(cols) - (nl-1)*l.gap) / 2
	for k, w := range cols {
		for _, i := range l.layers[k] {
			n := l.nodes[i]
			n.x, n.w, n.h = x, w, grSlotH
			if !n.slot {
				n.lines = wrapBalanced(n.name, n.w-16, grNameSize*1.15)
			}
		}
		x += w + l.gap
	}
	l.sizeLabels()
	for i, n := range l.nodes {
		if !n.slot {
			outs, ins := l.ends(i)
			n.h = max(float64(len(n.lines))*grLineH+20, l.rooms(outs, true)+8, l.rooms(ins, false)+8, 44)
		}
	}
}

// sumOf adds up xs.
func sumOf(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}

// columnWidths returns the width of each column that sets every name in
// it in at most lines lines, within the narrowest and widest a box may be.
func (l *grLayout) columnWidths(lines int) []float64 {
	cols := make([]float64, len(l.layers))
	for k, ly := range l.layers {
		cols[k] = grBoxMin
		for _, i := range ly {
			if n := l.nodes[i]; !n.slot {
				cols[k] = max(cols[k], boxNameWidth(n.name, lines))
			}
		}
		cols[k] = min(cols[k], grBoxMax)
	}
	return cols
}

// boxNameWidth is the width of the narrowest box that holds name, set in
// bold, in at most lines lines.
func boxNameWidth(name string, lines int) float64 {
	limit := 1
	for _, w := range strings.Fields(name) {
		limit = max(limit, width(w))
	}
	for len(wrap(name, limit)) > lines && limit < width(name) {
		limit++
	}
	longest := 0
	for _, line := range wrap(name, limit) {
		longest = max(longest, width(line))
	}
	return float64(longest)*grNameSize*1.15*svgCharW + 16
}

// sizeLabels wraps each edge's label. An edge that passes through columns
// is labelled on its straight run through the middle one, whose slot is
// made tall enough to hold the label. If the spaces between columns are
// wide enough, an edge between neighbouring columns is labelled on a
// straight run just after it leaves, and then curves to its box;
// otherwise its label is wrapped to leave room to move along the edge.
func (l *grLayout) sizeLabels() {
	leads := len(l.layers) > 1 && l.gap >= grLeadGap-1e-9
	for _, e := range l.edges {
		e.lead = leads && !e.self && len(e.chain) == 2
		w := max(l.gap-40, 96)
		if e.lead {
			w = l.gap - grCurveMin - 3*grLeadPad - 8
			if e.reversed {
				w -= grArrow
			}
		}
		if e.Key == "" && e.When == "" && !e.Leak {
			e.lead = false
			continue // no label
		}
		e.label, e.keyLines = edgeLabelLines(e.Edge, w)
		e.lw, e.lh = linesWidth(e.label, grLabelSize)*1.05+8, float64(len(e.label))*grLabelH+4
		if len(e.chain) > 2 {
			l.nodes[e.chain[len(e.chain)/2]].h = e.lh
		}
	}
}

// edgeLabelLines is an edge's label in lines at most w wide: what
// passed, after "leak:" if it was taken, then when; keyLines is how many
// lines say what passed.
func edgeLabelLines(e scenario.Edge, w float64) (lines []string, keyLines int) {
	key := e.Key
	if e.Leak {
		key = "leak: " + key
	}
	lines = wrapBalanced(key, w, grLabelSize*1.05)
	keyLines = len(lines)
	if e.When != "" {
		lines = append(lines, wrapBalanced(e.When, w, grLabelSize)...)
	}
	return lines, keyLines
}

// placeY stacks each column, then moves each node a few times towards the
// mean height of the nodes it is joined to, keeping the order and the
// gaps of its column.
func (l *grLayout) placeY() {
	for _, ly := range l.layers {
		y := 0.0
		for k, i := range ly {
			l.nodes[i].y = y
			y += l.nodes[i].h + l.gapAfter(ly, k)
		}
	}
	for range 10 {
		for _, ly := range l.layers {
			l.pullColumn(ly)
		}
	}
}

// gapAfter is the space below the k-th node of a column: nodeGap between
// two boxes, less beside an edge passing through.
func (l *grLayout) gapAfter(ly []int, k int) float64 {
	if k+1 >= len(ly) {
		return 0
	}
	if l.nodes[ly[k]].slot || l.nodes[ly[k+1]].slot {
		return grSlotGap
	}
	return l.nodeGap
}

// pullColumn moves the nodes of a column as near as their gaps allow to
// the mean height of the nodes they are joined to: the least squares fit,
// found by pooling neighbours that would overlap.
func (l *grLayout) pullColumn(ly []int) {
	type pool struct {
		sum   float64
		count int
	}
	var pools []pool
	off := make([]float64, len(ly))
	for k, i := range ly {
		n := l.nodes[i]
		if k > 0 {
			off[k] = off[k-1] + l.nodes[ly[k-1]].h + l.gapAfter(ly, k-1)
		}
		want := n.y + n.h/2
		if nb := append(slices.Clone(n.prev), n.next...); len(nb) > 0 {
			want = 0
			for _, j := range nb {
				want += l.nodes[j].y + l.nodes[j].h/2
			}
			want /= float64(len(nb))
		}
		pools = append(pools, pool{want - n.h/2 - off[k], 1})
		for m := len(pools); m > 1 && pools[m-2].sum/float64(pools[m-2].count) > pools[m-1].sum/float64(pools[m-1].count); m-- {
			pools[m-2] = pool{pools[m-2].sum + pools[m-1].sum, pools[m-2].count + pools[m-1].count}
			pools = pools[:m-1]
		}
	}
	k := 0
	for _, p := range pools {
		for range p.count {
			l.nodes[ly[k]].y = p.sum/float64(p.count) + off[k]
			k++
		}
	}
}

// grEnd is one end of an edge's run at a box: the edge, the place in its
// chain, and the height of the node at the run's other end, which orders
// the ports.
type grEnd struct {
	edge, k int
	other   float64
}

// centre is the height of node i's middle.
func (l *grLayout) centre(i int) float64 { return l.nodes[i].y + l.nodes[i].h/2 }

// route gives each edge a port on each side of a box it leaves or enters,
// ordered by where the edge goes so that edges leaving one box do not
// cross, and works out the points the edge passes through.
func (l *grLayout) route() {
	outY, inY := map[[2]int]float64{}, map[[2]int]float64{}
	for i, n := range l.nodes {
		outs, ins := l.ends(i)
		l.setPorts(n, outs, true, outY)
		l.setPorts(n, ins, false, inY)
	}
	zone := l.labelZones()
	for ei, e := range l.edges {
		a := l.nodes[e.chain[0]]
		e.pts = []grPoint{{x: a.x + a.w, y: outY[[2]int{ei, 0}]}}
		if e.self {
			e.pts = l.loop(ei)
			continue
		}
		if e.lead {
			e.lx, e.ly = a.x+a.w+grLeadPad+e.lw/2, e.pts[0].y
			if e.reversed {
				e.lx += grArrow
			}
		}
		for k := 1; k < len(e.chain); k++ {
			p, q := l.nodes[e.chain[k-1]], l.nodes[e.chain[k]]
			if z := zone[p.layer]; z > 0 {
				e.pts = append(e.pts, grPoint{x: p.x + p.w + z, y: outY[[2]int{ei, k - 1}], straight: true})
			}
			e.pts = append(e.pts, grPoint{x: q.x, y: inY[[2]int{ei, k}]})
			if k+1 < len(e.chain) {
				e.pts = append(e.pts, grPoint{x: q.x + q.w, y: outY[[2]int{ei, k}], straight: true, through: true})
			}
		}
	}
}

// loop returns the points of edge ei, from a holder to itself: a loop
// standing on the top of its box, up, across and down, each loop on one
// box taller than the one before.
func (l *grLayout) loop(ei int) []grPoint {
	a := l.edges[ei].chain[0]
	n := l.nodes[a]
	h := 26.0
	for _, e := range l.edges[:ei] {
		if e.self && e.chain[0] == a {
			h += 14
		}
	}
	x0, x1 := n.x+n.w/2-14, n.x+n.w/2+14
	return []grPoint{{x: x0, y: n.y}, {x: x0, y: n.y - h, straight: true}, {x: x1, y: n.y - h, straight: true}, {x: x1, y: n.y, straight: true}}
}

// labelZones returns, for each column, the width of the strip to its
// right that holds labels just after their edges leave: every edge
// leaving the column runs straight across the strip and curves only
// after it, so that no curve crosses a label. A column with no such
// label has none.
func (l *grLayout) labelZones() []float64 {
	zone := make([]float64, len(l.layers))
	for _, e := range l.edges {
		if e.lead {
			w := e.lw + 2*grLeadPad
			if e.reversed {
				w += grArrow
			}
			k := l.nodes[e.chain[0]].layer
			zone[k] = max(zone[k], w)
		}
	}
	return zone
}

// ends returns the ends of the edge runs at node i: those that leave it
// to the right, and those that enter it from the left.
func (l *grLayout) ends(i int) (outs, ins []grEnd) {
	for ei, e := range l.edges {
		for k, c := range e.chain {
			if c == i && !e.self && k+1 < len(e.chain) {
				outs = append(outs, grEnd{ei, k, l.centre(e.chain[k+1])})
			}
			if c == i && !e.self && k > 0 {
				ins = append(ins, grEnd{ei, k, l.centre(e.chain[k-1])})
			}
		}
	}
	return outs, ins
}

// room is the height an end takes on the side of its box: a label's, for
// an edge labelled just after it leaves, or else grPortGap.
func (l *grLayout) room(end grEnd, out bool) float64 {
	if e := l.edges[end.edge]; out && end.k == 0 && e.lead {
		return e.lh + 6
	}
	return grPortGap
}

// rooms adds up the room the ends on one side of a box take.
func (l *grLayout) rooms(ends []grEnd, out bool) float64 {
	sum := 0.0
	for _, e := range ends {
		sum += l.room(e, out)
	}
	return sum
}

// setPorts stacks the ends on one side of a node about its middle, each
// in its room, in order of the height of their other ends, spreading
// those without a label a little if the box has height to spare, and
// records their heights.
func (l *grLayout) setPorts(n *grNode, ends []grEnd, out bool, at map[[2]int]float64) {
	slices.SortStableFunc(ends, func(a, b grEnd) int {
		if c := cmp.Compare(a.other, b.other); c != 0 {
			return c
		}
		return cmp.Compare(a.edge*2+a.k, b.edge*2+b.k)
	})
	plain, labelled := 0, 0.0
	for _, e := range ends {
		if r := l.room(e, out); r != grPortGap {
			labelled += r
		} else {
			plain++
		}
	}
	stretch := 1.0
	if plain > 0 {
		stretch = min(max((n.h-12-labelled)/(float64(plain)*grPortGap), 1), 1.6)
	}
	rooms := make([]float64, len(ends))
	for j, e := range ends {
		if rooms[j] = l.room(e, out); rooms[j] == grPortGap {
			rooms[j] *= stretch
		}
	}
	y := n.y + n.h/2 - sumOf(rooms)/2
	for j, e := range ends {
		at[[2]int{e.edge, e.k}] = y + rooms[j]/2
		y += rooms[j]
	}
}

// grRect is a rectangle.
type grRect struct{ x, y, w, h float64 }

// overlaps reports whether r and o, grown by pad on every side, overlap.
func (r grRect) overlaps(o grRect, pad float64) bool {
	return r.x < o.x+o.w+pad && o.x-pad < r.x+r.w && r.y < o.y+o.h+pad && o.y-pad < r.y+r.h
}

// contains reports whether the point x, y lies inside r.
func (r grRect) contains(x, y float64) bool {
	return x >= r.x && x <= r.x+r.w && y >= r.y && y <= r.y+r.h
}

// labelRect is where an edge's label stands.
func (e *grEdge) labelRect() grRect { return grRect{e.lx - e.lw/2, e.ly - e.lh/2, e.lw, e.lh} }

// box is where a node stands.
func (n *grNode) box() grRect { return grRect{n.x, n.y, n.w, n.h} }

// curveAt returns the point of the run from p to q (a cubic that leaves
// and arrives level) whose x is x, found by bisection.
func curveAt(p, q grPoint, x float64) float64 {
	if q.straight || q.x == p.x {
		return p.y + (q.y-p.y)*min(max((x-p.x)/(q.x-p.x+1e-9), 0), 1)
	}
	lo, hi := 0.0, 1.0
	for range 40 {
		t := (lo + hi) / 2
		if p.x+(q.x-p.x)*(1.5*t-1.5*t*t+t*t*t) < x {
			lo = t
		} else {
			hi = t
		}
	}
	t := (lo + hi) / 2
	return p.y + (q.y-p.y)*(3*t*t-2*t*t*t)
}

// samples returns points along an edge, for telling whether a label
// would cover it.
func (l *grLayout) samples(e *grEdge) [][2]float64 {
	var out [][2]float64
	for k := 1; k < len(e.pts); k++ {
		p, q := e.pts[k-1], e.pts[k]
		if e.self {
			for s := range 5 {
				f := float64(s) / 4
				out = append(out, [2]float64{p.x + (q.x-p.x)*f, p.y + (q.y-p.y)*f})
			}
			continue
		}
		for s := range 17 {
			x := p.x + (q.x-p.x)*float64(s)/16
			out = append(out, [2]float64{x, curveAt(p, q, x)})
		}
	}
	return out
}

// grSpot is a place a label might stand, the height of its edge below or
// above it, and how much less good it is than the best place on its edge.
type grSpot struct {
	x, y, lineY, penalty float64
	onLine               bool
}

// spots returns the places an edge's label might stand: on each run
// between columns, centred at points along it where it fits across, on
// the line or just above or below it; on a straight run through a column,
// best of all; above or beside the loop of an edge to its own holder.
func (e *grEdge) spots() []grSpot {
	var out []grSpot
	if e.lead {
		return []grSpot{{e.lx, e.ly, e.ly, 0, true}}
	}
	if e.self {
		top, x0, x1 := e.pts[1].y, e.pts[1].x, e.pts[2].x
		return []grSpot{
			{(x0 + x1) / 2, top - e.lh/2 - 3, top - e.lh/2 - 3, 0, false},
			{x1 + 6 + e.lw/2, top + e.lh/2, top + e.lh/2, 2, false},
			{x0 - 6 - e.lw/2, top + e.lh/2, top + e.lh/2, 2, false},
		}
	}
	// On the line, touching it above or below, or, at a cost, further
	// off, joined to it by a leader.
	shifts := []float64{0, -(e.lh/2 + 3), e.lh/2 + 3}
	for k := 1.0; k <= 6; k++ {
		shifts = append(shifts, -(e.lh/2 + 3 + 14*k), e.lh/2+3+14*k)
	}
	for k := 1; k < len(e.pts); k++ {
		p, q := e.pts[k-1], e.pts[k]
		if q.straight {
			// A run through a slot is the best place of all; a run
			// across a strip of labels is next best.
			penalty := -5.0
			if q.through {
				penalty = -8
			}
			out = append(out, grSpot{(p.x + q.x) / 2, p.y, p.y, penalty, true})
			continue
		}
		lo, hi := p.x+e.lw/2+6, q.x-e.lw/2-6-grArrow
		if lo > hi {
			lo, hi = (p.x+q.x)/2, (p.x+q.x)/2
		}
		for _, f := range []float64{0.5, 0.35, 0.65, 0.2, 0.8, 0.05, 0.95} {
			x := lo + (hi-lo)*f
			y := curveAt(p, q, x)
			for j, s := range shifts {
				penalty := math.Abs(f-0.5)*10 + math.Abs(s)/3
				if j >= 3 {
					penalty += 20
				}
				out = append(out, grSpot{x, y + s, y, penalty, s == 0})
			}
		}
	}
	return out
}

// placeLabels sets each edge's label at its best spot: clear of boxes,
// arrowheads, the edge of the figure and labels already set, and covering
// as little of other edges as may be. A label that cannot be set clear is
// costly, so that the layout can try again with more room.
func (l *grLayout) placeLabels() {
	samples := make([][][2]float64, len(l.edges))
	for i, e := range l.edges {
		samples[i] = l.samples(e)
	}
	for i, e := range l.edges {
		if len(e.label) == 0 {
			continue
		}
		best := math.Inf(1)
		for _, s := range e.spots() {
			r := grRect{s.x - e.lw/2, s.y - e.lh/2, e.lw, e.lh}
			c := s.penalty + l.labelCost(r, i, s.onLine, samples)
			if c < best {
				best, e.lx, e.ly, e.lineY = c, s.x, s.y, s.lineY
			}
		}
		e.cost = best
	}
	l.fitHeight()
}

// labelCost is how bad it would be for edge i's label to stand at r:
// 1000 for each box, arrowhead or label it would touch or for leaving the
// figure, and 12 for each point of another edge it would cover (or of
// its own edge, if it is not centred on it).
func (l *grLayout) labelCost(r grRect, i int, onLine bool, samples [][][2]float64) float64 {
	c := 0.0
	if r.x < 2 || r.x+r.w > svgWidth-2 {
		c += 1000
	}
	for _, n := range l.nodes {
		if !n.slot && r.overlaps(n.box(), 4) {
			c += 1000
		}
	}
	for j, o := range l.edges {
		if j < i && len(o.label) > 0 && r.overlaps(o.labelRect(), 4) {
			c += 1000
		}
		if end := o.arrowTip(); r.overlaps(grRect{end.x - grArrow - 2, end.y - 6, 2*grArrow + 4, 12}, 1) {
			c += 1000
		}
		if j == i && onLine {
			continue
		}
		for _, p := range samples[j] {
			if r.contains(p[0], p[1]) {
				c += 12
			}
		}
	}
	return c
}

// arrowTip is where an edge's arrowhead points: into the box it goes to.
func (e *grEdge) arrowTip() grPoint {
	if e.reversed {
		return e.pts[0]
	}
	return e.pts[len(e.pts)-1]
}

// fitHeight moves everything down so that the highest box or label
// stands at the top margin, and records the lowest point drawn.
func (l *grLayout) fitHeight() {
	top, bottom := math.Inf(1), math.Inf(-1)
	for _, n := range l.nodes {
		top, bottom = min(top, n.y), max(bottom, n.y+n.h)
	}
	for _, e := range l.edges {
		if len(e.label) > 0 {
			top, bottom = min(top, e.ly-e.lh/2), max(bottom, e.ly+e.lh/2)
		}
		for _, p := range e.pts {
			top = min(top, p.y)
		}
	}
	dy := grTop - top
	for _, n := range l.nodes {
		n.y += dy
	}
	for _, e := range l.edges {
		e.ly += dy
		e.lineY += dy
		for k := range e.pts {
			e.pts[k].y += dy
		}
	}
	l.bottom = bottom + dy
}

// drawEdge draws an edge as a line through its points, curving between
// columns, with an arrowhead where it enters the box it goes to: solid
// and dark for a key handed over, thick, dashed and vermillion for one
// taken in a leak.
func (l *grLayout) drawEdge(b *strings.Builder, e *grEdge) {
	color, style := grEdgeInk, `stroke-width="1.6"`
	if e.Leak {
		color, style = grLeakInk, `stroke-width="3" stroke-dasharray="9 5"`
	}
	pts := slices.Clone(e.pts)
	tip := e.arrowTip()
	dx, dy := 1.0, 0.0 // the way the arrow points
	switch {
	case e.self:
		dx, dy = 0, 1
		pts[len(pts)-1].y -= grArrow - 1
	case e.reversed:
		dx = -1
		pts[0].x += grArrow - 1
	default:
		pts[len(pts)-1].x -= grArrow - 1
	}
	fmt.Fprintf(b, `<path class="edge" d="%s" fill="none" stroke="%s" stroke-linejoin="round" %s/>`, edgePath(pts), color, style)
	fmt.Fprintf(b, `<path d="M%s %sL%s %sL%s %sZ" fill="%s"/>`+"\n",
		svgNum(tip.x), svgNum(tip.y),
		svgNum(tip.x-dx*grArrow-dy*5.5), svgNum(tip.y-dy*grArrow-dx*5.5),
		svgNum(tip.x-dx*grArrow+dy*5.5), svgNum(tip.y-dy*grArrow+dx*5.5), color)
}

// edgePath is the path through an edge's points: straight along a
// straight run, a curve that leaves and arrives level otherwise.
func edgePath(pts []grPoint) string {
	var d strings.Builder
	fmt.Fprintf(&d, "M%s %s", svgNum(pts[0].x), svgNum(pts[0].y))
	for k := 1; k < len(pts); k++ {
		p, q := pts[k-1], pts[k]
		if q.straight {
			fmt.Fprintf(&d, "L%s %s", svgNum(q.x), svgNum(q.y))
			continue
		}
		mx := (p.x + q.x) / 2
		fmt.Fprintf(&d, "C%s %s %s %s %s %s", svgNum(mx), svgNum(p.y), svgNum(mx), svgNum(q.y), svgNum(q.x), svgNum(q.y))
	}
	return d.String()
}

// drawNode draws a holder as a rounded box with its name; a slot is not
// drawn.
func (l *grLayout) drawNode(b *strings.Builder, n *grNode) {
	if n.slot {
		return
	}
	fmt.Fprintf(b, `<rect class="holder" x="%s" y="%s" width="%s" height="%s" rx="8" fill="%s" stroke="%s" stroke-width="1.5"/>`+"\n",
		svgNum(n.x), svgNum(n.y), svgNum(n.w), svgNum(n.h), grBoxFill, svgInk)
	first := n.y + n.h/2 - float64(len(n.lines)-1)*grLineH/2 + 5
	b.WriteString(svgTextLines(n.x+n.w/2, first, grLineH, n.lines, `text-anchor="middle" font-weight="700" font-size="`+svgNum(grNameSize)+`"`))
}

// drawEdgeLabel writes an edge's label on a white ground, joined to its
// edge by a thin leader if it had to stand off it: what passed, in
// vermillion and bold after "leak:" if it was taken, then when, in grey.
func drawEdgeLabel(b *strings.Builder, e *grEdge) {
	if len(e.label) == 0 {
		return
	}
	r := e.labelRect()
	if math.Abs(e.ly-e.lineY) > e.lh/2+4 {
		end := r.y
		if e.lineY > e.ly {
			end = r.y + r.h
		}
		fmt.Fprintf(b, `<line x1="%s" x2="%s" y1="%s" y2="%s" stroke="#7d8995" stroke-width="1"/>`, svgNum(e.lx), svgNum(e.lx), svgNum(e.lineY), svgNum(end))
	}
	fmt.Fprintf(b, `<rect x="%s" y="%s" width="%s" height="%s" rx="3" fill="#FFFFFF" fill-opacity="0.92"/>`, svgNum(r.x), svgNum(r.y), svgNum(r.w), svgNum(r.h))
	fmt.Fprintf(b, `<text class="edge-label" x="%s" y="%s" text-anchor="middle" font-size="%s">`, svgNum(e.lx), svgNum(r.y+2+grLabelH-4), svgNum(grLabelSize))
	for k, line := range e.label {
		attrs := ""
		switch {
		case k >= e.keyLines:
			attrs = ` fill="` + svgMuted + `"`
		case e.Leak:
			attrs = ` fill="` + grLeakText + `" font-weight="700"`
		}
		dy := "0"
		if k > 0 {
			dy = svgNum(grLabelH)
		}
		fmt.Fprintf(b, `<tspan x="%s" dy="%s"%s>%s</tspan>`, svgNum(e.lx), dy, attrs, svgEsc(line))
	}
	b.WriteString("</text>\n")
}

// legend writes the key to the edges under the graph and returns the
// height of the whole figure.
func (l *grLayout) legend(b *strings.Builder) float64 {
	if len(l.edges) == 0 {
		return l.bottom + 12
	}
	y := l.bottom + 34
	x := grMargin + 4
	item := func(color, style, text string) {
		fmt.Fprintf(b, `<path d="M%s %sh34" fill="none" stroke="%s" %s/>`, svgNum(x), svgNum(y-5), color, style)
		fmt.Fprintf(b, `<path d="M%s %sl-%s -5.5v11Z" fill="%s"/>`, svgNum(x+44), svgNum(y-5), svgNum(grArrow), color)
		fmt.Fprintf(b, `<text x="%s" y="%s">%s</text>`+"\n", svgNum(x+54), svgNum(y), svgEsc(text))
		x += 54 + textWidth(text, svgFont) + 28
	}
	item(grEdgeInk, `stroke-width="1.6"`, "key handed over")
	if slices.ContainsFunc(l.edges, func(e *grEdge) bool { return e.Leak }) {
		item(grLeakInk, `stroke-width="3" stroke-dasharray="9 5"`, "taken in a leak")
	}
	return y + 14
}
