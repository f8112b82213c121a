package sim

import (
	"bytes"
	"errors"
	"testing"
)

func TestUnexportedSentinels(t *testing.T) {
	m := NewManufacturer("Gemalto")
	if _, err := m.MakeSIM(bytes.NewReader(make([]byte, KiSize)), "001"); err != nil {
		t.Fatal(err)
	}
	if _, err := m.MakeSIM(bytes.NewReader(make([]byte, KiSize)), "001"); !errors.Is(err, errDuplicateIMSI) {
		t.Errorf("duplicate IMSI: err = %v, want errDuplicateIMSI", err)
	}
	op := NewOperator("Orange", m.Database())
	if _, _, _, err := op.Challenge(bytes.NewReader(make([]byte, RANDSize)), "002"); !errors.Is(err, errUnknownIMSI) {
		t.Errorf("unknown IMSI: err = %v, want errUnknownIMSI", err)
	}
	if _, _, _, err := NewOperator("Empty", nil).Challenge(bytes.NewReader(make([]byte, RANDSize)), "001"); !errors.Is(err, errUnknownIMSI) {
		t.Errorf("nil key file: err = %v, want errUnknownIMSI", err)
	}
}
