package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/escrowlab/escrowlab/attack"
	"github.com/escrowlab/escrowlab/scenario"
)

// completionFlag, given last, asks escrowlab for the words that may
// complete the word before it: "escrowlab matrix --le --generate-bash-completion"
// prints --leak and --leak-at, one per line. The shell scripts below call
// it on every Tab.
const completionFlag = "--generate-bash-completion"

// filesMark, printed among the words, asks the shell to complete file
// names too.
const filesMark = ":files"

// bashCompletion asks escrowlab itself for the words that may come next.
const bashCompletion = `# escrowlab completion for bash. Load it with:
#   source <(escrowlab completion bash)
_escrowlab() {
  local cur="${COMP_WORDS[COMP_CWORD]}" line files=0
  local -a opts=()
  # bash splits --flag=value at "="; complete the value.
  [[ "$cur" == "=" ]] && cur=""
  while IFS= read -r line; do
    if [[ "$line" == "` + filesMark + `" ]]; then files=1; else opts+=("$line"); fi
  done < <("${COMP_WORDS[0]}" "${COMP_WORDS[@]:1:COMP_CWORD-1}" "$cur" ` + completionFlag + ` 2>/dev/null)
  COMPREPLY=($(compgen -W "${opts[*]}" -- "$cur"))
  if (( files )); then
    compopt -o filenames 2>/dev/null
    while IFS= read -r line; do COMPREPLY+=("$line"); done < <(compgen -f -- "$cur")
  fi
}
complete -F _escrowlab escrowlab
`

// zshCompletion is a native zsh completion function. It starts zsh's
// completion system itself when no compinit has run.
const zshCompletion = `# escrowlab completion for zsh. Load it with:
#   source <(escrowlab completion zsh)
# It starts zsh's completion system (compinit) if that is not running yet.
_escrowlab() {
  local -a opts
  local line files=0
  for line in "${(@f)$("${words[1]}" "${(@)words[2,CURRENT]}" ` + completionFlag + ` 2>/dev/null)}"; do
    [[ -z "$line" ]] && continue
    if [[ "$line" == "` + filesMark + `" ]]; then files=1; else opts+=("$line"); fi
  done
  (( ${#opts} )) && compadd -- "${opts[@]}"
  (( files )) && _files
  return 0
}
(( $+functions[compdef] )) || { autoload -Uz compinit && compinit -i; }
compdef _escrowlab escrowlab
`

func completionCommand() *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "print a shell completion script (bash or zsh)",
		UsageText: "escrowlab completion bash|zsh",
		Description: `Prints a script that completes escrowlab's commands, every command's flags,
leak and scheme ids after --leak and --scheme, formats after --format, and
file names after --out and scenario run, show and check.

Example:
   source <(escrowlab completion bash)     add this line to ~/.bashrc
   source <(escrowlab completion zsh)      or this one to ~/.zshrc`,
		Action: func(c *cli.Context) error {
			if err := noArgs(c, 1); err != nil {
				return err
			}
			switch c.Args().First() {
			case "bash":
				_, err := fmt.Fprint(c.App.Writer, bashCompletion)
				return err
			case "zsh":
				_, err := fmt.Fprint(c.App.Writer, zshCompletion)
				return err
			}
			return usagef("no completion for shell %q: want bash or zsh", c.Args().First())
		},
	}
}

// printCompletions writes the completions of the last of words, the word
// being typed, one per line, with filesMark when file names fit too.
func printCompletions(app *cli.App, words []string, w io.Writer) int {
	cands, files := completions(app, words)
	for _, c := range cands {
		fmt.Fprintln(w, c)
	}
	if files {
		fmt.Fprintln(w, filesMark)
	}
	return exitOK
}

