package sim

import (
	"fmt"
	"io"
	"maps"
	"sync"
)

// A Manufacturer makes SIMs, such as "Gemalto". It generates each SIM's Ki
// and keeps a copy of every Ki it issued, to ship to operators as a key
// file. That database is the escrow.
//
// A Manufacturer is safe for concurrent use.
type Manufacturer struct {
	name string

	mu   sync.Mutex
	keys map[string]Ki // IMSI -> Ki
}

// NewManufacturer returns a manufacturer called name that has issued no SIMs.
func NewManufacturer(name string) *Manufacturer {
	return &Manufacturer{name: name, keys: make(map[string]Ki)}
}

// Name returns the manufacturer's name.
func (m *Manufacturer) Name() string { return m.name }

// MakeSIM makes a SIM for the subscriber imsi, drawing its Ki from rand, and
// records the Ki in the manufacturer's database. It returns an error
// wrapping [ErrMalformed] for an empty IMSI, and an error for an IMSI it has
// already issued or if rand fails; in those cases nothing is recorded.
func (m *Manufacturer) MakeSIM(rand io.Reader, imsi string) (*SIM, error) {
	if imsi == "" {
		return nil, fmt.Errorf("sim: %s: empty IMSI: %w", m.name, ErrMalformed)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.keys[imsi]; ok {
		return nil, fmt.Errorf("sim: %s: IMSI %q: %w", m.name, imsi, errDuplicateIMSI)
	}
	ki := new(Ki)
	if _, err := io.ReadFull(rand, ki[:]); err != nil {
		return nil, fmt.Errorf("sim: %s: drawing Ki for IMSI %q: %w", m.name, imsi, err)
	}
	m.keys[imsi] = *ki
	return &SIM{imsi: imsi, ki: ki}, nil
}

// Database returns a copy of the manufacturer's key database, mapping each
// IMSI it issued to that SIM's Ki. It is both the key file an operator loads
// and what a theft of the database yields. Changing the copy does not change
// the manufacturer's records.
func (m *Manufacturer) Database() map[string]Ki {
	m.mu.Lock()
	defer m.mu.Unlock()
	return maps.Clone(m.keys)
}

// A SIM is one subscriber's SIM card. It is tamper resistant: it answers
// challenges with its Ki but has no method that returns Ki.
type SIM struct {
	imsi string
	// ki is held behind a pointer so that printing a SIM with the fmt
	// package shows an address, not the key.
	ki *Ki
}

// IMSI returns the subscriber identity the SIM was made for.
func (s *SIM) IMSI() string { return s.imsi }

// Respond returns what the SIM computes from its Ki and the challenge r: the
// SRES it sends back to the network in the clear, and the Kc that encrypts
// the connection. It equals [Derive] with the SIM's Ki.
func (s *SIM) Respond(r RAND) (SRES, Kc) { return Derive(*s.ki, r) }
