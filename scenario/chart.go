package scenario

// Chart is a figure a renderer may draw. It carries its data and a text
// alternative, so that nothing it shows depends on the drawing alone:
// renderers without graphics print Alt, and HTML gives it to screen
// readers.
type Chart struct {
	Title  string
	Alt    string    // the chart's content in words
	Kind   ChartKind // how to draw it
	XLabel string
	YLabel string
	LogY   bool     // a logarithmic y axis
	Series []Series // LineChart: one line per series
	Marks  []Mark   // LineChart: labelled vertical lines, such as the moment of a leak
	Heat   *HeatMap // HeatMapChart: the grid

	Envelope *Envelope // EnvelopeChart: the layers
	Timeline *Timeline // TimelineChart: the calls on a calendar
	Graph    *Graph    // GraphChart: who handed which key to whom
}

// ChartKind says how a chart is drawn.
type ChartKind int

// Chart kinds.
const (
	// LineChart draws each series as a line of points.
	LineChart ChartKind = iota
	// HeatMapChart draws a grid of cells shaded by value.
	HeatMapChart
	// EnvelopeChart draws data sealed in layers, each under its own lock,
	// as the LEAF is.
	EnvelopeChart
	// TimelineChart draws every call of a run on a calendar, with the
	// periods and moments that matter and who read which call.
	TimelineChart
	// GraphChart draws who holds what: holders as nodes, each key handed
	// over (or taken) as an edge.
	GraphChart
)

// Series is one named line of a line chart. Dashed marks a series that is
// not measured, such as a projection.
type Series struct {
	Name   string
	Points []Point
	Dashed bool
}

// Point is one point of a series.
type Point struct{ X, Y float64 }

// Mark is a labelled vertical line at X.
type Mark struct {
	X     float64
	Label string
}

// HeatMap is a grid of values from 0 to 1, each cell with its label.
type HeatMap struct {
	Rows, Cols []string
	Values     [][]float64 // Values[row][col], 0 to 1
	Labels     [][]string  // the text shown in each cell, such as "64/64"
	Note       string      // a line under the grid explaining any mark in the labels
}