// completions returns the words that may replace the last of words (the
// word being typed, possibly empty), given the words before it, and
// whether file names may too.
func completions(app *cli.App, words []string) (cands []string, files bool) {
	cur := ""
	if len(words) > 0 {
		cur, words = words[len(words)-1], words[:len(words)-1]
	}
	words = slices.DeleteFunc(slices.Clone(words), func(w string) bool { return w == "=" })
	cmd, path, nargs := commandOf(app, words)
	// The value of a flag: --leak=esc, or --leak esc.
	if name, value, ok := strings.Cut(cur, "="); ok && strings.HasPrefix(name, "-") {
		cands, files := flagValues(strings.TrimLeft(name, "-"), value)
		for i := range cands {
			cands[i] = name + "=" + cands[i]
		}
		return cands, files
	}
	if n := len(words); n > 0 && cmd != nil && takesValue(cmd, words[n-1]) {
		return flagValues(strings.TrimLeft(words[n-1], "-"), cur)
	}
	switch {
	case strings.HasPrefix(cur, "-"):
		return matching(flagNames(app, cmd), cur), false
	case cmd == nil:
		return matching(commandNames(app.Commands), cur), false
	case len(cmd.Subcommands) > 0:
		return matching(commandNames(cmd.Subcommands), cur), false
	}
	return arguments(path, nargs, cur)
}

// commandOf returns the innermost command named in words, its path (such
// as "scenario run"), and how many positional arguments follow it.
func commandOf(app *cli.App, words []string) (cmd *cli.Command, path string, nargs int) {
	cmds := app.Commands
	for i := 0; i < len(words); i++ {
		w := words[i]
		switch {
		case strings.HasPrefix(w, "-"):
			if cmd != nil && takesValue(cmd, w) {
				i++ // its value
			}
		case nargs == 0 && findCommand(cmds, w) != nil:
			cmd = findCommand(cmds, w)
			cmds = cmd.Subcommands
			path = strings.TrimSpace(path + " " + cmd.Name)
		default:
			nargs++
		}
	}
	return cmd, path, nargs
}

// flagValues returns the values that may complete cur for --flag.
func flagValues(flag, cur string) (cands []string, files bool) {
	switch flag {
	case "leak":
		return listValues(idStrings(attack.LeakIDs()), cur), false
	case "scheme", "schemes":
		return listValues(idStrings(attack.SchemeIDs()), cur), false
	case "format":
		return matching(formatNames, cur), false
	case "out", "keys", "truth":
		return nil, true
	}
	return nil, false
}

// listValues completes the last item of a comma-separated list.
func listValues(all []string, cur string) []string {
	done, last := "", cur
	if i := strings.LastIndexByte(cur, ','); i >= 0 {
		done, last = cur[:i+1], cur[i+1:]
	}
	var out []string
	for _, id := range matching(all, last) {
		if !slices.Contains(strings.Split(done, ","), id) {
			out = append(out, done+id)
		}
	}
	return out
}

// arguments completes the first argument of the command at path, when
// nargs arguments are already there.
func arguments(path string, nargs int, cur string) (cands []string, files bool) {
	if nargs > 0 {
		return nil, false
	}
	switch path {
	case "scenario run", "scenario show":
		all, err := scenario.Builtins()
		if err != nil {
			return nil, true
		}
		var names []string
		for _, s := range all {
			names = append(names, s.ID)
		}
		return matching(names, cur), true
	case "scenario check", "decrypt":
		return nil, true
	case "completion":
		return matching([]string{"bash", "zsh"}, cur), false
	}
	return nil, false
}

// flagNames lists the flags of cmd, or of escrowlab itself if cmd is nil,
// as typed: --seed.
func flagNames(app *cli.App, cmd *cli.Command) []string {
	flags := []cli.Flag{cli.HelpFlag}
	if cmd == nil {
		flags = append(flags, cli.VersionFlag)
	} else {
		flags = append(slices.Clone(cmd.VisibleFlags()), flags...)
	}
	var out []string
	for _, f := range flags {
		if n := f.Names()[0]; !slices.Contains(out, "--"+n) {
			out = append(out, "--"+n)
		}
	}
	return out
}

// commandNames lists the visible commands.
func commandNames(cmds []*cli.Command) []string {
	var out []string
	for _, c := range cmds {
		if !c.Hidden {
			out = append(out, c.Name)
		}
	}
	return out
}

// matching returns the words that start with prefix.
func matching(words []string, prefix string) []string {
	var out []string
	for _, w := range words {
		if strings.HasPrefix(w, prefix) {
			out = append(out, w)
		}
	}
	return out
}

// idStrings returns leak or scheme ids as strings.
func idStrings[T ~string](all []T) []string {
	out := make([]string, len(all))
	for i, id := range all {
		out[i] = string(id)
	}
	return out
}
