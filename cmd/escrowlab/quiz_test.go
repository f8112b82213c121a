package main

import (
	"bufio"
	"bytes"
	"strings"
	"testing"

	"github.com/escrowlab/escrowlab/scenario"
)

// On a terminal the quiz asks again until the answer is one of the
// choices; Enter alone, or the end of input, reveals the answer.
func TestAsk(t *testing.T) {
	q := scenario.Question{Prompt: "Which?", Choices: []string{"none", "some", "all"}, Answer: 2}
	tests := []struct {
		input string
		want  []string
		rest  string // input left for the next question
	}{
		{"c\n", []string{"You said c): right."}, ""},
		{"A\nb\n", []string{"You said a): not what was measured."}, "b\n"},
		{"z\n42\n  b \n", []string{`"z" is not one of the choices: type a letter from a to c`, `"42" is not one of the choices`, "You said b): not what was measured."}, ""},
		{"yes\n\nc\n", []string{`"yes" is not one of the choices`}, "c\n"},
		{"d", []string{"Your answer (a-c)"}, ""},
	}
	for _, tt := range tests {
		var out bytes.Buffer
		in := bufio.NewReader(strings.NewReader(tt.input))
		if err := ask(in, &out, q); err != nil {
			t.Fatal(err)
		}
		for _, w := range tt.want {
			if !strings.Contains(out.String(), w) {
				t.Errorf("input %q: output %q lacks %q", tt.input, out.String(), w)
			}
		}
		if rest, _ := in.ReadString(0); rest != tt.rest {
			t.Errorf("input %q: left %q unread, want %q", tt.input, rest, tt.rest)
		}
	}
}

// The command a worksheet prints can be pasted into a shell as it is.
func TestShellWord(t *testing.T) {
	for in, want := range map[string]string{
		"tour":                       "tour",
		"examples/predict-leak.yaml": "examples/predict-leak.yaml",
		"8-24":                       "8-24",
		"my lesson.yaml":             "'my lesson.yaml'",
		"it's.yaml":                  `'it'\''s.yaml'`,
		"":                           "''",
	} {
		if got := shellWord(in); got != want {
			t.Errorf("shellWord(%q) = %s, want %s", in, got, want)
		}
	}
}
