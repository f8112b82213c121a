package report

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/escrowlab/escrowlab/scenario"
)

// Markdown writes t to w as a handout in CommonMark with GitHub-flavoured
// pipe tables, for GitHub, GitLab, VS Code, pandoc and print. It carries
// the same content as [Text]: a "# Title" and the intro, a "## Act N:
// Title" section per act whose steps are numbered paragraphs
// ("**1.2 Actor** action") followed by their values as a bulleted list
// (bytes as [Hex] in code spans, nested values as sub-bullets), any table,
// the outcome as a symbol and words ("**✓ Done:** text") and the "Why it
// matters" note with its citations; then the summary table, the closing
// paragraphs, the charts as numbered figures (their text alternatives, and
// a heat map's grid as a table unless the summary table is that grid), the
// references in the transcript's own numbers, and the seed, with a note
// that times vary between runs when the run measured any.
//
// Free text is escaped only where it would otherwise change the rendering.
// The output depends only on t. It returns the first error from w.
func Markdown(w io.Writer, t *scenario.Transcript) error {
	if t == nil {
		return errors.New("report: nil transcript")
	}
	m := &mdWriter{w: w}
	title := t.Title
	if strings.TrimSpace(title) == "" {
		title = t.Scenario
	}
	if h := mdHeading(title); h != "" {
		m.block("# " + h)
	}
	for _, p := range t.Intro {
		m.cited(p)
	}
	if t.Keys != nil {
		m.table(t.Keys)
	}
	for i, act := range t.Acts {
		m.act(i, act)
	}
	if t.Summary != nil {
		m.block("## Summary")
		m.table(t.Summary)
	}
	for _, p := range t.Closing {
		m.cited(p)
	}
	if len(t.Charts) > 0 {
		m.block("## Figures")
		for _, c := range t.Charts {
			m.figures++
			m.chart(m.figures, c, t.Summary)
		}
	}
	m.references(t.References)
	seed := strconv.FormatUint(t.Seed, 10)
	// The flag is a code span so that typographic filters (pandoc's smart
	// extension) cannot turn "--" into a dash.
	line := "Seed " + seed + ": run again with " + mdCode("--seed "+seed) + " for the same keys and choices."
	if timesVary(t) {
		line += " " + timesNote
	}
	m.block(line)
	return m.err
}

// mdWriter writes Markdown blocks separated by empty lines, remembering the
// first write error.
type mdWriter struct {
	w       io.Writer
	err     error
	started bool // a block has been written
	figures int  // figures numbered so far, in reading order
}

// block writes lines as one block, after an empty line unless it is the
// first. Trailing spaces, which Markdown reads as line breaks, are removed.
func (m *mdWriter) block(lines ...string) {
	if len(lines) == 0 || m.err != nil {
		return
	}
	var b strings.Builder
	if m.started {
		b.WriteByte('\n')
	}
	for _, l := range lines {
		b.WriteString(strings.TrimRight(l, " \t"))
		b.WriteByte('\n')
	}
	m.started = true
	_, m.err = io.WriteString(m.w, b.String())
}

// paragraph writes text as a paragraph, if it has any.
func (m *mdWriter) paragraph(text string) {
	if s := mdBlock(text); s != "" {
		m.block(s)
	}
}

// cited writes a paragraph followed by its citations.
func (m *mdWriter) cited(p scenario.Paragraph) {
	s := mdBlock(p.Text)
	if c := citeText(p.Cites); c != "" {
		s = strings.TrimSpace(s + " " + c)
	}
	if s != "" {
		m.block(s)
	}
}

// act writes one act: its heading, its intro and its numbered steps.
func (m *mdWriter) act(i int, act scenario.Act) {
	n := act.Number
	if n <= 0 {
		n = i + 1
	}
	head := "## Act " + strconv.Itoa(n)
	if t := mdHeading(act.Title); t != "" {
		head += ": " + t
	}
	m.block(head)
	m.paragraph(act.Intro)
	for j, s := range act.Steps {
		m.step(fmt.Sprintf("%d.%d", n, j+1), s)
	}
}

// step writes one step in the order [Text] uses: the numbered actor and
// action, the values, the table, the outcome and the note.
func (m *mdWriter) step(num string, s scenario.Step) {
	head := "**" + num
	if a := mdInline(s.Actor); a != "" {
		head += " " + a
	}
	head += "**"
	if a := mdInline(s.Action); a != "" {
		head += " " + a
	}
	m.block(head)
	m.values(s.Values)
	if s.Figure != nil {
		m.figures++
		m.block("**Figure " + strconv.Itoa(m.figures) + ": " + mdInline(s.Figure.Title) + "**")
		m.chartBody(*s.Figure, nil)
	}
	if s.Table != nil {
		m.table(s.Table)
	}
	m.outcome(s.Outcome)
	m.note(s.Note, s.Cites)
}

