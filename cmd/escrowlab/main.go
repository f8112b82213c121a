// Command escrowlab teaches, by running real cryptography, why key escrow
// is dangerous: it models the 1990s Clipper chip beside modern end-to-end
// encryption with forward secrecy and attacks both.
//
// Start with:
//
//	escrowlab tour
//
// This package only wires commands, flags and exit codes; the model lives
// in the escrow, e2e and attack packages, the case studies in scenario and
// the rendering in report.
package main

import (
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr))
}

// Exit statuses.
const (
	exitOK      = 0
	exitFailure = 1 // the command ran and failed
	exitUsage   = 2 // the command line was wrong

	exitInterrupted = 130 // stopped by Ctrl-C, after reporting what was measured
	exitTerminated  = 143 // stopped by SIGTERM, after reporting what was measured
)

// run runs escrowlab with args (args[0] is the program name) and returns
// the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	app, st := newApp(stdin, stdout, stderr)
	if n := len(args); n >= 2 && args[n-1] == completionFlag {
		return printCompletions(app, args[1:n-1], stdout)
	}
	err := app.Run(interspersed(app, args))
	return st.exitCode(err)
}
