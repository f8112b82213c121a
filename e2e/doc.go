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
// # Two variants to compare against
//
// e2e-static is end-to-end encryption without forward secrecy, as classic
// PGP did it. Every user also has a long-term X25519 [StaticKey]. The caller
// picks a random session key, encrypts it to the callee's static public key
// with HPKE ([StartStatic]) and sends it along; the callee unwraps it
// ([AcceptStatic]). Messages look exactly like the forward-secret ones.
// Nobody in the middle can read them, but the callee's static key now
// protects every session key ever sent to that user: whoever steals it
// opens every session addressed to that user, past and future
// ([UnwrapStatic]), though no other user's.
//
// e2e-escrowed is the "exceptional access" demanded again in 2015: the
// forward-secret protocol above, unchanged, plus an escrow field holding the
// session's [Keys] encrypted to an [Authority]'s public key
// ([Session.EscrowTo]), sent alongside the session. Forward secrecy is gone
// again, and worse than in e2e-static: one authority key opens every session
// of every user, past and future ([OpenEscrow]). That single key is
// Clipper's weakness rebuilt.
//
// # Randomness and determinism
//
// Every secret is built from bytes read from the io.Reader passed in by the
// caller, HPKE's included: [StartStatic], [Session.EscrowTo] and
// [Session.SealToDevice] make the sender's ephemeral HPKE key from 32 bytes
// of that reader (RFC 9180's DeriveKeyPair). Production code passes
// crypto/rand.Reader. escrowlab's --seed flag passes a seeded deterministic
// reader instead, so a run can be replayed byte for byte, wrapped session
// keys, escrow fields and device copies included. Such a reader is only
// suitable for teaching and testing.
//
// Go 1.26's crypto/hpke draws its ephemeral key from crypto/rand and takes
// no reader, so this package seals with github.com/cloudflare/circl's HPKE
// and opens with crypto/hpke. Both implement RFC 9180, and the tests check
// that each opens what the other seals.
//
// The functions [Ephemerals], [DeriveKeys] and [OpenMessage] expose the key
// schedule to an eavesdropper that holds some candidate secret, so that
// escrowlab's attack code can really try, and fail, to open recorded
// forward-secret traffic with seized identity keys. [UnwrapStatic] and
// [OpenEscrow] are the same eavesdropper holding a stolen static key or
// authority key, and there the attack succeeds.
package e2e
