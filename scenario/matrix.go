package scenario

import (
	"fmt"
	"strings"

	"github.com/escrowlab/escrowlab/attack"
	"github.com/escrowlab/escrowlab/internal/plural"
)

// metadataMark flags a cell in which the attacker learned who called whom.
const metadataMark = "◆"

// leakWords says in plain words what each leak hands the adversary, for a
// person named p.
func leakWords(id attack.LeakID, p string) string {
	switch id {
	case attack.NoLeak:
		return "nothing but the wiretap"
	case attack.FamilyKeyLeak:
		return "the family key KF"
	case attack.Agent1DB:
		return "agent 1's database"
	case attack.Agent2DB:
		return "agent 2's database"
	case attack.QuorumDBs:
		return "a quorum of databases, KF"
	case attack.EscrowDBs:
		return "every database and KF"
	case attack.SIMDB:
		return "the SIM maker's keys"
	case attack.UnitKeyLeak:
		return p + "'s unit key, kept"
	case attack.DeviceSeizure:
		return p + "'s phone, seized"
	case attack.AuthorityKeyLeak:
		return "the authority's key"
	case attack.SessionKeyLeak:
		return "one session's keys"
	}
	return string(id)
}

// MatrixTranscript writes up an exposure matrix: the table of leaks against
// schemes, each cell measured, a two-line reading drawn from the cells, and
// charts of the same measurements.
func MatrixTranscript(m *attack.Matrix) (*Transcript, error) {
	cfg := m.Config
	b := newBuilder("matrix", "Exposure matrix: what each leak opens", cfg.Seed)
	b.intro(fmt.Sprintf("%s held %s, each recorded under %s; the leak happens after session %d, on %s. Every cell is measured: the attacker tries every captured session with only the leaked material, and a session counts as opened only if every message comes out exactly as said.", plural.Count(cfg.People, "person"), plural.Count(cfg.Sessions, "session"), plural.Count(len(matrixSchemes(m)), "scheme"), cfg.LeakAt, m.LeakAt.Format(dateFormat)))
	b.intro(fmt.Sprintf("clipper: the Escrowed Encryption Standard. threshold: Clipper with each unit key split %d-of-%d among %d agents. sim: GSM-style SIM cards whose keys the manufacturer keeps. e2e-static: end-to-end without forward secrecy, as PGP. e2e-fs: end-to-end with forward secrecy. e2e-escrowed: forward secrecy plus a copy of every session key for an authority, the exceptional access demanded in 2015.", attack.ThresholdK, attack.ThresholdN, attack.ThresholdN), refFIPS185, refDoormats2015)
	b.intro(leakLegend(m))
	b.intro(fmt.Sprintf("%s marks cells where the attacker also learns who called whom without reading a word. The seed is %d.", metadataMark, cfg.Seed))
	b.t.Summary = matrixTable(m)
	b.t.Closing = matrixReading(m)
	charts, err := matrixCharts(m)
	if err != nil {
		return nil, err
	}
	b.t.Charts = charts
	return b.finish(), nil
}

// leakLegend says in words what each measured leak hands the adversary.
func leakLegend(m *attack.Matrix) string {
	var parts []string
	for _, c := range m.Cells {
		if len(parts) == 0 || !strings.HasPrefix(parts[len(parts)-1], string(c.Leak)+": ") {
			w := leakWords(c.Leak, m.Target.Person.Name)
			if c.Leak == attack.SessionKeyLeak {
				w = fmt.Sprintf("the keys of session %d", m.Target.Session)
			}
			parts = append(parts, string(c.Leak)+": "+w)
		}
	}
	return "Leaks: " + strings.Join(parts, "; ") + "."
}

// matrixSchemes lists the schemes measured, in order.
func matrixSchemes(m *attack.Matrix) []attack.Scheme {
	var schemes []attack.Scheme
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
	var leaks []attack.LeakID
	for _, c := range m.Cells {
		if len(leaks) == 0 || leaks[len(leaks)-1] != c.Leak {
			leaks = append(leaks, c.Leak)
		}
	}
	t := &Table{Caption: "Sessions opened, of those captured", Header: []string{"Leak"}}
	for _, s := range schemes {
		t.Header = append(t.Header, string(s))
	}
	for _, l := range leaks {
		row := []string{string(l)}
		for _, s := range schemes {
			c, _ := m.Cell(l, s)
			cell := fmt.Sprintf("%d/%d %d%%", c.Opened, c.Total, percent(c.Opened, c.Total))
			if c.Metadata > 0 {
				cell += " " + metadataMark
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

// matrixReading draws the lesson from the measured cells, one sentence for
// escrow and one for forward secrecy, each only if its cells were measured.
func matrixReading(m *attack.Matrix) []string {
	var out []string
	p := m.Target.Person.Name
	if dbs, ok := m.Cell(attack.EscrowDBs, attack.Clipper); ok {
		s := fmt.Sprintf("Escrow is a single point of failure: the escrow databases with the family key opened %d/%d Clipper sessions, %d of them held after the leak.", dbs.Opened, dbs.Total, dbs.OpenedAfter)
		if auth, ok := m.Cell(attack.AuthorityKeyLeak, attack.E2EEscrowed); ok {
			s += fmt.Sprintf(" Exceptional access rebuilds it: the authority's key opened %d/%d e2e-escrowed sessions.", auth.Opened, auth.Total)
		}
		if kf, ok := m.Cell(attack.FamilyKeyLeak, attack.Clipper); ok {
			s += fmt.Sprintf(" The family key alone opened %d but revealed who called whom in %d/%d.", kf.Opened, kf.Metadata, kf.Total)
		}
		out = append(out, s)
	}
	fs, ok1 := m.Cell(attack.DeviceSeizure, attack.E2EForwardSecret)
	st, ok2 := m.Cell(attack.DeviceSeizure, attack.E2EStatic)
	if ok1 && ok2 {
		worst := 0
		for _, c := range m.Cells {
			if c.Scheme == attack.E2EForwardSecret && c.Leak != attack.SessionKeyLeak {
				worst = max(worst, c.Opened)
			}
		}
		rest := "no leak but a session's own keys opened any e2e-fs session"
		if worst > 0 {
			rest = fmt.Sprintf("leaks other than a session's own keys opened at most %d e2e-fs sessions", worst)
		}
		out = append(out, fmt.Sprintf("Forward secrecy contains the damage: seizing %s's phone opened %d e2e-fs sessions but %d e2e-static ones (those sent to %s), and %s.", p, fs.Opened, st.Opened, p, rest))
	}
	return out
}
