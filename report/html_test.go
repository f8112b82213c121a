package report

import (
	"bytes"
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/escrowlab/escrowlab/attack"
	"github.com/escrowlab/escrowlab/scenario"
)

// htmlTour is the guided tour run with seed 1.
func htmlTour(t *testing.T) *scenario.Transcript {
	t.Helper()
	s, err := scenario.Lookup("tour")
	if err != nil {
		t.Fatal(err)
	}
	tr, err := s.Run(context.Background(), scenario.Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

// htmlMatrix is a small exposure matrix.
func htmlMatrix(t *testing.T) *scenario.Transcript {
	t.Helper()
	m, err := attack.NewMatrix(context.Background(), attack.MatrixConfig{People: 4, Sessions: 12, LeakAfter: 6, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	tr, err := scenario.MatrixTranscript(m)
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

// htmlSweep is a small forgery sweep, measured now, as escrowlab forge
// --sweep 8-10 --trials 2 runs it.
func htmlSweep(t *testing.T) *scenario.Transcript {
	t.Helper()
	cfg := attack.ForgeConfig{Bits: 8, Seed: 1}
	pts, err := attack.Sweep(context.Background(), cfg, 8, 10, 2, nil)
	if err != nil {
		t.Fatal(err)
	}
	f, err := attack.NewForger(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return scenario.SweepTranscript(scenario.SweepRun{Lo: 8, Hi: 10, Trials: 2, Workers: f.Workers(), Seed: 1, Points: pts})
}

// chartSample is sample with one chart of each kind and their awkward
// cases: a log axis over many decades with a projection, marks, identical
// series, a ragged heat map and a line chart with no usable points.
func chartSample() *scenario.Transcript {
	t := sample()
	t.Charts = []scenario.Chart{
		{
			Title: "Time to forge a LEAF against checksum width", Kind: scenario.LineChart, LogY: true,
			XLabel: "checksum bits", YLabel: "seconds per forgery",
			Alt: "Measured from 8 to 16 bits, doubling with each bit; projected to 64 bits: about 200,000 years.",
			Series: []scenario.Series{
				{Name: "measured", Points: []scenario.Point{{X: 8, Y: 0.0001}, {X: 10, Y: 0.0004}, {X: 12, Y: 0.0017}, {X: 14, Y: 0.0066}, {X: 16, Y: 0.027}}},
				{Name: "projected (not measured)", Dashed: true, Points: []scenario.Point{{X: 16, Y: 0.027}, {X: 32, Y: 1760}, {X: 48, Y: 1.15e8}, {X: 64, Y: 7.5e12}}},
			},
			Marks: []scenario.Mark{{X: 16, Label: "Clipper's 16 bits"}},
		},
		{
			Title: "Sessions opened over time", Kind: scenario.LineChart, XLabel: "day", YLabel: "sessions",
			Alt: "12 sessions over 17 days; escrow opened all 12, forward secrecy none.",
			Series: []scenario.Series{
				{Name: "recorded", Points: []scenario.Point{{X: 0, Y: 0}, {X: 2, Y: 3}, {X: 9, Y: 7}, {X: 17, Y: 12}}},
				{Name: "escrow opened", Points: []scenario.Point{{X: 0, Y: 0}, {X: 2, Y: 3}, {X: 9, Y: 7}, {X: 17, Y: 12}, {X: 17, Y: 12}}},
				{Name: "e2e-fs opened", Points: []scenario.Point{{X: 0, Y: 0}, {X: 17, Y: 0}}},
			},
			Marks: []scenario.Mark{{X: 9.2, Label: "leak"}},
		},
		{
			Title: "Share of sessions each leak opened", Kind: scenario.HeatMapChart,
			Alt: "Escrow databases opened every Clipper session; nothing opened forward-secret sessions.",
			Heat: &scenario.HeatMap{
				Rows:   []string{"none", "escrow-dbs", "device-seizure", "session-key"},
				Cols:   []string{"clipper", "e2e-static", "e2e-fs", "e2e-escrowed"},
				Values: [][]float64{{0, 0, 0, 0}, {1, 0, 0, 0}, {0, 0.5, 0, 0}, {0.25, 0.25, 0.25}},
				Labels: [][]string{{"0/16", "0/16", "0/16", "0/16"}, {"16/16", "0/16", "0/16", "0/16"}, {"0/16", "8/16", "0/16", "0/16"}, {"4/16", "4/16", "4/16"}},
			},
		},
		{Title: "Nothing to draw", Kind: scenario.LineChart, LogY: true, Series: []scenario.Series{{Name: "zeros", Points: []scenario.Point{{X: 1, Y: 0}}}}},
	}
	return t
}

// failedSample is sample as a scenario whose prediction did not hold.
func failedSample() *scenario.Transcript {
	t := sample()
	t.Failed = 1
	return t
}

// hostile is sample with markup, a script URL and odd characters wherever
// the transcript carries text, to check that all of it is escaped.
func hostile() *scenario.Transcript {
	t := chartSample()
	const evil = `<script>alert("x")</script><img src=x onerror=alert(1)>&amp; "q" 'a'`
	t.Title = "Title " + evil
	t.Intro = append(t.Intro, scenario.Paragraph{Text: "Intro " + evil + " [99]", Cites: []int{1, 2}})
	t.Acts[0].Title = "Act " + evil
	t.Acts[0].Steps[0].Actor = "Actor " + evil
	t.Acts[0].Steps[0].Values[0].Label = "Label " + evil
	t.Acts[0].Steps[1].Values = []scenario.Value{{Label: "Text", Text: evil}}
	t.Acts[1].Steps[0].Table.Caption = evil
	t.Summary.Rows[0][0] = scenario.Text(evil)
	t.Charts[1].Series[0].Name = evil
	t.Charts[2].Heat.Rows[0] = evil
	t.Charts[0].Alt = evil
	t.References = append(t.References,
		scenario.Reference{Number: 4, Short: "Script", Full: evil, URL: "javascript:alert(1)"},
		scenario.Reference{Number: 5, Short: "Plain HTTP", Full: "A page served without TLS.", URL: "http://example.org/a?b=<c>"})
	return t
}

// renderHTML renders tr, failing the test on error.
func renderHTML(t *testing.T, tr *scenario.Transcript) string {
	t.Helper()
	var b bytes.Buffer
	if err := HTML(&b, tr); err != nil {
		t.Fatalf("HTML: %v", err)
	}
	return b.String()
}

// nodeAttr returns the value of n's attribute key, and whether it is set.
func nodeAttr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return a.Val, true
		}
	}
	return "", false
}

// nodeText returns the text content of n, white space collapsed.
func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// elementsOf returns every element node under n, in document order.
func elementsOf(n *html.Node) []*html.Node {
	var out []*html.Node
	for d := range n.Descendants() {
		if d.Type == html.ElementNode {
			out = append(out, d)
		}
	}
	return out
}

// checkPage checks the rules every page must keep; it returns the parsed
// document for further checks.
func checkPage(t *testing.T, name, out string, tr *scenario.Transcript) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(out))
	if err != nil {
		t.Fatalf("%s: parsing: %v", name, err)
	}
	if !strings.HasPrefix(out, "<!DOCTYPE html>\n") {
		t.Errorf("%s: output does not start with <!DOCTYPE html>", name)
	}
	lower := strings.ToLower(out)
	for _, bad := range []string{"src=", "@import", "url("} {
		if strings.Contains(lower, bad) {
			t.Errorf("%s: output contains %q", name, bad)
		}
	}
	els := elementsOf(doc)
	ids := make(map[string]bool)
	var svgs, h2s, titles []*html.Node
	for _, n := range els {
		switch n.DataAtom {
		case atom.Script, atom.Link, atom.Img, atom.Iframe, atom.Object, atom.Embed,
			atom.Frame, atom.Audio, atom.Video, atom.Source, atom.Base, atom.Form, atom.Image:
			t.Errorf("%s: found a <%s> element", name, n.Data)
		case atom.Svg:
			svgs = append(svgs, n)
		case atom.H2:
			h2s = append(h2s, n)
		case atom.Title:
			if n.Parent != nil && n.Parent.DataAtom == atom.Head {
				titles = append(titles, n)
			}
		case atom.Style:
			if strings.Contains(strings.ToLower(nodeText(n)), "url(") || strings.Contains(nodeText(n), "@import") {
				t.Errorf("%s: a style sheet imports or fetches something", name)
			}
		case atom.Meta:
			if v, _ := nodeAttr(n, "http-equiv"); v != "" {
				t.Errorf("%s: <meta http-equiv=%q>", name, v)
			}
		}
		for _, a := range n.Attr {
			k := strings.ToLower(a.Key)
			switch {
			case k == "src" || k == "srcset" || k == "xlink:href" || k == "action" || k == "formaction" || k == "poster" || k == "background":
				t.Errorf("%s: <%s> has a %s attribute", name, n.Data, k)
			case strings.HasPrefix(k, "on"):
				t.Errorf("%s: <%s> has an event handler %s", name, n.Data, k)
			case k == "style" && strings.Contains(strings.ToLower(a.Val), "url("):
				t.Errorf("%s: <%s> style fetches something: %q", name, n.Data, a.Val)
			case k == "id":
				if ids[a.Val] {
					t.Errorf("%s: id %q is used twice", name, a.Val)
				}
				ids[a.Val] = true
			}
		}
	}
	// Links: https navigation or fragments that lead somewhere.
	for _, n := range els {
		if n.DataAtom != atom.A {
			if _, ok := nodeAttr(n, "href"); ok && n.Data != "a" {
				t.Errorf("%s: <%s> has an href", name, n.Data)
			}
			continue
		}
		href, _ := nodeAttr(n, "href")
		switch {
		case strings.HasPrefix(href, "https://"):
		case strings.HasPrefix(href, "#"):
			if !ids[href[1:]] {
				t.Errorf("%s: link to %q, which no element has as its id", name, href)
			}
		default:
			t.Errorf("%s: link to %q: want https:// or a fragment", name, href)
		}
	}
	// The document: a language and a title.
	for _, n := range els {
		if n.DataAtom == atom.Html {
			if lang, _ := nodeAttr(n, "lang"); lang != "en" {
				t.Errorf("%s: <html lang=%q>, want en", name, lang)
			}
		}
	}
	if len(titles) != 1 || nodeText(titles[0]) == "" {
		t.Errorf("%s: want one non-empty <title> in <head>, got %d", name, len(titles))
	} else if want := strings.Join(strings.Fields(tr.Title), " "); want != "" && nodeText(titles[0]) != want {
		t.Errorf("%s: <title> is %q, want %q", name, nodeText(titles[0]), want)
	}
	// Charts: one accessible, labelled <svg> each.
	if len(svgs) != len(figuresOf(tr)) {
		t.Errorf("%s: %d <svg> elements, want one per chart: %d", name, len(svgs), len(figuresOf(tr)))
	}
	for i, s := range svgs {
		if role, _ := nodeAttr(s, "role"); role != "img" {
			t.Errorf("%s: svg %d has role %q, want img", name, i+1, role)
		}
		var title, desc string
		for c := s.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.Data == "title" && title == "" {
				title = nodeText(c)
			}
			if c.Type == html.ElementNode && c.Data == "desc" && desc == "" {
				desc = nodeText(c)
			}
		}
		if title == "" || desc == "" {
			t.Errorf("%s: svg %d: title %q and desc %q, want both non-empty", name, i+1, title, desc)
		}
		label, _ := nodeAttr(s, "aria-labelledby")
		if label == "" {
			t.Errorf("%s: svg %d has no aria-labelledby", name, i+1)
		}
		for _, id := range strings.Fields(label) {
			if !ids[id] {
				t.Errorf("%s: svg %d is labelled by %q, which no element has as its id", name, i+1, id)
			}
		}
		vb, _ := nodeAttr(s, "viewbox")
		w, _ := nodeAttr(s, "width")
		h, _ := nodeAttr(s, "height")
		if vb == "" || w == "" || w == "0" || h == "" || h == "0" {
			t.Errorf("%s: svg %d: viewBox %q, width %q, height %q: want a size", name, i+1, vb, w, h)
		}
		// The figure shows the text alternative to sighted readers too.
		// The chart sits in the figure, or in the region that scrolls it
		// sideways on a narrow screen.
		fig := s.Parent
		if fig != nil && fig.DataAtom == atom.Div {
			fig = fig.Parent
		}
		if fig == nil || fig.DataAtom != atom.Figure {
			t.Errorf("%s: svg %d is not inside a <figure>", name, i+1)
			continue
		}
		var caption string
		for c := fig.FirstChild; c != nil; c = c.NextSibling {
			if c.DataAtom == atom.Figcaption {
				caption = nodeText(c)
			}
		}
		if figs := figuresOf(tr); i < len(figs) {
			if alt := strings.Join(strings.Fields(chartAlt(figs[i])), " "); !strings.Contains(caption, alt) {
				t.Errorf("%s: figure %d caption %q does not show the text alternative %q", name, i+1, caption, alt)
			}
		}
	}
	// Acts: each title is an h2.
	for _, act := range tr.Acts {
		found := false
		for _, h := range h2s {
			found = found || strings.Contains(nodeText(h), strings.Join(strings.Fields(act.Title), " "))
		}
		if !found {
			t.Errorf("%s: no <h2> holds the act title %q", name, act.Title)
		}
	}
	return doc
}

