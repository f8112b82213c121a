package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/escrowlab/escrowlab/attack"
	"github.com/escrowlab/escrowlab/escrow"
	"github.com/escrowlab/escrowlab/report"
	"github.com/escrowlab/escrowlab/scenario"
)

func forgeCommand() *cli.Command {
	return &cli.Command{
		Name:      "forge",
		Usage:     "Blaze's 1994 attack: forge a LEAF that fools the escrow, measured",
		UsageText: "escrowlab forge [--bits N | --sweep LO-HI] [--trials K] [--seed N] [--json] [--no-color] [--quiz | --answers] [--format FORMAT] [--out FILE [--force]]",
		Description: `A rogue user who owns a genuine Clipper chip feeds it random LEAFs until one
passes its checksum, then sends that in place of the real one. The honest
receiver decrypts normally; law enforcement, holding the rogue's unit key,
gets nothing. The search uses only the chip's LEAF check, on every core,
and finds the first of a numbered series of random LEAFs that passes, so
--seed replays the tries. A run expected to take over ten seconds says so
before it starts; runs over a second show progress on a terminal. Ctrl-C
(or SIGTERM) stops the search and reports what was measured, then exits
with status 130 (143 for SIGTERM).

Examples:
   escrowlab forge                       one 16-bit forgery, as in 1994
   escrowlab forge --bits 8 --trials 500 how the tries are spread
   escrowlab forge --sweep 8-24          time against width, 5 trials each, with a projection`,
		Flags: []cli.Flag{
			&cli.IntFlag{Name: "bits", Value: escrow.DefaultChecksumBits, Usage: fmt.Sprintf("LEAF checksum width `N`, %d to %d", escrow.MinChecksumBits, escrow.MaxChecksumBits)},
			&cli.IntFlag{Name: "trials", Value: 1, DefaultText: fmt.Sprintf("1, or %d per width with --sweep", sweepTrials), Usage: fmt.Sprintf("repeat the forgery `K` times, 1 to %d, and report mean, median and spread", maxTrials)},
			&cli.StringFlag{Name: "sweep", Usage: fmt.Sprintf("measure every width from `LO-HI` (such as 8-24; %d to %d), then project to 32, 48 and 64 bits; not with --bits", escrow.MinChecksumBits, escrow.MaxChecksumBits)},
			runFlags[0], // --seed
			&cli.BoolFlag{Name: "json", Usage: "print the measurements as JSON", DisableDefaultText: true},
			runFlags[1], // --no-color
			quizFlag, answersFlag, outputFlags[0], outputFlags[1], outputFlags[2],
		},
		Action: runForge,
	}
}

// maxTrials bounds --trials.
const maxTrials = 100000

// sweepTrials is the number of forgeries a sweep makes at each width
// unless --trials says otherwise: enough that one unlucky search does not
// bend the line, few enough that --sweep 8-24 (about 168 million tries in
// all) fits in a lesson; docs/performance.md has the times measured.
const sweepTrials = 5

func runForge(c *cli.Context) error {
	if c.Args().Present() {
		return usagef("forge takes no arguments, got %q", c.Args().First())
	}
	bits, trials := c.Int("bits"), c.Int("trials")
	if c.IsSet("sweep") && !c.IsSet("trials") {
		trials = sweepTrials
	}
	switch {
	case c.IsSet("sweep") && c.IsSet("bits"):
		return usagef("--sweep and --bits both set widths; use --sweep LO-HI or --bits N, not both")
	case bits < escrow.MinChecksumBits || bits > escrow.MaxChecksumBits:
		return usagef("invalid --bits %d: want a width from %d to %d", bits, escrow.MinChecksumBits, escrow.MaxChecksumBits)
	case trials < 1 || trials > maxTrials:
		return usagef("invalid --trials %d: want 1 to %d", trials, maxTrials)
	}
	lo, hi := bits, bits
	if c.IsSet("sweep") {
		var err error
		if lo, hi, err = parseSweep(c.String("sweep")); err != nil {
			return err
		}
	}
	seed, err := seedFlag(c)
	if err != nil {
		return err
	}
	out, err := outputFor(c)
	if err != nil {
		return err
	}
	ctx, stop, caught := onSignal(c.Context)
	defer stop()
	var tries atomic.Uint64
	cfg := attack.ForgeConfig{Bits: bits, Seed: seed, Progress: &tries}
	if c.IsSet("sweep") {
		err = forgeSweep(ctx, c, out, cfg, lo, hi, trials)
	} else {
		err = forgeTrials(ctx, c, out, cfg, trials)
	}
	switch {
	case errors.Is(err, errNothingYet):
		return interrupted{sig: caught(), nothing: true}
	case errors.Is(err, attack.ErrInterrupted):
		return interrupted{sig: caught()}
	}
	return err
}

// errNothingYet is forecast's error when a signal stops forge while it
// measures the rate, before any forgery has begun.
var errNothingYet = errors.New("stopped before anything was measured")

