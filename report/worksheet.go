package report

import (
	"errors"
	"fmt"
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
	Shown   string // the step's outcome and its table, measured: "■ Sealed: wrong session key; …"
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
			it.Shown = withMeasured(it.Shown, measuredRows(s.Table))
			items = append(items, it)
		}
	}
	return items
}

// withMeasured adds a step's measured rows, if any, to its outcome.
func withMeasured(shown, rows string) string {
	switch {
	case rows == "":
		return shown
	case shown == "":
		return "Measured: " + rows + "."
	}
	return strings.TrimSuffix(shown, ".") + ". Measured: " + rows + "."
}

// measuredRows writes a step's table on one line, for the answer key: each
// row as its first cell, then every other cell after its column's name,
// such as "read, since: Mobile network 4/4, End to end 0/4". The counts
// are what settle a question of "before or after", which an outcome's
// words may not say. It returns "" for no table.
func measuredRows(t *scenario.Table) string {
	if t == nil {
		return ""
	}
	var rows []string
	for _, r := range t.Rows {
		if len(r) == 0 {
			continue
		}
		var cells []string
		for i, c := range r[1:] {
			if cell := c.Short(); i+1 < len(t.Header) && t.Header[i+1] != "" {
				cells = append(cells, t.Header[i+1]+" "+cell)
			} else {
				cells = append(cells, cell)
			}
		}
		rows = append(rows, r[0].Short()+": "+strings.Join(cells, ", "))
	}
	return strings.Join(rows, "; ")
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

// upperFirst returns s with its first letter in upper case.
func upperFirst(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
