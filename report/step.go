package report

import (
	"strconv"
	"strings"

	"github.com/escrowlab/escrowlab/scenario"
)

// step writes one step, its body indented by indent columns.
func (r *renderer) step(num string, indent int, s scenario.Step) {
	r.action(num, indent, s.Actor, s.Action)
	q := s.Quiz
	if !r.quiz {
		q = nil
	}
	if q != nil {
		r.question(*q, indent)
	}
	r.values(s.Values, indent)
	if s.Figure != nil {
		r.figure(*s.Figure, indent)
	}
	if s.Table != nil {
		r.table(s.Table, indent)
	}
	r.outcome(s.Outcome, indent)
	r.note(s.Note, s.Cites, indent)
	if q != nil && q.Answer >= 0 && q.Answer < len(q.Choices) {
		r.wrapped("→ Answer: "+choiceLetter(q.Answer)+") "+q.Choices[q.Answer]+" (measured in this run)", indent, sgrBold)
	}
}

// question writes a quiz question and its choices, then waits if asked to.
func (r *renderer) question(q scenario.Question, indent int) {
	r.wrapped("? Predict: "+q.Prompt, indent, sgrBold)
	for i, c := range q.Choices {
		r.wrapped(choiceLetter(i)+") "+c, indent+4)
	}
	if r.ask != nil && r.err == nil {
		r.err = r.ask(q)
	}
}

// choiceLetter names choice i: a, b, c…
func choiceLetter(i int) string { return string(rune('a' + i)) }

// action writes "num  Actor  Action", the action wrapped and its later lines
// indented under its first. An actor too long to leave room beside it gets
// lines of its own.
func (r *renderer) action(num string, indent int, actor, action string) {
	head := num + spaces(indent-width(num))
	words := strings.Fields(action)
	hang := indent
	if actor != "" {
		hang = indent + width(actor) + 2
	}
	if r.width-hang < minBeside {
		lines := wrap(actor, r.width-indent)
		for i, l := range lines {
			if i == 0 {
				r.line(head, r.paint(l, sgrBold))
			} else {
				r.line(spaces(indent), r.paint(l, sgrBold))
			}
		}
		for _, l := range wrapWords(words, r.width-indent, r.width-indent) {
			r.line(spaces(indent), l)
		}
		return
	}
	lines := wrapWords(words, r.width-hang, r.width-hang)
	first := ""
	if len(lines) > 0 {
		first = lines[0]
	}
	if actor != "" {
		head += r.paint(actor, sgrBold) + "  "
	}
	r.line(head, first)
	for _, l := range lines[min(1, len(lines)):] {
		r.line(spaces(hang), l)
	}
}

// outcome writes an outcome as a symbol and words, coloured when colour is
// on, so that it is never shown by colour alone.
func (r *renderer) outcome(o scenario.Outcome, indent int) {
	sym, word, code := outcomeStyle(o.Kind)
	if sym == "" {
		return
	}
	text := o.Text
	if text == "" {
		text = word
	}
	avail := r.width - indent - 2
	for i, l := range wrapWords(strings.Fields(text), avail, avail) {
		if i == 0 {
			r.line(spaces(indent), r.paint(sym, sgrBold, code), " ", r.paint(l, code))
		} else {
			r.line(spaces(indent+2), r.paint(l, code))
		}
	}
}

// outcomeStyle returns the symbol, default words and colour for a kind; the
// symbol is empty for NoOutcome.
func outcomeStyle(k scenario.OutcomeKind) (sym, word, code string) {
	switch k {
	case scenario.NoOutcome:
		return "", "", ""
	case scenario.Done:
		return "✓", "Done", sgrGreen
	case scenario.Refused:
		return "✗", "Refused", sgrYellow
	case scenario.Exposed:
		return "!", "Exposed", sgrRed
	case scenario.Sealed:
		return "■", "Sealed", sgrCyan
	}
	return "•", "Outcome " + strconv.Itoa(int(k)), sgrBold
}

