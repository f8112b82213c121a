package attack

import (
	"fmt"
	"time"
)

// Warrant is a court order authorising an agency to intercept one
// person's communications for a period. It is in force from Begins until
// Ends, midnight after its last day.
type Warrant struct {
	Target *Person
	Agency string // who holds it
	Court  string // who issued it
	Docket string // the order's docket number
	Begins time.Time
	Ends   time.Time
}

// NewWarrant returns a warrant in force for days days from begins: on the
// day of begins and the days-1 days after it.
func NewWarrant(target *Person, agency, court, docket string, begins time.Time, days int) Warrant {
	y, m, d := begins.Date()
	ends := time.Date(y, m, d+days, 0, 0, 0, 0, begins.Location())
	return Warrant{Target: target, Agency: agency, Court: court, Docket: docket, Begins: begins, Ends: ends}
}

// LastDay returns the last day on which w is in force.
func (w Warrant) LastDay() time.Time { return w.Ends.Add(-time.Nanosecond) }

// Covers reports whether t falls while w is in force.
func (w Warrant) Covers(t time.Time) bool { return !t.Before(w.Begins) && t.Before(w.Ends) }

// Lawful is implemented by schemes with a lawful-access path. Schemes
// without one (forward-secret and static end-to-end encryption) give a
// warrant nothing.
type Lawful interface {
	// Serve carries out w under this scheme at time now and returns what
	// the agency receives, and how, in plain words. A capability it
	// installs (a tap, a hidden device) lasts as long as the scheme's
	// operator honours the warrant's end; key material lasts forever.
	Serve(w Warrant, now time.Time) (Service, error)
}

// Service is what serving a warrant under one scheme gave the agency.
type Service struct {
	Scheme SchemeID
	Items  []any  // what the agency now holds
	How    string // what was done, in plain words, for narration
}

// Serve serves w now under every deployed scheme with a lawful-access path
// and returns what the agency holds as a result, and each scheme's account
// of what it did.
func (w *World) Serve(wt Warrant) (Holdings, []Service, error) {
	if wt.Target == nil || w.Person(wt.Target.Name) != wt.Target {
		return nil, nil, fmt.Errorf("attack: a warrant needs a person of this world")
	}
	var h Holdings
	var done []Service
	for _, d := range w.schemes {
		l, ok := d.scheme.(Lawful)
		if !ok {
			continue
		}
		s, err := l.Serve(wt, w.clock)
		if err != nil {
			return nil, nil, fmt.Errorf("attack: serving docket %s under %s: %w", wt.Docket, d.info.ID, err)
		}
		s.Scheme = d.info.ID
		for _, it := range s.Items {
			h = append(h, Holding{Scheme: d.info.ID, Since: w.clock, Item: it})
		}
		done = append(done, s)
	}
	return h, done, nil
}
