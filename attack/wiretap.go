package attack

import (
	"time"

	"github.com/escrowlab/escrowlab/escrow"
	"github.com/escrowlab/escrowlab/sim"
)

// Wiretap records what a passive eavesdropper on the network sees of every
// session, under every scheme. It does not see names: only bytes on the wire
// and when they passed.
type Wiretap struct {
	captures []Capture
}

// Capture is what the wiretap saw of one session under one scheme. Exactly
// one of Clipper, SIM and E2E is set.
type Capture struct {
	Session int       // the conversation's number, the same under every scheme
	At      time.Time // when the session began
	Scheme  Scheme
	Clipper *ClipperCapture // clipper and threshold
	SIM     *SIMCapture
	E2E     *E2ECapture
}

// ClipperCapture is a Clipper call on the wire: the two key-exchange values,
// then one transmission (LEAF, IV, ciphertext) per message.
type ClipperCapture struct {
	Exchange      [2][32]byte
	Transmissions []*escrow.Transmission
}

// SIMCapture is a mobile call on the air: each party's radio leg carries
// the network's challenge and the SIM's response in the clear, then that
// party's messages encrypted under the leg's key.
type SIMCapture struct {
	Legs     [2]SIMLeg // the caller's leg, then the callee's
	Messages []SIMMessage
}

// SIMLeg is the authentication seen on one radio leg.
type SIMLeg struct {
	RAND sim.RAND
	SRES sim.SRES
}

// SIMMessage is one message on the air, on the sender's leg.
type SIMMessage struct {
	Leg    int // 0: sent by the caller; 1: by the callee
	Sealed []byte
}

// E2ECapture is an end-to-end session on the wire: how its keys were set up,
// then the sealed messages in the order sent.
type E2ECapture struct {
	Hello, Reply []byte   // the ephemeral handshake (e2e-fs, e2e-escrowed)
	Wrapped      []byte   // the session key wrapped to the callee's static key (e2e-static)
	Escrow       []byte   // the session keys sealed to the authority (e2e-escrowed)
	Sealed       [][]byte // the messages
}

// record appends c to the archive.
func (t *Wiretap) record(c Capture) { t.captures = append(t.captures, c) }

// Captures returns the archive, oldest first, optionally only one scheme's.
func (t *Wiretap) Captures(scheme Scheme) []Capture {
	var out []Capture
	for _, c := range t.captures {
		if scheme == "" || c.Scheme == scheme {
			out = append(out, c)
		}
	}
	return out
}
