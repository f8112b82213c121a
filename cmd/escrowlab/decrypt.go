package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/escrowlab/escrowlab/attack"
	"github.com/escrowlab/escrowlab/attack/archive"
	"github.com/escrowlab/escrowlab/internal/outpath"
	"github.com/escrowlab/escrowlab/report"
)

func decryptCommand() *cli.Command {
	return &cli.Command{
		Name:      "decrypt",
		Usage:     "read a captured archive with nothing but the key files given, and count what opens",
		UsageText: "escrowlab decrypt ARCHIVE [--keys FILE,...] [--truth FILE] [--split DATE] [--project N] [--workers W] [--json]",
		Description: `Reads ARCHIVE (written by capture) as a stream, on every core, with only the
key files given, and opens every call it can under every scheme. With
--truth, each call opened is checked against the ground truth: a call
counts as opened only if every message comes out exactly as said. A
damaged record is reported by number and byte offset, skipped and counted;
a truncated archive is read up to the cut, then reported (exit 1).

At the end, decrypt measures how fast this machine captures such calls, in
the same run, and says how much faster reading the stolen archive is: the
theft, not the computation, is the hard part.

Examples:
   escrowlab decrypt city/wiretap.ewt --truth city/truth.tsv --keys city/keys/clipper/family-key.csv
   escrowlab decrypt city/wiretap.ewt --keys city/keys/clipper/agent1-db-nist.csv,city/keys/clipper/agent2-db-treasury-automated-systems-division.csv
   escrowlab decrypt country/wiretap.ewt --keys ... --project 100000000`,
		Flags: []cli.Flag{
			&cli.StringSliceFlag{Name: "keys", Usage: "the key `FILE`s the adversary holds (repeat the flag or separate with commas)"},
			&cli.StringFlag{Name: "truth", Usage: "check every call opened against the ground truth `FILE`"},
			&cli.StringFlag{Name: "split", Usage: "count calls opened before and after `DATE` (YYYY-MM-DD, the moment of a leak)"},
			&cli.IntFlag{Name: "project", Usage: "project capture and decryption times to `N` calls (labelled as a projection)"},
			&cli.IntFlag{Name: "workers", Value: runtime.GOMAXPROCS(0), DefaultText: "every core", Usage: "decrypt on `W` goroutines, 1 to 256"},
			&cli.BoolFlag{Name: "json", Usage: "print the counts as JSON", DisableDefaultText: true},
		},
		Action: runDecrypt,
	}
}

func runDecrypt(c *cli.Context) error {
	if c.NArg() != 1 {
		return usagef("decrypt takes one ARCHIVE (the wiretap.ewt a capture wrote), got %d arguments", c.NArg())
	}
	if err := setEmpty(c, "truth", "split"); err != nil {
		return err
	}
	path := c.Args().First()
	cfg := archive.DecryptConfig{Keys: keyFiles(c.StringSlice("keys")), Truth: c.String("truth"), Workers: c.Int("workers")}
	opts := report.DecryptOptions{Project: c.Int("project")}
	switch {
	case c.IsSet("keys") && len(cfg.Keys) == 0:
		return usagef("invalid --keys %q: want the key FILEs the adversary holds, separated by commas (leave --keys out for none)", strings.Join(c.StringSlice("keys"), ","))
	case cfg.Workers < 1 || cfg.Workers > 256:
		return usagef("invalid --workers %d: want 1 to 256", cfg.Workers)
	case opts.Project < 0:
		return usagef("invalid --project %d: want a number of calls", opts.Project)
	}
	if s := c.String("split"); s != "" {
		t, err := time.Parse(time.DateOnly, s)
		if err != nil {
			return usagef("invalid --split %q: want a date such as 1994-09-22", s)
		}
		cfg.Split = t
	}
	for _, f := range append([]string{path, cfg.Truth}, cfg.Keys...) {
		if err := readable(f); err != nil {
			return err
		}
	}
	ctx, stop, caught := onSignal(c.Context)
	defer stop()
	var read atomic.Int64
	cfg.Progress = &read
	size := float64(0)
	if fi, err := os.Stat(path); err == nil {
		size = float64(fi.Size())
	}
	meter := startMeter(c.App.ErrWriter, func() uint64 { return uint64(read.Load()) }, size, "bytes")
	rep, err := archive.Decrypt(ctx, path, cfg)
	meter()
	if err != nil {
		return err
	}
	if !rep.Interrupted && rep.Calls > 0 {
		opts.CaptureRate, err = measureCapture(ctx, rep, cfg.Workers)
		if ctx.Err() != nil {
			opts.CaptureRate, err = 0, nil // stopped while measuring: the comparison is left out
		}
		if err != nil {
			return err
		}
	}
	if c.Bool("json") {
		err = report.DecryptJSON(c.App.Writer, rep, opts)
	} else {
		err = report.DecryptText(c.App.Writer, rep, opts)
	}
	switch {
	case err != nil:
		return err
	case rep.Interrupted || ctx.Err() != nil:
		return interrupted{sig: caught()}
	case rep.Truncated != nil:
		return fmt.Errorf("%s: %v; the counts above are for the calls before it", path, rep.Truncated)
	}
	return nil
}

// measureCapture measures how fast this machine captures calls like the
// archive's, now, for about a quarter of the time decrypting took (from
// 0.3 to 3 seconds).
func measureCapture(ctx context.Context, rep *archive.DecryptReport, workers int) (float64, error) {
	var schemes []attack.SchemeID
	for _, s := range rep.Archive.Schemes {
		schemes = append(schemes, s.ID)
	}
	budget := min(max(rep.Elapsed/4, 300*time.Millisecond), 3*time.Second)
	return archive.MeasureCapture(ctx, schemes, max(len(rep.Archive.People), 2), workers, budget)
}

// keyFiles drops the empty names a stray comma leaves in --keys
// ("a.csv," or "a.csv,,b.csv"), and a file named twice, however spelled.
func keyFiles(names []string) []string {
	var out []string
	var files []os.FileInfo
	for _, n := range names {
		if strings.TrimSpace(n) == "" || slices.ContainsFunc(out, func(o string) bool { return filepath.Clean(o) == filepath.Clean(n) }) {
			continue
		}
		fi, err := os.Stat(n)
		if err == nil && slices.ContainsFunc(files, func(o os.FileInfo) bool { return o != nil && os.SameFile(o, fi) }) {
			continue
		}
		out, files = append(out, n), append(files, fi)
	}
	return out
}

// readable checks, before anything runs, that a file named on the command
// line can be read: it exists and is a regular file. An empty name passes.
func readable(name string) error {
	if name == "" {
		return nil
	}
	fi, err := os.Stat(name)
	switch {
	case err != nil:
		return fmt.Errorf("%s: %w", name, outpath.Pathless(err))
	case !fi.Mode().IsRegular():
		return fmt.Errorf("%s: not a regular file", name)
	}
	return nil
}
