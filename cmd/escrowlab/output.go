package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/rivo/uniseg"
	"golang.org/x/term"

	"github.com/escrowlab/escrowlab/report"
	"github.com/escrowlab/escrowlab/scenario"
)

// textOptions decides how to render for this invocation: colour only on a
// terminal, without NO_COLOR, TERM=dumb or --no-color; the terminal's width,
// up to 100 columns (the renderer keeps at least 40); pauses between acts
// only with --step on a terminal.
func textOptions(stdin io.Reader, stdout, stderr io.Writer, noColor, step bool) report.TextOptions {
	out, outTTY := terminal(stdout)
	opts := report.TextOptions{Color: outTTY && !noColor && colorAllowed()}
	if outTTY {
		if w := terminalWidth(out); w > 0 {
			opts.Width = min(w, 100)
		}
	}
	if _, inTTY := terminal(stdin); step && inTTY {
		lines := bufio.NewReader(stdin)
		width := opts.Width
		if width == 0 {
			width = 100
		}
		opts.BetweenActs = func(next scenario.Act, total int) error {
			prompt := fmt.Sprintf("  ── act %d/%d next: %s. %s", next.Number, total, next.Title, preview(next.Intro))
			prompt = truncate(prompt, width-10)
			fmt.Fprintf(stderr, "\n%s [Enter] ", prompt)
			_, err := lines.ReadString('\n')
			if err == io.EOF {
				return nil
			}
			return err
		}
	}
	return opts
}

// preview shortens an act's intro to its first sentence, at most 60
// columns, for the --step prompt.
func preview(intro string) string {
	if i := strings.Index(intro, ". "); i >= 0 {
		intro = intro[:i+1]
	}
	return truncate(intro, 60)
}

// truncate shortens s to at most cols columns, ending it with "…" if
// anything was cut.
func truncate(s string, cols int) string {
	if uniseg.StringWidth(s) <= cols {
		return s
	}
	return clip(s, cols-1) + "…"
}

// clip returns the longest start of s that is at most cols columns wide
// as a terminal shows it (a Chinese character takes two columns, a
// combining accent none), never splitting a character from its accents.
func clip(s string, cols int) string {
	n, used, state := 0, 0, -1
	for rest := s; rest != ""; {
		var c string
		var w int
		c, rest, w, state = uniseg.FirstGraphemeClusterInString(rest, state)
		if used+w > cols {
			break
		}
		n, used = n+len(c), used+w
	}
	return s[:n]
}

// terminal reports whether v is a terminal, and the file if it is one.
func terminal(v any) (*os.File, bool) {
	f, ok := v.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil, false
	}
	return f, true
}

// colorAllowed reports whether the environment allows colour: NO_COLOR
// (https://no-color.org) unset or empty, and a terminal that is not "dumb".
func colorAllowed() bool {
	return os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb"
}
