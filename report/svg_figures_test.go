package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/escrowlab/escrowlab/scenario"
)

// exampleEnvelope is the LEAF as the tour pictures it.
func exampleEnvelope() *scenario.Envelope {
	return &scenario.Envelope{
		Lock: "sealed under the family key KF: the outer lock, the same in every chip",
		Items: []scenario.EnvelopeItem{
			{Label: "unit ID", Text: "0C2B0985: the return address, naming Alice's chip"},
			{Inner: &scenario.Envelope{
				Lock:  "locked under Alice's unit key KU: the inner lock, one per chip",
				Items: []scenario.EnvelopeItem{{Label: "session key KS", Text: "f2cf 2b38 8eba c971 577f"}},
			}},
			{Label: "checksum", Text: "c6d9: ties the LEAF to KS and the IV"},
		},
	}
}

// deepEnvelope is n layers, each holding a field and the next.
func deepEnvelope(n int) *scenario.Envelope {
	var e *scenario.Envelope
	for i := n; i >= 1; i-- {
		items := []scenario.EnvelopeItem{{Label: fmt.Sprintf("field %d", i), Text: fmt.Sprintf("the text of layer %d, long enough to need wrapping when the box is narrow", i)}}
		if e != nil {
			items = append(items, scenario.EnvelopeItem{Inner: e})
		}
		e = &scenario.Envelope{Lock: fmt.Sprintf("lock %d", i), Items: items}
	}
	return e
}

// day1994 is midnight UTC on a day of 1994, a year of Clipper.
func day1994(month time.Month, d int) time.Time {
	return time.Date(1994, month, d, 0, 0, 0, 0, time.UTC)
}

// exampleTimeline is 25 calls from 7 Mar to 20 Oct 1994, an order in
// force for a month of them, a leak and a breach, and four readers.
func exampleTimeline() *scenario.Timeline {
	t := &scenario.Timeline{
		Spans: []scenario.Span{{Label: "order in force, 26 Mar to 24 Apr 1994", From: day1994(time.March, 26), To: day1994(time.April, 24)}},
		Marks: []scenario.TimeMark{
			{Label: "leak, 22 Sep 1994", At: day1994(time.September, 22)},
			{Label: "intercept breach, 13 Oct 1994", At: day1994(time.October, 13)},
		},
	}
	start, end := day1994(time.March, 7), day1994(time.October, 20)
	var inOrder, all []int
	for i := range 25 {
		at := start.Add(time.Duration(float64(end.Sub(start)) * float64(i) / 24)).Add(time.Duration(i%3) * 5 * time.Hour)
		t.Calls = append(t.Calls, scenario.TimelineCall{Number: i + 1, At: at, Label: "Alice to Bob"})
		if !at.Before(day1994(time.March, 26)) && at.Before(day1994(time.April, 25)) {
			inOrder = append(inOrder, i+1)
		}
		all = append(all, i+1)
	}
	t.Rows = []scenario.TimelineRow{
		{Label: "FBI, with Alice's unit key", Read: inOrder},
		{Label: "FBI, keeping the key after the order", Read: all[3:]},
		{Label: "Intruder, with the escrow databases and KF", Read: all},
		{Label: "Anyone, end to end with forward secrecy"},
	}
	return t
}

