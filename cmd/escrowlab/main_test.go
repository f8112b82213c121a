package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite the expected output in testdata/*.txtar")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"escrowlab": func() { os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the CLI scripts in testdata. Run with -update to
// rewrite golden output after an intended change, then review the diff.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata",
		UpdateScripts: *update,
		Cmds:          map[string]func(*testscript.TestScript, bool, []string){"mask": mask},
		Condition:     installed,
	})
}

// measured matches the wall-clock times and rates a run measures, which
// differ from run to run even with the same seed.
var measured = regexp.MustCompile(`\d[\d,]*\.\d+ (ms|s|minutes|hours|days)\b|\d+ µs\b|\d[\d,]*(\.\d+)? (years|tries/s)\b`)

// mask FILE OUT writes FILE to OUT with every measured time and rate
// replaced by "<measured>", so output can be compared with a golden file.
func mask(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: mask FILE OUT")
	}
	out := measured.ReplaceAllString(ts.ReadFile(args[0]), "<measured>")
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), []byte(out), 0o644))
}

// installed answers the condition [installed:PROGRAM], true when PROGRAM
// is on the PATH. Under CI (CI set), where .ci/run installs what the
// scripts need, a missing program is an error rather than a skip.
func installed(cond string) (bool, error) {
	prog, ok := strings.CutPrefix(cond, "installed:")
	if !ok {
		return false, fmt.Errorf("unknown condition %q", cond)
	}
	if _, err := exec.LookPath(prog); err != nil {
		if os.Getenv("CI") != "" {
			return false, fmt.Errorf("%s is not installed, and CI is set: .ci/run installs it", prog)
		}
		return false, nil
	}
	return true, nil
}

// TestExitStatus pins the exit status and the one-line error of each kind
// of bad command line.
func TestExitStatus(t *testing.T) {
	tests := []struct {
		args   []string
		status int
		stderr string
	}{
		{[]string{"tour", "--seed", "3", "--no-color"}, exitOK, ""},
		{[]string{}, exitOK, ""},
		{[]string{"tuor"}, exitUsage, `unknown command "tuor"`},
		{[]string{"tour", "--bogus"}, exitUsage, "flag provided but not defined: -bogus"},
		{[]string{"tour", "--seed", "abc"}, exitUsage, `invalid --seed "abc": want an unsigned integer`},
		{[]string{"tour", "--seed", "-1"}, exitUsage, `invalid --seed "-1"`},
		{[]string{"tour", "--seed", "18446744073709551616"}, exitUsage, "invalid --seed"},
		{[]string{"tour", "extra"}, exitUsage, `tour takes no arguments, got "extra"`},
		{[]string{"matrix", "--leak", "all"}, exitUsage, `unknown leak "all"`},
		{[]string{"matrix", "--leak-at", "-2"}, exitUsage, "invalid --leak-at -2"},
		{[]string{"forge", "--bits", "40"}, exitUsage, "invalid --bits 40"},
		{[]string{"forge", "--bits", "x"}, exitUsage, `invalid --bits "x": want a whole number, 8 to 32`},
		{[]string{"matrix", "--people", "abc"}, exitUsage, `invalid --people "abc": want a whole number, 2 to 500`},
		{[]string{"matrix", "--people"}, exitUsage, "--people needs a value"},
		{[]string{"decrypt", "a.ewt", "--truth"}, exitUsage, "--truth needs a value"},
		{[]string{"capture", "--out", "--force"}, exitUsage, "--out needs a value"},
		{[]string{"forge", "--sweep", "9-"}, exitUsage, `invalid --sweep "9-"`},
		{[]string{"forge", "--bits", "8", "--seed", "1", "--json"}, exitOK, ""},
		// Checked before computing: a usage error, or a file that cannot
		// be written (a failure, not a usage error).
		{[]string{"forge", "--bits", "32", "--format", "bogus"}, exitUsage, `invalid --format "bogus"`},
		{[]string{"forge", "--bits", "32", "--out", "x.pdf"}, exitUsage, "cannot tell a format from the extension of --out x.pdf"},
		{[]string{"forge", "--sweep", "8-32", "--bits", "9"}, exitUsage, "--sweep and --bits both set widths"},
		{[]string{"forge", "--bits", "32", "--out", "/nonexistent-escrowlab/f.json"}, exitFailure, "writing /nonexistent-escrowlab/f.json: no folder /nonexistent-escrowlab"},
		{[]string{"forge", "--bits", "32", "--out", "main_test.go", "--format", "text"}, exitFailure, "main_test.go exists; choose another name or add --force"},
		{[]string{"forge", "--bits", "32", "--out", ".", "--format", "text", "--force"}, exitFailure, "writing .: it is a directory"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			got := run(append([]string{"escrowlab"}, tt.args...), strings.NewReader(""), &stdout, &stderr)
			if got != tt.status {
				t.Fatalf("exit status %d, want %d; stderr:\n%s", got, tt.status, stderr.String())
			}
			if !strings.Contains(stderr.String(), tt.stderr) {
				t.Fatalf("stderr %q does not contain %q", stderr.String(), tt.stderr)
			}
			if tt.status != exitOK && strings.Count(stderr.String(), "escrowlab:") != 1 {
				t.Fatalf("want exactly one error line, got:\n%s", stderr.String())
			}
		})
	}
}
