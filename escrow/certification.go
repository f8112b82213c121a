package escrow

import (
	"fmt"
	"time"
)

// Certification is what an investigating agency presents to an escrow
// agent to obtain a key component. Under the Attorney General's
// procedures of 4 February 1994 the court order authorises the
// interception, and the agents release components on the agency's
// certification that it holds such authority: the chip's unit ID (read
// from a LEAF of the intercepted traffic), the date the authority ends,
// and the docket number of the order. The agents check the certification,
// not the order itself.
type Certification struct {
	Agency string    // the agency that certifies
	UnitID UnitID    // the chip whose unit key may be released
	Docket string    // the docket number of the court order
	Begins time.Time // when the interception authority began
	Ends   time.Time // when it ends: from this moment the agents refuse; see the package doc for why that is only policy
}

// LastDay is the last day on which the authority is in force.
func (c Certification) LastDay() time.Time { return c.Ends.Add(-time.Nanosecond) }

// validAt reports why c may not be honoured at time now, or nil.
func (c Certification) validAt(now time.Time) error {
	switch {
	case c.Agency == "" || c.Docket == "" || c.Ends.IsZero():
		return fmt.Errorf("escrow: certification for docket %q: %w", c.Docket, ErrCertificationIncomplete)
	case now.Before(c.Begins):
		return fmt.Errorf("escrow: presented %s, authority begins %s: %w", now.Format(time.DateOnly), c.Begins.Format(time.DateOnly), ErrAuthorityNotYetValid)
	case !now.Before(c.Ends):
		return fmt.Errorf("escrow: presented %s, authority ended after %s: %w", now.Format(time.DateOnly), c.LastDay().Format(time.DateOnly), ErrAuthorityEnded)
	}
	return nil
}
