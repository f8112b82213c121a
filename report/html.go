package report

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/escrowlab/escrowlab/internal/plural"
	"github.com/escrowlab/escrowlab/scenario"
)

// HTML writes t to w as one self-contained HTML5 page: its styles and its
// charts (inline SVG) are inside it, and it runs no script and loads
// nothing, so that it can be projected, printed, mailed or posted as it
// is. Links to public references are ordinary https links. The page
// depends only on t. It returns the error from w, if any; nothing is
// written if t is nil.
func HTML(w io.Writer, t *scenario.Transcript) error {
	if t == nil {
		return errors.New("report: nil transcript")
	}
	var b bytes.Buffer
	if err := htmlPage.Execute(&b, htmlDocOf(t)); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}

// The page's model: every string in it is plain text, escaped by the
// template, except the fields of type template.HTML, which are built from
// escaped text by the functions below.
type (
	htmlDoc struct {
		Title, Scenario string
		Footer          template.CSS // the title as a CSS string, for the printed footer
		Intro           []template.HTML
		Keys            *htmlTable
		Failed          string
		Acts            []htmlAct
		Summary         *htmlTable
		HasSummary      bool
		Closing         []template.HTML
		Figures         []htmlFigure
		Refs            []htmlRef
		Seed            string
		TimesNote       string // set if the run measured times, which vary
	}
	htmlAct struct {
		ID, Label, Title string
		Intro            string
		Steps            []htmlStep
	}
	htmlStep struct {
		ID, Num, Actor, Action string
		Values                 []htmlValue
		Figure                 *htmlFigure
		Table                  *htmlTable
		Outcome                *htmlOutcome
		Note                   string
		Cites                  template.HTML
	}
	htmlValue struct {
		Mark, Label   string
		Text          string
		Hex, HexExtra string // Hex is set for bytes; HexExtra is its length note
		Empty         string // set instead for bytes that are empty
		Depth         int
		Note          string // "= KS from 2.1": a comparison with an earlier value
	}
	htmlOutcome struct {
		Class, Sym, Word, Text string
	}
	htmlTable struct {
		ID, Caption string
		Legend      []scenario.Definition
		Header      []htmlCell
		Rows        [][]htmlCell
	}
	htmlCell struct {
		Text                    string
		Label                   template.HTML // a row header's text, hyphenated words kept whole
		Num, Row, Wide, Measure bool          // Measure: a number with its unit, such as "921,000 tries/s"
	}
	htmlFigure struct {
		ID, Num, Title, Alt string
		SVG                 template.HTML
	}
	htmlRef struct {
		ID, Tag, Text, URL string
		Link               bool // URL is https, and so is linked
	}
)

// htmlDocOf builds the page model from a transcript.
func htmlDocOf(t *scenario.Transcript) htmlDoc {
	refs := make(map[int]bool)
	for _, r := range t.References {
		refs[r.Number] = true
	}
	title := strings.TrimSpace(t.Title)
	if title == "" {
		title = t.Scenario
	}
	if title == "" {
		title = "escrowlab report"
	}
	d := htmlDoc{Title: title, Scenario: t.Scenario, Footer: cssString(title)}
	for _, p := range t.Intro {
		d.Intro = append(d.Intro, citedHTML(p, refs))
	}
	if t.Keys != nil {
		d.Keys = htmlTableOf(t.Keys, "key-chart")
	}
	if t.Failed > 0 {
		d.Failed = plural.Count(t.Failed, "prediction") + " did not hold"
	}
	figures := 0
	figure := func(c scenario.Chart) htmlFigure {
		figures++
		id := "figure-" + strconv.Itoa(figures)
		return htmlFigure{
			ID: id, Num: "Figure " + strconv.Itoa(figures), Title: chartTitle(c), Alt: chartAlt(c),
			SVG: template.HTML(svgChart(c, id)), // built from escaped text in svg*.go
		}
	}
	for i, a := range t.Acts {
		n := a.Number
		if n <= 0 {
			n = i + 1
		}
		act := htmlAct{ID: "act-" + strconv.Itoa(i+1), Label: "Act " + strconv.Itoa(n), Title: a.Title, Intro: a.Intro}
		for j, s := range a.Steps {
			num := strconv.Itoa(n) + "." + strconv.Itoa(j+1)
			st := htmlStepOf(s, num, act.ID+"-step-"+strconv.Itoa(j+1), refs)
			if s.Figure != nil {
				f := figure(*s.Figure)
				st.Figure = &f
			}
			act.Steps = append(act.Steps, st)
		}
		d.Acts = append(d.Acts, act)
	}
	if t.Summary != nil {
		d.Summary = htmlTableOf(t.Summary, "summary-table")
	}
	for _, p := range t.Closing {
		d.Closing = append(d.Closing, citedHTML(p, refs))
	}
	d.HasSummary = d.Summary != nil || len(d.Closing) > 0
	for _, c := range t.Charts {
		d.Figures = append(d.Figures, figure(c))
	}
	for _, r := range t.References {
		text := r.Full
		if text == "" {
			text = r.Short
		}
		d.Refs = append(d.Refs, htmlRef{
			ID: "ref-" + strconv.Itoa(r.Number), Tag: refTag(r), Text: text, URL: r.URL,
			Link: strings.HasPrefix(r.URL, "https://"),
		})
	}
	d.Seed = strconv.FormatUint(t.Seed, 10)
	if timesVary(t) {
		d.TimesNote = timesNote
	}
	return d
}

