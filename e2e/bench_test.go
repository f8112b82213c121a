package e2e

import (
	"bytes"
	"testing"
)

func BenchmarkHandshake(b *testing.B) {
	r := chacha(60)
	alice, bob := pair(b, r)
	alicePub, bobPub := alice.Public(), bob.Public()
	b.ReportAllocs()
	for b.Loop() {
		h, hello, err := Initiate(r, alice, bobPub)
		if err != nil {
			b.Fatal(err)
		}
		_, reply, err := Respond(r, bob, alicePub, hello)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := h.Finish(reply); err != nil {
			b.Fatal(err)
		}
	}
}

// benchSessions returns an established pair of sessions.
func benchSessions(b *testing.B) (initiator, responder *Session) {
	b.Helper()
	r := chacha(61)
	alice, bob := pair(b, r)
	h, hello, err := Initiate(r, alice, bob.Public())
	if err != nil {
		b.Fatal(err)
	}
	responder, reply, err := Respond(r, bob, alice.Public(), hello)
	if err != nil {
		b.Fatal(err)
	}
	if initiator, err = h.Finish(reply); err != nil {
		b.Fatal(err)
	}
	return initiator, responder
}

func BenchmarkSeal1K(b *testing.B) {
	s, _ := benchSessions(b)
	msg := bytes.Repeat([]byte{'x'}, 1024)
	b.SetBytes(int64(len(msg)))
	b.ReportAllocs()
	for b.Loop() {
		s.Seal(msg)
	}
}

func BenchmarkOpen1K(b *testing.B) {
	s, r := benchSessions(b)
	sealed := s.Seal(bytes.Repeat([]byte{'x'}, 1024))
	b.SetBytes(1024)
	b.ReportAllocs()
	for b.Loop() {
		r.recvSeq = 0 // reopen the same message without tripping replay protection
		if _, err := r.Open(sealed); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkStartStatic(b *testing.B) {
	r := chacha(62)
	bob, err := NewStaticKey(r)
	if err != nil {
		b.Fatal(err)
	}
	pub := bob.Public()
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := StartStatic(r, pub); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkOpenEscrow(b *testing.B) {
	s, _ := benchSessions(b)
	auth, err := NewAuthority(chacha(63))
	if err != nil {
		b.Fatal(err)
	}
	field, err := s.EscrowTo(chacha(64), auth.Public())
	if err != nil {
		b.Fatal(err)
	}
	priv := auth.PrivateKey()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := OpenEscrow(priv, field); err != nil {
			b.Fatal(err)
		}
	}
}
