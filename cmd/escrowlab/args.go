package main

import (
	"slices"
	"strings"

	"github.com/urfave/cli/v2"
)

// interspersed returns args with the flags of the innermost command moved
// before its positional arguments, so that "scenario run FILE --seed 3"
// works like "scenario run --seed 3 FILE": urfave/cli v2 stops reading
// flags at the first positional argument. Values stay with their flags;
// "--" ends the flags as usual.
func interspersed(app *cli.App, args []string) []string {
	if len(args) < 2 {
		return args
	}
	i, cmds := 1, app.Commands
	var cmd *cli.Command
	for i < len(args) {
		next := findCommand(cmds, args[i])
		if next == nil {
			break
		}
		cmd, cmds = next, next.Subcommands
		i++
	}
	if cmd == nil {
		return args
	}
	out := slices.Clone(args[:i])
	var positional []string
	for ; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			positional = append(positional, args[i:]...)
			i = len(args)
		case strings.HasPrefix(a, "-") && a != "-":
			out = append(out, a)
			if takesValue(cmd, a) && (i+1 == len(args) || isFlag(cmd, args[i+1])) {
				// The value is missing: leave the flag last, for the
				// parser to say so, rather than give it an argument or
				// the next flag ("--out --force", "--out -h"). A value
				// that looks like a flag is written --flag=VALUE.
				return out
			}
			if takesValue(cmd, a) {
				i++
				out = append(out, args[i])
			}
		default:
			positional = append(positional, a)
		}
	}
	return append(out, positional...)
}

func findCommand(cmds []*cli.Command, name string) *cli.Command {
	for _, c := range cmds {
		if c.HasName(name) {
			return c
		}
	}
	return nil
}

// isFlag reports whether token a names a flag of cmd, or help, with one
// dash or two ("-force", "--json", "-h").
func isFlag(cmd *cli.Command, a string) bool {
	if !strings.HasPrefix(a, "-") {
		return false
	}
	name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
	if name == "h" || name == "help" {
		return true
	}
	return slices.ContainsFunc(cmd.Flags, func(f cli.Flag) bool { return slices.Contains(f.Names(), name) })
}

// takesValue reports whether flag token a (such as "--seed") names a flag
// of cmd that takes a separate value.
func takesValue(cmd *cli.Command, a string) bool {
	name := strings.TrimLeft(a, "-")
	if strings.Contains(name, "=") {
		return false
	}
	for _, f := range cmd.Flags {
		if slices.Contains(f.Names(), name) {
			_, isBool := f.(*cli.BoolFlag)
			return !isBool
		}
	}
	return false
}
