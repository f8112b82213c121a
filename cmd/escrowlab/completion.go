package main

import (
	"fmt"

	"github.com/urfave/cli/v2"
)

// completionFlag is the hidden flag urfave/cli answers with completions.
const completionFlag = "--generate-bash-completion"

// bashCompletion asks escrowlab itself for the words that may come next.
const bashCompletion = `# escrowlab completion for bash. Load it with:
#   source <(escrowlab completion bash)
_escrowlab() {
  local cur="${COMP_WORDS[COMP_CWORD]}"
  local words=("${COMP_WORDS[@]:0:COMP_CWORD}")
  local opts
  if [[ "$cur" == -* ]]; then
    opts=$("${words[@]}" "$cur" ` + completionFlag + ` 2>/dev/null)
  else
    opts=$("${words[@]}" ` + completionFlag + ` 2>/dev/null)
  fi
  COMPREPLY=($(compgen -W "$opts" -- "$cur"))
}
complete -o bashdefault -o default -F _escrowlab escrowlab
`

// zshCompletion reuses the bash function through zsh's bashcompinit.
const zshCompletion = `# escrowlab completion for zsh. Load it with:
#   source <(escrowlab completion zsh)
autoload -U +X bashcompinit && bashcompinit
` + bashCompletion

func completionCommand() *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "print a shell completion script (bash or zsh)",
		UsageText: "escrowlab completion bash|zsh",
		Description: `Prints a script that completes escrowlab's commands and flags.

Example:
   source <(escrowlab completion bash)     add this line to ~/.bashrc`,
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
