package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/escrowlab/escrowlab/scenario"
)

// quiz returns the quiz settings for --quiz: on a terminal, a pause after
// each question that reads the room's answer; otherwise no pause, so the
// output is a worksheet of questions and answers.
func quiz(c *cli.Context) (bool, func(scenario.Question) error) {
	if !c.Bool("quiz") {
		return false, nil
	}
	if _, ok := terminal(c.App.Reader); !ok {
		return true, nil
	}
	lines := bufio.NewReader(c.App.Reader)
	return true, func(q scenario.Question) error { return ask(lines, c.App.ErrWriter, q) }
}

// ask reads the room's answer to q from lines: a letter among the choices,
// or Enter alone to reveal without answering. It asks again after anything
// else, and says whether the answer was what the run measured. At the end
// of the input it reveals the rest without pausing.
func ask(lines *bufio.Reader, w io.Writer, q scenario.Question) error {
	last := 'a' + rune(len(q.Choices)) - 1
	fmt.Fprintf(w, "     Your answer (a-%c), then Enter: ", last)
	for {
		line, err := lines.ReadString('\n')
		if err != nil {
			return nil
		}
		a := strings.TrimSpace(strings.ToLower(line))
		switch {
		case a == "":
			return nil
		case len(a) == 1 && rune(a[0]) >= 'a' && rune(a[0]) <= last:
			verdict := "not what was measured"
			if int(a[0]-'a') == q.Answer {
				verdict = "right"
			}
			fmt.Fprintf(w, "     You said %s): %s. The run shows why:\n", a, verdict)
			return nil
		}
		fmt.Fprintf(w, "     %q is not one of the choices: type a letter from a to %c, or just Enter to see the answer: ", a, last)
	}
}
