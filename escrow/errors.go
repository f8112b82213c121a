package escrow

import "errors"

// Sentinel errors that callers branch on. Functions wrap them with context,
// so test with [errors.Is].
var (
	// ErrMalformed reports an input of the wrong length or shape: a key, an
	// IV, a LEAF or a ciphertext.
	ErrMalformed = errors.New("malformed input")

	// ErrLEAFRejected reports a LEAF whose checksum does not match the
	// session key and IV: the receiving chip refuses to decrypt.
	ErrLEAFRejected = errors.New("LEAF rejected: checksum does not match the session key and IV")

	// ErrBadPadding reports traffic that did not decrypt to correctly padded
	// plaintext, which is what decrypting under a wrong key usually gives.
	ErrBadPadding = errors.New("decryption failed: bad padding (wrong key or damaged ciphertext)")

	// ErrNoUnitKey reports that a decrypt processor holds no unit key for the
	// unit ID a LEAF names.
	ErrNoUnitKey = errors.New("no unit key for this unit ID")

	// ErrUnknownUnit reports that an escrow agent holds no component for the
	// unit ID a certification names.
	ErrUnknownUnit = errors.New("unit ID not in the escrow database")

	// ErrCertificationIncomplete reports a certification without an agency,
	// a docket number or an end date.
	ErrCertificationIncomplete = errors.New("certification lacks an agency, a docket number or an end date")

	// ErrAuthorityNotYetValid reports a certification presented before the
	// interception authority began.
	ErrAuthorityNotYetValid = errors.New("interception authority not yet in force")

	// ErrAuthorityEnded reports a certification presented after the
	// interception authority ended.
	ErrAuthorityEnded = errors.New("interception authority has ended")

	// ErrChecksumBits reports a LEAF checksum width outside
	// [MinChecksumBits, MaxChecksumBits].
	ErrChecksumBits = errors.New("LEAF checksum width out of range")
)