// values writes a step's values as a bulleted list, "- Label: value", each
// nested value two spaces deeper than its parent. A value is never nested
// more than one level below the value before it, which Markdown could not
// show.
func (m *mdWriter) values(vs []scenario.Value) {
	var lines []string
	depth := 0
	for i, v := range vs {
		if i == 0 {
			depth = 0
		} else {
			depth = min(max(v.Indent, 0), depth+1)
		}
		val := mdValue(v)
		item := mdBlock(v.Label)
		switch {
		case item == "":
			item = val
			if v.Bytes == nil {
				item = mdBlock(v.Text)
			}
		case val != "":
			item += ": " + val
		}
		if v.Note != "" {
			item += " *(" + mdInline(v.Note) + ")*"
		}
		lines = append(lines, spaces(2*depth)+"- "+item)
	}
	m.block(lines...)
}

// mdValue returns a value as Markdown: bytes as hex in a code span, with
// any length note, such as "(48 bytes)", after it in plain words; text
// escaped.
func mdValue(v scenario.Value) string {
	if v.Bytes == nil {
		return mdInline(v.Text)
	}
	if len(v.Bytes) == 0 {
		return Hex(v.Bytes) // "(empty)": words, not bytes
	}
	h := Hex(v.Bytes)
	if i := strings.Index(h, " ("); i >= 0 {
		return mdCode(h[:i]) + h[i:]
	}
	return mdCode(h)
}

// outcome writes an outcome as its symbol and words, "**✓ Done:** text",
// so that it never depends on colour or on the symbol alone.
func (m *mdWriter) outcome(o scenario.Outcome) {
	sym, word, _ := outcomeStyle(o.Kind)
	if sym == "" {
		return
	}
	if text := mdInline(o.Text); text != "" {
		m.block("**" + sym + " " + word + ":** " + text)
	} else {
		m.block("**" + sym + " " + word + "**")
	}
}

// note writes "*Why it matters:* note [1, 4]", or the citations alone if
// there is no note.
func (m *mdWriter) note(note string, cites []int) {
	var parts []string
	if n := mdInline(note); n != "" {
		parts = append(parts, "*"+whyLabel+"* "+n)
	}
	if c := citeText(cites); c != "" {
		parts = append(parts, c)
	}
	if len(parts) > 0 {
		m.block(strings.Join(parts, " "))
	}
}

// table writes a table's caption as a bold line and the table as a pipe
// table.
func (m *mdWriter) table(t *scenario.Table) {
	if c := mdInline(t.Caption); c != "" {
		m.block("**" + c + "**")
	}
	var legend []string
	for _, d := range t.Legend {
		legend = append(legend, "- `"+d.Term+"`: "+mdInline(d.Text))
	}
	m.block(legend...)
	m.block(mdTable(t.Header, cellTexts(t.Rows))...)
}

// chart writes figure n as words: its number and title, its text
// alternative and, for a heat map, its grid as a table, unless the summary
// table already shows that grid. A line chart without a text alternative
// gets its points as a list instead.
func (m *mdWriter) chart(n int, c scenario.Chart, summary *scenario.Table) {
	head := "### Figure " + strconv.Itoa(n)
	if t := mdHeading(c.Title); t != "" {
		head += ": " + t
	}
	m.block(head)
	m.chartBody(c, summary)
}

// chartBody writes a chart's text alternative and, where it has one, its
// drawing in text or its grid as a table (unless summary shows that grid).
func (m *mdWriter) chartBody(c scenario.Chart, summary *scenario.Table) {
	m.paragraph(c.Alt)
	if lines := codeFigureLines(c, mdFigureWidth); lines != nil {
		m.block(append(append([]string{"```text"}, lines...), "```")...)
	}
	switch {
	case c.Kind == scenario.HeatMapChart && c.Heat != nil && sameGrid(c.Heat, summary):
		m.paragraph("Its grid, cell for cell, is the summary table above.")
	case c.Kind == scenario.HeatMapChart && c.Heat != nil:
		h := c.Heat
		header := append([]string{c.YLabel}, h.Cols...)
		rows := make([][]string, len(h.Rows))
		for r, name := range h.Rows {
			rows[r] = []string{name}
			for col := range h.Cols {
				rows[r] = append(rows[r], heatCell(h, r, col))
			}
		}
		m.block(mdTable(header, rows)...)
	case c.Kind == scenario.LineChart && strings.TrimSpace(c.Alt) == "":
		var lines []string
		for _, s := range c.Series {
			pts := make([]string, len(s.Points))
			for i, p := range s.Points {
				pts[i] = "(" + mdNumber(p.X) + ", " + mdNumber(p.Y) + ")"
			}
			item := mdBlock(s.Name)
			if len(pts) > 0 {
				item += ": " + strings.Join(pts, ", ")
			}
			lines = append(lines, "- "+item)
		}
		m.block(lines...)
	}
}