func TestHTMLPages(t *testing.T) {
	pages := []struct {
		name string
		tr   *scenario.Transcript
	}{
		{"tour", htmlTour(t)},
		{"matrix", htmlMatrix(t)},
		{"sweep", htmlSweep(t)},
		{"charts", chartSample()},
		{"stress", stress()},
		{"failed", failedSample()},
	}
	for _, p := range pages {
		t.Run(p.name, func(t *testing.T) {
			out := renderHTML(t, p.tr)
			doc := checkPage(t, p.name, out, p.tr)
			if again := renderHTML(t, p.tr); again != out {
				t.Error("rendering the same transcript twice gave different pages")
			}
			checkContent(t, doc, out, p.tr)
		})
	}
}

// checkContent checks that the page carries the transcript's content in
// the package's conventions.
func checkContent(t *testing.T, doc *html.Node, out string, tr *scenario.Transcript) {
	t.Helper()
	text := nodeText(doc)
	var badges []string
	for _, n := range elementsOf(doc) {
		if c, _ := nodeAttr(n, "class"); strings.HasPrefix(c, "badge ") {
			badges = append(badges, nodeText(n))
		}
	}
	var want []string
	for _, act := range tr.Acts {
		for _, s := range act.Steps {
			if sym, word, _ := outcomeStyle(s.Outcome.Kind); sym != "" {
				want = append(want, sym+" "+word)
			}
			for _, v := range s.Values {
				if v.Bytes != nil {
					h := Hex(v.Bytes)
					if i := strings.Index(h, " ("); i >= 0 {
						h = h[:i]
					}
					if !strings.Contains(out, h) {
						t.Errorf("value %q: hex %q missing", v.Label, h)
					}
				}
			}
		}
	}
	if tr.Failed > 0 {
		want = append([]string{"✗ Refused"}, want...)
	}
	if strings.Join(badges, "|") != strings.Join(want, "|") {
		t.Errorf("outcome badges:\n got %q\nwant %q (symbol and word for each outcome)", badges, want)
	}
	n := strconv.FormatUint(tr.Seed, 10)
	seed := "Seed " + n + ": run again with --seed " + n + " for the same keys and choices"
	if !strings.Contains(text, seed) {
		t.Errorf("the page does not say %q", seed)
	}
	for _, r := range tr.References {
		if !strings.Contains(text, strings.Join(strings.Fields(r.Full), " ")) {
			t.Errorf("reference %d is missing", r.Number)
		}
	}
}

