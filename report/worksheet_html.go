package report

import (
	"bytes"
	"errors"
	"html/template"
	"io"

	"github.com/escrowlab/escrowlab/scenario"
)

// HTMLWorksheet writes the questions of t as a worksheet on one
// self-contained HTML page, styled as [HTML] is: every question with boxes
// to tick and lines to write on, then the answer key, which starts a new
// page when printed. With opts.KeyOnly it writes the key alone. It returns
// [ErrNoQuestions] if t asks none.
func HTMLWorksheet(w io.Writer, t *scenario.Transcript, opts WorksheetOptions) error {
	if t == nil {
		return errors.New("report: nil transcript")
	}
	items := quizItems(t)
	if len(items) == 0 {
		return ErrNoQuestions
	}
	d := htmlWorksheetDoc{
		Title: worksheetTitle(t), Scenario: t.Scenario, KeyOnly: opts.KeyOnly,
		How: worksheetHow, ReplayLead: replayLead, Replay: replay(t, opts),
		Count: questionCount(items), KeyNote: keyNote(t),
	}
	d.Footer = cssString("Worksheet: " + d.Title)
	if opts.KeyOnly {
		d.Footer = cssString("Answer key: " + d.Title)
	}
	for _, it := range items {
		hi := htmlQuizItem{quizItem: it, ShownWhere: upperFirst(it.Where) + " showed:"}
		for i, c := range it.Choices {
			hi.Letters = append(hi.Letters, htmlChoice{Letter: choiceLetter(i) + ")", Text: c})
		}
		d.Items = append(d.Items, hi)
	}
	var b bytes.Buffer
	if err := htmlWorksheetPage.Execute(&b, d); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}

// The worksheet page's model; every string is plain text, escaped by the
// template.
type (
	htmlWorksheetDoc struct {
		Title, Scenario         string
		Footer                  template.CSS // the printed footer, a CSS string
		KeyOnly                 bool
		How, ReplayLead, Replay string
		Count, KeyNote          string
		Items                   []htmlQuizItem
	}
	htmlQuizItem struct {
		quizItem
		Letters    []htmlChoice
		ShownWhere string
	}
	htmlChoice struct{ Letter, Text string }
)

// worksheetCSS styles what only a worksheet has, after htmlCSS.
const worksheetCSS = `
/* The worksheet. */
.fields { display: flex; flex-wrap: wrap; gap: 0.5rem 2rem; margin: 0 0 1.25rem; }
.blank {
  display: inline-block; min-width: 14rem; height: 1.3em; margin-left: 0.4rem;
  border-bottom: 1px solid var(--ink); vertical-align: bottom;
}
.blank.short { min-width: 4rem; }
.blank.line { display: block; width: 100%; margin: 1.6rem 0 0; }
.replay code { white-space: nowrap; }
.questions { list-style: none; margin: 1.5rem 0 0; padding: 0; }
.question { padding: 1.1rem 0 1.2rem; border-top: 1px solid var(--rule); break-inside: avoid; page-break-inside: avoid; }
.question:first-child { border-top: 0; }
.where { color: var(--muted); font-size: 0.9rem; margin: 0 0 0.3rem; }
.q-no { font-weight: 700; color: var(--ink); margin-right: 0.4rem; }
.prompt { font-weight: 600; margin: 0 0 0.5rem; max-width: 46rem; }
.choices { list-style: none; margin: 0 0 0.75rem; padding: 0; }
.choices li { display: flex; gap: 0.6rem; align-items: baseline; padding: 0.15rem 0; }
.box {
  flex: none; display: inline-block; width: 0.95em; height: 0.95em; position: relative; top: 0.12em;
  border: 1.5px solid var(--ink); border-radius: 0.15em;
}
.letter { flex: none; font-weight: 700; min-width: 1.4em; }
.write { display: flex; flex-wrap: wrap; align-items: flex-end; margin: 0; }
.write .blank { flex: 1 1 10rem; }
.write .blank.line { flex-basis: 100%; margin-left: 0; }
.key { margin-top: 3.5rem; padding-top: 1rem; border-top: 3px solid var(--ink); }
.key.alone { margin-top: 0; padding-top: 0; border-top: 0; }
.key h2 { margin-top: 0; }
.answers { margin: 1.25rem 0 0; padding-left: 2rem; }
.answers li { margin-bottom: 0.9rem; break-inside: avoid; page-break-inside: avoid; }
.shown { display: block; color: var(--muted); }
@media print {
  .key { break-before: page; page-break-before: always; margin-top: 0; border-top: 0; }
  .key.alone { break-before: auto; page-break-before: auto; }
  .shown { color: #000; }
}
`

// htmlWorksheetPage is the worksheet's template.
var htmlWorksheetPage = template.Must(template.New("worksheet").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="escrowlab">
<meta name="color-scheme" content="only light">
<title>{{if .KeyOnly}}Answer key{{else}}Worksheet{{end}}: {{.Title}}</title>
<style>
` + htmlCSS + worksheetCSS + `</style>
<style>
@media print { @page { @bottom-left { content: {{.Footer}}; } } }
</style>
</head>
<body>
<div class="page">
{{if not .KeyOnly}}<header class="masthead">
<p class="kicker">escrowlab{{with .Scenario}} · {{.}}{{end}} · worksheet</p>
<h1>Worksheet: {{.Title}}</h1>
<p class="fields"><span>Name<span class="blank"></span></span> <span>Date<span class="blank short"></span></span></p>
<p class="intro">{{.How}}</p>
<p class="intro replay">{{.ReplayLead}} <code>{{.Replay}}</code></p>
<p class="intro">{{.Count}}</p>
</header>
<main id="main">
<ol class="questions">
{{range .Items}}<li class="question" id="question-{{.Num}}">
<p class="where"><span class="q-no">{{.Num}}.</span> At {{.Where}}</p>
<p class="prompt">{{.Prompt}}</p>
<ul class="choices">
{{range .Letters}}<li><span class="box" aria-hidden="true"></span><span class="letter">{{.Letter}}</span> <span>{{.Text}}</span></li>
{{end}}</ul>
<p class="write">Why?<span class="blank"></span><span class="blank line"></span></p>
</li>
{{end}}</ol>
</main>
{{end}}<section class="key{{if .KeyOnly}} alone{{end}}" id="answer-key" aria-labelledby="answer-key-h">
{{if .KeyOnly}}<h1 id="answer-key-h">Answer key: {{.Title}}</h1>{{else}}<h2 id="answer-key-h">Answer key: {{.Title}}</h2>{{end}}
<p class="intro replay">{{.KeyNote}} <code>{{.Replay}}</code></p>
<ol class="answers">
{{range .Items}}<li><strong class="answer">{{.Answer}}</strong>{{if .Shown}}<span class="shown">{{.ShownWhere}} {{.Shown}}</span>{{end}}</li>
{{end}}</ol>
</section>
</div>
</body>
</html>
`))
