package e2e

import "crypto/ed25519"

// Participants reports which of the candidate identity keys ran a captured
// handshake, as initiator and responder, by checking the hello's and the
// reply's signatures. ok is false unless both parties are among the
// candidates. It is what an eavesdropper who holds identity public keys can
// learn about who talked, without opening any message: the handshake hides
// content, not its signers.
func Participants(hello, reply []byte, candidates []ed25519.PublicKey) (initiator, responder ed25519.PublicKey, ok bool) {
	ei, er, err := Ephemerals(hello, reply)
	if err != nil {
		return nil, nil, false
	}
	for _, pi := range candidates {
		for _, pr := range candidates {
			if len(pi) != ed25519.PublicKeySize || len(pr) != ed25519.PublicKeySize {
				continue
			}
			if ed25519.Verify(pi, helloTranscript(ei[:], pi, pr), hello[pointSize:]) &&
				ed25519.Verify(pr, replyTranscript(ei[:], er[:], pi, pr), reply[pointSize:]) {
				return pi, pr, true
			}
		}
	}
	return nil, nil, false
}