// forgeTrials runs trials forgeries and reports them; if interrupted, it
// reports what was measured and returns attack.ErrInterrupted.
func forgeTrials(ctx context.Context, c *cli.Context, out *output, cfg attack.ForgeConfig, trials int) error {
	what := fmt.Sprintf("one %d-bit forgery", cfg.Bits)
	if trials > 1 {
		what = fmt.Sprintf("%d forgeries of %d bits", trials, cfg.Bits)
	}
	if err := forecast(ctx, c.App.ErrWriter, cfg, attack.ExpectedTries(cfg.Bits)*float64(trials), what); err != nil {
		return err
	}
	f, err := attack.NewForger(cfg)
	if err != nil {
		return err
	}
	done := startProgress(c.App.ErrWriter, cfg.Progress, attack.ExpectedTries(cfg.Bits)*float64(trials))
	fs, err := f.Trials(ctx, trials)
	done()
	if err != nil && !errors.Is(err, attack.ErrInterrupted) {
		return err
	}
	run := scenario.ForgeRun{Bits: cfg.Bits, Workers: f.Workers(), Seed: cfg.Seed, Forgeries: fs}
	if werr := out.emit(c, scenario.ForgeTranscript(run), func(w io.Writer) error { return report.ForgeJSON(w, run) }); werr != nil {
		return werr
	}
	return err
}

// forgeSweep measures every width from lo to hi and reports them; if
// interrupted, it reports what was measured and returns
// attack.ErrInterrupted.
func forgeSweep(ctx context.Context, c *cli.Context, out *output, cfg attack.ForgeConfig, lo, hi, trials int) error {
	expected := 0.0
	for b := lo; b <= hi; b++ {
		expected += attack.ExpectedTries(b) * float64(trials)
	}
	widest := cfg
	widest.Bits = hi // the slowest check, so the forecast errs long
	if err := forecast(ctx, c.App.ErrWriter, widest, expected, fmt.Sprintf("the sweep of %d to %d bits", lo, hi)); err != nil {
		return err
	}
	done := startProgress(c.App.ErrWriter, cfg.Progress, expected)
	pts, err := attack.Sweep(ctx, cfg, lo, hi, trials, nil)
	done()
	if err != nil && !errors.Is(err, attack.ErrInterrupted) {
		return err
	}
	f, ferr := attack.NewForger(cfg)
	if ferr != nil {
		return ferr
	}
	run := scenario.SweepRun{Lo: lo, Hi: hi, Trials: trials, Workers: f.Workers(), Seed: cfg.Seed, Points: pts}
	if werr := out.emit(c, scenario.SweepTranscript(run), func(w io.Writer) error { return report.SweepJSON(w, run) }); werr != nil {
		return werr
	}
	return err
}

// A run expected to make forecastTries tries or more measures the search
// rate for rateSample first; if it then expects to take longer than
// forecastAbove, it says how long before it starts.
const (
	forecastTries = 1 << 23
	forecastAbove = 10 * time.Second
	rateSample    = 500 * time.Millisecond
)

// forecast tells w how long a run of about expected tries will take, if
// that is long: what names the run. Ctrl-C while it measures stops forge.
func forecast(ctx context.Context, w io.Writer, cfg attack.ForgeConfig, expected float64, what string) error {
	if expected < forecastTries {
		return nil
	}
	rate, err := attack.MeasureRate(ctx, cfg, rateSample)
	if errors.Is(err, attack.ErrInterrupted) {
		return errNothingYet
	}
	if err != nil {
		return err
	}
	if d := time.Duration(expected / rate * float64(time.Second)); d > forecastAbove {
		fmt.Fprintf(w, "escrowlab: expected about %s for %s: %s tries on average at %s tries/s, measured just now. Ctrl-C stops and reports what was measured.\n",
			about(d), what, humanCount(expected), humanCount(rate))
	}
	return nil
}

// about writes a forecast duration in round words: 40 seconds, 8 minutes,
// 3.5 hours, 2 days.
func about(d time.Duration) string {
	switch {
	case d < 100*time.Second:
		return fmt.Sprintf("%.0f seconds", d.Seconds())
	case d < 100*time.Minute:
		return fmt.Sprintf("%.0f minutes", d.Minutes())
	case d < 48*time.Hour:
		return fmt.Sprintf("%.1f hours", d.Hours())
	}
	return fmt.Sprintf("%.0f days", d.Hours()/24)
}

// parseSweep reads --sweep LO-HI.
func parseSweep(s string) (lo, hi int, err error) {
	a, b, ok := strings.Cut(s, "-")
	lo, err1 := strconv.Atoi(a)
	hi, err2 := strconv.Atoi(b)
	switch {
	case !ok || err1 != nil || err2 != nil:
		return 0, 0, usagef("invalid --sweep %q: want LO-HI, such as 8-24", s)
	case lo < escrow.MinChecksumBits || hi > escrow.MaxChecksumBits:
		return 0, 0, usagef("invalid --sweep %q: widths must lie from %d to %d", s, escrow.MinChecksumBits, escrow.MaxChecksumBits)
	case lo > hi:
		return 0, 0, usagef("invalid --sweep %q: LO must not be greater than HI", s)
	}
	return lo, hi, nil
}
