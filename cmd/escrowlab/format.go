package main

import (
	"bytes"
	"errors"
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
var quizFlag = &cli.BoolFlag{Name: "quiz", Usage: "on a terminal, ask the class to predict each key outcome before showing it; otherwise (a pipe, --out, --format markdown|html) write a worksheet to hand out: every question, then the answer key on a page of its own", DisableDefaultText: true}

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
	if err := setEmpty(c, "format"); err != nil {
		return nil, err
	}
	path, force := c.String("out"), c.Bool("force")
	switch {
	case c.IsSet("out") && path == "":
		return nil, usagef("--out needs a file name, such as --out handout.html")
	case force && path == "":
		return nil, usagef("--force only applies with --out FILE")
	}
	format, err := outputFormat(c.String("format"), c.Bool("json"), path)
	if err != nil {
		return nil, err
	}
	if err := checkSheet(c, format); err != nil {
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
	switch sh := sheetFor(c, o); {
	case sh == worksheet || sh == answerKey:
		err = o.worksheet(c, w, t, sh == answerKey)
	case o.format == "text" && o.file != nil:
		err = report.Text(w, t, report.TextOptions{})
	case o.format == "text":
		opts := textOptions(c.App.Reader, c.App.Writer, c.App.ErrWriter, c.Bool("no-color"), c.Bool("step"))
		if sh == liveQuiz {
			opts.Quiz, opts.Ask = true, asker(c)
		}
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

// worksheetWriters write a worksheet in each format.
var worksheetWriters = map[string]func(io.Writer, *scenario.Transcript, report.WorksheetOptions) error{
	"text":     report.TextWorksheet,
	"markdown": report.MarkdownWorksheet,
	"html":     report.HTMLWorksheet,
}

// worksheet writes t's questions and answer key, or with keyOnly the key
// alone, in the chosen format. Text on a terminal takes its colour and
// width, up to the worksheet's 80 columns.
func (o *output) worksheet(c *cli.Context, w io.Writer, t *scenario.Transcript, keyOnly bool) error {
	opts := report.WorksheetOptions{Replay: replayCommand(c, t.Seed), KeyOnly: keyOnly}
	if o.format == "text" && o.file == nil {
		to := textOptions(c.App.Reader, c.App.Writer, c.App.ErrWriter, c.Bool("no-color"), false)
		opts.Color, opts.Width = to.Color, to.Width
	}
	err := worksheetWriters[o.format](w, t, opts)
	if errors.Is(err, report.ErrNoQuestions) {
		return fmt.Errorf("%s asks no questions, so there is no worksheet: run it without --quiz or --answers", t.Scenario)
	}
	return err
}