// TestHTMLEscapes feeds markup, script URLs and entities through every
// text field and checks that none of it becomes markup or a link.
func TestHTMLEscapes(t *testing.T) {
	tr := hostile()
	out := renderHTML(t, tr)
	doc, err := html.Parse(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range elementsOf(doc) {
		switch n.DataAtom {
		case atom.Script, atom.Img:
			t.Errorf("markup in the transcript became a <%s> element", n.Data)
		case atom.A:
			if href, _ := nodeAttr(n, "href"); !strings.HasPrefix(href, "https://") && !strings.HasPrefix(href, "#") {
				t.Errorf("link to %q", href)
			}
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "on") {
				t.Errorf("<%s %s=%q>", n.Data, a.Key, a.Val)
			}
		}
	}
	text := nodeText(doc)
	for _, want := range []string{
		`Title <script>alert("x")</script><img src=x onerror=alert(1)>&amp; "q" 'a'`, // the h1, as text
		"javascript:alert(1)",        // shown, not linked
		"http://example.org/a?b=<c>", // shown, not linked
		"[99]",                       // not a reference: left as written
	} {
		if !strings.Contains(text, want) {
			t.Errorf("page text lacks %q", want)
		}
	}
	if strings.Contains(out, `href="#ref-99"`) {
		t.Error("a citation of a reference the transcript lacks became a link")
	}
	if !strings.Contains(out, `<a href="#ref-1" aria-label="reference 1">1</a>`) {
		t.Error("a citation in the intro did not link to its reference")
	}
}

