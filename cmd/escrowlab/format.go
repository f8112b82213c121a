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
	&cli.StringFlag{Name: "out", Usage: "write the report to `FILE` (atomically) instead of the terminal; its extension (" + strings.Join(acceptedExts, ", ") + ") gives the format unless --format does"},
	&cli.BoolFlag{Name: "force", Usage: "with --out, replace an existing regular file (never a directory, device or FIFO)", DisableDefaultText: true},
}

// quizFlag asks questions before outcomes.
var quizFlag = &cli.BoolFlag{Name: "quiz", Usage: "ask the class to predict each key outcome before showing it; without a terminal, print questions and answers as a worksheet", DisableDefaultText: true}

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

// acceptedExts lists the --out extensions, in the order messages give them.
var acceptedExts = []string{".txt", ".md", ".markdown", ".json", ".html", ".htm"}

// output is how and where a command writes its report, decided and
// checked before anything is computed.
type output struct {
	format string
	file   *outFile // nil for standard output
	force  bool
}

// outputFor reads and checks --format, --json, --out and --force, and that
// the file --out names may be written, so that no run is wasted on a
// report that cannot be delivered.
func outputFor(c *cli.Context) (*output, error) {
	path, force := c.String("out"), c.Bool("force")
	switch {
	case c.IsSet("out") && path == "":
		return nil, usagef("--out needs a file name, such as --out tour.html")
	case force && path == "":
		return nil, usagef("--force only applies with --out FILE")
	}
	format, err := outputFormat(c.String("format"), c.Bool("json"), path)
	if err != nil {
		return nil, err
	}
	o := &output{format: format, force: force}
	if path != "" {
		f, err := checkOutFile(path, force)
		if err != nil {
			return nil, err
		}
		o.file = &f
	}
	return o, nil
}

// outputFormat returns the format asked for by --format, --json or the
// extension of --out, checking that they agree.
func outputFormat(format string, asJSON bool, path string) (string, error) {
	ext := strings.ToLower(filepath.Ext(path))
	switch {
	case format == "" && asJSON:
		format = "json"
	case format == "" && ext != "":
		format = extFormats[ext]
		if format == "" {
			return "", usagef("cannot tell a format from the extension of --out %s: name the file with one of %s, or add --format %s", path, strings.Join(acceptedExts, ", "), strings.Join(formatNames, "|"))
		}
	case format == "":
		format = "text"
	}
	if !slices.Contains(formatNames, format) {
		return "", usagef("invalid --format %q: want one of %s", format, strings.Join(formatNames, ", "))
	}
	if asJSON && format != "json" {
		return "", usagef("--json and --format %s disagree; use one of them", format)
	}
	return format, nil
}

// emit writes t in the chosen format, to standard output or, with --out,
// to the file, replaced atomically. asJSON, if not nil, writes the
// command's own JSON document instead of the transcript's.
func (o *output) emit(c *cli.Context, t *scenario.Transcript, asJSON func(io.Writer) error) error {
	var buf bytes.Buffer
	w := c.App.Writer
	if o.file != nil {
		w = &buf
	}
	var err error
	switch {
	case o.format == "text" && o.file != nil:
		err = report.Text(w, t, report.TextOptions{Quiz: c.Bool("quiz")})
	case o.format == "text":
		opts := textOptions(c.App.Reader, c.App.Writer, c.App.ErrWriter, c.Bool("no-color"), c.Bool("step"))
		opts.Quiz, opts.Ask = quiz(c)
		err = report.Text(w, t, opts)
	case o.format == "json" && asJSON != nil:
		err = asJSON(w)
	default:
		render, ok := renderers[o.format]
		if !ok {
			return fmt.Errorf("the %s format is not available in this build", o.format)
		}
		err = render(w, t)
	}
	if err != nil || o.file == nil {
		return err
	}
	if err := o.file.write(buf.Bytes(), o.force); err != nil {
		return err
	}
	fmt.Fprintf(c.App.ErrWriter, "wrote %s (%s)\n", o.file.Path, o.format)
	return nil
}
