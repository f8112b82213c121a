package scenario

import (
	"bytes"
	"fmt"
	"slices"

	"github.com/escrowlab/escrowlab/attack"
)

// builder assembles a Transcript act by act and collects the references
// it cites, by their numbers in docs/references.md; finish numbers them
// afresh for the handout.
type builder struct {
	t     *Transcript
	cited []int            // catalogue numbers, in the order first cited
	kept  map[string]shown // values later steps compare against, by name
}

// shown is a value as a step showed it, and that step's number.
type shown struct {
	step  string
	bytes []byte
}

func newBuilder(id, title string, seed uint64) *builder {
	return &builder{t: &Transcript{Scenario: id, Title: title, Seed: seed}, kept: map[string]shown{}}
}

// keep remembers v under name, as shown by the step about to be added, so
// that later steps can say whether they show the same value.
func (b *builder) keep(name string, v []byte) {
	a := b.t.Acts[len(b.t.Acts)-1]
	b.kept[name] = shown{fmt.Sprintf("%d.%d", a.Number, len(a.Steps)+1), slices.Clone(v)}
}

// against notes on v whether its bytes equal the value kept under name:
// "= KS from 2.1" or "≠ KS from 2.1".
func (b *builder) against(name string, v Value) Value {
	k, ok := b.kept[name]
	if !ok {
		return v
	}
	rel := "≠"
	if bytes.Equal(k.bytes, v.Bytes) {
		rel = "="
	}
	v.Note = fmt.Sprintf("%s %s from %s", rel, name, k.step)
	return v
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
		if !slices.Contains(b.cited, n) {
			b.cited = append(b.cited, n)
		}
	}
}

// finish numbers the references the transcript cites 1, 2, 3... in the
// order a reader meets them, rewrites every citation to match, lists only
// those references, and returns the transcript. References cited by the
// whole scenario but by no paragraph or step come last.
func (b *builder) finish() *Transcript {
	local := map[int]int{}
	order := func(cites []int) {
		for _, n := range cites {
			if _, ok := local[n]; !ok && slices.Contains(b.cited, n) {
				local[n] = len(local) + 1
			}
		}
	}
	b.walkCites(order)
	order(b.cited)
	b.walkCites(func(cites []int) {
		for i, n := range cites {
			cites[i] = local[n]
		}
	})
	b.t.References = make([]Reference, len(local))
	for _, src := range references {
		if n, ok := local[src.number]; ok {
			r := src.reference()
			r.Number = n
			b.t.References[n-1] = r
		}
	}
	return b.t
}

// walkCites calls f with each list of citations in reading order: the
// introduction, each act's steps, then the closing paragraphs.
func (b *builder) walkCites(f func([]int)) {
	for _, p := range b.t.Intro {
		f(p.Cites)
	}
	for _, a := range b.t.Acts {
		for _, s := range a.Steps {
			f(s.Cites)
		}
	}
	for _, p := range b.t.Closing {
		f(p.Cites)
	}
}

// keyChart lists, in plain words, every key of the given schemes: who
// holds it, what it opens, and an everyday comparison.
func keyChart(schemes []attack.SchemeID) *Table {
	t := &Table{Caption: "The keys in this story", Header: []string{"Key", "Held by", "Opens", "Think of it as"}}
	seen := map[string]bool{}
	for _, id := range schemes {
		s, err := attack.LookupScheme(string(id))
		if err != nil {
			continue
		}
		for _, k := range s.Keys {
			if !seen[k.Name] {
				seen[k.Name] = true
				t.Rows = append(t.Rows, Texts(k.Name, k.Holder, k.Opens, k.Like))
			}
		}
	}
	return t
}

// Helpers that keep step literals short.

func text(label, s string) Value          { return Value{Label: label, Text: s} }
func bytesv(label string, b []byte) Value { return Value{Label: label, Bytes: slices.Clone(b)} }
func sub(v Value) Value                   { v.Indent = 1; return v }

// unnested returns vs with none of them nested.
func unnested(vs []Value) []Value {
	for i := range vs {
		vs[i].Indent = 0
	}
	return vs
}
func cites(n ...int) []int { return n }
