package escrow

import (
	"fmt"
	"maps"
	"time"
)

// EscrowAgent holds one component of every chip's unit key and releases a
// component only against a certification naming that chip, presented
// while the interception authority it cites is in force. It logs every
// request, granted or refused.
type EscrowAgent struct {
	name       string
	components map[UnitID]KeyComponent
	log        []Release
}

// Release is one entry of an escrow agent's log.
type Release struct {
	At            time.Time     // when the request was made
	Certification Certification // the certification presented
	Err           error         // why the request was refused, or nil if the component was released
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

// Release returns the component for c.UnitID if c is complete and the
// authority it cites is in force at time now, and logs the request either
// way.
func (a *EscrowAgent) Release(c Certification, now time.Time) (KeyComponent, error) {
	k, err := a.release(c, now)
	a.log = append(a.log, Release{At: now, Certification: c, Err: err})
	return k, err
}

func (a *EscrowAgent) release(c Certification, now time.Time) (KeyComponent, error) {
	if err := c.validAt(now); err != nil {
		return KeyComponent{}, fmt.Errorf("escrow: %s refuses the certification for docket %s: %w", a.name, c.Docket, err)
	}
	k, ok := a.components[c.UnitID]
	if !ok {
		return KeyComponent{}, fmt.Errorf("escrow: %s, docket %s, unit %s: %w", a.name, c.Docket, c.UnitID, ErrUnknownUnit)
	}
	return k, nil
}

// Log returns a copy of the agent's request log, oldest first.
func (a *EscrowAgent) Log() []Release { return append([]Release(nil), a.log...) }

// Database returns a copy of the agent's whole database: what a breach of
// this agent, or an insider, would carry away.
func (a *EscrowAgent) Database() map[UnitID]KeyComponent { return maps.Clone(a.components) }
