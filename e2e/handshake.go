package e2e

import (
	"crypto/ed25519"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/escrowlab/escrowlab/internal/x25519"
)

const (
	// HelloSize is the length of the initiator's hello: a 32-byte ephemeral
	// X25519 public key followed by a 64-byte Ed25519 signature.
	HelloSize = 96
	// ReplySize is the length of the responder's reply, laid out like the
	// hello.
	ReplySize = 96
)

const (
	pointSize    = x25519.PointSize
	helloContext = "escrowlab/e2e/v1 hello"
	replyContext = "escrowlab/e2e/v1 reply"
)

var errNilIdentity = errors.New("e2e: nil or invalid identity")

// A Handshake is the initiator's state between sending the hello and
// receiving the reply. It holds the ephemeral X25519 scalar, which Finish
// wipes whether it succeeds or fails; a Handshake can be finished only once.
type Handshake struct {
	self   *Identity
	peer   ed25519.PublicKey
	hello  []byte
	scalar [32]byte
	done   bool
}

// Initiate starts a handshake from self to the peer whose identity public
// key is already known. It reads a fresh 32-byte ephemeral scalar from rand
// and returns the initiator state and the hello to send to the peer.
func Initiate(rand io.Reader, self *Identity, peer ed25519.PublicKey) (*Handshake, []byte, error) {
	if !self.valid() {
		return nil, nil, errNilIdentity
	}
	if err := checkPeer(peer); err != nil {
		return nil, nil, err
	}
	h := &Handshake{self: self, peer: slices.Clone(peer)}
	if err := readFull(rand, h.scalar[:]); err != nil {
		h.wipe()
		return nil, nil, fmt.Errorf("e2e: generating ephemeral key: %w", err)
	}
	ei := x25519.PublicKey(&h.scalar)
	sig := self.sign(helloTranscript(ei[:], self.Public(), h.peer))
	h.hello = append(ei[:], sig...)
	return h, slices.Clone(h.hello), nil
}

// Finish verifies the responder's reply and returns the initiator's Session.
// The ephemeral scalar is wiped as soon as the shared secret is computed, and
// also if Finish fails, so the Handshake cannot be retried.
//
// It returns an error wrapping ErrMalformed for a reply of the wrong length
// and ErrBadSignature if the reply was not signed by the expected peer.
func (h *Handshake) Finish(reply []byte) (*Session, error) {
	if h == nil || h.done || !h.self.valid() {
		return nil, errFinished
	}
	defer h.wipe()
	if len(reply) != ReplySize {
		return nil, fmt.Errorf("e2e: reply is %d bytes, want %d: %w", len(reply), ReplySize, ErrMalformed)
	}
	ei, er, sig := h.hello[:pointSize], reply[:pointSize], reply[pointSize:]
	if !ed25519.Verify(h.peer, replyTranscript(ei, er, h.self.Public(), h.peer), sig) {
		return nil, fmt.Errorf("e2e: reply: %w", ErrBadSignature)
	}
	shared, err := x25519.SharedSecret(&h.scalar, (*[pointSize]byte)(er))
	h.wipe()
	defer clear(shared[:])
	if err != nil {
		return nil, fmt.Errorf("e2e: responder ephemeral key: %v: %w", err, ErrMalformed)
	}
	keys, err := DeriveKeys(shared[:], h.hello, reply)
	if err != nil {
		return nil, err
	}
	return newSession(keys, true), nil
}

// wipe zeroes the ephemeral scalar and marks the handshake as used.
func (h *Handshake) wipe() {
	clear(h.scalar[:])
	h.done = true
}

// Respond answers the hello of the peer whose identity public key is already
// known. It verifies the hello's signature, reads a fresh 32-byte ephemeral
// scalar from rand, and returns the responder's Session and the reply to
// send back. The ephemeral scalar is wiped before Respond returns.
//
// It returns an error wrapping ErrMalformed for a hello or key of the wrong
// length and ErrBadSignature if the hello was not signed by peer for self.
func Respond(rand io.Reader, self *Identity, peer ed25519.PublicKey, hello []byte) (*Session, []byte, error) {
	var scalar [32]byte
	return respond(rand, self, peer, hello, &scalar)
}

// respond is Respond with the ephemeral scalar's storage supplied by the
// caller, so that tests can check it is wiped.
func respond(rand io.Reader, self *Identity, peer ed25519.PublicKey, hello []byte, scalar *[32]byte) (*Session, []byte, error) {
	defer clear(scalar[:])
	if !self.valid() {
		return nil, nil, errNilIdentity
	}
	if err := checkPeer(peer); err != nil {
		return nil, nil, err
	}
	if len(hello) != HelloSize {
		return nil, nil, fmt.Errorf("e2e: hello is %d bytes, want %d: %w", len(hello), HelloSize, ErrMalformed)
	}
	selfPub := self.Public()
	ei, sig := hello[:pointSize], hello[pointSize:]
	if !ed25519.Verify(peer, helloTranscript(ei, peer, selfPub), sig) {
		return nil, nil, fmt.Errorf("e2e: hello: %w", ErrBadSignature)
	}

	if err := readFull(rand, scalar[:]); err != nil {
		return nil, nil, fmt.Errorf("e2e: generating ephemeral key: %w", err)
	}
	er := x25519.PublicKey(scalar)
	shared, err := x25519.SharedSecret(scalar, (*[pointSize]byte)(ei))
	clear(scalar[:])
	defer clear(shared[:])
	if err != nil {
		return nil, nil, fmt.Errorf("e2e: initiator ephemeral key: %v: %w", err, ErrMalformed)
	}

	reply := append(er[:], self.sign(replyTranscript(ei, er[:], peer, selfPub))...)
	keys, err := DeriveKeys(shared[:], hello, reply)
	if err != nil {
		return nil, nil, err
	}
	return newSession(keys, false), reply, nil
}

func checkPeer(peer ed25519.PublicKey) error {
	if len(peer) != ed25519.PublicKeySize {
		return fmt.Errorf("e2e: peer identity key is %d bytes, want %d: %w", len(peer), ed25519.PublicKeySize, ErrMalformed)
	}
	return nil
}

// helloTranscript is the message the initiator signs.
func helloTranscript(ei, pubI, pubR []byte) []byte {
	return slices.Concat([]byte(helloContext), ei, pubI, pubR)
}

// replyTranscript is the message the responder signs.
func replyTranscript(ei, er, pubI, pubR []byte) []byte {
	return slices.Concat([]byte(replyContext), ei, er, pubI, pubR)
}

// The wire sizes must match their layout.
var _ = [1]struct{}{}[HelloSize-(pointSize+ed25519.SignatureSize)]
var _ = [1]struct{}{}[ReplySize-(pointSize+ed25519.SignatureSize)]