// tourTimeline is the timeline of a tour: calls in two bursts, some a
// day apart, too close for a circle each.
func tourTimeline() *scenario.Timeline {
	at := []string{
		"1994-03-07T09:00:00Z", "1994-03-10T09:47:05Z", "1994-03-14T08:37:54Z", "1994-03-17T18:39:22Z",
		"1994-03-21T09:54:45Z", "1994-03-25T09:17:50Z", "1994-03-27T05:39:07Z", "1994-03-28T05:39:07Z",
		"1994-04-01T12:33:11Z", "1994-04-07T19:04:45Z", "1994-06-26T00:00:00Z", "1994-09-27T10:17:34Z",
		"1994-09-30T05:12:39Z", "1994-10-02T05:41:32Z", "1994-10-04T02:55:16Z", "1994-10-06T06:55:45Z",
		"1994-10-10T15:25:47Z", "1994-10-20T12:04:03Z", "1994-10-21T15:39:17Z", "1994-10-23T23:08:03Z",
		"1994-10-25T01:32:07Z",
	}
	t := &scenario.Timeline{
		Spans: []scenario.Span{{Label: "order 94-MJ-0417 in force", From: day1994(time.March, 28), To: day1994(time.April, 27).Add(-time.Nanosecond)}},
		Marks: []scenario.TimeMark{{Label: "escrow leak", At: day1994(time.September, 24)}, {Label: "intercept breach (the epilogue)", At: day1994(time.October, 17)}},
		Rows: []scenario.TimelineRow{
			{Label: "FBI, with Alice's unit key (Clipper)", Read: []int{1, 2, 8, 9, 10, 11, 15, 18, 20, 21}},
			{Label: "Intruder, with the escrow databases and KF (Clipper)", Read: []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21}},
			{Label: "Intruder in the carrier's intercept system (mobile network)", Read: []int{18, 19, 20, 21}},
			{Label: "Intruder, with KF, the databases and every phone (end to end, forward secret)"},
		},
	}
	for i, s := range at {
		when, err := time.Parse(time.RFC3339, s)
		if err != nil {
			panic(err)
		}
		t.Calls = append(t.Calls, scenario.TimelineCall{Number: i + 1, At: when, Label: "a call"})
	}
	return t
}

// manyCalls is n calls over about seven months, one reader of every third
// call and one of none.
func manyCalls(n int) *scenario.Timeline {
	t := &scenario.Timeline{Marks: []scenario.TimeMark{{Label: "leak", At: day1994(time.September, 22)}}}
	var third []int
	for i := range n {
		at := day1994(time.March, 7).Add(time.Duration(float64(227*24*time.Hour) * float64(i) / float64(n)))
		t.Calls = append(t.Calls, scenario.TimelineCall{Number: i + 1, At: at})
		if i%3 == 0 {
			third = append(third, i+1)
		}
	}
	t.Rows = []scenario.TimelineRow{{Label: "every third", Read: third}, {Label: "nobody"}}
	return t
}

// exampleGraph is who holds which Clipper key in the tour.
func exampleGraph() *scenario.Graph {
	return &scenario.Graph{
		Nodes: []string{"Government", "Chip factory", "every Clipper chip", "NIST", "Treasury", "FBI's decrypt processor", "Intruder", "Alice's and Bob's apps"},
		Edges: []scenario.Edge{
			{From: "Government", To: "every Clipper chip", Key: "KF"},
			{From: "Government", To: "FBI's decrypt processor", Key: "KF"},
			{From: "Chip factory", To: "NIST", Key: "KU1 of every chip"},
			{From: "Chip factory", To: "Treasury", Key: "KU2 of every chip"},
			{From: "NIST", To: "FBI's decrypt processor", Key: "Alice's KU1", When: "26 Mar 1994"},
			{From: "Treasury", To: "FBI's decrypt processor", Key: "Alice's KU2", When: "26 Mar 1994"},
			{From: "NIST", To: "Intruder", Key: "every KU1", When: "22 Sep 1994", Leak: true},
			{From: "Treasury", To: "Intruder", Key: "every KU2", When: "22 Sep 1994", Leak: true},
			{From: "Government", To: "Intruder", Key: "KF", When: "22 Sep 1994", Leak: true},
		},
	}
}

// duplicateGraph has three keys passing between one pair, a cycle and a
// self loop.
func duplicateGraph() *scenario.Graph {
	return &scenario.Graph{
		Nodes: []string{"A", "B", "C"},
		Edges: []scenario.Edge{
			{From: "A", To: "B", Key: "first key"},
			{From: "A", To: "B", Key: "second key", When: "1 Apr 1994"},
			{From: "A", To: "B", Key: "third key", Leak: true},
			{From: "B", To: "C", Key: "onward"},
			{From: "C", To: "A", Key: "back again"},
			{From: "C", To: "C", Key: "to itself"},
		},
	}
}

