package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"

	"github.com/urfave/cli/v2"

	"github.com/escrowlab/escrowlab/attack"
	"github.com/escrowlab/escrowlab/attack/archive"
	"github.com/escrowlab/escrowlab/internal/ids"
	"github.com/escrowlab/escrowlab/internal/outpath"
	"github.com/escrowlab/escrowlab/report"
)

func captureCommand() *cli.Command {
	return &cli.Command{
		Name:      "capture",
		Usage:     "record a city's calls on a wiretap and write the archive and every party's keys to files",
		UsageText: "escrowlab capture --out DIR [--people N] [--sessions T] [--days D] [--schemes IDS] [--seed N] [--workers W] [--force] [--json]",
		Description: `Builds a world of N people, has them make T calls over D days under each
scheme, on every core, and writes into DIR:

   wiretap.ewt   the archive: what an eavesdropper on the network records
   truth.tsv     the ground truth: digests of what was said, never the words
   keys/         the key material of every party, one file per piece (the
                 family key, each escrow agent's database, each phone's
                 secrets...), and keys/LEAKS.txt, which files each leak gives

Hand groups of students different key files, and let each run decrypt.
The same seed gives the same files, byte for byte. Memory stays flat: a
million calls fit in under 100 MB.

Schemes: ` + ids.Join(attack.SchemeIDs()) + `

Examples:
   escrowlab capture --out city --seed 1
   escrowlab capture --out country --sessions 1000000 --schemes clipper,e2e-fs`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "out", Usage: "write the capture into the new directory `DIR`"},
			&cli.IntFlag{Name: "people", Value: 8, Usage: fmt.Sprintf("`N` people, 2 to %d", archive.MaxPeople)},
			&cli.IntFlag{Name: "sessions", Value: 1000, Usage: fmt.Sprintf("`T` calls, 1 to %d", archive.MaxSessions)},
			&cli.IntFlag{Name: "days", Value: 30, Usage: fmt.Sprintf("the calls spread over `D` days, 1 to %d", archive.MaxDays)},
			&cli.StringFlag{Name: "schemes", Usage: "capture only these schemes: comma-separated `IDS` (default: every scheme)"},
			runFlags[0], // --seed
			&cli.IntFlag{Name: "workers", Value: runtime.GOMAXPROCS(0), DefaultText: "every core", Usage: "carry calls on `W` goroutines, 1 to 256"},
			&cli.BoolFlag{Name: "force", Usage: "write into DIR even if it exists (replacing only regular files of the same names, and removing key files of another archive)", DisableDefaultText: true},
			&cli.BoolFlag{Name: "json", Usage: "print what was written as JSON", DisableDefaultText: true},
		},
		Action: runCapture,
	}
}

func runCapture(c *cli.Context) error {
	if c.Args().Present() {
		return usagef("capture takes no arguments, got %q (did you mean --out %s?)", c.Args().First(), c.Args().First())
	}
	if err := setEmpty(c, "schemes"); err != nil {
		return err
	}
	cfg := archive.CaptureConfig{People: c.Int("people"), Sessions: c.Int("sessions"), Days: c.Int("days"), Workers: c.Int("workers")}
	switch {
	case cfg.People < 2 || cfg.People > archive.MaxPeople:
		return usagef("invalid --people %d: want 2 to %d", cfg.People, archive.MaxPeople)
	case cfg.Sessions < 1 || cfg.Sessions > archive.MaxSessions:
		return usagef("invalid --sessions %d: want 1 to %d", cfg.Sessions, archive.MaxSessions)
	case cfg.Days < 1 || cfg.Days > archive.MaxDays:
		return usagef("invalid --days %d: want 1 to %d", cfg.Days, archive.MaxDays)
	case cfg.Workers < 1 || cfg.Workers > 256:
		return usagef("invalid --workers %d: want 1 to 256", cfg.Workers)
	}
	var err error
	if cfg.Schemes, err = parseIDs(c.String("schemes"), attack.ParseScheme); err != nil {
		return usagef("invalid --schemes: %v", err)
	}
	if cfg.Seed, err = seedFlag(c); err != nil {
		return err
	}
	dir := c.String("out")
	made, err := checkOutDir(dir, c.Bool("force"))
	if err != nil {
		return err
	}
	ctx, stop, caught := onSignal(c.Context)
	defer stop()
	var done atomic.Int64
	cfg.Progress = &done
	meter := startMeter(c.App.ErrWriter, func() uint64 { return uint64(done.Load()) }, float64(cfg.Sessions), "calls")
	rep, err := archive.Capture(ctx, cfg, dir)
	meter()
	if err != nil && made {
		os.RemoveAll(dir) // made by this run: nothing half-written stays
	}
	if errors.Is(err, attack.ErrInterrupted) {
		return interrupted{sig: caught(), nothing: true}
	}
	if err != nil {
		return err
	}
	if c.Bool("json") {
		return report.CaptureJSON(c.App.Writer, rep)
	}
	return report.CaptureText(c.App.Writer, rep)
}

// checkOutDir checks, before anything runs, that dir can take a capture:
// it is new (and is then made: made reports it), or it is a directory and
// force allows writing into it.
func checkOutDir(dir string, force bool) (made bool, err error) {
	if dir == "" {
		return false, usagef("capture needs --out DIR: the new directory to write the archive and key files into")
	}
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if link, lerr := os.Readlink(strings.TrimRight(dir, string(filepath.Separator))); lerr == nil {
			return false, fmt.Errorf("--out %s is a link to %s, which does not exist; give capture a new directory, or a link to one", dir, link)
		}
		if err := os.Mkdir(dir, 0o755); err != nil {
			return false, fmt.Errorf("--out %s: %w", dir, outpath.Pathless(err))
		}
		return true, nil
	case err != nil:
		return false, fmt.Errorf("--out %s: %w", dir, outpath.Pathless(err))
	case !fi.IsDir():
		return false, fmt.Errorf("--out %s: it is not a directory; capture writes a directory of files", dir)
	case !force:
		return false, fmt.Errorf("--out %s %w; choose another name or add --force to write into it", dir, errExists)
	}
	return false, nil
}