// htmlStepOf builds one step.
func htmlStepOf(s scenario.Step, num, id string, refs map[int]bool) htmlStep {
	st := htmlStep{ID: id, Num: num, Actor: s.Actor, Action: s.Action}
	marks := treeMarks(s.Values)
	for i, v := range s.Values {
		hv := htmlValue{Mark: marks[i], Label: v.Label, Text: v.Text, Depth: max(v.Indent, 0), Note: v.Note}
		switch {
		case v.Bytes != nil && len(v.Bytes) == 0:
			hv.Empty = Hex(v.Bytes)
		case v.Bytes != nil:
			hv.Hex = Hex(v.Bytes)
			if i := strings.Index(hv.Hex, " ("); i >= 0 {
				hv.Hex, hv.HexExtra = hv.Hex[:i], hv.Hex[i+1:]
			}
		}
		st.Values = append(st.Values, hv)
	}
	if s.Table != nil {
		st.Table = htmlTableOf(s.Table, id+"-table")
	}
	if sym, word, _ := outcomeStyle(s.Outcome.Kind); sym != "" {
		class := strings.ToLower(word)
		if strings.ContainsRune(class, ' ') {
			class = "other"
		}
		st.Outcome = &htmlOutcome{Class: class, Sym: sym, Word: word, Text: s.Outcome.Text}
	}
	st.Note = s.Note
	if len(s.Cites) > 0 {
		st.Cites = citeLinks(s.Cites, refs)
	}
	return st
}

// htmlTableOf builds a table, or returns nil for one with nothing in it.
// Columns whose body cells all read as numbers
// (or placeholders such as "n/a") are right-aligned, header included, as
// in the text renderer; a first column of words heads its row.
func htmlTableOf(t *scenario.Table, id string) *htmlTable {
	if t.Caption == "" && len(t.Header) == 0 && len(t.Rows) == 0 {
		return nil
	}
	rows := cellTexts(t.Rows)
	ncol := len(t.Header)
	for _, row := range rows {
		ncol = max(ncol, len(row))
	}
	numeric := make([]bool, ncol)
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
		numeric[c] = nums > 0 && others == 0
	}
	ht := &htmlTable{ID: id, Caption: t.Caption, Legend: t.Legend}
	if len(t.Header) > 0 {
		for c := range ncol {
			ht.Header = append(ht.Header, htmlCell{Text: cell(t.Header, c), Num: numeric[c]})
		}
	}
	for _, row := range rows {
		var hr []htmlCell
		for c := range ncol {
			s := cell(row, c)
			hc := htmlCell{Text: s, Num: numeric[c], Row: c == 0 && !numeric[0] && ncol > 1, Wide: width(s) > 24}
			hc.Measure = !hc.Num && !hc.Wide && measure(s)
			if hc.Row {
				hc.Label = wholeWords(s)
			}
			hr = append(hr, hc)
		}
		ht.Rows = append(ht.Rows, hr)
	}
	return ht
}

