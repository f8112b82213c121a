// Package skipjack implements the Skipjack block cipher as specified in
// NSA's "SKIPJACK and KEA Algorithm Specifications, Version 2.0"
// (29 May 1998).
//
// Skipjack encrypts 64-bit blocks under an 80-bit key using 32 rounds of
// an unbalanced Feistel network built from two stepping rules, A and B,
// and a keyed 16-bit permutation G. It was designed by the U.S. National
// Security Agency for the Clipper and Capstone chips of the Escrowed
// Encryption Standard (FIPS 185, 1994), whose "key escrow" scheme let the
// government recover session keys through the Law Enforcement Access
// Field (LEAF). The algorithm itself was classified until NSA
// declassified it on 24 June 1998.
//
// escrowlab uses this package to model Clipper for teaching. It is not
// constant-time (it uses table lookups), its 80-bit key is too short by
// modern standards, and it must not be used to protect real secrets.
package skipjack
