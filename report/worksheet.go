package report

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/escrowlab/escrowlab/internal/plural"
	"github.com/escrowlab/escrowlab/scenario"
)

// ErrNoQuestions is returned by the worksheet renderers for a transcript
// that asks no questions.
var ErrNoQuestions = errors.New("report: the run asks no questions")

// WorksheetOptions controls a worksheet: the questions of a transcript,
// each with space to answer, then the answer key on a page of its own.
type WorksheetOptions struct {
	// Replay is the command that reruns the scenario so that it matches
	// the worksheet, such as "escrowlab tour --seed 1". Without it the
	// worksheet names the seed alone.
	Replay string
	// KeyOnly writes the answer key alone, for the teacher.
	KeyOnly bool
	// Color and Width are for [TextWorksheet]: ANSI colour, and the wrap
	// width, which is 80 columns when 0 and never more, to fit a page.
	Color bool
	Width int
}

// worksheetWidth is the widest a text worksheet is set: a printed page.
const worksheetWidth = 80

// quizItem is one question of a transcript, with the step that asks it and
// what that step showed.
type quizItem struct {
	Num     int
	Where   string // "step 3.5 (Act 3 · Lawful access)"
	Prompt  string
	Choices []string
	Answer  string // "b) no: one half alone reveals nothing"
	Shown   string // the step's outcome, measured: "■ Sealed: wrong session key; …"
}

// quizItems returns the questions of t in order.
func quizItems(t *scenario.Transcript) []quizItem {
	var items []quizItem
	for i, act := range t.Acts {
		n := act.Number
		if n <= 0 {
			n = i + 1
		}
		actName := "Act " + strconv.Itoa(n)
		if act.Title != "" {
			actName += " · " + act.Title
		}
		for j, s := range act.Steps {
			q := s.Quiz
			if q == nil {
				continue
			}
			it := quizItem{
				Num:     len(items) + 1,
				Where:   fmt.Sprintf("step %d.%d (%s)", n, j+1, actName),
				Prompt:  q.Prompt,
				Choices: q.Choices,
				Answer:  "(not measured)",
			}
			if q.Answer >= 0 && q.Answer < len(q.Choices) {
				it.Answer = choiceLetter(q.Answer) + ") " + q.Choices[q.Answer]
			}
			if sym, word, _ := outcomeStyle(s.Outcome.Kind); sym != "" {
				it.Shown = sym + " " + word
				if s.Outcome.Text != "" {
					it.Shown += ": " + s.Outcome.Text
				}
			}
			items = append(items, it)
		}
	}
	return items
}

// worksheetTitle is the title a worksheet gives its transcript.
func worksheetTitle(t *scenario.Transcript) string {
	if s := strings.TrimSpace(t.Title); s != "" {
		return s
	}
	return t.Scenario
}

// Worksheet wording, shared by every format.
const (
	worksheetHow = "Predict each outcome before the run shows it: write one letter, and why you chose it. The step named above each question is where the run answers it."
	replayLead   = "To see the same run as this worksheet, use:"
)

// questionCount says how many questions there are and where the key is.
func questionCount(items []quizItem) string {
	return plural.Count(len(items), "question") + "; the answer key is on the last page."
}

// keyNote is the sentence under the answer key's heading, before the
// command that replays the run.
func keyNote(t *scenario.Transcript) string {
	return "Every answer was measured in the run with seed " + strconv.FormatUint(t.Seed, 10) + " and checked at the step named. Another seed can give other answers; to match, use:"
}

// replay is the command that reruns t to match the worksheet, or at least
// the seed to pass.
func replay(t *scenario.Transcript, opts WorksheetOptions) string {
	if opts.Replay != "" {
		return opts.Replay
	}
	return "--seed " + strconv.FormatUint(t.Seed, 10)
}

// TextWorksheet writes the questions of t as a worksheet to hand out, in
// plain text at most 80 columns wide: every question, with lines to
// answer on, then a form feed, which starts a new page on a printer, and
// the answer key under a heading of its own. With opts.KeyOnly it writes
// the key alone. It returns [ErrNoQuestions] if t asks none.
func TextWorksheet(w io.Writer, t *scenario.Transcript, opts WorksheetOptions) error {
	if t == nil {
		return errors.New("report: nil transcript")
	}
	items := quizItems(t)
	if len(items) == 0 {
		return ErrNoQuestions
	}
	width := opts.Width
	if width <= 0 || width > worksheetWidth {
		width = worksheetWidth
	}
	r := newRenderer(w, TextOptions{Color: opts.Color, Width: width})
	if !opts.KeyOnly {
		r.textQuestions(t, items, opts)
		r.line("\f")
		r.blank = true
	}
	r.textKey(t, items, opts)
	return r.err
}

