package escrow

import (
	"fmt"
	"time"
)

// Warrant is a court order authorising the interception of one chip's
// traffic, as the 1994 escrow procedures required before an agent would
// release a key component.
type Warrant struct {
	UnitID     UnitID    // the chip whose unit key may be released
	Court      string    // the issuing court
	CaseNumber string    // the court's case number
	Issued     time.Time // when the order was signed
	Expires    time.Time // after this the agents refuse it; see the package doc for why that is only policy
}

// validAt reports why w may not be honoured at time now, or nil.
func (w Warrant) validAt(now time.Time) error {
	switch {
	case w.Court == "" || w.CaseNumber == "" || w.Expires.IsZero():
		return fmt.Errorf("escrow: warrant %q: %w", w.CaseNumber, ErrWarrantIncomplete)
	case now.Before(w.Issued):
		return fmt.Errorf("escrow: presented %s, issued %s: %w", now.Format(time.DateOnly), w.Issued.Format(time.DateOnly), ErrWarrantNotYetValid)
	case now.After(w.Expires):
		return fmt.Errorf("escrow: presented %s, expired %s: %w", now.Format(time.DateOnly), w.Expires.Format(time.DateOnly), ErrWarrantExpired)
	}
	return nil
}
