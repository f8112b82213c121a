package report

import (
	"encoding/hex"
	"errors"
	"fmt"
	"io"

	"github.com/escrowlab/escrowlab/attack"
	"github.com/escrowlab/escrowlab/scenario"
)

// TranscriptSchema names the JSON form of a transcript.
const TranscriptSchema = "escrowlab.transcript/v2"

// The JSON form of a transcript; docs/json.md describes every field.
type (
	transcriptJSON struct {
		Schema            string          `json:"schema"`
		Scenario          string          `json:"scenario"`
		Title             string          `json:"title"`
		Seed              uint64          `json:"seed"`
		Schemes           []string        `json:"schemes"`
		Intro             []paragraphJSON `json:"intro"`
		Acts              []actJSON       `json:"acts"`
		Keys              *tableJSON      `json:"keys"`
		Summary           *tableJSON      `json:"summary"`
		Closing           []paragraphJSON `json:"closing"`
		Charts            []chartJSON     `json:"charts"`
		References        []referenceJSON `json:"references"`
		PredictionsFailed int             `json:"predictions_failed"`
	}
	paragraphJSON struct {
		Text  string `json:"text"`
		Cites []int  `json:"cites"`
	}
	actJSON struct {
		Number int        `json:"number"`
		Title  string     `json:"title"`
		Intro  string     `json:"intro"`
		Steps  []stepJSON `json:"steps"`
	}
	stepJSON struct {
		Number  string      `json:"number"`
		Actor   string      `json:"actor"`
		Action  string      `json:"action"`
		Values  []valueJSON `json:"values"`
		Outcome outcomeJSON `json:"outcome"`
		Note    string      `json:"note"`
		Cites   []int       `json:"cites"`
		Table   *tableJSON  `json:"table"`
		Figure  *chartJSON  `json:"figure"`
	}
	valueJSON struct {
		Label  string `json:"label"`
		Text   string `json:"text"`
		Hex    string `json:"hex"`
		Indent int    `json:"indent"`
		Note   string `json:"note"`
	}
	outcomeJSON struct {
		Kind string `json:"kind"`
		Text string `json:"text"`
	}
	tableJSON struct {
		Caption string            `json:"caption"`
		Legend  []definitionJSON  `json:"legend"`
		Header  []string          `json:"header"`
		Rows    [][]tableCellJSON `json:"rows"`
	}
	definitionJSON struct {
		Term string `json:"term"`
		Text string `json:"text"`
	}
	tableCellJSON struct {
		Kind string `json:"kind"`
		Text string `json:"text"`
		N    int    `json:"n"`
		Of   int    `json:"of"`
		Mark string `json:"mark"`
	}
	chartJSON struct {
		Title  string       `json:"title"`
		Alt    string       `json:"alt"`
		Kind   string       `json:"kind"`
		XLabel string       `json:"x_label"`
		YLabel string       `json:"y_label"`
		LogY   bool         `json:"log_y"`
		Series []seriesJSON `json:"series"`
		Marks  []markJSON   `json:"marks"`
		Heat   *heatJSON    `json:"heat"`

		Envelope *envelopeJSON `json:"envelope"`
		Timeline *timelineJSON `json:"timeline"`
		Graph    *graphJSON    `json:"graph"`
	}
	seriesJSON struct {
		Name   string       `json:"name"`
		Dashed bool         `json:"dashed"`
		Points [][2]float64 `json:"points"`
	}
	markJSON struct {
		X     float64 `json:"x"`
		Label string  `json:"label"`
	}
	heatJSON struct {
		Rows   []string    `json:"rows"`
		Cols   []string    `json:"cols"`
		Values [][]float64 `json:"values"`
		Labels [][]string  `json:"labels"`
		Note   string      `json:"note"`
	}
	referenceJSON struct {
		Number    int    `json:"number"`
		Short     string `json:"short"`
		Full      string `json:"full"`
		URL       string `json:"url"`
		Catalogue int    `json:"catalogue"`
	}
)

// outcomeKinds are the stable names of outcome kinds in JSON.
var outcomeKinds = map[scenario.OutcomeKind]string{
	scenario.NoOutcome: "none", scenario.Done: "done", scenario.Refused: "refused",
	scenario.Exposed: "exposed", scenario.Sealed: "sealed",
}

// cellKinds are the stable names of cell kinds in JSON.
var cellKinds = map[scenario.CellKind]string{scenario.TextCell: "text", scenario.CountCell: "count", scenario.RatioCell: "ratio"}