// note writes "Why it matters:" and the note, hanging-indented, with the
// citations at its end, or the citations alone if there is no note.
func (r *renderer) note(note string, cites []int, indent int) {
	words := strings.Fields(note)
	if c := citeText(cites); c != "" {
		words = append(words, c)
	}
	if len(words) == 0 {
		return
	}
	if note == "" {
		r.line(spaces(indent), words[0])
		return
	}
	hang := indent + width(whyLabel) + 1
	rest := r.width - hang
	if rest < minNote {
		rest = r.width - indent - 2
		hang = indent + 2
	}
	for i, l := range wrapWords(words, r.width-indent-width(whyLabel)-1, rest) {
		if i == 0 {
			r.line(spaces(indent), r.paint(whyLabel, sgrDim, sgrItalic), " ", l)
		} else {
			r.line(spaces(hang), l)
		}
	}
}

// values writes a step's values, one per line: the label in a column, the
// value after it. Nested values hang under their parent with tree marks.
func (r *renderer) values(vs []scenario.Value, indent int) {
	marks := treeMarks(vs)
	limit := min(maxLabel, (r.width-indent)/2)
	labelW := 0
	for i, v := range vs {
		if w := width(marks[i] + v.Label); w <= limit {
			labelW = max(labelW, w)
		}
	}
	col := indent + labelW + 2
	for i, v := range vs {
		label := marks[i] + v.Label
		lines := wrapWords(valueWords(v), r.width-col, r.width-col)
		if width(label) > labelW {
			// Too long for the column: the label stands on its own lines.
			markW := width(marks[i])
			for j, l := range wrap(v.Label, r.width-indent-markW) {
				if j == 0 {
					r.line(spaces(indent), marks[i], l)
				} else {
					r.line(spaces(indent+markW), l)
				}
			}
			for _, l := range lines {
				r.line(spaces(col), l)
			}
			continue
		}
		first := ""
		if len(lines) > 0 {
			first = lines[0]
		}
		r.line(spaces(indent), label, spaces(col-indent-width(label)), first)
		for _, l := range lines[min(1, len(lines)):] {
			r.line(spaces(col), l)
		}
	}
}

// treeMarks returns the tree drawing to put before each value's label:
// nothing at depth 0, "├ " or "└ " below it, with "│ " carrying the lines
// of ancestors that have later siblings.
func treeMarks(vs []scenario.Value) []string {
	depth := func(i int) int { return max(vs[i].Indent, 0) }
	marks := make([]string, len(vs))
	var open []bool // open[d]: the latest value at depth d has a later sibling
	for i := range vs {
		d := depth(i)
		last := true
		for j := i + 1; j < len(vs); j++ {
			if depth(j) < d {
				break
			}
			if depth(j) == d {
				last = false
				break
			}
		}
		for len(open) <= d {
			open = append(open, false)
		}
		open = open[:d+1]
		open[d] = !last
		if d == 0 {
			continue
		}
		var m strings.Builder
		for k := 1; k < d; k++ {
			if open[k] {
				m.WriteString("│ ")
			} else {
				m.WriteString("  ")
			}
		}
		if last {
			m.WriteString("└ ")
		} else {
			m.WriteString("├ ")
		}
		marks[i] = m.String()
	}
	return marks
}

// valueWords splits a value into the words it may wrap between. Hex keeps
// its length note, such as "(48 bytes)", in one piece.
func valueWords(v scenario.Value) []string {
	if v.Bytes == nil {
		return append(strings.Fields(v.Text), noteWords(v)...)
	}
	h := Hex(v.Bytes)
	if i := strings.Index(h, " ("); i >= 0 {
		return append(append(strings.Fields(h[:i]), h[i+1:]), noteWords(v)...)
	}
	return append(strings.Fields(h), noteWords(v)...)
}

// noteWords is a value's comparison note as one unbreakable word, set off
// from the value by a wider space.
func noteWords(v scenario.Value) []string {
	if v.Note == "" {
		return nil
	}
	return []string{" " + v.Note}
}
