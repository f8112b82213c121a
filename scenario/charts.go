package scenario

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/escrowlab/escrowlab/attack"
	"github.com/escrowlab/escrowlab/internal/plural"
)

// days is the time from start to t in days.
func days(start, t time.Time) float64 { return t.Sub(start).Hours() / 24 }

// cumulative is a series rising by one at the time of each conversation.
func cumulative(name string, convs []attack.Conversation, start time.Time) Series {
	s := Series{Name: name, Points: []Point{{0, 0}}}
	for i, c := range convs {
		s.Points = append(s.Points, Point{days(start, c.At), float64(i + 1)})
	}
	return s
}

// openedOverTime charts, for each exposure, how many calls it opened by
// each day, beside the number recorded, with a mark at the moment that
// splits before from after (a leak, or when police got keys). Day 0 is
// start, named on the axis. Every exposure gets a line, a flat one at zero
// too: the scheme that opens nothing is the contrast the chart is for.
func openedOverTime(title string, sent []attack.Conversation, start time.Time, moment TimeMark, exps []attack.Exposure, names []string) Chart {
	c := Chart{Title: title, Kind: LineChart, XLabel: "days since " + start.Format(dateFormat), YLabel: "calls, running total",
		Series: []Series{cumulative("recorded by the wiretap", sent, start)},
		Marks:  []Mark{{days(start, moment.At), moment.Label}}}
	var words []string
	for i, e := range exps {
		convs := make([]attack.Conversation, len(e.Recovered))
		for j, r := range e.Recovered {
			convs[j] = r.Conversation
		}
		s := cumulative("opened under "+names[i], convs, start)
		s.Points = append(s.Points, Point{days(start, sent[len(sent)-1].At), float64(len(convs))})
		c.Series = append(c.Series, s)
		words = append(words, fmt.Sprintf("%s: %d of %d opened (%d before %s, %d after)", names[i], e.Opened, e.Total, e.OpenedBefore, moment.Label, e.OpenedAfter))
	}
	c.Alt = fmt.Sprintf("%s recorded over %s; %s on day %.0f. %s.", plural.Count(len(sent), "call"), plural.Count(int(math.Round(days(start, sent[len(sent)-1].At))), "day"), moment.Label, days(start, moment.At), strings.Join(words, "; "))
	return c
}

// heatMap charts a matrix table: the share of calls each leak opened
// under each scheme, each cell marked ◆ where the leak also told the
// attacker who called whom.
func heatMap(title string, m *attack.Matrix) Chart {
	schemes := matrixSchemes(m)
	h := &HeatMap{}
	for _, s := range schemes {
		h.Cols = append(h.Cols, string(s))
	}
	var worst []string
	marked := false
	for _, c := range m.Cells {
		if len(h.Rows) == 0 || h.Rows[len(h.Rows)-1] != string(c.Leak) {
			h.Rows = append(h.Rows, string(c.Leak))
			h.Values = append(h.Values, nil)
			h.Labels = append(h.Labels, nil)
		}
		r := len(h.Rows) - 1
		v := 0.0
		if c.Total > 0 {
			v = float64(c.Opened) / float64(c.Total)
		}
		h.Values[r] = append(h.Values[r], v)
		label := fmt.Sprintf("%d/%d", c.Opened, c.Total)
		if c.Metadata > 0 {
			label += " " + metadataMark
			marked = true
		}
		h.Labels[r] = append(h.Labels[r], label)
		if c.Total > 0 && c.Opened == c.Total {
			worst = append(worst, fmt.Sprintf("%s under %s", c.Leak, c.Scheme))
		}
	}
	alt := "No leak opened every call of any scheme."
	if len(worst) > 0 {
		alt = "Leaks that opened every call: " + strings.Join(worst, ", ") + ". Every other cell opened part or none."
	}
	if marked {
		h.Note = metadataMark + " the attacker also learned who called whom, without reading a word"
		alt += " " + metadataMark + " marks a cell where the attacker also learned who called whom."
	}
	return Chart{Title: title, Kind: HeatMapChart, Alt: alt, Heat: h}
}

// matrixCharts are a matrix's heat map and, for every scheme, the calls
// its most damaging leak (other than a single call's keys) opened over
// time; a scheme that no leak opened still gets its line, at zero.
func matrixCharts(m *attack.Matrix) ([]Chart, error) {
	charts := []Chart{heatMap("What each leak opened, scheme by scheme", m)}
	var exps []attack.Exposure
	var names []string
	for _, s := range matrixSchemes(m) {
		best, found := attack.Cell{}, false
		for _, c := range m.Cells {
			if c.Scheme == s && c.Leak != attack.SessionKeyLeak && (!found || c.Opened > best.Opened) {
				best, found = c, true
			}
		}
		if !found {
			continue
		}
		e, err := m.Exposure(best.Leak, s)
		if err != nil {
			return nil, err
		}
		name := schemeName(s) + ", no leak measured opened any"
		if best.Opened > 0 {
			name = fmt.Sprintf("%s, the worst leak: %s", schemeName(s), best.Leak)
		}
		exps, names = append(exps, e), append(names, name)
	}
	sent := m.World.Sent()
	if len(exps) > 0 && len(sent) > 0 {
		charts = append(charts, openedOverTime("What each scheme's most damaging leak opened, day by day", sent, sent[0].At.Truncate(24*time.Hour).Add(9*time.Hour), TimeMark{Label: "the leak", At: m.LeakTime}, exps, names))
	}
	return charts, nil
}

// sweepChart charts a sweep: the mean time per forgery measured at each
// checksum width, beside the time 2^w tries take at the rate measured over
// the whole sweep, which continues, dashed and labelled as such, into the
// projection. The projection starts from that expected line, never from a
// measured point, so that no measurement is drawn as a projection.
func sweepChart(run SweepRun) Chart {
	c := Chart{Title: "Each extra bit of checksum doubles the time to forge a LEAF", Kind: LineChart, XLabel: "checksum bits", YLabel: "seconds per forgery (log scale)", LogY: true}
	measured := Series{Name: fmt.Sprintf("measured: mean of %s", plural.Count(run.Trials, "trial"))}
	r := run.SweepRate()
	expected := Series{Name: "expected: 2^bits tries at the measured rate", Dashed: true}
	var words []string
	for _, p := range run.Points {
		s := attack.Stats(p.Forgeries)
		if s.Trials == 0 {
			continue
		}
		measured.Points = append(measured.Points, Point{float64(p.Bits), s.MeanSeconds})
		if e := attack.ProjectSeconds(p.Bits, r); e > 0 {
			expected.Points = append(expected.Points, Point{float64(p.Bits), e})
		}
		words = append(words, fmt.Sprintf("%d bits %s (expected %s)", p.Bits, seconds(s.MeanSeconds), seconds(attack.ProjectSeconds(p.Bits, r))))
	}
	projected := Series{Name: "projected (not measured)", Dashed: true}
	if n := len(expected.Points); n > 0 {
		projected.Points = append(projected.Points, expected.Points[n-1])
	}
	for _, bits := range ProjectedBits() {
		s := attack.ProjectSeconds(bits, r)
		if s > 0 && !math.IsInf(s, 0) {
			projected.Points = append(projected.Points, Point{float64(bits), s})
			words = append(words, fmt.Sprintf("%d bits about %s (projected)", bits, seconds(s)))
		}
	}
	c.Series = []Series{measured, expected, projected}
	c.Alt = "Mean time per forgery: " + strings.Join(words, "; ") + ". Each extra bit doubles the time."
	return c
}
