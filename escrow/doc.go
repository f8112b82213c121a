// Package escrow models the Escrowed Encryption Standard (EES, FIPS 185,
// 1994): the Clipper chip and the key-escrow system around it.
//
// Every chip ([Device]) has a 32-bit unit ID and an 80-bit unit key KU, and
// all chips of a family share an 80-bit family key KF ([Family]). When a chip
// is made ([Facility.Manufacture]) its unit key is split into two components,
// KU = KU1 xor KU2, and each component is deposited with one of two escrow
// agents ([EscrowAgent]); in 1994 these were NIST and the Treasury
// Department's Automated Systems Division.
//
// Two callers agree an 80-bit session key KS ([KeyExchange]). The sending
// chip encrypts its traffic under KS with Skipjack and attaches a Law
// Enforcement Access Field ([LEAF]): the chip's unit ID, KS wrapped under KU,
// and a checksum of KS and the IV, all sealed under KF. The receiving chip
// checks that checksum and refuses traffic whose LEAF fails it.
//
// An agency holding KF in a decrypt processor ([DecryptProcessor]) reads the
// unit ID out of any captured LEAF. Under the procedures of February 1994 a
// court order authorises the interception; the agency then presents each
// agent a [Certification] naming the unit ID, the docket number of the order
// and the date its authority ends, obtains both components, rebuilds KU,
// unwraps KS and reads the call. The authority ends; the rebuilt KU does
// not.
//
// Tamper resistance is modelled by the API: a Device has no method that
// returns KU or KF. Other code can only do what a chip's interface allowed.
//
// The inner construction of the real LEAF was classified and never published.
// This package's LEAF is a model designed for teaching (see
// docs/how-it-works.md): same fields, same sizes, same checksum check, but not
// NSA's bits. Nothing here is meant to protect real secrets.
package escrow
