package main

import (
	"errors"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"

	"github.com/urfave/cli/v2"
)

// usageError marks an error in the command line: exit status 2.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// usagef returns a usage error.
func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// status carries what the app learned about how it ended.
type status struct {
	stderr   io.Writer
	notFound string // an unknown command name, if one was given
}

// exitCode reports err on stderr, one line, and maps it to an exit status.
func (st *status) exitCode(err error) int {
	if st.notFound != "" {
		fmt.Fprintf(st.stderr, "escrowlab: unknown command %q; run 'escrowlab help' for the list of commands\n", st.notFound)
		return exitUsage
	}
	if err == nil {
		return exitOK
	}
	var stopped interrupted
	if errors.As(err, &stopped) {
		if stopped.nothing {
			fmt.Fprintf(st.stderr, "escrowlab: %v before anything was measured\n", stopped)
		} else {
			fmt.Fprintf(st.stderr, "escrowlab: %v; the results above are what was measured before it\n", stopped)
		}
		return stopped.exitCode()
	}
	fmt.Fprintf(st.stderr, "escrowlab: %v\n", err)
	var u usageError
	if errors.As(err, &u) {
		fmt.Fprintln(st.stderr, "Run 'escrowlab help' or add --help after a command for usage.")
		return exitUsage
	}
	return exitFailure
}

const rootDescription = `escrowlab runs a model of the 1990s Clipper chip (the Escrowed Encryption
Standard) beside modern end-to-end encryption with forward secrecy, records
their traffic on a wiretap, and attacks the archive with real cryptography:
a leaked escrow database opens everyone's calls, past and future, while the
end-to-end archive stays sealed. A teaching model: not for real secrets.

Example:
   escrowlab tour              the guided classroom walkthrough
   escrowlab tour --seed 7     replay a run: same keys, choices and counts
   escrowlab scenario list     the built-in case studies, 1994 to 2024
   escrowlab matrix            every leak against every scheme, measured
   escrowlab forge             Blaze's 1994 LEAF forgery, measured
   escrowlab --version         this escrowlab's version, and the Go that built it

Exit status:
   0    success
   1    a failure: a run failed, a scenario's prediction did not hold, a
        scenario file has problems, or a file could not be written (it
        exists and --force was not given, or it is not a regular file)
   2    a wrong command line: an unknown command or flag, or a bad value
   130  stopped by Ctrl-C, after printing what was measured
   143  stopped by SIGTERM, after printing what was measured`

func newApp(stdin io.Reader, stdout, stderr io.Writer) (*cli.App, *status) {
	st := &status{stderr: stderr}
	app := &cli.App{
		Name:        "escrowlab",
		Usage:       "see, by running it, why key escrow endangers everyone",
		UsageText:   "escrowlab <command> [flags]",
		Description: rootDescription,
		Version:     version(),
		Reader:      stdin,
		Writer:      stdout,
		ErrWriter:   stderr,
		Commands:    []*cli.Command{tourCommand(), scenarioCommand(), matrixCommand(), forgeCommand(), captureCommand(), decryptCommand(), completionCommand()},
		Action: func(c *cli.Context) error {
			if c.Args().Present() {
				st.notFound = c.Args().First()
				return nil
			}
			fmt.Fprint(c.App.Writer, shortHelp)
			return nil
		},
		CommandNotFound: func(c *cli.Context, name string) { st.notFound = name },
		OnUsageError: func(c *cli.Context, err error, _ bool) error {
			return usageError{flagError(err, c.App.Flags)}
		},
		ExitErrHandler:  func(*cli.Context, error) {}, // run decides the exit status
		HideHelpCommand: false,
	}
	setUsageErrors(app.Commands)
	return app, st
}

// setUsageErrors makes every command and subcommand report flag errors
// as usage errors, in escrowlab's words: what was wrong and what each flag
// wants.
func setUsageErrors(cmds []*cli.Command) {
	for _, c := range cmds {
		c.OnUsageError = func(_ *cli.Context, err error, _ bool) error {
			return usageError{flagError(err, c.Flags)}
		}
		setUsageErrors(c.Subcommands)
	}
}

const shortHelp = `escrowlab: see, by running it, why key escrow endangers everyone.

Start here:
   escrowlab tour          a guided walkthrough: Clipper, a warrant, end-to-end
                           encryption, and a leak of the escrow databases

More:
   escrowlab scenario list case studies from 1994 to 2024, and your own
   escrowlab matrix        what every kind of leak opens, measured
   escrowlab forge         Blaze's 1994 LEAF forgery, timed
   escrowlab help          every command and flag
   escrowlab tour --help   the tour's flags, with an example
`

// version is escrowlab's version, as the Go toolchain recorded it in the
// binary ("(devel)" when built from a clone), and the Go release that
// built it.
func version() string {
	v := "(devel)"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		v = bi.Main.Version
	}
	return v + ", built with " + runtime.Version()
}