// TranscriptJSON writes t as JSON (schema escrowlab.transcript/v2). Every
// field is always present; lists are empty rather than null.
func TranscriptJSON(w io.Writer, t *scenario.Transcript) error {
	if t == nil {
		return errors.New("report: nil transcript")
	}
	j := transcriptJSON{
		Schema: TranscriptSchema, Scenario: t.Scenario, Title: t.Title, Seed: t.Seed,
		Schemes: schemeIDs(t.Schemes), Intro: paragraphsOf(t.Intro), Acts: []actJSON{}, Keys: tableOf(t.Keys), Summary: tableOf(t.Summary), Closing: paragraphsOf(t.Closing),
		Charts: []chartJSON{}, References: []referenceJSON{}, PredictionsFailed: t.Failed,
	}
	for _, a := range t.Acts {
		aj := actJSON{Number: a.Number, Title: a.Title, Intro: a.Intro, Steps: []stepJSON{}}
		for i, s := range a.Steps {
			sj := stepJSON{Number: fmt.Sprintf("%d.%d", a.Number, i+1), Actor: s.Actor, Action: s.Action, Values: []valueJSON{},
				Outcome: outcomeJSON{outcomeKinds[s.Outcome.Kind], s.Outcome.Text}, Note: s.Note, Cites: nonNil(s.Cites), Table: tableOf(s.Table)}
			if s.Figure != nil {
				f := chartOf(*s.Figure)
				sj.Figure = &f
			}
			for _, v := range s.Values {
				vj := valueJSON{Label: v.Label, Text: v.Text, Indent: v.Indent, Note: v.Note}
				if v.Bytes != nil {
					vj.Hex = hex.EncodeToString(v.Bytes)
				}
				sj.Values = append(sj.Values, vj)
			}
			aj.Steps = append(aj.Steps, sj)
		}
		j.Acts = append(j.Acts, aj)
	}
	for _, c := range t.Charts {
		j.Charts = append(j.Charts, chartOf(c))
	}
	for _, r := range t.References {
		j.References = append(j.References, referenceJSON(r))
	}
	return writeJSON(w, j)
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func paragraphsOf(ps []scenario.Paragraph) []paragraphJSON {
	out := []paragraphJSON{}
	for _, p := range ps {
		out = append(out, paragraphJSON{Text: p.Text, Cites: nonNil(p.Cites)})
	}
	return out
}

// tableOf keeps counts and ratios as numbers beside the text a reader
// sees.
func tableOf(t *scenario.Table) *tableJSON {
	if t == nil {
		return nil
	}
	j := &tableJSON{Caption: t.Caption, Legend: []definitionJSON{}, Header: nonNil(t.Header), Rows: [][]tableCellJSON{}}
	for _, d := range t.Legend {
		j.Legend = append(j.Legend, definitionJSON(d))
	}
	for _, row := range t.Rows {
		r := []tableCellJSON{}
		for _, c := range row {
			r = append(r, tableCellJSON{Kind: cellKinds[c.Kind], Text: c.String(), N: c.N, Of: c.Of, Mark: c.Mark})
		}
		j.Rows = append(j.Rows, r)
	}
	return j
}

func chartOf(c scenario.Chart) chartJSON {
	j := chartJSON{Title: c.Title, Alt: c.Alt, Kind: "line", XLabel: c.XLabel, YLabel: c.YLabel, LogY: c.LogY, Series: []seriesJSON{}, Marks: []markJSON{}}
	j.Kind = chartKinds[c.Kind]
	for _, s := range c.Series {
		sj := seriesJSON{Name: s.Name, Dashed: s.Dashed, Points: [][2]float64{}}
		for _, p := range s.Points {
			sj.Points = append(sj.Points, [2]float64{p.X, p.Y})
		}
		j.Series = append(j.Series, sj)
	}
	for _, m := range c.Marks {
		j.Marks = append(j.Marks, markJSON(m))
	}
	if h := c.Heat; h != nil {
		j.Heat = &heatJSON{Rows: h.Rows, Cols: h.Cols, Values: h.Values, Labels: h.Labels, Note: h.Note}
	}
	j.Envelope = envelopeOf(c.Envelope)
	j.Timeline = timelineOf(c.Timeline)
	j.Graph = graphOf(c.Graph)
	return j
}

// chartKinds are the stable names of chart kinds in JSON.
var chartKinds = map[scenario.ChartKind]string{
	scenario.LineChart: "line", scenario.HeatMapChart: "heatmap",
	scenario.EnvelopeChart: "envelope", scenario.TimelineChart: "timeline", scenario.GraphChart: "graph",
}

// schemeIDs lists scheme ids as strings, never null.
func schemeIDs(ids []attack.SchemeID) []string {
	out := []string{}
	for _, id := range ids {
		out = append(out, string(id))
	}
	return out
}
