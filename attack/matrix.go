package attack

import (
	"fmt"
	"time"

	"github.com/escrowlab/escrowlab/internal/cast"
)

// Limits on a generated archive, to keep a classroom run quick.
const (
	MaxPeople   = 500
	MaxSessions = 5000
)

// MatrixConfig describes an archive to generate and attack.
type MatrixConfig struct {
	People    int        // people in the world, 2 to MaxPeople
	Sessions  int        // sessions recorded, 1 to MaxSessions
	LeakAfter int        // the leak happens after this many sessions, 0 to Sessions
	Seed      uint64     // seeds every key and choice
	Leaks     []LeakID   // the leaks to measure; nil means all
	Schemes   []SchemeID // the schemes to measure; nil means all
}

// Cell is one leak measured against one scheme's archive.
type Cell struct {
	Leak         LeakID
	Scheme       SchemeID
	Total        int // sessions in the archive
	Opened       int // sessions decrypted and verified against what was said
	OpenedBefore int // of those, held before the leak
	OpenedAfter  int // of those, held at or after the leak
	Metadata     int // sessions whose two parties the attacker identified
}

// Matrix is every leak measured against every scheme over one archive.
type Matrix struct {
	Config   MatrixConfig
	World    *World
	LeakTime time.Time // when the leak happened
	Target   Target    // whose secrets the per-person and per-session leaks give away
	Cells    []Cell    // leaks in order, each with the schemes in order

	held map[LeakID]Holdings
}

// matrixStart is day 0 of a generated archive.
var matrixStart = time.Date(1994, time.March, 1, 9, 0, 0, 0, time.UTC)

// matrixGap is the mean time between generated sessions.
const matrixGap = 36 * time.Hour

// NewMatrix generates the archive cfg describes and measures every leak
// against every scheme. Access capabilities are seized at the moment of
// the leak, so they read only what passes after it; key material opens
// whatever it can.
func NewMatrix(cfg MatrixConfig) (*Matrix, error) {
	switch {
	case cfg.People < 2 || cfg.People > MaxPeople:
		return nil, fmt.Errorf("attack: %d people: want 2 to %d", cfg.People, MaxPeople)
	case cfg.Sessions < 1 || cfg.Sessions > MaxSessions:
		return nil, fmt.Errorf("attack: %d sessions: want 1 to %d", cfg.Sessions, MaxSessions)
	case cfg.LeakAfter < 0 || cfg.LeakAfter > cfg.Sessions:
		return nil, fmt.Errorf("attack: leak after session %d: want 0 to %d", cfg.LeakAfter, cfg.Sessions)
	}
	leaks, schemes := cfg.Leaks, cfg.Schemes
	if leaks == nil {
		leaks = LeakIDs()
	}
	w, err := NewWorld(Config{People: cast.Names(cfg.People), Seed: cfg.Seed, Start: matrixStart, Schemes: schemes})
	if err != nil {
		return nil, err
	}
	if schemes == nil {
		schemes = w.SchemeIDs()
	}
	m := &Matrix{Config: cfg, World: w, held: map[LeakID]Holdings{}}
	if err := w.RandomCalls(cfg.LeakAfter, matrixGap); err != nil {
		return nil, err
	}
	w.Advance(matrixGap / 2)
	m.LeakTime = w.Now()
	m.Target = Target{Person: w.People[0], Session: max(cfg.LeakAfter, 1)}
	if err := m.leak(leaks, true); err != nil {
		return nil, err
	}
	if err := w.RandomCalls(cfg.Sessions-cfg.LeakAfter, matrixGap); err != nil {
		return nil, err
	}
	if err := m.leak(leaks, false); err != nil {
		return nil, err
	}
	m.Cells, err = w.cells(leaks, m.held, schemes, m.LeakTime)
	return m, err
}

// leak hands over the leaks that are access capabilities (if access) or
// key material (if not), each to an adversary of its own.
func (m *Matrix) leak(leaks []LeakID, access bool) error {
	for _, id := range leaks {
		info, err := LookupLeak(string(id))
		if err != nil {
			return fmt.Errorf("attack: %w", err)
		}
		if info.Access != access {
			continue
		}
		if m.held[id], err = m.World.Leak(id, m.Target); err != nil {
			return err
		}
	}
	return nil
}

// Matrix measures each leak, handed over now to target, against each
// scheme's archive in w so far, counting sessions from leakTime on as
// after the leak. The tour uses it for the matrix of its own archive.
func (w *World) Matrix(leaks []LeakID, schemes []SchemeID, leakTime time.Time, target Target) (*Matrix, error) {
	before := 0
	for _, c := range w.sent {
		if c.At.Before(leakTime) {
			before++
		}
	}
	m := &Matrix{
		Config:   MatrixConfig{People: len(w.People), Sessions: len(w.sent), LeakAfter: before, Seed: w.seed, Leaks: leaks, Schemes: schemes},
		World:    w,
		LeakTime: leakTime,
		Target:   target,
		held:     make(map[LeakID]Holdings, len(leaks)),
	}
	for _, id := range leaks {
		h, err := w.Leak(id, target)
		if err != nil {
			return nil, err
		}
		m.held[id] = h
	}
	var err error
	m.Cells, err = w.cells(leaks, m.held, schemes, leakTime)
	return m, err
}

// cells measures what each leak's holdings open under each scheme.
func (w *World) cells(leaks []LeakID, held map[LeakID]Holdings, schemes []SchemeID, leakAt time.Time) ([]Cell, error) {
	var cells []Cell
	sent := w.Sent()
	for _, id := range leaks {
		a, err := NewAttacker(w, held[id])
		if err != nil {
			return nil, err
		}
		for _, s := range schemes {
			e := Measure(a, w.Tap.Captures(s), sent, leakAt)
			cells = append(cells, Cell{Leak: id, Scheme: s, Total: e.Total, Opened: e.Opened, OpenedBefore: e.OpenedBefore, OpenedAfter: e.OpenedAfter, Metadata: e.Metadata})
		}
	}
	return cells, nil
}

// Cell returns the cell for leak and scheme, and whether it was measured.
func (m *Matrix) Cell(leak LeakID, scheme SchemeID) (Cell, bool) {
	for _, c := range m.Cells {
		if c.Leak == leak && c.Scheme == scheme {
			return c, true
		}
	}
	return Cell{}, false
}

// Exposure measures again, in detail, what leak opened under scheme: the
// sessions it read and when they were held.
func (m *Matrix) Exposure(leak LeakID, scheme SchemeID) (Exposure, error) {
	h, ok := m.held[leak]
	if !ok {
		return Exposure{}, fmt.Errorf("attack: the %s leak was not measured", leak)
	}
	a, err := NewAttacker(m.World, h)
	if err != nil {
		return Exposure{}, err
	}
	return Measure(a, m.World.Tap.Captures(scheme), m.World.Sent(), m.LeakTime), nil
}
