package main

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"
)

// The flag package's messages for a bad flag value, which urfave/cli
// passes on as they are.
var (
	badValue   = regexp.MustCompile(`^invalid value ("(?:[^"\\]|\\.)*") for flag -([\w-]+): (?:parse error|value out of range)$`)
	badBool    = regexp.MustCompile(`^invalid boolean value ("(?:[^"\\]|\\.)*") for -([\w-]+): parse error$`)
	noValue    = regexp.MustCompile(`^flag needs an argument: -([\w-]+)$`)
	usageRange = regexp.MustCompile(`\b(\d+) to (\d+)\b`)
)

// flagError rewrites the flag package's message about a bad value of one
// of flags, such as `invalid value "abc" for flag -people: parse error`,
// in escrowlab's words: what was wrong and what is wanted, such as
// `invalid --people "abc": want a whole number, 2 to 500`. Other errors
// it returns as they are.
func flagError(err error, flags []cli.Flag) error {
	msg := err.Error()
	if m := badValue.FindStringSubmatch(msg); m != nil {
		value, _ := strconv.Unquote(m[1])
		if want := wanted(m[2], flags); want != "" {
			return fmt.Errorf("invalid --%s %q: want %s", m[2], value, want)
		}
		return fmt.Errorf("invalid --%s %q", m[2], value)
	}
	if m := badBool.FindStringSubmatch(msg); m != nil {
		value, _ := strconv.Unquote(m[1])
		return fmt.Errorf("invalid --%s %q: --%s takes no value (or --%s=true, --%s=false)", m[2], value, m[2], m[2], m[2])
	}
	if m := noValue.FindStringSubmatch(msg); m != nil {
		if want := wanted(m[1], flags); want != "" {
			return fmt.Errorf("--%s needs a value: want %s", m[1], want)
		}
		return fmt.Errorf("--%s needs a value", m[1])
	}
	return err
}

// wanted says what value the flag named name takes: for a whole-number
// flag, "a whole number", with the range its usage gives if it gives one.
func wanted(name string, flags []cli.Flag) string {
	for _, f := range flags {
		n, ok := f.(*cli.IntFlag)
		if !ok || n.Name != name {
			continue
		}
		if m := usageRange.FindStringSubmatch(n.Usage); m != nil {
			return fmt.Sprintf("a whole number, %s to %s", m[1], m[2])
		}
		return "a whole number"
	}
	return ""
}

// setEmpty returns a usage error for the first of the string flags names
// that was given an empty value, such as --truth "": a value left out by
// mistake must not quietly mean the default.
func setEmpty(c *cli.Context, names ...string) error {
	for _, n := range names {
		if c.IsSet(n) && strings.TrimSpace(c.String(n)) == "" {
			return usagef("invalid --%s \"\": give a value, or leave --%s out", n, n)
		}
	}
	return nil
}
