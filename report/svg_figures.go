package report

import "github.com/escrowlab/escrowlab/scenario"

// svgEnvelope draws an envelope's layers as nested boxes and returns the
// SVG body and its height.
func svgEnvelope(e *scenario.Envelope) (string, float64) {
	return `<text x="16" y="34">(envelope: drawing to come)</text>` + "\n", 56
}

// svgTimeline draws a timeline and returns the SVG body and its height.
func svgTimeline(t *scenario.Timeline) (string, float64) {
	return `<text x="16" y="34">(timeline: drawing to come)</text>` + "\n", 56
}

// svgGraph draws who holds what and returns the SVG body and its height.
func svgGraph(g *scenario.Graph) (string, float64) {
	return `<text x="16" y="34">(graph: drawing to come)</text>` + "\n", 56
}
