package scenario

import (
	"fmt"

	"github.com/escrowlab/escrowlab/attack"
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
		return attack.FirstAgentName + "'s database"
	case attack.Agent2DB:
		return "Treasury's database"
	case attack.EscrowDBs:
		return "both databases and KF"
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
// schemes, each cell measured, and a two-line reading drawn from the cells.
func MatrixTranscript(m *attack.Matrix) *Transcript {
	cfg := m.Config
	b := newBuilder("matrix", "Exposure matrix: what each leak opens", cfg.Seed)
	b.intro(fmt.Sprintf("%d people held %d sessions, each recorded under four schemes; the leak happens after session %d, on %s. Every cell is measured: the attacker tries every captured session with only the leaked material, and a session counts as opened only if every message comes out exactly as said.", cfg.People, cfg.Sessions, cfg.LeakAt, m.LeakAt.Format(dateFormat)))
	b.intro("clipper: the Escrowed Encryption Standard. e2e-static: end-to-end without forward secrecy, as PGP. e2e-fs: end-to-end with forward secrecy. e2e-escrowed: forward secrecy plus a copy of every session key for an authority, the exceptional access demanded in 2015.", refFIPS185, refDoormats2015)
	b.intro(fmt.Sprintf("The unit-key and device-seizure rows concern %s; the session-key row leaks session %d. %s marks cells where the attacker also learns who called whom without reading a word. The seed is %d.", m.Target.Person.Name, m.Target.Session, metadataMark, cfg.Seed))
	b.t.Summary = matrixTable(m)
	b.t.Closing = matrixReading(m)
	return b.finish()
}

// matrixTable lays the cells out with leaks as rows and schemes as columns.
func matrixTable(m *attack.Matrix) *Table {
	var schemes []attack.Scheme
	var leaks []attack.LeakID
	for _, c := range m.Cells {
		if len(leaks) == 0 || leaks[len(leaks)-1] != c.Leak {
			leaks = append(leaks, c.Leak)
		}
		if len(leaks) == 1 {
			schemes = append(schemes, c.Scheme)
		}
	}
	t := &Table{Caption: "Sessions opened, of those captured", Header: []string{"Leak"}}
	for _, s := range schemes {
		t.Header = append(t.Header, string(s))
	}
	for _, l := range leaks {
		row := []string{string(l) + ": " + leakWords(l, m.Target.Person.Name)}
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
		s := fmt.Sprintf("Escrow is a single point of failure: both escrow databases with the family key opened %d/%d Clipper sessions, %d of them held after the leak.", dbs.Opened, dbs.Total, dbs.OpenedAfter)
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
