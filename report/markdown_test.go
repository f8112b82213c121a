package report

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/escrowlab/escrowlab/scenario"
)

// mdStress is stress with charts, text full of Markdown syntax, a table
// cell holding a pipe and references that are not numbered consecutively.
func mdStress() *scenario.Transcript {
	t := stress()
	t.Intro = append(t.Intro, paras("# not a heading, *not emphasis*, snake_case, a < b, <b>not a tag</b>, 1994. A year, C:\\Windows, [not a link](x) and $5 or $10.")...)
	t.Acts = append(t.Acts, scenario.Act{
		Number: 3,
		Title:  "Special characters #",
		Intro:  "- not a list item",
		Steps: []scenario.Step{{
			Actor:  "Mallory *the* forger",
			Action: "Sends `code` and a | pipe.",
			Values: []scenario.Value{
				{Label: "# Label", Text: "_underlined_ & more"},
				{Label: "Deep", Bytes: []byte{1, 2, 3}, Indent: 3},
				{Label: "", Bytes: seq(0x10, 20)},
			},
			Outcome: scenario.Outcome{Kind: scenario.Exposed, Text: "Read by **anyone**."},
			Cites:   []int{5},
			Table: &scenario.Table{
				Header: []string{"Input", "Count"},
				Rows:   textRows([]string{"a|b", "3"}, []string{"c", "n/a"}, []string{"short row"}),
			},
		}},
	})
	t.References = append(t.References, scenario.Reference{Number: 5, Short: "Pipes (2025)", URL: "not a url"})
	t.Charts = []scenario.Chart{
		{
			Title: "Share of sessions each leak opened, by scheme",
			Kind:  scenario.HeatMapChart,
			Alt:   "Leaks that opened every session: escrow-db under clipper.",
			Heat: &scenario.HeatMap{
				Rows:   []string{"escrow-db", "device|key"},
				Cols:   []string{"clipper", "e2e", "threshold"},
				Values: [][]float64{{1, 0, 0.5}, {0.25, 0.25}},
				Labels: [][]string{{"64/64", "0/64", "32/64"}, {"16/64", "16/64"}},
			},
		},
		{
			Title:  "Time to forge a LEAF against checksum width",
			Kind:   scenario.LineChart,
			Alt:    "Mean time per forgery: 16 bits 0.1 s; 24 bits 25 s. Each extra bit doubles the time.",
			Series: []scenario.Series{{Name: "measured", Points: []scenario.Point{{X: 16, Y: 0.1}, {X: 24, Y: 25}}}},
		},
		{
			Title:  "A chart without words",
			Kind:   scenario.LineChart,
			Series: []scenario.Series{{Name: "opened", Points: []scenario.Point{{X: 0, Y: 0}, {X: 1.5, Y: 3}, {X: 2, Y: 1e6}}}},
		},
	}
	return t
}

func renderMD(t *testing.T, tr *scenario.Transcript) string {
	t.Helper()
	var b bytes.Buffer
	if err := Markdown(&b, tr); err != nil {
		t.Fatalf("Markdown: %v", err)
	}
	return b.String()
}

func TestMarkdownGolden(t *testing.T) {
	for _, tc := range []struct {
		file string
		tr   func() *scenario.Transcript
	}{{"sample.md", sample}, {"stress.md", mdStress}} {
		t.Run(tc.file, func(t *testing.T) {
			got := renderMD(t, tc.tr())
			checkGolden(t, filepath.Join("testdata", tc.file), got)
		})
	}
}

func TestMarkdownStructure(t *testing.T) {
	for name, tr := range map[string]*scenario.Transcript{"sample": sample(), "stress": mdStress()} {
		t.Run(name, func(t *testing.T) {
			out := renderMD(t, tr)
			if again := renderMD(t, tr); again != out {
				t.Error("output not deterministic")
			}
			checkLines(t, out)
			checkActs(t, tr, out)
			checkCites(t, tr, out)
			checkBytes(t, tr, out)
			checkTables(t, tr, out)
			checkOutcomes(t, tr, out)
		})
	}
}

// checkLines checks the whole output's shape: no trailing spaces or tabs,
// blocks separated by single empty lines, one final newline.
func checkLines(t *testing.T, out string) {
	t.Helper()
	if !strings.HasSuffix(out, "\n") || strings.HasSuffix(out, "\n\n") {
		t.Error("output does not end with exactly one newline")
	}
	if strings.Contains(out, "\n\n\n") {
		t.Error("output has two empty lines in a row")
	}
	for i, l := range strings.Split(out, "\n") {
		if l != strings.TrimRight(l, " \t") || strings.Contains(l, "\t") {
			t.Errorf("line %d has trailing space or a tab: %q", i+1, l)
		}
	}
	if !strings.Contains(out, "Seed 42: run again with `--seed 42` for the same keys and choices.") {
		t.Error("seed line missing")
	}
}

