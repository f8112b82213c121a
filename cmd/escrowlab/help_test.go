package main

import (
	"io"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"
)

// Every command's usage line names every flag it takes.
func TestUsageListsEveryFlag(t *testing.T) {
	app, _ := newApp(strings.NewReader(""), io.Discard, io.Discard)
	var check func(cmds []*cli.Command)
	check = func(cmds []*cli.Command) {
		for _, c := range cmds {
			check(c.Subcommands)
			for _, f := range c.VisibleFlags() {
				name := f.Names()[0]
				if name == "help" {
					continue
				}
				if !strings.Contains(c.UsageText, "--"+name) {
					t.Errorf("usage of %s, %q, lacks --%s", c.FullName(), c.UsageText, name)
				}
			}
		}
	}
	check(app.Commands)
}

// NO_COLOR and TERM=dumb each turn colour off.
func TestColorAllowed(t *testing.T) {
	tests := []struct {
		noColor, term string
		want          bool
	}{
		{"", "xterm-256color", true},
		{"1", "xterm-256color", false},
		{"", "dumb", false},
		{"", "", true},
	}
	for _, tt := range tests {
		t.Setenv("NO_COLOR", tt.noColor)
		t.Setenv("TERM", tt.term)
		if got := colorAllowed(); got != tt.want {
			t.Errorf("NO_COLOR=%q TERM=%q: colour %v, want %v", tt.noColor, tt.term, got, tt.want)
		}
	}
}
