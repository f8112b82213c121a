package sim

import "errors"

// Sentinel errors that callers branch on. Functions wrap them with context,
// so test with [errors.Is].
var (
	// ErrMalformed reports an input of the wrong length or shape: a sealed
	// message too short to hold a sequence number and a tag, or an empty
	// IMSI.
	ErrMalformed = errors.New("malformed input")

	// ErrAuthentication reports a sealed message that failed AEAD
	// authentication: it was tampered with, or the Kc is wrong.
	ErrAuthentication = errors.New("message authentication failed")
)

// Errors that are not part of the API, kept as values so that the tests
// can check which failure happened.
var (
	// errDuplicateIMSI reports a second SIM with an IMSI already issued.
	errDuplicateIMSI = errors.New("IMSI already issued")

	// errUnknownIMSI reports an IMSI missing from the operator's key file.
	errUnknownIMSI = errors.New("IMSI not in the operator's key file")
)
