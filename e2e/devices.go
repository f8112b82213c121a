package e2e

import (
	"bytes"
	"crypto/ecdh"
	"crypto/ed25519"
	"crypto/sha512"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

const (
	// DeviceCopySize is the length of what [Session.SealToDevice] returns:
	// a 32-byte HPKE encapsulated key, the encrypted 64-byte Keys and a
	// 16-byte tag.
	DeviceCopySize = escrowedKeysSize + hpkeOverhead

	deviceInfo = "escrowlab/e2e-devices/v1"
)

// A DeviceKey is the X25519 key pair of one device on which a user runs
// the app. Messengers that let one account use several devices copy each
// session to every device the provider's directory lists for its
// participants: that list is where the 2018 "ghost" proposal would add a
// silent extra device.
type DeviceKey struct {
	priv *ecdh.PrivateKey
}

// NewDeviceKey creates a device key from 32 bytes read from rand.
func NewDeviceKey(rand io.Reader) (*DeviceKey, error) {
	priv, err := newX25519Key(rand)
	if err != nil {
		return nil, fmt.Errorf("e2e: generating device key: %w", err)
	}
	return &DeviceKey{priv: priv}, nil
}

// Public returns the device's public key, which the provider's directory
// lists. It returns nil for an invalid DeviceKey.
func (d *DeviceKey) Public() *ecdh.PublicKey {
	if d == nil || checkPrivate(d.priv, "device key") != nil {
		return nil
	}
	return d.priv.PublicKey()
}

// PrivateKey returns the device's private key: whoever holds it opens
// every session copy sealed to the device ([OpenDeviceCopy]). It returns
// nil for an invalid DeviceKey.
func (d *DeviceKey) PrivateKey() *ecdh.PrivateKey {
	if d == nil || checkPrivate(d.priv, "device key") != nil {
		return nil
	}
	return d.priv
}

// SealToDevice returns the session's Keys encrypted with HPKE to a device
// the directory lists for a participant, so that device can follow the
// conversation. As in [Session.EscrowTo], HPKE's ephemeral key is made
// from 32 bytes read from rand, so a seeded reader always gives the same
// bytes. It returns an error wrapping ErrMalformed for a nil or non-X25519
// device key, and an error if rand is nil or runs short.
func (s *Session) SealToDevice(rand io.Reader, device *ecdh.PublicKey) ([]byte, error) {
	if s == nil {
		return nil, errors.New("e2e: nil session")
	}
	if err := checkPublic(device, "device key"); err != nil {
		return nil, err
	}
	k := s.Keys()
	pt := append(append(make([]byte, 0, escrowedKeysSize), k.InitiatorToResponder[:]...), k.ResponderToInitiator[:]...)
	clear(k.InitiatorToResponder[:])
	clear(k.ResponderToInitiator[:])
	defer clear(pt)
	return wrap(rand, device, deviceInfo, pt)
}

// OpenDeviceCopy recovers a session's Keys from a copy sealed to the device
// whose private key is priv. It returns an error wrapping ErrMalformed for
// a bad key or length, and ErrAuthentication for a copy sealed to another
// device or tampered with.
func OpenDeviceCopy(priv *ecdh.PrivateKey, sealed []byte) (Keys, error) {
	if err := checkPrivate(priv, "device key"); err != nil {
		return Keys{}, err
	}
	pt, err := unwrap(priv, deviceInfo, sealed, escrowedKeysSize, "device copy")
	if err != nil {
		return Keys{}, err
	}
	defer clear(pt)
	var k Keys
	copy(k.InitiatorToResponder[:], pt[:32])
	copy(k.ResponderToInitiator[:], pt[32:])
	return k, nil
}

// SafetyNumber returns the number a user reads out to a contact to check
// whom they are talking to: a fingerprint of the contact's identity key and
// of every device key the provider's directory lists for them, as 60
// digits in 12 groups of five. If the directory adds a device the contact
// does not own, the number on the user's screen no longer matches the one
// on the contact's: comparing them in person, or checking a public log of
// the directory (key transparency), reveals the extra device.
func SafetyNumber(identity ed25519.PublicKey, devices []*ecdh.PublicKey) string {
	keys := make([][]byte, 0, len(devices))
	for _, d := range devices {
		if d != nil {
			keys = append(keys, d.Bytes())
		}
	}
	slices.SortFunc(keys, bytes.Compare)
	h := sha512.New()
	h.Write([]byte("escrowlab/e2e safety number v1"))
	h.Write(identity)
	for _, k := range keys {
		h.Write(k)
	}
	sum := h.Sum(nil)
	groups := make([]string, 12)
	for i := range groups {
		// Five bytes give a number below 2^40; five digits of it suffice.
		v := binary.BigEndian.Uint64(append([]byte{0, 0, 0}, sum[5*i:5*i+5]...))
		groups[i] = fmt.Sprintf("%05d", v%100000)
	}
	return strings.Join(groups, " ")
}
