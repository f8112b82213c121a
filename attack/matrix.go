package attack

import (
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"time"
)

// Limits on a generated archive, to keep a classroom run quick.
const (
	MaxPeople   = 500
	MaxSessions = 5000
)

// MatrixConfig describes an archive to generate and attack.
type MatrixConfig struct {
	People   int      // people in the world, 2 to MaxPeople
	Sessions int      // sessions recorded, 1 to MaxSessions
	LeakAt   int      // the leak happens after this many sessions, 0 to Sessions
	Seed     uint64   // seeds every key and choice
	Leaks    []LeakID // the leaks to measure; nil means all
	Schemes  []Scheme // the schemes to measure; nil means all
}

// Cell is one leak measured against one scheme's archive.
type Cell struct {
	Leak         LeakID
	Scheme       Scheme
	Total        int // sessions in the archive
	Opened       int // sessions decrypted and verified against what was said
	OpenedBefore int // of those, held before the leak
	OpenedAfter  int // of those, held at or after the leak
	Metadata     int // sessions whose two endpoints the attacker identified
}

// Matrix is every leak measured against every scheme over one archive.
type Matrix struct {
	Config MatrixConfig
	World  *World
	LeakAt time.Time // when the leak happened
	Target Target    // whose secrets the per-person and per-session leaks give away
	Cells  []Cell    // leaks in order, each with the schemes in order
}

// NewMatrix generates the archive cfg describes and measures every leak
// against every scheme.
func NewMatrix(cfg MatrixConfig) (*Matrix, error) {
	switch {
	case cfg.People < 2 || cfg.People > MaxPeople:
		return nil, fmt.Errorf("%d people: want 2 to %d", cfg.People, MaxPeople)
	case cfg.Sessions < 1 || cfg.Sessions > MaxSessions:
		return nil, fmt.Errorf("%d sessions: want 1 to %d", cfg.Sessions, MaxSessions)
	case cfg.LeakAt < 0 || cfg.LeakAt > cfg.Sessions:
		return nil, fmt.Errorf("leak after session %d: want 0 to %d", cfg.LeakAt, cfg.Sessions)
	}
	var seed [32]byte
	copy(seed[:], "escrowlab matrix")
	binary.BigEndian.PutUint64(seed[24:], cfg.Seed)
	w, err := NewWorld(rand.NewChaCha8(seed), Config{People: Names(cfg.People), Start: time.Date(1994, time.March, 1, 9, 0, 0, 0, time.UTC)})
	if err != nil {
		return nil, err
	}
	const gap = 36 * time.Hour
	if err := w.RandomCalls(cfg.LeakAt, gap); err != nil {
		return nil, err
	}
	w.Advance(gap / 2)
	leakAt := w.Now()
	if err := w.RandomCalls(cfg.Sessions-cfg.LeakAt, gap); err != nil {
		return nil, err
	}
	target := Target{Person: w.People[0], Session: max(cfg.LeakAt, 1)}
	leaks, schemes := cfg.Leaks, cfg.Schemes
	if leaks == nil {
		leaks = Leaks
	}
	if schemes == nil {
		schemes = Schemes
	}
	cells, err := w.Exposure(leaks, schemes, leakAt, target)
	if err != nil {
		return nil, err
	}
	return &Matrix{Config: cfg, World: w, LeakAt: leakAt, Target: target, Cells: cells}, nil
}

// Exposure measures each leak against each scheme's archive in this world.
func (w *World) Exposure(leaks []LeakID, schemes []Scheme, leakAt time.Time, target Target) ([]Cell, error) {
	var cells []Cell
	sent := w.Sent()
	for _, id := range leaks {
		leak, err := w.LeakOf(id, target)
		if err != nil {
			return nil, err
		}
		a, err := NewAttacker(leak, w.Family.ChecksumBits())
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
func (m *Matrix) Cell(leak LeakID, scheme Scheme) (Cell, bool) {
	for _, c := range m.Cells {
		if c.Leak == leak && c.Scheme == scheme {
			return c, true
		}
	}
	return Cell{}, false
}
