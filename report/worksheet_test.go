package report

import (
	"bytes"
	"errors"
	"html"
	"io"
	"strings"
	"testing"

	"github.com/rivo/uniseg"

	"github.com/escrowlab/escrowlab/scenario"
)

// worksheetFormats are the worksheet renderers, with how each writes text
// that the test looks for.
var worksheetFormats = []struct {
	name   string
	render func(io.Writer, *scenario.Transcript, WorksheetOptions) error
	text   func(string) string // s as it appears in the output
}{
	{"text", TextWorksheet, func(s string) string { return s }},
	{"markdown", MarkdownWorksheet, mdInline},
	{"html", HTMLWorksheet, html.EscapeString},
}

// flat joins a text worksheet's wrapped lines back into one line of words,
// so that a sentence can be found wherever it wrapped.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// A worksheet asks every question, in order, before any answer: no answer
// key, no outcome that settles a question and no "what the run showed"
// appears until the last question is over; then the key gives every answer.
func TestWorksheetAnswersAfterQuestions(t *testing.T) {
	tr := htmlTour(t)
	items := quizItems(tr)
	if len(items) < len(tr.Acts) {
		t.Fatalf("the tour asks %d questions in %d acts, want at least one an act", len(items), len(tr.Acts))
	}
	for _, f := range worksheetFormats {
		t.Run(f.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := f.render(&b, tr, WorksheetOptions{Replay: "escrowlab tour --seed 1"}); err != nil {
				t.Fatal(err)
			}
			out := flat(b.String())
			// Where the questions end: after the last choice of the last
			// question.
			end, pos := 0, 0
			for _, it := range items {
				for _, s := range append([]string{it.Prompt}, it.Choices...) {
					i := strings.Index(out[pos:], flat(f.text(s)))
					if i < 0 {
						t.Fatalf("question %d: %q missing, or out of order", it.Num, s)
					}
					pos += i + len(flat(f.text(s)))
				}
				end = pos
			}
			questions, rest := out[:end], out[end:]
			for _, s := range []string{"Answer key", "showed", "measured in this run"} {
				if strings.Contains(questions, s) {
					t.Errorf("%q appears before the last question", s)
				}
			}
			for _, it := range items {
				shown := flat(f.text(it.Shown))
				if strings.Contains(questions, shown) {
					t.Errorf("question %d: the outcome that answers it, %q, appears before the last question", it.Num, it.Shown)
				}
				if !strings.Contains(rest, flat(f.text(it.Answer))) || !strings.Contains(rest, shown) {
					t.Errorf("question %d: the key lacks the answer %q or what the run showed, %q", it.Num, it.Answer, it.Shown)
				}
			}
			if !strings.Contains(questions, "escrowlab tour --seed 1") || !strings.Contains(rest, "escrowlab tour --seed 1") {
				t.Errorf("the worksheet and its key do not both give the command that replays the run")
			}
		})
	}
}

// In text the key starts on a new page, after a form feed, and the
// worksheet fits 80 columns even on a wider terminal.
func TestTextWorksheetPage(t *testing.T) {
	tr := htmlTour(t)
	var b bytes.Buffer
	if err := TextWorksheet(&b, tr, WorksheetOptions{Width: 120}); err != nil {
		t.Fatal(err)
	}
	questions, key, ok := strings.Cut(b.String(), "\f\n")
	if !ok || strings.Contains(key, "\f") {
		t.Fatalf("want exactly one form feed, on a line of its own, before the key")
	}
	if !strings.HasPrefix(key, "Answer key: "+tr.Title) {
		t.Errorf("the key's page starts %q, want its heading", strings.SplitN(key, "\n", 2)[0])
	}
	if !strings.Contains(questions, "Worksheet: "+tr.Title) || !strings.Contains(flat(questions), "--seed 1") {
		t.Errorf("the worksheet lacks its title or the seed to pass")
	}
	for i, l := range strings.Split(b.String(), "\n") {
		if w := uniseg.StringWidth(l); w > 80 {
			t.Errorf("line %d is %d columns: %q", i+1, w, l)
		}
	}
}