// figureCase is a figure to draw, by kind.
type figureCase struct {
	name string
	c    scenario.Chart
}

// envelopeChart wraps an envelope in a chart.
func envelopeChart(e *scenario.Envelope) scenario.Chart {
	return scenario.Chart{Kind: scenario.EnvelopeChart, Envelope: e, Title: "t", Alt: "a"}
}

// timelineChart wraps a timeline in a chart.
func timelineChart(t *scenario.Timeline) scenario.Chart {
	return scenario.Chart{Kind: scenario.TimelineChart, Timeline: t, Title: "t", Alt: "a"}
}

// graphChart wraps a graph in a chart.
func graphChart(g *scenario.Graph) scenario.Chart {
	return scenario.Chart{Kind: scenario.GraphChart, Graph: g, Title: "t", Alt: "a"}
}

// figureCases are the examples and the hard cases of every kind.
func figureCases() []figureCase {
	cyclic := &scenario.Envelope{Lock: "a lock round itself"}
	cyclic.Items = []scenario.EnvelopeItem{{Label: "me", Text: "again"}, {Inner: cyclic}}
	sameDay := manyCalls(5)
	for i := range sameDay.Calls {
		sameDay.Calls[i].At = day1994(time.May, 1).Add(time.Duration(i) * time.Hour)
	}
	sameMoment := manyCalls(4)
	for i := range sameMoment.Calls {
		sameMoment.Calls[i].At = day1994(time.May, 1)
	}
	return []figureCase{
		{"envelope", envelopeChart(exampleEnvelope())},
		{"nil envelope", envelopeChart(nil)},
		{"empty envelope", envelopeChart(&scenario.Envelope{})},
		{"envelope of empty items", envelopeChart(&scenario.Envelope{Items: []scenario.EnvelopeItem{{}, {Inner: &scenario.Envelope{}}}})},
		{"deep envelope", envelopeChart(deepEnvelope(12))},
		{"very deep envelope", envelopeChart(deepEnvelope(200))},
		{"envelope inside itself", envelopeChart(cyclic)},
		{"long envelope", envelopeChart(longEnvelope())},
		{"timeline", timelineChart(exampleTimeline())},
		{"tour timeline", timelineChart(tourTimeline())},
		{"nil timeline", timelineChart(nil)},
		{"empty timeline", timelineChart(&scenario.Timeline{})},
		{"timeline without rows", timelineChart(&scenario.Timeline{Calls: manyCalls(3).Calls})},
		{"one call", timelineChart(manyCalls(1))},
		{"calls on one day", timelineChart(sameDay)},
		{"calls at one moment", timelineChart(sameMoment)},
		{"3000 calls", timelineChart(manyCalls(3000))},
		{"long row labels", timelineChart(longRows())},
		{"decades of calls", timelineChart(decades())},
		{"graph", graphChart(exampleGraph())},
		{"nil graph", graphChart(nil)},
		{"empty graph", graphChart(&scenario.Graph{})},
		{"duplicate edges, a cycle and a loop", graphChart(duplicateGraph())},
		{"only isolated holders", graphChart(&scenario.Graph{Nodes: []string{"one", "two", "three"}})},
		{"a long chain", graphChart(chainGraph(9))},
		{"a cycle of three", graphChart(&scenario.Graph{Edges: []scenario.Edge{{From: "x", To: "y", Key: "k1"}, {From: "y", To: "z", Key: "k2"}, {From: "z", To: "x", Key: "k3", Leak: true}}})},
		{"long names", graphChart(longGraph())},
		{"unlabelled edges", graphChart(&scenario.Graph{Edges: []scenario.Edge{{From: "p", To: "q"}, {From: "q", To: "r", Leak: true}}})},
	}
}

