package scenario

import (
	"slices"
)

// builder assembles a Transcript act by act and collects the references
// its steps cite.
type builder struct {
	t     *Transcript
	cited map[int]bool
}

func newBuilder(id, title string, seed uint64) *builder {
	return &builder{t: &Transcript{Scenario: id, Title: title, Seed: seed}, cited: make(map[int]bool)}
}

// intro adds a paragraph before the first act, citing cites.
func (b *builder) intro(p string, cites ...int) {
	b.cite(cites)
	b.t.Intro = append(b.t.Intro, Paragraph{Text: p, Cites: cites})
}

// closing adds a paragraph after the summary, citing cites.
func (b *builder) closing(p string, cites ...int) {
	b.cite(cites)
	b.t.Closing = append(b.t.Closing, Paragraph{Text: p, Cites: cites})
}

// act starts a new act.
func (b *builder) act(title, intro string) {
	b.t.Acts = append(b.t.Acts, Act{Number: len(b.t.Acts) + 1, Title: title, Intro: intro})
}

// step adds a step to the current act.
func (b *builder) step(s Step) {
	b.cite(s.Cites)
	a := &b.t.Acts[len(b.t.Acts)-1]
	a.Steps = append(a.Steps, s)
}

func (b *builder) cite(numbers []int) {
	for _, n := range numbers {
		b.cited[n] = true
	}
}

// finish attaches the cited references and returns the transcript.
func (b *builder) finish() *Transcript {
	for _, r := range references {
		if b.cited[r.Number] {
			b.t.References = append(b.t.References, r)
		}
	}
	return b.t
}

// Helpers that keep step literals short.

func text(label, s string) Value          { return Value{Label: label, Text: s} }
func bytesv(label string, b []byte) Value { return Value{Label: label, Bytes: slices.Clone(b)} }
func sub(v Value) Value                   { v.Indent = 1; return v }
func cites(n ...int) []int                { return n }
