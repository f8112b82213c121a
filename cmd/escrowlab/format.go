package main

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/escrowlab/escrowlab/report"
	"github.com/escrowlab/escrowlab/scenario"
)

// outputFlags are the flags of every command that writes a report.
var outputFlags = []cli.Flag{
	&cli.StringFlag{Name: "format", Usage: "output `FORMAT`: " + strings.Join(formatNames, ", ") + " (default text, or from --out's extension)"},
	&cli.StringFlag{Name: "out", Usage: "write the report to `FILE` (atomically) instead of the terminal"},
	&cli.BoolFlag{Name: "force", Usage: "with --out, replace an existing file"},
}

// quizFlag asks questions before outcomes.
var quizFlag = &cli.BoolFlag{Name: "quiz", Usage: "ask the class to predict each key outcome before showing it; without a terminal, print questions and answers as a worksheet"}

// renderers write a transcript in each format. JSON documents of their own
// (matrix, forge) replace the transcript's JSON where a command has one.
var renderers = map[string]func(w io.Writer, t *scenario.Transcript) error{
	"markdown": report.Markdown,
	"json":     report.TranscriptJSON,
	"html":     report.HTML,
}

// formatNames lists the formats in the order help shows them.
var formatNames = []string{"text", "markdown", "json", "html"}

// extFormats infers a format from --out's extension.
var extFormats = map[string]string{".txt": "text", ".md": "markdown", ".markdown": "markdown", ".json": "json", ".html": "html", ".htm": "html"}

// outputFormat returns the format asked for, checking it.
func outputFormat(c *cli.Context) (string, error) {
	f := c.String("format")
	switch {
	case f == "" && c.Bool("json"):
		f = "json"
	case f == "":
		f = extFormats[strings.ToLower(filepath.Ext(c.String("out")))]
	}
	if f == "" {
		f = "text"
	}
	if !slices.Contains(formatNames, f) {
		return "", usagef("invalid --format %q: want one of %s", f, strings.Join(formatNames, ", "))
	}
	if c.Bool("json") && f != "json" {
		return "", usagef("--json and --format %s disagree; use one of them", f)
	}
	return f, nil
}

// emit writes t in the format asked for, to standard output or, with
// --out, to a file replaced atomically. asJSON, if not nil, writes the
// command's own JSON document instead of the transcript's.
func emit(c *cli.Context, t *scenario.Transcript, asJSON func(io.Writer) error) error {
	format, err := outputFormat(c)
	if err != nil {
		return err
	}
	path := c.String("out")
	if path == "" && c.Bool("force") {
		return usagef("--force only applies with --out FILE")
	}
	var buf bytes.Buffer
	w := c.App.Writer
	if path != "" {
		w = &buf
	}
	switch {
	case format == "text" && path != "":
		err = report.Text(w, t, report.TextOptions{Quiz: c.Bool("quiz")})
	case format == "text":
		opts := textOptions(c.App.Reader, c.App.Writer, c.App.ErrWriter, c.Bool("no-color"), c.Bool("step"))
		opts.Quiz, opts.Ask = quiz(c)
		err = report.Text(w, t, opts)
	case format == "json" && asJSON != nil:
		err = asJSON(w)
	default:
		render, ok := renderers[format]
		if !ok {
			return fmt.Errorf("the %s format is not available in this build", format)
		}
		err = render(w, t)
	}
	if err != nil || path == "" {
		return err
	}
	if err := writeFileAtomic(path, buf.Bytes(), c.Bool("force")); err != nil {
		return err
	}
	fmt.Fprintf(c.App.ErrWriter, "wrote %s (%s)\n", path, format)
	return nil
}
