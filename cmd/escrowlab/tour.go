package main

import (
	"crypto/rand"
	"encoding/binary"
	"strconv"

	"github.com/urfave/cli/v2"

	"github.com/escrowlab/escrowlab/scenario"
)

// runFlags are the flags of every command that runs a scenario.
var runFlags = []cli.Flag{
	&cli.StringFlag{Name: "seed", Usage: "replay a run: the same `N` (an unsigned integer) gives the same keys and output"},
	&cli.BoolFlag{Name: "no-color", Usage: "plain output without colour (also: NO_COLOR set, TERM=dumb, or output not a terminal)", DisableDefaultText: true},
	&cli.BoolFlag{Name: "step", Usage: "pause for Enter between acts (only when input is a terminal)", DisableDefaultText: true},
}

func tourCommand() *cli.Command {
	return &cli.Command{
		Name:      "tour",
		Usage:     "the guided walkthrough: Clipper, a warrant, end-to-end encryption, a leak",
		UsageText: "escrowlab tour [--seed N] [--no-color] [--step] [--quiz | --answers] [--format FORMAT] [--out FILE [--force]]",
		Description: `Runs the classroom walkthrough in six acts, with real cryptography:
how Clipper's key escrow works, lawful access with a warrant and why its
expiry is only policy, the same calls under forward-secret end-to-end
encryption, a leak of the escrow databases, and Blaze's rogue LEAF. It ends
with the exposure matrix of its own archive. Every count is measured.

Examples:
   escrowlab tour --seed 1 --no-color > tour.txt
   escrowlab tour --step --quiz              present it live, asking the room first
   escrowlab tour --seed 1 --quiz --out worksheet.html
                                             a worksheet to hand out, answer key last
   escrowlab tour --seed 1 --answers         the answer key alone
   escrowlab tour --seed 1 --out tour.html   a self-contained report with charts`,
		Flags:  append(append(append([]cli.Flag{}, runFlags...), quizFlag, answersFlag), outputFlags...),
		Action: func(c *cli.Context) error { return runScenario(c, "tour") },
	}
}

// runScenario runs the built-in scenario id and renders it as text.
func runScenario(c *cli.Context, id string) error {
	if c.Args().Present() {
		return usagef("%s takes no arguments, got %q", c.Command.Name, c.Args().First())
	}
	seed, err := seedFlag(c)
	if err != nil {
		return err
	}
	out, err := outputFor(c)
	if err != nil {
		return err
	}
	s, err := scenario.Lookup(id)
	if err != nil {
		return err
	}
	t, stopped, err := runStoppable(c, s, nil, seed)
	if err != nil {
		return err
	}
	if err := out.emit(c, t, nil); err != nil {
		return err
	}
	return stopped
}

// seedFlag returns --seed, or a fresh random seed when it is absent.
func seedFlag(c *cli.Context) (uint64, error) {
	if !c.IsSet("seed") {
		var b [8]byte
		if _, err := rand.Read(b[:]); err != nil {
			return 0, err
		}
		return binary.BigEndian.Uint64(b[:]), nil
	}
	seed, err := strconv.ParseUint(c.String("seed"), 10, 64)
	if err != nil {
		return 0, usagef("invalid --seed %q: want an unsigned integer such as 42", c.String("seed"))
	}
	return seed, nil
}
