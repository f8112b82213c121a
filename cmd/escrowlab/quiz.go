package main

import (
	"bufio"
	"fmt"
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
	return true, func(q scenario.Question) error {
		fmt.Fprintf(c.App.ErrWriter, "     Your answer (a-%c), then Enter: ", 'a'+len(q.Choices)-1)
		line, err := lines.ReadString('\n')
		if err != nil {
			return nil // end of input: reveal the rest without pausing
		}
		if a := strings.TrimSpace(strings.ToLower(line)); len(a) == 1 && a[0] >= 'a' && int(a[0]-'a') < len(q.Choices) {
			verdict := "not what was measured"
			if int(a[0]-'a') == q.Answer {
				verdict = "right"
			}
			fmt.Fprintf(c.App.ErrWriter, "     You said %s): %s. The run shows why:\n", a, verdict)
		}
		return nil
	}
}