// longEnvelope has a long lock and long fields, with characters that
// must be escaped.
func longEnvelope() *scenario.Envelope {
	long := strings.Repeat("a field <of> many & varied \"words\" ", 8)
	return &scenario.Envelope{
		Lock: strings.Repeat("a long description of a lock ", 6),
		Items: []scenario.EnvelopeItem{
			{Label: "a label much longer than a label ought to be, to wrap", Text: long},
			{Text: "text with no label"},
			{Label: "label with no text"},
			{Label: "averyveryveryveryverylongwordwithnowheretobreakatall", Text: "x"},
		},
	}
}

// longRows is a timeline whose rows have long labels.
func longRows() *scenario.Timeline {
	t := manyCalls(12)
	t.Rows = append(t.Rows,
		scenario.TimelineRow{Label: "Somebody with a very long description indeed, one that will not fit in two lines of the label column however it is wrapped", Read: []int{1, 2, 3}},
		scenario.TimelineRow{Label: "A <b> & \"c\"", Read: []int{4}},
	)
	t.Spans = append(t.Spans, scenario.Span{Label: "a span given backwards", From: day1994(time.June, 10), To: day1994(time.May, 1)})
	t.Marks = append(t.Marks, scenario.TimeMark{Label: "a mark on the same day as the leak", At: day1994(time.September, 22)}, scenario.TimeMark{Label: "a mark with no date"})
	t.Spans = append(t.Spans, scenario.Span{Label: "a span with no end", From: day1994(time.August, 1)})
	return t
}

// decades is calls over thirty years.
func decades() *scenario.Timeline {
	t := &scenario.Timeline{Rows: []scenario.TimelineRow{{Label: "reader", Read: []int{2}}}}
	for i := range 4 {
		t.Calls = append(t.Calls, scenario.TimelineCall{Number: i + 1, At: time.Date(1990+10*i, time.January, 1, 0, 0, 0, 0, time.UTC)})
	}
	return t
}

// chainGraph is n holders, each handing a key to the next.
func chainGraph(n int) *scenario.Graph {
	g := &scenario.Graph{}
	for i := range n - 1 {
		g.Edges = append(g.Edges, scenario.Edge{From: fmt.Sprintf("holder %d", i+1), To: fmt.Sprintf("holder %d", i+2), Key: fmt.Sprintf("key %d", i+1)})
	}
	return g
}

// longGraph has long names and labels, and characters to escape.
func longGraph() *scenario.Graph {
	return &scenario.Graph{
		Nodes: []string{"The Department of Very Long Names & Titles", "<Bob's> \"apps\""},
		Edges: []scenario.Edge{
			{From: "The Department of Very Long Names & Titles", To: "<Bob's> \"apps\"", Key: "a key with a very long description that must wrap", When: "the first of April, 1994, at noon"},
			{From: "The Department of Very Long Names & Titles", To: "Somewhere else", Key: "x & y", Leak: true},
		},
	}
}

// parseSVG decodes an SVG body wrapped in <svg>, failing on any error, and
// returns the text of each <text> element, its lines joined by spaces,
// and every font-size given.
func parseSVG(t *testing.T, body string) (texts []string, sizes []float64) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(`<svg xmlns="http://www.w3.org/2000/svg">` + body + `</svg>`))
	var cur []string
	depth := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return texts, sizes
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, body)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			for _, a := range tok.Attr {
				if a.Name.Local == "font-size" {
					v, err := strconv.ParseFloat(a.Value, 64)
					if err != nil {
						t.Errorf("font-size %q is not a number", a.Value)
					}
					sizes = append(sizes, v)
				}
			}
			if tok.Name.Local == "text" {
				depth, cur = depth+1, nil
			}
		case xml.CharData:
			if depth > 0 && strings.TrimSpace(string(tok)) != "" {
				cur = append(cur, strings.TrimSpace(string(tok)))
			}
		case xml.EndElement:
			if tok.Name.Local == "text" {
				depth--
				texts = append(texts, strings.Join(cur, " "))
			}
		}
	}
}

