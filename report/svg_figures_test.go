package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"testing"

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

// figureCase is a figure to draw, by kind.
type figureCase struct {
	name string
	c    scenario.Chart
}

// envelopeChart, timelineChart and graphChart wrap data in a chart.
func envelopeChart(e *scenario.Envelope) scenario.Chart {
	return scenario.Chart{Kind: scenario.EnvelopeChart, Envelope: e, Title: "t", Alt: "a"}
}

// figureCases are the examples and the hard cases of every kind.
func figureCases() []figureCase {
	cyclic := &scenario.Envelope{Lock: "a lock round itself"}
	cyclic.Items = []scenario.EnvelopeItem{{Label: "me", Text: "again"}, {Inner: cyclic}}
	return []figureCase{
		{"envelope", envelopeChart(exampleEnvelope())},
		{"nil envelope", envelopeChart(nil)},
		{"empty envelope", envelopeChart(&scenario.Envelope{})},
		{"envelope of empty items", envelopeChart(&scenario.Envelope{Items: []scenario.EnvelopeItem{{}, {Inner: &scenario.Envelope{}}}})},
		{"deep envelope", envelopeChart(deepEnvelope(12))},
		{"very deep envelope", envelopeChart(deepEnvelope(200))},
		{"envelope inside itself", envelopeChart(cyclic)},
		{"long envelope", envelopeChart(longEnvelope())},
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

// draw draws a case's body as svgChart would.
func draw(c scenario.Chart) (string, float64) {
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
			body, h := draw(tc.c)
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
			if again, _ := draw(tc.c); again != body {
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
		body, _ := draw(tc.c)
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
		body, _ := draw(tc.c)
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

func TestFiguresGrow(t *testing.T) {
	height := func(c scenario.Chart) float64 { _, h := draw(c); return h }
	inner := exampleEnvelope()
	inner.Items[1].Inner.Items = append(inner.Items[1].Inner.Items, scenario.EnvelopeItem{Label: "another", Text: "field"})
	tests := []struct {
		name          string
		small, larger scenario.Chart
	}{
		{"a field more", envelopeChart(exampleEnvelope()), envelopeChart(inner)},
		{"a layer more", envelopeChart(deepEnvelope(3)), envelopeChart(deepEnvelope(4))},
	}
	for _, tt := range tests {
		if a, b := height(tt.small), height(tt.larger); b <= a {
			t.Errorf("%s: height %g, not more than %g", tt.name, b, a)
		}
	}
}
