package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/escrowlab/escrowlab/attack"
	"github.com/escrowlab/escrowlab/internal/plural"
	"github.com/escrowlab/escrowlab/report"
	"github.com/escrowlab/escrowlab/scenario"
)

func scenarioCommand() *cli.Command {
	return &cli.Command{
		Name:  "scenario",
		Usage: "list, show, run, check and write case studies, built in or from YAML files",
		Description: `Built-in case studies from 1994 to 2024, and scenario files that teachers
write in YAML (docs/scenario-format.md) with predictions the run checks.

Examples:
   escrowlab scenario list
   escrowlab scenario show warrant-overreach
   escrowlab scenario run sim-key-heist --seed 3
   escrowlab scenario new my-lesson && escrowlab scenario check my-lesson.yaml`,
		Subcommands: []*cli.Command{
			{
				Name: "list", Usage: "the built-in scenarios", UsageText: "escrowlab scenario list [--no-color]",
				Description: "Example:\n   escrowlab scenario list",
				Flags:       []cli.Flag{runFlags[1]},
				Action: func(c *cli.Context) error {
					if err := noArgs(c, 0); err != nil {
						return err
					}
					all, err := scenario.Builtins()
					if err != nil {
						return err
					}
					return report.List(c.App.Writer, all, plain(c))
				},
			},
			{
				Name: "show", Usage: "a scenario's summary, cast, events and references", UsageText: "escrowlab scenario show ID|FILE [--no-color]",
				Description: "Examples:\n   escrowlab scenario show sim-key-heist\n   escrowlab scenario show examples/predict-the-leak.yaml",
				Flags:       []cli.Flag{runFlags[1]},
				Action: func(c *cli.Context) error {
					s, err := pickScenario(c)
					if err != nil {
						return err
					}
					return report.Outline(c.App.Writer, s, plain(c))
				},
			},
			{
				Name: "run", Usage: "run a built-in scenario or a scenario file", UsageText: "escrowlab scenario run ID|FILE [--seed N] [--no-color] [--step] [--quiz | --answers] [--format FORMAT] [--out FILE [--force]]",
				Description: "Exits with status 1 if a prediction in the scenario does not hold. A long run\nshows its progress on a terminal; Ctrl-C or SIGTERM stops it and prints what\nhappened so far.\n\nExample:\n   escrowlab scenario run examples/predict-the-leak.yaml --seed 1",
				Flags:       append(append(append([]cli.Flag{}, runFlags...), quizFlag, answersFlag), outputFlags...),
				Action:      runNamedScenario,
			},
			{
				Name: "check", Usage: "check a scenario file without running it", UsageText: "escrowlab scenario check FILE",
				Description: "Prints every problem as file:line:column: message and exits with status 1,\nor confirms the file is ready to run.\n\nExample:\n   escrowlab scenario check examples/warrant-and-after.yaml",
				Action:      checkScenario,
			},
			{
				Name: "new", Usage: "write a commented starter scenario file", UsageText: "escrowlab scenario new NAME [--force]",
				Description: "Writes NAME.yaml in the current folder: a working scenario to edit. NAME is\nlower-case letters, digits and dashes, and becomes the scenario's id. Refuses\nto replace an existing file unless --force is given (exit status 1).\n\nExample:\n   escrowlab scenario new week3-escrow",
				Flags:       []cli.Flag{&cli.BoolFlag{Name: "force", Usage: "replace the file if it exists (a regular file only)", DisableDefaultText: true}},
				Action:      newScenario,
			},
		},
	}
}

// noArgs checks that a command got exactly want arguments.
func noArgs(c *cli.Context, want int) error {
	if c.NArg() != want {
		return usagef("%s takes %s, got %d; usage: %s", c.Command.FullName(), plural.Count(want, "argument"), c.NArg(), c.Command.UsageText)
	}
	return nil
}

// plain is the text options of commands that never pause.
func plain(c *cli.Context) report.TextOptions {
	return textOptions(c.App.Reader, c.App.Writer, c.App.ErrWriter, c.Bool("no-color"), false)
}

// isFile reports whether arg names a scenario file rather than a built-in.
func isFile(arg string) bool {
	ext := strings.ToLower(filepath.Ext(arg))
	return ext == ".yaml" || ext == ".yml" || strings.ContainsRune(arg, os.PathSeparator)
}

// pickScenario returns the built-in or file scenario named by the one
// argument.
func pickScenario(c *cli.Context) (scenario.Scenario, error) {
	s, _, err := pickRun(c)
	return s, err
}