// drawFigure draws a case's body as svgChart would.
func drawFigure(c scenario.Chart) (string, float64) {
	switch c.Kind {
	case scenario.EnvelopeChart:
		return svgEnvelope(c.Envelope)
	case scenario.TimelineChart:
		return svgTimeline(c.Timeline)
	}
	return svgGraph(c.Graph)
}

func TestFiguresAreWellFormed(t *testing.T) {
	for _, tc := range figureCases() {
		t.Run(tc.name, func(t *testing.T) {
			body, h := drawFigure(tc.c)
			if !finite(h) || h <= 0 {
				t.Errorf("height %g", h)
			}
			if strings.Contains(body, "NaN") || strings.Contains(body, "Inf") {
				t.Errorf("a coordinate is not a number:\n%s", body)
			}
			_, sizes := parseSVG(t, body)
			for _, s := range sizes {
				if s < 13 {
					t.Errorf("text set at %g units, smaller than 13", s)
				}
			}
			whole := svgChart(tc.c, "f1")
			if err := xml.Unmarshal([]byte(whole), new(struct{})); err != nil {
				t.Errorf("the whole <svg> is not well-formed: %v", err)
			}
			if again, _ := drawFigure(tc.c); again != body {
				t.Error("drawn twice, the figure differs")
			}
		})
	}
}

func TestEmptyFiguresSaySo(t *testing.T) {
	for _, tc := range figureCases() {
		if !strings.HasPrefix(tc.name, "nil ") && !strings.HasPrefix(tc.name, "empty ") {
			continue
		}
		body, _ := drawFigure(tc.c)
		if !strings.Contains(body, "Nothing to draw.") {
			t.Errorf("%s: %q, want Nothing to draw.", tc.name, body)
		}
	}
}

// figureWords returns the words each case must show: every lock, label
// and text of an envelope; every span, mark and row label of a timeline;
// every holder, key and date of a graph.
func figureWords(c scenario.Chart) []string {
	var words []string
	var walk func(e *scenario.Envelope, depth int)
	walk = func(e *scenario.Envelope, depth int) {
		if e == nil || depth > 8 {
			return
		}
		words = append(words, e.Lock)
		for _, it := range e.Items {
			words = append(words, it.Label, it.Text)
			walk(it.Inner, depth+1)
		}
	}
	switch {
	case c.Envelope != nil:
		walk(c.Envelope, 0)
	case c.Timeline != nil:
		for _, s := range c.Timeline.Spans {
			words = append(words, s.Label)
		}
		for _, m := range c.Timeline.Marks {
			words = append(words, m.Label)
		}
		for _, r := range c.Timeline.Rows {
			words = append(words, r.Label)
		}
	case c.Graph != nil:
		words = append(words, c.Graph.Nodes...)
		for _, e := range c.Graph.Edges {
			words = append(words, e.From, e.To, e.Key, e.When)
		}
	}
	return words
}

func TestFiguresShowEveryLabel(t *testing.T) {
	for _, tc := range figureCases() {
		if tc.name == "very deep envelope" || tc.name == "envelope inside itself" {
			continue // the innermost layers are not drawn
		}
		body, _ := drawFigure(tc.c)
		texts, _ := parseSVG(t, body)
		all := strings.Join(texts, "\n")
		for _, w := range figureWords(tc.c) {
			w = strings.Join(strings.Fields(w), " ")
			if w != "" && !slices.ContainsFunc(texts, func(s string) bool { return strings.Contains(s, w) }) {
				t.Errorf("%s: %q is not shown; the texts are:\n%s", tc.name, w, all)
			}
		}
	}
}

