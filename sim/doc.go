// Package sim models a GSM-style SIM card, its manufacturer and the mobile
// operator's authentication centre, to show that a SIM manufacturer's key
// database is key escrow by another name.
//
// # The 2015 Gemalto case
//
// In February 2015 The Intercept reported that US and UK intelligence
// agencies had, around 2010, harvested SIM-card keys made by Gemalto, the
// largest SIM manufacturer, mainly by intercepting the key files sent to
// operators; Gemalto disputed that keys were stolen at scale. Every SIM
// holds a secret key, Ki, that it shares with its mobile operator. The
// manufacturer generates Ki, writes it into the card, and sends the
// operator a key file listing each subscriber's IMSI and Ki. In this model
// the manufacturer also keeps every key in a database that nobody ever
// chose to trust: a modelling choice that makes the database the thing a
// thief takes.
//
// On each connection the network sends a random challenge, RAND, in the
// clear. The SIM computes a response, SRES, which it sends back in the
// clear, and a session key, Kc, which never leaves the handset; the radio
// traffic is then encrypted under Kc. A passive eavesdropper who holds the
// manufacturer's key database therefore needs no cryptanalysis at all: from
// the RAND on the air it computes every subscriber's Kc, and by checking
// which Ki reproduces the SRES it saw it learns whose call it is recording
// ([Identify]). Nothing on the air, and nothing the subscriber can do,
// reveals that this is happening.
//
// # The model and its simplifications
//
// A [Manufacturer] makes each [SIM] with [Manufacturer.MakeSIM] and keeps
// every Ki it issued; [Manufacturer.Database] returns a copy of that
// database, which is exactly what a theft of it yields. An [Operator] loads
// the key file with [NewOperator] and issues challenges with
// [Operator.Challenge]. The SIM answers with [SIM.Respond]; anyone holding Ki
// computes the same answer with [Derive]. Traffic is sealed with [Seal] and
// opened with [Open].
//
// The model departs from GSM in the following ways, each on purpose:
//
//   - Ki is 128 bits, SRES 32 bits and Kc 64 bits, as in GSM.
//   - The A3/A8 algorithms (COMP128 in many real SIMs) are replaced by
//     HMAC-SHA256(Ki, "escrowlab/sim/v1" || RAND). SRES is the first 4 bytes
//     of the MAC and Kc the next 8. Real COMP128 versions were secret and
//     weak (COMP128-1 let Ki be extracted from a card); a sound stand-in keeps
//     the lesson on the stolen database rather than on a broken algorithm.
//   - GSM encrypts radio traffic with A5/1 or A5/3 and does not protect voice
//     traffic against tampering. The model instead seals each message with
//     ChaCha20-Poly1305 under a 32-byte key derived from Kc with HKDF-SHA256
//     (no salt, info "escrowlab/sim/v1 traffic"). The nonce is four zero
//     bytes followed by the 8-byte big-endian sequence number, and a sealed
//     message is the sequence number followed by the ciphertext and tag, with
//     the sequence number as additional data. A5/1 can be broken from
//     captured traffic alone; the model uses a strong cipher so that every
//     message the thief reads is read because of the key database, not
//     because of a weak cipher. Authentication also lets the thief, and the
//     tests, tell a right key from a wrong one with certainty.
//   - The caller chooses sequence numbers. Each (Kc, sequence number) pair
//     must seal at most one message, or the nonce repeats. A fresh challenge
//     gives a fresh Kc for each connection.
//   - As in GSM, encryption runs only between the handset and the network.
//     The operator derives Kc too (see [Operator.Challenge]) and sees every
//     message in plaintext. This is not end-to-end encryption.
//   - As in GSM, only the SIM proves who it is; the network is not
//     authenticated. Later generations (3G, 4G, 5G) add network
//     authentication and longer session keys, but still derive them from a
//     long-term key that the SIM maker generated.
//   - Real handsets also send an identity (the IMSI or a temporary alias) on
//     the air. The model leaves it out: the thief identifies the subscriber
//     from the SRES alone, which shows that the database is all it needs.
//     SRES is only 32 bits, so with many keys a wrong Ki can reproduce it by
//     chance; callers of [Identify] should confirm a match by opening traffic.
//   - The SIM is tamper resistant: a [SIM] has no method that returns its
//     Ki, and printing one with the fmt package does not show it.
//
// # Randomness
//
// Every secret (each Ki and each RAND) is read with [io.ReadFull] from the
// [io.Reader] the caller passes, and this package never reads crypto/rand
// itself, so a seeded reader replays a run exactly. Real programs pass
// crypto/rand.Reader.
//
// This is a teaching model. Do not use it to protect real secrets.
package sim
