package attack

import "errors"

// Codec is the part of a scheme that goes to disk, for the capture and
// decrypt commands (package archive): its records in a wiretap archive,
// the public directory an eavesdropper can consult, and the key material
// its leaks give away, as text files a student can open. Every scheme
// implements it; docs/archive-format.md describes what each writes.
type Codec interface {
	// Directory returns the public facts of this deployment that decrypt
	// needs to say whose calls it identified: each person's unit ID,
	// identity key or phone number, as text. Nothing secret.
	Directory() ([]byte, error)

	// AppendRecord appends r, one of this scheme's records, in the binary
	// form ParseRecord reads.
	AppendRecord(dst []byte, r Record) ([]byte, error)

	// KeyParts writes an item this scheme's Lose returned as key files,
	// one per separable piece (the family key apart from each agent's
	// database), each in the text form ParseItem reads. An access
	// capability, which acts only on traffic still to come, is not key
	// material: KeyParts returns ErrNotKeyMaterial for it.
	KeyParts(item any) ([]KeyPart, error)
}

// KeyPart is one key file's worth of key material: the scheme's name for
// the kind of material ("family-key", "agent1-db"), whose it is if it is
// anyone's ("Alice"), and its text.
type KeyPart struct {
	Kind  string
	Owner string
	Body  []byte
}

// Reading is a scheme restored from an archive's directory, holding no
// secret: it parses the scheme's records and key files, and opens
// recorded sessions with what an adversary holds, as the deployed scheme
// does. The deployed scheme is itself a Reading.
type Reading interface {
	// ParseRecord reads a record written by AppendRecord. It fails, and
	// never panics, on damaged or hostile bytes.
	ParseRecord(b []byte) (Record, error)

	// ParseItem reads the body of a key file of the given kind, written
	// by KeyParts, into an item for Holdings.
	ParseItem(kind string, body []byte) (any, error)

	// Opener is Scheme.Opener: what an adversary holding h can do.
	Opener(h Holdings) (Opener, error)
}

// Errors of codecs, for callers that branch on them.
var (
	// ErrNotKeyMaterial: an item is an access capability, not key
	// material that a file could carry.
	ErrNotKeyMaterial = errors.New("not key material")
	// ErrUnknownKind: a key file's kind is not one the scheme writes.
	ErrUnknownKind = errors.New("unknown kind of key file")
)