func checkActs(t *testing.T, tr *scenario.Transcript, out string) {
	t.Helper()
	var heads []string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "## Act ") {
			heads = append(heads, l)
		}
	}
	if len(heads) != len(tr.Acts) {
		t.Fatalf("%d act headings, want %d: %q", len(heads), len(tr.Acts), heads)
	}
	for i, act := range tr.Acts {
		if want := "## Act " + strconv.Itoa(act.Number) + ": "; !strings.HasPrefix(heads[i], want) {
			t.Errorf("act %d heading is %q, want it to start %q", i+1, heads[i], want)
		}
	}
	if !strings.HasPrefix(out, "# "+mdHeading(tr.Title)+"\n") {
		t.Errorf("output does not start with the title heading")
	}
}

var (
	citeRE = regexp.MustCompile(`\[(\d+(?:, \d+)*)\]$`)
	refRE  = regexp.MustCompile(`^- \[(\d+)\] `)
)

// checkCites checks that the citations written are the transcript's and
// that every number cited is in the references section.
func checkCites(t *testing.T, tr *scenario.Transcript, out string) {
	t.Helper()
	body, refs, ok := strings.Cut(out, "\n## References\n")
	if !ok {
		t.Fatal("no references section")
	}
	listed := map[string]bool{}
	for _, l := range strings.Split(refs, "\n") {
		if m := refRE.FindStringSubmatch(l); m != nil {
			listed[m[1]] = true
		} else if regexp.MustCompile(`^\d+\. `).MatchString(l) {
			t.Errorf("reference written as an ordered list item, which Markdown renumbers: %q", l)
		}
	}
	if len(listed) != len(tr.References) {
		t.Errorf("%d references listed, want %d", len(listed), len(tr.References))
	}
	var want, got []string
	for _, act := range tr.Acts {
		for _, s := range act.Steps {
			for _, n := range s.Cites {
				want = append(want, strconv.Itoa(n))
			}
		}
	}
	for _, l := range strings.Split(body, "\n") {
		if m := citeRE.FindStringSubmatch(l); m != nil {
			got = append(got, strings.Split(m[1], ", ")...)
		}
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("citations written %v, want %v", got, want)
	}
	for _, n := range got {
		if !listed[n] {
			t.Errorf("reference [%s] is cited but not in the references section", n)
		}
	}
}

// checkBytes checks that every byte value's hex appears in a code span.
func checkBytes(t *testing.T, tr *scenario.Transcript, out string) {
	t.Helper()
	for _, act := range tr.Acts {
		for _, s := range act.Steps {
			for _, v := range s.Values {
				if len(v.Bytes) == 0 {
					continue
				}
				h, _, _ := strings.Cut(Hex(v.Bytes), " (")
				if !strings.Contains(out, "`"+h+"`") {
					t.Errorf("value %q: %q is not in a code span", v.Label, h)
				}
			}
		}
	}
}

// pipes counts the unescaped "|" in a line.
func pipes(l string) int {
	n := 0
	for i := 0; i < len(l); i++ {
		switch l[i] {
		case '\\':
			i++
		case '|':
			n++
		}
	}
	return n
}

var delimRE = regexp.MustCompile(`^\|( -+:? \|)+$`)

// checkTables checks every pipe table: a delimiter row second, every row
// with as many pipes as the header, and cells with pipes escaped.
func checkTables(t *testing.T, tr *scenario.Transcript, out string) {
	t.Helper()
	want := 0
	if tr.Summary != nil {
		want++
	}
	var cells []string
	for _, act := range tr.Acts {
		for _, s := range act.Steps {
			if s.Table != nil {
				want++
				for _, row := range cellTexts(s.Table.Rows) {
					cells = append(cells, row...)
				}
			}
		}
	}
	for _, c := range tr.Charts {
		if c.Kind == scenario.HeatMapChart && c.Heat != nil {
			want++
			cells = append(cells, c.Heat.Rows...)
		}
	}
	var tables [][]string
	prev := false
	for _, l := range strings.Split(out, "\n") {
		in := strings.HasPrefix(l, "|")
		if in && !prev {
			tables = append(tables, nil)
		}
		if in {
			tables[len(tables)-1] = append(tables[len(tables)-1], l)
		}
		prev = in
	}
	if len(tables) != want {
		t.Errorf("%d tables, want %d", len(tables), want)
	}
	for _, tab := range tables {
		if len(tab) < 2 || !delimRE.MatchString(tab[1]) {
			t.Errorf("table without a delimiter row second: %q", tab)
			continue
		}
		for _, row := range tab {
			if pipes(row) != pipes(tab[0]) {
				t.Errorf("row has %d pipes, header %d: %q", pipes(row), pipes(tab[0]), row)
			}
		}
	}
	for _, c := range cells {
		if strings.Contains(c, "|") && !strings.Contains(out, strings.ReplaceAll(c, "|", `\|`)) {
			t.Errorf("cell %q: pipe not escaped", c)
		}
	}
}

