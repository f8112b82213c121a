// Package e2e implements a small end-to-end encrypted messaging protocol
// with forward secrecy, written to be read next to the Clipper key-escrow
// model in the rest of escrowlab.
//
// # What forward secrecy means
//
// Every user has a long-term identity key that lives on their device for
// years. If the keys that actually encrypt messages were derived from that
// long-term key, anyone who later steals the device (or subpoenas, seizes or
// leaks the key) could go back and decrypt every message the user ever sent
// that an eavesdropper had recorded. That is exactly what a leaked Clipper
// escrow database does to all of its users at once.
//
// Forward secrecy breaks that link. For every conversation both sides pick a
// fresh, random, throw-away ("ephemeral") X25519 key, exchange the public
// halves, and compute a shared secret from them with Diffie-Hellman. The
// message keys come only from that shared secret. As soon as the shared
// secret has been computed the ephemeral private keys are wiped from memory,
// and when the [Session] is discarded its message keys go too. After that the
// secret no longer exists anywhere: not on either device and not on the wire.
// Seizing both users' identity keys afterwards does not help, because the
// identity keys were never used to make the message keys. Old traffic stays
// sealed ("forward" in time from the compromise, looking back).
//
// # Why identity keys only sign
//
// If nobody checked who sent an ephemeral key, an attacker sitting in the
// middle could swap in their own and read everything. So each side signs its
// ephemeral public key (together with both identities) with its long-term
// Ed25519 identity key, and the other side verifies that signature. The
// identity key therefore answers "who am I talking to?", never "what is the
// message key?". A signature proves something at the moment it is checked;
// stealing the signing key later lets the thief impersonate the user in new
// conversations, but it contains no information about the secrets of old
// ones.
//
// # The protocol
//
// The initiator calls [Initiate] and sends the 96-byte hello:
//
//	hello = EI || Sign(identity I, "escrowlab/e2e/v1 hello" || EI || pubI || pubR)
//
// The responder calls [Respond], which checks the signature and answers with
// the 96-byte reply:
//
//	reply = ER || Sign(identity R, "escrowlab/e2e/v1 reply" || EI || ER || pubI || pubR)
//
// The initiator checks that signature in [Handshake.Finish]. Both sides then
// compute shared = X25519(own ephemeral, peer ephemeral) and run [DeriveKeys]:
// HKDF-SHA256 with salt SHA-256(hello || reply) gives one ChaCha20-Poly1305
// key per direction. Each sealed message is an 8-byte big-endian sequence
// number followed by the AEAD ciphertext; the sequence number is both the
// nonce and the additional data, and a [Session] accepts only the next
// expected number, which rejects replayed and reordered messages.
//
// # Randomness and determinism
//
// Every secret is built from bytes read from the io.Reader passed in by the
// caller; the package never reads crypto/rand on its own. Production code
// passes crypto/rand.Reader. escrowlab's --seed flag passes a seeded
// deterministic reader instead so a run can be replayed byte for byte. Such a
// reader is only suitable for teaching and testing.
//
// The functions [Ephemerals], [DeriveKeys] and [OpenMessage] expose the key
// schedule to an eavesdropper that holds some candidate secret, so that
// escrowlab's attack code can really try, and fail, to open recorded
// forward-secret traffic with seized identity keys.
package e2e
