package attack

import "fmt"

// Attacker tries to open captured sessions with one adversary's Holdings
// and nothing else.
type Attacker struct {
	openers map[SchemeID]Opener
}

// NewAttacker prepares an attacker holding h against every scheme deployed
// in w.
func NewAttacker(w *World, h Holdings) (*Attacker, error) {
	a := &Attacker{openers: make(map[SchemeID]Opener, len(w.schemes))}
	for _, d := range w.schemes {
		o, err := d.scheme.Opener(h)
		if err != nil {
			return nil, fmt.Errorf("attack: preparing the %s attack: %w", d.info.ID, err)
		}
		a.openers[d.info.ID] = o
	}
	return a, nil
}

// Open tries to open one captured session. A capture of a scheme the
// attacker was not prepared for stays sealed.
func (a *Attacker) Open(c Capture) Opening {
	o, ok := a.openers[c.Scheme]
	if !ok {
		return Opening{}
	}
	return o.Open(c)
}
