package e2e

import (
	"crypto/hkdf"
	"crypto/sha256"
	"fmt"
)

// keyInfo is the HKDF info string that binds derived keys to this protocol.
const keyInfo = "escrowlab/e2e/v1 traffic keys"

// Keys are the two per-direction ChaCha20-Poly1305 keys of one session.
type Keys struct {
	// InitiatorToResponder seals messages sent by the initiator.
	InitiatorToResponder [32]byte
	// ResponderToInitiator seals messages sent by the responder.
	ResponderToInitiator [32]byte
}

// Ephemerals parses the initiator's and responder's ephemeral X25519 public
// keys out of a captured hello and reply. It checks only their lengths, not
// their signatures: it is what a passive eavesdropper can learn.
func Ephemerals(hello, reply []byte) (initiator, responder [32]byte, err error) {
	if len(hello) != HelloSize {
		return initiator, responder, fmt.Errorf("e2e: hello is %d bytes, want %d: %w", len(hello), HelloSize, ErrMalformed)
	}
	if len(reply) != ReplySize {
		return initiator, responder, fmt.Errorf("e2e: reply is %d bytes, want %d: %w", len(reply), ReplySize, ErrMalformed)
	}
	copy(initiator[:], hello[:pointSize])
	copy(responder[:], reply[:pointSize])
	return initiator, responder, nil
}

// DeriveKeys runs the session key schedule: HKDF-SHA256 with the 32-byte
// X25519 shared secret as input, SHA-256(hello || reply) as salt and a fixed
// info string, expanded to 64 bytes split into the two direction keys.
//
// Both parties call it after the handshake; an eavesdropper who recorded the
// hello and reply can call it with any candidate shared secret.
func DeriveKeys(shared, hello, reply []byte) (Keys, error) {
	if len(shared) != pointSize {
		return Keys{}, fmt.Errorf("e2e: shared secret is %d bytes, want %d: %w", len(shared), pointSize, ErrMalformed)
	}
	if _, _, err := Ephemerals(hello, reply); err != nil {
		return Keys{}, err
	}
	h := sha256.New()
	h.Write(hello)
	h.Write(reply)
	salt := h.Sum(nil)

	okm, err := hkdf.Key(sha256.New, shared, salt, keyInfo, 64)
	if err != nil {
		return Keys{}, fmt.Errorf("e2e: deriving traffic keys: %w", err)
	}
	defer clear(okm)

	var k Keys
	copy(k.InitiatorToResponder[:], okm[:32])
	copy(k.ResponderToInitiator[:], okm[32:])
	return k, nil
}
