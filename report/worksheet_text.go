package report

import (
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/escrowlab/escrowlab/scenario"
)

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
