package e2e_test

import (
	"crypto/ecdh"
	"errors"
	"regexp"
	"testing"

	"github.com/escrowlab/escrowlab/e2e"
)

func newDevice(t *testing.T, seed uint64) *e2e.DeviceKey {
	t.Helper()
	d, err := e2e.NewDeviceKey(seeded(seed))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestDeviceCopy(t *testing.T) {
	c := handshake(t, 1)
	dev, other := newDevice(t, 100), newDevice(t, 101)
	sealed, err := c.aliceS.SealToDevice(c.rand, dev.Public())
	if err != nil {
		t.Fatal(err)
	}
	if len(sealed) != e2e.DeviceCopySize {
		t.Fatalf("copy of %d bytes, want %d", len(sealed), e2e.DeviceCopySize)
	}
	k, err := e2e.OpenDeviceCopy(dev.PrivateKey(), sealed)
	if err != nil || k != c.bobS.Keys() {
		t.Fatalf("the device did not recover the session keys: %v", err)
	}
	msg := c.aliceS.Seal([]byte("hello, all my devices"))
	if _, p, err := e2e.OpenMessage(k.InitiatorToResponder, msg); err != nil || string(p) != "hello, all my devices" {
		t.Fatalf("the device could not read the message: %q, %v", p, err)
	}
	for _, tt := range []struct {
		name   string
		priv   *ecdh.PrivateKey
		sealed []byte
		want   error
	}{
		{"another device", other.PrivateKey(), sealed, e2e.ErrAuthentication},
		{"a flipped bit", dev.PrivateKey(), flipBit(sealed, 300), e2e.ErrAuthentication},
		{"a short copy", dev.PrivateKey(), sealed[1:], e2e.ErrMalformed},
		{"no key", nil, sealed, e2e.ErrMalformed},
	} {
		if _, err := e2e.OpenDeviceCopy(tt.priv, tt.sealed); !errors.Is(err, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, err, tt.want)
		}
	}
	if _, err := c.aliceS.SealToDevice(c.rand, nil); !errors.Is(err, e2e.ErrMalformed) {
		t.Errorf("sealing to no device: %v", err)
	}
	if s, err := c.aliceS.SealToDevice(nil, dev.Public()); err == nil || s != nil {
		t.Errorf("sealing with no random source: %x, %v", s, err)
	}
}

// An extra device in the directory changes the safety number; the order
// in which devices are listed does not.
func TestSafetyNumber(t *testing.T) {
	id := newIdentity(t, seeded(7)).Public()
	own, ghost := newDevice(t, 8).Public(), newDevice(t, 9).Public()
	one := e2e.SafetyNumber(id, []*ecdh.PublicKey{own})
	if !regexp.MustCompile(`^\d{5}( \d{5}){11}$`).MatchString(one) {
		t.Fatalf("safety number %q: want 12 groups of 5 digits", one)
	}
	if e2e.SafetyNumber(id, []*ecdh.PublicKey{own}) != one {
		t.Fatal("the same keys gave two numbers")
	}
	with := e2e.SafetyNumber(id, []*ecdh.PublicKey{own, ghost})
	if with == one {
		t.Fatal("an extra device left the safety number unchanged")
	}
	if e2e.SafetyNumber(id, []*ecdh.PublicKey{ghost, own}) != with {
		t.Fatal("the order of devices changed the safety number")
	}
	if e2e.SafetyNumber(newIdentity(t, seeded(10)).Public(), []*ecdh.PublicKey{own}) == one {
		t.Fatal("another identity gave the same number")
	}
}
