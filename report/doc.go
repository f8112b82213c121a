// Package report renders a [scenario.Transcript] for people to read.
//
// A scenario records what happened, step by step, as plain data; report
// turns that record into output. [Text] writes it for a terminal or a plain
// text file: numbered acts and steps, plain words first and bytes second
// (bytes as grouped, elided hex from [Hex]), an outcome symbol on every
// step that has one, a "Why it matters" note, aligned tables and a list of
// references; in quiz mode it asks each step's question before the outcome.
// [Markdown] writes a handout, [HTML] a self-contained page with SVG charts,
// [TextWorksheet], [MarkdownWorksheet] and [HTMLWorksheet] a worksheet of
// the transcript's questions with the answer key on a page of its own,
// and [TranscriptJSON], [MatrixJSON], [ForgeJSON] and [SweepJSON] the
// versioned JSON documents described in docs/json.md.
//
// Library code never inspects the terminal. The caller, the escrowlab
// command, decides whether to use colour and how wide to wrap, and passes
// that in [TextOptions]. Only package report and the command write output;
// every other package returns values.
package report
