package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"sync/atomic"

	"github.com/urfave/cli/v2"

	"github.com/escrowlab/escrowlab/attack"
	"github.com/escrowlab/escrowlab/internal/ids"
	"github.com/escrowlab/escrowlab/report"
	"github.com/escrowlab/escrowlab/scenario"
)

func matrixCommand() *cli.Command {
	return &cli.Command{
		Name:      "matrix",
		Usage:     "every leak against every scheme, measured over a captured archive",
		UsageText: "escrowlab matrix [--people N] [--sessions T] [--leak-at K] [--leak IDS] [--scheme IDS] [--seed N] [--json] [--no-color] [--format FORMAT] [--out FILE [--force]]",
		Description: `Generates traffic among N people over T sessions, records it under every
scheme, places a leak after session K, and measures what each kind of leak
opens, before and after the leak, and whose calls it reveals. A large run
shows its progress on a terminal; Ctrl-C or SIGTERM stops it and prints the
leaks measured so far.

Leaks: ` + ids.Join(attack.LeakIDs()) + `
Schemes: ` + ids.Join(attack.SchemeIDs()) + `

Examples:
   escrowlab matrix
   escrowlab matrix --people 20 --sessions 200 --leak-at 50
   escrowlab matrix --leak escrow-dbs,authority-key --json`,
		Flags: []cli.Flag{
			&cli.IntFlag{Name: "people", Value: 8, Usage: fmt.Sprintf("`N` people in the world, 2 to %d", attack.MaxPeople)},
			&cli.IntFlag{Name: "sessions", Value: 64, Usage: fmt.Sprintf("`T` calls recorded, 1 to %d", attack.MaxSessions)},
			&cli.IntFlag{Name: "leak-at", Value: -1, DefaultText: "half of T", Usage: "the leak happens after call `K`, 0 to T"},
			&cli.StringFlag{Name: "leak", Usage: "measure only these leaks: comma-separated `IDS`"},
			&cli.StringFlag{Name: "scheme", Usage: "measure only these schemes: comma-separated `IDS`"},
			runFlags[0], // --seed
			&cli.BoolFlag{Name: "json", Usage: "print the cells as JSON", DisableDefaultText: true},
			runFlags[1], // --no-color
			outputFlags[0], outputFlags[1], outputFlags[2],
		},
		Action: runMatrix,
	}
}

func runMatrix(c *cli.Context) error {
	if c.Args().Present() {
		return usagef("matrix takes no arguments, got %q", c.Args().First())
	}
	if err := setEmpty(c, "leak", "scheme"); err != nil {
		return err
	}
	cfg := attack.MatrixConfig{People: c.Int("people"), Sessions: c.Int("sessions"), LeakAfter: c.Int("leak-at")}
	switch {
	case cfg.People < 2 || cfg.People > attack.MaxPeople:
		return usagef("invalid --people %d: want 2 to %d", cfg.People, attack.MaxPeople)
	case cfg.Sessions < 1 || cfg.Sessions > attack.MaxSessions:
		return usagef("invalid --sessions %d: want 1 to %d", cfg.Sessions, attack.MaxSessions)
	case !c.IsSet("leak-at"):
		cfg.LeakAfter = cfg.Sessions / 2
	case cfg.LeakAfter < 0 || cfg.LeakAfter > cfg.Sessions:
		return usagef("invalid --leak-at %d: want 0 to %d (the number of calls)", cfg.LeakAfter, cfg.Sessions)
	}
	var err error
	if cfg.Leaks, err = parseIDs(c.String("leak"), attack.ParseLeak); err != nil {
		return usagef("invalid --leak: %v", err)
	}
	if cfg.Schemes, err = parseIDs(c.String("scheme"), attack.ParseScheme); err != nil {
		return usagef("invalid --scheme: %v", err)
	}
	if cfg.Seed, err = seedFlag(c); err != nil {
		return err
	}
	out, err := outputFor(c)
	if err != nil {
		return err
	}
	ctx, stop, caught := onSignal(c.Context)
	defer stop()
	var work atomic.Int64
	cfg.Progress = &work
	done := startDisplay(c.App.ErrWriter, matrixProgress(work.Load, int64(cfg.Sessions), attack.MatrixWork(cfg)))
	m, err := attack.NewMatrix(ctx, cfg)
	done()
	if errors.Is(err, attack.ErrInterrupted) && m == nil {
		return interrupted{sig: caught(), nothing: true}
	}
	if err != nil && !errors.Is(err, attack.ErrInterrupted) {
		return err
	}
	t, terr := scenario.MatrixTranscript(m)
	if terr != nil {
		return terr
	}
	if werr := out.emit(c, t, func(w io.Writer) error { return report.MatrixJSON(w, m) }); werr != nil {
		return werr
	}
	if err != nil {
		return interrupted{sig: caught()}
	}
	return nil
}

// parseIDs reads a comma-separated list of ids; nil for an empty list.
func parseIDs[T any](s string, parse func(string) (T, error)) ([]T, error) {
	if s == "" {
		return nil, nil
	}
	var out []T
	for _, id := range strings.Split(s, ",") {
		v, err := parse(strings.TrimSpace(id))
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}
