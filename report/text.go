package report

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/escrowlab/escrowlab/scenario"
)

// TextOptions controls text rendering.
type TextOptions struct {
	Color bool // ANSI colour and bold; off for pipes, NO_COLOR and --no-color
	Width int  // wrap width in columns; 0 means 100, and less than 40 means 40
	// BetweenActs, if set, is called after each act except the last, with
	// the act that follows and the number of acts; the CLI uses it to pause
	// for Enter in --step mode. An error it returns stops rendering and is
	// returned.
	BetweenActs func(next scenario.Act, total int) error
	// Quiz asks each step's question before its outcome is shown, and gives
	// the answer after it: a quiz run live. With Ask nil the questions and
	// answers are written in order; for a worksheet to hand out, with every
	// answer after the last question, use [TextWorksheet].
	Quiz bool
	// Ask, if set in quiz mode, is called after a question is written and
	// before its answer is revealed: the CLI waits for the class there. An
	// error it returns stops rendering and is returned.
	Ask func(q scenario.Question) error
}

// Layout constants, in columns.
const (
	defaultWidth = 100
	minWidth     = 40
	minBeside    = 24 // narrowest text worth setting beside a label
	minNote      = 40 // narrowest note text worth hanging under its label
	maxLabel     = 36 // widest value label kept in the label column
	whyLabel     = "Why it matters:"
)

// ANSI SGR codes.
const (
	sgrBold   = "1"
	sgrDim    = "2"
	sgrItalic = "3"
	sgrRed    = "31"
	sgrGreen  = "32"
	sgrYellow = "33"
	sgrCyan   = "36"
)

// Text writes t to w as wrapped plain text, coloured if opts.Color is set.
// The output depends only on t and opts. It returns the first error from w
// or from opts.BetweenActs.
func Text(w io.Writer, t *scenario.Transcript, opts TextOptions) error {
	if t == nil {
		return errors.New("report: nil transcript")
	}
	r := newRenderer(w, opts)
	r.title(t)
	for i, act := range t.Acts {
		r.act(i, act)
		if r.err != nil {
			return r.err
		}
		if opts.BetweenActs != nil && i+1 < len(t.Acts) {
			if err := opts.BetweenActs(t.Acts[i+1], len(t.Acts)); err != nil {
				return err
			}
		}
	}
	if t.Summary != nil {
		r.heading("Summary")
		r.table(t.Summary, 0)
	}
	for _, p := range t.Closing {
		r.paragraph(withCites(p))
	}
	r.figures(t.Charts)
	r.references(t.References)
	r.emptyLine()
	seed := strconv.FormatUint(t.Seed, 10)
	line := "Seed " + seed + ": run again with --seed " + seed + " for the same keys and choices."
	if timesVary(t) {
		line += " " + timesNote
	}
	r.wrapped(line, 0)
	return r.err
}

// newRenderer returns a renderer for opts, with the default width if none
// is set.
func newRenderer(w io.Writer, opts TextOptions) *renderer {
	r := &renderer{w: w, color: opts.Color, width: opts.Width, blank: true, quiz: opts.Quiz, ask: opts.Ask}
	if r.width == 0 {
		r.width = defaultWidth
	}
	r.width = max(r.width, minWidth)
	return r
}

// renderer writes lines to w, remembering the first write error.
type renderer struct {
	w     io.Writer
	err   error
	color bool
	width int
	blank bool // the last line written was empty, or nothing is written yet
	quiz  bool
	ask   func(scenario.Question) error
}

// line writes the concatenation of parts as one line, without trailing
// spaces.
func (r *renderer) line(parts ...string) {
	s := strings.TrimRight(strings.Join(parts, ""), " ")
	r.blank = s == ""
	if r.err == nil {
		_, r.err = io.WriteString(r.w, s+"\n")
	}
}

// emptyLine writes an empty line unless the last line was already empty.
func (r *renderer) emptyLine() {
	if !r.blank {
		r.line()
	}
}

// paint wraps s in the given SGR codes when colour is on.
func (r *renderer) paint(s string, codes ...string) string {
	if !r.color || s == "" || len(codes) == 0 {
		return s
	}
	return "\x1b[" + strings.Join(codes, ";") + "m" + s + "\x1b[0m"
}

// wrapped writes text wrapped to the width, every line indented.
func (r *renderer) wrapped(text string, indent int, codes ...string) {
	for _, l := range wrap(text, r.width-indent) {
		r.line(spaces(indent), r.paint(l, codes...))
	}
}

// paragraph writes an empty line and then text, wrapped.
func (r *renderer) paragraph(text string) {
	r.emptyLine()
	r.wrapped(text, 0)
}

// heading writes an empty line, text in bold and a rule under it.
func (r *renderer) heading(text string) {
	r.emptyLine()
	r.wrapped(text, 0, sgrBold)
	r.line(strings.Repeat("─", r.width))
}

// title writes the transcript's title under a double rule, then its intro.
func (r *renderer) title(t *scenario.Transcript) {
	r.wrapped(t.Title, 0, sgrBold)
	r.line(strings.Repeat("═", r.width))
	for _, p := range t.Intro {
		r.paragraph(withCites(p))
	}
	if t.Keys != nil {
		r.emptyLine()
		r.table(t.Keys, 0)
	}
}

// act writes one act: its heading, its intro and its numbered steps.
func (r *renderer) act(i int, act scenario.Act) {
	n := act.Number
	if n <= 0 {
		n = i + 1
	}
	head := fmt.Sprintf("ACT %d", n)
	if act.Title != "" {
		head += " · " + act.Title
	}
	r.heading(head)
	r.wrapped(act.Intro, 0)

	nums := make([]string, len(act.Steps))
	indent := 0
	for j := range act.Steps {
		nums[j] = fmt.Sprintf("%d.%d", n, j+1)
		indent = max(indent, width(nums[j])+2)
	}
	for j, s := range act.Steps {
		r.emptyLine()
		r.step(nums[j], indent, s)
	}
}

// references writes the numbered reference list with hanging indents and
// each URL on a line of its own.
func (r *renderer) references(refs []scenario.Reference) {
	if len(refs) == 0 {
		return
	}
	r.heading("References")
	tagW := 0
	for _, ref := range refs {
		tagW = max(tagW, width(refTag(ref)))
	}
	hang := tagW + 1
	for _, ref := range refs {
		text := ref.Full
		if text == "" {
			text = ref.Short
		}
		tag := refTag(ref)
		lines := wrapWords(strings.Fields(text), r.width-hang, r.width-hang)
		if len(lines) == 0 {
			lines = []string{""}
		}
		r.line(tag, spaces(hang-width(tag)), lines[0])
		for _, l := range lines[1:] {
			r.line(spaces(hang), l)
		}
		if ref.URL != "" {
			r.line(spaces(hang), ref.URL)
		}
	}
}

// refTag returns "[n]" for a reference.
func refTag(ref scenario.Reference) string { return "[" + strconv.Itoa(ref.Number) + "]" }