// mdFigureWidth is the width of a timeline's rows of calls in a Markdown
// code block. The words of a picture in a code block are never wrapped:
// viewers show such a block as it is, scrolling wide lines.
const mdFigureWidth = 80

// sameGrid reports whether table t has the rows and columns of heat map h,
// in order, as the summary of a matrix does: its first column names h's
// rows and its header, after the first cell, h's columns.
func sameGrid(h *scenario.HeatMap, t *scenario.Table) bool {
	if t == nil || len(t.Rows) != len(h.Rows) || len(t.Header) != len(h.Cols)+1 {
		return false
	}
	for i, c := range h.Cols {
		if strings.TrimSpace(t.Header[i+1]) != c {
			return false
		}
	}
	for i, r := range h.Rows {
		if len(t.Rows[i]) == 0 || strings.TrimSpace(t.Rows[i][0].String()) != r {
			return false
		}
	}
	return true
}

// heatCell returns the text of one heat map cell: its label, or else its
// value as a percentage.
func heatCell(h *scenario.HeatMap, r, c int) string {
	if r < len(h.Labels) && c < len(h.Labels[r]) {
		return h.Labels[r][c]
	}
	if r < len(h.Values) && c < len(h.Values[r]) {
		return strconv.FormatFloat(100*h.Values[r][c], 'f', 0, 64) + "%"
	}
	return ""
}

// mdNumber formats a chart coordinate with up to four significant digits.
func mdNumber(f float64) string { return strconv.FormatFloat(f, 'g', 4, 64) }

// references writes the references as a list of "[n] Full text <URL>"
// items, keeping the transcript's own numbers, which need not be
// consecutive and so cannot be a Markdown ordered list.
func (m *mdWriter) references(refs []scenario.Reference) {
	if len(refs) == 0 {
		return
	}
	m.block("## References")
	lines := make([]string, len(refs))
	for i, ref := range refs {
		text := ref.Full
		if strings.TrimSpace(text) == "" {
			text = ref.Short
		}
		l := "- " + refTag(ref)
		if s := mdInline(text); s != "" {
			l += " " + s
		}
		if ref.URL != "" {
			l += " " + mdURL(ref.URL)
		}
		lines[i] = l
	}
	m.block(lines...)
}

// mdTable returns a GitHub-flavoured pipe table: a header row (empty cells
// if there is no header, which the syntax requires), a delimiter row and the
// rows, every row with the same number of cells and its pipes aligned.
// Columns that [Text] right-aligns, numbers with placeholders, are
// right-aligned here too. It returns nothing for a table without cells.
func mdTable(header []string, rows [][]string) []string {
	ncol := len(header)
	for _, row := range rows {
		ncol = max(ncol, len(row))
	}
	if ncol == 0 {
		return nil
	}
	all := append([][]string{header}, rows...)
	cells := make([][]string, len(all))
	widths := make([]int, ncol)
	for i, row := range all {
		cells[i] = make([]string, ncol)
		for c := range ncol {
			s := mdCell(cell(row, c))
			cells[i][c] = s
			widths[c] = max(widths[c], width(s), 3)
		}
	}
	right := make([]bool, ncol)
	for c := range ncol {
		nums, others := 0, 0
		for _, row := range rows {
			switch s := cell(row, c); {
			case s == "" || placeholder(s):
			case looksNumeric(s):
				nums++
			default:
				others++
			}
		}
		right[c] = nums > 0 && others == 0
	}
	line := func(row []string) string {
		var b strings.Builder
		b.WriteString("|")
		for c, s := range row {
			pad := spaces(widths[c] - width(s))
			if right[c] {
				b.WriteString(" " + pad + s + " |")
			} else {
				b.WriteString(" " + s + pad + " |")
			}
		}
		return b.String()
	}
	out := []string{line(cells[0])}
	delim := make([]string, ncol)
	for c, w := range widths {
		if right[c] {
			delim[c] = strings.Repeat("-", w-1) + ":"
		} else {
			delim[c] = strings.Repeat("-", w)
		}
	}
	out = append(out, line(delim))
	for _, row := range cells[1:] {
		out = append(out, line(row))
	}
	return out
}

