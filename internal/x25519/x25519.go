// Package x25519 computes the X25519 function of RFC 7748 for escrowlab's
// key exchanges (the phones of a Clipper call in package escrow, the
// forward-secret handshake in package e2e), each in one scalar
// multiplication.
//
// golang.org/x/crypto/curve25519.X25519 wraps crypto/ecdh, whose
// NewPrivateKey computes the public key at once: each of its calls, for a
// public key or for an agreement, costs two Montgomery ladders. Here a
// public key is k·B on the Edwards form of the curve, with the precomputed
// tables of filippo.io/edwards25519 (about a third of a ladder), and an
// agreement is one ladder, github.com/cloudflare/circl's (about two thirds
// of crypto/ecdh's on amd64). The results are curve25519.X25519's, bit for
// bit: the tests compare them on thousands of scalars and points.
package x25519

import (
	"errors"

	"filippo.io/edwards25519"
	circl "github.com/cloudflare/circl/dh/x25519"
)

// Sizes of a scalar (a private key) and of a point (a public key or a
// shared secret), in bytes.
const (
	ScalarSize = 32
	PointSize  = 32
)

// ErrLowOrder is SharedSecret's error for a point of small order, whose
// shared secret is zero whatever the scalar: RFC 7748 says to refuse it,
// as crypto/ecdh and golang.org/x/crypto/curve25519 do.
var ErrLowOrder = errors.New("x25519: low-order point: the shared secret would be zero")

// PublicKey returns X25519(scalar, 9), the public key of scalar: the
// scalar, clamped as RFC 7748 says, times the base point. It is computed as
// the Edwards point k·B with a fixed-base table, then mapped to its
// Montgomery u-coordinate, which is the X25519 public key.
func PublicKey(scalar *[ScalarSize]byte) [PointSize]byte {
	s, err := edwards25519.NewScalar().SetBytesWithClamping(scalar[:])
	if err != nil {
		panic("x25519: " + err.Error()) // unreachable: the scalar is 32 bytes
	}
	var out [PointSize]byte
	copy(out[:], new(edwards25519.Point).ScalarBaseMult(s).BytesMontgomery())
	return out
}

// SharedSecret returns X25519(scalar, point): the shared secret of a key
// agreement, in one constant-time Montgomery ladder (circl's, whose field
// arithmetic is in assembly on amd64). As RFC 7748 says, the
// point's top bit is ignored and a non-canonical u-coordinate is reduced; a
// point of small order, whose secret is all zero whatever the scalar,
// gives ErrLowOrder.
func SharedSecret(scalar *[ScalarSize]byte, point *[PointSize]byte) ([PointSize]byte, error) {
	var out circl.Key
	if !circl.Shared(&out, (*circl.Key)(scalar), (*circl.Key)(point)) {
		return out, ErrLowOrder
	}
	return out, nil
}
