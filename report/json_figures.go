package report

import (
	"time"

	"github.com/escrowlab/escrowlab/scenario"
)

// The pictures of escrowlab.transcript/v2, as docs/json.md describes them.
type (
	envelopeJSON struct {
		Lock  string             `json:"lock"`
		Items []envelopeItemJSON `json:"items"`
	}
	envelopeItemJSON struct {
		Label string        `json:"label"`
		Text  string        `json:"text"`
		Inner *envelopeJSON `json:"inner"`
	}
	timelineJSON struct {
		Calls []callJSON     `json:"calls"`
		Spans []spanJSON     `json:"spans"`
		Marks []timeMarkJSON `json:"marks"`
		Rows  []rowJSON      `json:"rows"`
	}
	callJSON struct {
		Number int       `json:"number"`
		At     time.Time `json:"at"`
		Label  string    `json:"label"`
	}
	spanJSON struct {
		Label string    `json:"label"`
		From  time.Time `json:"from"`
		To    time.Time `json:"to"`
	}
	timeMarkJSON struct {
		Label string    `json:"label"`
		At    time.Time `json:"at"`
	}
	rowJSON struct {
		Label string `json:"label"`
		Read  []int  `json:"read"`
	}
	graphJSON struct {
		Nodes []string   `json:"nodes"`
		Edges []edgeJSON `json:"edges"`
	}
	edgeJSON struct {
		From string `json:"from"`
		To   string `json:"to"`
		Key  string `json:"key"`
		When string `json:"when"`
		Leak bool   `json:"leak"`
	}
)

// envelopeOf converts an envelope and the layers inside it; nil stays nil.
func envelopeOf(e *scenario.Envelope) *envelopeJSON {
	if e == nil {
		return nil
	}
	j := &envelopeJSON{Lock: e.Lock, Items: []envelopeItemJSON{}}
	for _, it := range e.Items {
		j.Items = append(j.Items, envelopeItemJSON{Label: it.Label, Text: it.Text, Inner: envelopeOf(it.Inner)})
	}
	return j
}

// timelineOf converts a timeline; nil stays nil.
func timelineOf(t *scenario.Timeline) *timelineJSON {
	if t == nil {
		return nil
	}
	j := &timelineJSON{Calls: []callJSON{}, Spans: []spanJSON{}, Marks: []timeMarkJSON{}, Rows: []rowJSON{}}
	for _, c := range t.Calls {
		j.Calls = append(j.Calls, callJSON(c))
	}
	for _, s := range t.Spans {
		j.Spans = append(j.Spans, spanJSON(s))
	}
	for _, m := range t.Marks {
		j.Marks = append(j.Marks, timeMarkJSON(m))
	}
	for _, r := range t.Rows {
		j.Rows = append(j.Rows, rowJSON{Label: r.Label, Read: nonNil(r.Read)})
	}
	return j
}

// graphOf converts a graph; nil stays nil.
func graphOf(g *scenario.Graph) *graphJSON {
	if g == nil {
		return nil
	}
	j := &graphJSON{Nodes: nonNil(g.Nodes), Edges: []edgeJSON{}}
	for _, e := range g.Edges {
		j.Edges = append(j.Edges, edgeJSON(e))
	}
	return j
}
