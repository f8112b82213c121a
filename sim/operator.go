package sim

import (
	"fmt"
	"io"
	"maps"
)

// An Operator is a mobile network's authentication centre. It holds the key
// file its SIM manufacturer shipped, and so can derive every subscriber's
// session keys: in GSM the operator sees all traffic in plaintext.
//
// An Operator is safe for concurrent use.
type Operator struct {
	name string
	keys map[string]Ki // IMSI -> Ki; never modified after NewOperator
}

// NewOperator returns an operator called name that has loaded keyFile, the
// IMSI-to-Ki map the manufacturer shipped (see [Manufacturer.Database]).
// It keeps its own copy, so later changes to keyFile do not affect it.
func NewOperator(name string, keyFile map[string]Ki) *Operator {
	keys := maps.Clone(keyFile)
	if keys == nil {
		keys = make(map[string]Ki)
	}
	return &Operator{name: name, keys: keys}
}

// Challenge starts authenticating the subscriber imsi. It draws a fresh RAND
// from rand and returns it, to be sent to the SIM in the clear, with the
// SRES the SIM must answer and the Kc that will encrypt the connection. It
// returns an error, without reading rand, if imsi is not in the key file.
func (o *Operator) Challenge(rand io.Reader, imsi string) (RAND, SRES, Kc, error) {
	ki, ok := o.keys[imsi]
	if !ok {
		return RAND{}, SRES{}, Kc{}, fmt.Errorf("sim: %s: IMSI %q: %w", o.name, imsi, errUnknownIMSI)
	}
	var r RAND
	if _, err := io.ReadFull(rand, r[:]); err != nil {
		return RAND{}, SRES{}, Kc{}, fmt.Errorf("sim: %s: drawing RAND for IMSI %q: %w", o.name, imsi, err)
	}
	sres, kc := Derive(ki, r)
	return r, sres, kc, nil
}