func TestEnvelopeIsNested(t *testing.T) {
	body, _ := svgEnvelope(exampleEnvelope())
	if n := strings.Count(body, `<g class="lock">`); n != 2 {
		t.Errorf("%d padlocks, want one per layer, 2", n)
	}
	if n := strings.Count(body, `rx="10"`); n != 2 {
		t.Errorf("%d boxes, want 2", n)
	}
	deep, h := svgEnvelope(deepEnvelope(200))
	if texts, _ := parseSVG(t, deep); !slices.Contains(texts, "(more layers inside, not drawn)") {
		t.Error("an envelope too deep to draw does not say that more layers lie inside")
	}
	if h > 2000 {
		t.Errorf("an envelope too deep to draw is %g units high", h)
	}
}

func TestTimelineShowsEveryCall(t *testing.T) {
	modes := map[string]bool{}
	for _, n := range []int{1, 5, 25, 40, 41, 60, 80, 200, 3000} {
		tl := manyCalls(n)
		tl.Rows = append(tl.Rows, scenario.TimelineRow{Label: "all", Read: []int{}})
		for i := range n {
			tl.Rows[2].Read = append(tl.Rows[2].Read, i+1)
		}
		l := newTimeline(tl)
		switch {
		case l.bins != nil:
			modes["bins"] = true
			checkBins(t, l)
		case l.strips:
			modes["strips"] = true
			checkOneByOne(t, l, "<rect ")
		default:
			modes["circles"] = true
			checkOneByOne(t, l, "<circle ")
		}
	}
	for _, m := range []string{"circles", "strips", "bins"} {
		if !modes[m] {
			t.Errorf("no case drew calls as %s", m)
		}
	}
}

// checkOneByOne checks a timeline drawn a call at a time, each an elem:
// one in every row for every call, filled for those read (a third of the
// calls in the first row, all in the third), and a tick for each.
func checkOneByOne(t *testing.T, l *tlineLayout, elem string) {
	t.Helper()
	n := len(l.t.Calls)
	body, _ := svgTimeline(l.t)
	read := countIn(body, `<g class="read"`, elem)
	unread := countIn(body, `<g class="unread"`, elem)
	if read+unread != n*len(l.t.Rows) {
		t.Errorf("%d calls: %d filled and %d hollow marks, want %d in all", n, read, unread, n*len(l.t.Rows))
	}
	if want := (n+2)/3 + n; read != want {
		t.Errorf("%d calls: %d filled marks, want %d", n, read, want)
	}
	if ticks := countIn(body, `<g class="calls"`, "<line "); ticks != n {
		t.Errorf("%d calls: %d ticks, want one a call", n, ticks)
	}
	checkApart(t, l)
}

// checkBins checks that every call is in one bin, and bins are wide
// enough to see.
func checkBins(t *testing.T, l *tlineLayout) {
	t.Helper()
	n := len(l.t.Calls)
	seen := make([]int, n)
	for _, bin := range l.bins {
		for _, i := range bin {
			seen[i]++
		}
	}
	if i := slices.IndexFunc(seen, func(c int) bool { return c != 1 }); i >= 0 {
		t.Errorf("%d calls: call %d is in %d bins, want 1", n, i+1, seen[i])
	}
	if l.binW() < tlineBinW {
		t.Errorf("%d calls: bins %g units wide, narrower than %g", n, l.binW(), tlineBinW)
	}
}

// countIn counts the elements that start with elem in the groups that
// start with group.
func countIn(body, group, elem string) int {
	c := 0
	for _, g := range strings.Split(body, group)[1:] {
		g, _, _ = strings.Cut(g, "</g>")
		c += strings.Count(g, elem)
	}
	return c
}

// checkApart fails if two circles of a row would overlap or one stands
// far from its date.
func checkApart(t *testing.T, l *tlineLayout) {
	t.Helper()
	for k := 1; k < len(l.order); k++ {
		a, b := l.xs[l.order[k-1]], l.xs[l.order[k]]
		if !l.strips && b-a < 2*tlineDotR || b-a < tlineStripW+1 {
			t.Errorf("calls %d and %d drawn %g apart: their circles overlap", l.order[k-1]+1, l.order[k]+1, b-a)
		}
	}
	for i, c := range l.t.Calls {
		if d := math.Abs(l.xs[i] - l.x(c.At)); d > tlineShift+1e-9 {
			t.Errorf("call %d drawn %g units from its date", i+1, d)
		}
	}
}

