package e2e

import "errors"

var (
	// ErrMalformed is returned when an input has the wrong length or cannot
	// be parsed, for example a truncated hello, a key of the wrong size, or
	// a nil or non-X25519 static or authority key.
	ErrMalformed = errors.New("malformed input")

	// ErrBadSignature is returned when the signature in a hello or reply does
	// not verify under the expected peer's identity key. The handshake bytes
	// were tampered with, or were sent by someone else.
	ErrBadSignature = errors.New("handshake signature did not verify")

	// ErrAuthentication is returned when a sealed message, a wrapped
	// session key or an escrow field fails AEAD authentication: it was
	// tampered with, or the key is wrong.
	ErrAuthentication = errors.New("message authentication failed")

	// ErrReplay is returned by [Session.Open] when an authentic message does
	// not carry the next expected sequence number, because it was replayed,
	// reordered or an earlier message was dropped.
	ErrReplay = errors.New("unexpected sequence number")
)

// errFinished is returned when a Handshake is used after Finish, successful
// or not. Its ephemeral scalar has been wiped, so it can never complete.
var errFinished = errors.New("e2e: handshake already finished")
