package escrow

import (
	"fmt"
	"maps"
	"time"
)

// EscrowAgent holds one component of every chip's unit key and releases a
// component only against a valid warrant naming that chip. It logs every
// request, granted or refused.
type EscrowAgent struct {
	name       string
	components map[UnitID]KeyComponent
	log        []Release
}

// Release is one entry of an escrow agent's log.
type Release struct {
	At      time.Time // when the request was made
	Warrant Warrant   // the warrant presented
	Err     error     // why the request was refused, or nil if the component was released
}

// NewEscrowAgent returns an agent with an empty database.
func NewEscrowAgent(name string) *EscrowAgent {
	return &EscrowAgent{name: name, components: make(map[UnitID]KeyComponent)}
}

// Name returns the agent's name.
func (a *EscrowAgent) Name() string { return a.name }

// Units returns how many chips' components the agent holds.
func (a *EscrowAgent) Units() int { return len(a.components) }

// deposit records the component of a newly made chip.
func (a *EscrowAgent) deposit(id UnitID, c KeyComponent) { a.components[id] = c }

// Release returns the component for w.UnitID if w is complete and in force
// at time now, and logs the request either way.
func (a *EscrowAgent) Release(w Warrant, now time.Time) (KeyComponent, error) {
	c, err := a.release(w, now)
	a.log = append(a.log, Release{At: now, Warrant: w, Err: err})
	return c, err
}

func (a *EscrowAgent) release(w Warrant, now time.Time) (KeyComponent, error) {
	if err := w.validAt(now); err != nil {
		return KeyComponent{}, fmt.Errorf("escrow: %s refuses warrant %s: %w", a.name, w.CaseNumber, err)
	}
	c, ok := a.components[w.UnitID]
	if !ok {
		return KeyComponent{}, fmt.Errorf("escrow: %s, warrant %s, unit %s: %w", a.name, w.CaseNumber, w.UnitID, ErrUnknownUnit)
	}
	return c, nil
}

// Log returns a copy of the agent's request log, oldest first.
func (a *EscrowAgent) Log() []Release { return append([]Release(nil), a.log...) }

// Database returns a copy of the agent's whole database: what a breach of
// this agent, or an insider, would carry away.
func (a *EscrowAgent) Database() map[UnitID]KeyComponent { return maps.Clone(a.components) }
