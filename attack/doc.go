// Package attack models what adversaries do with a captured archive of
// traffic. A [World] holds people who call one another under six schemes:
// Clipper (EES), threshold escrow, GSM-style SIM encryption, and three kinds
// of end-to-end encryption (static, forward-secret, and with exceptional
// access). A [Wiretap] records what an eavesdropper on the network sees. A
// [Leak] is what has reached an adversary, and an [Attacker] tries to open
// every recorded session with that and nothing else.
//
// Every outcome is measured: [Measure] counts only the sessions whose
// recovered messages match, byte for byte, what was actually said. On top of
// that, [NewMatrix] measures every leak against every scheme, and [Forger]
// runs Blaze's 1994 LEAF forgery against a chip's own checksum check.
package attack
