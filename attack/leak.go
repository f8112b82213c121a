package attack

import (
	"fmt"
	"time"
)

// Target says whose secrets a leak that concerns one person or one
// session gives away, and when the leak happens.
type Target struct {
	Person  *Person   // for leaks that need a person
	Session int       // for leaks that need a session
	At      time.Time // set by World.Leak: the moment of the leak
}

// Leak makes leak id happen now, to target t, and returns what the
// adversary receives from every deployed scheme. Key material could be
// handed over at any time; an access capability takes effect from this
// moment, so call Leak once per leak event, when it happens.
func (w *World) Leak(id LeakID, t Target) (Holdings, error) {
	info, err := LookupLeak(string(id))
	if err != nil {
		return nil, fmt.Errorf("attack: %w", err)
	}
	switch {
	case info.Needs == NeedsPerson && t.Person == nil:
		return nil, fmt.Errorf("attack: the %s leak needs a target person", id)
	case info.Needs == NeedsSession && (t.Session < 1 || int64(t.Session) > w.held.Load()):
		return nil, fmt.Errorf("attack: the %s leak needs a session held so far; there is no session %d", id, t.Session)
	}
	t.At = w.clock
	var h Holdings
	for _, d := range w.schemes {
		items, err := d.scheme.Lose(id, t)
		if err == nil && items == nil && info.Like != "" {
			items, err = d.scheme.Lose(info.Like, t)
		}
		if err != nil {
			return nil, fmt.Errorf("attack: %s leak under %s: %w", id, d.info.ID, err)
		}
		for _, it := range items {
			h = append(h, Holding{Leak: id, Scheme: d.info.ID, Since: w.clock, Item: it})
		}
	}
	return h, nil
}