// mdCode returns s as a code span, its fence longer than any run of
// backticks in s.
func mdCode(s string) string {
	run, longest := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	pad := ""
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		pad = " "
	}
	return fence + pad + s + pad + fence
}

// autolinkScheme matches the scheme a CommonMark autolink must start with.
var autolinkScheme = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]{1,31}:`)

// mdURL returns u as an autolink, "<https://…>", or as escaped text if it
// cannot be one.
func mdURL(u string) string {
	u = strings.TrimSpace(u)
	if autolinkScheme.MatchString(u) && !strings.ContainsFunc(u, func(r rune) bool {
		return r <= ' ' || r == '<' || r == '>' || r == 0x7f
	}) {
		return "<" + u + ">"
	}
	return mdInline(u)
}

// mdHeading returns text for an ATX heading: escaped, with a final "#"
// escaped so that it is not read as a closing sequence.
func mdHeading(s string) string {
	s = mdInline(s)
	if strings.HasSuffix(s, "#") {
		s = s[:len(s)-1] + `\#`
	}
	return s
}

// mdCell returns s escaped for a table cell, "|" included.
func mdCell(s string) string { return mdEscape(s, true) }

// mdInline returns s escaped for use inside a line, such as after a label.
func mdInline(s string) string { return mdEscape(s, false) }

// listMarker matches a first word that CommonMark or pandoc would read as
// an ordered list marker, such as "1.", "2)", "(3)", "a." or "(iv)".
var listMarker = regexp.MustCompile(`^\(?([0-9]{1,9}|[A-Za-z]|[ivxlcdm]+|[IVXLCDM]+)[.)]$`)

// mdBlock returns s escaped for the start of a block, such as a paragraph
// or a list item: as mdInline, and with a first character that would start
// a heading, quote, list, rule or pandoc line block or definition escaped.
func mdBlock(s string) string {
	s = mdInline(s)
	if s == "" {
		return s
	}
	first, rest, _ := strings.Cut(s, " ")
	switch {
	case s[0] == '#' || s[0] == '>':
		return `\` + s
	case s[0] == '+' && first == "+",
		s[0] == '-' && (first == "-" || strings.Trim(s, "- ") == ""),
		s[0] == '|' && first == "|",
		s[0] == ':' && first == ":":
		return `\` + s
	case listMarker.MatchString(first):
		first = first[:len(first)-1] + `\` + first[len(first)-1:]
		if strings.Contains(s, " ") {
			return first + " " + rest
		}
		return first
	}
	return s
}

// mdEscape collapses white space in s, as [Text] does, and escapes the
// characters that Markdown would otherwise read as markup: backslashes,
// backticks, "*", "[" and "~" always; "_" unless inside a word; "<" where
// it could open a tag or an autolink; "&" where it could start an entity;
// "$" where a pair of them could be read as mathematics; and "|" in table
// cells if pipe is set. Other punctuation is left alone.
func mdEscape(s string, pipe bool) string {
	rs := []rune(strings.Join(strings.Fields(s), " "))
	dollars := 0
	for _, r := range rs {
		if r == '$' {
			dollars++
		}
	}
	word := func(i int) bool {
		return i >= 0 && i < len(rs) && (unicode.IsLetter(rs[i]) || unicode.IsDigit(rs[i]))
	}
	var b strings.Builder
	for i, r := range rs {
		var next rune
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		esc := false
		switch r {
		case '\\', '`', '*', '[', '~':
			esc = true
		case '_':
			esc = !word(i-1) || !word(i+1)
		case '<':
			esc = unicode.IsLetter(next) || next == '/' || next == '!' || next == '?'
		case '&':
			esc = entityAt(rs[i+1:])
		case '$':
			esc = dollars > 1
		case '|':
			esc = pipe
		}
		if esc {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// entityAt reports whether rs, which follows an "&", would complete an HTML
// entity or character reference, such as "amp;" or "#38;".
func entityAt(rs []rune) bool {
	n := 0
	for n < len(rs) && n < 32 && (rs[n] == '#' && n == 0 || rs[n] < unicode.MaxASCII && (unicode.IsLetter(rs[n]) || unicode.IsDigit(rs[n]))) {
		n++
	}
	return n > 0 && n < len(rs) && rs[n] == ';'
}
