package scenario

import (
	"fmt"

	"github.com/escrowlab/escrowlab/attack"
	"github.com/escrowlab/escrowlab/internal/human"
	"github.com/escrowlab/escrowlab/internal/plural"
)

// metadataMark flags a cell in which the attacker learned who called whom.
const metadataMark = "◆"

// MatrixTranscript writes up an exposure matrix: the table of leaks against
// schemes, each cell measured, a two-line reading drawn from the cells, and
// charts of the same measurements.
func MatrixTranscript(m *attack.Matrix) (*Transcript, error) {
	cfg := m.Config
	b := newBuilder("matrix", "Exposure matrix: what each leak opens", cfg.Seed)
	after := "before the first call"
	if cfg.LeakAfter > 0 {
		after = "after call " + human.Count(cfg.LeakAfter)
	}
	b.intro(fmt.Sprintf("%s made %s, each recorded under %s; the leak happens %s, on %s. Every cell is measured: the attacker tries every recorded call with only the leaked material, and a call counts as opened only if every message comes out exactly as said. The seed is %d.", plural.Count(cfg.People, "person"), plural.Count(cfg.Sessions, "call"), plural.Count(len(matrixSchemes(m)), "scheme"), after, m.LeakTime.Format(dateFormat), cfg.Seed), refFIPS185, refDoormats2015)
	b.t.Schemes = matrixSchemes(m)
	b.t.Summary = matrixTable(m)
	b.t.Summary.Legend = matrixLegend(m, func(s attack.SchemeInfo) string { return s.Description })
	if m.Interrupted {
		b.closing(fmt.Sprintf("Interrupted: the table holds the %s measured before the run was stopped.", plural.Count(len(matrixLeaks(m)), "leak")))
	}
	for _, p := range matrixReading(m) {
		b.closing(p)
	}
	charts, err := matrixCharts(m)
	if err != nil {
		return nil, err
	}
	b.t.Charts = charts
	return b.finish(), nil
}

// matrixLegend says in plain words what each scheme and leak id of a
// matrix means, and what the metadata mark means. Each scheme is described
// by describe: in full where the handout has not met the schemes before,
// by its title where it has.
func matrixLegend(m *attack.Matrix, describe func(attack.SchemeInfo) string) []Definition {
	var out []Definition
	for _, id := range matrixSchemes(m) {
		if s, err := attack.LookupScheme(string(id)); err == nil {
			out = append(out, Definition{string(id), describe(s)})
		}
	}
	for _, id := range matrixLeaks(m) {
		if l, err := attack.LookupLeak(string(id)); err == nil {
			out = append(out, Definition{string(id), "a leak of " + l.Describe(m.Target)})
		}
	}
	return append(out, Definition{metadataMark, "the attacker also learned who called whom, without reading a word"})
}

// matrixLeaks lists the leaks measured, in order.
func matrixLeaks(m *attack.Matrix) []attack.LeakID {
	var leaks []attack.LeakID
	for _, c := range m.Cells {
		if len(leaks) == 0 || leaks[len(leaks)-1] != c.Leak {
			leaks = append(leaks, c.Leak)
		}
	}
	return leaks
}

// matrixSchemes lists the schemes measured, in order.
func matrixSchemes(m *attack.Matrix) []attack.SchemeID {
	var schemes []attack.SchemeID
	for _, c := range m.Cells {
		if c.Leak != m.Cells[0].Leak {
			break
		}
		schemes = append(schemes, c.Scheme)
	}
	return schemes
}

// matrixTable lays the cells out with leaks as rows and schemes as columns.
func matrixTable(m *attack.Matrix) *Table {
	schemes := matrixSchemes(m)
	t := &Table{Caption: "Calls opened, of those recorded, by leak (rows) and scheme (columns)", Header: []string{"Leak"}}
	for _, s := range schemes {
		t.Header = append(t.Header, string(s))
	}
	for _, l := range matrixLeaks(m) {
		row := []Cell{Text(string(l))}
		for _, s := range schemes {
			c, _ := m.Cell(l, s)
			cell := Ratio(c.Opened, c.Total)
			if c.Metadata > 0 {
				cell.Mark = metadataMark
			}
			row = append(row, cell)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func percent(n, total int) int {
	if total == 0 {
		return 0
	}
	return (200*n + total) / (2 * total)
}

// matrixReading draws the lessons from the measured cells: each scheme's
// own reading (SchemeInfo.Lesson), in display order, for the schemes
// whose cells were measured.
func matrixReading(m *attack.Matrix) []string {
	var out []string
	for _, s := range attack.Schemes() {
		if s.Lesson == nil {
			continue
		}
		if p := s.Lesson(m); p != "" {
			out = append(out, p)
		}
	}
	return out
}
