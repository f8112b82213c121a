package report

import (
	"io"
	"strconv"
	"strings"

	"github.com/escrowlab/escrowlab/scenario"
)

// Outline writes what a scenario is about without running it: its summary,
// cast, events and references, and how to run it.
func Outline(w io.Writer, s scenario.Scenario, opts TextOptions) error {
	r := newRenderer(w, opts)
	r.wrapped(s.Title, 0, sgrBold)
	r.line(strings.Repeat("═", r.width))
	r.paragraph(s.Summary)
	r.heading("Cast")
	r.wrapped(strings.Join(s.Cast, ", "), 0)
	r.heading("What happens")
	for _, e := range s.Events {
		for i, l := range wrap(e, r.width-4) {
			if i == 0 {
				r.line("  • ", l)
			} else {
				r.line("    ", l)
			}
		}
	}
	var refs []scenario.Reference
	for _, ref := range scenario.References() {
		for _, n := range s.References {
			if ref.Number == n {
				refs = append(refs, ref)
			}
		}
	}
	r.references(refs)
	r.emptyLine()
	name := s.ID
	if s.Path != "" {
		name = s.Path
	}
	r.wrapped("Run it: escrowlab scenario run "+name, 0)
	return r.err
}

// List writes one line per scenario: its id and its title.
func List(w io.Writer, all []scenario.Scenario, opts TextOptions) error {
	r := newRenderer(w, opts)
	t := &scenario.Table{Header: []string{"ID", "Title"}}
	for _, s := range all {
		t.Rows = append(t.Rows, scenario.Texts(s.ID, s.Title))
	}
	r.table(t, 0)
	r.emptyLine()
	r.wrapped(strconv.Itoa(len(all))+" built-in scenarios. Show one with 'escrowlab scenario show ID', run it with 'escrowlab scenario run ID'.", 0)
	return r.err
}