// checkOutcomes checks that every outcome is written as its symbol and its
// words, and that no symbol stands without them.
func checkOutcomes(t *testing.T, tr *scenario.Transcript, out string) {
	t.Helper()
	for _, act := range tr.Acts {
		for _, s := range act.Steps {
			sym, word, _ := outcomeStyle(s.Outcome.Kind)
			if sym == "" {
				continue
			}
			if !strings.Contains(out, "\n**"+sym+" "+word) {
				t.Errorf("outcome %q not written as %q with %q", s.Outcome.Text, sym, word)
			}
		}
	}
	words := map[string]string{"✓": "Done", "✗": "Refused", "■": "Sealed"}
	for sym, word := range words {
		if n, m := strings.Count(out, sym), strings.Count(out, sym+" "+word); n != m {
			t.Errorf("%s appears %d times, with %q only %d times", sym, n, word, m)
		}
	}
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "**!") && !strings.HasPrefix(l, "**! Exposed") {
			t.Errorf("! without its words: %q", l)
		}
	}
}

func TestMarkdownStep(t *testing.T) {
	out := renderMD(t, sample())
	want := strings.Join([]string{
		"**1.1 Alice's phone** Agrees a session key with Bob's phone and sends a Law Enforcement Access Field (LEAF) before the first word of the call.",
		"",
		"- Session key: `0099 8877 6655 4433 2211`",
		"- LEAF: `a0a1 a2a3 a4a5 a6a7 a8a9 aaab acad aeaf`",
		"  - Unit ID: chip 0x2f4a, made in 1994",
		"  - Wrapped key: `3031 3233 3435 3637 3839`",
		"  - Checksum: `beef`",
		"- Mode: Skipjack in output feedback mode, 80-bit key",
		"",
		"**✓ Done:** The call is encrypted and Bob's phone accepts the LEAF.",
		"",
		"*Why it matters:* The LEAF travels with every call. Anyone who records the call also records a copy of the key, locked only by keys the government holds. [1, 2]",
		"",
	}, "\n")
	if !strings.Contains(out, want) {
		t.Errorf("step 1.1 not written as\n%s\n\ngot\n%s", want, out)
	}
	for _, s := range []string{
		"- Ciphertext: `0102 0304 0506 … 2d2e 2f30` (48 bytes)\n",
		"  - Private key: (empty)\n",
		"\n**! Exposed**\n",
		"\n[3]\n",
		"**Recorded calls Eve could read**\n\n| Scheme ",
		"- [1] National Institute of Standards and Technology. FIPS PUB 185: Escrowed Encryption Standard. February 1994. <https://csrc.nist.gov/publications/detail/fips/185/archive/1994-02-09>\n",
	} {
		if !strings.Contains(out, s) {
			t.Errorf("output lacks %q", s)
		}
	}
}

func TestMarkdownNesting(t *testing.T) {
	tr := &scenario.Transcript{Title: "T", Acts: []scenario.Act{{Number: 1, Steps: []scenario.Step{{
		Actor: "A",
		Values: []scenario.Value{
			{Label: "first", Text: "x", Indent: 2}, // nothing to nest under
			{Label: "child", Text: "y", Indent: 1},
			{Label: "deep", Text: "z", Indent: 5}, // at most one level deeper
			{Label: "back", Text: "w"},
		},
	}}}}}
	want := "- first: x\n  - child: y\n    - deep: z\n- back: w\n"
	if out := renderMD(t, tr); !strings.Contains(out, want) {
		t.Errorf("values not nested as\n%s\ngot\n%s", want, out)
	}
}

