package e2e

import (
	"bytes"
	"errors"
	"testing"

	"golang.org/x/crypto/curve25519"
)

func TestFinishWipesScalar(t *testing.T) {
	r := chacha(40)
	alice, bob := pair(t, r)
	h, hello, err := Initiate(r, alice, bob.Public())
	if err != nil {
		t.Fatal(err)
	}
	if isZero(h.scalar[:]) {
		t.Fatal("scalar is zero before Finish; the test would prove nothing")
	}
	_, reply, err := Respond(r, bob, alice.Public(), hello)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.Finish(reply); err != nil {
		t.Fatal(err)
	}
	if !isZero(h.scalar[:]) {
		t.Fatalf("scalar after Finish = %x, want zero", h.scalar)
	}
	if _, err := h.Finish(reply); !errors.Is(err, errFinished) {
		t.Fatalf("second Finish = %v, want errFinished", err)
	}
}

func TestFailedFinishWipesScalar(t *testing.T) {
	r := chacha(41)
	alice, bob := pair(t, r)
	_, otherHello, err := Initiate(r, alice, bob.Public())
	if err != nil {
		t.Fatal(err)
	}
	_, otherReply, err := Respond(r, bob, alice.Public(), otherHello)
	if err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name  string
		reply func(hello, genuine []byte) []byte
		want  error
	}{
		{"nil reply", func(_, _ []byte) []byte { return nil }, ErrMalformed},
		{"short reply", func(_, g []byte) []byte { return g[:50] }, ErrMalformed},
		{"flipped signature", func(_, g []byte) []byte {
			g = bytes.Clone(g)
			g[70] ^= 0x10
			return g
		}, ErrBadSignature},
		{"another session's reply", func(_, _ []byte) []byte { return otherReply }, ErrBadSignature},
		{"signed low-order ephemeral", func(hello, _ []byte) []byte {
			zero := make([]byte, pointSize)
			sig := bob.sign(replyTranscript(hello[:pointSize], zero, alice.Public(), bob.Public()))
			return append(zero, sig...)
		}, ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, hello, err := Initiate(r, alice, bob.Public())
			if err != nil {
				t.Fatal(err)
			}
			_, genuine, err := Respond(r, bob, alice.Public(), hello)
			if err != nil {
				t.Fatal(err)
			}
			if isZero(h.scalar[:]) {
				t.Fatal("scalar is zero before Finish")
			}
			if _, err := h.Finish(tt.reply(hello, genuine)); !errors.Is(err, tt.want) {
				t.Fatalf("Finish = %v, want %v", err, tt.want)
			}
			if !isZero(h.scalar[:]) {
				t.Fatalf("scalar after failed Finish = %x, want zero", h.scalar)
			}
			if _, err := h.Finish(genuine); err == nil {
				t.Fatal("a failed handshake could be finished afterwards")
			}
		})
	}
}

func TestRespondWipesScalar(t *testing.T) {
	r := chacha(42)
	alice, bob := pair(t, r)
	_, hello, err := Initiate(r, alice, bob.Public())
	if err != nil {
		t.Fatal(err)
	}

	// A hello whose ephemeral key is a low-order point, correctly signed, so
	// that Respond fails after it has drawn its scalar.
	lowOrder := make([]byte, pointSize) // the zero point
	badHello := append(bytes.Clone(lowOrder), alice.sign(helloTranscript(lowOrder, alice.Public(), bob.Public()))...)

	tests := []struct {
		name  string
		hello []byte
		want  error
	}{
		{"success", hello, nil},
		{"low-order ephemeral", badHello, ErrMalformed},
		{"bad signature", append([]byte{hello[0] ^ 1}, hello[1:]...), ErrBadSignature},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var scalar [32]byte
			for i := range scalar {
				scalar[i] = 0xEE // must be overwritten and then wiped
			}
			s, reply, err := respond(r, bob, alice.Public(), tt.hello, &scalar)
			if !errors.Is(err, tt.want) || (tt.want == nil && err != nil) {
				t.Fatalf("respond = %v, want %v", err, tt.want)
			}
			if !isZero(scalar[:]) {
				t.Fatalf("scalar after respond = %x, want zero", scalar)
			}
			if err == nil && (s == nil || len(reply) != ReplySize) {
				t.Fatal("no session or reply on success")
			}
		})
	}
}

// TestRespondUsesReaderScalar pins the responder's ephemeral public key to
// the 32 bytes it read, so the wipe tests above are wiping the real scalar.
func TestRespondUsesReaderScalar(t *testing.T) {
	r := chacha(43)
	alice, bob := pair(t, r)
	_, hello, err := Initiate(r, alice, bob.Public())
	if err != nil {
		t.Fatal(err)
	}
	var want [32]byte
	next := chacha(0)
	if _, err := next.Read(want[:]); err != nil {
		t.Fatal(err)
	}
	_, reply, err := Respond(chacha(0), bob, alice.Public(), hello)
	if err != nil {
		t.Fatal(err)
	}
	er, err := curve25519.X25519(want[:], curve25519.Basepoint)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(reply[:pointSize], er) {
		t.Fatal("reply ephemeral is not derived from the reader's 32 bytes")
	}
}