// TestHTMLMinimal renders transcripts with nothing but a seed, and with
// empty parts, without failing or leaving empty sections.
func TestHTMLMinimal(t *testing.T) {
	for _, tr := range []*scenario.Transcript{
		{},
		{Scenario: "bare", Acts: []scenario.Act{{Title: "Only act"}}, Summary: &scenario.Table{}},
		{Title: "Empty chart", Charts: []scenario.Chart{{Kind: scenario.HeatMapChart}, {Kind: scenario.LineChart}}},
	} {
		out := renderHTML(t, tr)
		checkPage(t, "minimal", out, tr)
		if strings.Contains(out, "<ol class=\"steps\">\n</ol>") || strings.Contains(out, "<p></p>") {
			t.Errorf("empty list or paragraph in:\n%s", out)
		}
	}
}

// errorWriter fails every write.
type errorWriter struct{}

var errHTMLWrite = errors.New("disk full")

func (errorWriter) Write([]byte) (int, error) { return 0, errHTMLWrite }

func TestHTMLWriteError(t *testing.T) {
	if err := HTML(errorWriter{}, sample()); !errors.Is(err, errHTMLWrite) {
		t.Errorf("HTML to a failing writer returned %v, want %v", err, errHTMLWrite)
	}
}

func TestHTMLNil(t *testing.T) {
	var b bytes.Buffer
	if err := HTML(&b, nil); err == nil {
		t.Error("HTML(nil transcript) returned no error")
	}
	if b.Len() != 0 {
		t.Errorf("HTML(nil transcript) wrote %d bytes", b.Len())
	}
}

