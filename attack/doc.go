// Package attack models what adversaries do with a captured archive of
// traffic: a [World] of people who call one another under Clipper (EES) and
// under forward-secret end-to-end encryption, a [Wiretap] that records what
// an eavesdropper on the network sees, and an [Attacker] that tries to open
// every recorded session with whatever keys have leaked to it.
//
// Every outcome is measured: [Measure] counts only the sessions whose
// recovered messages match, byte for byte, what was actually said.
package attack
