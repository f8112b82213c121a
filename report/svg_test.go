package report

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/escrowlab/escrowlab/scenario"
)

func TestLinearTicks(t *testing.T) {
	tests := []struct {
		lo, hi  float64
		zero    bool
		integer bool
		want    []float64
	}{
		{0, 16, true, true, []float64{0, 5, 10, 15, 20}},
		{0, 1, true, true, []float64{0, 1}},
		{0, 1, true, false, []float64{0, 0.2, 0.4, 0.6, 0.8, 1}},
		{3, 3, true, true, []float64{0, 1, 2, 3}},
		{-2, -2, false, false, []float64{-3, -2.5, -2, -1.5, -1}},
		{8, 64, false, false, []float64{10, 20, 30, 40, 50, 60}},
		{-7, 12, true, false, []float64{-10, -5, 0, 5, 10, 15}},
	}
	for _, tt := range tests {
		n := 5
		if !tt.zero {
			n = 6
		}
		a := linearAxis(tt.lo, tt.hi, n, tt.zero, tt.integer)
		if !slices.EqualFunc(a.ticks, tt.want, func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }) {
			t.Errorf("linearAxis(%g, %g, zero %v, integer %v) ticks %v, want %v", tt.lo, tt.hi, tt.zero, tt.integer, a.ticks, tt.want)
		}
		if a.lo > tt.lo || a.hi < tt.hi {
			t.Errorf("linearAxis(%g, %g): domain %g to %g does not cover the data", tt.lo, tt.hi, a.lo, a.hi)
		}
	}
}

func TestLogTicks(t *testing.T) {
	tests := []struct {
		lo, hi         float64
		wantLo, wantHi float64
		ticks          []float64
	}{
		{0.0001, 7.5e12, -4, 13, []float64{-3, 0, 3, 6, 9, 12}},
		{2, 900, 0, 3, []float64{0, 1, 2, 3}},
		{5, 5, 0, 1, []float64{0, 1}},
		{1e-300, 1e300, -300, 300, []float64{-300, -200, -100, 0, 100, 200, 300}},
	}
	for _, tt := range tests {
		a := logAxis(tt.lo, tt.hi)
		if a.lo != tt.wantLo || a.hi != tt.wantHi || !slices.Equal(a.ticks, tt.ticks) {
			t.Errorf("logAxis(%g, %g) = decades %g to %g, ticks %v; want %g to %g, ticks %v", tt.lo, tt.hi, a.lo, a.hi, a.ticks, tt.wantLo, tt.wantHi, tt.ticks)
		}
		if len(a.ticks) > svgMaxTicks {
			t.Errorf("logAxis(%g, %g): %d ticks, more than %d", tt.lo, tt.hi, len(a.ticks), svgMaxTicks)
		}
	}
}

func TestTickLabels(t *testing.T) {
	tests := []struct {
		v, step float64
		want    string
	}{
		{0, 5, "0"}, {1500, 500, "1,500"}, {1234567, 1e6, "1,234,567"}, {-2000, 1000, "-2,000"},
		{0.2, 0.2, "0.2"}, {0.05, 0.05, "0.05"}, {math.Copysign(0, -1), 0.1, "0.0"},
	}
	for _, tt := range tests {
		if got := tickLabel(tt.v, tt.step); got != tt.want {
			t.Errorf("tickLabel(%g, %g) = %q, want %q", tt.v, tt.step, got, tt.want)
		}
	}
	small := logAxis(0.001, 1e6)
	if got := logTickText(-3, &small); got != "0.001" {
		t.Errorf("decade -3 on an axis to a million: %q, want 0.001", got)
	}
	if got := logTickText(6, &small); got != "1,000,000" {
		t.Errorf("decade 6 on an axis to a million: %q, want 1,000,000", got)
	}
	wide := logAxis(1e-4, 1e13)
	if got := logTickText(-3, &wide); !strings.HasPrefix(got, "10<tspan") || !strings.Contains(got, "−3") {
		t.Errorf("decade -3 on a wide axis: %q, want 10 with a raised −3", got)
	}
}

// TestHeatColors checks that shades darken as values grow and that the
// text on every shade has at least WCAG AA contrast (4.5:1).
func TestHeatColors(t *testing.T) {
	last := 2.0
	for i := 0; i <= 100; i++ {
		fill, ink := heatColor(float64(i) / 100)
		rgb := parseHex(t, fill)
		l := luminance(rgb)
		if l > last+1e-9 {
			t.Errorf("value %d%%: shade %s is lighter than the one before", i, fill)
		}
		last = l
		li := luminance(parseHex(t, ink))
		hi, lo := max(l, li), min(l, li)
		if c := (hi + 0.05) / (lo + 0.05); c < 4.5 {
			t.Errorf("value %d%%: %s text on %s has contrast %.2f, want at least 4.5", i, ink, fill, c)
		}
	}
	for _, v := range []float64{-1, 2, math.NaN(), math.Inf(1)} {
		if fill, _ := heatColor(v); len(fill) != 7 {
			t.Errorf("heatColor(%g) = %q", v, fill)
		}
	}
}

func parseHex(t *testing.T, s string) [3]float64 {
	t.Helper()
	var rgb [3]float64
	for i := range rgb {
		n, err := strconv.ParseUint(s[1+2*i:3+2*i], 16, 8)
		if err != nil {
			t.Fatalf("colour %q: %v", s, err)
		}
		rgb[i] = float64(n)
	}
	return rgb
}