// --answers: the key alone, with no question and no page break.
func TestWorksheetKeyOnly(t *testing.T) {
	tr := htmlTour(t)
	items := quizItems(tr)
	for _, f := range worksheetFormats {
		var b bytes.Buffer
		if err := f.render(&b, tr, WorksheetOptions{KeyOnly: true}); err != nil {
			t.Fatal(err)
		}
		out := flat(b.String())
		if strings.Contains(out, "\f") || strings.Contains(out, "break-before: page; page-break-before: always\"") {
			t.Errorf("%s: the key alone has a page break", f.name)
		}
		for _, it := range items {
			if strings.Contains(out, flat(f.text(it.Prompt))) {
				t.Errorf("%s: the key alone asks question %d", f.name, it.Num)
			}
			if !strings.Contains(out, flat(f.text(it.Answer))) {
				t.Errorf("%s: the key alone lacks answer %d, %q", f.name, it.Num, it.Answer)
			}
		}
		if !strings.Contains(out, "--seed 1") {
			t.Errorf("%s: the key alone does not name the seed", f.name)
		}
	}
}

// A transcript without questions has no worksheet; one question is "1
// question".
func TestWorksheetCounts(t *testing.T) {
	for _, f := range worksheetFormats {
		var b bytes.Buffer
		if err := f.render(&b, sample(), WorksheetOptions{}); !errors.Is(err, ErrNoQuestions) {
			t.Errorf("%s: no questions: error %v, want ErrNoQuestions", f.name, err)
		}
		tr := sample()
		tr.Acts[0].Steps[1].Quiz = &scenario.Question{Prompt: "Does the chip accept it?", Choices: []string{"yes", "no"}, Answer: 1}
		b.Reset()
		if err := f.render(&b, tr, WorksheetOptions{}); err != nil {
			t.Fatal(err)
		}
		out := flat(b.String())
		for _, want := range []string{"1 question;", "step 1.2", "b) no", f.text("✗ Refused: The chip refuses the call."), "--seed 42"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s: lacks %q", f.name, want)
			}
		}
	}
}

// The answer key shows the counts the step measured, so that an answer of
// "only those made after" is borne out by the numbers before and after,
// not only by the outcome's words.
func TestWorksheetKeyShowsMeasuredCounts(t *testing.T) {
	breach := &scenario.Table{Header: []string{"Calls", "Mobile network", "End to end"}, Rows: [][]scenario.Cell{
		{scenario.Text("read, before it got in"), scenario.Ratio(0, 17), scenario.Ratio(0, 17)},
		{scenario.Text("read, since"), scenario.Ratio(4, 4), scenario.Ratio(0, 4)},
	}}
	said := scenario.Outcome{Kind: scenario.Exposed, Text: "each call read checked against what was said; 21 end-to-end calls stayed sealed"}
	measured := "Measured: read, before it got in: Mobile network 0/17, End to end 0/17; read, since: Mobile network 4/4, End to end 0/4."
	tests := []struct {
		name    string
		table   *scenario.Table
		outcome scenario.Outcome
		want    string
	}{
		{"a table", breach, said, "! Exposed: " + said.Text + ". " + measured},
		{"a table, no outcome", breach, scenario.Outcome{}, measured},
		{"no table", nil, said, "! Exposed: " + said.Text},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := sample()
			tr.Acts[0].Steps[1].Quiz = spreadQuiz()
			tr.Acts[0].Steps[1].Table = tt.table
			tr.Acts[0].Steps[1].Outcome = tt.outcome
			items := quizItems(tr)
			if len(items) == 0 {
				t.Fatal("no question")
			}
			var got string
			for _, it := range items {
				if it.Where == "step 1.2 ("+actName(tr)+")" {
					got = it.Shown
				}
			}
			if got != tt.want {
				t.Errorf("the key shows\n%q,\nwant\n%q", got, tt.want)
			}
		})
	}
}

// spreadQuiz asks which calls opened, answered "only those made after".
func spreadQuiz() *scenario.Question {
	return &scenario.Question{Prompt: "Which of the calls can they read?", Answer: 1,
		Choices: []string{"none of them", "only those made after they got in", "only those made before they got in", "some of them, before and after", "all of them, before and after"}}
}

// actName is how the answer key names the first act of tr.
func actName(tr *scenario.Transcript) string {
	return "Act 1 · " + tr.Acts[0].Title
}