// cssString returns s as a quoted CSS string, every character other than
// letters, digits, spaces and plain punctuation written as a CSS escape,
// so that nothing in s can end the string or the style sheet.
func cssString(s string) template.CSS {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', strings.ContainsRune(" ,.:;!?()-_'", r):
			b.WriteRune(r)
		default:
			fmt.Fprintf(&b, "\\%x ", r)
		}
	}
	b.WriteByte('"')
	return template.CSS(b.String()) // every other character escaped above
}

// measure reports whether s is a number with its unit, such as "3.7 ms",
// "921,000 tries/s" or "2^32", which must not wrap inside a table cell.
func measure(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 || len(f) > 3 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(f[0])
	return strings.ContainsRune("0123456789~≈<>", r)
}

// wholeWords escapes s for a table's row header, keeping each hyphenated
// word, such as "e2e-escrowed", on one line: a narrow screen may wrap the
// label between words, never inside one.
func wholeWords(s string) template.HTML {
	words := strings.Fields(s)
	for i, w := range words {
		words[i] = template.HTMLEscapeString(w)
		if strings.ContainsAny(w, "-‐/") {
			words[i] = `<span class="nobr">` + words[i] + `</span>`
		}
	}
	return template.HTML(strings.Join(words, " ")) // escaped above
}

// citedHTML escapes a paragraph's text and links its citations to the
// references.
func citedHTML(p scenario.Paragraph, refs map[int]bool) template.HTML {
	h := template.HTMLEscapeString(p.Text)
	if len(p.Cites) > 0 {
		h += " " + string(citeLinks(p.Cites, refs))
	}
	return template.HTML(h) // escaped above
}

// citeLinks writes "[1, 7]", each number linking to its reference when the
// transcript lists it.
func citeLinks(nums []int, refs map[int]bool) template.HTML {
	var b strings.Builder
	b.WriteString(`<span class="cite">[`)
	for i, n := range nums {
		if i > 0 {
			b.WriteString(", ")
		}
		s := strconv.Itoa(n)
		if refs[n] {
			b.WriteString(`<a href="#ref-` + s + `" aria-label="reference ` + s + `">` + s + `</a>`)
		} else {
			b.WriteString(s)
		}
	}
	b.WriteString(`]</span>`)
	return template.HTML(b.String()) // digits and fixed markup only
}

