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

// openedOverTime charts, for each exposure, how many sessions it opened by
// each day, beside the number recorded, with a mark at the leak.
func openedOverTime(title string, sent []attack.Conversation, start, leak time.Time, exps []attack.Exposure, names []string) Chart {
	c := Chart{Title: title, Kind: LineChart, XLabel: "day", YLabel: "sessions",
		Series: []Series{cumulative("recorded by the wiretap", sent, start)},
		Marks:  []Mark{{days(start, leak), "leak"}}}
	var words []string
	for i, e := range exps {
		convs := make([]attack.Conversation, len(e.Recovered))
		for j, r := range e.Recovered {
			convs[j] = r.Conversation
		}
		s := cumulative(names[i]+" opened", convs, start)
		s.Points = append(s.Points, Point{days(start, sent[len(sent)-1].At), float64(len(convs))})
		c.Series = append(c.Series, s)
		words = append(words, fmt.Sprintf("%s: %d of %d opened (%d before the leak, %d after)", names[i], e.Opened, e.Total, e.OpenedBefore, e.OpenedAfter))
	}
	c.Alt = fmt.Sprintf("%s recorded over %s; the leak on day %.0f. %s.", plural.Count(len(sent), "session"), plural.Count(int(math.Round(days(start, sent[len(sent)-1].At))), "day"), days(start, leak), strings.Join(words, "; "))
	return c
}

// heatMap charts a matrix table: the share of sessions each leak opened
// under each scheme.
func heatMap(title string, m *attack.Matrix) Chart {
	schemes := matrixSchemes(m)
	h := &HeatMap{}
	for _, s := range schemes {
		h.Cols = append(h.Cols, string(s))
	}
	var worst []string
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
		h.Labels[r] = append(h.Labels[r], fmt.Sprintf("%d/%d", c.Opened, c.Total))
		if c.Total > 0 && c.Opened == c.Total {
			worst = append(worst, fmt.Sprintf("%s under %s", c.Leak, c.Scheme))
		}
	}
	alt := "No leak opened every session of any scheme."
	if len(worst) > 0 {
		alt = "Leaks that opened every session: " + strings.Join(worst, ", ") + ". Every other cell opened part or none."
	}
	return Chart{Title: title, Kind: HeatMapChart, Alt: alt, Heat: h}
}

// matrixCharts are a matrix's heat map and, for each scheme, the sessions
// its most damaging leak (other than a single session's keys) opened over
// time.
func matrixCharts(m *attack.Matrix) ([]Chart, error) {
	charts := []Chart{heatMap("Share of sessions each leak opened, by scheme", m)}
	var exps []attack.Exposure
	var names []string
	for _, s := range matrixSchemes(m) {
		best := attack.Cell{}
		for _, c := range m.Cells {
			if c.Scheme == s && c.Leak != attack.SessionKeyLeak && c.Opened > best.Opened {
				best = c
			}
		}
		if best.Opened == 0 {
			continue
		}
		e, err := m.Exposure(best.Leak, s)
		if err != nil {
			return nil, err
		}
		exps = append(exps, e)
		names = append(names, fmt.Sprintf("%s (%s)", s, best.Leak))
	}
	sent := m.World.Sent()
	if len(exps) > 0 && len(sent) > 0 {
		charts = append(charts, openedOverTime("Sessions opened over time by each scheme's most damaging leak", sent, sent[0].At.Truncate(24*time.Hour).Add(9*time.Hour), m.LeakTime, exps, names))
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
	for _, bits := range ProjectedBits {
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