// figuresOf lists a transcript's pictures in the order a page numbers
// them: each step's figure, in reading order, then the charts at the end.
func figuresOf(tr *scenario.Transcript) []scenario.Chart {
	var out []scenario.Chart
	for _, a := range tr.Acts {
		for _, s := range a.Steps {
			if s.Figure != nil {
				out = append(out, *s.Figure)
			}
		}
	}
	return append(out, tr.Charts...)
}

// The printed footer's title is a CSS string that nothing in the title can
// end early, and table cells are classed so that print and phones keep
// numbers and hyphenated labels whole.
func TestHTMLCellsAndFooter(t *testing.T) {
	for in, want := range map[string]string{
		"Key escrow, end to end: a guided tour": `"Key escrow, end to end: a guided tour"`,
		`A "quoted" title`:                      `"A \22 quoted\22  title"`,
		"</style><script>x</script>":            `"\3c \2f style\3e \3c script\3e x\3c \2f script\3e "`,
		"back\\slash\nnewline":                  `"back\5c slash\a newline"`,
		"Épilogue · 2024":                       `"\c9 pilogue \b7  2024"`,
	} {
		if got := string(cssString(in)); got != want {
			t.Errorf("cssString(%q) = %s, want %s", in, got, want)
		}
	}
	for s, want := range map[string]bool{
		"921,000 tries/s": true, "3.7 ms": true, "2^32": true, "1.2 million years": true, "≈ 3 s": true,
		"clipper": false, "read, before it got in": false, "": false, "1 2 3 4": false,
	} {
		if got := measure(s); got != want {
			t.Errorf("measure(%q) = %v, want %v", s, got, want)
		}
	}
	if got := string(wholeWords("e2e-escrowed & session-key leak")); got != `<span class="nobr">e2e-escrowed</span> &amp; <span class="nobr">session-key</span> leak` {
		t.Errorf("wholeWords: %s", got)
	}
}
