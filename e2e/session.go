package e2e

import (
	"fmt"
	"math"
)

// A Session is one side of an established conversation. It holds a send key,
// a receive key and a sequence counter for each direction. Messages must be
// opened in the order they were sealed. A Session is not safe for concurrent
// use.
type Session struct {
	send, recv       [32]byte
	sendSeq, recvSeq uint64
	initiator        bool
}

func newSession(k Keys, initiator bool) *Session {
	if initiator {
		return &Session{send: k.InitiatorToResponder, recv: k.ResponderToInitiator, initiator: true}
	}
	return &Session{send: k.ResponderToInitiator, recv: k.InitiatorToResponder}
}

// Keys returns a copy of the session's traffic keys oriented as the
// initiator sees them, whichever side s is, so both sides return equal Keys.
//
// This is what an attacker who compromises an endpoint while the session is
// live learns: every message of this one session, in both directions, and
// nothing about any other session. [Session.EscrowTo] hands the same Keys to
// an authority. It returns zero Keys for a nil Session.
func (s *Session) Keys() Keys {
	switch {
	case s == nil:
		return Keys{}
	case s.initiator:
		return Keys{InitiatorToResponder: s.send, ResponderToInitiator: s.recv}
	default:
		return Keys{InitiatorToResponder: s.recv, ResponderToInitiator: s.send}
	}
}

// Seal encrypts and authenticates plaintext as the next message to the peer
// and returns the wire form: an 8-byte big-endian sequence number followed
// by the ChaCha20-Poly1305 ciphertext and tag.
//
// Seal panics if the 2^64-1 sequence numbers of the session are exhausted,
// rather than reuse a nonce.
func (s *Session) Seal(plaintext []byte) []byte {
	if s.sendSeq == math.MaxUint64 {
		panic("e2e: session sequence numbers exhausted")
	}
	out := sealMessage(s.send, s.sendSeq, plaintext)
	s.sendSeq++
	return out
}

// Open authenticates and decrypts the next message from the peer. It returns
// an error wrapping ErrMalformed for a message too short to parse,
// ErrAuthentication for a tampered or foreign message, and ErrReplay for an
// authentic message that is not the next one expected. A rejected message
// does not change the session's state.
func (s *Session) Open(sealed []byte) ([]byte, error) {
	seq, plaintext, err := OpenMessage(s.recv, sealed)
	if err != nil {
		return nil, err
	}
	if seq != s.recvSeq {
		return nil, fmt.Errorf("e2e: got message %d, want %d: %w", seq, s.recvSeq, ErrReplay)
	}
	s.recvSeq++
	return plaintext, nil
}