// textQuestions writes the worksheet's title, instructions and questions.
func (r *renderer) textQuestions(t *scenario.Transcript, items []quizItem, opts WorksheetOptions) {
	r.wrapped("Worksheet: "+worksheetTitle(t), 0, sgrBold)
	r.line(strings.Repeat("═", r.width))
	r.emptyLine()
	r.line("Name ", strings.Repeat("_", r.width/2-5), "  Date ", strings.Repeat("_", r.width-r.width/2-7))
	r.paragraph(worksheetHow)
	r.paragraph(replayLead)
	r.wrapped(replay(t, opts), 4)
	r.paragraph(questionCount(items))
	indent := width(strconv.Itoa(len(items))) + 2
	for _, it := range items {
		r.emptyLine()
		num := strconv.Itoa(it.Num) + "."
		r.line(num, spaces(indent-width(num)), r.paint("At "+it.Where, sgrDim))
		r.wrapped(it.Prompt, indent, sgrBold)
		for i, c := range it.Choices {
			lines := wrap(c, r.width-indent-5)
			for j, l := range lines {
				if j == 0 {
					r.line(spaces(indent+2), choiceLetter(i), ") ", l)
				} else {
					r.line(spaces(indent+5), l)
				}
			}
		}
		r.emptyLine()
		r.line(spaces(indent), "Answer ____   Why? ", strings.Repeat("_", r.width-indent-19))
		r.emptyLine()
		r.line(spaces(indent), strings.Repeat("_", r.width-indent))
	}
}

// textKey writes the answer key: each answer, and what the run showed.
func (r *renderer) textKey(t *scenario.Transcript, items []quizItem, opts WorksheetOptions) {
	r.wrapped("Answer key: "+worksheetTitle(t), 0, sgrBold)
	r.line(strings.Repeat("═", r.width))
	r.paragraph(keyNote(t))
	r.wrapped(replay(t, opts), 4)
	indent := width(strconv.Itoa(len(items))) + 2
	for _, it := range items {
		r.emptyLine()
		num := strconv.Itoa(it.Num) + "."
		lines := wrap(it.Answer, r.width-indent)
		r.line(num, spaces(indent-width(num)), r.paint(lines[0], sgrBold))
		for _, l := range lines[1:] {
			r.line(spaces(indent), r.paint(l, sgrBold))
		}
		if it.Shown != "" {
			r.wrapped(upperFirst(it.Where)+" showed:", indent)
			r.wrapped(it.Shown, indent+2)
		}
	}
}

// upperFirst returns s with its first letter in upper case.
func upperFirst(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// MarkdownWorksheet writes the questions of t as a worksheet in Markdown,
// as [TextWorksheet] does: every question with room to answer, then the
// answer key after a page break (raw HTML that printed pages and pandoc
// honour and other readers ignore). With opts.KeyOnly it writes the key
// alone. It returns [ErrNoQuestions] if t asks none.
func MarkdownWorksheet(w io.Writer, t *scenario.Transcript, opts WorksheetOptions) error {
	if t == nil {
		return errors.New("report: nil transcript")
	}
	items := quizItems(t)
	if len(items) == 0 {
		return ErrNoQuestions
	}
	m := &mdWriter{w: w}
	if !opts.KeyOnly {
		m.block("# " + mdHeading("Worksheet: "+worksheetTitle(t)))
		m.block(mdInline("Name: ______________________________ Date: ________________"))
		m.paragraph(worksheetHow)
		m.paragraph(replayLead)
		m.block(mdCode(replay(t, opts)))
		m.paragraph(questionCount(items))
		for _, it := range items {
			m.block("## " + mdHeading(strconv.Itoa(it.Num)+". At "+it.Where))
			m.paragraph(it.Prompt)
			lines := make([]string, len(it.Choices))
			for i, c := range it.Choices {
				lines[i] = "- ☐ " + mdInline(choiceLetter(i)+") "+c)
			}
			m.block(lines...)
			m.block(mdInline("Why? ____________________________________________"))
		}
		m.block(`<div style="break-before: page; page-break-before: always"></div>`)
	}
	m.block("# " + mdHeading("Answer key: "+worksheetTitle(t)))
	m.paragraph(keyNote(t))
	m.block(mdCode(replay(t, opts)))
	for _, it := range items {
		s := "**" + strconv.Itoa(it.Num) + ". " + mdInline(it.Answer) + "**"
		if it.Shown == "" {
			m.block(s)
			continue
		}
		// A backslash at the end of a line is a hard line break.
		m.block(s+`\`, mdInline(upperFirst(it.Where)+" showed: "+it.Shown))
	}
	return m.err
}
