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
// Field (LEAF). The algorithm itself was classified until NSA announced
// its declassification on 23 June 1998; NIST posted the specification the
// next day.
//
// # Several blocks at once
//
// Encrypt and Decrypt work on one block and are the reference: each block
// is a chain of 128 dependent table lookups, so they run at the speed of
// the memory's answer to each lookup. Work made of independent blocks runs
// eight blocks side by side, several times faster per core, and gives
// exactly the same results. The Block returned by NewCipher has three
// optional methods for it:
//
//   - NewCBCDecrypter and NewCTR, which crypto/cipher.NewCBCDecrypter and
//     crypto/cipher.NewCTR look for and call, so callers of crypto/cipher
//     get them without asking. CBC encryption stays crypto/cipher's own:
//     each block needs the one before it.
//   - EncryptBlocks(dst, src []byte), which encrypts each 8-byte block of
//     src on its own (ECB). It serves searches over many unrelated blocks,
//     such as the LEAF checks of escrowlab's forgery; it is not a way to
//     encrypt a message. Reach it with a type assertion, as in the example.
//
// escrowlab uses this package to model Clipper for teaching. It is not
// constant-time (it uses table lookups), its 80-bit key is too short by
// modern standards, and it must not be used to protect real secrets.
package skipjack
