// Package shamir implements Shamir's k-of-n secret sharing (Adi Shamir,
// "How to Share a Secret", Communications of the ACM 22(11), 1979).
//
// [Split] turns a secret into n shares so that any k of them rebuild it with
// [Combine] and any k-1 of them say nothing about it. The arithmetic is done
// in GF(2^8), the field AES uses (reduction polynomial x^8+x^4+x^3+x+1),
// one byte at a time: each byte of the secret is the constant term of its own
// random polynomial of degree k-1, and share i holds the values of all those
// polynomials at x = i.
//
// escrowlab uses it to split a Clipper unit key among more than two escrow
// agents, to show that a threshold moves the single point of failure rather
// than removing it: k stolen databases open every chip, just as Clipper's
// two did.
//
// Why not a library: HashiCorp Vault's shamir package lives inside the whole
// Vault module, and go.dedis.ch/kyber's share package works over prime-order
// groups and brings a large dependency tree. A hundred lines over GF(2^8),
// fully tested, fit a teaching tool better and add no dependency.
//
// This is a teaching model. The field arithmetic branches and loops on secret
// data, so it is not constant-time, and nothing here authenticates shares: a
// forged or damaged share silently yields a wrong secret.
package shamir