func TestTimelineDates(t *testing.T) {
	tests := []struct {
		name  string
		tl    *scenario.Timeline
		first string
	}{
		{"seven months", exampleTimeline(), "Mar 1994"},
		{"one day", &scenario.Timeline{Calls: []scenario.TimelineCall{{Number: 1, At: day1994(time.May, 1).Add(9 * time.Hour)}}}, "1 May 1994"},
		{"thirty years", decades(), "1990"},
	}
	for _, tt := range tests {
		l := newTimeline(tt.tl)
		ticks := l.dateTicks()
		if len(ticks) < 2 {
			t.Errorf("%s: %d dates on the axis, want at least 2", tt.name, len(ticks))
			continue
		}
		if ticks[0].label != tt.first {
			t.Errorf("%s: first date %q, want %q", tt.name, ticks[0].label, tt.first)
		}
		if !ticksApart(ticks) {
			t.Errorf("%s: dates overlap: %v", tt.name, ticks)
		}
		for _, tk := range ticks {
			if tk.x < l.plotL-1 || tk.x > l.plotR+1 {
				t.Errorf("%s: date %q at %g, outside the plot %g to %g", tt.name, tk.label, tk.x, l.plotL, l.plotR)
			}
		}
	}
}

func TestTimelineLabelsAbove(t *testing.T) {
	l := newTimeline(longRows())
	for i, a := range l.heads {
		for _, b := range l.heads[i+1:] {
			if a.line == b.line && a.tx < b.tx+b.w && b.tx < a.tx+a.w {
				t.Errorf("labels %q and %q overlap on line %d", a.text, b.text, a.line)
			}
		}
		if a.tx < 0 || a.tx+a.w > svgWidth {
			t.Errorf("label %q runs from %g to %g, outside the figure", a.text, a.tx, a.tx+a.w)
		}
	}
}

func TestGraphLayout(t *testing.T) {
	for _, tc := range figureCases() {
		if tc.c.Graph == nil || len(tc.c.Graph.Nodes)+len(tc.c.Graph.Edges) == 0 {
			continue
		}
		l := layoutGraph(tc.c.Graph)
		for i, a := range l.nodes {
			for _, b := range l.nodes[i+1:] {
				if a.box().overlaps(b.box(), 0) {
					t.Errorf("%s: boxes of %q and %q overlap: %v, %v", tc.name, a.name, b.name, a.box(), b.box())
				}
			}
		}
		for _, e := range l.edges {
			if e.self {
				continue
			}
			for k := 1; k < len(e.chain); k++ {
				if l.nodes[e.chain[k]].layer != l.nodes[e.chain[k-1]].layer+1 {
					t.Errorf("%s: edge %s to %s does not run one column at a time", tc.name, e.From, e.To)
				}
			}
		}
	}
}

func TestGraphExampleIsClear(t *testing.T) {
	l := layoutGraph(exampleGraph())
	for i, e := range l.edges {
		if e.cost >= 1000 {
			t.Errorf("the label of %s to %s touches a box, an arrowhead, another label or the edge of the figure", e.From, e.To)
		}
		if r := e.labelRect(); r.x < 0 || r.x+r.w > svgWidth {
			t.Errorf("the label of %s to %s runs off the figure", e.From, e.To)
		}
		for _, o := range l.edges[i+1:] {
			if e.labelRect().overlaps(o.labelRect(), 0) {
				t.Errorf("the labels of %s to %s and %s to %s overlap", e.From, e.To, o.From, o.To)
			}
		}
	}
	for _, n := range l.nodes {
		if n.x < 0 || n.x+n.w > svgWidth {
			t.Errorf("%q runs off the figure", n.name)
		}
	}
	cols := map[string]int{}
	for _, n := range l.nodes {
		cols[n.name] = n.layer
	}
	if cols["Government"] != 0 || cols["Chip factory"] != 0 || cols["NIST"] != 1 || cols["FBI's decrypt processor"] != 2 || cols["Intruder"] != 2 {
		t.Errorf("columns %v: want the givers at the left and the FBI and the intruder at the right", cols)
	}
	body, _ := svgGraph(exampleGraph())
	if n := strings.Count(body, `stroke-dasharray="9 5"`); n != 4 {
		t.Errorf("%d dashed lines, want the 3 leaks and the key's sample", n)
	}
	if !strings.Contains(body, "key handed over") || !strings.Contains(body, "taken in a leak") {
		t.Error("no key under the graph")
	}
}

