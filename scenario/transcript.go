package scenario

import (
	"fmt"

	"github.com/escrowlab/escrowlab/attack"
)

// Transcript is the record of one scenario run: what happened, in order,
// who did it, the values involved and why each step matters. Renderers in
// package report turn it into text, Markdown, JSON or HTML; nothing in it
// is pre-formatted for one medium.
type Transcript struct {
	Scenario   string            // the scenario's id, such as "tour"
	Title      string            // its title
	Seed       uint64            // the seed that replays this run exactly
	Intro      []Paragraph       // paragraphs before the first act
	Schemes    []attack.SchemeID // the schemes the run shows, in order
	Keys       *Table            // the key chart: every key in the story, who holds it, what it opens
	Acts       []Act             // the acts, in order
	Summary    *Table            // the closing summary, if any
	Closing    []Paragraph       // paragraphs after the summary
	References []Reference       // every reference cited, in number order
	Failed     int               // predictions that did not hold (scenarios written as data)
	Charts     []Chart           // figures of measured results, for renderers that draw
}

// Paragraph is prose with the references it cites, kept apart so that
// each renderer writes citations its own way (a link, a superscript).
type Paragraph struct {
	Text  string
	Cites []int // numbers of the references it relies on
}

// Act is one numbered part of a transcript.
type Act struct {
	Number int
	Title  string
	Intro  string // a sentence or two setting the scene, in plain words
	Steps  []Step
}

// Step is one thing one actor did.
type Step struct {
	Actor   string    // who acted: "Alice's phone", "NIST (escrow agent 1)"
	Action  string    // what they did, in plain words
	Values  []Value   // the values involved, plain words first, bytes second
	Outcome Outcome   // what came of it, if worth stating
	Note    string    // why it matters, for a reader new to the subject
	Cites   []int     // numbers of the references this step relies on
	Table   *Table    // a table of measured results, if the step produced one
	Figure  *Chart    // a picture of what the step shows, such as the LEAF's layers
	Quiz    *Question // a question its outcome answers, for quiz mode
}

// Question is a prediction a step's outcome settles, asked in quiz mode
// before the outcome is shown. Answer is worked out from the run's
// measurement, never written in advance.
type Question struct {
	Prompt  string
	Choices []string
	Answer  int // index into Choices
}

// Value is one labelled value shown in a step. Exactly one of Text and Bytes
// is set. Indent nests a value under the one before it, as the fields of a
// decoded LEAF sit under the LEAF.
type Value struct {
	Label  string
	Text   string
	Bytes  []byte
	Indent int
	// Note compares the value with one shown earlier, so that no reader
	// compares hex by eye: "= KS from 2.1" or "≠ KS from 2.1". It is
	// computed from the bytes, never written by hand.
	Note string
}

// Outcome is the result of a step, with a kind that renderers may show as
// a symbol or a colour (never as colour alone).
type Outcome struct {
	Kind OutcomeKind
	Text string
}

// OutcomeKind classifies an outcome.
type OutcomeKind int

// Outcome kinds.
const (
	// NoOutcome marks a step with nothing to report beyond its action.
	NoOutcome OutcomeKind = iota
	// Done marks a step that worked as its actor intended.
	Done
	// Refused marks a check that said no: a rejected LEAF, a refused warrant.
	Refused
	// Exposed marks traffic or keys that an adversary could read.
	Exposed
	// Sealed marks traffic an adversary tried and failed to read.
	Sealed
)

// Table is a small table of results.
type Table struct {
	Caption string
	Legend  []Definition // what the ids in the header and rows mean, shown before the rows
	Header  []string
	Rows    [][]Cell
}

// Definition says in plain words what a term means.
type Definition struct {
	Term, Text string
}

// Cell is one table cell. A count or a ratio of counts stays a number
// until a renderer formats it.
type Cell struct {
	Kind CellKind
	Text string // the text of a TextCell
	N    int    // a CountCell's count, or a RatioCell's numerator
	Of   int    // a RatioCell's denominator
	Mark string // a symbol after the value that the table's caption explains, such as ◆
}

// CellKind says what a cell holds.
type CellKind int

// Cell kinds.
const (
	TextCell  CellKind = iota // words, or a measurement with its unit ("15.0 ms")
	CountCell                 // a whole number: N
	RatioCell                 // N of Of, shown with its percentage
)

// Text returns a cell holding s.
func Text(s string) Cell { return Cell{Kind: TextCell, Text: s} }

// Count returns a cell holding the number n.
func Count(n int) Cell { return Cell{Kind: CountCell, N: n} }

// Ratio returns a cell holding n of of.
func Ratio(n, of int) Cell { return Cell{Kind: RatioCell, N: n, Of: of} }

// Texts returns a row of text cells.
func Texts(s ...string) []Cell {
	row := make([]Cell, len(s))
	for i, x := range s {
		row[i] = Text(x)
	}
	return row
}

// Percent returns a ratio cell's percentage, rounded half up; 0 for a cell
// of nothing.
func (c Cell) Percent() int { return percent(c.N, c.Of) }

// String writes the cell plainly, as every text renderer shows it: counts
// with thousands separators, ratios as "3/16 19%", then the mark.
func (c Cell) String() string { return c.format(true) }

// Short writes the cell as String does, but a ratio without its
// percentage: "3/16". Renderers use it where space is short.
func (c Cell) Short() string { return c.format(false) }

func (c Cell) format(percentage bool) string {
	var s string
	switch {
	case c.Kind == CountCell:
		s = count(c.N)
	case c.Kind == RatioCell && percentage:
		s = fmt.Sprintf("%d/%d %d%%", c.N, c.Of, c.Percent())
	case c.Kind == RatioCell:
		s = fmt.Sprintf("%d/%d", c.N, c.Of)
	default:
		s = c.Text
	}
	if c.Mark != "" {
		s += " " + c.Mark
	}
	return s
}

// Numeric reports whether the cell holds a number.
func (c Cell) Numeric() bool { return c.Kind != TextCell }

// Reference is one source the transcript cites.
type Reference struct {
	Number    int    // as cited in this transcript, from 1
	Short     string // "FIPS 185 (1994)"
	Full      string // the full citation
	URL       string // where to read it, if public
	Catalogue int    // its number in docs/references.md
}
