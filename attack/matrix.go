package attack

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
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
	// Progress, if set, counts the work as it is done: one for each
	// session recorded, and one for each session tried under each leak
	// and scheme. MatrixWork says how much there is in all.
	Progress *atomic.Int64
}

// MatrixWork returns how many units of work NewMatrix counts in
// cfg.Progress, for a progress display.
func MatrixWork(cfg MatrixConfig) int64 {
	leaks, schemes := len(cfg.Leaks), len(cfg.Schemes)
	if cfg.Leaks == nil {
		leaks = len(Leaks())
	}
	if cfg.Schemes == nil {
		schemes = len(Schemes())
	}
	return int64(cfg.Sessions) * int64(1+leaks*schemes)
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
	// Interrupted is set when the context ended before every leak was
	// measured: Cells then holds the leaks measured so far.
	Interrupted bool

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
//
// If ctx ends first, NewMatrix returns an error wrapping ErrInterrupted
// and, once the archive is recorded, the matrix of the leaks measured so
// far, marked Interrupted.
func NewMatrix(ctx context.Context, cfg MatrixConfig) (*Matrix, error) {
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
	if err := m.record(ctx, cfg.LeakAfter); err != nil {
		return nil, err
	}
	w.Advance(matrixGap / 2)
	m.LeakTime = w.Now()
	m.Target = Target{Person: w.People[0], Session: max(cfg.LeakAfter, 1)}
	if err := m.leak(leaks, true); err != nil {
		return nil, err
	}
	if err := m.record(ctx, cfg.Sessions-cfg.LeakAfter); err != nil {
		return nil, err
	}
	if err := m.leak(leaks, false); err != nil {
		return nil, err
	}
	m.Cells, err = w.cells(ctx, leaks, m.held, schemes, m.LeakTime, cfg.Progress)
	m.Interrupted = errors.Is(err, ErrInterrupted)
	return m, err
}

// record has n random calls, spaced by random gaps, counting each in the
// progress counter; it stops early if ctx ends.
func (m *Matrix) record(ctx context.Context, n int) error {
	w := m.World
	for range n {
		if ctx.Err() != nil {
			return fmt.Errorf("attack: recording the archive: %d of %d sessions held: %w", len(w.sent), m.Config.Sessions, ErrInterrupted)
		}
		w.Advance(matrixGap/2 + time.Duration(w.traffic.Int64N(int64(matrixGap)+1)))
		if _, err := w.RandomCall(w.traffic, 2+w.traffic.IntN(3)); err != nil {
			return err
		}
		count(m.Config.Progress, 1)
	}
	return nil
}

// count adds n to progress, if there is one.
func count(progress *atomic.Int64, n int) {
	if progress != nil {
		progress.Add(int64(n))
	}
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
	m.Cells, err = w.cells(context.Background(), leaks, m.held, schemes, leakTime, nil)
	return m, err
}

// cells measures what each leak's holdings open under each scheme,
// counting each session tried in progress. If ctx ends, it returns the
// leaks measured so far and an error wrapping ErrInterrupted.
func (w *World) cells(ctx context.Context, leaks []LeakID, held map[LeakID]Holdings, schemes []SchemeID, leakAt time.Time, progress *atomic.Int64) ([]Cell, error) {
	var cells []Cell
	sent := w.Sent()
	for i, id := range leaks {
		if ctx.Err() != nil {
			return cells, fmt.Errorf("attack: %d of %d leaks measured: %w", i, len(leaks), ErrInterrupted)
		}
		a, err := NewAttacker(w, held[id])
		if err != nil {
			return nil, err
		}
		for _, s := range schemes {
			e := Measure(a, w.Tap.Captures(s), sent, leakAt)
			count(progress, e.Total)
			cells = append(cells, Cell{Leak: id, Scheme: s, Total: e.Total, Opened: e.Opened, OpenedBefore: e.OpenedBefore, OpenedAfter: e.OpenedAfter, Metadata: e.Metadata})
		}
	}
	return cells, nil
}

// Cell returns the cell for leak and scheme, and whether it was measured.
func (m *Matrix) Cell(leak LeakID, scheme SchemeID) (Cell, bool) {
	if m == nil {
		return Cell{}, false
	}
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