func TestSplitLabel(t *testing.T) {
	tests := []struct {
		s    string
		w    float64
		want []string
	}{
		{"clipper", 90, []string{"clipper"}},
		{"e2e-escrowed", 60, []string{"e2e-", "escrowed"}},
		{"two words here", 60, []string{"two words", "here"}},
		{"unbreakable", 20, []string{"unbreakable"}},
	}
	for _, tt := range tests {
		if got := splitLabel(tt.s, tt.w, 14); !slices.Equal(got, tt.want) {
			t.Errorf("splitLabel(%q, %g) = %q, want %q", tt.s, tt.w, got, tt.want)
		}
	}
}

// TestSeriesStyles checks that series differ by dash and marker as well as
// colour, that a projection is never solid and that a series hidden under
// an identical one is named in the legend.
func TestSeriesStyles(t *testing.T) {
	c := scenario.Chart{Kind: scenario.LineChart}
	for i := range 6 {
		c.Series = append(c.Series, scenario.Series{Name: "s" + strconv.Itoa(i), Points: []scenario.Point{{X: 0, Y: 0}, {X: 1, Y: float64(i)}}})
	}
	c.Series[3].Points = c.Series[1].Points
	c.Series[0].Dashed = true
	xa, ya := linearAxis(0, 1, 6, false, false), linearAxis(0, 5, 5, true, true)
	xa.from, xa.to, ya.from, ya.to = 0, 100, 100, 0
	ss := lineSeriesOf(c, &xa, &ya)
	seen := map[string]bool{}
	for i, s := range ss {
		key := s.dash + "|" + s.marker
		if seen[key] || seen[s.color] {
			t.Errorf("series %d repeats a dash and marker or a colour: %q %q %q", i, s.dash, s.marker, s.color)
		}
		seen[key], seen[s.color] = true, true
		if strings.EqualFold(s.color, "#F0E442") {
			t.Errorf("series %d is drawn in yellow", i)
		}
	}
	if ss[0].dash == "" {
		t.Error("a Dashed series is drawn solid")
	}
	if ss[3].same != "s1" || ss[2].same != "" {
		t.Errorf("identical series: %q and %q, want s1 and none", ss[3].same, ss[2].same)
	}
	out, _ := svgLineChart(c)
	if !strings.Contains(out, "s3: 1 (same line)") {
		t.Error("the labels do not say which series lies under another")
	}
}

// TestSVGNumbers checks the formatting of coordinates.
func TestSVGNumbers(t *testing.T) {
	for in, want := range map[float64]string{0: "0", -0.01: "0", 1.25: "1.3", 720: "720", math.NaN(): "0", math.Inf(-1): "0", -3.14: "-3.1"} {
		if got := svgNum(in); got != want {
			t.Errorf("svgNum(%g) = %q, want %q", in, got, want)
		}
	}
}

// Every line of a line chart is drawn and named in the SVG, the flat ones
// at zero included: the tour's chart shows every scheme it measures.
func TestLineChartsDrawEverySeries(t *testing.T) {
	tr := htmlTour(t)
	drawn := 0
	for _, c := range tr.Charts {
		if c.Kind != scenario.LineChart {
			continue
		}
		drawn++
		out := svgChart(c, "f")
		if got := strings.Count(out, `stroke-width="2.5" stroke-linejoin="round"`); got != len(c.Series) {
			t.Errorf("%q: %d lines drawn, want %d", c.Title, got, len(c.Series))
		}
		zero := 0
		for _, s := range c.Series {
			if first := strings.Fields(s.Name)[0]; !strings.Contains(out, ">"+svgEsc(first)) {
				t.Errorf("%q: series %q is not named in the drawing", c.Title, s.Name)
			}
			if s.Points[len(s.Points)-1].Y == 0 {
				zero++
			}
		}
		if zero == 0 {
			t.Errorf("%q: no line at zero; the tour's chart should show forward secrecy's flat line", c.Title)
		}
	}
	if drawn == 0 {
		t.Fatal("the tour has no line chart")
	}
}

// A projection that continues a line from that line's last point leaves
// that point with the line's own marker: a measured point is never drawn
// with the projection's.
func TestProjectionMarkers(t *testing.T) {
	c := scenario.Chart{Kind: scenario.LineChart, Series: []scenario.Series{
		{Name: "measured", Points: []scenario.Point{{X: 8, Y: 1}, {X: 9, Y: 2}, {X: 10, Y: 4}}},
		{Name: "projected (not measured)", Dashed: true, Points: []scenario.Point{{X: 10, Y: 4}, {X: 12, Y: 16}, {X: 14, Y: 64}}},
	}}
	out, _ := svgLineChart(c)
	groups := regexp.MustCompile(`<g fill="none" stroke="[^"]*" stroke-width="1.8">(.*?)</g>`).FindAllStringSubmatch(out, -1)
	if len(groups) < 2 {
		t.Fatalf("found %d groups of markers", len(groups))
	}
	count := func(g string) int { return strings.Count(g, "<circle") + strings.Count(g, "<path") }
	if m, p := count(groups[0][1]), count(groups[1][1]); m != 3 || p != 2 {
		t.Errorf("%d measured markers and %d projected, want 3 and 2: the shared point keeps its measured marker only", m, p)
	}
}