// htmlPage is the page template; htmlCSS is its style sheet.
var htmlPage = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="escrowlab">
<meta name="color-scheme" content="only light">
<title>{{.Title}}</title>
<style>
` + htmlCSS + `</style>
<style>
@media print { @page { @bottom-left { content: {{.Footer}}; } } }
</style>
</head>
<body>
<a class="skip" href="#main">Skip to the report</a>
<div class="page">
<header class="masthead">
<p class="kicker">escrowlab{{with .Scenario}} · {{.}}{{end}}</p>
<h1>{{.Title}}</h1>
{{range .Intro}}<p class="intro">{{.}}</p>
{{end}}{{with .Keys}}<section class="keys" aria-label="The keys in this story">{{template "table" .}}</section>
{{end}}{{with .Failed}}<p class="failed" role="note"><strong>{{.}}</strong>: each is marked <span class="badge refused"><span class="sym" aria-hidden="true">✗</span> Refused</span> below.</p>
{{end}}{{if gt (len .Acts) 1}}<nav aria-label="Contents">
<h2 class="nav-title">Contents</h2>
<ol class="toc">
{{range .Acts}}<li><a href="#{{.ID}}"><span class="toc-no">{{.Label}}</span> {{.Title}}</a></li>
{{end}}{{if .HasSummary}}<li><a href="#summary"><span class="toc-no"></span> Summary</a></li>
{{end}}{{if .Figures}}<li><a href="#figures"><span class="toc-no"></span> Figures</a></li>
{{end}}{{if .Refs}}<li><a href="#references"><span class="toc-no"></span> References</a></li>
{{end}}</ol>
</nav>
{{end}}</header>
<main id="main">
{{range .Acts}}<section class="act" id="{{.ID}}" aria-labelledby="{{.ID}}-h">
<h2 id="{{.ID}}-h"><span class="act-no">{{.Label}}</span> {{.Title}}</h2>
{{with .Intro}}<p class="act-intro">{{.}}</p>
{{end}}{{if .Steps}}<ol class="steps">
{{range .Steps}}<li class="step" id="{{.ID}}">
<span class="step-no">{{.Num}}</span>
<div class="step-body">
<p class="action">{{with .Actor}}<strong class="actor">{{.}}</strong> {{end}}{{.Action}}</p>
{{if .Values}}<dl class="values">
{{range .Values}}<div class="value depth-{{.Depth}}"><dt>{{with .Mark}}<span class="tree" aria-hidden="true">{{.}}</span>{{end}}{{.Label}}</dt><dd>{{if .Hex}}<code class="hex">{{.Hex}}</code>{{with .HexExtra}} <span class="len">{{.}}</span>{{end}}{{else if .Empty}}<span class="len">{{.Empty}}</span>{{else}}{{.Text}}{{end}}{{with .Note}} <span class="same">{{.}}</span>{{end}}</dd></div>
{{end}}</dl>
{{end}}{{with .Figure}}{{template "figure" .}}{{end}}{{with .Table}}{{template "table" .}}{{end}}{{with .Outcome}}<p class="outcome {{.Class}}"><span class="badge {{.Class}}"><span class="sym" aria-hidden="true">{{.Sym}}</span> {{.Word}}</span>{{with .Text}} <span class="outcome-text">{{.}}</span>{{end}}</p>
{{end}}{{if .Note}}<p class="note"><span class="why">Why it matters:</span> {{.Note}}{{with .Cites}} {{.}}{{end}}</p>
{{else}}{{with .Cites}}<p class="note">{{.}}</p>
{{end}}{{end}}</div>
</li>
{{end}}</ol>
{{end}}</section>
{{end}}{{if .HasSummary}}<section class="summary" id="summary" aria-labelledby="summary-h">
<h2 id="summary-h">Summary</h2>
{{with .Summary}}{{template "table" .}}{{end}}{{range .Closing}}<p class="closing">{{.}}</p>
{{end}}</section>
{{end}}{{if .Figures}}<section class="figures" id="figures" aria-labelledby="figures-h">
<h2 id="figures-h">Figures</h2>
{{range .Figures}}{{template "figure" .}}{{end}}</section>
{{end}}</main>
<footer>
{{if .Refs}}<section class="references" id="references" aria-labelledby="references-h">
<h2 id="references-h">References</h2>
<ol class="refs">
{{range .Refs}}<li id="{{.ID}}"><span class="ref-tag">{{.Tag}}</span> <span class="ref-text">{{.Text}}{{if .URL}}<br>{{if .Link}}<a class="url" href="{{.URL}}">{{.URL}}</a>{{else}}<span class="url">{{.URL}}</span>{{end}}{{end}}</span></li>
{{end}}</ol>
</section>
{{end}}<p class="seed">Seed {{.Seed}}: run again with <code>--seed&nbsp;{{.Seed}}</code> for the same keys and choices.{{with .TimesNote}} {{.}}{{end}}</p>
</footer>
</div>
</body>
</html>
{{define "figure"}}<figure class="chart" id="{{.ID}}">
<div class="scroll chart-scroll" role="region" tabindex="0" aria-label="{{.Num}} (scrolls sideways on a narrow screen)">
{{.SVG}}
</div>
<figcaption><span class="fig-no">{{.Num}}.</span> <span class="fig-title">{{.Title}}</span>
<span class="alt">{{.Alt}}</span></figcaption>
</figure>
{{end}}{{define "table"}}<figure class="table" id="{{.ID}}">
{{with .Caption}}<figcaption>{{.}}</figcaption>
{{end}}{{with .Legend}}<dl class="legend">{{range .}}<div><dt><code>{{.Term}}</code></dt><dd>{{.Text}}</dd></div>{{end}}</dl>
{{end}}{{if or .Header .Rows}}<div class="scroll" role="region" tabindex="0" aria-label="{{if .Caption}}{{.Caption}}{{else}}Table{{end}} (scrolls sideways)">
<table>
{{if .Header}}<thead><tr>{{range .Header}}<th scope="col"{{if .Num}} class="num"{{end}}>{{.Text}}</th>{{end}}</tr></thead>
{{end}}{{if .Rows}}<tbody>
{{range .Rows}}<tr>{{range .}}{{if .Row}}<th scope="row">{{.Label}}</th>{{else}}<td{{if .Num}} class="num"{{else if .Measure}} class="measure"{{else if .Wide}} class="wide"{{end}}>{{.Text}}</td>{{end}}{{end}}</tr>
{{end}}</tbody>
{{end}}</table>
</div>
{{end}}</figure>
{{end}}`))
