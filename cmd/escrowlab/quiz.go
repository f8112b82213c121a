package main

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/escrowlab/escrowlab/scenario"
)

// answersFlag prints the answer key alone.
var answersFlag = &cli.BoolFlag{Name: "answers", Usage: "print only the worksheet's answer key, measured in this run (use the same --seed as the worksheet)", DisableDefaultText: true}

// sheet is what --quiz and --answers ask a command to write.
type sheet int

const (
	noSheet   sheet = iota // the report itself
	liveQuiz               // the report, asking each question on the terminal first
	worksheet              // the questions, then the answer key on a page of its own
	answerKey              // the answer key alone
)

// checkSheet checks --quiz and --answers against the output chosen, before
// anything runs: a worksheet is text, Markdown or HTML, and one of the two
// flags is enough.
func checkSheet(c *cli.Context, format string) error {
	quiz, answers := c.Bool("quiz"), c.Bool("answers")
	flag := "--quiz"
	if answers {
		flag = "--answers"
	}
	switch {
	case quiz && answers:
		return usagef("--quiz and --answers both ask for a worksheet; use --quiz for the questions and the key, --answers for the key alone")
	case (quiz || answers) && format == "json":
		return usagef("%s writes a worksheet as text, markdown or html, not json", flag)
	case (quiz || answers) && c.IsSet("sweep"):
		return usagef("%s: a sweep asks no questions; use it with --bits, or drop it", flag)
	}
	return nil
}

// sheetFor decides what to write: a live quiz needs a terminal for both
// input and output; anywhere else --quiz writes a worksheet.
func sheetFor(c *cli.Context, o *output) sheet {
	switch {
	case c.Bool("answers"):
		return answerKey
	case !c.Bool("quiz"):
		return noSheet
	}
	_, in := terminal(c.App.Reader)
	_, out := terminal(c.App.Writer)
	if in && out && o.format == "text" && o.file == nil {
		return liveQuiz
	}
	return worksheet
}

// asker returns the pause after each question of a live quiz, which reads
// the room's answer from the terminal.
func asker(c *cli.Context) func(scenario.Question) error {
	lines := bufio.NewReader(c.App.Reader)
	return func(q scenario.Question) error { return ask(lines, c.App.ErrWriter, q) }
}

// replayCommand is the command line that reruns this command's scenario
// with seed, for a worksheet to print so that it matches the handout: the
// command, its arguments, the flags that change what runs, and --seed.
func replayCommand(c *cli.Context, seed uint64) string {
	var names []string // the command, after its parents
	for _, x := range c.Lineage() {
		if x.Command != nil && x.Command.Name != "" && x.Command.Name != c.App.Name {
			names = append([]string{x.Command.Name}, names...)
		}
	}
	parts := append([]string{c.App.Name}, names...)
	for _, a := range c.Args().Slice() {
		parts = append(parts, shellWord(a))
	}
	for _, name := range []string{"bits", "sweep", "trials"} {
		if c.IsSet(name) {
			parts = append(parts, "--"+name, shellWord(c.String(name)))
		}
	}
	return strings.Join(append(parts, "--seed", strconv.FormatUint(seed, 10)), " ")
}

// shellWord quotes s for a POSIX shell if it holds anything but letters,
// digits and . / - _ : +.
func shellWord(s string) string {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("./-_:+", r)) {
			return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
		}
	}
	if s == "" {
		return "''"
	}
	return s
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
