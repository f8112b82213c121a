package report

import (
	"errors"
	"io"
	"strconv"

	"github.com/escrowlab/escrowlab/scenario"
)

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