// pickRun is pickScenario that also returns the checksum widths of the
// LEAF forgeries a scenario file makes, for its progress display. The
// built-ins forge only 16-bit LEAFs, which take milliseconds, so for them
// it returns none.
func pickRun(c *cli.Context) (s scenario.Scenario, forges []int, err error) {
	if err := noArgs(c, 1); err != nil {
		return s, nil, err
	}
	arg := c.Args().First()
	if !isFile(arg) {
		s, err := scenario.Lookup(arg)
		if err != nil {
			return s, nil, usageError{err}
		}
		return s, nil, nil
	}
	spec, err := scenario.LoadFile(arg)
	if err != nil {
		return s, nil, err
	}
	s = scenario.FromSpec(spec)
	s.Path = arg
	return s, forgeWidths(spec), nil
}

func runNamedScenario(c *cli.Context) error {
	seed, err := seedFlag(c)
	if err != nil {
		return err
	}
	out, err := outputFor(c)
	if err != nil {
		return err
	}
	s, forges, err := pickRun(c)
	if err != nil {
		return err
	}
	if !c.IsSet("seed") && s.Seed != nil {
		seed = *s.Seed
	}
	t, stopped, err := runStoppable(c, s, forges, seed)
	if err != nil {
		return err
	}
	if err := out.emit(c, t, nil); err != nil {
		return err
	}
	if stopped != nil {
		return stopped
	}
	if t.Failed > 0 {
		return fmt.Errorf("%s did not hold; see Predictions above", plural.Count(t.Failed, "prediction"))
	}
	return nil
}

// runStoppable runs s with seed, showing progress on a terminal, and lets
// Ctrl-C or SIGTERM stop it. A stopped run returns what it measured so far
// and the interruption to report after it. forges are the widths of the
// LEAFs the run forges, which may take far longer than its calls.
func runStoppable(c *cli.Context, s scenario.Scenario, forges []int, seed uint64) (t *scenario.Transcript, stopped error, err error) {
	ctx, stop, caught := onSignal(c.Context)
	defer stop()
	var held atomic.Int64
	var tries atomic.Uint64
	done := func() {}
	switch {
	case len(forges) > 0:
		// A forgery's tries vary around their mean, so the time left
		// cannot be told; the line shows the time so far and the tries.
		done = startDisplay(c.App.ErrWriter, func(elapsed time.Duration, width int) string {
			return scenarioLine(int(held.Load()), s.Sessions, forgeWork(forges, tries.Load()), elapsed, width)
		})
	case s.Sessions > 0:
		done = startMeter(c.App.ErrWriter, func() uint64 { return uint64(held.Load()) }, float64(s.Sessions), "calls")
	}
	t, err = s.Run(ctx, scenario.Options{Seed: seed, Progress: &held, ForgeTries: &tries})
	done()
	switch {
	case errors.Is(err, attack.ErrInterrupted) && t != nil:
		return t, interrupted{sig: caught()}, nil
	case errors.Is(err, attack.ErrInterrupted):
		return nil, nil, interrupted{sig: caught(), nothing: true}
	}
	return t, nil, err
}

func checkScenario(c *cli.Context) error {
	if err := noArgs(c, 1); err != nil {
		return err
	}
	path := c.Args().First()
	spec, err := scenario.LoadFile(path)
	var fe scenario.FileErrors
	if errors.As(err, &fe) {
		fmt.Fprintln(c.App.ErrWriter, fe.Error())
		return fmt.Errorf("%s: %s; nothing was run", path, plural.Count(len(fe), "problem"))
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(c.App.Writer, "%s: ready to run: %q, %s, %s, %s\n", path, spec.Title, plural.Count(spec.Traffic.People, "person"), plural.Count(len(spec.Events), "event"), plural.Count(len(spec.Expect), "prediction"))
	return nil
}

// newScenario writes NAME.yaml, a starter scenario, in the current
// folder. NAME is the scenario's id, so it is checked as one; a trailing
// .yaml is allowed, a folder is not.
func newScenario(c *cli.Context) error {
	if err := noArgs(c, 1); err != nil {
		return err
	}
	name := c.Args().First()
	id := strings.TrimSuffix(name, ".yaml")
	if !scenario.ValidID(id) {
		return usagef("invalid name %q: want lower-case letters, digits and dashes, such as week3-escrow; the file is written in the current folder", name)
	}
	path := id + ".yaml"
	f, err := outFile{Path: path, Rule: "a scenario file is written only as a regular file"}.check(c.Bool("force"))
	if err != nil {
		return err
	}
	if err := f.write([]byte(scenario.Starter(id)), c.Bool("force")); err != nil {
		return err
	}
	fmt.Fprintf(c.App.Writer, "wrote %s; edit it, then: escrowlab scenario check %s && escrowlab scenario run %s\n", path, path, path)
	return nil
}