func TestMarkdownCharts(t *testing.T) {
	out := renderMD(t, mdStress())
	for _, s := range []string{
		"\n## Figures\n\n### Figure 1: Share of sessions each leak opened, by scheme\n\nLeaks that opened every session: escrow-db under clipper.\n\n",
		"|             | clipper |   e2e | threshold |\n",
		"| escrow-db   |   64/64 |  0/64 |     32/64 |\n",
		`| device\|key |   16/64 | 16/64 |           |` + "\n",
		"### Figure 2: Time to forge a LEAF against checksum width\n\nMean time per forgery: 16 bits 0.1 s; 24 bits 25 s. Each extra bit doubles the time.\n\n### Figure 3: A chart without words\n",
		"- opened: (0, 0), (1.5, 3), (2, 1e+06)\n",
	} {
		if !strings.Contains(out, s) {
			t.Errorf("output lacks %q", s)
		}
	}
	if strings.Contains(out, "| measured") || strings.Contains(out, "(16, 0.1)") {
		t.Error("a line chart with a text alternative got a table of its points")
	}
}

func TestMarkdownEscape(t *testing.T) {
	for _, tc := range []struct{ in, inline, block string }{
		{"# not a heading", `# not a heading`, `\# not a heading`},
		{"*stars* and _under_", `\*stars\* and \_under\_`, ""},
		{"snake_case and unit_key stay", "", ""},
		{"1994. A year", "", `1994\. A year`},
		{"(3) items", "", `(3\) items`},
		{"- dash", "", `\- dash`},
		{"---", "", `\---`},
		{"> quote", "", `\> quote`},
		{"+ plus", "", `\+ plus`},
		{"-1.5 degrees and 3 - 2", "", ""},
		{"a < b & c > d", "", ""},
		{"<script>alert(1)</script>", `\<script>alert(1)\</script>`, ""},
		{"AT&amp;T and &#38;", `AT\&amp;T and \&#38;`, ""},
		{"costs $5", "", ""},
		{"$5 and $10", `\$5 and \$10`, ""},
		{"a `tick`", "a \\`tick\\`", ""},
		{`C:\Windows`, `C:\\Windows`, ""},
		{"[link](x) and ~~strike~~", `\[link](x) and \~\~strike\~\~`, ""},
		{"Ordinary punctuation: commas, full stops. (Parentheses!) 100% - ok? \"quoted\" it's {fine}.", "", ""},
		{"a|b", "", ""},
		{"  spaced \n out\t", "spaced out", ""},
	} {
		wantIn := tc.inline
		if wantIn == "" {
			wantIn = tc.in
		}
		wantBlock := tc.block
		if wantBlock == "" {
			wantBlock = wantIn
		}
		if got := mdInline(tc.in); got != wantIn {
			t.Errorf("mdInline(%q) = %q, want %q", tc.in, got, wantIn)
		}
		if got := mdBlock(tc.in); got != wantBlock {
			t.Errorf("mdBlock(%q) = %q, want %q", tc.in, got, wantBlock)
		}
	}
	for _, tc := range []struct {
		got, want string
	}{
		{mdCell("a|b"), `a\|b`},
		{mdCode("0099 8877"), "`0099 8877`"},
		{mdCode("a`b"), "``a`b``"},
		{mdCode("`x"), "`` `x ``"},
		{mdURL("https://example.org/a_b"), "<https://example.org/a_b>"},
		{mdURL("not a url"), "not a url"},
		{mdURL("https://example.org/<x>"), `https://example.org/\<x>`},
		{mdHeading("Issue #"), `Issue \#`},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

// stickyFail fails after n bytes and counts the writes it gets after that.
type stickyFail struct {
	n     int
	after int
	fail  bool
}

func (w *stickyFail) Write(p []byte) (int, error) {
	if w.fail {
		w.after++
		return 0, errWrite
	}
	if len(p) > w.n {
		w.fail = true
		return w.n, errWrite
	}
	w.n -= len(p)
	return len(p), nil
}

func TestMarkdownWriteError(t *testing.T) {
	full := len(renderMD(t, sample()))
	for _, n := range []int{0, 10, 500, 3000, full - 1} {
		if err := Markdown(&failWriter{n: n}, sample()); !errors.Is(err, errWrite) {
			t.Errorf("after %d bytes: Markdown returned %v, want %v", n, err, errWrite)
		}
		w := &stickyFail{n: n}
		if err := Markdown(w, sample()); !errors.Is(err, errWrite) {
			t.Errorf("after %d bytes: Markdown returned %v, want %v", n, err, errWrite)
		}
		if w.after > 0 {
			t.Errorf("after %d bytes: %d writes after the first failure", n, w.after)
		}
	}
	if err := Markdown(&failWriter{n: full}, sample()); err != nil {
		t.Errorf("with room for the whole output: Markdown returned %v", err)
	}
}

func TestMarkdownNil(t *testing.T) {
	if err := Markdown(&bytes.Buffer{}, nil); err == nil {
		t.Error("Markdown(nil transcript) returned no error")
	}
}

// The tour's handout has one summary table, not the same grid again under
// the heat map; its figures are numbered 1, 2, …; and, since the run timed
// a forgery, it says that times vary between runs.
func TestMarkdownTourHandout(t *testing.T) {
	tr := htmlTour(t)
	out := renderMD(t, tr)
	for _, row := range tr.Summary.Rows {
		name := row[0].String()
		rows := regexp.MustCompile(`(?m)^\| `+regexp.QuoteMeta(mdCell(name))+` +\|`).FindAllString(out, -1)
		if len(rows) != 1 {
			t.Errorf("a table row for %q appears %d times, want once, in the summary", name, len(rows))
		}
	}
	if !strings.Contains(out, "Its grid, cell for cell, is the summary table above.") {
		t.Errorf("the heat map does not point to the summary table it repeats")
	}
	steps := len(figuresOf(tr)) - len(tr.Charts)
	for i, c := range tr.Charts {
		if want := fmt.Sprintf("### Figure %d: %s\n", steps+i+1, mdHeading(c.Title)); !strings.Contains(out, want) {
			t.Errorf("lacks the heading %q", want)
		}
	}
	for i, c := range figuresOf(tr)[:steps] {
		if want := fmt.Sprintf("**Figure %d: %s**\n", i+1, mdInline(c.Title)); !strings.Contains(out, want) {
			t.Errorf("lacks the caption %q", want)
		}
	}
	if !strings.Contains(out, timesNote) {
		t.Errorf("the tour timed a forgery, but its handout does not say that times vary")
	}
	if strings.Contains(renderMD(t, sample()), timesNote) {
		t.Errorf("a run without times says that times vary")
	}
}

func TestTimesVary(t *testing.T) {
	for s, want := range map[string]bool{
		"3.7 ms": true, "12 µs": true, "4.1 s": true, "1,330,000 tries/s": true,
		"30 days": false, "Alice's calls": false, "16 bits": false, "e2e-fs": false,
	} {
		tr := &scenario.Transcript{Acts: []scenario.Act{{Steps: []scenario.Step{{Values: []scenario.Value{{Label: "time", Text: s}}}}}}}
		if got := timesVary(tr); got != want {
			t.Errorf("timesVary with a value of %q = %v, want %v", s, got, want)
		}
	}
}

// A picture in a Markdown code block is never wrapped: viewers show the
// block as it is, so a label wider than the page stays on one line with
// its count, and a long key or field stays whole.
func TestMarkdownFigureNotWrapped(t *testing.T) {
	long := "Intruder, with KF, the databases and every phone (end to end, forward secret)"
	day := time.Date(1994, 3, 7, 9, 0, 0, 0, time.UTC)
	var calls []scenario.TimelineCall
	for i := range 21 {
		calls = append(calls, scenario.TimelineCall{Number: i + 1, At: day.AddDate(0, 0, i)})
	}
	tests := []struct {
		name  string
		chart scenario.Chart
		whole string // a line that must appear whole in the code block
	}{
		{"timeline row", scenario.Chart{Kind: scenario.TimelineChart, Timeline: &scenario.Timeline{Calls: calls,
			Rows: []scenario.TimelineRow{{Label: long, Read: nil}}}}, long + ": 0 of 21"},
		{"timeline marks", scenario.Chart{Kind: scenario.TimelineChart, Timeline: &scenario.Timeline{Calls: calls,
			Marks: []scenario.TimeMark{{Label: long, At: day.AddDate(0, 0, 5)}}}}, "│ from left to right: " + long + ", 12 Mar 1994"},
		{"graph edge", scenario.Chart{Kind: scenario.GraphChart, Graph: &scenario.Graph{Nodes: []string{"NIST", "FBI"},
			Edges: []scenario.Edge{{From: "NIST", To: "FBI", Key: long, When: "26 Mar 1994"}}}}, "NIST  ── " + long + ", 26 Mar 1994 ──▶ FBI"},
		{"envelope field", scenario.Chart{Kind: scenario.EnvelopeChart, Envelope: &scenario.Envelope{Lock: "sealed under KF",
			Items: []scenario.EnvelopeItem{{Label: "who", Text: long}}}}, "who  " + long},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			m := &mdWriter{w: &b}
			m.chartBody(tt.chart, nil)
			if m.err != nil {
				t.Fatal(m.err)
			}
			if !strings.Contains(b.String(), tt.whole) {
				t.Errorf("the code block breaks %q:\n%s", tt.whole, b.String())
			}
		})
	}
}