func TestFiguresGrow(t *testing.T) {
	height := func(c scenario.Chart) float64 { _, h := drawFigure(c); return h }
	more := exampleTimeline()
	more.Rows = append(more.Rows, scenario.TimelineRow{Label: "one more", Read: []int{1}})
	bigger := exampleGraph()
	bigger.Nodes = append(bigger.Nodes, "a ninth holder", "a tenth holder")
	inner := exampleEnvelope()
	inner.Items[1].Inner.Items = append(inner.Items[1].Inner.Items, scenario.EnvelopeItem{Label: "another", Text: "field"})
	tests := []struct {
		name          string
		small, larger scenario.Chart
	}{
		{"a row more", timelineChart(exampleTimeline()), timelineChart(more)},
		{"two holders more", graphChart(exampleGraph()), graphChart(bigger)},
		{"a field more", envelopeChart(exampleEnvelope()), envelopeChart(inner)},
		{"a layer more", envelopeChart(deepEnvelope(3)), envelopeChart(deepEnvelope(4))},
	}
	for _, tt := range tests {
		if a, b := height(tt.small), height(tt.larger); b <= a {
			t.Errorf("%s: height %g, not more than %g", tt.name, b, a)
		}
	}
}

// TestFigurePreview writes each example figure into an HTML page in the
// directory named by ESCROWLAB_SVG_PREVIEW, styled as in a report, to be
// looked at in a browser. Without it, the test is skipped.
func TestFigurePreview(t *testing.T) {
	dir := os.Getenv("ESCROWLAB_SVG_PREVIEW")
	if dir == "" {
		t.Skip("set ESCROWLAB_SVG_PREVIEW to a directory to write preview pages")
	}
	for name, c := range previewCharts() {
		page := "<!doctype html><meta charset=utf-8><style>" + htmlCSS + "</style><body style=\"margin:8px\"><figure class=\"chart\" style=\"margin:0\">" + svgChart(c, "f1") + "</figure>"
		if err := os.WriteFile(filepath.Join(dir, name+".html"), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// previewCharts are the example figures, and some hard cases, by name.
func previewCharts() map[string]scenario.Chart {
	return map[string]scenario.Chart{
		"envelope":      {Kind: scenario.EnvelopeChart, Envelope: exampleEnvelope(), Title: "t", Alt: "a"},
		"envelope-deep": {Kind: scenario.EnvelopeChart, Envelope: deepEnvelope(6), Title: "t", Alt: "a"},
		"timeline":      {Kind: scenario.TimelineChart, Timeline: exampleTimeline(), Title: "t", Alt: "a"},
		"timeline-tour": {Kind: scenario.TimelineChart, Timeline: tourTimeline(), Title: "t", Alt: "a"},
		"timeline-3000": {Kind: scenario.TimelineChart, Timeline: manyCalls(3000), Title: "t", Alt: "a"},
		"timeline-one":  {Kind: scenario.TimelineChart, Timeline: manyCalls(1), Title: "t", Alt: "a"},
		"graph":         {Kind: scenario.GraphChart, Graph: exampleGraph(), Title: "t", Alt: "a"},
		"graph-dup":     {Kind: scenario.GraphChart, Graph: duplicateGraph(), Title: "t", Alt: "a"},
	}
}
